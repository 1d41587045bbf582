import { describe, expect, it } from "vitest";
import { fold } from "../../src/core/fold.js";

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
});
