import { describe, expect, it } from "vitest";
import { isLikelyQuestion } from "../../src/core/question-words.js";

describe("isLikelyQuestion", () => {
  for (const text of ["khi nao co email moi", "Xong chưa?", "kết nối mạng ổn định chưa", "đang làm không", "chậm thì sao", "mail cong vu ra sao roi", "When is the deadline"]) {
    it(`reads ${JSON.stringify(text)} as a question`, () => expect(isLikelyQuestion(text)).toBe(true));
  }
  for (const text of ["Thiếu máy chủ, chờ nhà cung cấp", "xong", "đang làm, còn 2 phòng", "chưa có máy chủ", "Vướng mắc: thiếu máy chủ"]) {
    it(`does not read ${JSON.stringify(text)} as a question`, () => expect(isLikelyQuestion(text)).toBe(false));
  }
});
