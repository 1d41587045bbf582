import { describe, expect, it } from "vitest";
import { fold } from "../../../src/core/fold.js";
import { asksDayCount, betweenPhrases } from "../../../src/core/knowledge/day-count.js";
import { askEachAlone } from "../../helpers/knowledge.js";

describe("a number of days asked (asksDayCount)", () => {
  it("reads 'how long in days' as a count of days", () => {
    expect(asksDayCount(fold("How long in days has the document system been in official operation as of today?"))).toBe(true);
    expect(asksDayCount(fold("in how many days does the 1022 hotline go live"))).toBe(true);
  });
  it("does not read how long something takes as a count", () => {
    expect(asksDayCount(fold("how long will the training take"))).toBe(false);
  });
});

describe("days counted from the day of an event to today", () => {
  it("reads 'hôm sáp nhập' as the day of the merger, not a deadline of the plan", async () => {
    expect(betweenPhrases(fold("từ hôm sáp nhập tới giờ là bao nhiêu ngày rồi ta"))).toEqual(["hom sap nhap", "gio"]);
    const [vi] = await askEachAlone("2026-12-04", "từ hôm sáp nhập tới giờ là bao nhiêu ngày rồi ta");
    expect(vi).toContain("521 ngày kể từ 01/07/2025");
  });
  it("counts the days a system has been in official operation, asked 'how long in days'", async () => {
    const [en] = await askEachAlone("2026-12-04", "How long in days has the document system been in official operation as of today?");
    expect(en).toContain("459 days have passed since 1 September 2025");
  });
});
