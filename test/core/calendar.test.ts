import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "../../src/core/calendar.js";
import { realContent } from "../helpers/app.js";

const calendar = async () => createWorkingCalendar((await realContent()).calendar);

describe("the working calendar", () => {
  it("matches the verified 2025 holidays and the make-up Saturday 26/04/2025", async () => {
    const cal = await calendar();
    expect(cal.isWorkingDay("2025-04-26")).toBe(true); // make-up Saturday
    for (const d of ["2025-04-30", "2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04"]) expect(cal.isWorkingDay(d), d).toBe(false);
    for (const d of ["2025-08-30", "2025-08-31", "2025-09-01", "2025-09-02"]) expect(cal.isWorkingDay(d), d).toBe(false);
    for (const d of ["2025-01-27", "2025-01-31", "2025-02-02"]) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay("2025-04-07")).toBe(false); // Hùng Kings
    expect(cal.isWorkingDay("2025-05-05")).toBe(true);
  });

  it("matches the verified 2026 holidays and swaps", async () => {
    const cal = await calendar();
    expect(cal.isWorkingDay("2026-01-02")).toBe(false);
    expect(cal.isWorkingDay("2026-01-10")).toBe(true); // Saturday worked for 02/01
    for (const d of ["2026-02-16", "2026-02-17", "2026-02-20"]) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay("2026-02-23")).toBe(true);
    expect(cal.isWorkingDay("2026-04-27")).toBe(false); // Hùng Kings moved to Monday
    expect(cal.isWorkingDay("2026-08-22")).toBe(true); // Saturday worked for 31/08
    expect(cal.isWorkingDay("2026-08-31")).toBe(false);
    expect(cal.isWorkingDay("2026-11-24")).toBe(true); // not (yet) a legal holiday
  });

  it("moves a day off to the previous working day and counts working days", async () => {
    const cal = await calendar();
    expect(cal.onOrBefore("2025-05-10")).toBe("2025-05-09"); // Saturday → Friday
    expect(cal.onOrBefore("2025-05-04")).toBe("2025-04-29"); // holiday block → Tuesday before
    expect(cal.onOrBefore("2025-04-27")).toBe("2025-04-26"); // Sunday → make-up Saturday
    expect(cal.shift("2025-05-09", 3)).toBe("2025-05-06");
    expect(cal.shift("2025-05-06", 1)).toBe("2025-05-05");
    expect(cal.shift("2025-05-05", 1)).toBe("2025-04-29");
    expect(cal.workingDaysBetween("2025-04-29", "2025-05-05")).toBe(1);
    expect(cal.workingDaysBetween("2025-05-05", "2025-04-29")).toBe(-1);
  });
});
