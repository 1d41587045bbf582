import { beforeAll, describe, expect, it } from "vitest";
import type { WorkingCalendar } from "../../../src/core/calendar.js";
import type { Milestone } from "../../../src/core/content/schema.js";
import type { LatestStatus, SentReminder } from "../../../src/core/ports.js";
import {
  daysBetween,
  escalationFor,
  ladderFor,
  pairKey,
  planReminders,
  reminderCalendar,
  type PlanOptions,
} from "../../../src/core/reminders/planner.js";
import { realContent } from "../../helpers/app.js";
import { at, milestone, realCalendar, status } from "./fixtures.js";

let calendar: WorkingCalendar;
beforeAll(async () => {
  calendar = await realCalendar();
});

const OPTIONS: PlanOptions = { reminderTime: "08:30" };

/** Ladder days as "kind:step day" strings, easy to read in failures. */
function ladderDays(m: Milestone, agencyId = "so-a"): string[] {
  return ladderFor(m, agencyId, calendar).map((e) => `${e.kind}:${e.step} ${e.day}`);
}

/** Runs the planner every day from `from` to `to` at 08:30, sending everything due; returns what went out when. */
function simulate(milestones: Milestone[], from: string, to: string, latest: LatestStatus[] = []): { day: string; key: string }[] {
  const sent: Pick<SentReminder, "key">[] = [];
  const out: { day: string; key: string }[] = [];
  const escalated = new Set<string>();
  for (const day of daysBetween(from, to)) {
    const plan = planReminders(milestones, latest, sent, calendar, at(day), { ...OPTIONS, missedSince: day, escalated });
    for (const e of plan.due) {
      sent.push({ key: e.key });
      out.push({ day, key: e.key });
    }
    for (const i of plan.escalate) {
      escalated.add(pairKey(i.milestoneId, i.agencyId));
      out.push({ day, key: `${pairKey(i.milestoneId, i.agencyId)}|escalation` });
    }
  }
  return out;
}

