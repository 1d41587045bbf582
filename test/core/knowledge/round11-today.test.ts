import { describe, expect, it } from "vitest";
import type { AskLine } from "../../../src/cli/ask.js";
import { nextByLaw, parseCalendarQuestion } from "../../../src/core/knowledge/calendar-question.js";
import { asksDayCount, chooseDay, datedClauses, dayCountLine } from "../../../src/core/knowledge/day-count.js";
import { dueOn, dueOnDays } from "../../../src/core/knowledge/due-on.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { fold } from "../../../src/core/fold.js";
import { realContent } from "../../helpers/app.js";
import { runCliCaptured } from "../../helpers/cli.js";
import { answeredWith as answeredBy } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);
const answeredWith = (q: string) => answeredBy(kb, q);
/** The plan's day-precise deadlines, as the assistant reads a day written without a year. */
const deadlineDays = content.milestones.flatMap((m) => (m.dueParsed.precision === "day" ? [m.dueParsed.end] : []));

/** Asks each question through the console (`ask --json`) on `day`, each on its own: the core's answer and whether it counts as answered. */
async function askOn(day: string, ...questions: string[]): Promise<AskLine[]> {
  const { code, out, err } = await runCliCaptured(["ask", "--json", "--now", day], { input: `${questions.join("\n")}\n` });
  expect(code, err).toBe(0);
  return out
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as AskLine);
}

describe("the next holiday, asked of today", () => {
  it("reads 'sắp tới', 'tiếp theo', 'Tết dương lịch tới', '2/9 tới' and 'next' as the next break, not 'next year' or the next working day", () => {
    expect(parseCalendarQuestion("tết dương lịch sắp tới nghỉ mấy ngày", "2026-12-02")).toEqual({ kind: "countdown-holiday", holiday: "new-year", ahead: true, detail: true });
    expect(parseCalendarQuestion("Tết dương lịch tới được nghỉ mấy ngày", "2026-12-02")).toMatchObject({ kind: "countdown-holiday", ahead: true });
    expect(parseCalendarQuestion("2/9 tới có được nghỉ không", "2026-12-02")).toMatchObject({ kind: "countdown-holiday", holiday: "national-day", ahead: true });
    expect(parseCalendarQuestion("When is the upcoming public holiday?", "2026-12-02")).toEqual({ kind: "countdown-holiday", ahead: true });
    expect(parseCalendarQuestion("holidays next year", "2026-12-02")).not.toMatchObject({ ahead: true });
    expect(parseCalendarQuestion("ngày làm việc tiếp theo sau kỳ nghỉ lễ", "2026-12-02")).not.toMatchObject({ ahead: true });
    expect(parseCalendarQuestion("lịch nghỉ tết dương lịch 2026 sắp tới", "2025-12-01")).not.toMatchObject({ ahead: true });
  });

  it("names the next day the law makes a holiday only when no lunar holiday of an unannounced year can come first", () => {
    expect(nextByLaw(content.calendar, undefined, "2026-12-02")?.day).toBe("2027-01-01");
    expect(nextByLaw(content.calendar, "national-day", "2026-12-02")?.day).toBe("2027-09-02");
    // Tết and Giỗ Tổ 2027 fall between 5 January and 30 April 2027.
    expect(nextByLaw(content.calendar, undefined, "2027-01-05")).toBeUndefined();
    expect(nextByLaw(content.calendar, "tet", "2026-12-02")).toBeUndefined();
  });

  it("answers the next holiday after today, from the calendar or, past it, from the Labour Code; never last year's list", async () => {
    const [next, newYearLength, tet, spring] = [
      ...(await askOn("2026-12-02", "kỳ nghỉ lễ kế tiếp là ngày nào", "tết tây sắp tới được nghỉ bao nhiêu ngày", "When is the upcoming Tet holiday?")),
      ...(await askOn("2026-03-10", "Which public holiday comes next?")),
    ];
    expect(next).toMatchObject({ answered: true });
    expect(next!.answer).toContain("01/01/2027");
    expect(next!.answer).toContain("Bộ luật Lao động");
    // How long the 2027 break lasts is not announced: said, and the question stays unanswered.
    expect(newYearLength).toMatchObject({ answered: false });
    expect(newYearLength!.answer).toContain("01/01/2027");
    expect(newYearLength!.answer).not.toContain("04/01/2026");
    expect(tet).toMatchObject({ answered: false });
    expect(tet!.answer).not.toContain("starts in");
    expect(spring).toMatchObject({ answered: true });
    expect(spring!.answer).toContain("27 April 2026");
  });
});

