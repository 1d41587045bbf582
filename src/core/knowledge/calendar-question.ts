import { createWorkingCalendar } from "../calendar.js";
import type { CalendarFile } from "../content/schema.js";
import { formatDay, type Lang, MONTH_WORDS_EN } from "../dates.js";
import { fold } from "../fold.js";
import { capital } from "../text.js";
import { addDays, diffDays, isoWeekday } from "../time.js";

/**
 * Questions about one day of the calendar, answered from `content/calendar.yaml` and the weekday rules (Saturday and
 * Sunday off, public holidays off, make-up Saturdays worked) rather than from an FAQ entry:
 * - "thứ 7 ngày 22/8/2026 có phải đi làm ko", "Is Saturday 26 April 2025 a working day?" (a day's status);
 * - "10/5/2025 là thứ mấy" (its weekday, with its status);
 * - "còn bao nhiêu ngày nữa thì nghỉ Tết", "how many days until National Day" (a countdown to the next break);
 * - "tết dương lịch sắp tới nghỉ mấy ngày", "What's the next public holiday?" (the next break after today);
 * - "còn bao nhiêu ngày nữa đến 2/9/2026" (a countdown to a day).
 *
 * {@link parseCalendarQuestion} reads the question, {@link planCalendarAnswer} turns it into facts (pure: the calendar
 * and today come in), {@link renderCalendarAnswer} writes them in Vietnamese or English.
 */
export type CalendarQuestion =
  | {
      kind: "day";
      day: string;
      /** The weekday the question names (1 = Monday … 7 = Sunday), to check it. */
      saidWeekday?: number;
      /** The question names the day without a year ("2/9 có nghỉ ko"): `day` is its next occurrence. */
      implicitYear?: true;
      /** The question only asks the weekday ("10/5/2027 là thứ mấy"), which needs no published calendar. */
      weekdayOnly?: true;
      /** The question asks on which days the break around the day starts or ends ("nghỉ lễ 2/9 bắt đầu từ thứ mấy"). */
      breakBounds?: true;
    }
  | {
      kind: "countdown-day";
      day: string;
      /** "còn bao lâu tới đợt nghỉ 2/9": the countdown is to the first day of the break the day falls in. */
      toBreak?: true;
    }
  /**
   * A countdown to a named holiday's next break ("còn bao nhiêu ngày nữa thì nghỉ Tết"), or the next break asked of
   * today ("tết dương lịch sắp tới nghỉ mấy ngày", "What's the next public holiday?", `ahead`): with no `holiday`, any.
   */
  | { kind: "countdown-holiday"; holiday?: HolidayKind; ahead?: true; detail?: true }
  /** Which day a named holiday is taken, or made up ("giỗ Tổ 2026 rơi vào CN thì nghỉ bù ngày nào"): the holiday entry answers. */
  | { kind: "holiday"; holiday: HolidayKind; year?: number };

/** The public holidays people name, by the words they use for them (folded). */
export type HolidayKind = "tet" | "new-year" | "hung-kings" | "reunification" | "national-day";

const HOLIDAY_KINDS: readonly { kind: HolidayKind; asked: RegExp; named: RegExp }[] = [
  { kind: "tet", asked: /\b(nguyen dan|tet am|am lich|tet ta|lunar new year|tet)\b(?! (duong|tay))/, named: /nguyen dan/ },
  { kind: "new-year", asked: /\b(duong lich|tet duong|tet tay|new year s day|new year)\b/, named: /duong lich/ },
  { kind: "hung-kings", asked: /\b(hung vuong|gio to|den hung|hung kings?)\b/, named: /hung vuong/ },
  { kind: "reunification", asked: /\b(30\/4|1\/5|giai phong|thong nhat|quoc te lao dong|reunification|labou?r day|may day)\b/, named: /30\/4/ },
  { kind: "national-day", asked: /\b(2\/9|quoc khanh|national day)\b/, named: /quoc khanh/ },
];

const MONTH_WORD = `(${MONTH_WORDS_EN.join("|")}|${MONTH_WORDS_EN.map((m) => m.slice(0, 3)).join("|")})`;
const monthOf = (word: string) => MONTH_WORDS_EN.findIndex((m) => m === word || m.slice(0, 3) === word) + 1;

/** Weekday words (folded) → ISO weekday. "t7" and "cn" are chat shorthand. */
const WEEKDAY_WORDS: readonly [RegExp, number][] = [
  [/\b(thu hai|thu 2|t2|monday)\b/, 1],
  [/\b(thu ba|thu 3|t3|tuesday)\b/, 2],
  [/\b(thu tu|thu 4|t4|wednesday)\b/, 3],
  [/\b(thu nam|thu 5|t5|thursday)\b/, 4],
  [/\b(thu sau|thu 6|t6|friday)\b/, 5],
  [/\b(thu bay|thu 7|t7|saturday)\b/, 6],
  [/\b(chu nhat|cn|sunday)\b/, 7],
];

/**
 * "là thứ mấy", "what day of the week": the question asks a day's weekday. Not "thử mấy hệ thống", "thử gì" (what was
 * tried), which fold the same: a thing counted or named follows them.
 */
const ASKS_WEEKDAY = /\b(thu may(?! (he thong|ht|phan mem|pm|cai|lan|dot|noi|phuong|xa|don vi|dv|ung dung|app|nen tang|diem|co quan|so|tinh|huyen|quan)\b)|thu gi(?! (he thong|ht|phan mem|pm|cai|ung dung|app|nen tang)\b)|ngay thu may|ngay thu gi|what day of (the )?week|which day of (the )?week|what weekday|which weekday|what day is|what day was|what day will)\b/;
/** "có phải đi làm", "ngày nghỉ", "working day", "day off": the question asks whether a day is worked. */
const ASKS_WORKING =
  /\b(di lam|lam viec|ngay lam viec|lam bu|nghi bu|ngay nghi|duoc nghi|nghi le|nghi khong|co nghi|nghi a|nghi ko|nghi k|work(ing)? day|workday|working|at work|go to work|day off|days off|off work|public holiday|a holiday|holiday)\b/;
