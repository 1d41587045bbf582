import { describe, expect, it } from "vitest";
import { flatButtons } from "../../src/core/reply.js";
import { createReminderJob } from "../../src/scheduler/reminders.js";
import { grantCast, plain, tgText, USERS } from "../core/status/fixtures.js";
import { createTestApp } from "../helpers/app.js";

const GROUP_BRVT = "telegram:-3001";

/** Thursday 08/05/2025 10:00 ICT: the day before the e-mail list's due-day reminder. */
async function setup(now = "2025-05-08T10:00:00+07:00") {
  const app = await createTestApp({ admins: ["telegram:1"], now });
  await grantCast(app.store);
  await app.store.chats.upsert({ chatKey: GROUP_BRVT, type: "group", title: "Nhóm Sở KH&CN BR-VT", agencyId: "sokhcn-brvt", active: true });
  return app;
}

describe("/nhac", () => {
  it("sends a reminder now to every responsible agency's leads and groups, recorded as manual with the sender", async () => {
    const app = await setup();
    const [answer] = await app.assistant.handle(tgText(USERS.coordinator, "/nhac email-lists"));
    expect(app.outbox.sent.map((m) => m.chatKey).sort()).toEqual([GROUP_BRVT, `telegram:${USERS.leadBrvt}`, `telegram:${USERS.leadBinhduong}`].sort());
    const manual = await app.store.reminders.list();
    expect(manual.map((r) => [r.kind, r.agencyId, r.sentBy, r.plannedFor]).sort()).toEqual([
      ["manual", "sokhcn-binhduong", `telegram:${USERS.coordinator}`, "2025-05-08"],
      ["manual", "sokhcn-brvt", `telegram:${USERS.coordinator}`, "2025-05-08"],
    ]);
    expect(manual[0]?.key).toMatch(/^email-lists\|sokhcn-(brvt|binhduong)\|manual:1@2025-05-08T03:00:00.000Z$/);
    expect(plain(app.outbox.sent[0]!.reply)).toContain("Điều phối viên nhắc hạn");
    expect(flatButtons(app.outbox.sent[0]!.reply)).toHaveLength(4);
    expect(plain(answer)).toMatch(/Sở KH&CN Bà Rịa - Vũng Tàu: đã gửi tới 2\/2 nơi nhận/);
    expect((await app.store.reminders.deliveries()).filter((d) => d.result === "ok")).toHaveLength(3);
  });

  it("reminds only the agency named, by @id or by name, under the alias /remind too", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.coordinator, "/nhac email-lists @sokhcn-brvt"));
    await app.assistant.handle(tgText(USERS.coordinator, "/remind email-lists ba ria vung tau"));
    expect((await app.store.reminders.list()).map((r) => r.agencyId)).toEqual(["sokhcn-brvt", "sokhcn-brvt"]);
    expect(new Set((await app.store.reminders.list()).map((r) => r.key)).size).toBe(2);
  });

  it("does not break the ladder: the due-day reminder still goes out the next day", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.coordinator, "/nhac email-lists"));
    app.clock.set("2025-05-09T08:30:00+07:00");
    const report = await createReminderJob(app.services).tick();
    expect(report.sent).toContain("email-lists|sokhcn-brvt|due:0");
    expect(report.sent).toContain("email-lists|sokhcn-binhduong|due:0");
  });

  it("lets the lead answer the manual reminder with a bare 1", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.coordinator, "/nhac email-lists @sokhcn-brvt"));
    await app.assistant.handle(tgText(USERS.leadBrvt, "1"));
    const latest = await app.store.statuses.latestFor("email-lists", "sokhcn-brvt");
    expect(latest?.status).toBe("done");
    expect((await app.store.statuses.get(latest!.recordId))?.reminderKey).toMatch(/^email-lists\|sokhcn-brvt\|manual:1@/);
  });

  it("leaves out agencies that reported done unless the coordinator names them", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.leadBrvt, "/capnhat email-lists xong"));
    const sentBefore = app.outbox.sent.length;
    const [answer] = await app.assistant.handle(tgText(USERS.coordinator, "/nhac email-lists"));
    expect((await app.store.reminders.list()).map((r) => r.agencyId)).toEqual(["sokhcn-binhduong"]);
    expect(plain(answer)).toContain("Sở KH&CN Bà Rịa - Vũng Tàu: đã báo hoàn thành, không nhắc.");
    await app.assistant.handle(tgText(USERS.coordinator, "/nhac email-lists @sokhcn-brvt"));
    expect(app.outbox.sent.length).toBeGreaterThan(sentBefore + 1);
  });

  it("says when an agency has nobody registered to receive reminders", async () => {
    const app = await createTestApp({ admins: ["telegram:1"], now: "2025-05-08T10:00:00+07:00" });
    const [answer] = await app.assistant.handle(tgText("1", "/nhac email-lists @sokhcn-binhduong"));
    expect(plain(answer)).toContain("chưa có đầu mối hoặc nhóm nào đăng ký nhận nhắc hạn");
    expect(app.outbox.sent).toEqual([]);
  });

  it("is refused to leads and members", async () => {
    const app = await setup();
    for (const user of [USERS.leadBrvt, USERS.member]) {
      const [answer] = await app.assistant.handle(tgText(user, "/nhac email-lists"));
      expect(plain(answer)).toContain("chỉ dành cho điều phối viên");
    }
    expect(app.outbox.sent).toEqual([]);
  });

  it("explains an unknown milestone, an agency that is not responsible, and a missing argument", async () => {
    const app = await setup();
    const [unknown] = await app.assistant.handle(tgText(USERS.coordinator, "/nhac khong-co-moc-nay"));
    expect(plain(unknown)).toContain('Không tìm thấy mốc công việc nào khớp với "khong-co-moc-nay"');
    const [wrong] = await app.assistant.handle(tgText(USERS.coordinator, "/nhac email-lists @ttcds-hcm"));
    expect(plain(wrong)).toContain("không phải là đơn vị thực hiện mốc");
    const [empty] = await app.assistant.handle(tgText(USERS.coordinator, "/nhac"));
    expect(plain(empty)).toContain("Cách dùng: /nhac <mốc> [đơn vị]");
    expect(app.outbox.sent).toEqual([]);
  });
});
