import { describe, expect, it } from "vitest";
import { calendarWarnings } from "../../src/cli/check.js";

describe("the content check's calendar warnings", () => {
  const calendar = { years: [2025, 2026], holidays: [], workingDays: [], unconfirmed: [] };

  it("says nothing while this year and the next are covered", () => {
    expect(calendarWarnings(calendar, 2025)).toEqual([]);
  });

  it("warns, naming the year, when next year's holidays are missing", () => {
    const [warning, ...rest] = calendarWarnings(calendar, 2026);
    expect(rest).toEqual([]);
    expect(warning).toMatch(/^calendar\.yaml has no holidays for 2027: add that year's public holidays/);
  });
});
