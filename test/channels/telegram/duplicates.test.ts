import { describe, expect, it } from "vitest";
import { grantCast, USERS } from "../../core/status/fixtures.js";
import { buttonPress, createTelegramTestBot, privateText, type TgUser } from "../../helpers/telegram.js";

const lead: TgUser = { id: Number(USERS.leadBrvt), first_name: "Nguyễn Văn An" };
const BLOCKED = "tt email-lists sokhcn-brvt 4";

async function setup() {
  const t = await createTelegramTestBot({ admins: ["telegram:1"] });
  await grantCast(t.store);
  return t;
}

describe("Telegram: duplicates have one effect", () => {
  it("handles a redelivered update (same update_id) once: one record, one reply, one coordinator alert", async () => {
    const t = await setup();
    const press = buttonPress(lead, BLOCKED, { chatId: lead.id, messageId: 5 });
    await t.send(press);
    const repliesAfterFirst = t.textsTo(lead.id).length;
    const alertsAfterFirst = t.outbox.sent.length;
    await t.send(press); // Telegram redelivers the same update after a crash
    expect(await t.store.statuses.count()).toBe(1);
    expect(t.textsTo(lead.id)).toHaveLength(repliesAfterFirst);
    expect(t.outbox.sent).toHaveLength(alertsAfterFirst);
    expect(alertsAfterFirst).toBeGreaterThan(0);
  });

  it("records the same button pressed twice in a row once, and answers the second press briefly", async () => {
    const t = await setup();
    await t.send(buttonPress(lead, BLOCKED, { chatId: lead.id, messageId: 5 }));
    const alerts = t.outbox.sent.length;
    await t.send(buttonPress(lead, BLOCKED, { chatId: lead.id, messageId: 5 })); // a new update_id, same press
    expect(await t.store.statuses.count()).toBe(1);
    expect(t.outbox.sent).toHaveLength(alerts);
    expect(t.callsOf("answerCallbackQuery").at(-1)?.payload.text).toMatch(/Đã nhận thao tác này rồi/);
  });

  it("handles a redelivered text message once", async () => {
    const t = await setup();
    const update = privateText(lead, "/lich email");
    await t.send(update);
    const replies = t.textsTo(lead.id).length;
    await t.send(update);
    expect(t.textsTo(lead.id)).toHaveLength(replies);
  });
});