/** "còn bao nhiêu ngày", "how many days until": the question counts days. */
const ASKS_COUNTDOWN = /\b(con bao nhieu ngay|con may ngay|bao nhieu ngay nua|may ngay nua|con bao lau|bao lau nua|how many days (until|till|to|before|left)|how long (until|till|to|before)|days (until|till|left))\b/;
/** "nghỉ bù ngày nào", "rơi vào Chủ nhật", "make-up day": the question asks which day a holiday is taken or made up. */
const ASKS_HOLIDAY_DAY = /\b(nghi bu|lam bu|roi vao|trung vao|trung chu nhat|trung thu bay|make up|makeup|falls on|fall on|substitute day|day in lieu)\b/;
/** "nghỉ mấy ngày", "how many days off": the question asks how long a break is, which the holiday entry answers. */
const ASKS_LENGTH = /\b(nghi( (?!con\b|nua\b)\S+){0,5} (may|bao nhieu) ngay(?! (nua|roi)\b)|duoc nghi (may|bao nhieu)|keo dai|how many days (off|of)|how long is)\b/;
/**
 * "sắp tới", "tiếp theo", "Tết tới", "2/9 tới", "next", "upcoming": the question asks of the next break from today, not of one
 * year's ("next year", "năm tới" name a year: see RELATIVE_YEARS). Folded.
 */
const ASKS_NEXT = /\b(sap toi|sap den|toi day|ke tiep|tiep theo|gan nhat|next(?! (year|month|week))|upcoming|coming(?! (year|month|week)))\b|\b(tet|le|dip le|nghi le|duong lich|nguyen dan|quoc khanh|gio to|hung vuong|\d{1,2}\/\d{1,2}) toi\b(?! (day|noi|\d))/;
/** "ngày lễ", "nghỉ lễ", "public holiday": a holiday without naming which. Folded. */
const ANY_HOLIDAY = /\b(ngay le|nghi le|ky nghi le|dot nghi le|dip le|le tet|le (sap toi|toi|tiep theo|ke tiep)|public holidays?|holidays?)\b/;
/** "ngày làm việc tiếp theo", "next working day": the next day worked, not the next break. Folded. */
const WORKED = /\b(lam viec|di lam|lam bu|working day|workday|work day|make up|makeup)\b/;
/** "đợt nghỉ", "kỳ nghỉ", "the break": a countdown to a holiday's break, not to the day itself. */
const BREAK_WORDS = /\b(dot nghi|ky nghi|nghi le|duoc nghi|nghi|break|holiday|days off)\b/;
/** "giỗ Tổ 2025 ngày nào", "when is Tết": which day a named holiday falls on. */
const ASKS_WHICH_DAY = /\b(ngay nao|hom nao|ngay may|khi nao|bao gio|luc nao|which day|what day|what date|which date|when)\b/;
/** "theo luật", "Bộ luật Lao động", "BLLĐ", "mỗi năm", "by law": the question asks what the law grants, not one year's calendar. */
const BY_LAW = /\b(theo luat|bo luat|blld|luat lao dong|quy dinh|(moi|hang|(?<!thang )(1|mot)) nam(?! \d)|by law|labou?r code|statutory|(a|per|each|every) year)\b/;
/** A day written with its month ("2/9", "ngày 2 tháng 9", "2 September"), not "hôm nay" or "ngày mai". */
const NAMED_DAY = new RegExp(`\\b(\\d{1,2}[/-]\\d{1,2}|ngay \\d{1,2} thang \\d{1,2}|\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH_WORD}|${MONTH_WORD} \\d{1,2}(?:st|nd|rd|th)?)\\b`);

/** "năm nay", "năm ngoái", "năm sau" and their English: a year named relative to today, by its offset. */
const RELATIVE_YEARS: readonly [RegExp, number][] = [
  [/\b(nam nay|this year)\b/, 0],
  [/\b(nam ngoai|nam truoc|nam roi|last year)\b/, -1],
  [/\b(nam sau|nam toi|sang nam|next year)\b/, 1],
];

/**
 * The year a folded question names relative to today ("năm nay nghỉ 2/9 mấy ngày" asked in 2026 is 2026; "last year"
 * is 2025), or undefined when it names none. Today is a day in Asia/Ho_Chi_Minh (the injected clock's).
 */
export function relativeYear(folded: string, today: string): number | undefined {
  const found = RELATIVE_YEARS.find(([re]) => re.test(folded));
  return found ? Number(today.slice(0, 4)) + found[1] : undefined;
}

/** A real day (YYYY-MM-DD) from day, month and year numbers, or undefined (31/2 is not a day). */
function dayFrom(d: number, m: number, y: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return undefined;
  const day = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return addDays(day, 0) === day ? day : undefined;
}

/** Day and month written with digits ("22/8", "22-8"), captured in that order. */
const DIGIT_DAY = String.raw`\b(\d{1,2})[/-](\d{1,2})`;
/** A year written after a digit day ("/2026", "-2026"), captured. */
const DIGIT_YEAR = String.raw`[/-](\d{4})`;
/** A day written with digits, with its year when written after it ("10/5", "10/06/2025"), as {@link writtenDays} reads them. */
const WRITTEN_DAY = new RegExp(`${DIGIT_DAY}(?:${DIGIT_YEAR})?\\b`, "g");
/** {@link WRITTEN_DAY} for one test, with no state kept between calls. */
const WRITES_DAY = new RegExp(WRITTEN_DAY.source);
/** A digit day as {@link dayIn} reads it: day, month, then the year written after it ("/2026") or as "năm 2026". */
const DIGIT_DAY_WITH_YEAR = new RegExp(`${DIGIT_DAY}(?:${DIGIT_YEAR}|(?: nam (\\d{4})))?\\b`);

/** The days a (folded) text writes with digits ("10/5", "10/06/2025"), each with where it is, in order. */
export function writtenDayMatches(folded: string): RegExpMatchArray[] {
  return [...folded.matchAll(WRITTEN_DAY)];
}

