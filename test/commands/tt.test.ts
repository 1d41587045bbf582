import { describe, expect, it } from "vitest";
import { STATUSES } from "../../src/core/status/kinds.js";
import { plain, tgPress, grantCast, USERS } from "../core/status/fixtures.js";
import { createTestApp } from "../helpers/app.js";

async function setup() {
  const app = await createTestApp({ admins: ["telegram:1"] });
  await grantCast(app.store);
  return app;
}

describe("status buttons (tt)", () => {
  for (const s of STATUSES) {
    it(`records "${s.vi}" for the lead's agency when the lead presses its button`, async () => {
      const app = await setup();
      await app.assistant.handle(tgPress(USERS.leadBrvt, `tt email-lists sokhcn-brvt ${s.number}`));
      const latest = await app.store.statuses.latestFor("email-lists", "sokhcn-brvt");
      expect(latest?.status).toBe(s.kind);
      expect(latest?.role).toBe("lead");
      expect(latest?.onBehalfOf).toBeUndefined();
      const [record] = await app.store.statuses.history("email-lists", "sokhcn-brvt");
      expect(record).toMatchObject({ kind: "status", userKey: "telegram:201", channel: "telegram", at: "2025-05-01T02:00:00.000Z" });
    });
  }

  it("edits the pressed reminder to show the recorded status, without buttons, before confirming", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 1"));
    expect(replies[0]?.editOriginal).toBe(true);
    expect(replies[0]?.buttons).toBeUndefined();
    expect(plain(replies[0])).toContain("Đã ghi nhận: ✅ Đã hoàn thành");
    expect(replies[1]?.editOriginal).toBeUndefined();
  });

  it("confirms exactly what was recorded: milestone, agency, status, note, time and who will see it", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 2"));
    const text = plain(replies[1]);
    expect(text).toContain("Đã ghi nhận cập nhật tiến độ");
    expect(text).toContain("(email-lists)");
    expect(text).toContain("Đơn vị: Sở KH&CN Bà Rịa - Vũng Tàu");
    expect(text).toContain("Trạng thái: 🟢 Đúng tiến độ");
    expect(text).toContain("Ghi chú: không có");
    expect(text).toContain("Thời gian: 09:00 01/05/2025");
    expect(text).toContain("Người cập nhật: Người dùng 201 (đầu mối)");
    expect(text).toContain("Người xem được: điều phối viên và đầu mối của đơn vị.");
  });

  it("asks for a note with a force-reply prompt kept 24 hours after at risk", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 3"));
    expect(replies).toHaveLength(3);
    expect(replies[2]?.forceReply?.placeholder).toBeTruthy();
    const id = (await app.store.statuses.latestFor("email-lists", "sokhcn-brvt"))!.recordId;
    const prompt = await app.store.prompts.find("telegram:201", "telegram:201", "2025-05-01T02:00:00.000Z", "note");
    expect(prompt).toMatchObject({ kind: "note", ref: id, userKey: "telegram:201", expiresAt: "2025-05-02T02:00:00.000Z" });
  });

  it("does not ask for a note after done or on track", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 1"));
    expect(replies.some((r) => r.forceReply)).toBe(false);
    expect(await app.store.prompts.find("telegram:201", "telegram:201", "2025-05-01T02:00:00.000Z", "note")).toBeUndefined();
  });

  it("refuses and logs a payload for a milestone that does not exist", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgPress(USERS.leadBrvt, "tt no-such-milestone sokhcn-brvt 1"));
    expect(plain(replies[0])).toContain("Không tìm thấy mốc công việc này");
    expect(await app.store.statuses.count()).toBe(0);
    expect(app.log.entries).toContainEqual(expect.objectContaining({ level: "warn", obj: expect.objectContaining({ reason: "unknown-milestone", userKey: "telegram:201" }) }));
  });

  it("refuses and logs a payload that is not in the button format", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 9; drop"));
    expect(plain(replies[0])).toContain("Nút bấm này không hợp lệ");
    expect(await app.store.statuses.count()).toBe(0);
    expect(app.log.entries).toContainEqual(expect.objectContaining({ level: "warn", obj: expect.objectContaining({ reason: "malformed" }) }));
  });

  it("refuses a forged payload for a milestone the agency is not responsible for", async () => {
    const app = await setup();
    // email-accounts is TTCĐS's alone.
    const replies = await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-accounts sokhcn-brvt 1"));
    expect(plain(replies[0])).toContain("không phải là đơn vị thực hiện");
    expect(await app.store.statuses.count()).toBe(0);
    expect(app.log.entries).toContainEqual(expect.objectContaining({ level: "warn", obj: expect.objectContaining({ reason: "not-responsible" }) }));
  });

  it("refuses a lead pressing another agency's button and logs it", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgPress(USERS.leadBinhduong, "tt email-lists sokhcn-brvt 1"));
    expect(plain(replies[0])).toContain("chỉ cập nhật được tiến độ của đơn vị mình");
    expect(await app.store.statuses.count()).toBe(0);
    expect(app.log.entries).toContainEqual(expect.objectContaining({ level: "warn", obj: expect.objectContaining({ reason: "not-allowed", userKey: "telegram:202" }) }));
  });

  it("refuses a member pressing a status button and logs it", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgPress(USERS.member, "tt email-lists sokhcn-brvt 1"));
    expect(plain(replies[0])).toContain("chỉ đầu mối của Sở KH&CN Bà Rịa - Vũng Tàu hoặc điều phối viên");
    expect(await app.store.statuses.count()).toBe(0);
    expect(app.log.entries).toContainEqual(expect.objectContaining({ level: "warn", obj: expect.objectContaining({ reason: "not-allowed", role: "member" }) }));
  });

  it("records a coordinator's press as on behalf of the agency", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgPress(USERS.coordinator, "tt email-lists sokhcn-brvt 2"));
    expect(await app.store.statuses.latestFor("email-lists", "sokhcn-brvt")).toMatchObject({ role: "coordinator", onBehalfOf: "sokhcn-brvt" });
    expect(plain(replies[1])).toContain("(điều phối viên, thay mặt đơn vị)");
  });

  it("alerts the coordinators at once on blocked, with 'chưa có ghi chú' and a way to answer the lead", async () => {
    const app = await setup();
    await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 4"));
    const id = (await app.store.statuses.latestFor("email-lists", "sokhcn-brvt"))!.recordId;
    expect(app.outbox.sent).toHaveLength(1);
    const [alert] = app.outbox.sent;
    expect(alert).toMatchObject({ chatKey: "telegram:301", ref: `alert|${id}` });
    const text = plain(alert!.reply);
    expect(text).toContain("⛔ Vướng mắc");
    expect(text).toContain("Sở KH&CN Bà Rịa - Vũng Tàu");
    expect(text).toContain("Ghi chú: chưa có ghi chú");
    expect(text).toContain(`/traloi ${id} <nội dung>`);
    expect(text).toContain("tg://user?id=201");
    expect(await app.store.reminders.deliveries({ ref: `alert|${id}` })).toEqual([expect.objectContaining({ chatKey: "telegram:301", result: "ok" })]);
  });

  it("sends no alert for at risk", async () => {
    const app = await setup();
    await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 3"));
    expect(app.outbox.sent).toHaveLength(0);
  });

  it("alerts the admins when no coordinator is registered yet", async () => {
    const app = await createTestApp({ admins: ["telegram:1"] });
    const { grantLead } = await import("../core/status/fixtures.js");
    await grantLead(app.store, USERS.leadBrvt, "sokhcn-brvt");
    await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 4"));
    expect(app.outbox.sent.map((m) => m.chatKey)).toEqual(["telegram:1"]);
  });

  it("answers the pending reminder of the chat: the record carries its key and the bare reply is cleared", async () => {
    const app = await setup();
    const reminderKey = "email-lists|sokhcn-brvt|before:3";
    await app.store.prompts.set({ kind: "reminder", ref: reminderKey, chatKey: "telegram:201", createdAt: "2025-05-01T01:30:00.000Z", expiresAt: "2025-05-02T01:30:00.000Z" });
    await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 2"));
    expect((await app.store.statuses.all())[0]?.reminderKey).toBe(reminderKey);
    expect(await app.store.prompts.find("telegram:201", "telegram:201", "2025-05-01T02:00:00.000Z", "reminder")).toBeUndefined();
  });

  it("refuses a lead whose role was revoked after the reminder was sent", async () => {
    const app = await setup();
    await app.store.people.revoke("telegram:201", "telegram:301", "2025-04-30T02:00:00.000Z");
    const replies = await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 1"));
    expect(plain(replies[0])).toContain("chỉ đầu mối của Sở KH&CN Bà Rịa - Vũng Tàu hoặc điều phối viên");
    expect(await app.store.statuses.count()).toBe(0);
  });

  it("fits every status button of every milestone and responsible agency within Telegram's 64-byte payload limit", async () => {
    const app = await setup();
    const { statusButtons } = await import("../../src/core/status/kinds.js");
    const payloads = app.content.milestones.flatMap((m) => m.responsible.flatMap((a) => statusButtons(m.id, a).flat().map((b) => b.payload)));
    expect(payloads.length).toBeGreaterThan(0);
    for (const p of payloads) expect(Buffer.byteLength(p, "utf8"), p).toBeLessThanOrEqual(64);
  });

  it("is hidden from /help", async () => {
    const app = await setup();
    const replies = await app.assistant.handle({ ...tgPress(USERS.leadBrvt, ""), payload: undefined, text: "/help" });
    expect(plain(replies[0])).not.toMatch(/\/tt\b/);
    expect(plain(replies[0])).toContain("/capnhat");
  });
});
