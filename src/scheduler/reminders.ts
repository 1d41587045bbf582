/**
 * The reminder job: every day at REMINDER_TIME (Asia/Ho_Chi_Minh) and once at start-up,
 * it plans, sends the reminders due today, and sends the coordinators' escalation.
 *
 * Run records it keeps (store.runs):
 * - `reminders-tick|YYYY-MM-DD`: the job acted on that working day (the start of the "missed" window);
 * - `escalation|YYYY-MM-DD`: the day's one escalation message, with the pairs it escalated and
 *   the keys of missed reminders it counted, so neither is reported twice.
 */
import type { Services } from "../core/command.js";
import { planMessage, sendPlanned } from "../core/delivery.js";
import { coordinatorChats, type DeliverDeps, deliverReminders } from "../core/reminders/deliver.js";
import { type EscalationInput, escalationMessage, hasEscalationContent } from "../core/reminders/message.js";
import { pairKey, planReminders, type ReminderPlan } from "../core/reminders/planner.js";
import { dayOf } from "../core/time.js";
import type { Scheduler } from "./scheduler.js";

/** What the job needs from the services. */
export type ReminderJobDeps = DeliverDeps & Pick<Services, "clock" | "settings">;

/** What one tick did, for logs and tests. */
export interface TickReport {
  today: string;
  /** False before the reminder time and on non-working days: nothing was done. */
  active: boolean;
  /** Keys sent by this tick (claimed here, not by another tick). */
  sent: string[];
  /** Missed reminders of earlier days counted (not sent late). */
  skipped: number;
  /** Pairs escalated by this tick. */
  escalated: string[];
  /** Agencies that could not be reached today. */
  unreachable: string[];
  /** Whether this tick sent the day's escalation message. */
  escalationSent: boolean;
}

/** The reminder job. `tick` is safe to call any number of times: keys and run records make it idempotent. */
export interface ReminderJob {
  tick(): Promise<TickReport>;
}

const TICK_PREFIX = "reminders-tick|";
const ESCALATION_PREFIX = "escalation|";

interface EscalationData {
  items?: string[];
  skipped?: string[];
}

/** Creates the reminder job. Ticks in one process run one after the other, never interleaved. */
export function createReminderJob(deps: ReminderJobDeps): ReminderJob {
  let chain: Promise<unknown> = Promise.resolve();
  const tick = (): Promise<TickReport> => {
    const next = chain.then(() => runTick(deps));
    chain = next.catch(() => undefined);
    return next;
  };
  return { tick };
}

