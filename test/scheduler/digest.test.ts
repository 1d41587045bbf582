import { afterEach, describe, expect, it, vi } from "vitest";
import type { Content } from "../../src/core/content/schema.js";
import type { DigestCharts } from "../../src/core/digest/types.js";
import { sendWeeklyDigest } from "../../src/core/digest/send.js";
import { type Clock, createFixedClock, systemClock } from "../../src/core/time.js";
import { INSTALLED_RUN_KEY, startDigestJob, scheduledThisWeek } from "../../src/scheduler/digest.js";
import { createScheduler, type Scheduler } from "../../src/scheduler/scheduler.js";
import { type ClosableStore, openStore } from "../../src/store/open-store.js";
import { fixtureContent } from "../core/digest/fixture.js";
import { createMemoryLogger, createRecordingOutbox } from "../helpers/app.js";

const ict = (local: string) => new Date(`${local}+07:00`);
const charts: DigestCharts = { statusChart: async () => new Uint8Array([0x89, 0x50, 0x4e, 0x47]) };

let schedulers: Scheduler[] = [];

afterEach(async () => {
  await Promise.all(schedulers.map((s) => s.stop()));
  schedulers = [];
  vi.useRealTimers();
});

async function setup(options: { coordinators?: boolean; admins?: string[] } = {}) {
  const content: Content = await fixtureContent();
  const store: ClosableStore = await openStore({ file: ":memory:" });
  if (options.coordinators !== false) {
    await store.people.grant({ userKey: "telegram:100", name: "A", role: "coordinator", chatKey: "telegram:100", grantedBy: "telegram:1", grantedAt: "2025-05-01T00:00:00.000Z" });
  }
  const log = createMemoryLogger();
  const outbox = createRecordingOutbox();
  const deps = (clock: Clock = createFixedClock(ict("2025-06-16T08:00:00"))) => ({
    content,
    store,
    clock,
    outbox,
    log,
    charts,
    settings: { adminKeys: (options.admins ?? []) as `telegram:${string}`[] },
  });
  const scheduler = () => {
    const s = createScheduler(log);
    schedulers.push(s);
    return s;
  };
  return { store, outbox, log, deps, scheduler };
}

describe("scheduledThisWeek", () => {
  it("is null on Monday before 08:00 and Monday 08:00 from then until Sunday", () => {
    expect(scheduledThisWeek("0 8 * * 1", ict("2025-06-16T07:59:00"))).toBeNull();
    expect(scheduledThisWeek("0 8 * * 1", ict("2025-06-16T08:00:00"))).toEqual(ict("2025-06-16T08:00:00"));
    expect(scheduledThisWeek("0 8 * * 1", ict("2025-06-22T23:59:00"))).toEqual(ict("2025-06-16T08:00:00"));
  });
});

describe("sendWeeklyDigest", () => {
  it("sends the messages, the chart and the CSV to every coordinator and records each delivery", async () => {
    const { store, outbox, deps } = await setup();
    const outcome = await sendWeeklyDigest(deps(), ict("2025-06-16T08:00:00"));
    expect(outcome.status).toBe("sent");
    expect(new Set(outbox.sent.map((m) => m.chatKey))).toEqual(new Set(["telegram:100"]));
    const attachments = outbox.sent.flatMap((m) => m.reply.attachments ?? []);
    expect(attachments.map((a) => [a.kind, a.filename])).toEqual([
      ["photo", "tong-hop-2025-W24.png"],
      ["document", "tong-hop-2025-W24.csv"],
    ]);
    expect(await store.reminders.deliveries({ ref: "digest|2025-W25" })).toHaveLength(outbox.sent.length);
  });

  it("never sends the same ISO week twice, even an hour later", async () => {
    const { outbox, deps } = await setup();
    await sendWeeklyDigest(deps(), ict("2025-06-16T08:00:00"));
    const count = outbox.sent.length;
    const again = await sendWeeklyDigest(deps(), ict("2025-06-16T09:00:00"));
    expect(again).toEqual({ status: "already-sent", key: "digest|2025-W25" });
    expect(outbox.sent).toHaveLength(count);
  });

  it("sends to the admins when there is no coordinator", async () => {
    const { outbox, deps } = await setup({ coordinators: false, admins: ["telegram:7", "telegram:8"] });
    await sendWeeklyDigest(deps(), ict("2025-06-16T08:00:00"));
    expect([...new Set(outbox.sent.map((m) => m.chatKey))]).toEqual(["telegram:7", "telegram:8"]);
  });

  it("claims nothing when nobody can receive it, so it still goes out once someone is registered", async () => {
    const { store, outbox, deps } = await setup({ coordinators: false });
    expect((await sendWeeklyDigest(deps(), ict("2025-06-16T08:00:00"))).status).toBe("no-recipients");
    expect(await store.runs.list("digest|")).toEqual([]);
    expect(outbox.sent).toEqual([]);
  });

  it("marks a coordinator's chat inactive when it blocked the bot", async () => {
    const { store, deps } = await setup();
    const d = { ...deps(), outbox: createRecordingOutbox(() => "blocked") };
    await sendWeeklyDigest(d, ict("2025-06-16T08:00:00"));
    expect((await store.chats.get("telegram:100"))?.active).toBe(false);
  });

  it("stores the snapshot, so next week's digest shows what changed", async () => {
    const { store, outbox, deps } = await setup();
    await sendWeeklyDigest(deps(), ict("2025-06-16T08:00:00"));
    await store.statuses.append({
      id: "s1", kind: "status", milestoneId: "email-accounts", agencyId: "ttcds-hcm", status: "done",
      userKey: "telegram:100", role: "coordinator", onBehalfOf: "ttcds-hcm", channel: "telegram", at: ict("2025-06-18T10:00:00").toISOString(),
    });
    outbox.sent.length = 0;
    await sendWeeklyDigest(deps(), ict("2025-06-23T08:00:00"));
    const text = outbox.sent.map((m) => m.reply.text.map((s) => (typeof s === "string" ? s : Object.values(s)[0])).join("")).join("\n");
    expect(text).toContain("So với bản tổng hợp trước (2025-W24): 1 thay đổi");
    expect(text).toContain("TTCĐS TP.HCM ❔→✅");
  });
});

