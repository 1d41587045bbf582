import { mkdtemp, rm, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createWorkingCalendar } from "../../src/core/calendar.js";
import type { Content } from "../../src/core/content/schema.js";
import type { OutgoingMessage, Outbox, SendResult, Store } from "../../src/core/ports.js";
import { toPlain } from "../../src/core/reply.js";
import { createFixedClock } from "../../src/core/time.js";
import { recoverIntents } from "../../src/core/delivery.js";
import { createReminderJob, type ReminderJobDeps } from "../../src/scheduler/reminders.js";
import { type ClosableStore, openStore } from "../../src/store/open-store.js";
import { milestone } from "../core/reminders/fixtures.js";
import { createMemoryLogger, createRecordingOutbox, realContent } from "../helpers/app.js";

const LEAD_BD = "telegram:101" as const;
const GROUP_BRVT = "telegram:-2001" as const;
const COORDINATOR = "telegram:900" as const;

/**
 * Two milestones with real agency ids:
 * - email-lists (Saturday 10/05/2025): before:3 Tue 06/05, before:1 Thu 08/05, due Fri 09/05, overdue 14/05, 19/05, 22/05;
 * - video-call (Thursday 15/05/2025): before:7 Tue 06/05, before:3 Mon 12/05, before:1 Wed 14/05, due Thu 15/05.
 * Bình Dương has a lead, Bà Rịa - Vũng Tàu a group, TTCĐS nobody.
 */
let content: Content;
beforeAll(async () => {
  const real = await realContent();
  content = {
    ...real,
    milestones: [
      milestone("email-lists", "2025-05-10", { responsible: ["sokhcn-binhduong", "sokhcn-brvt"] }),
      milestone("video-call", "2025-05-15", { responsible: ["sokhcn-binhduong", "sokhcn-brvt", "ttcds-hcm"] }),
    ],
  };
});

async function register(store: Store): Promise<void> {
  const base = { grantedBy: "console:admin" as const, grantedAt: "2025-04-01T00:00:00.000Z" };
  await store.people.grant({ userKey: LEAD_BD, name: "Chị Lan", role: "lead", agencyId: "sokhcn-binhduong", chatKey: LEAD_BD, ...base });
  await store.people.grant({ userKey: COORDINATOR, name: "Anh Minh", role: "coordinator", chatKey: COORDINATOR, ...base });
  await store.chats.upsert({ chatKey: GROUP_BRVT, type: "group", title: "Sở KH&CN BR-VT", agencyId: "sokhcn-brvt", active: true });
}

function depsFor(store: Store, outbox: Outbox, now: string) {
  const clock = createFixedClock(now);
  const deps: ReminderJobDeps = {
    content,
    calendar: createWorkingCalendar(content.calendar),
    store,
    outbox,
    log: createMemoryLogger(),
    clock,
    settings: { adminKeys: [], reminderTime: "08:30" },
  };
  return { deps, clock };
}

/**
 * An outbox that answers the first `n` messages, then hangs forever, like a process killed mid-send.
 * `died` resolves when it starts hanging: the message in flight has been claimed by then.
 */
function dyingOutbox(n: number): Outbox & { sent: OutgoingMessage[]; died: Promise<void> } {
  const sent: OutgoingMessage[] = [];
  let die: () => void = () => undefined;
  const died = new Promise<void>((resolve) => {
    die = resolve;
  });
  return {
    sent,
    died,
    async send(messages) {
      const results: SendResult[] = [];
      for (const m of messages) {
        // The message was handed over (its intent marked attempted), and the process died during the request.
        await m.beforeSend?.();
        if (sent.length >= n) {
          die();
          return new Promise<SendResult[]>(() => undefined);
        }
        sent.push(m);
        results.push({ chatKey: m.chatKey, result: "ok", messageId: String(sent.length) });
      }
      return results;
    },
  };
}

const refs = (outbox: { sent: OutgoingMessage[] }) => outbox.sent.map((m) => `${m.ref} → ${m.chatKey}`);

