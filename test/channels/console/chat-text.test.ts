import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsole } from "../../../src/channels/console/console.js";
import { createTestApp } from "../../helpers/app.js";

/** Runs lines through the console channel on a given day and returns what it printed. */
async function chat(lines: string[], now = "2026-12-01T09:00:00+07:00"): Promise<string> {
  const { assistant, log } = await createTestApp({ admins: ["console:local"], now });
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk) => (text += String(chunk)));
  const done = runConsole({ assistant, input, output, log, interactive: false });
  input.end(lines.map((l) => `${l}\n`).join(""));
  await done;
  return text;
}

describe("the console with the way people really write", () => {
  it("answers small talk politely, with example questions, instead of searching", async () => {
    const out = await chat(["xin chào", "cảm ơn bạn nhiều nha", "???"]);
    expect(out).toContain("Xin chào anh/chị!");
    expect(out).toContain("Ví dụ, anh/chị có thể hỏi:");
    expect(out).toContain("Dạ, không có gì ạ.");
    expect(out).not.toContain("Chưa có thông tin");
  });

  it("reads a follow-up within the previous answer's topic", async () => {
    const out = await chat(["Cán bộ Bình Dương dùng song song email cũ bao lâu?", "còn Vũng Tàu thì sao?"]);
    const second = out.slice(out.indexOf("3 tháng") + 1);
    expect(second).toContain("không nói về cán bộ Bà Rịa - Vũng Tàu");
  });

  it("says past deadlines in the past, with a natural span", async () => {
    const out = await chat(["Hạn gửi danh sách CBCC làm email là khi nào?"]);
    expect(out).toContain("10/05/2025 (đã qua hơn 1 năm)");
  });

  it("runs commands typed with diacritics or as two words", async () => {
    const out = await chat(["/lịch email", "/trợ giúp"]);
    expect(out).toContain("email-lists");
    expect(out).toContain("Đã qua:");
    expect(out).toContain("Trợ lý Hợp nhất: các lệnh");
  });

  it("offers a numbered choice for an ambiguous /capnhat and records the one chosen", async () => {
    const out = await chat(["/cập nhật email xong", "2"]);
    expect(out).toContain('Có 3 mốc khớp với "email"');
    expect(out).toMatch(/2\. email-accounts/);
    expect(out).toContain("Đã ghi nhận cập nhật tiến độ");
    expect(out).toContain("(email-accounts)");
  });

  it("answers an English question in English, with English dates", async () => {
    const out = await chat(["When will the new official email accounts be created?"]);
    expect(out).toContain("10 June 2025");
    expect(out).toContain("Source:");
  });
});
