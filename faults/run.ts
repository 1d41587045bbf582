/**
 * `npm run test:faults`: fault runs, apart from `npm test` (they take minutes and need real processes).
 * Writes faults/results.md (a summary table) and prints it; exits 1 if any run lost or leaked something.
 *
 * - SIGKILL trials: a writer appends statuses under load and is killed at a random moment; every acknowledged
 *   status must be in the files afterwards, and every file must load.
 * - Two containers: two processes start on one data file at the same instant (one in its own PID namespace
 *   through `unshare` when available), with and without a stale lock; exactly one may win, and none of the
 *   winner's acknowledged writes may be lost.
 * - Full disk: a 1 MB tmpfs (root only); writes fail with "chưa lưu được" and nothing acknowledged is lost.
 * - Bot API faults: 20 % of sends fail before delivery (429, 500, reset, timeout); every message must be delivered
 *   once or recorded as failed. (Faults after delivery, where the answer is lost, are not injected: Telegram has
 *   no idempotency key, so a retry there could duplicate; the outbox does not retry after a partial send.)
 * - Token grep: every log line of these runs is searched for the bot token.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { startFakeBotApi } from "../bench/fake-bot-api.js";
import { createOutboxApi } from "../src/channels/telegram/bot.js";
import { createTelegramOutbox } from "../src/channels/telegram/outbox.js";
import { createThrottledOutbox, TELEGRAM_SENDING } from "../src/channels/throttled-outbox.js";
import { StoreWriteError } from "../src/core/errors.js";
import { systemClock } from "../src/core/time.js";
import { createLogger } from "../src/logger.js";
import { openStore } from "../src/store/open-store.js";

const TOKEN = "8123456789:AAFaultRunToken_must-never-appear-0123";
const TRIALS = Number(process.env.FAULT_TRIALS ?? 50);
const RACES = Number(process.env.FAULT_RACES ?? 15);
const TRIALS_DELIVERY = Number(process.env.FAULT_DELIVERY_TRIALS ?? 20);
const logs: string[] = [];
const rows: string[][] = [];

function writer(file: string, args: string[] = [], namespace = false): { child: ChildProcess; out: () => string; exited: Promise<number | null> } {
  const cmd = namespace ? "unshare" : process.execPath;
  const base = [process.execPath, "--import", "tsx", "faults/writer.ts", file, ...args];
  const child = spawn(cmd, namespace ? ["--pid", "--fork", "--kill-child", ...base] : base.slice(1), { env: { ...process.env, FAULT_TOKEN: TOKEN }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (c) => (out += String(c)));
  child.stderr!.on("data", (c) => logs.push(String(c)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, out: () => out, exited };
}

/** Lets a writer acknowledge something, kills it at a random moment 50–450 ms later, and returns what it acknowledged. */
async function killAfterFirstAck(w: ReturnType<typeof writer>): Promise<string[]> {
  await until(() => acks(w.out()).length > 0, 15_000);
  await new Promise((r) => setTimeout(r, 50 + Math.floor(Math.random() * 400)));
  w.child.kill("SIGKILL");
  await w.exited;
  return acks(w.out());
}

const acks = (out: string) => out.split("\n").filter((l) => l.startsWith("ack ")).map((l) => l.slice(4));
const until = async (pred: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!pred() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
};

/**
 * SIGKILL during a reminder run or a weekly digest: a child sends through a recording server that answers slowly,
 * is killed at a random moment, and is started again on the same files. Every message a clean run sends must
 * arrive at least once, and any second copy must be marked "(gửi lại)".
 */
