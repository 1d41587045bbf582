import { describe, expect, it } from "vitest";
import { createAssistant } from "../../src/core/assistant.js";
import { toPlain } from "../../src/core/reply.js";
import { createTestApp, textFrom } from "../helpers/app.js";

const plain = (replies: { text: Parameters<typeof toPlain>[0] }[]) => replies.map((r) => toPlain(r.text)).join("\n");

describe("the assistant router", () => {
  it("routes a Vietnamese command and its English alias to the same command", async () => {
    const { assistant } = await createTestApp();
    const vi = plain(await assistant.handle(textFrom("1", "/lich 1022")));
    const en = plain(await assistant.handle(textFrom("1", "/deadlines 1022")));
    expect(vi).toContain("01/09/2025");
    expect(en).toContain("01/09/2025");
  });

  it("ignores a @botname suffix on commands", async () => {
    const { assistant } = await createTestApp();
    expect(plain(await assistant.handle(textFrom("1", "/help@tro_ly_bot")))).toContain("/hoi");
  });

  it("answers an unknown command with a pointer to /help instead of failing", async () => {
    const { assistant } = await createTestApp();
    expect(plain(await assistant.handle(textFrom("1", "/khongco")))).toBe("Không có lệnh /khongco. Gõ /help để xem các lệnh hiện có.");
  });

  it("refuses an over-long message politely", async () => {
    const { assistant } = await createTestApp();
    expect(plain(await assistant.handle(textFrom("1", "a".repeat(5000))))).toMatch(/Tin nhắn quá dài/);
  });

  it("drops control and bidi characters before routing, so they never reach a command or an echo", async () => {
    const { assistant } = await createTestApp();
    const out = plain(await assistant.handle(textFrom("1", "/lich\u0007 1022\u202e")));
    expect(out).toContain('Mốc thời hạn về "1022"');
    expect(out).not.toMatch(/[\u0007\u202e]/);
  });

  it("treats a message of control characters only as empty", async () => {
    const { assistant } = await createTestApp();
    expect(plain(await assistant.handle(textFrom("1", "\u0000\u202e\u0007")))).toMatch(/^Xin vui lòng gửi câu hỏi bằng chữ/);
  });

  it("refuses a command above the person's role, in the core, whatever the channel", async () => {
    const { assistant } = await createTestApp();
    const out = plain(await assistant.handle(textFrom("1", "/tonghop")));
    expect(out).toBe(
      "Xin lỗi, lệnh /tonghop chỉ dành cho điều phối viên. Nếu anh/chị cần quyền này, vui lòng liên hệ điều phối viên để được mời.",
    );
    const asAdmin = plain(await assistant.handle(textFrom("admin", "/tonghop")));
    expect(asAdmin).toContain("Tổng hợp tuần");
  });

  it("shows buttons as numbered options on channels without buttons, and accepts the number", async () => {
    const { assistant } = await withOneOption();
    expect(plain(await assistant.handle(textFrom("9", "xin chào")))).toContain("1. Lịch 1022");
    expect(plain(await assistant.handle(textFrom("9", "1")))).toContain("01/09/2025");
  });

  it("keeps numbered options through later replies that offer none, and says what the number chose", async () => {
    const { assistant, asked } = await withOneOption();
    await assistant.handle(textFrom("9", "xin chào"));
    await assistant.handle(textFrom("9", "/help")); // a reply without options
    const out = plain(await assistant.handle(textFrom("9", "1")));
    expect(asked).toEqual(["xin chào"]);
    expect(out).toMatch(/^Đã chọn 1: Lịch 1022\nMốc thời hạn về "1022"/);
  });

  it("answers a bare number with nothing to choose without searching for it", async () => {
    const { assistant, asked } = await withOneOption();
    expect(plain(await assistant.handle(textFrom("9", "1")))).toBe("Hiện không có lựa chọn số 1 nào đang chờ. Xin vui lòng gõ câu hỏi, hoặc /help để xem các lệnh.");
    expect(asked).toEqual([]);
  });

  it("lets numbered options expire after 24 hours on the injected clock", async () => {
    const { assistant, asked, clock } = await withOneOption();
    await assistant.handle(textFrom("9", "xin chào"));
    clock.set("2025-05-02T08:59:59+07:00");
    expect(plain(await assistant.handle(textFrom("9", "1")))).toContain("01/09/2025"); // still valid: opens /lich 1022
    await assistant.handle(textFrom("9", "xin chào"));
    clock.set("2025-05-03T09:00:00+07:00");
    expect(plain(await assistant.handle(textFrom("9", "1")))).toBe(
      'Danh sách lựa chọn gửi lúc 08:59 02/05/2025 đã hết hạn (mỗi danh sách dùng được 24 giờ), nên "1" không được thực hiện. Xin vui lòng gõ lại /hoi xin chào để xem danh sách mới.',
    );
    expect(asked).toEqual(["xin chào", "xin chào"]);
  });
});

/** The real router, whose every question is answered with one button ("Lịch 1022" → `/lich 1022`); records the questions. */
async function withOneOption() {
  const { services, clock } = await createTestApp();
  const asked: string[] = [];
  const assistant = createAssistant(services, {
    ask: async (_ctx, question) => {
      asked.push(question);
      return [{ text: ["Chọn một mục"], buttons: [[{ label: "Lịch 1022", payload: "lich 1022" }]] }];
    },
  });
  return { assistant, asked, clock };
}