/** The days a (folded) text writes with digits, as written ("10/5", "10/06/2025"). */
export function writtenDays(folded: string): string[] {
  return folded.match(WRITTEN_DAY) ?? [];
}

/** Whether a (folded) text names a day with its month, in digits or words ("2/9", "ngày 2 tháng 9", "2 September"). */
export function namesDay(folded: string): boolean {
  return NAMED_DAY.test(folded);
}

/** Whether a (folded) text writes a day with digits. */
export function writesDay(folded: string): boolean {
  return WRITES_DAY.test(folded);
}

/**
 * The day a folded question names: "22/8/2026", "22-8-2026", "ngày 22 tháng 8 năm 2026", "26 april 2025",
 * "april 26, 2025", "hôm nay", "ngày mai", "today", "tomorrow". A day said with a relative year ("24/11 năm nay",
 * "2/9 năm ngoái") is in that year. A day without a year is the next such day from today (today included), unless it
 * is one of the `known` days (the plan's deadlines): "hạn 15/6" is 15/06/2025.
 * Undefined when it names none.
 */
export function dayIn(folded: string, today: string, known: readonly string[] = []): string | undefined {
  const withYear = (d: number, m: number, y: string | undefined): string | undefined => {
    if (y !== undefined) return dayFrom(d, m, Number(y));
    // "30/4 2025", "lịch nghỉ năm 2025 dịp 30/4": a year the question writes on its own is the day's year.
    const alone = standaloneYear(folded);
    if (alone !== undefined) return dayFrom(d, m, alone);
    const relative = relativeYear(folded, today);
    if (relative !== undefined) return dayFrom(d, m, relative);
    // "hạn 15/6": a day the plan knows (a deadline) is that day; otherwise the next such day from today.
    const suffix = `-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    const planned = known.find((k) => k.endsWith(suffix));
    if (planned) return planned;
    // "6 phường thí điểm ngày 11/6 là thứ mấy": a day of one of the plan's events is in the plan's year.
    const plan = planYear(known);
    if (plan !== undefined && PLAN_EVENT.test(folded)) return dayFrom(d, m, plan);
    const year = Number(today.slice(0, 4));
    const thisYear = dayFrom(d, m, year);
    return thisYear !== undefined && thisYear >= today ? thisYear : dayFrom(d, m, year + 1);
  };
  let m = DIGIT_DAY_WITH_YEAR.exec(folded);
  if (m) return withYear(Number(m[1]), Number(m[2]), m[3] ?? m[4]);
  m = /\bngay (\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?\b/.exec(folded);
  if (m) return withYear(Number(m[1]), Number(m[2]), m[3]);
  m = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH_WORD}(?: (\\d{4}))?\\b`).exec(folded);
  if (m) return withYear(Number(m[1]), monthOf(m[2]!), m[3]);
  m = new RegExp(`\\b${MONTH_WORD} (\\d{1,2})(?:st|nd|rd|th)?(?: (\\d{4}))?\\b`).exec(folded);
  if (m) return withYear(Number(m[2]), monthOf(m[1]!), m[3]);
  if (/\b(hom nay|today)\b/.test(folded)) return today;
  if (/\b(ngay mai|tomorrow)\b/.test(folded)) return addDays(today, 1);
  if (/\b(hom qua|yesterday)\b/.test(folded)) return addDays(today, -1);
  return undefined;
}

/** "bắt đầu từ thứ mấy", "kết thúc ngày nào", "when does the break start": the bounds of a break. Folded. */
const BREAK_BOUNDS = /\b(bat dau|ket thuc|nghi tu|tu thu may|den thu may|start|starts|begin|begins|end|ends)\b/;

/**
 * Words naming an event of the plan (a trial, a deadline, a rollout, the merger): a day said with them, without a
 * year, is the plan's. Folded.
 */
const PLAN_EVENT =
  /\b(thi diem|thu nghiem|chay thu|trien khai|van hanh|han|han chot|ke hoach|sap nhap|hop nhat|tap huan|khao sat|chinh quyen (moi|2 cap|hai cap)|bo may moi|trial|pilot|deadline|rollout|roll out|go live|merger|training|new (government|administration))\b/;

/**
 * The day a phrase writes as the start of a count up to today ("từ 1/7 tới giờ"), as {@link dayIn} reads it, except
 * that a day without a year is one already come: in the plan's year when the whole question names an event of the
 * plan ("chính quyền mới chạy từ 1/7"), otherwise the latest such day up to today. Folded.
 */
export function pastDayIn(phrase: string, question: string, today: string, known: readonly string[] = []): string | undefined {
  const day = dayIn(phrase, today, known);
  if (!day || day <= today || /\b\d{4}\b/.test(phrase)) return day;
  const [m, d] = [Number(day.slice(5, 7)), Number(day.slice(8, 10))];
  const plan = planYear(known);
  const planned = plan !== undefined && PLAN_EVENT.test(question) ? dayFrom(d, m, plan) : undefined;
  if (planned !== undefined && planned <= today) return planned;
  for (let y = Number(day.slice(0, 4)) - 1; y >= Number(day.slice(0, 4)) - 8; y--) {
    const back = dayFrom(d, m, y);
    if (back !== undefined && back <= today) return back;
  }
  return day;
}

/** The year most of the plan's deadline days (`known`) fall in, or undefined when it has none. */
export function planYear(known: readonly string[]): number | undefined {
  const counts = new Map<number, number>();
  for (const k of known) counts.set(Number(k.slice(0, 4)), (counts.get(Number(k.slice(0, 4))) ?? 0) + 1);
  let best: number | undefined;
  for (const [year, n] of counts) if (best === undefined || n > counts.get(best)!) best = year;
  return best;
}

/**
 * The one year a folded question writes as a word of its own ("30/4 2025", "năm 2025", "in 2025"), or undefined when
 * it writes none or several. A year inside a number ("Nghị quyết 202/2025") is not one.
 */
export function standaloneYear(folded: string): number | undefined {
  const years = [...new Set([...` ${folded} `.matchAll(/(?<= )(19\d\d|20\d\d)(?= )/g)].map((m) => Number(m[1])))];
  return years.length === 1 ? years[0] : undefined;
}