describe("the reminder job", () => {
  it("sends today's reminders at 08:30 to the lead's private chat and the agency group, and stores each delivery", async () => {
    const store = await openStore({ file: ":memory:" });
    await register(store);
    const outbox = createRecordingOutbox();
    const { deps } = depsFor(store, outbox, "2025-05-09T08:30:00+07:00");
    const report = await createReminderJob(deps).tick();
    expect(report.sent).toEqual(["email-lists|sokhcn-binhduong|due:0", "email-lists|sokhcn-brvt|due:0"]);
    expect(refs(outbox)).toEqual([`email-lists|sokhcn-binhduong|due:0 → ${LEAD_BD}`, `email-lists|sokhcn-brvt|due:0 → ${GROUP_BRVT}`]);
    expect(await store.reminders.deliveries({ ref: "email-lists|sokhcn-binhduong|due:0" })).toEqual([
      { ref: "email-lists|sokhcn-binhduong|due:0", chatKey: LEAD_BD, result: "ok", messageId: "1000", intentId: expect.any(String), at: "2025-05-09T01:30:00.000Z" },
    ]);
    expect(await store.reminders.get("email-lists|sokhcn-brvt|due:0")).toMatchObject({ kind: "due", step: 0, plannedFor: "2025-05-09" });
  });

  it("leaves a pending reminder prompt in the lead's private chat only, so a bare 1–4 can answer it", async () => {
    const store = await openStore({ file: ":memory:" });
    await register(store);
    const { deps } = depsFor(store, createRecordingOutbox(), "2025-05-09T08:30:00+07:00");
    await createReminderJob(deps).tick();
    expect(await store.prompts.find(LEAD_BD, LEAD_BD, "2025-05-09T02:00:00.000Z")).toMatchObject({
      kind: "reminder",
      ref: "email-lists|sokhcn-binhduong|due:0",
      messageId: "1000",
    });
    expect(await store.prompts.find(GROUP_BRVT, undefined, "2025-05-09T02:00:00.000Z")).toBeUndefined();
  });

  it("does nothing before 08:30, and nothing on a Saturday", async () => {
    const store = await openStore({ file: ":memory:" });
    await register(store);
    const outbox = createRecordingOutbox();
    for (const now of ["2025-05-09T08:29:00+07:00", "2025-05-10T08:30:00+07:00"]) {
      const { deps } = depsFor(store, outbox, now);
      expect(await createReminderJob(deps).tick()).toMatchObject({ active: false, sent: [] });
    }
    expect(outbox.sent).toEqual([]);
  });

  it("never sends a reminder twice: two ticks in the same minute, and two processes at once", async () => {
    const store = await openStore({ file: ":memory:" });
    await register(store);
    const outbox = createRecordingOutbox();
    const { deps } = depsFor(store, outbox, "2025-05-06T08:30:00+07:00");
    const job = createReminderJob(deps);
    const other = createReminderJob(deps);
    const reports = await Promise.all([job.tick(), other.tick(), job.tick()]);
    expect(reports.flatMap((r) => r.sent).sort()).toEqual([
      "email-lists|sokhcn-binhduong|before:3",
      "email-lists|sokhcn-brvt|before:3",
      "video-call|sokhcn-binhduong|before:7",
      "video-call|sokhcn-brvt|before:7",
      "video-call|ttcds-hcm|before:7",
    ]);
    const reminderRefs = outbox.sent.filter((m) => !m.ref.startsWith("escalation")).map((m) => m.ref);
    expect(new Set(reminderRefs).size).toBe(reminderRefs.length);
    expect(outbox.sent.filter((m) => m.ref.startsWith("escalation"))).toHaveLength(1);
  });

  it("tells the coordinators once a day about agencies nobody could reach", async () => {
    const store = await openStore({ file: ":memory:" });
    await register(store);
    const outbox = createRecordingOutbox((m) => (m.chatKey === GROUP_BRVT ? "blocked" : "ok"));
    const { deps } = depsFor(store, outbox, "2025-05-06T08:30:00+07:00");
    const report = await createReminderJob(deps).tick();
    expect(report.unreachable.sort()).toEqual(["sokhcn-brvt", "ttcds-hcm"]);
    const escalations = outbox.sent.filter((m) => m.ref === "escalation|2025-05-06");
    expect(escalations.map((m) => m.chatKey)).toEqual([COORDINATOR]);
    const text = toPlain(escalations[0]!.reply.text);
    expect(text).toMatch(/Không liên lạc được \(2\)/);
    expect(text).toMatch(/TTCĐS|Chuyển đổi số/);
    expect((await store.reminders.deliveries({ ref: "email-lists|sokhcn-brvt|before:3" }))[0]?.result).toBe("blocked");
    expect((await store.chats.get(GROUP_BRVT))?.active).toBe(false);
    await createReminderJob(depsFor(store, outbox, "2025-05-06T17:00:00+07:00").deps).tick();
    expect(outbox.sent.filter((m) => m.ref.startsWith("escalation"))).toHaveLength(1);
  });

  it("escalates items overdue after their 2nd overdue reminder on the next working day, once", async () => {
    const store = await openStore({ file: ":memory:" });
    await register(store);
    const outbox = createRecordingOutbox();
    // First run ever on Monday 19/05 (overdue:2), then Tuesday 20/05 and Wednesday 21/05.
    for (const day of ["2025-05-19", "2025-05-20", "2025-05-21"]) await createReminderJob(depsFor(store, outbox, `${day}T08:30:00+07:00`).deps).tick();
    const escalations = outbox.sent.filter((m) => m.ref.startsWith("escalation"));
    expect(escalations.map((m) => m.ref)).toContain("escalation|2025-05-20");
    const text = toPlain(outbox.sent.find((m) => m.ref === "escalation|2025-05-20")!.reply.text);
    expect(text).toContain("Quá hạn sau 2 lần nhắc (2):");
    expect(text).toContain("Mốc email-lists");
    expect(outbox.sent.filter((m) => m.ref === "escalation|2025-05-21")).toEqual([]);
  });

  it("keeps an escalation for later when no coordinator is registered yet", async () => {
    const store = await openStore({ file: ":memory:" });
    const outbox = createRecordingOutbox();
    const first = await createReminderJob(depsFor(store, outbox, "2025-05-20T08:30:00+07:00").deps).tick();
    expect(first.escalationSent).toBe(false);
    expect(await store.runs.list("escalation|")).toEqual([]);
    await register(store);
    const next = await createReminderJob(depsFor(store, outbox, "2025-05-21T08:30:00+07:00").deps).tick();
    expect(next.escalated).toEqual(["email-lists|sokhcn-binhduong", "email-lists|sokhcn-brvt"]);
    expect(outbox.sent.filter((m) => m.ref === "escalation|2025-05-21").map((m) => m.chatKey)).toEqual([COORDINATOR]);
  });

  it("stops reminding an agency that reported done", async () => {
    const store = await openStore({ file: ":memory:" });
    await register(store);
    await store.statuses.append({
      id: "s1",
      kind: "status",
      milestoneId: "email-lists",
      agencyId: "sokhcn-binhduong",
      status: "done",
      userKey: LEAD_BD,
      role: "lead",
      channel: "telegram",
      at: "2025-05-07T03:00:00.000Z",
    });
    const outbox = createRecordingOutbox();
    const report = await createReminderJob(depsFor(store, outbox, "2025-05-09T08:30:00+07:00").deps).tick();
    expect(report.sent).toEqual(["email-lists|sokhcn-brvt|due:0"]);
  });
});

