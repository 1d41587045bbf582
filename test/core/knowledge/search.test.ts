import { beforeAll, describe, expect, it } from "vitest";
import type { Content, FaqEntry } from "../../../src/core/content/schema.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import type { Knowledge } from "../../../src/core/knowledge/types.js";
import { realContent } from "../../helpers/app.js";

let content: Content;
let kb: Knowledge;
beforeAll(async () => {
  content = await realContent();
  kb = createKnowledge(content);
});

const idOf = (q: string) => {
  const r = kb.search(q);
  return r.decision === "none" ? "none" : r.best!.entry.id;
};

describe("createKnowledge › search", () => {
  it("answers the same entry with and without diacritics", () => {
    expect(idOf("Khi nào có tài khoản email mới?")).toBe("email-accounts-when");
    expect(idOf("khi nao co tai khoan email moi")).toBe("email-accounts-when");
  });

  it("finds entries through glossary abbreviations (QLVB, 1022, HNTH)", () => {
    expect(idOf("QLVB chạy chính thức từ ngày nào")).toBe("document-management-official");
    expect(idOf("1022 bao giờ vận hành chính thức")).toBe("hotline-1022-official");
    expect(idOf("khảo sát HNTH xong trước ngày nào")).toBe("video-conference-state-when");
  });

  it("tolerates a typo such as 'emial'", () => {
    const r = kb.search("tạo tài khoản emial khi nào");
    expect(r.best?.entry.id).toBe("email-accounts-when");
    expect(r.units).toContain("email");
  });

  it("does not let filler words decide: a question made only of fillers gets no answer", () => {
    expect(kb.search("cho tôi hỏi khi nào ạ").decision).toBe("none");
    expect(kb.search("???").decision).toBe("none");
  });

  it("refuses unrelated questions instead of answering a loosely related entry", () => {
    for (const q of ["Giá vàng hôm nay bao nhiêu?", "lương cán bộ tăng khi nào", "Thời tiết TP.HCM ngày mai thế nào?"]) {
      const r = kb.search(q);
      expect(r.decision, q).toBe("none");
      expect(r.best, q).toBeUndefined();
    }
  });

  it("suggests at most three related topics when it has no answer", () => {
    const r = kb.search("email cá nhân bị hack");
    expect(r.decision).toBe("none");
    expect(r.suggestions.length).toBeLessThanOrEqual(3);
  });

  it("offers the runner-up when two entries are close, and never the same entry twice", () => {
    const twin: FaqEntry = { ...content.faq.find((e) => e.id === "email-training")!, id: "email-training-copy" };
    const doubled = createKnowledge({ ...content, faq: [...content.faq, twin] });
    const r = doubled.search("Khi nào tập huấn dùng email công vụ?");
    expect(r.decision).toBe("ambiguous");
    expect(new Set([r.best?.entry.id, r.runnerUp?.entry.id])).toEqual(new Set(["email-training", "email-training-copy"]));
  });

  it("scores a distance between 0 and 1 and a relevance between 0 and 1", () => {
    const r = kb.search("Hạn thử nghiệm QLVB là ngày nào?");
    expect(r.best!.score).toBeGreaterThanOrEqual(0);
    expect(r.best!.score).toBeLessThanOrEqual(1);
    expect(r.best!.relevance).toBeGreaterThan(0.5);
    expect(r.best!.relevance).toBeLessThanOrEqual(1);
  });

  it("names the coordinating agency from content as the contact", () => {
    expect(kb.contact?.id).toBe("ttcds-hcm");
    expect(kb.size).toBe(content.faq.length);
  });

  it("prefers, for a question naming one merged province, an entry whose questions name it over one whose never do", () => {
    // Both role entries share "vai trò" and "Sở KH&CN"; only the provinces' entry names Bình Dương in its questions.
    expect(kb.search("what is the role of the Binh Duong DOST").best?.entry.id).toBe("role-sokhcn-provinces");
    expect(kb.search("vai trò sở khcn bình dương").best?.entry.id).toBe("role-sokhcn-provinces");
    expect(kb.search("What is the role of the HCMC Department of Science and Technology?").best?.entry.id).toBe("role-sokhcn-hcm");
  });

  it("answers facts the coverage audit found missing: the Công dân số app, make-up days, early-July problems", () => {
    expect(idOf("app cong dan so ra mat khi nao")).toBe("cong-dan-so-app");
    expect(idOf("lam bu dip 2/9/2026 ngay nao")).toBe("holidays");
    expect(idOf("3 ngay dau van hanh gap kho khan gi")).toBe("early-issues-july");
    expect(idOf("ma dinh danh dien tu nam trong gd may")).toBe("e-id");
  });

  it("keeps finding the right entry when thousands of unrelated entries share its words", () => {
    const filler: FaqEntry[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `filler-${i}`,
      topic: "filler",
      questions: [`Hệ thống số ${i} của phòng ${i % 37} vận hành thế nào?`, `Báo cáo tuần ${i} nộp cho ai?`],
      keywords: [`mục ${i}`, "hệ thống", "báo cáo"],
      answer: `Nội dung thử ${i}.`,
      milestones: [],
      source: "plan",
    }));
    const big = createKnowledge({ ...content, faq: [...content.faq, ...filler] });
    expect(big.search("Hạn thử nghiệm QLVB là ngày nào?").best?.entry.id).toBe("document-management-pilot");
    expect(big.search("Giá vàng hôm nay").decision).toBe("none");
  });
});