describe("a day asked as a deadline", () => {
  it("reads the days of 'là hạn của việc gì', 'phải xong việc gì', 'what is due on', in the plan's year when none is written", () => {
    expect(dueOnDays(fold("15/6 là hạn của cái gì"), "2026-12-02", deadlineDays)).toEqual(["2025-06-15"]);
    expect(dueOnDays(fold("mốc 10/5 và 10/6 ứng với việc gì"), "2026-12-02", deadlineDays)).toEqual(["2025-05-10", "2025-06-10"]);
    expect(dueOnDays(fold("which deadline falls on 15 August?"), "2026-12-02", deadlineDays)).toEqual(["2025-08-15"]);
    expect(dueOnDays(fold("hntt hạn 15/5 đúng ko, còn qlvb hạn nào"), "2026-12-02", deadlineDays)).toBeUndefined();
    expect(dueOnDays(fold("ngày 2/9 có gì"), "2026-12-02", deadlineDays)).toBeUndefined();
  });

  it("finds every official deadline of the day, and none for a day without one", () => {
    expect(dueOn(content.milestones, "2025-09-01").map((m) => m.id)).toEqual(["document-management-official", "hotline-1022-official"]);
    expect(dueOn(content.milestones, "2025-05-20")).toEqual([]);
  });

  it("answers with the milestones due and their source, and leaves a day without a deadline unanswered", async () => {
    const [lists, august, none] = await askOn("2026-12-02", "hạn ngày 10/5 là của việc gì", "What was due on 15 August 2025?", "20/5 là hạn của việc gì");
    expect(lists).toMatchObject({ answered: true, entryId: "email-lists-when" });
    expect(lists!.answer).toContain("thư điện tử");
    expect(lists!.answer).toContain("Thứ Bảy, 10/05/2025");
    expect(august).toMatchObject({ answered: true });
    expect(august!.answer).toContain("Document-management rollout");
    expect(none).toMatchObject({ answered: false });
    expect(none!.answer).toContain("10/05/2025");
  });
});

describe("day counts and weekdays from today", () => {
  it("reads a number of days asked, to or since a day", () => {
    for (const q of ["chạy chính thức được bao nhiêu ngày rồi", "còn mấy ngày nữa", "đã bao lâu rồi", "how many days since it started", "days until the pilot"]) expect(asksDayCount(fold(q)), q).toBe(true);
    for (const q of ["dùng song song mấy tháng", "khi nào chạy chính thức"]) expect(asksDayCount(fold(q)), q).toBe(false);
  });

  it("reads the days an answer writes in full with the words before each, and picks the one the question names", () => {
    const clauses = datedClauses("Giai đoạn 1 bắt đầu thử nghiệm từ 06/10/2025, thí điểm toàn thành phố từ 15/10/2025 đến hết năm 2025.");
    expect(clauses).toEqual([
      { day: "2025-10-06", before: "Giai đoạn 1 bắt đầu thử nghiệm từ" },
      { day: "2025-10-15", before: "thí điểm toàn thành phố từ" },
    ]);
    const words = (c: { before: string }) => fold(c.before).split(" ");
    expect(chooseDay(clauses, ["toan", "thanh", "pho"], words)?.day).toBe("2025-10-15");
    expect(chooseDay(clauses, ["app"], words)).toBeUndefined();
    expect(dayCountLine("2026-12-02", "2025-09-01", "vi")).toBe("Tính đến hôm nay (02/12/2026), đã 457 ngày kể từ 01/09/2025.");
    expect(dayCountLine("2025-10-01", "2025-10-15", "en")).toBe("As of today (1 October 2025), 15 October 2025 is 14 days away.");
  });

  it("counts the exact days since a deadline and until a day an answer gives, and reads 'tuần này' as no topic", async () => {
    const [since] = await askOn("2026-12-02", "tính đến hôm nay QLVB vận hành chính thức được mấy ngày rồi");
    expect(since).toMatchObject({ answered: true });
    expect(since!.answer).toContain("457 ngày");
    const [pilot] = await askOn("2025-10-10", "còn bao nhiêu ngày nữa thì thí điểm toàn thành phố nền tảng chính quyền số");
    expect(pilot!.answer).toContain("còn 5 ngày nữa là đến 15/10/2025");
    const [testing] = await askOn("2025-10-20", "How many days have passed since testing of the officials' digital government app began?");
    expect(testing!.answer).toContain("14 days have passed since 6 October 2025");
    const [weekday] = await askOn("2025-06-09", "hạn tạo tài khoản mail tuần này rơi vào thứ mấy");
    expect(weekday).toMatchObject({ answered: true });
    expect(weekday!.answer).toContain("thứ Ba");
  });
});