describe("restarts", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("after a crash in the middle of a send run, the restarted process sends every unconfirmed message once, marked (gửi lại), and nothing confirmed twice", async () => {
    const store = await openStore({ file: ":memory:" });
    await register(store);
    const dying = dyingOutbox(2);
    const { deps } = depsFor(store, dying, "2025-05-06T08:30:00+07:00");
    void createReminderJob(deps).tick();
    await dying.died;
    await store.flush();
    // Every reminder of the run was claimed with the intents of its messages before the first send.
    expect(await store.reminders.list()).toHaveLength(5);
    expect((await store.intents.list()).map((i) => `${i.ref} → ${i.chatKey}`)).toEqual([
      `video-call|sokhcn-binhduong|before:7 → ${LEAD_BD}`,
      `video-call|sokhcn-brvt|before:7 → ${GROUP_BRVT}`,
    ]);

    const outbox = createRecordingOutbox();
    const restartedDeps = depsFor(store, outbox, "2025-05-06T08:31:00+07:00").deps;
    expect(await recoverIntents(restartedDeps, restartedDeps.clock.now())).toBe(2);
    const restarted = await createReminderJob(restartedDeps).tick();
    expect(restarted.sent).toEqual([]);
    expect(refs(dying)).toEqual([`email-lists|sokhcn-binhduong|before:3 → ${LEAD_BD}`, `email-lists|sokhcn-brvt|before:3 → ${GROUP_BRVT}`]);
    const resent = outbox.sent.filter((m) => !m.ref.startsWith("escalation"));
    expect(resent.map((m) => `${m.ref} → ${m.chatKey}`)).toEqual([`video-call|sokhcn-binhduong|before:7 → ${LEAD_BD}`, `video-call|sokhcn-brvt|before:7 → ${GROUP_BRVT}`]);
    for (const m of resent) expect(toPlain(m.reply.text)).toMatch(/^\(gửi lại\) /);
    expect(await store.reminders.deliveries({ ref: "video-call|sokhcn-binhduong|before:7" })).toMatchObject([{ chatKey: LEAD_BD, result: "ok", repeat: true }]);
    expect(await store.intents.list()).toEqual([]);
  });

  it("with a data file: a crash mid-run, downtime, and restarts the next days send no duplicates, skip old reminders and say so once", async () => {
    dir = await mkdtemp(join(tmpdir(), "reminders-"));
    const file = join(dir, "db.json");
    const all: OutgoingMessage[] = [];
    const run = async (now: string, outbox: Outbox & { sent: OutgoingMessage[] }, wait = true) => {
      const store: ClosableStore = await openStore({ file });
      const { deps } = depsFor(store, outbox, now);
      // What main.ts does at start-up: first the messages left unconfirmed by the last process, then the tick.
      if (wait) await recoverIntents(deps, deps.clock.now());
      const tick = createReminderJob(deps).tick();
      if (!wait) return { store, report: undefined };
      const report = await tick;
      all.push(...outbox.sent);
      await store.close();
      return { store, report };
    };

    // Tuesday 06/05: the process dies after two messages; the lock file stays behind.
    {
      const store = await openStore({ file });
      await register(store);
      await store.close();
    }
    const dying = dyingOutbox(2);
    const crashed = await run("2025-05-06T08:30:00+07:00", dying, false);
    await dying.died;
    // Let the dying run write what it had in hand before the hang (its outcome records), as the old process would.
    for (let i = 0; i < 20; i++) {
      await crashed.store.flush();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await crashed.store.reminders.list()).toHaveLength(5);
    // The process is killed: its lock stays behind and its heartbeat stops; a minute later the lock is stale.
    await crashed.store.abandon();
    const aMinuteAgo = new Date(Date.now() - 60_000);
    await utimes(`${file}.lock`, aMinuteAgo, aMinuteAgo);
    all.push(...dying.sent);
    // Restarted a minute later on the same file: the two unconfirmed messages go again, marked, and nothing new is due.
    const sameDayOutbox = createRecordingOutbox();
    const sameDay = await run("2025-05-06T08:31:00+07:00", sameDayOutbox);
    expect(sameDay.report?.sent).toEqual([]);
    expect(sameDayOutbox.sent.filter((m) => !m.ref.startsWith("escalation")).map((m) => toPlain(m.reply.text).slice(0, 10))).toEqual(["(gửi lại) ", "(gửi lại) "]);

    // Down on Wednesday and Thursday (before:1 of email-lists on 08/05 is missed); back Friday 09/05 at 10:15.
    const friday = createRecordingOutbox();
    const back = await run("2025-05-09T10:15:00+07:00", friday);
    expect(back.report?.sent).toEqual(["email-lists|sokhcn-binhduong|due:0", "email-lists|sokhcn-brvt|due:0"]);
    expect(back.report?.skipped).toBe(2);
    expect(friday.sent.some((m) => m.ref.includes("before:1"))).toBe(false);
    const summary = friday.sent.filter((m) => m.ref === "escalation|2025-05-09");
    expect(summary.map((m) => m.chatKey)).toEqual([COORDINATOR]);
    expect(toPlain(summary[0]!.reply.text)).toContain("2 lời nhắc của những ngày trước đã không được gửi và sẽ không gửi bù");

    // Restarted again the same Friday, then the next working day: nothing twice, no second skip line.
    const again = await run("2025-05-09T10:20:00+07:00", createRecordingOutbox());
    expect(again.report).toMatchObject({ sent: [], skipped: 0, escalationSent: false });
    const monday = createRecordingOutbox();
    const next = await run("2025-05-12T08:30:00+07:00", monday);
    expect(next.report?.sent).toEqual(["video-call|sokhcn-binhduong|before:3", "video-call|sokhcn-brvt|before:3", "video-call|ttcds-hcm|before:3"]);
    expect(next.report?.skipped).toBe(0);

    const reminderRefs = all.filter((m) => !m.ref.startsWith("escalation")).map((m) => `${m.ref} → ${m.chatKey}`);
    expect(new Set(reminderRefs).size).toBe(reminderRefs.length);
    const reopened = await openStore({ file });
    expect((await reopened.reminders.list()).map((r) => r.key)).toContain("email-lists|sokhcn-brvt|due:0");
    expect((await reopened.reminders.list()).map((r) => r.key)).not.toContain("email-lists|sokhcn-binhduong|before:1");
    await reopened.close();
  });
});
