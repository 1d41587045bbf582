import { beforeAll, describe, expect, it } from "vitest";
import type { Content, FaqEntry } from "../../../src/core/content/schema.js";
import { detectLanguage } from "../../../src/core/language.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import type { Knowledge } from "../../../src/core/knowledge/types.js";
import { realContent } from "../../helpers/app.js";

let content: Content;
let kb: Knowledge;
beforeAll(async () => {
  content = await realContent();
  kb = createKnowledge(content);
});

const english = (e: FaqEntry) => e.questions.filter((q) => detectLanguage(q) === "en");
const vietnamese = (e: FaqEntry) => e.questions.filter((q) => detectLanguage(q) !== "en");
/** Typed without diacritics, as on a phone with the Vietnamese keyboard off. */
const plain = (q: string) => !/[\u0300-\u036f\u0111\u0110]/.test(q.normalize("NFD"));

describe("content/faq › paraphrases", () => {
  it("gives every entry Vietnamese and English ways of asking, including one typed without diacritics", () => {
    const thin = content.faq.filter((e) => vietnamese(e).length < 3 || english(e).length < 2 || !vietnamese(e).some(plain));
    expect(thin.map((e) => e.id)).toEqual([]);
  });

  it("gives nine entries in ten at least eight questions (most are asked in many ways)", () => {
    const rich = content.faq.filter((e) => e.questions.length >= 8).length;
    expect(rich / content.faq.length).toBeGreaterThanOrEqual(0.9);
  });

  it("finds each entry from its own questions, with confidence, for at least 98 % of them", () => {
    const misses: string[] = [];
    let all = 0;
    for (const e of content.faq) {
      for (const q of e.questions) {
        all++;
        const r = kb.search(q);
        if (r.decision !== "confident" || r.best?.entry.id !== e.id) misses.push(`${e.id} ← "${q}" (${r.decision} ${r.best?.entry.id ?? ""})`);
      }
    }
    expect(misses.length / all, misses.join("\n")).toBeLessThanOrEqual(0.02);
  });
});

describe("content/faq › facts of facts.md that have their own entry", () => {
  const cases: [question: string, id: string, says: string[]][] = [
    ["mạng truyền số liệu chuyên dùng tốc độ bao nhiêu", "network-speed", ["569", "20 Mbps", "300 Mbit/s"]],
    ["How fast is the dedicated data network?", "network-speed", ["569", "20 Mbps"]],
    ["sau sắp xếp cả nước còn bao nhiêu tỉnh thành", "merger-provinces-nationwide", ["34", "28", "6 thành phố"]],
    ["How many provinces are there nationwide after the reorganisation?", "merger-provinces-nationwide", ["34", "28 provinces"]],
    ["tên đặc khu của thành phố mới là gì", "merger-special-zone", ["Côn Đảo", "01/07/2025"]],
    ["web 1022 là gì", "hotline-1022-how-to-reach", ["https://1022.tphcm.gov.vn"]],
    ["What's the web address of 1022?", "hotline-1022-how-to-reach", ["https://1022.tphcm.gov.vn"]],
    ["nghị quyết 202 quốc hội thông qua ngày nào", "merger-effective-date", ["12/06/2025", "01/07/2025"]],
    ["When did the new provincial governments start operating?", "merger-effective-date", ["1 July 2025"]],
    ["nq 1685 ban hành ngày nào", "merger-commune-resolution", ["16/06/2025", "356/ĐA-CP"]],
    ["Kế hoạch liên tịch áp dụng cho những địa phương nào?", "plan-what", ["Bình Dương", "Bà Rịa - Vũng Tàu"]],
    ["ngày vận hành chính thức 1/9/2025 là thứ mấy", "deadline-weekend", ["thứ Hai"]],
    ["năm 2024 bao nhiêu phần trăm cơ quan nhà nước dùng thư công vụ", "official-email-adoption", ["100%"]],
    ["Telegram có bị chặn ở Việt Nam không", "telegram-blocked", ["21/05/2025"]],
    ["zalo có bao nhiêu người dùng hằng tháng", "zalo-reach", ["79,2"]],
  ];
  it.each(cases)("answers %j from %s", (question, id, says) => {
    const r = kb.search(question);
    expect(r.decision).toBe("confident");
    expect(r.best?.entry.id).toBe(id);
    const entry = r.best!.entry;
    const text = detectLanguage(question) === "en" ? entry.answerEn ?? "" : entry.answer;
    for (const s of says) expect(text).toContain(s);
  });

  it("cites SGGP, not a business site, for Côn Đảo being the only special zone", () => {
    const entry = content.faq.find((e) => e.id === "merger-special-zone")!;
    expect(content.sources.find((s) => s.id === entry.source)?.url).toMatch(/^https:\/\/en\.sggp\.org\.vn\//);
  });

  it("marks the entries that only say the sources are silent as referrals, so the question stays on the coordinators' list", () => {
    for (const id of ["email-domain-unknown", "email-stats-unknown", "plan-issue-date-unknown", "role-contact"]) {
      expect(content.faq.find((e) => e.id === id)?.referral, id).toBe(true);
    }
  });
});
