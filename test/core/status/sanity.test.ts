import { describe, expect, it } from "vitest";
import { digestFromStore } from "../../../src/core/digest/build.js";
import { renderDigestText } from "../../../src/core/digest/render-messages.js";
import type { Store } from "../../../src/core/ports.js";
import { toPlain } from "../../../src/core/reply.js";
import { createTestApp, textFrom } from "../../helpers/app.js";

const say = async (app: Awaited<ReturnType<typeof createTestApp>>, user: string, text: string) =>
  (await app.assistant.handle(textFrom(user, text))).map((r) => toPlain(r.text)).join("\n");

async function lead(store: Store, agencyId: string) {
  await store.people.grant({ userKey: "console:lead", name: "Lê Đầu Mối", role: "lead", agencyId, chatKey: "console:lead", grantedBy: "console:admin", grantedAt: "2025-04-20T02:00:00.000Z" });
}

describe("statuses that contradict the plan", () => {
  it("records 'on track' for a long overdue item, says so in the confirmation, and flags it in the digest", async () => {
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    await lead(app.store, "sokhcn-brvt");
    const out = await say(app, "lead", "/capnhat email-lists đúng tiến độ");
    expect(out).toContain("Đã ghi nhận cập nhật tiến độ");
    expect(out).toContain('⚠️ Xin lưu ý: hạn (10/05/2025) đã qua 570 ngày mà trạng thái là "đúng tiến độ". Trạng thái vẫn được ghi nhận');
    expect(await app.store.statuses.all()).toEqual([expect.objectContaining({ milestoneId: "email-lists", status: "on-track" })]);
    const digest = await digestFromStore(app.content, app.store, app.clock.now());
    expect(digest.attention.doubtful).toEqual([expect.objectContaining({ milestoneId: "email-lists", agencyId: "sokhcn-brvt", doubt: { kind: "on-track-overdue", daysOverdue: 570 } })]);
    expect(renderDigestText(digest)).toMatch(/🔎 Trạng thái cần xem lại \(1\)\n• Gửi danh sách .* – Sở KH&CN Bà Rịa - Vũng Tàu: hạn \(10\/05\/2025\) đã qua 570 ngày/);
  });

  it("questions 'done' before a date range has started", async () => {
    const app = await createTestApp({ now: "2025-05-01T09:00:00+07:00" });
    await lead(app.store, "sokhcn-binhduong");
    const id = app.content.milestones.find((m) => m.dueParsed.precision === "range" && m.responsible.includes("sokhcn-binhduong") && m.dueParsed.start > "2025-05-01")!.id;
    const out = await say(app, "lead", `/capnhat ${id} xong`);
    expect(out).toMatch(/⚠️ Xin lưu ý: báo đã hoàn thành trước cả ngày bắt đầu của mốc \(\d\d\/\d\d\/2025\)/);
    expect((await digestFromStore(app.content, app.store, app.clock.now())).attention.doubtful.map((d) => d.milestoneId)).toEqual([id]);
  });

  it("says nothing extra for a plausible status", async () => {
    const app = await createTestApp({ now: "2025-05-01T09:00:00+07:00" });
    await lead(app.store, "sokhcn-brvt");
    expect(await say(app, "lead", "/capnhat email-lists đúng tiến độ")).not.toContain("⚠️");
  });
});

describe("a blocked report and who was alerted", () => {
  it("says nobody could be alerted when there is no coordinator or admin, and whom to contact", async () => {
    const app = await createTestApp({ admins: [] });
    await lead(app.store, "sokhcn-brvt");
    const out = await say(app, "lead", "/capnhat email-lists vướng thiếu máy chủ");
    expect(out).toContain("⚠️ Chưa báo được cho ai: hiện chưa có điều phối viên hay quản trị viên nào nhận được cảnh báo này.");
    const coordinator = app.content.milestones.find((m) => m.id === "email-lists")!.coordinator;
    const name = app.content.agencies.find((a) => a.id === coordinator)!.shortNames[0]!;
    expect(out).toContain(`liên hệ trực tiếp đơn vị điều phối mốc này, ${name}`);
    expect(app.outbox.sent).toHaveLength(0);
  });

  it("says how many coordinators got the alert when someone did", async () => {
    const app = await createTestApp({ admins: [] });
    await lead(app.store, "sokhcn-brvt");
    await app.store.people.grant({ userKey: "console:coord", name: "Điều phối", role: "coordinator", chatKey: "console:coord", grantedBy: "console:admin", grantedAt: "2025-04-20T02:00:00.000Z" });
    const out = await say(app, "lead", "/capnhat email-lists vướng thiếu máy chủ");
    expect(out).toContain("Đã gửi cảnh báo ngay cho 1 điều phối viên.");
    expect(out).not.toContain("Chưa báo được cho ai");
  });
});
