import { digestRunKey } from "../core/digest/build.js";
import { type DigestSendDeps, type DigestSendOutcome, sendWeeklyDigest } from "../core/digest/send.js";
import { addDays, atLocal, dayOf, isoWeekday, type Clock } from "../core/time.js";
import { firstMatchBetween } from "./cron-match.js";
import type { Scheduler } from "./scheduler.js";

/** The name of the weekly digest job. */
export const DIGEST_JOB = "weekly-digest";
/** Monday 08:00 Asia/Ho_Chi_Minh: the default of DIGEST_CRON. */
export const DEFAULT_DIGEST_CRON = "0 8 * * 1";

/** What the weekly digest job needs. */
export interface DigestJobDeps extends DigestSendDeps {
  clock: Clock;
  /** DIGEST_CRON; defaults to {@link DEFAULT_DIGEST_CRON}. */
  cron?: string;
}

/**
 * The first scheduled time of the digest in the ISO week of `now` (Asia/Ho_Chi_Minh) that is
 * not after `now`, or null when the rule has not come round yet this week.
 */
export function scheduledThisWeek(cron: string, now: Date): Date | null {
  const today = dayOf(now);
  const monday = atLocal(addDays(today, 1 - isoWeekday(today)));
  return firstMatchBetween(cron, monday, now);
}

/** The run key that records when this data file first ran the scheduler. */
export const INSTALLED_RUN_KEY = "installed";

/**
 * When the assistant first started on this data file. On the first start it is recorded as now; a store that
 * already sent a digest but predates the record counts as installed long ago.
 */
async function installedAt(deps: DigestJobDeps, now: Date): Promise<Date> {
  const recorded = await deps.store.runs.get(INSTALLED_RUN_KEY);
  if (recorded) return new Date(recorded.at);
  const earlier = (await deps.store.runs.list("digest|")).length > 0;
  const at = earlier ? new Date(0) : now;
  if (await deps.store.runs.claim({ key: INSTALLED_RUN_KEY, at: at.toISOString() })) return at;
  // Another instance recorded it in the meantime: its record is the one that counts.
  const theirs = await deps.store.runs.get(INSTALLED_RUN_KEY);
  return theirs ? new Date(theirs.at) : at;
}

/**
 * Schedules the weekly digest on DIGEST_CRON and catches up at start-up: if this ISO week's
 * digest was not sent and its scheduled time has passed (the process was down on Monday),
 * it is sent now. Only the current week is caught up; a later week runs on its own schedule.
 * Resolves to the catch-up outcome, or null when there was nothing to catch up.
 *
 * ```ts
 * await startDigestJob(scheduler, { content, store, clock, outbox, log, settings, charts, cron: config.DIGEST_CRON });
 * ```
 */
export async function startDigestJob(scheduler: Scheduler, deps: DigestJobDeps): Promise<DigestSendOutcome | null> {
  const cron = deps.cron ?? DEFAULT_DIGEST_CRON;
  let last: DigestSendOutcome | null = null;
  scheduler.add(DIGEST_JOB, cron, async () => {
    last = await sendWeeklyDigest(deps, deps.clock.now());
  });
  const now = deps.clock.now();
  // A fresh install has no week it missed: the first digest goes out on the next schedule, not a backlog now.
  const installed = await installedAt(deps, now);
  const scheduled = scheduledThisWeek(cron, now);
  if ((await deps.store.runs.get(digestRunKey(now))) || scheduled === null) return null;
  if (installed.getTime() > scheduled.getTime()) {
    deps.log.info({ key: digestRunKey(now) }, "digest: first start after this week's digest time; the first digest follows the schedule");
    return null;
  }
  deps.log.info({ key: digestRunKey(now) }, "digest: this week's digest was missed while the process was down; sending it now");
  await scheduler.runNow(DIGEST_JOB);
  return last;
}
