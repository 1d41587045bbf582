import { describe, expect, it } from "vitest";
import { dayIn, parseCalendarQuestion, planCalendarAnswer, renderCalendarAnswer } from "../../../src/core/knowledge/calendar-question.js";
import { fold } from "../../../src/core/fold.js";
import { toPlain } from "../../../src/core/reply.js";
import { createTestApp, realContent, textFrom } from "../../helpers/app.js";
import { runCliCaptured } from "../../helpers/cli.js";

const content = await realContent();
const TODAY = "2026-12-01";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
async function ask(app: TestApp, text: string, user = "u1"): Promise<string> {
  return (await app.assistant.handle(textFrom(user, text))).map((r) => toPlain(r.text)).join("\n");
}

describe("dayIn", () => {
  it.each([
    ["thu 7 ngay 22/8/2026 co phai di lam ko", "2026-08-22"],
    ["22-8-2026", "2026-08-22"],
    ["ngay 1 thang 9 nam 2025", "2025-09-01"],
    ["is saturday 26 april 2025 a working day", "2025-04-26"],
    ["april 26 2025", "2025-04-26"],
    ["le 2/9 nam 2025", "2025-09-02"],
  ])("reads %j as %s", (q, day) => {
    expect(dayIn(q, TODAY)).toBe(day);
  });

  it("takes a day without a year as the next such day from today", () => {
    expect(dayIn("ngay 2/9 co nghi khong", TODAY)).toBe("2027-09-02");
    expect(dayIn("ngay 25/12 co di lam khong", TODAY)).toBe("2026-12-25");
  });

  it("reads today and tomorrow from the injected day, and no day from a day that does not exist", () => {
    expect(dayIn("hom nay co phai di lam khong", TODAY)).toBe(TODAY);
    expect(dayIn("tomorrow", TODAY)).toBe("2026-12-02");
    expect(dayIn("31/2/2026 la thu may", TODAY)).toBeUndefined();
  });
});

describe("parseCalendarQuestion", () => {
  it("sends how long a named holiday's break lasts to the holiday entry, and questions without a calendar ask to the search", () => {
    expect(parseCalendarQuestion("lễ 2/9 năm 2025 cbcc đc nghỉ mấy ngày", TODAY)).toEqual({ kind: "holiday", holiday: "national-day", year: 2025 });
    expect(parseCalendarQuestion("qlvb thử nghiệm trước ngày 15/6/2025 đúng không", TODAY)).toBeUndefined();
    expect(parseCalendarQuestion("Lịch nghỉ Tết 2027 thế nào?", TODAY)).toBeUndefined();
  });

  it("reads a day's status, a weekday, a countdown and a holiday's make-up day", () => {
    expect(parseCalendarQuestion("thứ 7 ngày 22/8/2026 có phải đi làm ko", TODAY)).toEqual({ kind: "day", day: "2026-08-22", saidWeekday: 6 });
    expect(parseCalendarQuestion("10/5/2025 là thứ mấy", TODAY)).toEqual({ kind: "day", day: "2025-05-10", weekdayOnly: true });
    expect(parseCalendarQuestion("còn bao nhiêu ngày nữa thì nghỉ Tết", TODAY)).toEqual({ kind: "countdown-holiday", holiday: "tet" });
    expect(parseCalendarQuestion("giỗ Tổ 2026 rơi vào CN thì nghỉ bù ngày nào", TODAY)).toEqual({ kind: "holiday", holiday: "hung-kings", year: 2026 });
  });
});

