import { describe, expect, it } from "vitest";
import { runCliCaptured } from "../helpers/cli.js";
import { createWorkingCalendar } from "../../src/core/calendar.js";
import { realContent } from "../helpers/app.js";

const cli = (...args: string[]) => runCliCaptured(args);

describe("cli plan", () => {
  it("prints one JSON object per line with the documented keys, the e-mail list due on Friday 09/05/2025, and no row on a non-working day", async () => {
    const { code, out } = await cli("plan", "--from", "2025-04-20", "--to", "2025-09-10", "--json");
    expect(code).toBe(0);
    const rows = out.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(["date", "time", "milestoneId", "agencyId", "kind", "step"]);
      expect(["before", "due", "overdue", "escalation"]).toContain(r.kind);
      expect(r.time).toBe("08:30");
    }
    expect(rows.filter((r) => r.milestoneId === "email-lists" && r.kind === "due").map((r) => r.date)).toEqual(["2025-05-09", "2025-05-09"]);
    const calendar = createWorkingCalendar((await realContent()).calendar);
    expect(rows.filter((r) => !calendar.isWorkingDay(String(r.date)))).toEqual([]);
    expect(rows.every((r) => String(r.date) >= "2025-04-20" && String(r.date) <= "2025-09-10")).toBe(true);
  });

  it("prints a readable table grouped by date without --json", async () => {
    const { code, out } = await cli("plan", "--from", "2025-05-09", "--to", "2025-05-09");
    expect(code).toBe(0);
    expect(out).toContain("thứ Sáu 09/05/2025 lúc 08:30");
    expect(out).toMatch(/hạn chót\s+email-lists\s+Sở KH&CN Bình Dương/);
  });

  it("refuses a date that is not YYYY-MM-DD, with the fix", async () => {
    const { code, err } = await cli("plan", "--from", "09/05/2025");
    expect(code).toBe(1);
    expect(err).toContain('plan: --from "09/05/2025" is not a date (use YYYY-MM-DD');
  });
});