describe("ladderFor", () => {
  it("reminds 7, 3 and 1 working days before, on the due day, and 3 times every 3 working days after", () => {
    // Tuesday 10/06/2025: no holiday nearby.
    expect(ladderDays(milestone("m", "2025-06-10"))).toEqual([
      "before:7 2025-05-30",
      "before:3 2025-06-05",
      "before:1 2025-06-09",
      "due:0 2025-06-10",
      "overdue:1 2025-06-13",
      "overdue:2 2025-06-18",
      "overdue:3 2025-06-23",
    ]);
  });

  it("moves a Saturday deadline's due-day reminder to Friday and counts the make-up Saturday 26/04/2025 as a working day", () => {
    // The e-mail list deadline: Saturday 10/05/2025, after the 30/04–04/05 holidays.
    expect(ladderDays(milestone("email-lists", "2025-05-10"))).toEqual([
      "before:7 2025-04-26",
      "before:3 2025-05-06",
      "before:1 2025-05-08",
      "due:0 2025-05-09",
      "overdue:1 2025-05-14",
      "overdue:2 2025-05-19",
      "overdue:3 2025-05-22",
    ]);
  });

  it("moves a deadline inside the 30/04–04/05/2025 holidays to the working day before them", () => {
    // Counting back from Tuesday 29/04: 28/04, the make-up Saturday 26/04, then 25/04…
    expect(ladderDays(milestone("m", "2025-05-02"))).toEqual([
      "before:7 2025-04-21",
      "before:3 2025-04-25",
      "before:1 2025-04-28",
      "due:0 2025-04-29",
      "overdue:1 2025-05-07",
      "overdue:2 2025-05-12",
      "overdue:3 2025-05-15",
    ]);
  });

  it("moves a deadline inside the 30/08–02/09/2025 holidays to Friday 29/08 and counts overdue days after them", () => {
    expect(ladderDays(milestone("m", "2025-09-01"))).toEqual([
      "before:7 2025-08-20",
      "before:3 2025-08-26",
      "before:1 2025-08-28",
      "due:0 2025-08-29",
      "overdue:1 2025-09-05",
      "overdue:2 2025-09-10",
      "overdue:3 2025-09-15",
    ]);
  });

  it("skips the Tết 2026 holidays (14/02–22/02) in both directions", () => {
    expect(ladderDays(milestone("m", "2026-02-18"))).toEqual([
      "before:7 2026-02-04",
      "before:3 2026-02-10",
      "before:1 2026-02-12",
      "due:0 2026-02-13",
      "overdue:1 2026-02-25",
      "overdue:2 2026-03-02",
      "overdue:3 2026-03-05",
    ]);
  });

  it("treats a month deadline as due on the month's last working day", () => {
    // 31/05/2025 is a Saturday; 31/08/2025 is a Sunday inside the National Day holidays.
    expect(ladderDays(milestone("m", "2025-05")).find((d) => d.startsWith("due"))).toBe("due:0 2025-05-30");
    expect(ladderDays(milestone("m", "2025-08")).find((d) => d.startsWith("due"))).toBe("due:0 2025-08-29");
  });

  it("treats a range as due at its end", () => {
    expect(ladderDays(milestone("m", "2025-05..2025-08")).find((d) => d.startsWith("due"))).toBe("due:0 2025-08-29");
    expect(ladderDays(milestone("m", "2025-06-10..2025-09-10")).find((d) => d.startsWith("due"))).toBe("due:0 2025-09-10");
  });

  it("puts every reminder on a working day, for every milestone of the bundled content", async () => {
    const content = await realContent();
    const days = content.milestones.flatMap((m) => m.responsible.flatMap((a) => ladderFor(m, a, calendar).map((e) => e.day)));
    expect(days.length).toBeGreaterThan(50);
    expect(days.filter((d) => !calendar.isWorkingDay(d))).toEqual([]);
  });

  it("follows a milestone's override and sends nothing when reminders are disabled", () => {
    const custom = milestone("m", "2025-06-10", { reminders: { before: [2], onDueDay: false, overdueEvery: 1, overdueMax: 1 } });
    expect(ladderDays(custom)).toEqual(["before:2 2025-06-06", "overdue:1 2025-06-11"]);
    expect(ladderDays(milestone("m", "2025-06-10", { reminders: { enabled: false } }))).toEqual([]);
    expect(escalationFor(milestone("m", "2025-06-10", { reminders: { enabled: false } }), calendar)).toBeUndefined();
  });

  it("makes one deterministic key per milestone, agency and step", () => {
    const keys = ladderFor(milestone("email-lists", "2025-05-10", { responsible: ["a", "b"] }), "b", calendar).map((e) => e.key);
    expect(keys).toContain("email-lists|b|due:0");
    expect(keys).toContain("email-lists|b|before:7");
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("planReminders", () => {
  const email = milestone("email-lists", "2025-05-10", { responsible: ["so-a", "so-b"] });

  it("plans nothing before 08:30 and today's reminders from 08:30 ICT", () => {
    expect(planReminders([email], [], [], calendar, at("2025-05-09", "08:29"), OPTIONS).due).toEqual([]);
    const plan = planReminders([email], [], [], calendar, at("2025-05-09", "08:30"), OPTIONS);
    expect(plan.due.map((e) => e.key)).toEqual(["email-lists|so-a|due:0", "email-lists|so-b|due:0"]);
  });

  it("plans nothing at all on a weekend or holiday", () => {
    for (const day of ["2025-05-10", "2025-05-01", "2025-09-02"]) {
      const plan = planReminders([email], [], [], calendar, at(day, "12:00"), { ...OPTIONS, missedSince: "2025-04-20" });
      expect(plan).toMatchObject({ active: false, due: [], missed: [], escalate: [] });
    }
  });

  it("sends on the make-up Saturday 26/04/2025", () => {
    const plan = planReminders([email], [], [], calendar, at("2025-04-26"), OPTIONS);
    expect(plan.due.map((e) => e.key)).toEqual(["email-lists|so-a|before:7", "email-lists|so-b|before:7"]);
  });

  it("does not plan a reminder that was already sent", () => {
    const plan = planReminders([email], [], [{ key: "email-lists|so-a|due:0" }], calendar, at("2025-05-09", "15:00"), OPTIONS);
    expect(plan.due.map((e) => e.key)).toEqual(["email-lists|so-b|due:0"]);
  });

  it("stops for an agency that reported done, and pauses for one that reported blocked", () => {
    const latest = [status("email-lists", "so-a", "done"), status("email-lists", "so-b", "blocked")];
    expect(planReminders([email], latest, [], calendar, at("2025-05-09"), OPTIONS).due).toEqual([]);
    const onTrack = [status("email-lists", "so-a", "on-track"), status("email-lists", "so-b", "at-risk")];
    expect(planReminders([email], onTrack, [], calendar, at("2025-05-09"), OPTIONS).due).toHaveLength(2);
  });

  it("sends at most 3 overdue reminders, then nothing more for months", () => {
    const sent = simulate([milestone("m", "2025-06-10")], "2025-05-01", "2025-12-31").map((s) => s.key);
    expect(sent.filter((k) => k.includes("overdue"))).toEqual(["m|so-a|overdue:1", "m|so-a|overdue:2", "m|so-a|overdue:3"]);
    expect(sent.filter((k) => !k.endsWith("escalation"))).toHaveLength(7);
  });

  it("escalates an item once, on the working day after its 2nd overdue reminder, unless it is done", () => {
    // email-lists: overdue:2 on Monday 19/05/2025, so the escalation is on Tuesday 20/05.
    expect(planReminders([email], [], [], calendar, at("2025-05-19"), OPTIONS).escalate).toEqual([]);
    const plan = planReminders([email], [status("email-lists", "so-b", "done")], [], calendar, at("2025-05-20"), OPTIONS);
    expect(plan.escalate).toEqual([{ milestoneId: "email-lists", agencyId: "so-a", afterStep: 2, day: "2025-05-20", status: undefined }]);
    const again = planReminders([email], [], [], calendar, at("2025-05-21"), { ...OPTIONS, escalated: new Set(["email-lists|so-a", "email-lists|so-b"]) });
    expect(again.escalate).toEqual([]);
  });

  it("escalates a blocked item too, with its status, though it gets no reminders", () => {
    const plan = planReminders([email], [status("email-lists", "so-a", "blocked")], [], calendar, at("2025-05-20"), OPTIONS);
    expect(plan.escalate.find((i) => i.agencyId === "so-a")?.status).toBe("blocked");
  });

  it("catches up an escalation missed during downtime on the next working day", () => {
    const plan = planReminders([email], [], [], calendar, at("2025-05-23"), OPTIONS);
    expect(plan.escalate.map((i) => [i.agencyId, i.day])).toEqual([
      ["so-a", "2025-05-20"],
      ["so-b", "2025-05-20"],
    ]);
  });

  it("counts reminders missed since the last run as missed, never as due, and only once", () => {
    // Last run Tuesday 06/05 (before:3 sent); down Wednesday to Thursday; back on Friday 09/05.
    const sent = [{ key: "email-lists|so-a|before:3" }, { key: "email-lists|so-b|before:3" }];
    const plan = planReminders([email], [], sent, calendar, at("2025-05-09", "10:00"), { ...OPTIONS, missedSince: "2025-05-06" });
    expect(plan.due.map((e) => e.key)).toEqual(["email-lists|so-a|due:0", "email-lists|so-b|due:0"]);
    expect(plan.missed.map((e) => e.key)).toEqual(["email-lists|so-a|before:1", "email-lists|so-b|before:1"]);
    const counted = new Set(plan.missed.map((e) => e.key));
    expect(planReminders([email], [], sent, calendar, at("2025-05-09", "10:00"), { ...OPTIONS, missedSince: "2025-05-06", skippedKeys: counted }).missed).toEqual([]);
  });

  it("counts nothing as missed on the very first run, however late in the plan it starts", () => {
    const plan = planReminders([email], [], [], calendar, at("2025-05-14"), OPTIONS);
    expect(plan.missed).toEqual([]);
    expect(plan.due.map((e) => e.key)).toEqual(["email-lists|so-a|overdue:1", "email-lists|so-b|overdue:1"]);
  });

  it("ignores manual reminders: a /nhac does not move or replace a ladder step", () => {
    const manual = [{ key: "email-lists|so-a|manual:1@2025-05-08T03:00:00.000Z" }];
    const plan = planReminders([email], [], manual, calendar, at("2025-05-09"), OPTIONS);
    expect(plan.due.map((e) => e.key)).toContain("email-lists|so-a|due:0");
  });
});

describe("reminderCalendar", () => {
  it("lists exactly what the planner sends day by day when nobody reports anything", async () => {
    const content = await realContent();
    const range = { from: "2025-04-20", to: "2025-09-10" };
    const rows = reminderCalendar(content.milestones, calendar, range, "08:30");
    const fromCalendar = rows
      .map((r) => ({ day: r.date, key: r.kind === "escalation" ? `${r.milestoneId}|${r.agencyId}|escalation` : `${r.milestoneId}|${r.agencyId}|${r.kind}:${r.step}` }))
      .sort((a, b) => a.day.localeCompare(b.day) || a.key.localeCompare(b.key));
    const simulated = simulate(content.milestones, range.from, range.to).sort((a, b) => a.day.localeCompare(b.day) || a.key.localeCompare(b.key));
    expect(fromCalendar).toEqual(simulated);
    expect(rows.some((r) => r.kind === "escalation")).toBe(true);
  });

  it("has the e-mail list's due-day reminder on Friday 09/05/2025 and nothing on a non-working day", async () => {
    const content = await realContent();
    const rows = reminderCalendar(content.milestones, calendar, { from: "2025-04-20", to: "2025-09-10" }, "08:30");
    expect(rows.filter((r) => r.milestoneId === "email-lists" && r.kind === "due").map((r) => [r.date, r.agencyId])).toEqual([
      ["2025-05-09", "sokhcn-binhduong"],
      ["2025-05-09", "sokhcn-brvt"],
    ]);
    expect(rows.filter((r) => !calendar.isWorkingDay(r.date))).toEqual([]);
  });
});
