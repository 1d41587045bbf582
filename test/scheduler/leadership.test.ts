import { describe, expect, it } from "vitest";
import type { Leadership, Logger } from "../../src/core/ports.js";
import { createSoleLeadership, FOLLOWING_MESSAGE, LEADING_MESSAGE, type LeadershipTimers, runWhileLeading } from "../../src/scheduler/leadership.js";
import type { Scheduler } from "../../src/scheduler/scheduler.js";

/** A lease the test hands out and takes back; `lose()` is a connection that ended. */
function switchableLeadership(initially: boolean): Leadership & { grant(on: boolean): void; lose(): void; releases: number } {
  let available = initially;
  let held = false;
  const lease = {
    releases: 0,
    grant(on: boolean) {
      available = on;
    },
    lose() {
      held = false;
      available = false;
    },
    async tryAcquire() {
      held = available;
      return held;
    },
    held: () => held,
    async release() {
      lease.releases++;
      held = false;
    },
  };
  return lease;
}

/** A scheduler that records what was added and run, with no node-schedule underneath. */
function recordingScheduler(log: string[], term: number): Scheduler & { bodies: Map<string, () => Promise<void>> } {
  const bodies = new Map<string, () => Promise<void>>();
  let last: Date | undefined;
  return {
    bodies,
    add(name, _cron, body) {
      log.push(`term${term}:add ${name}`);
      bodies.set(name, body);
    },
    async runNow(name) {
      await bodies.get(name)!();
      last = new Date(0);
    },
    names: () => [...bodies.keys()],
    lastRunAt: () => last,
    async stop() {
      log.push(`term${term}:stop`);
      bodies.clear();
    },
  };
}

/** Timers the test fires by hand. */
function manualTimers(): LeadershipTimers & { fire(): void; cleared: boolean } {
  let fn: (() => void) | undefined;
  const timers = {
    cleared: false,
    setInterval(f: () => void) {
      fn = f;
      return 1;
    },
    clearInterval() {
      timers.cleared = true;
    },
    fire() {
      fn?.();
    },
  };
  return timers;
}

function collectingLog(lines: string[]): Logger {
  const push = (_obj: object, msg?: string) => void lines.push(msg ?? "");
  return { debug: push, info: push, warn: push, error: push };
}

