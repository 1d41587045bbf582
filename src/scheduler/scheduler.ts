import schedule, { type Job } from "node-schedule";
import type { Logger } from "../core/ports.js";
import { TIME_ZONE } from "../core/time.js";

/** A set of node-schedule jobs that all run in Asia/Ho_Chi_Minh and never crash the process. */
export interface Scheduler {
  /**
   * Adds a job on a cron rule (5 fields, e.g. "30 8 * * *"), evaluated in Asia/Ho_Chi_Minh.
   * The body is wrapped: an error is logged with the job name and never escapes.
   */
  add(name: string, cron: string, body: () => Promise<void>): void;
  /** Runs a job body now, wrapped the same way (for catch-up at start-up). */
  runNow(name: string): Promise<void>;
  /** Names of the scheduled jobs. */
  names(): string[];
  /** When a job body last finished (successfully or not), for /healthz. */
  lastRunAt(): Date | undefined;
  /** Cancels every job and waits for running bodies to finish. */
  stop(): Promise<void>;
}

/** Creates a {@link Scheduler}. The only place in the code that uses node-schedule. */
export function createScheduler(log: Logger): Scheduler {
  const jobs = new Map<string, { job: Job; body: () => Promise<void> }>();
  const running = new Set<Promise<void>>();
  let lastRun: Date | undefined;

  const wrap = (name: string, body: () => Promise<void>) => async () => {
    const started = Date.now();
    const run = (async () => {
      try {
        await body();
        log.debug({ job: name, ms: Date.now() - started }, "scheduler: job done");
      } catch (error) {
        log.error({ job: name, err: error }, "scheduler: job failed; it will run again at its next time");
      }
    })();
    running.add(run);
    await run;
    running.delete(run);
    lastRun = new Date();
  };

  return {
    add(name, cron, body) {
      if (jobs.has(name)) throw new Error(`scheduler: a job named "${name}" exists already; cancel it first or pick another name`);
      const job = schedule.scheduleJob(name, { rule: cron, tz: TIME_ZONE }, wrap(name, body));
      // node-schedule returns null instead of throwing on a rule it cannot use.
      if (!job) throw new Error(`scheduler: cannot schedule "${name}" with rule "${cron}" (check the cron expression)`);
      job.on("error", (error) => log.error({ job: name, err: error }, "scheduler: job error"));
      jobs.set(name, { job, body });
    },
    async runNow(name) {
      const entry = jobs.get(name);
      if (!entry) throw new Error(`scheduler: no job named "${name}"`);
      await wrap(name, entry.body)();
    },
    names: () => [...jobs.keys()],
    lastRunAt: () => lastRun,
    async stop() {
      for (const { job } of jobs.values()) job.cancel();
      jobs.clear();
      await Promise.all(running);
    },
  };
}
