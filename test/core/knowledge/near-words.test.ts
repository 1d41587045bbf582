import { describe, expect, it } from "vitest";
import { createOneEditIndex, deletions, letterSet, mayBeWithin } from "../../../src/core/knowledge/near-words.js";
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

describe("mayBeWithin", () => {
  it("never rules out a word within the allowed edits (checked against the edit distance on many word pairs)", () => {
    const letters = "abcdeghiklmnopqrstuvxy";
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const word = () => Array.from({ length: 3 + Math.floor(rnd() * 8) }, () => letters[Math.floor(rnd() * letters.length)]).join("");
    const mutate = (w: string) => {
      const at = Math.floor(rnd() * w.length);
      const op = Math.floor(rnd() * 4);
      const c = letters[Math.floor(rnd() * letters.length)];
      if (op === 0) return w.slice(0, at) + c + w.slice(at + 1);
      if (op === 1) return w.slice(0, at) + c + w.slice(at);
      if (op === 2) return w.slice(0, at) + w.slice(at + 1);
      return at + 1 < w.length ? w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2) : w;
    };
    let ruledOut = 0;
    for (let i = 0; i < 4000; i++) {
      const a = word();
      const b = rnd() < 0.5 ? mutate(mutate(a)) : word();
      for (const max of [1, 2]) {
        const within = editDistance(a, b, max) <= max;
        if (within) expect(mayBeWithin(letterSet(a), letterSet(b), max)).toBe(true);
        else if (!mayBeWithin(letterSet(a), letterSet(b), max)) ruledOut++;
      }
    }
    // ... and it does rule out most unrelated words, or it would save nothing.
    expect(ruledOut).toBeGreaterThan(2000);
  });

  it("reads a word's letters as a set", () => {
    expect(letterSet("van")).toBe(letterSet("nav"));
    expect(letterSet("van")).not.toBe(letterSet("ban"));
    expect(mayBeWithin(letterSet("passport"), letterSet("password"), 2)).toBe(true);
    expect(mayBeWithin(letterSet("passport"), letterSet("khoang"), 2)).toBe(false);
  });
});