async function runTick(deps: ReminderJobDeps): Promise<TickReport> {
  const { store, content, log } = deps;
  const now = deps.clock.now();
  const at = now.toISOString();
  const plan = await planNow(deps, now);
  const report: TickReport = { today: plan.today, active: plan.active, sent: [], skipped: 0, escalated: [], unreachable: [], escalationSent: false };
  if (!plan.active) return report;
  await store.runs.claim({ key: `${TICK_PREFIX}${plan.today}`, at });

  const unreachable = new Map<string, { agencyId: string; milestoneIds: string[]; reason: "no-recipient" | "delivery-failed" }>();
  const outcomes = await deliverReminders(
    deps,
    plan.due.map((entry) => ({ ...entry, milestone: content.milestones.find((m) => m.id === entry.milestoneId)!, plannedFor: entry.day, today: plan.today, now })),
  );
  for (const entry of plan.due) {
    const outcome = outcomes.get(entry.key)!;
    if (!outcome.claimed) continue;
    report.sent.push(entry.key);
    const reached = outcome.results.some((r) => r.result === "ok");
    if (!reached) {
      const u = unreachable.get(entry.agencyId) ?? {
        agencyId: entry.agencyId,
        milestoneIds: [],
        reason: outcome.recipients.length === 0 ? ("no-recipient" as const) : ("delivery-failed" as const),
      };
      if (!u.milestoneIds.includes(entry.milestoneId)) u.milestoneIds.push(entry.milestoneId);
      unreachable.set(entry.agencyId, u);
    }
  }
  report.unreachable = [...unreachable.keys()];

  const input: EscalationInput = { content, today: plan.today, items: plan.escalate, unreachable: [...unreachable.values()], skipped: plan.missed.length };
  const coordinators = await coordinatorChats(store);
  if (hasEscalationContent(input) && coordinators.length === 0) {
    // Nothing is recorded, so the items are escalated once a coordinator is registered.
    log.warn({ day: plan.today, items: plan.escalate.length, skipped: plan.missed.length }, "reminders: no coordinator is registered; the escalation waits for one");
  } else if (hasEscalationContent(input)) {
    const data: EscalationData = { items: plan.escalate.map((i) => pairKey(i.milestoneId, i.agencyId)), skipped: plan.missed.map((m) => m.key) };
    // One escalation per working day: a second tick the same day finds the day claimed and says nothing.
    // The day is claimed together with the intents of its messages, so a crash before the send repeats it after the restart.
    const ref = `${ESCALATION_PREFIX}${plan.today}`;
    const body = escalationMessage(input);
    const planned = coordinators.map((chatKey) => planMessage(chatKey, body, ref, at));
    const claimed = await store.runs.claim({ key: ref, at, data }, planned.map((p) => p.intent));
    if (claimed) {
      report.escalationSent = true;
      report.escalated = data.items ?? [];
      report.skipped = plan.missed.length;
      await sendPlanned(deps, planned, at);
    }
  }
  log.info(
    { day: plan.today, sent: report.sent.length, skipped: report.skipped, escalated: report.escalated.length, unreachable: report.unreachable },
    "reminders: tick done",
  );
  return report;
}

/** The plan at `now`, with the missed window, the counted missed keys and the escalated pairs read from run records. */
async function planNow(deps: ReminderJobDeps, now: Date): Promise<ReminderPlan> {
  const { store } = deps;
  const today = dayOf(now);
  // Everything the planner reads, loaded in one round; the planner itself is pure.
  const [ticks, escalations, latest, sent] = await Promise.all([
    store.runs.list(TICK_PREFIX),
    store.runs.list(ESCALATION_PREFIX),
    store.statuses.latest(),
    store.reminders.list(),
  ]);
  const lastTick = ticks
    .map((r) => r.key.slice(TICK_PREFIX.length))
    .filter((day) => day < today)
    .sort()
    .at(-1);
  const skippedKeys = new Set<string>();
  const escalated = new Set<string>();
  for (const run of escalations) {
    const data = (run.data ?? {}) as EscalationData;
    for (const k of data.skipped ?? []) skippedKeys.add(k);
    for (const p of data.items ?? []) escalated.add(p);
  }
  return planReminders(deps.content.milestones, latest, sent, deps.calendar, now, {
    reminderTime: deps.settings.reminderTime,
    missedSince: lastTick,
    skippedKeys,
    escalated,
  });
}

/** The cron rule for a daily job at HH:mm (evaluated in Asia/Ho_Chi_Minh by the scheduler). */
export function dailyCron(time: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) throw new Error(`reminders: REMINDER_TIME "${time}" is not HH:mm (use e.g. 08:30)`);
  return `${Number(m[2])} ${Number(m[1])} * * *`;
}

/** The name of the scheduled reminder job. */
export const REMINDER_JOB = "reminders";

/**
 * Schedules the reminder tick every day at REMINDER_TIME (the planner skips non-working days),
 * then runs it once now to catch up after downtime. Call it after the channel can send.
 * Resolves once the catch-up run is over; errors are logged by the scheduler, never thrown.
 *
 * ```ts
 * await startReminderJobs(scheduler, app.services);
 * ```
 */
export async function startReminderJobs(scheduler: Scheduler, deps: ReminderJobDeps, job: ReminderJob = createReminderJob(deps)): Promise<ReminderJob> {
  scheduler.add(REMINDER_JOB, dailyCron(deps.settings.reminderTime), async () => {
    await job.tick();
  });
  await scheduler.runNow(REMINDER_JOB);
  return job;
}
