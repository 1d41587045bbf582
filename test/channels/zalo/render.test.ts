import { describe, expect, it } from "vitest";
import { renderZaloReply, ZALO_TEXT_LIMIT } from "../../../src/channels/zalo/render.js";
import { type Attachment, bold, link, reply } from "../../../src/core/reply.js";

const csv: Attachment = { kind: "document", filename: "tong-hop.csv", data: new Uint8Array([1]), caption: "Bảng tổng hợp", source: { kind: "digest-csv", asOf: "2025-05-01T02:00:00.000Z" } };
const chart: Attachment = { kind: "photo", filename: "bieu-do.png", data: new Uint8Array([1]), caption: "Biểu đồ", source: { kind: "digest-chart", asOf: "2025-05-01T02:00:00.000Z" } };
const linker = (a: Attachment) => (a.source ? `https://tro-ly.example/files/${a.filename}?sig=x` : undefined);

describe("renderZaloReply", () => {
  it("renders rich text as plain text with no markup", () => {
    const out = renderZaloReply(reply(["Hạn ", bold("10/5"), " — xem ", link("kế hoạch", "https://x.example/kh")]));
    expect(out).toEqual({ texts: ["Hạn 10/5 — xem kế hoạch (https://x.example/kh)"], photos: [] });
  });

  it("keeps every text within Zalo's 2000 characters, however long the reply", () => {
    const long = Array.from({ length: 400 }, (_, i) => `${i}. Mốc ${"hợp nhất ".repeat(i % 9)}`).join("\n") + `\n${"x".repeat(5000)}`;
    const out = renderZaloReply(reply(long, { buttons: [[{ label: "Xem", payload: "lich" }]] }), { linkFor: linker });
    expect(out.texts.length).toBeGreaterThan(2);
    for (const t of out.texts) {
      expect(t.length).toBeGreaterThan(0);
      expect(t.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
    }
    expect(out.texts.at(-1)).toContain("/lich (Xem)");
  });

  it("sends a photo that has a link as a photo, with its caption", () => {
    const out = renderZaloReply(reply("Tổng hợp tuần", { attachments: [chart] }), { linkFor: linker });
    expect(out.photos).toEqual([{ url: "https://tro-ly.example/files/bieu-do.png?sig=x", caption: "Biểu đồ" }]);
    expect(out.texts.join("\n")).not.toContain("bieu-do.png");
  });

  it("cuts a photo caption to 2000 characters", () => {
    const out = renderZaloReply(reply("x", { attachments: [{ ...chart, caption: "c".repeat(2500) }] }), { linkFor: linker });
    expect(out.photos[0]!.caption).toHaveLength(ZALO_TEXT_LIMIT);
  });

  it("writes a document that has a link as a line with its link, and says links last 24 hours", () => {
    const out = renderZaloReply(reply("Tổng hợp tuần", { attachments: [csv] }), { linkFor: linker });
    const text = out.texts.join("\n");
    expect(text).toContain("📎 Bảng tổng hợp: https://tro-ly.example/files/tong-hop.csv?sig=x");
    expect(text).toContain("24 giờ");
    expect(out.photos).toEqual([]);
  });

  it("writes one line about PUBLIC_URL, with the count, when files cannot be linked", () => {
    const out = renderZaloReply(reply("Tổng hợp tuần", { attachments: [csv, chart] }));
    const text = out.texts.join("\n");
    expect(out.photos).toEqual([]);
    expect(text.match(/PUBLIC_URL/g)).toHaveLength(1);
    expect(text).toContain("Chưa gửi được 2 tệp");
    expect(text).not.toContain("📎");
  });

  it("counts only the attachments without a link in the PUBLIC_URL line", () => {
    const raw: Attachment = { kind: "document", filename: "raw.bin", data: new Uint8Array([1]) };
    const out = renderZaloReply(reply("x", { attachments: [csv, raw] }), { linkFor: linker });
    const text = out.texts.join("\n");
    expect(text).toContain("📎 Bảng tổng hợp");
    expect(text).toContain("Chưa gửi được 1 tệp");
  });

  it("writes the notes in English when asked", () => {
    const out = renderZaloReply(reply("x", { attachments: [csv] }), { lang: "en" });
    expect(out.texts.join("\n")).toContain("PUBLIC_URL setting");
  });
});