describe("startDigestJob", () => {
  it("does not send at start-up on Monday before the scheduled time", async () => {
    const { outbox, deps, scheduler } = await setup();
    const outcome = await startDigestJob(scheduler(), deps(createFixedClock(ict("2025-06-16T07:30:00"))));
    expect(outcome).toBeNull();
    expect(outbox.sent).toEqual([]);
  });

  it("catches up on Wednesday when the process was down on Monday, once, and leaves next week alone", async () => {
    const { store, outbox, deps, scheduler } = await setup();
    // The assistant ran here before (it was installed two weeks earlier).
    await store.runs.claim({ key: INSTALLED_RUN_KEY, at: ict("2025-06-02T09:00:00").toISOString() });
    const clock = createFixedClock(ict("2025-06-18T10:00:00"));
    const first = await startDigestJob(scheduler(), deps(clock));
    expect(first?.status).toBe("sent");
    const sent = outbox.sent.length;
    expect(sent).toBeGreaterThan(0);

    // A restart the same week sends nothing.
    expect(await startDigestJob(scheduler(), deps(clock))).toBeNull();
    expect(outbox.sent).toHaveLength(sent);

    // Next Monday before 08:00: the new week's digest is not sent early, nor marked as sent.
    clock.set(ict("2025-06-23T07:00:00"));
    expect(await startDigestJob(scheduler(), deps(clock))).toBeNull();
    expect((await store.runs.list("digest|")).map((r) => r.key)).toEqual(["digest|2025-W25"]);
  });

  it("sends no backlog digest on a fresh install; the first digest follows the schedule", async () => {
    const { store, outbox, deps, scheduler } = await setup();
    const clock = createFixedClock(ict("2025-06-18T10:00:00"));
    expect(await startDigestJob(scheduler(), deps(clock))).toBeNull();
    expect(outbox.sent).toEqual([]);
    expect((await store.runs.get(INSTALLED_RUN_KEY))?.at).toBe(ict("2025-06-18T10:00:00").toISOString());
    // A restart later that week is still no reason for a backlog.
    clock.set(ict("2025-06-19T10:00:00"));
    expect(await startDigestJob(scheduler(), deps(clock))).toBeNull();
    // Down over the next Monday: that week's digest is caught up.
    clock.set(ict("2025-06-24T10:00:00"));
    expect((await startDigestJob(scheduler(), deps(clock)))?.status).toBe("sent");
  });

  it("sends on the cron rule at Monday 08:00 ICT", async () => {
    vi.useFakeTimers({ now: ict("2025-06-16T07:59:30"), toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
    const { store, outbox, deps, scheduler } = await setup();
    expect(await startDigestJob(scheduler(), deps(systemClock))).toBeNull();
    expect(outbox.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(async () => expect(await store.runs.get("digest|2025-W25")).toBeDefined());
    expect(outbox.sent.length).toBeGreaterThan(0);
  });
});
