/**
 * Update throughput through the real process(es) in webhook mode: `node --import tsx src/main.ts` with Telegram
 * webhooks behind a round-robin balancer (test/helpers/balancer.ts, Caddy's role), against a fake Bot API that
 * answers at once (bench/fake-bot-api.ts, no rate limit). Each update is a private-chat question from one of 1,000
 * users, POSTed with the webhook secret, 32 in flight at a time; the webhook answers once the update is handled
 * (its reply sent), so updates per second is end to end. Three set-ups in one run:
 * one instance on the lowdb file, one instance on PostgreSQL, two instances on one PostgreSQL.
 *
 * Everything shares the machine: on 2 cores, the instances, PostgreSQL, the fake API and this client compete for
 * CPU, so the two-instance row shows what a second process adds here, not what a second machine would.
 * Without PostgreSQL, its rows are skipped with a message. Run alone: `npm run bench -- instances`.
 * `BENCH_PG_FSYNC=off` runs the cluster without fsync, to tell the cost of durable commits from the rest.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { type Balancer, startBalancer } from "../test/helpers/balancer.js";
import { findPostgresBinary, freshDatabase, startPostgres } from "../test/helpers/postgres.js";
import { freePort, waitForLog } from "../test/helpers/process.js";
import { privateText } from "../test/helpers/telegram.js";
import { startFakeBotApi } from "./fake-bot-api.js";
import { evaluationQuestions } from "./throughput.js";
import { type BenchRow, percentile, round, trackRss } from "./types.js";

const TOKEN = "123456:bench-instances-token-0123456789";
const SECRET = "bench-instances-webhook-secret";
const USERS = 1_000;
const PER_USER = 3;
const WARMUP = 300;
const IN_FLIGHT = 32;

/** CPU seconds a process has used so far (user + system), from /proc; 0 where /proc is missing. */
function cpuSecondsOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 of the file (utime, stime), counted after the command name: indexes 11 and 12.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** The processes of the PostgreSQL server listening on `port`: the postmaster and its children (backends, writers). */
function postgresPids(port: number): number[] {
  const all = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number);
  const postmaster = all.find((pid) => {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      return /\/postgres$/.test(argv[0] ?? "") && argv.includes("-p") && argv[argv.indexOf("-p") + 1] === String(port);
    } catch {
      return false;
    }
  });
  if (!postmaster) return [];
  const children = all.filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === postmaster;
    } catch {
      return false;
    }
  });
  return [postmaster, ...children];
}

/** Clock ticks per second of /proc's CPU times (100 on Linux). */
const CLOCK_TICKS = 100;

/** Transactions committed in the database at `url` so far. */
async function commits(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
    return Number(rows[0]?.xact_commit ?? 0);
  } finally {
    await client.end();
  }
}

interface Instance {
  child: ChildProcess;
  logs: { text: string };
  exited: Promise<unknown>;
}

function startInstance(env: Record<string, string>): Instance {
  const logs = { text: "" };
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, ZALO_BOT_TOKEN: "", PUBLIC_URL: "", METRICS: "false", LOG_LEVEL: "info", ADMIN_IDS: "1", DIGEST_CRON: "0 8 29 2 *", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr!.on("data", (chunk) => (logs.text = (logs.text + String(chunk)).slice(-20_000)));
  return { child, logs, exited: new Promise((resolve) => child.once("exit", resolve)) };
}

/** POSTs `updates` to the webhook, `IN_FLIGHT` at a time; resolves with each request's time in ms. */
async function drive(url: string, updates: readonly object[]): Promise<{ times: number[]; failed: number }> {
  const times: number[] = [];
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < updates.length) {
      const update = updates[next++]!;
      const t0 = performance.now();
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(30_000),
      }).catch(() => undefined);
      await res?.arrayBuffer();
      if (res?.status !== 200) failed++;
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return { times, failed };
}


