import { describe, expect, it } from "vitest";
import { dayjs, dayOf, TIME_ZONE } from "../../src/core/time.js";

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