/** The holiday a folded question names, if any. */
export function holidayIn(folded: string): HolidayKind | undefined {
  return HOLIDAY_KINDS.find((h) => h.asked.test(folded))?.kind;
}

/** Whether a folded question asks a day's weekday ("hạn … là thứ mấy"), with or without a date. */
/** The weekday a (folded) text names ("thứ 7", "t6", "Sunday"), as an ISO weekday, or undefined. */
export function namedWeekday(folded: string): number | undefined {
  return WEEKDAY_WORDS.find(([re]) => re.test(folded))?.[1];
}

export function asksWeekday(folded: string): boolean {
  return ASKS_WEEKDAY.test(folded);
}

/** Whether a (folded) message asks something of the calendar: a weekday, a working day, a countdown, a make-up day. */
export function asksCalendar(folded: string): boolean {
  return ASKS_WEEKDAY.test(folded) || ASKS_WORKING.test(folded) || ASKS_COUNTDOWN.test(folded) || ASKS_HOLIDAY_DAY.test(folded);
}

/**
 * Reads a question about the calendar, or returns undefined when it is not one (it then goes to the search).
 * A day named with a question about its weekday or whether it is worked is a day question; a countdown to a named day
 * or a named holiday is a countdown. How long a break lasts ("nghỉ lễ 2/9 mấy ngày") is left to the holiday entry.
 */
export function parseCalendarQuestion(text: string, today: string, known: readonly string[] = []): CalendarQuestion | undefined {
  const folded = fold(text);
  // "tết dương lịch sắp tới nghỉ mấy ngày", "What's the next public holiday?": the first break after today, whatever
  // year it falls in (none when the calendar does not have it yet), never the latest year's by default.
  const ahead = asksNextHoliday(folded, today);
  if (ahead) return ahead;
  if (ASKS_LENGTH.test(folded)) {
    // "năm nay nghỉ lễ 2/9 mấy ngày": how long a named holiday's break is, in the year asked, is the holiday entry's.
    const holiday = holidayIn(folded);
    const year = /\b(20\d\d)\b/.exec(folded)?.[1] ?? relativeYear(folded, today);
    // What the law grants ("theo luật được nghỉ mấy ngày") is the Labour Code's entry, not one year's calendar.
    if (!holiday || BY_LAW.test(folded)) return undefined;
    return year === undefined ? { kind: "holiday", holiday } : { kind: "holiday", holiday, year: Number(year) };
  }
  const day = dayIn(folded, today, known);
  const implicitYear = day !== undefined && !/\b(19|20)\d\d\b/.test(folded) && relativeYear(folded, today) === undefined && !known.includes(day) && NAMED_DAY.test(folded);
  const countdown = ASKS_COUNTDOWN.test(folded);
  // "Hôm nay là đầu tháng 8, còn bao nhiêu ngày nữa là tới hạn…": today is the start of the count, not its end.
  // So is today's date said as context ("hôm nay là 20/7 rồi, còn bao nhiêu ngày nữa là phải triển khai…").
  const fromToday = day === today && /\b(hom nay|today)\b/.test(folded);
  if (day && countdown && fromToday) return undefined;
  if (day && countdown) return BREAK_WORDS.test(folded) ? { kind: "countdown-day", day, toBreak: true } : { kind: "countdown-day", day };
  if (day && (ASKS_WEEKDAY.test(folded) || ASKS_WORKING.test(folded))) {
    const said = WEEKDAY_WORDS.find(([re]) => re.test(folded))?.[1];
    const question: CalendarQuestion = { kind: "day", day };
    if (said !== undefined) question.saidWeekday = said;
    if (implicitYear) question.implicitYear = true;
    if (!ASKS_WORKING.test(folded)) question.weekdayOnly = true;
    if (BREAK_BOUNDS.test(folded)) question.breakBounds = true;
    return question;
  }
  const holiday = holidayIn(folded);
  if (!day && countdown && holiday) return { kind: "countdown-holiday", holiday };
  // "giỗ Tổ 2025 ngày nào": a short question naming a holiday and its year asks its day off. Not the lunar day
  // ("mùng 1 Tết … dương lịch"), which the holiday entry's text gives.
  const year = /\b(20\d\d)\b/.exec(folded)?.[1] ?? relativeYear(folded, today);
  const whichDay = year !== undefined && ASKS_WHICH_DAY.test(folded) && !/\bmung\b/.test(folded) && folded.split(" ").length <= 8;
  if (!day && holiday && (ASKS_HOLIDAY_DAY.test(folded) || whichDay)) {
    return year === undefined ? { kind: "holiday", holiday } : { kind: "holiday", holiday, year: Number(year) };
  }
  return undefined;
}

/**
 * The next break asked of today ("Tết tới nghỉ mấy ngày", "kỳ nghỉ lễ tiếp theo là khi nào", "next public holiday"),
 * of a named holiday or any, or undefined when the question names a day or a year, or asks of a working day.
 */
function asksNextHoliday(folded: string, today: string): CalendarQuestion | undefined {
  if (!ASKS_NEXT.test(folded) || WORKED.test(folded)) return undefined;
  const holiday = holidayIn(folded);
  if (!holiday && !ANY_HOLIDAY.test(folded)) return undefined;
  // A year, or a day other than the one naming the holiday ("lễ 2/9 sắp tới"), is asked of that year or day.
  if (/\b20\d\d\b/.test(folded) || relativeYear(folded, today) !== undefined || (NAMED_DAY.test(folded) && holiday !== "national-day" && holiday !== "reunification")) return undefined;
  const question: CalendarQuestion = holiday ? { kind: "countdown-holiday", holiday, ahead: true } : { kind: "countdown-holiday", ahead: true };
  // "nghỉ mấy ngày", "có làm bù không": how the break is arranged, which only the year's announced calendar says.
  if (ASKS_LENGTH.test(folded) || ASKS_HOLIDAY_DAY.test(folded)) question.detail = true;
  return question;
}

