import { describe, expect, it } from "vitest";
import { type EntryUnits, supplies } from "../../../src/core/knowledge/answer-type.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { realContent } from "../../helpers/app.js";

const content = await realContent();
const kb = createKnowledge(content);

/** An entry whose answer text is `raw` (units are not read by a number question). */
const entryWith = (raw: string): EntryUnits => ({ text: [], raw, questions: [], milestones: [] });

describe("short definitional and count questions in chat Vietnamese", () => {
  it("reads 'là cái gì' as a 'what is' question", () => {
    const r = kb.search("1022 la cai gi vay");
    expect(r.decision).toBe("confident");
    expect(r.best?.entry.id).toBe("hotline-1022-what");
  });

  it("reads 'dvhc' as 'đơn vị hành chính' and answers the count of commune-level units", () => {
    for (const q of ["tp hcm moi co bao nhieu dvhc cap xa", "brvt co bao nhiu dvhc cap xa sau sap xep"]) {
      expect(kb.search(q).best?.entry.id, q).toBe("merger-168-units");
    }
  });
});

describe("document numbers as people write them", () => {
  it("counts 'NQ 57' and 'Decision 2448' as a document number, not only '57-NQ/TW'", () => {
    expect(supplies({ kind: "number" }, entryWith("báo cáo NQ 57, báo cáo đại hội"), new Set())).toBe("given");
    expect(supplies({ kind: "number" }, entryWith("Decision 2448 approves a project"), new Set())).toBe("given");
    expect(supplies({ kind: "number" }, entryWith("báo cáo đại hội năm 2025"), new Set())).toBe("no");
  });

  it("answers 'nghị quyết số mấy' of the Party's reporting system from the Party entry", () => {
    const r = kb.search("he thong bao cao nghi quyet so may duoc trien khai chung lo trinh vs thanh uy");
    expect(r.best?.entry.id).toBe("party-systems");
    expect(r.best?.unsupplied).toBeUndefined();
  });
});

describe("ranking past candidates the question rules out", () => {
  it("keeps ranking when the best-scored candidates name another system, so the agreeing entry still answers", () => {
    const r = kb.search("VP tỉnh ủy BD và BRVT phối hợp với ai về hệ thống văn bản điều hành của Đảng");
    expect(r.decision).not.toBe("none");
    expect(r.best?.entry.id).toBe("party-systems");
  });
});