async function deliveryKillTrials(what: "reminders" | "digest"): Promise<void> {
  const received: { chatKey: string; ref: string; text: string }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += String(c)));
    req.on("end", () => {
      received.push(JSON.parse(body) as { chatKey: string; ref: string; text: string });
      setTimeout(() => res.writeHead(200).end("{}"), 15);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const seed = async (file: string) => {
    const store = await openStore({ file });
    const at = "2025-04-20T01:00:00.000Z";
    for (const agencyId of ["sokhcn-binhduong", "sokhcn-brvt", "ttcds-hcm", "sokhcn-hcm"]) {
      for (let i = 0; i < 4; i++) {
        const key = `telegram:${agencyId.length * 1000 + agencyId.charCodeAt(7) * 10 + i}` as const;
        await store.people.grant({ userKey: key, name: `Đầu mối ${i}`, role: "lead", agencyId, chatKey: key, grantedBy: "console:faults", grantedAt: at });
      }
    }
    for (let i = 0; i < 6; i++) {
      const key = `telegram:${9000 + i}` as const;
      await store.people.grant({ userKey: key, name: `Điều phối ${i}`, role: "coordinator", chatKey: key, grantedBy: "console:faults", grantedAt: at });
    }
    await store.close();
  };
  const run = async (file: string, killAfterMs?: number): Promise<string> => {
    const child = spawn(process.execPath, ["--import", "tsx", "faults/deliverer.ts", file, url, what], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout!.on("data", (c) => (out += String(c)));
    child.stderr!.on("data", (c) => logs.push(String(c)));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const started = Date.now();
    if (killAfterMs !== undefined) {
      // Count from the first message received, so the kill lands inside the sending, not in start-up.
      const before = received.length;
      await until(() => received.length > before, 20_000);
      await new Promise((r) => setTimeout(r, killAfterMs));
      child.kill("SIGKILL");
    }
    await exited;
    void started;
    return out;
  };
  /** A restart after a kill: the killed process's lock goes stale after a second, as after a real crash. */
  const restart = async (file: string): Promise<void> => {
    for (let attempt = 0; attempt < 10; attempt++) {
      if ((await run(file)).includes("done")) return;
      await new Promise((r) => setTimeout(r, 600));
    }
    throw new Error(`faults: the ${what} run never completed after a restart`);
  };
  const id = (m: { chatKey: string; ref: string; text: string }) => `${m.ref} → ${m.chatKey} → ${m.text.replace(/^\(gửi lại\) /, "").slice(0, 60)}`;

  // A clean run gives the expected messages and the length of the sending.
  const dir = await mkdtemp(join(tmpdir(), `faults-${what}-`));
  await seed(join(dir, "clean.json"));
  received.length = 0;
  await run(join(dir, "clean.json"));
  const expected = new Set(received.map(id));
  const span = 15 * expected.size;
  let lost = 0;
  let unmarked = 0;
  let repeats = 0;
  // A first copy that carries the mark: the killed process had handed it over but it never arrived (in flight at the kill).
  let markedFirst = 0;
  for (let t = 0; t < TRIALS_DELIVERY; t++) {
    const file = join(dir, `trial-${t}.json`);
    await seed(file);
    received.length = 0;
    await run(file, Math.floor(Math.random() * span));
    await restart(file);
    const seen = new Map<string, number>();
    for (const m of received) {
      const k = id(m);
      const first = !seen.has(k);
      seen.set(k, (seen.get(k) ?? 0) + 1);
      if (!first) {
        if (m.text.startsWith("(gửi lại) ")) repeats++;
        else unmarked++;
      } else if (m.text.startsWith("(gửi lại) ")) markedFirst++;
    }
    for (const k of expected) if (!seen.has(k)) lost++;
  }
  await new Promise<void>((r) => server.close(() => r()));
  await rm(dir, { recursive: true, force: true });
  rows.push([
    `SIGKILL during ${what === "reminders" ? "a reminder run" : "the weekly digest"}, then restart`,
    `${TRIALS_DELIVERY} trials × ${expected.size} messages`,
    `${lost} lost, ${unmarked} unmarked duplicates, ${repeats} repeats marked (gửi lại), ${markedFirst} first copies marked (in flight at the kill)`,
    lost === 0 && unmarked === 0 ? "pass" : "FAIL",
  ]);
}

async function killTrials(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "faults-kill-"));
  const file = join(dir, "db.json");
  let acknowledged = 0;
  let lost = 0;
  let corrupt = 0;
  for (let t = 0; t < TRIALS; t++) {
    const w = writer(file);
    const acked = await killAfterFirstAck(w);
    acknowledged += acked.length;
    try {
      const store = await openStore({ file, readOnly: true });
      const ids = new Set((await store.statuses.all()).map((r) => r.id));
      lost += acked.filter((id) => !ids.has(id)).length;
      await store.close();
    } catch {
      corrupt++;
    }
    // The killed writer's lock would expire after its stale time; the harness removes it to save that wait.
    await rm(`${file}.lock`, { recursive: true, force: true });
  }
  rows.push(["SIGKILL during status writes", `${TRIALS} trials`, `${acknowledged} acknowledged, ${lost} lost, ${corrupt} unreadable files`, lost === 0 && corrupt === 0 ? "pass" : "FAIL"]);
  await rm(dir, { recursive: true, force: true });
}