/** A break of the calendar: its name and first and last days. */
export interface CalendarBreak {
  name: string;
  from: string;
  to: string;
}

/** What the calendar says of a question, ready to render. */
export type CalendarFacts =
  | {
      kind: "day";
      day: string;
      weekday: number;
      /** The weekday the question named, when it is not the day's. */
      wrongWeekday?: number;
      /** Whether the calendar has the holidays of that day's year. */
      known: boolean;
      /** The years the calendar has holidays for. */
      years: readonly number[];
      /** The break the day falls in, if any. */
      holiday?: CalendarBreak;
      /**
       * The day was named without a year, its next occurrence is in a year the calendar lacks, and this year's has
       * passed: the answer is this year's day, said as past ("2/9 năm nay đã qua"), with the next year's not published.
       */
      passed?: { next: string };
      /** The question only asks the weekday: a year the calendar lacks still has an answer. */
      weekdayOnly?: true;
      /** The question asks where the day's break starts or ends: its first and last days are said with their weekdays. */
      breakBounds?: true;
      /** A day proposed as a day off that no official text confirms (calendar.yaml `unconfirmed`). */
      unconfirmed?: { name: string; nameEn: string; note: string; noteEn: string };
      /** The make-up working day's note ("Làm bù cho ngày thứ Sáu 02/05/2025"), when the day is one. */
      makeUp?: string;
      /** Make-up working days around the day's break. */
      makeUpDays: { date: string; name: string }[];
      working: boolean;
    }
  | {
      kind: "countdown-day";
      day: string;
      weekday: number;
      days: number;
      known: boolean;
      working: boolean;
      holiday?: CalendarBreak;
      /** `day` is the first day of the break the asked day falls in. */
      breakStart?: true;
    }
  | {
      kind: "countdown-holiday";
      /** The holiday asked of; none for "the next public holiday". */
      holiday?: HolidayKind;
      /** The question asks of the next break: one under way is said, and the break after it too. */
      ahead?: true;
      /** The question asks how the break is arranged (its length, make-up days), not only when it is. */
      detail?: true;
      /**
       * With no announced next break: the next day the law makes a holiday ({@link CalendarFile.fixed}), when nothing
       * the calendar lacks (a lunar holiday of an unannounced year) can come before it.
       */
      law?: { day: string; name: string; nameEn: string; days: number };
      next?: CalendarBreak;
      current?: CalendarBreak;
      days?: number;
      last?: CalendarBreak;
      years: readonly number[];
    };

/** The calendar's breaks, each as a range of days. */
export function breaksOf(file: CalendarFile): CalendarBreak[] {
  return file.holidays.map((h) => ("date" in h ? { name: h.name, from: h.date, to: h.date } : { name: h.name, from: h.from, to: h.to }));
}

/** The facts answering a calendar question, from the calendar file and today. Pure. */
export function planCalendarAnswer(question: Exclude<CalendarQuestion, { kind: "holiday" }>, file: CalendarFile, today: string): CalendarFacts {
  const calendar = createWorkingCalendar(file);
  const breaks = breaksOf(file);
  const breakOf = (day: string) => breaks.find((b) => b.from <= day && day <= b.to);
  const known = (day: string) => file.years.includes(Number(day.slice(0, 4)));
  if (question.kind === "day") {
    // "2/9 có được nghỉ ko" asked in December: next year's 2/9 is not published yet, this year's has passed. A help
    // desk answers this year's, and says it is past.
    const lastYear = question.implicitYear ? addYears(question.day, -1) : undefined;
    const passed = lastYear !== undefined && !known(question.day) && known(lastYear) && lastYear < today;
    const day = passed ? lastYear : question.day;
    const weekday = isoWeekday(day);
    const holiday = breakOf(day);
    const makeUp = file.workingDays.find((w) => w.date === day)?.name;
    const around = holiday ?? (makeUp ? { from: day, to: day } : undefined);
    const makeUpDays = around ? file.workingDays.filter((w) => Math.abs(diffDays(w.date, around.from)) <= 14 || Math.abs(diffDays(w.date, around.to)) <= 14) : [];
    const wrong = question.saidWeekday !== undefined && question.saidWeekday !== weekday && !passed ? question.saidWeekday : undefined;
    const facts: CalendarFacts = { kind: "day", day, weekday, known: known(day), years: file.years, makeUpDays, working: calendar.isWorkingDay(day) };
    if (wrong !== undefined) facts.wrongWeekday = wrong;
    if (passed) facts.passed = { next: question.day };
    if (question.weekdayOnly) facts.weekdayOnly = true;
    if (question.breakBounds) facts.breakBounds = true;
    const unconfirmed = file.unconfirmed.find((u) => u.date === day);
    if (unconfirmed && !holiday && !makeUp) facts.unconfirmed = { name: unconfirmed.name, nameEn: unconfirmed.nameEn, note: unconfirmed.note, noteEn: unconfirmed.noteEn };
    if (holiday) facts.holiday = holiday;
    if (makeUp) facts.makeUp = makeUp;
    return facts;
  }
  if (question.kind === "countdown-day") {
    const holiday = breakOf(question.day);
    // To the break: its first day, unless it has already begun.
    const day = question.toBreak && holiday && holiday.from > today ? holiday.from : question.day;
    const facts: CalendarFacts = { kind: "countdown-day", day, weekday: isoWeekday(day), days: diffDays(today, day), known: known(day), working: calendar.isWorkingDay(day) };
    if (holiday) facts.holiday = holiday;
    if (day !== question.day) facts.breakStart = true;
    return facts;
  }
  const named = HOLIDAY_KINDS.find((h) => h.kind === question.holiday)?.named;
  const ofKind = breaks.filter((b) => named === undefined || named.test(fold(b.name))).sort((a, b) => a.from.localeCompare(b.from));
  const current = ofKind.find((b) => b.from <= today && today <= b.to);
  const next = ofKind.find((b) => b.from > today);
  const last = ofKind[ofKind.length - 1];
  const facts: CalendarFacts = { kind: "countdown-holiday", years: file.years };
  if (question.holiday) facts.holiday = question.holiday;
  if (question.ahead) facts.ahead = true;
  if (question.detail) facts.detail = true;
  if (current) facts.current = current;
  if (next) {
    facts.next = next;
    facts.days = diffDays(today, next.from);
  }
  if (last) facts.last = last;
  if (!next) {
    const law = nextByLaw(file, question.holiday, today);
    if (law) facts.law = { ...law, days: diffDays(today, law.day) };
  }
  return facts;
}