describe("planCalendarAnswer and renderCalendarAnswer", () => {
  const say = (q: string, lang: "vi" | "en" = "vi", today = TODAY) => {
    const asked = parseCalendarQuestion(q, today);
    if (!asked || asked.kind === "holiday") throw new Error(`not a day question: ${q}`);
    return renderCalendarAnswer(planCalendarAnswer(asked, content.calendar, today), lang);
  };

  it("says a make-up Saturday is a working day, and why", () => {
    expect(say("thứ 7 ngày 22/8/2026 có phải đi làm ko")).toBe("Thứ Bảy, 22/08/2026 là ngày làm việc của cán bộ, công chức: ngày làm bù (làm bù cho ngày thứ Hai 31/08/2026).");
    expect(say("Is Saturday 26 April 2025 a working day?", "en")).toBe("Saturday 26 April 2025 is a working day for civil servants: a make-up working day (in exchange for Friday 2 May 2025).");
  });

  it("says a holiday is a day off, with the whole break and its make-up days", () => {
    expect(say("ngày 1/9/2025 có phải ngày nghỉ lễ không")).toBe("Thứ Hai, 01/09/2025 là ngày nghỉ của cán bộ, công chức: Quốc khánh 2/9 (30/08/2025 – 02/09/2025).\nKỳ nghỉ này không có ngày làm bù kèm theo.");
    expect(say("lam bu dip 2/9/2026 ngay nao")).toContain("• Làm bù: thứ Bảy, 22/08/2026");
  });

  it("gives a weekday with the day's status, and an ordinary weekday as a working day", () => {
    expect(say("10/5/2025 là thứ mấy")).toMatch(/^Thứ Bảy, 10\/05\/2025 là ngày nghỉ cuối tuần/);
    expect(say("What day of the week is 10 June 2025?", "en")).toBe("Tuesday 10 June 2025 is an ordinary working day (not a public holiday).");
  });

  it("corrects a weekday the question gets wrong", () => {
    expect(say("thứ 6 ngày 22/8/2026 có đi làm không")).toMatch(/^Lưu ý: ngày 22\/08\/2026 là thứ Bảy, không phải thứ Sáu\./);
  });

  it("says plainly when the calendar has no holidays for that year, and still gives the weekday rule", () => {
    const text = say("thứ 6 ngày 5/3/2027 có đi làm không");
    expect(text).toContain("Thứ Sáu, 05/03/2027: theo lịch thường, đây là ngày làm việc");
    expect(text).toContain("chỉ có lịch nghỉ lễ và ngày làm bù đã công bố của các năm 2025, 2026");
  });

  it("counts down to the next break from the injected day, or says it has no dates for it", () => {
    expect(say("còn bao nhiêu ngày nữa thì nghỉ Tết", "vi", "2025-12-01")).toBe("Còn 75 ngày nữa là đến kỳ nghỉ Tết Nguyên đán Bính Ngọ: 14/02/2026 – 22/02/2026 (nghỉ 9 ngày).");
    expect(say("how many days until Tet", "en", "2025-12-01")).toBe("The Lunar New Year (Tết) break starts in 75 days: 14 February 2026 – 22 February 2026 (9 days off).");
    expect(say("còn bao nhiêu ngày nữa thì nghỉ Tết")).toContain("Trợ lý chưa có lịch nghỉ Tết Nguyên đán sắp tới");
  });

  it("counts down to a named day", () => {
    expect(say("còn bao nhiêu ngày nữa đến 2/9/2026", "vi", "2026-08-01")).toBe("Còn 32 ngày nữa là đến thứ Tư, 02/09/2026.\nNgày này thuộc kỳ nghỉ Quốc khánh 2/9 (29/08/2026 – 02/09/2026).");
  });
});

describe("calendar questions through the core", () => {
  it("answers a day's status with the holiday entry's source, recorded as answered", async () => {
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    const text = await ask(app, "thứ 7 ngày 22/8/2026 có phải đi làm ko");
    expect(text).toContain("là ngày làm việc của cán bộ, công chức: ngày làm bù");
    expect(text).toMatch(/Nguồn: Lịch nghỉ lễ/);
    expect((await app.store.questions.days("2026-12-01", "2026-12-01"))[0]?.answered).toBe(1);
  });

  it("refuses a countdown the calendar has no data for, logged as unanswered", async () => {
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    expect(await ask(app, "còn bao nhiêu ngày nữa thì nghỉ Tết")).toContain("chưa có lịch nghỉ Tết Nguyên đán sắp tới");
    expect((await app.store.questions.days("2026-12-01", "2026-12-01"))[0]?.answered ?? 0).toBe(0);
  });

  it("answers which day a holiday on a Sunday is taken, with weekdays", async () => {
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    expect(await ask(app, "giỗ Tổ 2026 rơi vào CN thì nghỉ bù ngày nào")).toContain("thứ Hai, 27/04/2026");
  });

  it("adds the weekday of the matched entry's deadline when the question asks it", async () => {
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    expect(await ask(app, "hạn tập huấn email là thứ mấy")).toContain("10/06/2025 là thứ Ba.");
  });

  it("answers in English when asked in English", async () => {
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    const text = await ask(app, "Is Saturday 26 April 2025 a working day?");
    expect(text).toContain("is a working day for civil servants");
    expect(fold(text)).not.toContain("ngay lam viec");
  });
});

describe("calendar questions through the console (cli ask)", () => {
  it("answers a weekday question and a make-up day as JSON, answered", async () => {
    const { code, out } = await runCliCaptured(["ask", "--json", "--now", "2026-12-01"], { input: "10/5/2025 là thứ mấy\nIs Saturday 26 April 2025 a working day?\n" });
    expect(code).toBe(0);
    const [weekday, english] = out.trim().split("\n").map((l) => JSON.parse(l));
    expect(weekday).toMatchObject({ answered: true, entryId: "holidays" });
    expect(weekday.answer).toContain("Thứ Bảy, 10/05/2025");
    expect(english.answered).toBe(true);
    expect(english.answer).toContain("Saturday 26 April 2025 is a working day");
  });
});
