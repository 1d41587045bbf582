import { describe, expect, it } from "vitest";
import { flatButtons } from "../../src/core/reply.js";
import { grantCast, plain, tgPress, tgText, USERS } from "../core/status/fixtures.js";
import { createTestApp, textFrom } from "../helpers/app.js";

async function setup() {
  const app = await createTestApp({ admins: ["telegram:1"] });
  await grantCast(app.store);
  return app;
}

describe("/viec", () => {
  it("lists the lead's agency milestones with due date, countdown, latest status and four status buttons each", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.leadBrvt, "/capnhat email-lists đang làm"));
    const replies = await app.assistant.handle(tgText(USERS.leadBrvt, "/viec"));
    const own = app.content.milestones.filter((m) => m.responsible.includes("sokhcn-brvt"));
    expect(plain(replies[0])).toContain(`Việc của Sở KH&CN Bà Rịa - Vũng Tàu`);
    expect(plain(replies[0])).toContain(`${own.length} mốc`);
    const card = replies.find((r) => plain(r).includes("email-lists"))!;
    expect(plain(card)).toContain("Hạn: 10/05/2025 (còn 9 ngày)");
    expect(plain(card)).toContain("Trạng thái: 🟢 Đúng tiến độ (09:00 01/05/2025)");
    expect(flatButtons(card).map((b) => b.payload)).toEqual([1, 2, 3, 4].map((n) => `tt email-lists sokhcn-brvt ${n}`));
    for (const r of replies.slice(1)) expect(plain(r)).toMatch(/sokhcn-brvt|Hạn:/);
    expect(replies.slice(1).every((r) => own.some((m) => plain(r).includes(m.id)))).toBe(true);
  });

  it("lists milestones already done without buttons", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.leadBrvt, "/capnhat email-lists xong"));
    const replies = await app.assistant.handle(tgText(USERS.leadBrvt, "/viec"));
    expect(plain(replies[0])).toMatch(/Đã hoàn thành:\n• .*email-lists/);
    expect(replies.slice(1).some((r) => plain(r).includes("email-lists"))).toBe(false);
  });

  it("filters by keyword", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgText(USERS.leadBrvt, "/viec 1022"));
    expect(replies).toHaveLength(2);
    expect(plain(replies[1])).toContain("hotline-1022-plan");
  });

  it("shows the note of the latest status to the agency's lead", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.leadBrvt, "/capnhat email-lists vướng thiếu máy chủ"));
    const replies = await app.assistant.handle(tgText(USERS.leadBrvt, "/tasks email-lists"));
    expect(plain(replies[1])).toContain("Ghi chú: thiếu máy chủ");
  });

  it("refuses a member", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgText(USERS.member, "/viec"));
    expect(plain(replies[0])).toContain("chỉ dành cho đầu mối");
  });

  it("refuses a lead asking for another agency", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgText(USERS.leadBrvt, "/viec @sokhcn-binhduong"));
    expect(plain(replies[0])).toContain("chỉ xem được tiến độ của đơn vị mình");
  });

  it("gives a coordinator an overview of every agency, then one agency's buttons on request", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.leadBrvt, "/capnhat email-lists vướng"));
    const overview = await app.assistant.handle(tgText(USERS.coordinator, "/viec"));
    expect(plain(overview[0])).toMatch(/Sở KH&CN Bà Rịa - Vũng Tàu @sokhcn-brvt: \d+ mốc \(1 ⛔ Vướng mắc, \d+ chưa báo cáo\)/);
    const replies = await app.assistant.handle(tgText(USERS.coordinator, "/viec Sở KHCN BRVT"));
    expect(plain(replies[0])).toContain("Việc của Sở KH&CN Bà Rịa - Vũng Tàu");
    expect(flatButtons(replies[1]!)[0]?.payload).toMatch(/^tt \S+ sokhcn-brvt 1$/);
  });

  it("edits the /viec entry when its button is pressed", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgText(USERS.leadBrvt, "/viec email"));
    const blocked = flatButtons(replies[1]!)[3]!;
    const out = await app.assistant.handle(tgPress(USERS.leadBrvt, blocked.payload));
    expect(out[0]).toMatchObject({ editOriginal: true });
    expect(plain(out[0])).toContain("Đã ghi nhận: ⛔ Vướng mắc");
  });

  it("lets a lead on a channel without buttons pick a milestone, then a status, by number", async () => {
    const app = await setup();
    await app.store.people.grant({ userKey: "console:lead", name: "Lead", role: "lead", agencyId: "sokhcn-brvt", chatKey: "console:lead", grantedBy: "console:admin", grantedAt: "2025-04-20T02:00:00.000Z" });
    const list = plain((await app.assistant.handle(textFrom("lead", "/viec")))[0]);
    expect(list).toContain("Chọn một mốc bằng số");
    expect(list).not.toMatch(/bấm|nút/i);
    const n = new RegExp(`(\\d+)\\. ${app.content.milestones.find((m) => m.id === "email-lists")!.title.slice(0, 20)}`).exec(list)?.[1];
    expect(n, list).toBeDefined();
    const card = plain((await app.assistant.handle(textFrom("lead", n!))).slice(1)[0]);
    expect(card).toContain("email-lists");
    expect(card).toContain("3. 🟠 Có nguy cơ chậm");
    expect(card).toContain("5. Quay lại danh sách các mốc");
    await app.assistant.handle(textFrom("lead", "3"));
    expect(await app.store.statuses.all()).toEqual([expect.objectContaining({ milestoneId: "email-lists", status: "at-risk", channel: "console", userKey: "console:lead" })]);
  });
});