/**
 * Where in the solar year the lunar holidays fall, with their breaks (MM-DD, inclusive): Tết Nguyên đán (its first day
 * is 21/1–20/2, the break may start a few days before) and Giỗ Tổ (10/3 âm lịch is 29/3–28/4). A year the calendar
 * lacks may have one anywhere in these spans.
 */
const LUNAR_SPANS: readonly [string, string][] = [
  ["01-15", "02-28"],
  ["03-28", "04-30"],
];

/**
 * The next day after today that the law makes a holiday ({@link CalendarFile.fixed}), of `kind` or any, in a year the
 * calendar has not announced; undefined when there is none, or (for any holiday) when a lunar holiday of a year the
 * calendar lacks could fall before it.
 */
export function nextByLaw(file: CalendarFile, kind: HolidayKind | undefined, today: string): { day: string; name: string; nameEn: string } | undefined {
  if (!file.fixed || kind === "tet" || kind === "hung-kings") return undefined;
  const year = Number(today.slice(0, 4));
  const candidates = [year, year + 1]
    .flatMap((y) => file.fixed!.days.map((f) => ({ day: `${y}-${f.day}`, name: f.name, nameEn: f.nameEn, kind: f.kind })))
    .filter((c) => c.day > today && !file.years.includes(Number(c.day.slice(0, 4))) && (kind === undefined || c.kind === kind))
    .sort((a, b) => a.day.localeCompare(b.day));
  const first = candidates[0];
  if (!first) return undefined;
  if (kind === undefined) {
    // A lunar holiday of an unannounced year between today and that day would come first.
    const lunarBefore = [year, year + 1].some(
      (y) => !file.years.includes(y) && LUNAR_SPANS.some(([from, to]) => `${y}-${from}` < first.day && `${y}-${to}` > today),
    );
    if (lunarBefore) return undefined;
  }
  return { day: first.day, name: first.name, nameEn: first.nameEn };
}

