import { describe, expect, it } from "vitest";
import { writesDay, writtenDayMatches, writtenDays } from "../../../src/core/knowledge/calendar-question.js";
import { capital } from "../../../src/core/text.js";

describe("one reader of days written with digits", () => {
  it("reads each day as written, with its year after a slash or dash, the same on every call", () => {
    expect(writtenDays("tu 10/5 den 15-06-2025 nam 2025")).toEqual(["10/5", "15-06-2025"]);
    expect(writtenDayMatches("han 10/5, 10/6").map((m) => [m[0], m.index])).toEqual([["10/5", 4], ["10/6", 10]]);
    expect(writesDay("han 10/5")).toBe(true);
    expect(writesDay("han 10/5")).toBe(true);
    expect(writesDay("nghi quyet 57")).toBe(false);
  });

  it("capitalises a line's first letter only", () => {
    expect(capital("thứ Bảy, 22/08/2026")).toBe("Thứ Bảy, 22/08/2026");
    expect(capital("")).toBe("");
  });
});
