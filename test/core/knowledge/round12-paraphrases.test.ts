import { describe, expect, it } from "vitest";
import { expectedType } from "../../../src/core/knowledge/answer-type.js";
import { decodeTyping } from "../../../src/core/knowledge/normalise.js";
import { createAnalyzer } from "../../../src/core/knowledge/query.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { fold } from "../../../src/core/fold.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith, askEachAlone, followUpAnswer } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);
const analyzer = createAnalyzer(content.glossary, content.lexicon);
const NOW = "2026-12-02T09:00:00+07:00";

const askEach = (...questions: string[]) => askEachAlone(NOW, ...questions);
const typeOf = (q: string) => expectedType(analyzer.analyze(q).units, () => 1, fold(q), q, () => false);

describe("who a message is addressed to, and 'cùng ký'", () => {
  it("drops 'vậy mn', 'cả nhà' and 'mọi người' as address, not topic", () => {
    expect(analyzer.analyze("kh liên tịch có mấy cơ quan cùng ký vậy mn").units).not.toContain("nguoi");
    expect(analyzer.analyze("cả nhà ơi, email công vụ hạn khi nào").units).not.toContain("nha");
  });

  it("answers how many bodies signed the plan, however the signing and the address are put", () => {
    for (const q of ["kh liên tịch có mấy cơ quan cùng ký vậy mn", "kế hoạch liên tịch do mấy cơ quan cùng ban hành vậy cả nhà", "mọi người ơi kế hoạch liên tịch có mấy cơ quan cùng ký"]) {
      expect(answeredWith(kb, q), q).toBe("plan-signatories");
    }
  });
});

describe("the state video conferencing asked in chat shorthand", () => {
  it("reads 'gov side', 'video conf', 'hnth' and 'kế hoạch nói gì' as the state system's connection", () => {
    for (const q of [
      "video conf (gov side) - what needs to be done and by when?",
      "government side video conf: what is due and when?",
      "hnth 2 tỉnh kết nối với tp ra sao",
      "kế hoạch nói gì về hội nghị truyền hình của hai tỉnh",
    ]) {
      expect(answeredWith(kb, q), q).toBe("video-conference-state-when");
    }
  });
});

describe("the staff list of the e-mail accounts is a topic, not a request for names", () => {
  it("does not expect a list of provinces' names when the question is about the staff list", () => {
    expect(typeOf("Sở KH&CN hai tỉnh gửi danh sách cán bộ công chức cho ai?")).toBeUndefined();
    expect(typeOf("danh sách 6 phường thử nghiệm")?.kind).toBe("names");
  });

  it("answers who the two provinces send their staff lists to", () => {
    for (const q of ["Sở KH&CN 2 tỉnh gửi danh sách cán bộ công chức cho ai?", "danh sách cbcc của 2 tỉnh nộp cho đơn vị nào", "hai tỉnh gửi danh sách cán bộ công chức cho ai?"]) {
      expect(answeredWith(kb, q), q).toBe("email-lists-when");
    }
  });

  it("answers 'để làm gì' after that question with the e-mail lists", async () => {
    const answer = await followUpAnswer("Sở KH&CN hai tỉnh cung cấp danh sách cán bộ cho ai?", "để làm gì", NOW);
    expect(answer).toMatch(/thư điện tử công vụ/);
  });
});

describe("what phase 1 is, and which phase a system is in", () => {
  it("answers 'là gì' and 'thuộc giai đoạn mấy' with the phase-1 scope", () => {
    for (const q of ["gd1 la gi", "giai đoạn 1 là gì vậy", "chữ ký số thuộc gđ mấy", "hệ thống quản lý văn bản, chỉ đạo điều hành thuộc giai đoạn mấy", "1022 nằm ở giai đoạn nào"]) {
      expect(answeredWith(kb, q), q).toBe("plan-phase1-scope");
    }
  });

  it("still answers whether phase 1 was done before the merger with its status", () => {
    for (const q of ["gd1 xong het chua truoc khi sap nhap", "giai đoạn 1 có kịp trước sáp nhập không", "gđ1 xong chưa"]) {
      expect(answeredWith(kb, q), q).toBe("phase1-status");
    }
  });
});

describe("VNI residue of 'đ'", () => {
  it("reads 'd9' as 'đ' before the vowel and its tone digit", () => {
    expect(decodeTyping("d9oa5n")).toBe("doan");
    expect(decodeTyping("d9ie62u")).toBe("dieu");
    expect(decodeTyping("d9")).toBe("d");
  });

  it("answers questions typed in VNI with the input method off", () => {
    expect(answeredWith(kb, "giai d9oa5n 2 la2m gi2")).toBe("phase2-what");
    expect(answeredWith(kb, "gia1i d9oa5n 1 u7u tie6n gi2")).toBe("plan-phase1-scope");
    expect(answeredWith(kb, "giai d9oa5n 2 bao gio72 xong")).toBeDefined();
  });
});

describe("the accounts step includes the training", () => {
  it("answers when mailboxes are created and users trained, in both languages", async () => {
    const [en, vi, viShort] = await askEach("By when should the new mailboxes be created and users trained?", "tạo tài khoản và tập huấn email xong trước ngày nào", "tạo tk mail và tập huấn hạn bh");
    expect(en).toContain("10 June 2025");
    expect(en).toMatch(/trains/);
    expect(vi).toContain("10/06/2025");
    expect(viShort).toContain("10/06/2025");
  });
});