/**
 * SIGKILL while the per-message journals are appended to (handled-update keys, chat topics), each trial on a new
 * data file: every acknowledged key must be known after a restart, the chat's topic must be one that was set, and
 * the store must open writable again (a torn last line is dropped, nothing else refused).
 */
async function journalKillTrials(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "faults-journal-"));
  let acknowledged = 0;
  let lost = 0;
  let corrupt = 0;
  for (let t = 0; t < TRIALS; t++) {
    const file = join(dir, `t${t}`, "db.json");
    const w = writer(file, ["journal"]);
    const acked = await killAfterFirstAck(w);
    acknowledged += acked.length;
    await rm(`${file}.lock`, { recursive: true, force: true });
    try {
      const store = await openStore({ file });
      for (const key of acked) if (await store.inbound.claim(`zalo|${key}`, new Date().toISOString())) lost++;
      const topics = await Promise.all([0, 1, 2].map((j) => store.topics.get(`zalo:${j}`)));
      if (topics.some((topic, j) => topic === undefined && acked.some((k) => k.endsWith(`-${j}`)))) lost++;
      await store.close();
    } catch {
      corrupt++;
    }
  }
  rows.push(["SIGKILL during journal appends (handled keys, chat topics)", `${TRIALS} trials`, `${acknowledged} acknowledged, ${lost} lost, ${corrupt} refused or unreadable`, lost === 0 && corrupt === 0 ? "pass" : "FAIL"]);
  await rm(dir, { recursive: true, force: true });
}