describe("runWhileLeading", () => {
  it("starts the jobs with their catch-up on the instance that holds the lease, and logs it once", async () => {
    const events: string[] = [];
    const lines: string[] = [];
    const leadership = switchableLeadership(true);
    const timers = manualTimers();
    let term = 0;
    const run = runWhileLeading({
      leadership,
      log: collectingLog(lines),
      timers,
      createScheduler: () => recordingScheduler(events, ++term),
      start: async (s) => {
        s.add("reminders", "0 8 * * *", async () => void events.push("tick"));
        await s.runNow("reminders");
      },
    });
    await run.ready;
    for (let i = 0; i < 3; i++) {
      timers.fire();
      await run.check();
    }
    expect(events).toEqual(["term1:add reminders", "tick"]);
    expect(lines.filter((l) => l === LEADING_MESSAGE)).toHaveLength(1);
    expect(run.leading()).toBe(true);
    await run.stop();
    expect(events.at(-1)).toBe("term1:stop");
    expect(leadership.releases).toBe(1);
    expect(timers.cleared).toBe(true);
  });

  it("runs nothing while another instance holds the lease, and takes over with a full catch-up once it can", async () => {
    const events: string[] = [];
    const lines: string[] = [];
    const leadership = switchableLeadership(false);
    const timers = manualTimers();
    let term = 0;
    const run = runWhileLeading({
      leadership,
      log: collectingLog(lines),
      timers,
      createScheduler: () => recordingScheduler(events, ++term),
      start: async (s) => {
        s.add("digest", "0 8 * * 1", async () => void events.push(`catch-up in term ${term}`));
        await s.runNow("digest");
      },
    });
    await run.ready;
    timers.fire();
    await run.check();
    expect(events).toEqual([]);
    expect(run.leading()).toBe(false);
    expect(lines.filter((l) => l === FOLLOWING_MESSAGE)).toHaveLength(1);

    leadership.grant(true);
    await run.check();
    expect(events).toEqual(["term1:add digest", "catch-up in term 1"]);
    expect(lines.filter((l) => l === LEADING_MESSAGE)).toHaveLength(1);
    await run.stop();
  });

  it("cancels its jobs when the lease is lost, skips a job that comes due before the check, and catches up again on a new term", async () => {
    const events: string[] = [];
    const lines: string[] = [];
    const leadership = switchableLeadership(true);
    let term = 0;
    const schedulers: ReturnType<typeof recordingScheduler>[] = [];
    const run = runWhileLeading({
      leadership,
      log: collectingLog(lines),
      timers: manualTimers(),
      createScheduler: () => {
        const s = recordingScheduler(events, ++term);
        schedulers.push(s);
        return s;
      },
      start: async (s) => {
        s.add("reminders", "0 8 * * *", async () => void events.push(`tick ${term}`));
        await s.runNow("reminders");
      },
    });
    await run.ready;
    leadership.lose();
    // The job comes due between the lost connection and the next check: it is skipped.
    await schedulers[0]!.bodies.get("reminders")!();
    expect(events).toEqual(["term1:add reminders", "tick 1"]);
    expect(lines).toContain("scheduler: skipped a job: this instance no longer holds the scheduler lease");

    await run.check();
    expect(events.at(-1)).toBe("term1:stop");
    expect(lines.filter((l) => l === FOLLOWING_MESSAGE)).toHaveLength(1);

    leadership.grant(true);
    await run.check();
    expect(events.slice(-2)).toEqual(["term2:add reminders", "tick 2"]);
    expect(lines.filter((l) => l === LEADING_MESSAGE)).toHaveLength(2);
    await run.stop();
  });

  it("waits for a start-up sequence still running before it stops that term's jobs", async () => {
    const events: string[] = [];
    const leadership = switchableLeadership(true);
    let finish!: () => void;
    const run = runWhileLeading({
      leadership,
      log: collectingLog([]),
      timers: manualTimers(),
      createScheduler: () => recordingScheduler(events, 1),
      start: async (s) => {
        await new Promise<void>((resolve) => (finish = resolve));
        s.add("late", "* * * * *", async () => undefined);
      },
    });
    await run.ready;
    leadership.lose();
    const checked = run.check();
    await Promise.resolve();
    expect(events).toEqual([]);
    finish();
    await checked;
    expect(events).toEqual(["term1:add late", "term1:stop"]);
    await run.stop();
  });

  it("treats a lease that cannot be checked (database down) as not held, and says so", async () => {
    const lines: string[] = [];
    const events: string[] = [];
    const run = runWhileLeading({
      leadership: { tryAcquire: async () => Promise.reject(new Error("connect ECONNREFUSED")), held: () => false, release: async () => undefined },
      log: collectingLog(lines),
      timers: manualTimers(),
      createScheduler: () => recordingScheduler(events, 1),
      start: async () => void events.push("started"),
    });
    await run.ready;
    await run.check();
    await run.check();
    expect(events).toEqual([]);
    expect(lines.filter((l) => l === "scheduler: could not check which instance runs the scheduled jobs; trying again")).toHaveLength(1);
    await run.stop();
  });
});

describe("createSoleLeadership", () => {
  it("leads from the first check until it is released", async () => {
    const sole = createSoleLeadership();
    expect(sole.held()).toBe(false);
    expect(await sole.tryAcquire()).toBe(true);
    expect(sole.held()).toBe(true);
    await sole.release();
    expect(sole.held()).toBe(false);
    expect(await sole.tryAcquire()).toBe(false);
  });
});