/** One set-up: `count` instances on one store, measured. */
async function runSetup(label: string, count: number, store: { databaseUrl?: string; port?: number }, dir: string): Promise<BenchRow> {
  const api = await startFakeBotApi({ perSecond: 1e9, perChatPerSecond: 1e9 });
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const balancer: Balancer = await startBalancer(ports);
  const instances = ports.map((port, i) =>
    startInstance({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      WEBHOOK_URL: `${balancer.url}/telegram`,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_FILE: join(dir, `${label.replace(/\W+/g, "-")}-${i}`, "db.json"),
      ...(store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : { DATABASE_URL: "" }),
    }),
  );
  try {
    await Promise.all(instances.map((i) => waitForLog(i.child, i.logs, /web: server listening/, 60_000)));
    const questions = evaluationQuestions();
    const user = (i: number, lang?: string) => ({ id: 700_000_000 + i, first_name: `Cán bộ ${i}`, language_code: lang === "en" ? "en" : "vi" });
    const update = (n: number, offset: number) => {
      const u = n % USERS;
      const q = questions[(u * 7 + Math.floor(n / USERS)) % questions.length]!;
      return privateText(user(u + offset, q.lang), q.q);
    };
    // Warm-up from other users, so module loading and first queries are not measured.
    await drive(`${balancer.url}/telegram`, Array.from({ length: WARMUP }, (_, n) => update(n, USERS * 10)));
    const total = USERS * PER_USER;
    const updates = Array.from({ length: total }, (_, n) => update(n, 0));
    const sentBefore = api.delivered.length;
    // Where the CPU goes: the instances, the PostgreSQL server, and this process (client, balancer and fake API).
    const pgPids = store.port ? postgresPids(store.port) : [];
    const cpu = () => ({
      instances: instances.reduce((sum, i) => sum + cpuSecondsOf(i.child.pid), 0),
      postgres: pgPids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0),
      harness: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    });
    const commitsBefore = store.databaseUrl ? await commits(store.databaseUrl) : 0;
    const cpu0 = cpu();
    const rss = trackRss();
    const t0 = performance.now();
    const { times, failed } = await drive(`${balancer.url}/telegram`, updates);
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = cpu();
    const replies = api.delivered.length - sentBefore;
    const commitsPerUpdate = store.databaseUrl ? ((await commits(store.databaseUrl)) - commitsBefore - 1) / total : 0;
    const perUpdateMs = (k: keyof typeof cpu0) => round(((cpu1[k] - cpu0[k]) * 1000) / total);
    return {
      scenario: `webhook update throughput through the real process, ${label}`,
      size: `${USERS.toLocaleString("en")} users × ${PER_USER}, ${IN_FLIGHT} in flight`,
      p50: round(percentile(times, 50)),
      p95: round(percentile(times, 95)),
      throughput: Math.round(total / seconds),
      peakRssMb: rss.stop(),
      extra: {
        updates: total,
        failed,
        replies,
        ...Object.fromEntries([...balancer.served.values()].map((n, i) => [`instance${i + 1}Served`, n])),
        cpuMsPerUpdateInstances: perUpdateMs("instances"),
        ...(store.databaseUrl ? { cpuMsPerUpdatePostgres: perUpdateMs("postgres"), commitsPerUpdate: round(commitsPerUpdate) } : {}),
        cpuMsPerUpdateHarness: perUpdateMs("harness"),
      },
    };
  } finally {
    for (const i of instances) if (i.child.exitCode === null) i.child.kill("SIGTERM");
    await Promise.all(instances.map((i) => i.exited));
    await balancer.close();
    await api.close();
  }
}

/** One instance on lowdb, one on PostgreSQL, two on one PostgreSQL. */
export async function benchInstances(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), "tlhn-bench-instances-"));
  const hasPostgres = Boolean(findPostgresBinary("initdb") && findPostgresBinary("postgres"));
  if (!hasPostgres) process.stderr.write("bench: PostgreSQL is not installed (apt-get install -y postgresql): the PostgreSQL rows are skipped\n");
  const durable = process.env.BENCH_PG_FSYNC !== "off";
  const cluster = hasPostgres ? await startPostgres({ durable }) : undefined;
  const rows: BenchRow[] = [];
  try {
    rows.push(await runSetup("1 instance, lowdb file", 1, {}, dir));
    if (cluster) {
      const pgLabel = durable ? "PostgreSQL" : "PostgreSQL with fsync off";
      rows.push(await runSetup(`1 instance, ${pgLabel}`, 1, { databaseUrl: await freshDatabase(cluster.url, "bench_one"), port: cluster.port }, dir));
      rows.push(await runSetup(`2 instances, one ${pgLabel}`, 2, { databaseUrl: await freshDatabase(cluster.url, "bench_two"), port: cluster.port }, dir));
    }
  } finally {
    await cluster?.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}
