import { describe, expect, it } from "vitest";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { fold } from "../../../src/core/fold.js";
import { readComparison, readSharedDays, renderComparison, renderSharedDays } from "../../../src/core/knowledge/system-deadlines.js";
import { realContent } from "../../helpers/app.js";

const content = await realContent();
const kb = createKnowledge(content);
const shared = (q: string) => readSharedDays(fold(q), kb.unitsOf(q), content);

describe("which systems share a day, none named (readSharedDays)", () => {
  it("finds the day two systems go live together, in Vietnamese and English", () => {
    for (const q of ["những hệ thống nào chạy chính thức cùng một ngày", "which systems went live on the same day", "hệ thống nào có hạn cùng ngày"]) {
      const days = shared(q);
      expect(days?.map((d) => d.day), q).toEqual(["2025-09-01"]);
      expect(days![0]!.milestones.map((m) => m.system).sort(), q).toEqual(["document-management", "hotline-1022"]);
    }
  });
  it("leaves a question naming the systems to the comparison, and one asking no shared day alone", () => {
    expect(shared("qlvb với 1022 có chạy chính thức cùng ngày không")).toBeUndefined();
    expect(shared("những hệ thống nào chạy chính thức")).toBeUndefined();
  });
  it("says the day and the systems that share it", () => {
    const text = renderSharedDays(shared("which systems went live on the same day")!, "2026-12-04", "en").join("\n");
    expect(text).toContain("On the same day, 1 September 2025: document management and the 1022 system.");
  });
});

describe("a comparison of two systems due on one day (renderComparison)", () => {
  it("says first that both are on the same day when asked which comes first", () => {
    const q = "QLVB chạy chính thức trước hay 1022 chạy trước";
    const c = readComparison(fold(q), kb.unitsOf(q), content);
    expect(c?.tie).toBe(true);
    expect(renderComparison(c!, "2026-12-04", "vi")[0]).toMatch(/^Cùng ngày: .*01\/09\/2025/);
    expect(renderComparison(c!, "2026-12-04", "en")[0]).toMatch(/^On the same day: .*1 September 2025/);
  });
});

describe("how two sides' deadlines differ ('khác hạn nhau')", () => {
  it("compares the Party's online conferences with the State's video conferencing", () => {
    const q = "họp trực tuyến bên Đảng với bên chính quyền khác hạn nhau thế nào";
    const c = readComparison(fold(q), kb.unitsOf(q), content);
    expect(c?.asked).toBe("same");
    expect(c!.sides.map((s) => s.compared.id).sort()).toEqual(["party-conference-portal", "video-conference-state"]);
  });
});

describe("digital signatures named in plain English ('signing documents electronically')", () => {
  it("reads the phrase as the digital-signature system (glossary.yaml)", () => {
    expect(kb.unitsOf("the system for signing documents electronically")).toContain("cks");
    expect(kb.unitsOf("by when should it be ready under the plan")).not.toContain("ready");
  });
});
