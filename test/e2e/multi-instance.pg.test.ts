/**
 * Two real processes (`node --import tsx src/main.ts`) on one PostgreSQL, in webhook mode behind a round-robin
 * balancer (test/helpers/balancer.ts, what Caddy does in deploy/compose.multi.yaml), against the fake Zalo Bot API.
 *
 * The plan is the bundled content/ with 200 generated agencies, each with a Zalo lead, and one milestone due today
 * for all of them (today made a working day in the copy's calendar), so 200 reminders are due at once whatever the
 * date. REMINDER_TIME is 00:00 and DIGEST_CRON Monday 00:00, so the start-up catch-up of whichever instance leads
 * sends the day's reminders and this week's digest (the data predates this week: `installed` is seeded long ago).
 * That catch-up is the app's own restart path; no clock is faked and nothing sleeps to wait for a schedule.
 *
 * 1. Both start at once: exactly one leads; 200 reminders each sent exactly once; the digest once.
 * 2. 200 leads answer "A 2" at the same moment, spread over both instances: 200 status records, none lost.
 * 3. Failover, on a fresh database: the test holds the scheduler lock while both start (both follow), then lets go;
 *    the instance that takes over is SIGKILLed in the middle of its 200 reminders; the other takes over within
 *    30 s and finishes: every lead reached, no unmarked duplicate, the digest once, and the leads the dead leader
 *    never reached get their first copy unmarked (only messages it had handed to Zalo are marked "(gửi lại)").
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Leadership } from "../../src/core/ports.js";
import { FOLLOWING_MESSAGE, LEADING_MESSAGE } from "../../src/scheduler/leadership.js";
import { openPostgresStore } from "../../src/store/postgres/open.js";
import { createAdvisoryLock } from "../../src/store/postgres/leadership.js";
import { type Balancer, startBalancer } from "../helpers/balancer.js";
import { type FakeZaloApi, type SentCall, startFakeZaloApi } from "../helpers/fake-zalo-api.js";
import { freePort, waitForLog } from "../helpers/process.js";
import { makeTodayWorking } from "../helpers/working-today.js";

const ZALO_TOKEN = "1459232241454765289:multi-instance-secret-0123";
const WEBHOOK_SECRET = "multi-instance-webhook-secret-0123";
const LINK_SECRET = "multi-instance-link-secret-0123456789abcdef0123456789";
const ADMIN = "ad00000000000000ad99";
const COORDINATOR = "c0000000000000000c99";
const AGENCIES = 200;
const MILESTONE = "multi-instance-report";
const REPEAT = "(gửi lại) ";

const agencyId = (i: number) => `e2e-agency-${String(i).padStart(3, "0")}`;
const leadId = (i: number) => `1ead${String(i).padStart(16, "0")}`;

function todayIct(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

/** A copy of content/ with 200 more agencies and one milestone due today for all of them, today a working day. */
async function contentWithManyAgencies(dir: string): Promise<string> {
  const target = join(dir, "content");
  await cp("content", target, { recursive: true });
  const today = todayIct();
  const agenciesFile = join(target, "agencies.yaml");
  const agencies = parse(await readFile(agenciesFile, "utf8")) as Record<string, unknown>[];
  for (let i = 0; i < AGENCIES; i++) {
    agencies.push({ id: agencyId(i), name: `Phường Thử Nghiệm Số ${i + 1}`, shortNames: [`Phường TN ${i + 1}`], aliases: [], locality: "hcm", kind: "people-committee" });
  }
  await writeFile(agenciesFile, stringify(agencies));
  const milestonesFile = join(target, "milestones.yaml");
  const milestones = parse(await readFile(milestonesFile, "utf8")) as Record<string, unknown>[];
  const model = milestones.find((m) => m.id === "email-lists")!;
  milestones.push({
    ...model,
    id: MILESTONE,
    title: "Báo cáo kết quả rà soát hệ thống của phường",
    titleEn: "Report the ward's system review",
    due: today,
    responsible: Array.from({ length: AGENCIES }, (_, i) => agencyId(i)),
    keywords: ["rà soát hệ thống phường"],
  });
  await writeFile(milestonesFile, stringify(milestones));
  await makeTodayWorking(target, today);
  return target;
}

