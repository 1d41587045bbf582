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
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { type Balancer, startBalancer } from "../test/helpers/balancer.js";
import { findPostgresBinary, startPostgres, type TestPostgres } from "../test/helpers/postgres.js";
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

async function freshDatabase(cluster: TestPostgres, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One set-up: `count` instances on one store, measured. */
async function runSetup(label: string, count: number, store: { databaseUrl?: string }, dir: string): Promise<BenchRow> {
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
    const rss = trackRss();
    const t0 = performance.now();
    const { times, failed } = await drive(`${balancer.url}/telegram`, updates);
    const seconds = (performance.now() - t0) / 1000;
    const replies = api.delivered.length - sentBefore;
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
  const cluster = hasPostgres ? await startPostgres({ durable: true }) : undefined;
  const rows: BenchRow[] = [];
  try {
    rows.push(await runSetup("1 instance, lowdb file", 1, {}, dir));
    if (cluster) {
      rows.push(await runSetup("1 instance, PostgreSQL", 1, { databaseUrl: await freshDatabase(cluster, "bench_one") }, dir));
      rows.push(await runSetup("2 instances, one PostgreSQL", 2, { databaseUrl: await freshDatabase(cluster, "bench_two") }, dir));
    }
  } finally {
    await cluster?.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}