async function lockRaces(stale: boolean, namespace: boolean): Promise<void> {
  let bothWon = 0;
  let noneWon = 0;
  let lost = 0;
  for (let r = 0; r < RACES; r++) {
    const dir = await mkdtemp(join(tmpdir(), "faults-lock-"));
    const file = join(dir, "db.json");
    if (stale) {
      await mkdir(`${file}.lock`);
      await writeFile(`${file}.lock/owner.json`, JSON.stringify({ token: "dead", pid: 1, host: "old-container", startedAt: "2025-01-01T00:00:00.000Z" }));
      const old = new Date(Date.now() - 60_000);
      await utimes(`${file}.lock`, old, old);
    }
    const a = writer(file, [], false);
    const b = writer(file, [], namespace);
    // Both start at the same instant; give both time to start (tsx) and the winner time to write.
    await until(() => [a, b].some((w) => acks(w.out()).length > 0) && [a, b].every((w) => w.out().length > 0 || w.child.exitCode !== null), 30_000);
    await new Promise((res) => setTimeout(res, 500));
    const winners = [a, b].filter((w) => acks(w.out()).length > 0);
    if (winners.length > 1) bothWon++;
    if (winners.length === 0) noneWon++;
    for (const w of [a, b]) w.child.kill("SIGKILL");
    await Promise.all([a.exited, b.exited]);
    const store = await openStore({ file, readOnly: true });
    const ids = new Set((await store.statuses.all()).map((x) => x.id));
    for (const w of winners) lost += acks(w.out()).filter((id) => !ids.has(id)).length;
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
  const what = `two processes at once${namespace ? " (one in its own PID namespace)" : ""}${stale ? ", stale lock left behind" : ""}`;
  rows.push([what, `${RACES} races`, `both won ${bothWon}, none won ${noneWon}, ${lost} acknowledged lost`, bothWon === 0 && noneWon === 0 && lost === 0 ? "pass" : "FAIL"]);
}

/** A second container starts on the volume while the first is writing: it must be refused, and nothing lost. */
async function secondWhileWriting(namespace: boolean): Promise<void> {
  let refused = 0;
  let acknowledged = 0;
  let lost = 0;
  for (let r = 0; r < RACES; r++) {
    const dir = await mkdtemp(join(tmpdir(), "faults-second-"));
    const file = join(dir, "db.json");
    const a = writer(file);
    await until(() => acks(a.out()).length > 0, 20_000);
    const b = writer(file, [], namespace);
    await b.exited;
    if (/^refused store: .* is in use by another process \(pid \d+ on host /m.test(b.out())) refused++;
    a.child.kill("SIGKILL");
    await a.exited;
    const acked = acks(a.out());
    acknowledged += acked.length;
    const store = await openStore({ file, readOnly: true });
    const ids = new Set((await store.statuses.all()).map((x) => x.id));
    lost += acked.filter((id) => !ids.has(id)).length + acks(b.out()).length;
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
  rows.push([
    `second process while the first writes${namespace ? " (own PID namespace)" : ""}`,
    `${RACES} trials`,
    `refused naming the holder ${refused}/${RACES}, ${acknowledged} acknowledged, ${lost} lost`,
    refused === RACES && lost === 0 ? "pass" : "FAIL",
  ]);
}

async function fullDisk(): Promise<void> {
  if (process.getuid?.() !== 0) {
    rows.push(["full disk (1 MB tmpfs)", "skipped", "needs root to mount a tmpfs", "skipped"]);
    return;
  }
  const mnt = await mkdtemp(join(tmpdir(), "faults-disk-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt]);
  } catch (error) {
    rows.push(["full disk (1 MB tmpfs)", "skipped", `mount failed: ${(error as Error).message.split("\n")[0]}`, "skipped"]);
    return;
  }
  try {
    const file = join(mnt, "db.json");
    const store = await openStore({ file, lockStaleMs: 2000 });
    const acked: string[] = [];
    let refused = 0;
    let plain = 0;
    // Handled-update keys (a journal) are written beside the statuses until the disk is full too.
    const keys: string[] = [];
    const refusedKeys: string[] = [];
    let keysRefused = 0;
    for (let i = 0; i < 20_000 && (refused < 20 || keysRefused < 20); i++) {
      try {
        await store.statuses.append({ id: `d${i}`, kind: "status", milestoneId: "m", agencyId: "a", status: "blocked", note: "x".repeat(200), userKey: "telegram:1", role: "lead", channel: "telegram", at: new Date().toISOString() });
        acked.push(`d${i}`);
      } catch (error) {
        if (error instanceof StoreWriteError && /chưa lưu được/.test(error.message)) refused++;
        else plain++;
      }
      try {
        await store.inbound.claim(`zalo|k${i}-${"y".repeat(100)}`, new Date().toISOString());
        keys.push(`zalo|k${i}-${"y".repeat(100)}`);
      } catch (error) {
        if (error instanceof StoreWriteError && /chưa lưu được/.test(error.message)) {
          keysRefused++;
          refusedKeys.push(`zalo|k${i}-${"y".repeat(100)}`);
        } else plain++;
      }
    }
    const inMemory = await store.statuses.count();
    // In memory, the acknowledged keys are known (a repeat is refused without a write) and a refused one is not
    // (claiming it again tries to write it, and the full disk refuses that too).
    let memoryWrong = 0;
    for (const key of keys) if (await store.inbound.claim(key, new Date().toISOString())) memoryWrong++;
    for (const key of refusedKeys) if ((await store.inbound.claim(key, new Date().toISOString()).catch(() => "refused")) !== "refused") memoryWrong++;
    await store.close().catch(() => undefined);
    const reopened = await openStore({ file, readOnly: true });
    const ids = new Set((await reopened.statuses.all()).map((r) => r.id));
    const lost = acked.filter((id) => !ids.has(id)).length;
    const ghost = await reopened.statuses.count() - acked.length;
    await reopened.close();
    // The keys' journal: every acknowledged key is known after a restart (a known key is refused as a repeat).
    execFileSync("mount", ["-o", "remount,size=2m", mnt]);
    const writable = await openStore({ file, lockStaleMs: 2000 });
    let keysLost = 0;
    for (const key of keys) if (await writable.inbound.claim(key, new Date().toISOString())) keysLost++;
    await writable.close();
    const ok = refused > 0 && keysRefused > 0 && plain === 0 && lost === 0 && ghost === 0 && inMemory === acked.length && keysLost === 0 && memoryWrong === 0;
    rows.push([
      "full disk (1 MB tmpfs)",
      `${acked.length + refused} status writes, ${keys.length + keysRefused} journal appends`,
      `${acked.length} + ${keys.length} acknowledged, ${refused} + ${keysRefused} refused with "chưa lưu được", ${lost + keysLost} lost, memory ${inMemory === acked.length && memoryWrong === 0 ? "=" : "≠"} disk`,
      ok ? "pass" : "FAIL",
    ]);
  } finally {
    execFileSync("umount", [mnt]);
    await rm(mnt, { recursive: true, force: true });
  }
}

/** 200 messages to 50 chats through the production outbox against a fake Bot API that faults 20 % of sends. */
async function apiFaults(): Promise<void> {
  let seed = 20250616;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const api = await startFakeBotApi({ perSecond: 30, perChatPerSecond: 1 }, { rate: 0.2, random });
  const store = await openStore({ file: ":memory:" });
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _e, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const log = createLogger("info", { secrets: [TOKEN], stream: stream as never });
  try {
    const outboxApi = createOutboxApi({ token: TOKEN, apiRoot: api.apiRoot, timeoutSeconds: 2, networkRetry: { delaysMs: [200, 500], maxTotalMs: 5_000 } });
    const sender = createTelegramOutbox({ api: outboxApi, store, clock: systemClock, log });
    const outbox = createThrottledOutbox(sender.sendOne, TELEGRAM_SENDING);
    const messages = Array.from({ length: 200 }, (_, i) => ({ chatKey: `telegram:${1000 + (i % 50)}` as const, ref: `fault|${i}`, reply: { text: `tin số ${i}` } }));
    const results = await outbox.send(messages as never);
    const deliveredCount = new Map<string, number>();
    for (const d of api.delivered) deliveredCount.set(d.text, (deliveredCount.get(d.text) ?? 0) + 1);
    let once = 0;
    let failed = 0;
    let duplicated = 0;
    let silent = 0;
    results.forEach((r, i) => {
      const n = deliveredCount.get(`tin số ${i}`) ?? 0;
      if (n > 1) duplicated++;
      else if (n === 1 && r.result === "ok") once++;
      else if (n === 0 && r.result !== "ok") failed++;
      else silent++;
    });
    logs.push(...lines);
    const inj = api.injected;
    const ok = duplicated === 0 && silent === 0 && once + failed === 200;
    rows.push([
      "Bot API faults at 20 % (429 with retry_after, 500, resets, timeouts)",
      `200 messages, ${inj["429"] + inj["500"] + inj.reset + inj.timeout} faults (${inj["429"]} × 429, ${inj["500"]} × 500, ${inj.reset} resets, ${inj.timeout} timeouts)`,
      `${once} delivered once, ${failed} recorded as failed, ${duplicated} duplicated, ${silent} unaccounted`,
      ok ? "pass" : "FAIL",
    ]);
  } finally {
    await api.close();
  }
}

/** SIGTERM while the Bot API accepts connections but never answers: the process must be gone within 10 s. */
async function sigtermDuringOutage(): Promise<void> {
  const hang = createServer(() => undefined); // accepts, never answers
  await new Promise<void>((resolve) => hang.listen(0, "127.0.0.1", resolve));
  const port = (hang.address() as AddressInfo).port;
  const times: number[] = [];
  let saidConnecting = 0;
  const trials = 3;
  try {
    for (let i = 0; i < trials; i++) {
      const dir = await mkdtemp(join(tmpdir(), "faults-term-"));
      const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        env: { ...process.env, BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`, DATA_FILE: join(dir, "db.json"), WEBHOOK_URL: "", ZALO_BOT_TOKEN: "", LOG_LEVEL: "info" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let err = "";
      child.stderr!.on("data", (c) => (err += String(c)));
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      await until(() => /đang kết nối/.test(err), 30_000);
      if (/đang kết nối/.test(err)) saidConnecting++;
      await new Promise((r) => setTimeout(r, 2000)); // mid-connection: the first getMe is hanging
      const t0 = Date.now();
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      times.push(Date.now() - t0);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      logs.push(err);
      await rm(dir, { recursive: true, force: true });
    }
  } finally {
    hang.closeAllConnections();
    await new Promise<void>((resolve) => hang.close(() => resolve()));
  }
  const worst = Math.max(...times);
  rows.push([
    "SIGTERM while the Bot API hangs (start-up)",
    `${trials} trials`,
    `said "đang kết nối…" ${saidConnecting}/${trials}; exited after ${times.map((t) => (t / 1000).toFixed(1)).join(", ")} s`,
    worst < 10_000 && saidConnecting === trials ? "pass" : "FAIL",
  ]);
}

function tokenGrep(): void {
  const text = logs.join("");
  const lines = text.split("\n").filter(Boolean).length;
  const leaks = text.split(TOKEN).length - 1 + (text.includes(TOKEN.split(":")[1]!) ? 1 : 0);
  rows.push(["bot token in the logs of these runs", `${lines} log lines`, `${leaks} occurrences`, leaks === 0 && lines > 0 ? "pass" : "FAIL"]);
}

async function main(): Promise<void> {
  const hasUnshare = (() => {
    try {
      execFileSync("unshare", ["--pid", "--fork", "true"]);
      return true;
    } catch {
      return false;
    }
  })();
  // FAULT_ONLY=api,disk runs only the named sections (kill, journal, lock, disk, api, term, delivery).
  const only = process.env.FAULT_ONLY?.split(",");
  const want = (name: string) => !only || only.includes(name);
  if (want("kill")) await killTrials();
  if (want("journal")) await journalKillTrials();
  if (want("lock")) {
    await lockRaces(false, false);
    await lockRaces(true, false);
    await secondWhileWriting(false);
    if (hasUnshare) {
      await lockRaces(false, true);
      await secondWhileWriting(true);
    } else rows.push(["two processes, own PID namespace", "skipped", "unshare not available (needs root)", "skipped"]);
  }
  if (want("disk")) await fullDisk();
  if (want("api")) await apiFaults();
  if (want("term")) await sigtermDuringOutage();
  if (want("delivery")) {
    await deliveryKillTrials("reminders");
    await deliveryKillTrials("digest");
  }
  tokenGrep();
  const table = ["| run | size | result | verdict |", "|---|---|---|---|", ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
  const md = `# Fault runs\n\nCommand: \`npm run test:faults\`. Run: ${new Date().toISOString()}, Node ${process.version}.\n\n${table}\n`;
  // Only a full run replaces the committed results.
  if (!only) await writeFile("faults/results.md", md);
  process.stdout.write(`${md}\n`);
  process.exit(rows.some((r) => r[3] === "FAIL") ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`faults: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
