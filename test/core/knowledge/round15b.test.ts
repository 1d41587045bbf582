import { describe, expect, it } from "vitest";
import type { FaqEntry } from "../../../src/core/content/schema.js";
import { answerSpeaksOf, asksInclusion } from "../../../src/core/knowledge/follow-up.js";

const SYSTEM = [["1022", "tong dai 1022", "cong 1022", "hotline"]];
const DOCS = [["quan ly van ban", "qlvb", "document management", "document system"]];

describe("asking whether a named thing is among the previous answer's", () => {
  it("reads a Vietnamese yes-no question about inclusion", () => {
    expect(asksInclusion("co 1022 ko", SYSTEM)).toBe(true);
    expect(asksInclusion("thu may he thong co 1022 khong a", SYSTEM)).toBe(true);
    expect(asksInclusion("gom ca qlvb khong", DOCS)).toBe(true);
    expect(asksInclusion("1022 co nua khong", SYSTEM)).toBe(true);
  });

  it("reads an English one", () => {
    expect(asksInclusion("is the hotline included", SYSTEM)).toBe(true);
    expect(asksInclusion("is document management among them", DOCS)).toBe(true);
    expect(asksInclusion("and the document system", DOCS)).toBe(true);
  });

  it("does not read a question about the thing itself", () => {
    expect(asksInclusion("1022 co chay 24/7 khong", SYSTEM)).toBe(false);
    expect(asksInclusion("co 10220 ko", SYSTEM)).toBe(false);
    expect(asksInclusion("khi nao co 1022", SYSTEM)).toBe(false);
  });
});

describe("whether an entry's answers name a value", () => {
  const entry = { answer: "Tổng đài 1022 vận hành từ 1/7/2025.", answerEn: "The 1022 hotline runs from 1 July 2025.", questions: ["qlvb"], keywords: ["qlvb"] } as unknown as FaqEntry;

  it("looks in the answers only, as whole words, the same on every call", () => {
    expect(answerSpeaksOf(entry, ["1022"])).toBe(true);
    expect(answerSpeaksOf(entry, ["hotline"])).toBe(true);
    expect(answerSpeaksOf(entry, ["qlvb"])).toBe(false);
    expect(answerSpeaksOf(entry, ["102"])).toBe(false);
    expect(answerSpeaksOf(entry, ["1022"])).toBe(true);
  });
});
