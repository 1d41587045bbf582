import { describe, expect, it } from "vitest";
import { createCronMatcher, firstMatchBetween } from "../../src/scheduler/cron-match.js";

const ict = (local: string) => new Date(`${local}+07:00`);

describe("createCronMatcher", () => {
  it("matches Monday 08:00 in Asia/Ho_Chi_Minh whatever the server's zone", () => {
    const matches = createCronMatcher("0 8 * * 1");
    expect(matches(ict("2025-06-16T08:00:00"))).toBe(true);
    expect(matches(ict("2025-06-16T08:01:00"))).toBe(false);
    expect(matches(ict("2025-06-17T08:00:00"))).toBe(false);
  });

  it("understands lists, ranges, steps, names, Sunday as 7 and a leading seconds field", () => {
    expect(createCronMatcher("*/15 7-9 * * mon-fri")(ict("2025-06-18T09:45:00"))).toBe(true);
    expect(createCronMatcher("0 8,17 * * 7")(ict("2025-06-15T17:00:00"))).toBe(true);
    expect(createCronMatcher("30 0 8 * * 1")(ict("2025-06-16T08:00:00"))).toBe(true);
  });

  it("accepts either day field when both are restricted, like cron", () => {
    const matches = createCronMatcher("0 8 1 * 1");
    expect(matches(ict("2025-07-01T08:00:00"))).toBe(true);
    expect(matches(ict("2025-06-16T08:00:00"))).toBe(true);
    expect(matches(ict("2025-06-17T08:00:00"))).toBe(false);
  });

  it("refuses a rule with the wrong number of fields, saying what a rule looks like", () => {
    expect(() => createCronMatcher("0 8 * *")).toThrow(/needs 5 fields.*0 8 \* \* 1/);
  });
});

describe("firstMatchBetween", () => {
  it("finds the first matching minute in the range, or null", () => {
    expect(firstMatchBetween("0 8 * * 1", ict("2025-06-16T00:00:00"), ict("2025-06-18T10:00:00"))).toEqual(ict("2025-06-16T08:00:00"));
    expect(firstMatchBetween("0 8 * * 1", ict("2025-06-16T00:00:00"), ict("2025-06-16T07:59:00"))).toBeNull();
  });
});
