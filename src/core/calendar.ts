import type { CalendarFile } from "./content/schema.js";
import { addDays, isoWeekday } from "./time.js";

/**
 * The working calendar of civil servants: Monday to Friday, minus public holidays,
 * plus make-up Saturdays worked in exchange for a bridge day.
 */
export interface WorkingCalendar {
  /** Whether `day` (YYYY-MM-DD) is a working day. */
  isWorkingDay(day: string): boolean;
  /** The holiday name of `day`, if it is one. */
  holidayName(day: string): string | undefined;
  /** `day` itself if it is a working day, else the closest working day before it. */
  onOrBefore(day: string): string;
  /** The working day `n` working days before (n > 0) or after (n < 0) `day`. `day` itself need not be a working day. */
  shift(day: string, n: number): string;
  /** Working days from `a` (exclusive) to `b` (inclusive); negative when b is before a. */
  workingDaysBetween(a: string, b: string): number;
  /** The years the calendar knows holidays for. */
  readonly years: readonly number[];
}

/** Builds a {@link WorkingCalendar} from `content/calendar.yaml`. */
export function createWorkingCalendar(file: CalendarFile): WorkingCalendar {
  const holidays = new Map<string, string>();
  for (const h of file.holidays) {
    if ("date" in h) holidays.set(h.date, h.name);
    else for (let d = h.from; d <= h.to; d = addDays(d, 1)) holidays.set(d, h.name);
  }
  const makeUp = new Map(file.workingDays.map((w) => [w.date, w.name]));

  const isWorkingDay = (day: string): boolean => {
    if (makeUp.has(day)) return true;
    if (holidays.has(day)) return false;
    return isoWeekday(day) <= 5;
  };

  const step = (day: string, dir: 1 | -1): string => {
    let d = addDays(day, dir);
    // A guard against a calendar with no working days at all; 400 days covers any real gap.
    for (let i = 0; i < 400 && !isWorkingDay(d); i++) d = addDays(d, dir);
    return d;
  };

  return {
    years: [...file.years],
    isWorkingDay,
    holidayName: (day) => holidays.get(day),
    onOrBefore: (day) => (isWorkingDay(day) ? day : step(day, -1)),
    shift(day, n) {
      let d = day;
      const dir = n > 0 ? -1 : 1;
      for (let i = 0; i < Math.abs(n); i++) d = step(d, dir);
      return d;
    },
    workingDaysBetween(a, b) {
      if (a === b) return 0;
      const [lo, hi, sign] = a < b ? [a, b, 1] : [b, a, -1];
      let count = 0;
      for (let d = addDays(lo, 1); d <= hi; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
      return count * sign;
    },
  };
}
