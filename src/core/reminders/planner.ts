/**
 * The reminder planner: which reminders are due now, which were missed, and which items
 * must be escalated to the coordinators. Pure: everything it knows comes in as arguments.
 *
 * The ladder of one milestone and one responsible agency (defaults, working days):
 * 7, 3 and 1 working days before the deadline, the deadline itself, then every 3 working days
 * after it, at most 3 times. The deadline of a month ("2025-05") is the end of the month,
 * and a range's deadline is its end; a deadline on a weekend or holiday is reminded on the
 * working day before it. Counting in working days puts every other step on a working day.
 */
import type { WorkingCalendar } from "../calendar.js";
import type { LadderOverride, Milestone } from "../content/schema.js";
import type { LatestStatus, SentReminder, StatusKind } from "../ports.js";
import { addDays, atLocal, dayOf } from "../time.js";

/** The steps of the ladder that send a message. */
export type LadderKind = "before" | "due" | "overdue";

/** The resolved ladder of a milestone: content overrides merged over the defaults. */
export interface Ladder {
  enabled: boolean;
  /** Working days before the deadline, largest first (e.g. [7, 3, 1]). */
  before: number[];
  onDueDay: boolean;
  overdueEvery: number;
  overdueMax: number;
}

/** The default ladder: 7, 3, 1 working days before, the due day, then every 3 working days at most 3 times. */
export const DEFAULT_LADDER: Readonly<Ladder> = Object.freeze({
  enabled: true,
  before: [7, 3, 1],
  onDueDay: true,
  overdueEvery: 3,
  overdueMax: 3,
});

/** After this many overdue reminders an item is escalated to the coordinators (fewer if the ladder has fewer). */
export const ESCALATE_AFTER_OVERDUE = 2;

/** One planned reminder of one milestone for one agency. */
export interface LadderEntry {
  /** Deterministic: `${milestoneId}|${agencyId}|${kind}:${step}`. */
  key: string;
  milestoneId: string;
  agencyId: string;
  kind: LadderKind;
  /** For `before`: working days before the deadline; `due`: 0; `overdue`: 1, 2, 3… */
  step: number;
  /** The working day it goes out on (YYYY-MM-DD). */
  day: string;
}

/** An item (milestone and agency) that is overdue after its second overdue reminder. */
export interface EscalationItem {
  milestoneId: string;
  agencyId: string;
  /** The overdue step after which it escalates (normally 2). */
  afterStep: number;
  /** The working day the escalation is planned for. */
  day: string;
  /** The latest reported status, if any (never "done"). */
  status?: StatusKind;
}

/** The deterministic key of a ladder step. */
export function reminderKey(milestoneId: string, agencyId: string, kind: LadderKind, step: number): string {
  return `${milestoneId}|${agencyId}|${kind}:${step}`;
}

/** The key of a milestone and agency pair, used for escalation records. */
export function pairKey(milestoneId: string, agencyId: string): string {
  return `${milestoneId}|${agencyId}`;
}

/** Merges a milestone's `reminders` override over {@link DEFAULT_LADDER}. */
export function resolveLadder(override: LadderOverride | undefined): Ladder {
  const before = [...new Set(override?.before ?? DEFAULT_LADDER.before)].sort((a, b) => b - a);
  return {
    enabled: override?.enabled ?? DEFAULT_LADDER.enabled,
    before,
    onDueDay: override?.onDueDay ?? DEFAULT_LADDER.onDueDay,
    overdueEvery: override?.overdueEvery ?? DEFAULT_LADDER.overdueEvery,
    overdueMax: override?.overdueMax ?? DEFAULT_LADDER.overdueMax,
  };
}

/**
 * The working day reminders treat as the deadline: the deadline itself when it is a working day,
 * else the working day before it (a Saturday deadline is reminded on Friday; a month's on its last working day).
 */
export function reminderDueDay(milestone: Milestone, calendar: WorkingCalendar): string {
  return calendar.onOrBefore(milestone.dueParsed.end);
}

/** Every ladder step of one milestone for one agency, in date order. Empty when reminders are disabled. */
export function ladderFor(milestone: Milestone, agencyId: string, calendar: WorkingCalendar): LadderEntry[] {
  const ladder = resolveLadder(milestone.reminders);
  if (!ladder.enabled) return [];
  const due = reminderDueDay(milestone, calendar);
  const entry = (kind: LadderKind, step: number, day: string): LadderEntry => ({
    key: reminderKey(milestone.id, agencyId, kind, step),
    milestoneId: milestone.id,
    agencyId,
    kind,
    step,
    day,
  });
  const out: LadderEntry[] = ladder.before.map((n) => entry("before", n, calendar.shift(due, n)));
  if (ladder.onDueDay) out.push(entry("due", 0, due));
  for (let k = 1; k <= ladder.overdueMax; k++) out.push(entry("overdue", k, calendar.shift(due, -k * ladder.overdueEvery)));
  return out;
}

/**
 * When an item of this milestone escalates: the working day after its second overdue reminder
 * (after the last overdue one when the ladder has fewer, after the due day when it has none).
 * Undefined when reminders are disabled.
 */
export function escalationFor(milestone: Milestone, calendar: WorkingCalendar): { day: string; afterStep: number } | undefined {
  const ladder = resolveLadder(milestone.reminders);
  if (!ladder.enabled) return undefined;
  const due = reminderDueDay(milestone, calendar);
  const afterStep = Math.min(ESCALATE_AFTER_OVERDUE, ladder.overdueMax);
  const lastReminder = calendar.shift(due, -afterStep * ladder.overdueEvery);
  return { day: calendar.shift(lastReminder, -1), afterStep };
}

