import { describe, expect, it } from "vitest";
import { escapeHtml, renderChunks, renderReply, renderRich } from "../../../src/channels/telegram/render.js";
import { bold, code, italic, link, lines, reply } from "../../../src/core/reply.js";

/** Whether every tag opened in an HTML chunk is closed, in order. */
function balanced(html: string): boolean {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)(b|i|code|a)\b[^>]*>/g)) {
    if (m[1] === "") stack.push(m[2]!);
    else if (stack.pop() !== m[2]) return false;
  }
  return stack.length === 0;
}

describe("render", () => {
  it("escapes &, < and > in plain text and in every formatted span", () => {
    const html = renderRich(["a < b & c > d ", bold("<b>"), italic("&"), code("<i>")]);
    expect(html).toBe("a &lt; b &amp; c &gt; d <b>&lt;b&gt;</b><i>&amp;</i><code>&lt;i&gt;</code>");
  });

  it("escapes quotes in link addresses and shows non-web links as plain text", () => {
    expect(renderRich([link("tài liệu", 'https://x.vn/?a="b"&c=<d>')])).toBe('<a href="https://x.vn/?a=&quot;b&quot;&amp;c=&lt;d&gt;">tài liệu</a>');
    expect(renderRich([link("bấm", "javascript:alert(1)")])).toBe("bấm (javascript:alert(1))");
  });

  it("keeps a short text in one chunk", () => {
    expect(renderChunks(lines("một", bold("hai"), "ba"))).toEqual(["một\n<b>hai</b>\nba"]);
  });

  it("splits between lines, never inside one, when the lines fit", () => {
    const text = lines(...Array.from({ length: 30 }, (_, i) => [bold(`Mục ${i}`), ": nội dung & chi tiết"]));
    const chunks = renderChunks(text, 200);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(200);
      expect(balanced(c)).toBe(true);
    }
    expect(chunks.join("\n")).toBe(renderRich(text));
  });

  it("cuts an over-long line between words and closes and reopens a bold span it cuts", () => {
    const long = Array.from({ length: 200 }, (_, i) => `từ${i}`).join(" ");
    const chunks = renderChunks(["Mở đầu: ", bold(long), " & kết"], 300);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(300);
      expect(balanced(c)).toBe(true);
    }
    const words = chunks.join(" ").replace(/<\/?b>/g, "").split(/\s+/);
    expect(words.filter((w) => /^từ\d+$/.test(w))).toHaveLength(200);
  });

  it("never cuts an escape sequence in two", () => {
    const chunks = renderChunks(["&".repeat(100)], 42);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(42);
      expect(c).toMatch(/^(&amp;)+$/);
    }
    expect(chunks.join("").length).toBe(500);
  });

  it("puts the inline keyboard on the last chunk only", () => {
    const r = renderReply(reply(lines(...Array.from({ length: 10 }, () => "x".repeat(50))), { buttons: [[{ label: "Xem", payload: "lich" }]] }), 120);
    expect(r.messages.length).toBeGreaterThan(1);
    expect(r.messages.at(-1)!.markup).toEqual({ inline_keyboard: [[{ text: "Xem", callback_data: "lich" }]] });
    expect(r.messages.slice(0, -1).every((m) => m.markup === undefined)).toBe(true);
  });

  it("leaves out a button whose payload is over 64 bytes and reports it", () => {
    const payload = `hoi ${"đ".repeat(31)}`; // 4 + 62 bytes
    const r = renderReply(reply("Chọn:", { buttons: [[{ label: "Dài", payload }, { label: "Ngắn", payload: "lich" }]] }));
    expect(r.messages[0]!.markup).toEqual({ inline_keyboard: [[{ text: "Ngắn", callback_data: "lich" }]] });
    expect(r.problems[0]).toMatch(/over 64 bytes/);
  });

  it("turns forceReply into a selective force_reply with a placeholder of at most 64 characters", () => {
    const r = renderReply(reply("Vướng mắc gì ạ?", { forceReply: { placeholder: "Ghi chú ".repeat(20) } }));
    expect(r.messages[0]!.markup).toMatchObject({ force_reply: true, selective: true });
    expect((r.messages[0]!.markup as { input_field_placeholder: string }).input_field_placeholder.length).toBeLessThanOrEqual(64);
  });

  it("escapes attachment captions", () => {
    const r = renderReply(reply([], { attachments: [{ kind: "document", filename: "a.csv", data: new Uint8Array([1]), caption: "<tổng hợp>" }] }));
    expect(r.messages).toEqual([]);
    expect(r.attachments[0]!.caption).toBe("&lt;tổng hợp&gt;");
    expect(escapeHtml('"')).toBe("&quot;");
  });
});