/** A fresh database in the test cluster, with 200 Zalo leads, one Zalo coordinator, and data that predates this week. */
async function seededDatabase(admin: pg.Client, name: string): Promise<string> {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(inject("pgUrl"));
  url.pathname = `/${name}`;
  const store = await openPostgresStore(url.toString());
  const at = "2025-05-01T01:00:00.000Z";
  for (let i = 0; i < AGENCIES; i++) {
    const key = `zalo:${leadId(i)}` as const;
    await store.people.grant({ userKey: key, name: `Đầu Mối ${i + 1}`, role: "lead", agencyId: agencyId(i), chatKey: key, grantedBy: `zalo:${ADMIN}`, grantedAt: at });
    await store.chats.upsert({ chatKey: key, type: "private", active: true });
  }
  await store.people.grant({ userKey: `zalo:${COORDINATOR}`, name: "Lê Điều Phối", role: "coordinator", chatKey: `zalo:${COORDINATOR}`, grantedBy: `zalo:${ADMIN}`, grantedAt: at });
  await store.chats.upsert({ chatKey: `zalo:${COORDINATOR}`, type: "private", active: true });
  // Installed long ago: this week's digest counts as missed, so the leader's catch-up sends it.
  await store.runs.claim({ key: "installed", at: new Date(0).toISOString() });
  await store.close();
  return url.toString();
}

interface Instance {
  name: string;
  port: number;
  child: ChildProcess;
  logs: { text: string };
  exited: Promise<number | null>;
}

