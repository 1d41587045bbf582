import dayjs from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat.js";
import isoWeek from "dayjs/plugin/isoWeek.js";
import utc from "dayjs/plugin/utc.js";

// Only UTC-based day arithmetic uses dayjs. Conversions to and from Asia/Ho_Chi_Minh go through Intl:
// dayjs's timezone plugin gives wrong hours near the *server's* daylight-saving changes (e.g. on a
// server in America/New_York on 09/03/2025), and it is about 20 times slower.
dayjs.extend(utc);
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

const LOCAL_PARTS = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  weekday: "short",
  hourCycle: "h23",
});

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The zero-padded fields of a moment in Asia/Ho_Chi_Minh. */
export interface LocalParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  /** 0 = Sunday … 6 = Saturday, as in cron. */
  weekday: number;
}

/**
 * The year, month, day, hour and minute of `date` in Asia/Ho_Chi_Minh, zero-padded. Read from one
 * cached Intl formatter (about 3 µs), where dayjs's time-zone plugin takes about 60 µs: use it
 * for anything done per message or per digest row.
 */
export function localParts(date: Date | number | string): LocalParts {
  const t = new Date(date).getTime();
  // The parts depend only on the minute: the same instant is read many times per message ("now", today, deadlines).
  const minute = Math.floor(t / 60_000);
  const known = Number.isFinite(minute) ? PARTS_BY_MINUTE.get(minute) : undefined;
  if (known) return { ...known };
  const out: LocalParts = { year: "", month: "", day: "", hour: "", minute: "", weekday: 0 };
  for (const part of LOCAL_PARTS.formatToParts(t)) {
    if (part.type === "year" || part.type === "month" || part.type === "day" || part.type === "hour" || part.type === "minute") out[part.type] = part.value;
    else if (part.type === "weekday") out.weekday = WEEKDAYS[part.value] ?? 0;
  }
  if (Number.isFinite(minute)) {
    if (PARTS_BY_MINUTE.size >= MAX_MINUTES_KEPT) PARTS_BY_MINUTE.clear();
    PARTS_BY_MINUTE.set(minute, { ...out });
  }
  return out;
}

/** Local parts of recently read minutes (bounded: cleared when full, so a digest over many instants stays small). */
const PARTS_BY_MINUTE = new Map<number, LocalParts>();
const MAX_MINUTES_KEPT = 4096;

/** The calendar day (YYYY-MM-DD) of `date` in Asia/Ho_Chi_Minh. Called several times per message (see {@link localParts}). */
export function dayOf(date: Date): string {
  const { year, month, day } = localParts(date);
  return `${year}-${month}-${day}`;
}

/** The zone's offset from UTC at instant `t`, in milliseconds (read from Intl, never assumed). */
function offsetAt(t: number): number {
  const p = localParts(t);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return asUtc - Math.floor(t / 60_000) * 60_000;
}

/** The instant of `day` (YYYY-MM-DD) at `time` (HH:mm) in Asia/Ho_Chi_Minh. */
export function atLocal(day: string, time = "00:00"): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Two steps find the offset in force at the resulting instant, should the zone ever change it.
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first));
}

/**
 * Parses a day typed by an operator (YYYY-MM-DD) strictly; returns null if it is not a real day.
 * Strict parsing matters: dayjs in loose mode turns "15/05/2025" into another year.
 */
export function parseDay(text: string): string | null {
  const d = dayjs(text, "YYYY-MM-DD", true);
  return d.isValid() ? d.format("YYYY-MM-DD") : null;
}

/** A day string (YYYY-MM-DD) as days since 1970-01-01, or undefined when it is not written that way. */
function epochDay(day: string): number | undefined {
  if (day.length !== 10 || day.charCodeAt(4) !== 45 || day.charCodeAt(7) !== 45) return undefined;
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = Date.UTC(y, m - 1, d);
  // A day past its month's end ("2025-02-30") is left to dayjs, which rolls it over its own way.
  return new Date(t).getUTCDate() === d ? t / 86_400_000 : undefined;
}

const DAY_MS = 86_400_000;

/** Adds `n` calendar days to a day string. Plain day arithmetic (answers and reminders do it per line); dayjs for anything else. */
export function addDays(day: string, n: number): string {
  const e = epochDay(day);
  if (e === undefined || !Number.isInteger(n)) return dayjs.utc(day).add(n, "day").format("YYYY-MM-DD");
  return new Date((e + n) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from day `a` to day `b` (b - a). */
export function diffDays(a: string, b: string): number {
  const ea = epochDay(a);
  const eb = epochDay(b);
  if (ea === undefined || eb === undefined) return dayjs.utc(b).diff(dayjs.utc(a), "day");
  return eb - ea;
}

/** ISO weekday of a day string: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const e = epochDay(day);
  // 1970-01-01 was a Thursday (ISO 4).
  return e === undefined ? dayjs.utc(day).isoWeekday() : ((((e + 3) % 7) + 7) % 7) + 1;
}

/** ISO week id ("2025-W23") of `date` in Asia/Ho_Chi_Minh. */
export function isoWeekId(date: Date): string {
  const d = dayjs.utc(dayOf(date));
  return `${d.isoWeekYear()}-W${String(d.isoWeek()).padStart(2, "0")}`;
}

export { dayjs };
