import { describe, expect, it } from "vitest";
import { loadLatest, progressCounts, progressLine } from "../../../src/core/status/aggregate.js";
import { grantCast, tgText, USERS } from "./fixtures.js";
import { createTestApp } from "../../helpers/app.js";

async function setup() {
  const app = await createTestApp({ admins: ["telegram:1"] });
  await grantCast(app.store);
  return app;
}

describe("progressLine", () => {
  it("is null while no agency has reported", async () => {
    const app = await setup();
    expect(progressLine(app.content, await loadLatest(app.store), "video-conference-state", "vi")).toBeNull();
  });

  it("is null for an unknown milestone", async () => {
    const app = await setup();
    expect(progressLine(app.content, await loadLatest(app.store), "no-such-milestone", "vi")).toBeNull();
  });

  it("counts the latest status of each responsible agency, in aggregate", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.leadBrvt, "/capnhat video-conference-state vướng thiếu đường truyền"));
    await app.assistant.handle(tgText(USERS.leadBrvt, "/capnhat video-conference-state xong"));
    await app.assistant.handle(tgText(USERS.leadTtcds, "/capnhat video-conference-state xong"));
    await app.assistant.handle(tgText(USERS.leadBinhduong, "/capnhat video-conference-state chậm chờ nhà mạng Viettel"));
    expect(progressCounts(app.content, await loadLatest(app.store), "video-conference-state")).toEqual({
      total: 3,
      reported: 3,
      byStatus: { done: 2, "on-track": 0, "at-risk": 1, blocked: 0 },
    });
    const line = progressLine(app.content, await loadLatest(app.store), "video-conference-state", "vi");
    expect(line).toBe("Tiến độ đã báo: 2/3 đơn vị đã báo hoàn thành; 1 đơn vị có nguy cơ chậm.");
  });

  it("never names agencies or people and never shows notes", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.leadBinhduong, "/capnhat video-conference-state vướng chờ nhà mạng Viettel"));
    const line = progressLine(app.content, await loadLatest(app.store), "video-conference-state", "vi")!;
    expect(line).toBe("Tiến độ đã báo: 0/3 đơn vị đã báo hoàn thành; 1 đơn vị đang vướng mắc; 2 đơn vị chưa báo cáo.");
    expect(line).not.toMatch(/Viettel|Bình Dương|Người dùng/);
  });

  it("has an English form", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.leadTtcds, "/capnhat email-accounts xong"));
    expect(progressLine(app.content, await loadLatest(app.store), "email-accounts", "en")).toBe("Reported progress: 1/1 agencies reported done.");
  });
});
