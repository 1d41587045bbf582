/**
 * The reminder job fires at 08:30 Asia/Ho_Chi_Minh whatever the machine's TZ says.
 *
 * Node re-reads `process.env.TZ` when it is assigned at run time (since Node 13), so one test
 * file can run the same scenario under several zones. Each run first proves that the zone
 * really changed (the local offset of 1 January), so the test cannot pass by accident.
 * `TZ=America/New_York npx vitest run test/scheduler` also works: vitest.config passes TZ on.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createWorkingCalendar } from "../../src/core/calendar.js";
import { createFixedClock } from "../../src/core/time.js";
import { REMINDER_JOB, type ReminderJob, type TickReport, startReminderJobs } from "../../src/scheduler/reminders.js";
import { createScheduler } from "../../src/scheduler/scheduler.js";
import { openStore } from "../../src/store/open-store.js";
import { createMemoryLogger, createRecordingOutbox, realContent } from "../helpers/app.js";

const ZONES = [
  { tz: "UTC", januaryOffset: 0 },
  { tz: "America/New_York", januaryOffset: 300 },
];

const originalTz = process.env.TZ;

afterEach(() => {
  vi.useRealTimers();
  process.env.TZ = originalTz;
});

describe.each(ZONES)("the reminder schedule under TZ=$tz", ({ tz, januaryOffset }) => {
  it("fires at 08:30 ICT every day, plus once at start-up to catch up", async () => {
    process.env.TZ = tz;
    expect(new Date(Date.UTC(2025, 0, 1, 12)).getTimezoneOffset()).toBe(januaryOffset);

    vi.useFakeTimers();
    // Friday 09/05/2025 08:00 ICT.
    vi.setSystemTime(new Date("2025-05-09T01:00:00Z"));
    const fired: string[] = [];
    const job: ReminderJob = {
      async tick() {
        fired.push(new Date().toISOString());
        return {} as TickReport;
      },
    };
    const { deps, scheduler } = await setUp("2025-05-09T01:00:00Z");
    try {
      await startReminderJobs(scheduler, deps, job);
      expect(scheduler.names()).toEqual([REMINDER_JOB]);
      expect(fired).toEqual(["2025-05-09T01:00:00.000Z"]);

      await vi.advanceTimersByTimeAsync(29 * 60_000 + 59_000);
      expect(fired).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(fired).toEqual(["2025-05-09T01:00:00.000Z", "2025-05-09T01:30:00.000Z"]);

      await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
      expect(fired.at(-1)).toBe("2025-05-10T01:30:00.000Z");
      expect(fired).toHaveLength(3);
    } finally {
      await scheduler.stop();
    }
    expect(scheduler.names()).toEqual([]);
    await vi.advanceTimersByTimeAsync(48 * 60 * 60_000);
    expect(fired).toHaveLength(3);
  });

  it("logs a failing tick and keeps the schedule alive", async () => {
    process.env.TZ = tz;
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2025-05-09T01:29:00Z"));
    let calls = 0;
    const job: ReminderJob = {
      async tick() {
        calls += 1;
        throw new Error("outbox down");
      },
    };
    const { deps, log, scheduler } = await setUp("2025-05-09T01:29:00Z");
    try {
      await startReminderJobs(scheduler, deps, job);
      await vi.advanceTimersByTimeAsync(60_000 + 24 * 60 * 60_000);
      expect(calls).toBe(3);
      expect(log.entries.filter((e) => e.level === "error" && (e.obj as { job?: string }).job === REMINDER_JOB)).toHaveLength(3);
    } finally {
      await scheduler.stop();
    }
  });
});

/** The reminder job's dependencies on the real content, an in-memory store and a clock frozen at `at`. */
async function setUp(at: string) {
  const content = await realContent();
  const log = createMemoryLogger();
  const deps = {
    content,
    calendar: createWorkingCalendar(content.calendar),
    store: await openStore({ file: ":memory:" }),
    outbox: createRecordingOutbox(),
    log,
    clock: createFixedClock(at),
    settings: { adminKeys: [], reminderTime: "08:30" },
  };
  return { deps, log, scheduler: createScheduler(log) };
}
