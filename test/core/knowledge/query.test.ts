import { describe, expect, it } from "vitest";
import type { GlossaryGroup } from "../../../src/core/content/schema.js";
import { createAnalyzer, editDistance, isSyllable, singular } from "../../../src/core/knowledge/query.js";

const glossary: GlossaryGroup[] = [
  { terms: ["email", "thư điện tử", "thư điện tử công vụ", "mail"] },
  { terms: ["QLVB", "quản lý văn bản"] },
  { terms: ["cấp xã", "phường", "xã"] },
  { terms: ["tài khoản", "account"] },
];

describe("createAnalyzer", () => {
  const analyzer = createAnalyzer(glossary);
  const units = (text: string, correct?: (w: string) => string | undefined) => analyzer.analyze(text, correct).units;

  it("replaces every synonym of a glossary group by the same concept token", () => {
    expect(units("thư điện tử")).toEqual(["email"]);
    expect(units("mail")).toEqual(["email"]);
    expect(units("Phần mềm quản lý văn bản")).toEqual(["phan", "mem", "qlvb"]);
  });

  it("absorbs the words a longer synonym adds, so 'email công vụ' is the concept alone", () => {
    expect(units("email công vụ")).toEqual(["email"]);
  });

  it("drops politeness and filler words", () => {
    expect(units("Cho tôi hỏi ạ, ad ơi, QLVB nhé")).toEqual(["qlvb"]);
  });

  it("drops a form of address ('sir pls …'), which says to whom, not what is asked", () => {
    expect(units("sir pls QLVB")).toEqual(["qlvb"]);
    expect(units("madam, QLVB")).toEqual(["qlvb"]);
  });

  it("reads 'ready' as where things stand, like 'done'", () => {
    expect(units("QLVB ready")).toEqual(units("QLVB done"));
  });

  it("turns question words into light intent tokens instead of topic words", () => {
    expect(units("Khi nào có tài khoản email?")).toEqual(["_when", "taikhoan", "email"]);
    expect(units("email mới cấp xong chưa")).toEqual(["email", "moi", "cap", "_status"]);
    expect(units("When will the new accounts be created?")).toEqual(["_when", "new", "taikhoan", "creat"]);
  });

  it("keeps phrases whose words fold onto other words whole: phương án is not phường", () => {
    expect(units("phương án kết nối")).toEqual(["phuongan", "ket", "noi"]);
    expect(units("phường mới")).toEqual(["capxa", "moi"]);
  });

  it("corrects typos with the given corrector but never touches glossary or filler words", () => {
    const seen: string[] = [];
    const result = analyzer.analyze("emial khi nao", (w) => {
      seen.push(w);
      return w === "emial" ? "email" : undefined;
    });
    expect(result.units).toEqual(["email", "_when"]);
    expect(result.corrections).toEqual(["emial → email"]);
    expect(seen).toEqual(["emial"]);
  });

  it("writes dates one way: 15/06/2025 becomes 15/6 and the year", () => {
    expect(units("trước 15/06/2025")).toEqual(["truoc", "15/6", "2025"]);
  });
});

describe("word helpers", () => {
  it("counts a swap of two letters as one edit", () => {
    expect(editDistance("emial", "email", 2)).toBe(1);
    expect(editDistance("tong", "dai", 1)).toBeGreaterThan(1);
  });

  it("recognises Vietnamese syllables, which are never treated as typos", () => {
    expect(isSyllable("luong")).toBe(true);
    expect(isSyllable("nghiem")).toBe(true);
    expect(isSyllable("emial")).toBe(false);
  });

  it("makes English plurals singular but leaves abbreviations ending in s alone", () => {
    expect(singular("accounts")).toBe("account");
    expect(singular("goes")).toBe("go");
    expect(singular("ttcds")).toBe("ttcds");
  });
});
