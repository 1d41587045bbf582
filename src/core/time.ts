import dayjs, { type Dayjs } from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat.js";
import isoWeek from "dayjs/plugin/isoWeek.js";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(customParseFormat);
dayjs.extend(isoWeek);

/** The one time zone of the product, whatever the server's zone is. */
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

/** A source of "now". Inject it everywhere time matters, so tests never depend on today's date. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock frozen at `at` (a Date or an ISO string); `set` moves it. For tests and the CLI's `--now`. */
export function createFixedClock(at: Date | string): Clock & { set(at: Date | string): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set(next) {
      current = new Date(next);
    },
  };
}

/** `date` seen in Asia/Ho_Chi_Minh. */
export function inZone(date: Date | number | string): Dayjs {
  return dayjs(date).tz(TIME_ZONE);
}

const LOCAL_PARTS = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The zero-padded fields of a moment in Asia/Ho_Chi_Minh. */
export interface LocalParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

/**
 * The year, month, day, hour and minute of `date` in Asia/Ho_Chi_Minh, zero-padded. Read from one
 * cached Intl formatter (about 3 µs), where dayjs's time-zone plugin takes about 60 µs: use it
 * for anything done per message or per digest row.
 */
export function localParts(date: Date | number | string): LocalParts {
  const out: LocalParts = { year: "", month: "", day: "", hour: "", minute: "" };
  for (const part of LOCAL_PARTS.formatToParts(new Date(date))) {
    if (part.type === "year" || part.type === "month" || part.type === "day" || part.type === "hour" || part.type === "minute") out[part.type] = part.value;
  }
  return out;
}

/** The calendar day (YYYY-MM-DD) of `date` in Asia/Ho_Chi_Minh. Called several times per message (see {@link localParts}). */
export function dayOf(date: Date): string {
  const { year, month, day } = localParts(date);
  return `${year}-${month}-${day}`;
}

/** The instant of `day` (YYYY-MM-DD) at `time` (HH:mm) in Asia/Ho_Chi_Minh. */
export function atLocal(day: string, time = "00:00"): Date {
  return dayjs.tz(`${day} ${time}`, "YYYY-MM-DD HH:mm", TIME_ZONE).toDate();
}

/**
 * Parses a day typed by an operator (YYYY-MM-DD) strictly; returns null if it is not a real day.
 * Strict parsing matters: dayjs in loose mode turns "15/05/2025" into another year.
 */
export function parseDay(text: string): string | null {
  const d = dayjs(text, "YYYY-MM-DD", true);
  return d.isValid() ? d.format("YYYY-MM-DD") : null;
}

/** Adds `n` calendar days to a day string. */
export function addDays(day: string, n: number): string {
  return dayjs.utc(day).add(n, "day").format("YYYY-MM-DD");
}

/** Whole calendar days from day `a` to day `b` (b - a). */
export function diffDays(a: string, b: string): number {
  return dayjs.utc(b).diff(dayjs.utc(a), "day");
}

/** ISO weekday of a day string: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  return dayjs.utc(day).isoWeekday();
}

/** ISO week id ("2025-W23") of `date` in Asia/Ho_Chi_Minh. */
export function isoWeekId(date: Date): string {
  const d = dayjs.utc(dayOf(date));
  return `${d.isoWeekYear()}-W${String(d.isoWeek()).padStart(2, "0")}`;
}

export { dayjs };