const WEEKDAY_VI = ["", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"];
const WEEKDAY_EN = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** A weekday's name: "thứ Bảy", "Chủ nhật"; "Saturday". */
export function weekdayName(weekday: number, lang: Lang): string {
  return (lang === "en" ? WEEKDAY_EN : WEEKDAY_VI)[weekday] ?? "";
}

/** The same day of the month `n` years away (29/2 becomes 28/2). */
function addYears(day: string, n: number): string {
  const y = Number(day.slice(0, 4)) + n;
  const md = day.slice(5);
  return md === "02-29" && dayFrom(29, 2, y) === undefined ? `${y}-02-28` : `${y}-${md}`;
}

/** "thứ Bảy, 22/08/2026"; "Saturday 22 August 2026". */
export function dayWithWeekday(day: string, lang: Lang): string {
  return lang === "en" ? `${weekdayName(isoWeekday(day), lang)} ${formatDay(day, lang)}` : `${weekdayName(isoWeekday(day), lang)}, ${formatDay(day, lang)}`;
}

/** English names of calendar.yaml's holidays, found by their Vietnamese words: the day, and the break around it. */
const HOLIDAYS_EN: readonly [RegExp, string, string][] = [
  [/nguyen dan/, "Lunar New Year (Tết)", "the Lunar New Year (Tết) break"],
  [/duong lich/, "New Year's Day", "the New Year break"],
  [/hung vuong/, "Hung Kings' Commemoration Day", "Hung Kings' Commemoration Day"],
  [/30\/4/, "Reunification Day (30 April) and Labour Day (1 May)", "the Reunification Day (30 April) and Labour Day (1 May) break"],
  [/quoc khanh/, "National Day (2 September)", "the National Day (2 September) break"],
];

/** A holiday's name in `lang`: calendar.yaml's own in Vietnamese; in English the day ("New Year's Day") or its break. */
export function holidayName(name: string, lang: Lang, form: "day" | "break" = "day"): string {
  if (lang === "vi") return name;
  const f = fold(name);
  const found = HOLIDAYS_EN.find(([words]) => words.test(f));
  return found ? (form === "day" ? found[1] : found[2]) : name;
}

const breakName = (name: string, lang: Lang) => holidayName(name, lang, "break");

/** The label of "the next public holiday", any of them. */
const ANY_HOLIDAY_LABEL: [string, string] = ["lễ", "public holiday"];

const HOLIDAY_LABEL: Record<HolidayKind, [string, string]> = {
  tet: ["Tết Nguyên đán", "Lunar New Year (Tết) break"],
  "new-year": ["Tết Dương lịch", "New Year break"],
  "hung-kings": ["Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration Day"],
  reunification: ["lễ 30/4 và 1/5", "30 April and 1 May break"],
  "national-day": ["lễ Quốc khánh 2/9", "National Day break"],
};

function span(b: CalendarBreak, lang: Lang): string {
  return b.from === b.to ? dayWithWeekday(b.from, lang) : `${formatDay(b.from, lang)} – ${formatDay(b.to, lang)}`;
}

function days(n: number, lang: Lang): string {
  return lang === "en" ? `${n} day${n === 1 ? "" : "s"}` : `${n} ngày`;
}

/** The answer's text, in Vietnamese or English. */
export function renderCalendarAnswer(facts: CalendarFacts, lang: Lang): string {
  const en = lang === "en";
  const yearsText = (years: readonly number[]) => years.join(en ? " and " : ", ");
  if (facts.kind === "day") {
    const when = dayWithWeekday(facts.day, lang);
    const lines: string[] = [];
    if (facts.passed) {
      lines.push(
        en
          ? `This year's ${formatDay(facts.day, lang).replace(/ \d{4}$/, "")} has passed (${formatDay(facts.day, lang)}); the calendar for ${facts.passed.next.slice(0, 4)} has not been published yet.`
          : `Ngày ${facts.day.slice(8)}/${facts.day.slice(5, 7)} năm nay đã qua (${formatDay(facts.day, lang)}); lịch năm ${facts.passed.next.slice(0, 4)} chưa được công bố.`,
      );
    }
    if (facts.wrongWeekday !== undefined) {
      lines.push(
        en
          ? `Note: ${formatDay(facts.day, lang)} is a ${weekdayName(facts.weekday, lang)}, not a ${weekdayName(facts.wrongWeekday, lang)}.`
          : `Lưu ý: ngày ${formatDay(facts.day, lang)} là ${weekdayName(facts.weekday, lang)}, không phải ${weekdayName(facts.wrongWeekday, lang)}.`,
      );
    }
    if (facts.makeUp) {
      lines.push(
        en
          ? `${when} is a working day for civil servants: a make-up working day (${makeUpNote(facts.makeUp, lang)}).`
          : `${capital(when)} là ngày làm việc của cán bộ, công chức: ngày làm bù (${facts.makeUp.charAt(0).toLowerCase()}${facts.makeUp.slice(1)}).`,
      );
    } else if (facts.holiday) {
      const name = breakName(facts.holiday.name, lang);
      const range = facts.holiday.from === facts.holiday.to ? "" : en ? ` (${span(facts.holiday, lang)})` : ` (${span(facts.holiday, lang)})`;
      lines.push(en ? `${when} is a day off for civil servants: ${name}${range}.` : `${capital(when)} là ngày nghỉ của cán bộ, công chức: ${name}${range}.`);
      if (facts.breakBounds && range) {
        const [from, to] = [dayWithWeekday(facts.holiday.from, lang), dayWithWeekday(facts.holiday.to, lang)];
        lines.push(en ? `The break starts on ${from} and ends on ${to}.` : `Kỳ nghỉ bắt đầu từ ${from} và kết thúc vào ${to}.`);
      }
    } else if (facts.unconfirmed) {
      lines.push(
        en
          ? `${when} (${facts.unconfirmed.nameEn}): whether civil servants have this day off is not confirmed. ${facts.unconfirmed.noteEn.trim()} Please follow your agency's official notice.`
          : `${capital(when)} (${facts.unconfirmed.name}): chưa có xác nhận chính thức cán bộ, công chức được nghỉ ngày này. ${facts.unconfirmed.note.trim()} Anh/chị vui lòng theo thông báo chính thức của cơ quan.`,
      );
    } else if (!facts.known) {
      const rule = facts.weekday >= 6
        ? en ? "it is a weekend day, and civil servants work Monday to Friday" : "đây là ngày cuối tuần; cán bộ, công chức làm việc từ thứ Hai đến thứ Sáu"
        : en ? "by the usual rule it is a working day (Monday to Friday)" : "theo lịch thường, đây là ngày làm việc (thứ Hai đến thứ Sáu)";
      lines.push(en ? `${when}: ${rule}.` : `${capital(when)}: ${rule}.`);
      lines.push(
        en
          ? `The assistant only has the announced holidays and make-up days of ${yearsText(facts.years)}; it cannot say yet whether that day is a holiday or a make-up day. Please follow your agency's official notice.`
          : `Trợ lý chỉ có lịch nghỉ lễ và ngày làm bù đã công bố của các năm ${yearsText(facts.years)}, nên chưa thể nói ngày này có phải ngày nghỉ lễ hay ngày làm bù hay không. Anh/chị vui lòng theo thông báo chính thức của cơ quan.`,
      );
    } else if (facts.weekday >= 6) {
      lines.push(en ? `${when} is a weekend day off: civil servants work Monday to Friday, and it is not a make-up working day.` : `${capital(when)} là ngày nghỉ cuối tuần: cán bộ, công chức làm việc từ thứ Hai đến thứ Sáu, và ngày này không phải ngày làm bù.`);
    } else {
      lines.push(en ? `${when} is an ordinary working day (not a public holiday).` : `${capital(when)} là ngày làm việc bình thường (không phải ngày nghỉ lễ).`);
    }
    const others = facts.makeUpDays.filter((w) => w.date !== facts.day);
    if (facts.holiday) {
      if (others.length > 0) for (const w of others) lines.push(en ? `• Make-up working day: ${dayWithWeekday(w.date, lang)} (${makeUpNote(w.name, lang)}).` : `• Làm bù: ${dayWithWeekday(w.date, lang)} (${w.name}).`);
      else lines.push(en ? "No make-up working day goes with this break." : "Kỳ nghỉ này không có ngày làm bù kèm theo.");
    }
    return lines.join("\n");
  }
  if (facts.kind === "countdown-day") {
    const when = dayWithWeekday(facts.day, lang);
    const n = facts.days;
    const count = n === 0
      ? en ? `${when} is today.` : `${capital(when)} là hôm nay.`
      : n > 0
        ? facts.breakStart && facts.holiday
          ? en ? `${capital(breakName(facts.holiday.name, lang))} starts in ${days(n, lang)}, on ${when}.` : `Còn ${days(n, lang)} nữa là đến kỳ nghỉ ${facts.holiday.name}, bắt đầu ${when}.`
          : en ? `${when} is ${days(n, lang)} away.` : `Còn ${days(n, lang)} nữa là đến ${when}.`
        : en ? `${when} was ${days(-n, lang)} ago.` : `${capital(when)} đã qua ${days(-n, lang)}.`;
    const status = facts.holiday && !facts.breakStart
      ? en ? `It falls in ${breakName(facts.holiday.name, lang)} (${span(facts.holiday, lang)}).` : `Ngày này thuộc kỳ nghỉ ${facts.holiday.name} (${span(facts.holiday, lang)}).`
      : undefined;
    return [count, status].filter(Boolean).join("\n");
  }
  const [vi, english] = facts.holiday ? HOLIDAY_LABEL[facts.holiday] : ANY_HOLIDAY_LABEL;
  const label = en ? english : vi;
  const currentLine = facts.current
    ? en
      ? `Today is within ${breakName(facts.current.name, lang)}: ${span(facts.current, lang)}.`
      : `Hôm nay đang trong kỳ nghỉ ${facts.current.name}: ${span(facts.current, lang)}.`
    : undefined;
  // A countdown asked during its break is that break; the next break asked of is the one after it.
  if (currentLine && !facts.ahead) return currentLine;
  if (facts.next && facts.days !== undefined) {
    const n = facts.next.from === facts.next.to ? 1 : diffDays(facts.next.from, facts.next.to) + 1;
    const nextLine = en
      ? `${capital(breakName(facts.next.name, lang))} starts in ${days(facts.days, lang)}: ${span(facts.next, lang)} (${days(n, lang)} off).`
      : `Còn ${days(facts.days, lang)} nữa là đến kỳ nghỉ ${facts.next.name}: ${span(facts.next, lang)} (nghỉ ${days(n, lang)}).`;
    return [currentLine, nextLine].filter(Boolean).join("\n");
  }
  if (currentLine) return currentLine;
  if (facts.law) {
    const when = dayWithWeekday(facts.law.day, lang);
    const year = facts.law.day.slice(0, 4);
    return en
      ? `${facts.holiday ? `The next ${facts.law.nameEn} is` : `The next public holiday is ${facts.law.nameEn},`} ${when} (${days(facts.law.days, lang)} away): the Labour Code 2019 makes it a day off every year. The ${year} arrangement (how many days off, any swapped or make-up working days) is not in the assistant's sources yet; please follow the Government's official announcement.`
      : `${facts.holiday ? `${facts.law.name} sắp tới là` : `Ngày lễ tiếp theo là ${facts.law.name},`} ${when} (còn ${days(facts.law.days, lang)}): Bộ luật Lao động 2019 quy định đây là ngày nghỉ lễ hằng năm. Lịch nghỉ cụ thể năm ${year} (nghỉ mấy ngày, có hoán đổi hay làm bù không) chưa có trong các nguồn trợ lý có; anh/chị vui lòng theo thông báo chính thức của Chính phủ.`;
  }
  // The last break the calendar has, named when the question named no holiday.
  const lastName = (b: CalendarBreak) => (facts.holiday ? "" : en ? `${breakName(b.name, lang)}, ` : `${b.name}, `);
  const lastLine = facts.last
    ? en ? ` The last one it has: ${lastName(facts.last)}${span(facts.last, lang)}.` : ` Kỳ nghỉ gần nhất trợ lý có: ${lastName(facts.last)}${span(facts.last, lang)}.`
    : "";
  return en
    ? `The assistant does not have the dates of the next ${label} yet: it only has the announced holidays of ${yearsText(facts.years)}.${lastLine} Please follow the Government's official announcement.`
    : `Trợ lý chưa có lịch nghỉ ${label} sắp tới: chỉ có lịch nghỉ lễ đã công bố của các năm ${yearsText(facts.years)}.${lastLine} Anh/chị vui lòng theo thông báo chính thức của Chính phủ.`;
}

/** "Làm bù cho ngày thứ Sáu 02/05/2025" in English: "in exchange for Friday 2 May 2025". */
function makeUpNote(name: string, lang: Lang): string {
  if (lang === "vi") return name;
  const m = /(\d{2})\/(\d{2})\/(\d{4})/.exec(name);
  const day = m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
  return day ? `in exchange for ${dayWithWeekday(day, lang)}` : "a make-up day";
}

/** Whether the answer says the calendar has no data for what was asked (then it counts as unanswered). */
export function lacksData(facts: CalendarFacts): boolean {
  // Whether a day of a year the calendar lacks is worked cannot be said (its weekday can).
  if (facts.kind === "day") return facts.weekdayOnly !== true && (!facts.known || facts.unconfirmed !== undefined);
  // The next day the law makes a holiday answers when it is, not how its break is arranged.
  return facts.kind === "countdown-holiday" && !facts.current && !facts.next && (!facts.law || facts.detail === true);
}

/** A day as written in a folded question, with its year when it has one (the spans {@link dayIn} reads). */
const DAY_SPANS: readonly RegExp[] = [
  /\b\d{1,2}[/-]\d{1,2}(?:[/-](\d{4})| nam (\d{4})| (\d{4}))?\b/,
  /\bngay \d{1,2} thang \d{1,2}(?: nam (\d{4}))?\b/,
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH_WORD}(?: (\\d{4}))?\\b`),
  new RegExp(`\\b${MONTH_WORD} \\d{1,2}(?:st|nd|rd|th)?(?: (\\d{4}))?\\b`),
];

/** The first day written in a folded text: the span, and the year written with it. */
function daySpan(folded: string): { text: string; year: string | undefined } | undefined {
  for (const re of DAY_SPANS) {
    const m = re.exec(folded);
    if (m) return { text: m[0], year: m.slice(1).find((g) => g !== undefined && /^\d{4}$/.test(g)) };
  }
  return undefined;
}

/**
 * The previous calendar question asked of the follow-up's day instead ("and 22 August?" after "Is Saturday
 * 10 January 2026 a working day?" → "is 22 august 2026 a working day"): the day is swapped, the year carried over
 * when the follow-up gives none, and weekday words of the old day dropped. Undefined when either names no day.
 * Both folded.
 */
export function swapDay(previous: string, followUp: string): string | undefined {
  const before = daySpan(previous);
  const now = daySpan(followUp);
  if (!before || !now || before.text === now.text) return undefined;
  const joiner = /^\d{1,2}[/-]\d{1,2}$/.test(now.text) ? "/" : now.text.startsWith("ngay ") ? " nam " : " ";
  const day = now.year === undefined && before.year !== undefined ? `${now.text}${joiner}${before.year}` : now.text;
  let text = previous.replace(before.text, day);
  for (const [re] of WEEKDAY_WORDS) text = text.replace(new RegExp(re.source, "g"), " ");
  return text.replace(/\s+/g, " ").trim();
}
