import type { Due } from "./content/schema.js";
import type { WorkingCalendar } from "./calendar.js";
import { dayjs, diffDays, localParts } from "./time.js";

/** The interface languages: Vietnamese (default) and English. */
export type Lang = "vi" | "en";

/** English month names, January first. */
export const MONTHS_EN: readonly string[] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The same, folded ("january"), for reading questions. */
export const MONTH_WORDS_EN: readonly string[] = MONTHS_EN.map((m) => m.toLowerCase());

/** A day (YYYY-MM-DD) as people write it: "10/06/2025" in Vietnamese, "10 June 2025" in English. */
export function formatDay(day: string, lang: Lang = "vi"): string {
  const [y, m, d] = day.split("-");
  if (lang === "en") return `${Number(d)} ${MONTHS_EN[Number(m) - 1]} ${y}`;
  return `${d}/${m}/${y}`;
}

/** A month as people read it, from any of its days (YYYY-MM-DD): "tháng 5/2025", "May 2025". */
export function formatMonth(day: string, lang: Lang): string {
  const d = dayjs.utc(day);
  return lang === "vi" ? `tháng ${d.month() + 1}/${d.year()}` : d.format("MMMM YYYY");
}

/**
 * A deadline as people read it: "10/05/2025", "tháng 5/2025", or "từ tháng 5/2025 đến tháng 8/2025".
 */
export function formatDue(due: Due, lang: Lang = "vi"): string {
  if (due.precision === "day") return formatDay(due.end, lang);
  if (due.precision === "month") return formatMonth(due.end, lang);
  const from = due.startIsMonth ? formatMonth(due.start, lang) : formatDay(due.start, lang);
  const to = due.endIsMonth ? formatMonth(due.end, lang) : formatDay(due.end, lang);
  return lang === "vi" ? `từ ${from} đến ${to}` : `from ${from} to ${to}`;
}

/** Calendar days from `today` to the deadline `end` (negative when it has passed). */
export function daysUntil(today: string, end: string): number {
  return diffDays(today, end);
}

/**
 * A countdown in calendar days: "còn 12 ngày", "hôm nay là hạn chót", "đã qua 5 ngày". Long spans in the past read
 * naturally: "đã qua hơn 2 tháng", "đã qua hơn 1 năm" (English: "over 2 months ago", "over 1 year ago").
 * For month-precision deadlines, "today" counts against the last day of the month.
 */
export function formatCountdown(today: string, end: string, lang: Lang = "vi"): string {
  const n = daysUntil(today, end);
  const ago = -n;
  if (lang === "en") {
    if (n === 0) return "due today";
    if (n > 0) return `${n} day${n === 1 ? "" : "s"} left`;
    if (ago >= 365) return `passed over ${Math.floor(ago / 365)} year${ago >= 730 ? "s" : ""} ago`;
    if (ago >= 60) return `passed over ${Math.floor(ago / 30)} months ago`;
    return `${ago} day${ago === 1 ? "" : "s"} overdue`;
  }
  if (n === 0) return "hôm nay là hạn chót";
  if (n > 0) return `còn ${n} ngày`;
  if (ago >= 365) return `đã qua hơn ${Math.floor(ago / 365)} năm`;
  if (ago >= 60) return `đã qua hơn ${Math.floor(ago / 30)} tháng`;
  return `đã qua ${ago} ngày`;
}

/** A countdown in working days, for reminders: "còn 3 ngày làm việc". */
export function formatWorkingCountdown(calendar: WorkingCalendar, today: string, end: string, lang: Lang = "vi"): string {
  const n = calendar.workingDaysBetween(today, end);
  if (lang === "en") {
    if (n === 0) return "0 working days";
    return n > 0 ? `${n} working day${n === 1 ? "" : "s"} left` : `${-n} working day${n === -1 ? "" : "s"} overdue`;
  }
  if (n === 0) return "0 ngày làm việc";
  return n > 0 ? `còn ${n} ngày làm việc` : `quá hạn ${-n} ngày làm việc`;
}

/** A moment as "08:30 09/05/2025" in Asia/Ho_Chi_Minh. */
export function formatMoment(date: Date): string {
  const { year, month, day, hour, minute } = localParts(date);
  return `${hour}:${minute} ${day}/${month}/${year}`;
}
