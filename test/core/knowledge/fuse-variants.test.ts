import { describe, expect, it } from "vitest";
import type { FaqEntry } from "../../../src/core/content/schema.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { realContent } from "../../helpers/app.js";

const content = await realContent();
const FILLERS = [
  "Ai phụ trách tổng đài 1022?",
  "Hội nghị truyền hình kết nối thế nào?",
  "Chứng thư chữ ký số gia hạn ở đâu?",
  "Cổng thông tin điện tử có địa chỉ gì?",
  "Mạng truyền số liệu chuyên dùng tốc độ bao nhiêu?",
  "Trung tâm dữ liệu đặt ở đâu?",
  "Mã định danh điện tử dùng để làm gì?",
  "Giai đoạn 2 gồm những việc gì?",
  "Ai tham mưu Ủy ban nhân dân thành phố?",
  "Văn phòng Thành ủy phối hợp với ai?",
  "Phần mềm tác nghiệp của Đảng là gì?",
];
const TARGET = "Hạn nộp báo cáo tiến độ chuyển đổi hệ thống kho lưu trữ là khi nào?";

const withQuestions = (questions: string[]): FaqEntry => ({
  ...content.faq[0]!,
  id: "probe",
  questions,
  keywords: ["kho lưu trữ"],
  milestones: [],
});

describe("fuse.js reads the question variants sharing the most words with the question", () => {
  it("scores an entry whose matching paraphrase comes last as if it came first", () => {
    const first = createKnowledge({ ...content, faq: [withQuestions([TARGET, ...FILLERS])] });
    const last = createKnowledge({ ...content, faq: [withQuestions([...FILLERS, TARGET])] });
    const asked = "han nop bao cao tien do chuyen doi he thong kho luu tru";
    const a = first.search(asked);
    const b = last.search(asked);
    expect(a.best?.entry.id).toBe("probe");
    expect(b.best?.entry.id).toBe("probe");
    expect(b.best!.score).toBeCloseTo(a.best!.score, 6);
  });
});