describe("whether work is late, from its deadline and today", () => {
  it("says the deadline has passed and nothing is reported, or that it has not come yet", async () => {
    const [rollout, phase2] = await askOn("2026-12-02", "qlvb xuống phường xã đã quá hạn chưa", "Is phase 2 behind schedule?");
    expect(rollout).toMatchObject({ answered: true });
    expect(rollout!.answer).toContain("hạn 15/08/2025 đã qua");
    expect(rollout!.answer).toContain("Chưa có đơn vị nào báo");
    expect(phase2!.answer).toContain("December 2025");
    const [early] = await askOn("2025-06-01", "tạo tài khoản email trễ hạn chưa");
    expect(early!.answer).toContain("chưa đến hạn 10/06/2025");
  });

  it("still leaves unanswered whether work was actually done on time", async () => {
    const lines = await askOn("2026-12-02", "gđ2 có hoàn thành đúng hạn không", "did the document rollout actually finish on time");
    for (const line of lines) expect(line, line.question).toMatchObject({ answered: false });
  });
});

describe("the articles behind the knowledge base", () => {
  it("answers where the plan article can be read, its photo credit and what the 17 May 2025 article said", () => {
    expect(answeredWith("những báo nào đưa tin kế hoạch liên tịch")).toBe("plan-coverage");
    expect(answeredWith("Which outlets reported the joint plan?")).toBe("plan-coverage");
    expect(answeredWith("ảnh trong bài kế hoạch liên tịch ai chụp vậy")).toBe("plan-coverage");
    expect(answeredWith("bài báo 17/5 nói giai đoạn 1 tới đâu rồi")).toBe("phase1-status");
  });

  it("does not give the article's photo credit for the photos of a ceremony", () => {
    for (const q of ["ai chụp ảnh lễ công bố sáp nhập", "who took the photos at the ceremony", "ảnh buổi lễ ra mắt do ai chụp"]) {
      expect(answeredWith(q), q).toBeUndefined();
    }
    expect(answeredWith("who took the picture in the joint plan article")).toBe("plan-coverage");
  });

  it("leaves unanswered who wrote the article and which outlet published it first", () => {
    for (const q of ["ai là tác giả bài viết về kế hoạch liên tịch", "who wrote the article on the joint plan?", "báo nào đăng bài gốc về kế hoạch"]) {
      expect(answeredWith(q), q).toBeUndefined();
    }
  });
});

describe("counts and breakdowns", () => {
  it("gives the 5 intake channels of 1022, the 168 units by kind, and keeps a long question's system", () => {
    expect(answeredWith("tổng đài 1022 nhận phản ánh qua bao nhiêu kênh")).toBe("hotline-1022-how-to-reach");
    expect(answeredWith("How do the 168 units break down?")).toBe("merger-168-units");
    expect(answeredWith("Could all new wards, communes and special zones get the document management system before September, by which date exactly?")).toBe("document-management-rollout");
    expect(kb.search("timeline cap tai khoan email cho cb 2 tinh").best?.entry.id).toBe("email-accounts-when");
  });
});

describe("details the sources never give", () => {
  it("leaves unanswered where training takes place and what a survey found, but answers a trial's outcome", () => {
    for (const q of ["các buổi tập huấn email tổ chức ở đâu", "Where was the e-mail training held?", "khảo sát trung tâm dữ liệu ở BRVT cho kết quả gì", "What did the video conferencing survey find?"]) {
      expect(answeredWith(q), q).toBeUndefined();
    }
    expect(answeredWith("chạy thử ở 102 phường xã ngày 12/6 kết quả thế nào")).toBe("trial-june-pilots");
    expect(answeredWith("tập huấn email hạn khi nào")).toBe("email-training");
  });
});
