import { flatButtons } from "../../src/core/reply.js";
import { describe, expect, it } from "vitest";
import type { StatusKind } from "../../src/core/ports.js";
import { grantCast, plain, tgText, USERS } from "../core/status/fixtures.js";
import { createTestApp } from "../helpers/app.js";

async function setup() {
  const app = await createTestApp({ admins: ["telegram:1"] });
  await grantCast(app.store);
  return app;
}

describe("/capnhat", () => {
  const cases: [string, StatusKind][] = [
    ["xong", "done"],
    ["hoàn thành", "done"],
    ["hoan thanh", "done"],
    ["1", "done"],
    ["đang làm", "on-track"],
    ["dung tien do", "on-track"],
    ["2", "on-track"],
    ["chậm", "at-risk"],
    ["nguy cơ", "at-risk"],
    ["3", "at-risk"],
    ["vướng", "blocked"],
    ["kẹt", "blocked"],
    ["4", "blocked"],
  ];
  for (const [word, kind] of cases) {
    it(`reads "${word}" as ${kind}`, async () => {
      const app = await setup();
      await app.assistant.handle(tgText(USERS.leadBrvt, `/capnhat email ${word}`));
      expect((await app.store.statuses.latestFor("email-lists", "sokhcn-brvt"))?.status).toBe(kind);
    });
  }

  it("accepts the English alias /update", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.leadBrvt, "/update email-lists done"));
    expect((await app.store.statuses.latestFor("email-lists", "sokhcn-brvt"))?.status).toBe("done");
  });

  it("finds the milestone by a fuzzy name among the lead's own milestones (\"1022\")", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.leadBrvt, "/capnhat 1022 đang làm"));
    // Of the two 1022 milestones, BR-VT is responsible only for the plan.
    expect((await app.store.statuses.latestFor("hotline-1022-plan", "sokhcn-brvt"))?.status).toBe("on-track");
  });

  it("offers the candidates as a choice when the name matches several of the agency's milestones", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgText(USERS.leadBinhduong, "/capnhat email xong"));
    expect(plain(replies[0])).toContain("Có 2 mốc khớp");
    expect(flatButtons(replies[0]!).map((b) => b.payload)).toEqual(["capnhat email-lists 1", "capnhat email-parallel-binhduong 1"]);
    expect(await app.store.statuses.count()).toBe(0);
  });

  it("keeps the note as typed, and asks for none when one was given with 'vướng'", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgText(USERS.leadBrvt, "/capnhat email vướng thiếu danh sách <b>2 phòng</b>"));
    expect(await app.store.statuses.latestFor("email-lists", "sokhcn-brvt")).toMatchObject({ status: "blocked", note: "thiếu danh sách <b>2 phòng</b>" });
    expect(replies.some((r) => r.forceReply)).toBe(false);
    expect(plain(app.outbox.sent[0]?.reply)).toContain("Ghi chú: thiếu danh sách <b>2 phòng</b>");
  });

  it("does not mistake 'kết nối' in a milestone name for the status 'kẹt'", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.leadBrvt, "/capnhat hội nghị truyền hình kết nối xong"));
    expect((await app.store.statuses.latestFor("video-conference-state", "sokhcn-brvt"))?.status).toBe("done");
  });

  it("strips control characters from the note", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.leadBrvt, "/capnhat email chậm chờ\u0007 nhà\u200e cung\tcấp\u202e"));
    expect((await app.store.statuses.latestFor("email-lists", "sokhcn-brvt"))?.note).toBe("chờ nhà cung cấp");
  });

  it("accepts a 500-character note and refuses a 501-character one", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.leadBrvt, `/capnhat email chậm ${"a".repeat(500)}`));
    expect((await app.store.statuses.latestFor("email-lists", "sokhcn-brvt"))?.note).toHaveLength(500);
    const replies = await app.assistant.handle(tgText(USERS.leadBrvt, `/capnhat email vướng ${"b".repeat(501)}`));
    expect(plain(replies[0])).toContain("vượt quá giới hạn 500 ký tự");
    expect(await app.store.statuses.count()).toBe(1);
  });

  it("refuses a member", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgText(USERS.member, "/capnhat email xong"));
    expect(plain(replies[0])).toContain("chỉ dành cho đầu mối");
    expect(await app.store.statuses.count()).toBe(0);
  });

  it("refuses a lead naming another agency, and logs it", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgText(USERS.leadBinhduong, "/capnhat email-lists xong @sokhcn-brvt"));
    expect(plain(replies[0])).toContain("chỉ cập nhật được tiến độ của đơn vị mình");
    expect(await app.store.statuses.count()).toBe(0);
    expect(app.log.entries).toContainEqual(expect.objectContaining({ level: "warn", obj: expect.objectContaining({ reason: "not-allowed" }) }));
  });

  it("refuses a milestone the lead's agency is not responsible for", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgText(USERS.leadBrvt, "/capnhat email-accounts xong"));
    expect(plain(replies[0])).toContain("không phải là đơn vị thực hiện");
    expect(await app.store.statuses.count()).toBe(0);
  });

  it("records a coordinator's update with @agency as on behalf of the agency", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgText(USERS.coordinator, "/capnhat email xong @sokhcn-brvt đã gửi danh sách"));
    expect(await app.store.statuses.latestFor("email-lists", "sokhcn-brvt")).toMatchObject({ status: "done", role: "coordinator", onBehalfOf: "sokhcn-brvt", note: "đã gửi danh sách" });
    expect(plain(replies[0])).toContain("thay mặt đơn vị");
  });

  it("accepts the '<agency>: …' form from a coordinator", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.coordinator, "/capnhat Sở KHCN Bình Dương: email-lists đang làm"));
    expect(await app.store.statuses.latestFor("email-lists", "sokhcn-binhduong")).toMatchObject({ status: "on-track", onBehalfOf: "sokhcn-binhduong" });
  });

  it("asks a coordinator to name the agency when several are responsible", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgText(USERS.coordinator, "/capnhat email-lists xong"));
    expect(plain(replies[0])).toContain("@sokhcn-brvt");
    expect(await app.store.statuses.count()).toBe(0);
  });

  it("keeps every change as a new record and derives the latest from them", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.leadBrvt, "/capnhat email đang làm"));
    app.clock.set("2025-05-05T10:00:00+07:00");
    await app.assistant.handle(tgText(USERS.leadBrvt, "/capnhat email vướng chờ phê duyệt"));
    app.clock.set("2025-05-08T15:30:00+07:00");
    await app.assistant.handle(tgText(USERS.coordinator, "/capnhat email xong @sokhcn-brvt"));
    const history = await app.store.statuses.history("email-lists", "sokhcn-brvt");
    expect(history.map((r) => [r.status, r.role, r.note, r.at])).toEqual([
      ["on-track", "lead", undefined, "2025-05-01T02:00:00.000Z"],
      ["blocked", "lead", "chờ phê duyệt", "2025-05-05T03:00:00.000Z"],
      ["done", "coordinator", undefined, "2025-05-08T08:30:00.000Z"],
    ]);
    expect(new Set(history.map((r) => r.id)).size).toBe(3);
    expect(await app.store.statuses.latestFor("email-lists", "sokhcn-brvt")).toMatchObject({ status: "done", recordId: history[2]!.id, onBehalfOf: "sokhcn-brvt" });
  });

  it("shows the usage when no status word is given", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgText(USERS.leadBrvt, "/capnhat email"));
    expect(plain(replies[0])).toContain("/capnhat email xong");
  });
});
