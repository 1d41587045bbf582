import { describe, expect, it } from "vitest";
import type { Incoming } from "../../src/core/command.js";
import { notifyAskers } from "../../src/core/questions/notify.js";
import { grantCast, plain, tgText, USERS } from "../core/status/fixtures.js";
import { createTestApp, textFrom } from "../helpers/app.js";

const SALARY = "Lương tháng 7 của cán bộ phường được chi trả khi nào?";
const SALARY_AGAIN = "lương tháng 7 chi trả khi nào vậy";

/** A message from a Zalo user (no buttons). */
function zaloText(userId: string, text: string, extra: Partial<Incoming> = {}): Incoming {
  return textFrom(userId, text, { channel: "zalo", ...extra });
}

async function setup(now?: string) {
  const app = await createTestApp({ admins: ["telegram:1"], ...(now ? { now } : {}) });
  await grantCast(app.store);
  return app;
}

async function ask(app: Awaited<ReturnType<typeof setup>>, who: Incoming) {
  const replies = await app.assistant.handle(who);
  await app.store.flush();
  return replies;
}

describe("/cauhoi and /giaidap: closing the knowledge gap", () => {
  it("lists an unknown question, answers it, tells the asker once, and answers the next similar question with it", async () => {
    const app = await setup();
    const refused = await ask(app, tgText(USERS.member, `/hoi ${SALARY}`));
    expect(plain(refused[0])).toContain("Chưa có thông tin");
    await ask(app, zaloText("z-77", SALARY));

    const listing = await app.assistant.handle(tgText(USERS.coordinator, "/cauhoi"));
    const text = plain(listing[0]);
    console.log(text);
    expect(text).toContain(`1. “${SALARY}”`);
    expect(text).toContain("2 lượt hỏi");
    expect(text).toContain("2 người đang chờ");

    const done = await app.assistant.handle(tgText(USERS.coordinator, "/giaidap 1 Lương tháng 7 được chi trả trước ngày 10/08/2025."));
    console.log(plain(done[0]));
    expect(plain(done[0])).toContain("Đã lưu câu trả lời (mã gd1)");

    const notices = app.outbox.sent.filter((m) => m.ref.startsWith("answer-notice|"));
    console.log(notices.map((n) => `${n.chatKey}\n${plain(n.reply)}`).join("\n---\n"));
    const again = await ask(app, tgText("402", `/hoi ${SALARY_AGAIN}`));
    console.log(plain(again[0]));
  });
});