/** Whether a status stops the ladder: "done" ends it, "blocked" pauses it (the coordinators are alerted instead). */
export function stopsReminders(status: StatusKind | undefined): boolean {
  return status === "done" || status === "blocked";
}

/** What the planner needs besides milestones, statuses, sent reminders, calendar and now. */
export interface PlanOptions {
  /** When reminders go out, HH:mm Asia/Ho_Chi_Minh (REMINDER_TIME). */
  reminderTime: string;
  /**
   * The first day whose unsent reminders count as missed: the last working day the job ran
   * before today. Undefined on the very first run, so nothing before today counts as missed.
   */
  missedSince?: string;
  /** Keys of missed reminders already counted in an earlier run. */
  skippedKeys?: ReadonlySet<string>;
  /** Pairs (`milestoneId|agencyId`) already escalated. */
  escalated?: ReadonlySet<string>;
}

/** What the reminder job should do now. */
export interface ReminderPlan {
  /** Today in Asia/Ho_Chi_Minh. */
  today: string;
  /**
   * False before today's reminder time and on non-working days: then nothing is due, and missed
   * reminders and escalations wait for the next working day's run.
   */
  active: boolean;
  /** Reminders to send now: today's, not yet sent, not stopped. */
  due: LadderEntry[];
  /** Reminders of earlier days that were never sent: not sent late, only counted once. */
  missed: LadderEntry[];
  /** Items to escalate to the coordinators today. */
  escalate: EscalationItem[];
}

/**
 * Plans the reminders due at `now`. Pure: the same arguments give the same plan.
 *
 * ```ts
 * const plan = planReminders(content.milestones, await store.statuses.latest(), await store.reminders.list(), calendar, clock.now(), { reminderTime: "08:30" });
 * ```
 */
export function planReminders(
  milestones: readonly Milestone[],
  latest: readonly LatestStatus[],
  sent: readonly Pick<SentReminder, "key">[],
  calendar: WorkingCalendar,
  now: Date,
  options: PlanOptions,
): ReminderPlan {
  const today = dayOf(now);
  const active = calendar.isWorkingDay(today) && now.getTime() >= atLocal(today, options.reminderTime).getTime();
  const plan: ReminderPlan = { today, active, due: [], missed: [], escalate: [] };
  if (!active) return plan;

  const sentKeys = new Set(sent.map((s) => s.key));
  const statusOf = new Map(latest.map((s) => [pairKey(s.milestoneId, s.agencyId), s.status]));
  const missedSince = options.missedSince ?? today;

  for (const m of milestones) {
    for (const agencyId of m.responsible) {
      const status = statusOf.get(pairKey(m.id, agencyId));
      if (status === "done") continue;
      if (!stopsReminders(status)) {
        for (const e of ladderFor(m, agencyId, calendar)) {
          if (sentKeys.has(e.key)) continue;
          if (e.day === today) plan.due.push(e);
          else if (e.day < today && e.day >= missedSince && !options.skippedKeys?.has(e.key)) plan.missed.push(e);
        }
      }
      const esc = escalationFor(m, calendar);
      if (esc && esc.day <= today && !options.escalated?.has(pairKey(m.id, agencyId))) {
        plan.escalate.push({ milestoneId: m.id, agencyId, afterStep: esc.afterStep, day: esc.day, status });
      }
    }
  }
  const order = (a: { milestoneId: string; agencyId: string }, b: { milestoneId: string; agencyId: string }) =>
    a.milestoneId.localeCompare(b.milestoneId) || a.agencyId.localeCompare(b.agencyId);
  plan.due.sort(order);
  plan.missed.sort((a, b) => a.day.localeCompare(b.day) || order(a, b));
  plan.escalate.sort((a, b) => a.day.localeCompare(b.day) || order(a, b));
  return plan;
}

/** One row of the reminder calendar the CLI prints. */
export interface CalendarRow {
  date: string;
  time: string;
  milestoneId: string;
  agencyId: string;
  kind: LadderKind | "escalation";
  step: number;
}

/**
 * The reminder calendar from `from` to `to` (inclusive) assuming nobody reports anything:
 * every ladder step, and one escalation row per milestone and agency on the working day after
 * its second overdue reminder (the chat message aggregates a day's rows into one message).
 */
export function reminderCalendar(
  milestones: readonly Milestone[],
  calendar: WorkingCalendar,
  range: { from: string; to: string },
  reminderTime: string,
): CalendarRow[] {
  const rows: CalendarRow[] = [];
  const inRange = (day: string) => day >= range.from && day <= range.to;
  for (const m of milestones) {
    for (const agencyId of m.responsible) {
      for (const e of ladderFor(m, agencyId, calendar)) {
        if (inRange(e.day)) rows.push({ date: e.day, time: reminderTime, milestoneId: m.id, agencyId, kind: e.kind, step: e.step });
      }
      const esc = escalationFor(m, calendar);
      if (esc && inRange(esc.day)) {
        rows.push({ date: esc.day, time: reminderTime, milestoneId: m.id, agencyId, kind: "escalation", step: esc.afterStep });
      }
    }
  }
  const kindOrder: Record<CalendarRow["kind"], number> = { before: 0, due: 1, overdue: 2, escalation: 3 };
  return rows.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      kindOrder[a.kind] - kindOrder[b.kind] ||
      a.milestoneId.localeCompare(b.milestoneId) ||
      a.agencyId.localeCompare(b.agencyId) ||
      a.step - b.step,
  );
}

/** Every day from `from` to `to` inclusive (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
