import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fold, foldReference } from "../../src/core/fold.js";

describe("fold", () => {
  it("removes diacritics, turns đ into d and lowercases", () => {
    expect(fold("Thư Điện Tử Công Vụ")).toBe("thu dien tu cong vu");
    expect(fold("ĐỊNH DANH điện tử")).toBe("dinh danh dien tu");
  });

  it("treats text typed with and without diacritics the same", () => {
    expect(fold("Khi nào có tài khoản email mới?")).toBe(fold("khi nao co tai khoan email moi"));
  });

  it("turns punctuation into single spaces and trims", () => {
    expect(fold("  Bà Rịa - Vũng Tàu,   TP.HCM!! ")).toBe("ba ria vung tau tp hcm");
  });

  it("keeps numbers and the separators inside dates", () => {
    expect(fold("Tổng đài 1022")).toBe("tong dai 1022");
    expect(fold("hạn 10/6 hoặc 15-06-2025")).toBe("han 10/6 hoac 15/06/2025");
  });

  it("drops the ampersand inside abbreviations so KH&CN and KHCN meet", () => {
    expect(fold("Sở KH&CN")).toBe(fold("so khcn"));
  });

  it("folds composed and decomposed Unicode to the same text", () => {
    expect(fold("Hội nghị".normalize("NFC"))).toBe(fold("Hội nghị".normalize("NFD")));
  });

  it("gives exactly the reference definition's result for every line of content/ and of the question sets it may read", () => {
    const files = [
      ...readdirSync("content").filter((f) => f.endsWith(".yaml")).map((f) => join("content", f)),
      ...readdirSync("content/faq").map((f) => join("content/faq", f)),
      ...["dev", "dev2", "dev3"].flatMap((d) => readdirSync(join("test/fixtures/questions", d)).map((f) => join("test/fixtures/questions", d, f))),
    ];
    const lines = files.flatMap((f) => readFileSync(f, "utf8").split("\n"));
    expect(lines.length).toBeGreaterThan(1000);
    for (const line of lines) expect(fold(line), line).toBe(foldReference(line));
  });

  it("gives exactly the reference definition's result on random text mixing letters, marks, digits, separators and other scripts", () => {
    // A fixed pseudo-random sequence, so a failure can be replayed.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pool = [..."aĂâđĐeÊoƠưƯyỳỴ0123456789./-&,;:!? \t\n—…«»", "\u0301", "\u0323", "\u0000", "İ", "ß", "Σ", "ΑΣ ", "中文", "😀", "\u200b", "\u00a0"];
    for (let n = 0; n < 5000; n++) {
      const len = Math.floor(next() * 24);
      let text = "";
      for (let i = 0; i < len; i++) text += pool[Math.floor(next() * pool.length)];
      expect(fold(text), JSON.stringify(text)).toBe(foldReference(text));
    }
  });
});
