/**
 * Which instance runs the scheduled jobs, and starting or stopping them as that changes.
 *
 * With the embedded file store there is one process (the data file's lock sees to that), so it always leads
 * ({@link createSoleLeadership}). With PostgreSQL, several instances share the database and an advisory lock
 * decides (src/store/postgres/leadership.ts). {@link runWhileLeading} checks the lease every few seconds: the
 * instance that gains it builds a fresh scheduler and runs the same start-up sequence a restart runs (unconfirmed
 * messages, then each job with its catch-up), so a takeover catches up exactly like a restart does; the instance
 * that loses it cancels its jobs. A brief overlap cannot send anything twice: every reminder, digest and
 * escalation is claimed in the store under a unique key before it is sent.
 */
import type { Leadership, Logger } from "../core/ports.js";
import type { Scheduler } from "./scheduler.js";

/** The leadership of a process that is alone on its store: it leads from the first check until released. */
export function createSoleLeadership(): Leadership {
  let released = false;
  let held = false;
  return {
    async tryAcquire() {
      held = !released;
      return held;
    },
    held: () => held,
    async release() {
      released = true;
      held = false;
    },
  };
}

/** How often the lease is checked (and tried by the instances that do not hold it). */
export const LEADERSHIP_CHECK_MS = 5_000;

/** The timer functions {@link runWhileLeading} uses; tests pass fake ones. */
export interface LeadershipTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Options of {@link runWhileLeading}. */
export interface LeaderRunOptions {
  leadership: Leadership;
  log: Logger;
  /** A new, empty scheduler for each term as leader (a stopped one cannot be reused). */
  createScheduler: () => Scheduler;
  /**
   * Adds the jobs to the term's scheduler and runs their catch-up. Called at every gain of the lease;
   * errors are logged, never thrown. It may keep running in the background: it is awaited before the jobs are stopped.
   */
  start: (scheduler: Scheduler) => Promise<void>;
  /** Default {@link LEADERSHIP_CHECK_MS}. */
  everyMs?: number;
  timers?: LeadershipTimers;
}

/** A running {@link runWhileLeading}. */
export interface LeaderRun {
  /** Resolves once the first check is over (this instance leads, or knows another one does). */
  ready: Promise<void>;
  /** Whether this instance runs the scheduled jobs now. */
  leading(): boolean;
  /** When a job body last finished on this instance, for /healthz. */
  lastRunAt(): Date | undefined;
  /** Checks the lease now (also what the timer does); checks never overlap. Resolves once this check is done. */
  check(): Promise<void>;
  /** Stops checking, cancels the jobs (waiting for running bodies) and gives the lease up. */
  stop(): Promise<void>;
}

const defaultTimers: LeadershipTimers = {
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

/** How often the same failure to check the lease is logged again. */
const PROBLEM_REPEAT_MS = 60_000;

/** Logged once per change, so an operator can tell from any instance's log where the jobs run. */
export const LEADING_MESSAGE = "scheduler: this instance now runs the scheduled jobs";
/** Logged once per change (and at start when another instance already leads). */
export const FOLLOWING_MESSAGE = "scheduler: another instance runs the scheduled jobs; this one takes over if it stops";

/**
 * Runs the scheduled jobs only while this instance holds the lease, checking it now and every `everyMs`.
 *
 * ```ts
 * const jobs = runWhileLeading({ leadership, log, createScheduler: () => createScheduler(log), start: async (s) => { await startReminderJobs(s, services); } });
 * await jobs.ready;
 * // at shutdown
 * await jobs.stop();
 * ```
 */
export function runWhileLeading(options: LeaderRunOptions): LeaderRun {
  const { leadership, log } = options;
  const timers = options.timers ?? defaultTimers;
  let term: { scheduler: Scheduler; started: Promise<void> } | undefined;
  let lastRun: Date | undefined;
  /** What the log last said: undefined before the first check. */
  let said: "leading" | "following" | undefined;
  let stopped = false;
  let chain: Promise<void> = Promise.resolve();
  let lastProblem: string | undefined;
  let lastProblemAt = 0;

  const endTerm = async (): Promise<void> => {
    const ending = term;
    if (!ending) return;
    term = undefined;
    // Jobs added by a start-up sequence still running would escape the stop: let it finish first.
    await ending.started;
    lastRun = latest(lastRun, ending.scheduler.lastRunAt());
    await ending.scheduler.stop();
  };

  const checkOnce = async (): Promise<void> => {
    if (stopped) return;
    let holds: boolean;
    try {
      holds = await leadership.tryAcquire();
    } catch (error) {
      // Every few seconds while the database is down: said once, then at most once a minute.
      const message = (error as Error)?.message;
      const now = Date.now();
      if (message !== lastProblem || now - lastProblemAt >= PROBLEM_REPEAT_MS) {
        log.warn({ err: message }, "scheduler: could not check which instance runs the scheduled jobs; trying again");
        lastProblem = message;
        lastProblemAt = now;
      }
      holds = false;
    }
    if (stopped) return;
    if (holds && !term) {
      if (said !== "leading") log.info({}, LEADING_MESSAGE);
      said = "leading";
      const scheduler = options.createScheduler();
      const started = options.start(gated(scheduler, leadership, log)).catch((error: unknown) => log.error({ err: error }, "scheduler: the scheduled jobs could not all start"));
      term = { scheduler, started };
    } else if (!holds) {
      if (said !== "following") log.info({}, FOLLOWING_MESSAGE);
      said = "following";
      await endTerm();
    }
  };

  const check = (): Promise<void> => {
    const next = chain.then(checkOnce);
    chain = next.catch(() => undefined);
    return next;
  };

  const ready = check();
  const handle = timers.setInterval(() => void check(), options.everyMs ?? LEADERSHIP_CHECK_MS);
  return {
    ready,
    leading: () => term !== undefined && leadership.held(),
    lastRunAt: () => latest(lastRun, term?.scheduler.lastRunAt()),
    check,
    async stop() {
      stopped = true;
      timers.clearInterval(handle);
      await chain;
      await endTerm();
      await leadership.release();
    },
  };
}

/**
 * The term's scheduler, whose job bodies first check the lease: between a lost connection and the next check,
 * a job that comes due on this instance is skipped (the new leader runs it, with its catch-up).
 */
function gated(scheduler: Scheduler, leadership: Leadership, log: Logger): Scheduler {
  return {
    ...scheduler,
    add(name, cron, body) {
      scheduler.add(name, cron, async () => {
        if (!leadership.held()) {
          log.warn({ job: name }, "scheduler: skipped a job: this instance no longer holds the scheduler lease");
          return;
        }
        await body();
      });
    },
  };
}

function latest(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}
