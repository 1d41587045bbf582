import { describe, expect, it } from "vitest";
import { parseDue } from "../../src/core/content/schema.js";
import { formatCountdown, formatDay, formatDue, formatMoment } from "../../src/core/dates.js";
import { atLocal, createFixedClock, dayOf, isoWeekId } from "../../src/core/time.js";

describe("dates as people read them", () => {
  it("writes days as dd/mm/yyyy and months as 'tháng m/yyyy'", () => {
    expect(formatDay("2025-05-10")).toBe("10/05/2025");
    expect(formatDue(parseDue("2025-06")!)).toBe("tháng 6/2025");
    expect(formatDue(parseDue("2025-05..2025-08")!)).toBe("từ tháng 5/2025 đến tháng 8/2025");
    expect(formatDue(parseDue("2025-06-10..2025-09-10")!)).toBe("từ 10/06/2025 đến 10/09/2025");
  });

  it("counts down in calendar days", () => {
    expect(formatCountdown("2025-06-01", "2025-06-15")).toBe("còn 14 ngày");
    expect(formatCountdown("2025-06-15", "2025-06-15")).toBe("hôm nay là hạn chót");
    expect(formatCountdown("2025-06-20", "2025-06-15")).toBe("đã qua 5 ngày");
    expect(formatCountdown("2025-06-14", "2025-06-15", "en")).toBe("1 day left");
  });
});

describe("time in Asia/Ho_Chi_Minh", () => {
  it("takes the calendar day in ICT, not in the server's zone", () => {
    // 17:30 UTC on 9 May is 00:30 on 10 May in Ho Chi Minh City.
    expect(dayOf(new Date("2025-05-09T17:30:00Z"))).toBe("2025-05-10");
    expect(atLocal("2025-05-10", "08:30").toISOString()).toBe("2025-05-10T01:30:00.000Z");
  });

  it("gives ISO weeks by the ICT day, switching at Monday 00:00 ICT", () => {
    expect(isoWeekId(new Date("2025-06-15T16:59:00Z"))).toBe("2025-W24"); // Sunday 23:59 ICT
    expect(isoWeekId(new Date("2025-06-15T17:00:00Z"))).toBe("2025-W25"); // Monday 00:00 ICT
  });

  it("has a fixed clock that moves only when told", () => {
    const clock = createFixedClock("2025-05-01T09:00:00+07:00");
    expect(clock.now().toISOString()).toBe("2025-05-01T02:00:00.000Z");
    clock.set("2025-05-02T09:00:00+07:00");
    expect(dayOf(clock.now())).toBe("2025-05-02");
  });

  it("shows a moment in Asia/Ho_Chi_Minh, whose day can differ from the UTC day", () => {
    expect(formatMoment(new Date("2025-05-08T18:30:00Z"))).toBe("01:30 09/05/2025");
  });
});
