import { describe, expect, it } from "vitest";
import { readLongMessage } from "../../../src/core/knowledge/long-message.js";
import { askEachAlone } from "../../helpers/knowledge.js";

const NOW = "2026-12-02T09:00:00+07:00";
const askEach = (...questions: string[]) => askEachAlone(NOW, ...questions);

describe("a clause asking how to pass the answer on", () => {
  it("is dropped, with whose question it is: the questions around it are what is asked", () => {
    expect(readLongMessage("và giai đoạn 2 xong khi nào, em trả lời sao ạ")?.parts).toEqual(["và giai đoạn 2 xong khi nào"]);
    expect(readLongMessage("Lãnh đạo hỏi: email công vụ tạo xong trước ngày nào, còn 1022 chạy chính thức khi nào, em nên báo cáo lại thế nào")?.parts).toEqual([
      "email công vụ tạo xong trước ngày nào",
      "còn 1022 chạy chính thức khi nào",
    ]);
  });

  it("answers both relayed questions", async () => {
    const [both] = await askEach("Chị trưởng phòng hỏi: giai đoạn 1 có bao gồm mã định danh không, và giai đoạn 2 dự kiến xong khi nào, em trả lời sao ạ");
    expect(both).toContain("mã định danh");
    expect(both).toContain("12/2025");
  });
});

describe("two clauses asking the same of two things", () => {
  it("splits at the comma when the second ends with the first's question words", () => {
    expect(readLongMessage("vụ email công vụ thì sở khcn hai tỉnh làm gì, trung tâm cđs làm gì")?.parts).toEqual(["vụ email công vụ thì sở khcn hai tỉnh làm gì", "trung tâm cđs làm gì"]);
  });

  it("keeps one question asking two values of one thing", () => {
    expect(readLongMessage("bai bao goc ve ke hoach dang tren bao nao, ngay nao")).toBeUndefined();
  });
});
