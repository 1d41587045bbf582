import { describe, expect, it } from "vitest";
import { formatMoment } from "../../src/core/dates.js";
import { atLocal, dayOf, localParts } from "../../src/core/time.js";

/**
 * An independent oracle: Viet Nam has kept UTC+7 without daylight saving since 1975, so ICT wall time
 * is UTC plus seven hours. (dayjs's timezone plugin is not a usable oracle: on a server in
 * America/New_York it is an hour off on the night of 09/03/2025.)
 */
const ict = (t: number) => new Date(t + 7 * 60 * 60 * 1000).toISOString();

describe("dayOf", () => {
  it("gives the ICT day for the last second of every hour of 2024 and 2025, whatever the server's zone", () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2026, 0, 1); t += 60 * 60 * 1000) {
      const date = new Date(t + 59 * 60 * 1000 + 59 * 1000);
      const expected = ict(date.getTime()).slice(0, 10);
      if (dayOf(date) !== expected) mismatches.push(`${date.toISOString()}: ${dayOf(date)} ≠ ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("switches day at 17:00 UTC (00:00 ICT), zero-padding month and day", () => {
    expect(dayOf(new Date("2025-01-04T16:59:59.999Z"))).toBe("2025-01-04");
    expect(dayOf(new Date("2025-01-04T17:00:00Z"))).toBe("2025-01-05");
    expect(dayOf(new Date("2025-12-31T17:00:00Z"))).toBe("2026-01-01");
  });
});

describe("localParts and formatMoment", () => {
  it("give the ICT day, hour, minute and weekday every 37 minutes of 2025, including the US and EU clock changes", () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 0, 1); t += 37 * 60 * 1000) {
      const p = localParts(t);
      const got = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${p.weekday}`;
      const wall = ict(t);
      const expected = `${wall.slice(0, 10)} ${wall.slice(11, 16)} ${new Date(wall).getUTCDay()}`;
      if (got !== expected) mismatches.push(`${new Date(t).toISOString()}: ${got} ≠ ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("writes midnight as 00:00, never 24:00", () => {
    expect(formatMoment(new Date("2025-05-08T17:00:00Z"))).toBe("00:00 09/05/2025");
    expect(localParts("2025-05-08T17:05:00Z")).toEqual({ year: "2025", month: "05", day: "09", hour: "00", minute: "05", weekday: 5 });
  });
});

describe("atLocal", () => {
  it("turns an ICT wall time into the right instant on every day of 2025, including the server's clock-change nights", () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 0, 1); t += 24 * 60 * 60 * 1000) {
      const day = new Date(t).toISOString().slice(0, 10);
      for (const time of ["00:00", "02:30", "08:30", "23:59"]) {
        const got = atLocal(day, time).toISOString();
        const expected = new Date(Date.parse(`${day}T${time}:00.000Z`) - 7 * 60 * 60 * 1000).toISOString();
        if (got !== expected) mismatches.push(`${day} ${time}: ${got} ≠ ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe("plain day arithmetic (addDays, diffDays, isoWeekday)", () => {
  it("agrees with dayjs on days across eighty years, leap days and month ends included", async () => {
    const { dayjs, addDays, diffDays, isoWeekday } = await import("../../src/core/time.js");
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const start = Date.UTC(1980, 0, 1);
    const days = ["2024-02-29", "2025-02-28", "2025-12-31", "2026-01-01", "2100-02-28", "2000-02-29"];
    for (let i = 0; i < 3000; i++) days.push(new Date(start + Math.floor(rnd() * 80 * 365) * 86_400_000).toISOString().slice(0, 10));
    for (const [i, a] of days.entries()) {
      const b = days[(i * 7 + 3) % days.length]!;
      const n = Math.floor(rnd() * 4000) - 2000;
      expect(addDays(a, n)).toBe(dayjs.utc(a).add(n, "day").format("YYYY-MM-DD"));
      expect(diffDays(a, b)).toBe(dayjs.utc(b).diff(dayjs.utc(a), "day"));
      expect(isoWeekday(a)).toBe(dayjs.utc(a).isoWeekday());
    }
  });

  it("leaves a day not written YYYY-MM-DD to dayjs, as before", async () => {
    const { dayjs, addDays, diffDays } = await import("../../src/core/time.js");
    expect(addDays("2025-02-30", 1)).toBe(dayjs.utc("2025-02-30").add(1, "day").format("YYYY-MM-DD"));
    expect(Number.isNaN(diffDays("not a day", "2025-01-01"))).toBe(true);
  });
});

describe("localParts, read once per minute", () => {
  it("gives the same parts for every second of a minute, and a caller changing them changes nothing for the next", () => {
    const first = localParts("2025-08-31T17:00:05Z");
    expect(first).toEqual({ year: "2025", month: "09", day: "01", hour: "00", minute: "00", weekday: 1 });
    first.day = "99";
    expect(localParts("2025-08-31T17:00:59Z")).toEqual({ year: "2025", month: "09", day: "01", hour: "00", minute: "00", weekday: 1 });
    expect(localParts("2025-08-31T16:59:59Z").day).toBe("31");
  });

  it("still refuses an instant that is not a date", () => {
    expect(() => localParts("not a date")).toThrow(RangeError);
  });
});
