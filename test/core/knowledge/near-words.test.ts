import { describe, expect, it } from "vitest";
import { createOneEditIndex, deletions } from "../../../src/core/knowledge/near-words.js";
import { editDistance } from "../../../src/core/knowledge/query.js";

const KNOWN = ["van", "ban", "vna", "email", "emial", "mail", "tai", "khoan", "khoang", "phuong", "phuog", "truoc", "hop", "nhat", "thu", "dien", "tu", "cong", "vu", "quan", "ly", "tphcm", "qlvb", "hntt", "trien", "khai"];

function byLengthOf(words: readonly string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const w of words) out.set(w.length, [...(out.get(w.length) ?? []), w]);
  return out;
}

/** Every known word within one edit, in the order a scan by length then place reads them. */
function scan(byLength: Map<number, string[]>, word: string, lengths: (n: number) => boolean): string[] {
  const out: string[] = [];
  for (const len of [...byLength.keys()].sort((a, b) => a - b)) if (lengths(len)) for (const w of byLength.get(len)!) if (editDistance(word, w, 1) <= 1) out.push(w);
  return out;
}

describe("one-edit index", () => {
  it("lists each way of deleting one letter", () => {
    expect(deletions("van")).toEqual(["an", "vn", "va"]);
    expect(deletions("")).toEqual([]);
  });

  it("finds exactly the words one edit away that a full scan finds, in the scan's order", () => {
    const byLength = byLengthOf(KNOWN);
    const near = createOneEditIndex(byLength, 8);
    const any = () => true;
    const typed = ["vna", "van", "bna", "emaik", "eamil", "mial", "taii", "khoann", "phuong", "phuongg", "truc", "hpo", "nhta", "thuu", "dienn", "cogn", "quna", "qlbv", "xyz"];
    for (const word of typed) {
      const found = near(word, any).filter((w) => editDistance(word, w, 1) <= 1);
      expect(found, word).toEqual(scan(byLength, word, any));
    }
  });

  it("returns candidates only of the lengths asked for", () => {
    const near = createOneEditIndex(byLengthOf(KNOWN), 8);
    expect(near("emai", (n) => n === 4)).toEqual(["mail"]);
    expect(near("emai", (n) => n === 5)).toEqual(["email"]);
  });

  it("leaves out words longer than the indexed length", () => {
    const near = createOneEditIndex(byLengthOf(["khoang", "khoan"]), 5);
    expect(near("khoanh", () => true)).toEqual(["khoan"]);
  });
});