function startInstance(name: string, env: Record<string, string>, port: number): Instance {
  const logs = { text: "" };
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, BOT_TOKEN: "", WEBHOOK_URL: "", PUBLIC_URL: "", METRICS: "false", LOG_LEVEL: "info", ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.on("data", (chunk) => (logs.text += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { name, port, child, logs, exited };
}

async function stopAll(instances: Instance[]): Promise<void> {
  await Promise.all(
    instances.map(async (i) => {
      if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill("SIGKILL");
      await i.exited;
    }),
  );
}

const isReminder = (c: SentCall) => c.method === "sendMessage" && c.status === 200 && /Nhắc hạn hôm nay/.test(c.text ?? "");
const isDigest = (c: SentCall) => c.chatId === COORDINATOR && c.method === "sendMessage" && c.status === 200 && /^(\(gửi lại\) )?(📊 )?Tổng hợp tuần/.test(c.text ?? "");

/** A pattern that matches `text` as it is. */
function literally(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}

async function until(what: string, check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Reminder messages per lead: how many, and how many of them not marked "(gửi lại)". */
function remindersPerLead(zalo: FakeZaloApi): { reached: number; unmarkedTwice: number; repeats: number } {
  let reached = 0;
  let unmarkedTwice = 0;
  let repeats = 0;
  for (let i = 0; i < AGENCIES; i++) {
    const mine = zalo.sent.filter((c) => c.chatId === leadId(i) && isReminder(c));
    if (mine.length > 0) reached++;
    const unmarked = mine.filter((c) => !c.text!.startsWith(REPEAT)).length;
    if (unmarked > 1) unmarkedTwice++;
    repeats += mine.length - unmarked;
  }
  return { reached, unmarkedTwice, repeats };
}

describe("two instances on one PostgreSQL (webhooks, fake Zalo Bot API)", () => {
  let admin: pg.Client;
  let dir: string;
  let contentDir: string;
  const running: Instance[] = [];
  const fakes: FakeZaloApi[] = [];
  const balancers: Balancer[] = [];
  const locks: Leadership[] = [];

  /** A fake Zalo API and a balancer in front of two instance ports, and the environment both instances share. */
  async function setting(database: string): Promise<{ zalo: FakeZaloApi; balancer: Balancer; ports: [number, number]; env: (n: string) => Record<string, string> }> {
    const zalo = await startFakeZaloApi({ token: ZALO_TOKEN, echoOwnMessages: false });
    fakes.push(zalo);
    const ports: [number, number] = [await freePort(), await freePort()];
    const balancer = await startBalancer(ports);
    balancers.push(balancer);
    const env = (n: string) => ({
      ZALO_BOT_TOKEN: ZALO_TOKEN,
      ZALO_API_ROOT: zalo.url,
      ZALO_WEBHOOK_URL: `${balancer.url}/zalo`,
      ZALO_WEBHOOK_SECRET: WEBHOOK_SECRET,
      DATABASE_URL: database,
      ADMIN_IDS: `zalo:${ADMIN}`,
      LINK_SECRET,
      DATA_FILE: join(dir, n, "db.json"),
      CONTENT_DIR: contentDir,
      REMINDER_TIME: "00:00",
      DIGEST_CRON: "0 0 * * 1",
      METRICS: "true",
    });
    return { zalo, balancer, ports, env };
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tlhn-multi-"));
    contentDir = await contentWithManyAgencies(dir);
    admin = new pg.Client({ connectionString: inject("pgUrl") });
    await admin.connect();
  }, 60_000);

  afterAll(async () => {
    await stopAll(running);
    for (const l of locks) await l.release();
    for (const b of balancers) await b.close();
    for (const f of fakes) await f.close();
    await admin?.end();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe("both running", () => {
    let zalo: FakeZaloApi;
    let balancer: Balancer;
    let database: string;
    let a: Instance;
    let b: Instance;

    beforeAll(async () => {
      database = await seededDatabase(admin, "multi_both");
      const s = await setting(database);
      ({ zalo, balancer } = s);
      a = startInstance("a", s.env("a"), s.ports[0]);
      b = startInstance("b", s.env("b"), s.ports[1]);
      running.push(a, b);
      await Promise.all([a, b].map((i) => waitForLog(i.child, i.logs, /zalo: webhook set/, 40_000)));
    }, 60_000);

    it("lets exactly one of them run the scheduled jobs, and says so in each log", async () => {
      await until("one instance leads and the other follows", () => [a, b].every((i) => i.logs.text.includes(LEADING_MESSAGE) || i.logs.text.includes(FOLLOWING_MESSAGE)), 20_000);
      const leaders = [a, b].filter((i) => i.logs.text.includes(LEADING_MESSAGE));
      expect(leaders).toHaveLength(1);
      const follower = [a, b].find((i) => i !== leaders[0])!;
      expect(follower.logs.text).toContain(FOLLOWING_MESSAGE);
      expect(follower.logs.text.split(LEADING_MESSAGE)).toHaveLength(1);
      // What an operator's alert reads: the leader gauge sums to 1 across instances, and /healthz is 200 on both.
      const gauges = await Promise.all(
        [a, b].map(async (i) => {
          const text = await (await fetch(`http://127.0.0.1:${i.port}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
          return Number(/^assistant_scheduler_leader (\d)$/m.exec(text)?.[1]);
        }),
      );
      expect(gauges.sort()).toEqual([0, 1]);
      const health = await fetch(`http://127.0.0.1:${follower.port}/healthz`, { signal: AbortSignal.timeout(5_000) });
      expect(health.status).toBe(200);
      expect(((await health.json()) as { checks: Record<string, { detail: string }> }).checks.scheduler!.detail).toBe("another instance runs the scheduled jobs");
    }, 30_000);

    it("sends each of the 200 reminders due at once exactly once, and the digest once", async () => {
      await until("200 leads reached", () => remindersPerLead(zalo).reached === AGENCIES, 60_000);
      await until("the digest sent", () => zalo.sent.some(isDigest), 30_000);
      // Give a duplicate every chance to show up: the follower checks the lease every 5 s.
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(zalo.sent.filter(isReminder)).toHaveLength(AGENCIES);
      expect(remindersPerLead(zalo)).toEqual({ reached: AGENCIES, unmarkedTwice: 0, repeats: 0 });
      expect(zalo.sent.filter(isDigest)).toHaveLength(1);
      const store = await openPostgresStore(database, { migrate: false });
      try {
        const claimed = (await store.reminders.list()).filter((r) => r.milestoneId === MILESTONE);
        expect(claimed).toHaveLength(AGENCIES);
        const delivered = (await store.reminders.deliveries()).filter((d) => d.result === "ok" && d.ref.startsWith(`${MILESTONE}|`));
        expect(new Set(delivered.map((d) => d.ref)).size).toBe(AGENCIES);
        expect((await store.runs.list("digest|")).length).toBe(1);
      } finally {
        await store.close();
      }
    }, 120_000);

    it("loses none of 200 status replies sent at the same moment through both instances", async () => {
      const before = zalo.sent.length;
      const served = [...balancer.served.values()];
      const statuses = await Promise.all(
        Array.from({ length: AGENCIES }, (_, i) =>
          fetch(`${balancer.url}/zalo`, {
            method: "POST",
            headers: { "content-type": "application/json", "X-Bot-Api-Secret-Token": WEBHOOK_SECRET },
            body: JSON.stringify({
              ok: true,
              result: {
                event_name: "message.text.received",
                message: {
                  from: { id: leadId(i), display_name: `Đầu Mối ${i + 1}`, is_bot: false },
                  chat: { id: leadId(i), chat_type: "PRIVATE" },
                  text: "A 2",
                  message_id: `5a${String(i).padStart(18, "0")}`,
                  date: Date.now(),
                },
              },
            }),
            signal: AbortSignal.timeout(20_000),
          }).then((r) => r.status),
        ),
      );
      expect(statuses.every((s) => s === 200)).toBe(true);
      // Both instances took a share of the replies.
      const share = [...balancer.served.values()].map((n, k) => n - served[k]!);
      expect(share.every((n) => n >= AGENCIES / 4)).toBe(true);
      await until(
        "200 confirmations",
        () => zalo.sent.slice(before).filter((c) => c.status === 200 && /Đã ghi nhận/.test(c.text ?? "")).length >= AGENCIES,
        60_000,
      );
      const store = await openPostgresStore(database, { migrate: false });
      try {
        const records = (await store.statuses.all()).filter((r) => r.milestoneId === MILESTONE);
        expect(records).toHaveLength(AGENCIES);
        expect(new Set(records.map((r) => r.agencyId)).size).toBe(AGENCIES);
        expect(records.every((r) => r.status === "on-track" && r.channel === "zalo")).toBe(true);
        expect(new Set(records.map((r) => r.id)).size).toBe(AGENCIES);
      } finally {
        await store.close();
      }
    }, 90_000);

    afterAll(async () => {
      await stopAll([a, b].filter(Boolean));
    });
  });

  describe("failover", () => {
    it("moves the schedule to the other instance within 30 s of a SIGKILL of the leader, with no loss and no unmarked duplicate", async () => {
      const database = await seededDatabase(admin, "multi_failover");
      const s = await setting(database);
      const { zalo } = s;
      // The test leads first, so both instances start as followers and the handover happens while both run.
      const held = createAdvisoryLock({ url: database, lock: "scheduler" });
      locks.push(held);
      expect(await held.tryAcquire()).toBe(true);
      const a = startInstance("a", s.env("a"), s.ports[0]);
      const b = startInstance("b", s.env("b"), s.ports[1]);
      running.push(a, b);
      await Promise.all([a, b].map((i) => waitForLog(i.child, i.logs, literally(FOLLOWING_MESSAGE), 40_000)));
      expect(zalo.sent.filter(isReminder)).toHaveLength(0);

      await held.release();
      await until("an instance takes over", () => [a, b].some((i) => i.logs.text.includes(LEADING_MESSAGE)), 20_000);
      const leader = [a, b].find((i) => i.logs.text.includes(LEADING_MESSAGE))!;
      const other = leader === a ? b : a;
      // Kill the leader in the middle of its 200 reminders.
      await until("the leader is sending", () => zalo.sent.filter(isReminder).length >= 40, 30_000);
      leader.child.kill("SIGKILL");
      const killedAt = Date.now();
      await leader.exited;
      const sentBeforeKill = zalo.sent.filter(isReminder).length;
      expect(sentBeforeKill).toBeLessThan(AGENCIES);
      // The leads whose first copy reached them before the kill.
      const reachedBeforeKill = new Set(zalo.sent.filter(isReminder).map((c) => c.chatId));

      await waitForLog(other.child, other.logs, literally(LEADING_MESSAGE), 30_000);
      const takeoverMs = Date.now() - killedAt;
      expect(takeoverMs).toBeLessThan(30_000);
      await until("every lead reached", () => remindersPerLead(zalo).reached === AGENCIES, 60_000);
      await until("the digest sent", () => zalo.sent.some(isDigest), 30_000);
      await new Promise((resolve) => setTimeout(resolve, 3_000));

      const outcome = remindersPerLead(zalo);
      expect(outcome.reached).toBe(AGENCIES);
      expect(outcome.unmarkedTwice).toBe(0);
      expect(zalo.sent.filter((c) => isDigest(c) && !c.text!.startsWith(REPEAT))).toHaveLength(1);
      const store = await openPostgresStore(database, { migrate: false });
      try {
        expect((await store.reminders.list()).filter((r) => r.milestoneId === MILESTONE)).toHaveLength(AGENCIES);
        // The digest's later parts go out at Zalo's one message per chat per second: every intent ends confirmed.
        let left = await store.intents.list();
        for (const deadline = Date.now() + 30_000; left.length > 0 && Date.now() < deadline; left = await store.intents.list()) {
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        expect(left).toEqual([]);
        // Only messages whose outcome the killed leader had not recorded are sent again, marked "(gửi lại)":
        // a lead whose reminder was recorded as delivered before the kill got it once.
        const deliveries = (await store.reminders.deliveries()).filter((d) => d.ref.startsWith(`${MILESTONE}|`));
        const recordedFirst = new Set(deliveries.filter((d) => !d.repeat && d.result === "ok").map((d) => d.ref.split("|")[1]!));
        for (let i = 0; i < AGENCIES; i++) {
          if (recordedFirst.has(agencyId(i))) expect(zalo.sent.filter((c) => c.chatId === leadId(i) && isReminder(c))).toHaveLength(1);
        }
        expect(outcome.repeats).toBe(AGENCIES - recordedFirst.size);
      } finally {
        await store.close();
      }
      // A message the dead leader never handed to Zalo (still in its queue) goes out unmarked: the lead's first copy.
      // Marked without a first copy can only be a send the leader had marked attempted whose request never arrived:
      // the one or two in flight at the kill (Zalo's 20 per second), which the new leader cannot tell from delivered.
      let markedWithoutFirstCopy = 0;
      for (let i = 0; i < AGENCIES; i++) {
        if (reachedBeforeKill.has(leadId(i))) continue;
        const mine = zalo.sent.filter((c) => c.chatId === leadId(i) && isReminder(c));
        expect(mine).toHaveLength(1);
        if (mine[0]!.text!.startsWith(REPEAT)) markedWithoutFirstCopy++;
      }
      expect(markedWithoutFirstCopy).toBeLessThanOrEqual(2);
      // Every repeat went to a lead who had the first copy, but for those in flight.
      expect(outcome.repeats - markedWithoutFirstCopy).toBeLessThanOrEqual(reachedBeforeKill.size);
      console.info(
        `failover: leader killed after ${sentBeforeKill} of ${AGENCIES} reminders; takeover logged ${takeoverMs} ms later; ` +
          `${outcome.repeats} sent again marked (gửi lại) (${markedWithoutFirstCopy} of them in flight at the kill); ` +
          `${AGENCIES - reachedBeforeKill.size} first copies sent by the new leader, unmarked; 0 lost; 0 unmarked duplicates`,
      );
      await stopAll([a, b]);
    }, 180_000);
  });
});
