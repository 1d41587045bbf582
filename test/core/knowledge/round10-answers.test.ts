import { describe, expect, it } from "vitest";
import { dayIn, parseCalendarQuestion, standaloneYear } from "../../../src/core/knowledge/calendar-question.js";
import { createAnalyzer } from "../../../src/core/knowledge/query.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { toPlain } from "../../../src/core/reply.js";
import { createTestApp, realContent, textFrom } from "../../helpers/app.js";

const content = await realContent();
const kb = createKnowledge(content);
const analyzer = createAnalyzer(content.glossary, content.lexicon);

/** Asks questions of a fresh assistant on `day` (09:00 in Ho Chi Minh City), one chat per question. */
async function askOn(day: string, ...questions: string[]): Promise<string[]> {
  const app = await createTestApp({ now: `${day}T09:00:00+07:00` });
  const out: string[] = [];
  let n = 0;
  for (const q of questions) out.push((await app.assistant.handle(textFrom(`u${++n}`, q))).map((r) => toPlain(r.text)).join("\n"));
  await app.store.close();
  return out;
}

describe("words that carry no topic", () => {
  it("drops the particle 'hả' but keeps 'hạ tầng' whole", () => {
    expect(analyzer.analyze("email mới dùng chính thức hả").units).not.toContain("ha");
    expect(analyzer.analyze("hạ tầng CNTT xong chưa").units).toContain("hatang");
  });

  it("drops hearsay ('nghe nói', 'thấy bảo') and English 'had' and 'in a nutshell'", () => {
    const units = analyzer.analyze("nghe nói sắp có SSO, thấy bảo cả họp không giấy").units;
    expect(units).not.toContain("nghe");
    expect(units).not.toContain("bao");
    expect(analyzer.analyze("what had to happen with the data centers").units).not.toContain("had");
    expect(analyzer.analyze("the merger in a nutshell").units).not.toContain("nutshell");
  });

  it("reads 'có mấy cái gì' as listing things, not counting them", () => {
    const units = analyzer.analyze("giai đoạn 2 có mấy cái gì").units;
    expect(units).toContain("_what");
    expect(units).not.toContain("_howmany");
  });

  it("answers a hearsay question about what comes after phase 1", () => {
    expect(kb.search("nghe bảo sau giai đoạn 1 sẽ có mấy cái gì mới như đăng nhập một lần").best?.entry.id).toBe("sso-paperless-next");
  });
});

describe("days qualified by a year written on its own", () => {
  const TODAY = "2026-12-01";

  it("takes a year written after the day with a space, or elsewhere in the question", () => {
    expect(dayIn("2/9 2025 nghi may ngay", TODAY)).toBe("2025-09-02");
    expect(dayIn("lich nam 2025 dip 30/4 nghi the nao", TODAY)).toBe("2025-04-30");
    expect(dayIn("is 1 may 2025 a holiday", TODAY)).toBe("2025-05-01");
  });

  it("does not read a year inside a number, nor pick one of two years", () => {
    expect(standaloneYear("nghi quyet 202/2025 va ngay 2/9")).toBeUndefined();
    expect(standaloneYear("2/9 2025 va 2026")).toBeUndefined();
    expect(dayIn("nghi quyet 202/2025 va ngay 2/9 co nghi ko", TODAY)).toBe("2027-09-02");
  });

  it("answers a year-qualified holiday with that year's break and make-up day", async () => {
    const [answer] = await askOn(TODAY, "lễ 1/5 2025 được nghỉ từ hôm nào, có phải đi làm bù không");
    expect(answer).toContain("30/04/2025");
    expect(answer).toContain("04/05/2025");
    expect(answer).toContain("26/04/2025");
  });
});

describe("countdowns typed in chat shorthand", () => {
  it("expands 'bn' before reading the question, so it is a countdown to the break", async () => {
    const [answer] = await askOn("2026-02-01", "bn ngày nữa thì được nghỉ tết vậy");
    expect(answer).toContain("Còn 13 ngày");
    expect(answer).toContain("14/02/2026");
  });

  it("does not count down to today's date said as context", () => {
    expect(parseCalendarQuestion("hom nay 3/8 roi, con bao nhieu ngay nua la het han", "2025-08-03")).toBeUndefined();
    expect(parseCalendarQuestion("con bao nhieu ngay nua den 2/9", "2025-08-03")).toMatchObject({ kind: "countdown-day", day: "2025-09-02" });
  });
});

describe("a system's dates", () => {
  const TODAY = "2025-05-01";

  it("gives every official deadline of a system asked about by name alone", async () => {
    const [mail] = await askOn(TODAY, "hạn chót thư công vụ là bao giờ");
    expect(mail).toContain("10/05/2025");
    expect(mail).toContain("10/06/2025");
  });

  it("gives a system's completion date when asked whether it is done", async () => {
    const [docs, hotline] = await askOn(TODAY, "hệ thống quản lý văn bản đã hoàn thành chưa", "tổng đài 1022 xong chưa ạ");
    expect(docs).toContain("01/09/2025");
    expect(hotline).toContain("01/09/2025");
  });

  it("gives the whole schedule when the system is asked of one merged province", async () => {
    const [mail] = await askOn(TODAY, "email công vụ của Vũng Tàu khi nào có");
    expect(mail).toContain("10/05/2025");
    expect(mail).toContain("10/06/2025");
  });

  it("adds no other step to a question about one step", async () => {
    const [training] = await askOn(TODAY, "ai tập huấn sử dụng hộp thư mới cho cán bộ");
    expect(training).toContain("10/06/2025");
    expect(training).not.toContain("10/05/2025");
  });
});

describe("what the plan is for", () => {
  it("says the purpose in the plan's overview, in both languages", async () => {
    const [vi, en] = await askOn("2026-12-01", "kế hoạch liên tịch nói về cái gì vậy", "Can you summarise the joint IT plan briefly?");
    expect(vi).toContain("giao diện thống nhất");
    expect(en).toContain("unified interface");
    expect(en).toContain("smoothly");
  });

  it("answers whether residents use one common interface from the plan's goals", () => {
    expect(kb.search("doanh nghiep co dung chung mot giao dien cho ca ba dia phuong khong").best?.entry.id).toBe("plan-goals");
  });
});
