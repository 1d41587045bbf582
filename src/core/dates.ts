import type { Due } from "./content/schema.js";
import type { WorkingCalendar } from "./calendar.js";
import { dayjs, diffDays, localParts } from "./time.js";

/** The interface languages: Vietnamese (default) and English. */
export type Lang = "vi" | "en";

/** A day (YYYY-MM-DD) as dd/mm/yyyy. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}

function formatMonth(day: string, lang: Lang): string {
  const d = dayjs.utc(day);
  return lang === "vi" ? `tháng ${d.month() + 1}/${d.year()}` : d.format("MMMM YYYY");
}

/**
 * A deadline as people read it: "10/05/2025", "tháng 5/2025", or "từ tháng 5/2025 đến tháng 8/2025".
 */
export function formatDue(due: Due, lang: Lang = "vi"): string {
  if (due.precision === "day") return formatDay(due.end);
  if (due.precision === "month") return formatMonth(due.end, lang);
  const from = due.startIsMonth ? formatMonth(due.start, lang) : formatDay(due.start);
  const to = due.endIsMonth ? formatMonth(due.end, lang) : formatDay(due.end);
  return lang === "vi" ? `từ ${from} đến ${to}` : `from ${from} to ${to}`;
}

/** Calendar days from `today` to the deadline `end` (negative when it has passed). */
export function daysUntil(today: string, end: string): number {
  return diffDays(today, end);
}

/**
 * A countdown in calendar days: "còn 12 ngày", "hôm nay là hạn chót", "đã qua 5 ngày".
 * For month-precision deadlines, "today" counts against the last day of the month.
 */
export function formatCountdown(today: string, end: string, lang: Lang = "vi"): string {
  const n = daysUntil(today, end);
  if (lang === "en") {
    if (n === 0) return "due today";
    return n > 0 ? `${n} day${n === 1 ? "" : "s"} left` : `${-n} day${n === -1 ? "" : "s"} overdue`;
  }
  if (n === 0) return "hôm nay là hạn chót";
  return n > 0 ? `còn ${n} ngày` : `đã qua ${-n} ngày`;
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
