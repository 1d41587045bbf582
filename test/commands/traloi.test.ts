import { describe, expect, it } from "vitest";
import { grantCast, plain, tgPress, tgText, USERS } from "../core/status/fixtures.js";
import { createTestApp } from "../helpers/app.js";

async function setup() {
  const app = await createTestApp({ admins: ["telegram:1"] });
  await grantCast(app.store);
  return app;
}

describe("/traloi", () => {
  it("sends the coordinator's answer to the lead who reported the blocked status", async () => {
    const app = await setup();
    await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 4"));
    const id = (await app.store.statuses.all())[0]!.id;
    const replies = await app.assistant.handle(tgText(USERS.coordinator, `/traloi ${id} Chiều nay tôi gọi anh nhé`));
    const answer = app.outbox.sent.find((m) => m.ref === `reply|${id}`);
    expect(answer?.chatKey).toBe("telegram:201");
    expect(plain(answer?.reply)).toContain("Chiều nay tôi gọi anh nhé");
    expect(plain(replies[0])).toContain("Đã gửi trả lời");
  });

  it("goes to the agency's leads when a coordinator had reported on its behalf", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.coordinator, "/capnhat email-lists vướng @sokhcn-brvt"));
    const id = (await app.store.statuses.all())[0]!.id;
    await app.assistant.handle(tgText("1", `/traloi ${id} Đã liên hệ nhà cung cấp`));
    expect(app.outbox.sent.filter((m) => m.ref === `reply|${id}`).map((m) => m.chatKey)).toEqual(["telegram:201"]);
  });

  it("is refused to a lead", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgText(USERS.leadBrvt, "/traloi st-00000000 xin chào"));
    expect(plain(replies[0])).toContain("chỉ dành cho điều phối viên");
    expect(app.outbox.sent).toHaveLength(0);
  });

  it("says so when the id is unknown", async () => {
    const app = await setup();
    const replies = await app.assistant.handle(tgText(USERS.coordinator, "/traloi st-00000000 xin chào"));
    expect(plain(replies[0])).toContain('Không tìm thấy cập nhật có mã "st-00000000"');
  });
});
