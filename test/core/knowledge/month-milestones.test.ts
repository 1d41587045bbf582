import { describe, expect, it } from "vitest";
import { monthFollowUp } from "../../../src/core/knowledge/month-milestones.js";
import { followUpAnswer } from "../../helpers/knowledge.js";

describe("a follow-up naming only another month (monthFollowUp)", () => {
  it("asks the previous month question of the month named, in the previous year", () => {
    expect(monthFollowUp("thang 6/2025 co moc gi", "thang 9 thi sao")).toBe("thang 9/2025 co moc gi");
    expect(monthFollowUp("thang 6/2025 co moc gi", "con thang 8 nam 2025")).toBe("thang 8/2025 co moc gi");
    expect(monthFollowUp("what is due in june 2025", "and september")).toBe("what is due in september 2025");
  });
  it("is no month follow-up when the previous question asked no month, or the follow-up asks more", () => {
    expect(monthFollowUp("qlvb chay chinh thuc khi nao", "thang 9 thi sao")).toBeUndefined();
    expect(monthFollowUp("thang 6/2025 co moc gi", "thang 9 ai lam")).toBeUndefined();
    expect(monthFollowUp("thang 6/2025 co moc gi", "con may")).toBeUndefined();
  });
  it("answers the new month's milestones in the chat", async () => {
    const answer = await followUpAnswer("tháng 6/2025 có mốc gì", "tháng 9 thì sao", "2026-12-04");
    expect(answer).toContain("tháng 9/2025");
    expect(answer).toContain("01/09/2025: Vận hành chính thức hệ thống 1022");
  });
});
