import { describe, expect, it } from "vitest";
import { formatMoment } from "../../src/core/dates.js";
import { dayjs, dayOf, localParts, TIME_ZONE } from "../../src/core/time.js";

describe("dayOf", () => {
  it("gives the same ICT day as dayjs's time-zone conversion for every hour of 2024 and 2025", () => {
    const start = Date.UTC(2024, 0, 1);
    const mismatches: string[] = [];
    for (let t = start; t < Date.UTC(2026, 0, 1); t += 60 * 60 * 1000) {
      const date = new Date(t + 59 * 60 * 1000 + 59 * 1000);
      const expected = dayjs(date).tz(TIME_ZONE).format("YYYY-MM-DD");
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
  it("give the same ICT day, hour and minute as dayjs's time-zone conversion every 37 minutes of 2025", () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 0, 1); t += 37 * 60 * 1000) {
      const p = localParts(t);
      const got = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
      const expected = dayjs(t).tz(TIME_ZONE).format("YYYY-MM-DD HH:mm");
      if (got !== expected) mismatches.push(`${new Date(t).toISOString()}: ${got} ≠ ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("writes midnight as 00:00, never 24:00", () => {
    expect(formatMoment(new Date("2025-05-08T17:00:00Z"))).toBe("00:00 09/05/2025");
    expect(localParts("2025-05-08T17:05:00Z")).toEqual({ year: "2025", month: "05", day: "09", hour: "00", minute: "05" });
  });
});
