import { describe, expect, it } from "vitest";
import { sourceTitle } from "../../../src/core/content/schema.js";
import { realContent } from "../../helpers/app.js";
import { askEachAlone } from "../../helpers/knowledge.js";

const content = await realContent();

describe("source titles in the answer's language", () => {
  it("gives every bundled source an English title, and names each mirror as one in both languages", () => {
    const missing = content.sources.filter((s) => !s.titleEn).map((s) => s.id);
    expect(missing).toEqual([]);
    for (const s of content.sources.filter((x) => x.title.includes("bản đăng lại"))) {
      expect(s.titleEn, s.id).toMatch(/republished on/);
    }
  });

  it("falls back to the Vietnamese title when a source has no English one", () => {
    const source = { id: "x", title: "Tiêu đề" };
    expect(sourceTitle(source, "en")).toBe("Tiêu đề");
    expect(sourceTitle({ ...source, titleEn: "Title" }, "en")).toBe("Title");
    expect(sourceTitle({ ...source, titleEn: "Title" }, "vi")).toBe("Tiêu đề");
  });

  it("cites the plan's mirror in English for an English question and in Vietnamese for a Vietnamese one", async () => {
    const [en, vi] = await askEachAlone("2026-12-04", "when do staff lists for email have to be sent?", "hạn gửi danh sách cán bộ để tạo mail công vụ");
    expect(en).toContain("Source: The joint plan");
    expect(en).toContain("republished on Báo Mới, original outlet unknown");
    expect(en).not.toContain("bản đăng lại");
    expect(vi).toContain("Nguồn: Kế hoạch liên tịch");
    expect(vi).toContain("bản đăng lại trên Báo Mới");
  });
});
