/**
 * The two stores side by side, in one run: the embedded lowdb file store and PostgreSQL (a throwaway cluster started
 * by test/helpers/postgres.ts with fsync ON, so an acknowledged write costs what it does in production).
 *
 * - acknowledged status writes on a store of 10,000 records: 200 sequential appends (p50, p95), then 1,000 at once
 *   (per second), every one awaited until durable;
 * - the weekly digest built from the store at 300 agencies × 60 milestones with a year of weekly statuses:
 *   `digestFromStore` as the digest job runs it (every read through the store, then `buildDigest`).
 *
 * Without PostgreSQL on the machine, the PostgreSQL rows are skipped with a message on stderr.
 * Run alone: `npm run bench -- stores`.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { loadContent } from "../src/content/load.js";
import type { Content } from "../src/core/content/schema.js";
import { digestFromStore } from "../src/core/digest/build.js";
import type { DigestInput } from "../src/core/digest/types.js";
import type { ClosableStore, StatusKind, StatusRecord } from "../src/core/ports.js";
import { atLocal } from "../src/core/time.js";
import { openStore } from "../src/store/open-store.js";
import { openPostgresStore } from "../src/store/postgres/open.js";
import { SCHEMA_VERSION } from "../src/store/schema.js";
import { SEGMENT_SIZE } from "../src/store/segment-log.js";
import { findPostgresBinary, freshDatabase, startPostgres } from "../test/helpers/postgres.js";
import { generateContent, generateDigestInput } from "./generate.js";
import { seedStore } from "./status-writes.js";
import { type BenchRow, percentile, round, trackRss } from "./types.js";

const KINDS: StatusKind[] = ["done", "on-track", "at-risk", "blocked"];
const SEEDED = 10_000;
const SEQUENTIAL = 200;
const CONCURRENT = 1_000;
const AGENCIES = 300;
const MILESTONES = 60;
const WEEKS = 52;
const DIGEST_RUNS = 3;

function record(i: number): StatusRecord {
  return {
    id: `w${i}`,
    kind: "status",
    milestoneId: `milestone-${i % 60}`,
    agencyId: `agency-${i % 300}`,
    status: KINDS[i % 4]!,
    ...(i % 5 === 0 ? { note: "Đang chờ danh sách cán bộ, công chức từ các phòng ban" } : {}),
    userKey: `telegram:${100000 + (i % 1000)}`,
    userName: `Cán bộ ${i % 1000}`,
    role: "lead",
    channel: "telegram",
    at: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
  };
}

/** Status records straight into PostgreSQL, 5,000 per statement (set-up only; the store's own append is what is measured). */
async function bulkStatuses(url: string, records: readonly StatusRecord[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < records.length; i += 5_000) {
      await client.query(
        "INSERT INTO statuses (id, kind, milestone_id, agency_id, note_for, doc) SELECT d->>'id', d->>'kind', d->>'milestoneId', d->>'agencyId', d->>'noteFor', d FROM jsonb_array_elements($1::jsonb) AS d",
        [JSON.stringify(records.slice(i, i + 5_000))],
      );
    }
  } finally {
    await client.end();
  }
}

/** Status records as the file store keeps them: segment files of SEGMENT_SIZE records beside `db.json`. */
async function writeStatusSegments(folder: string, records: readonly StatusRecord[]): Promise<void> {
  const segDir = join(folder, "db.statuses");
  await mkdir(segDir, { recursive: true });
  for (let start = 0, index = 1; start < records.length; start += SEGMENT_SIZE, index++) {
    await writeFile(join(segDir, `${String(index).padStart(6, "0")}.json`), JSON.stringify({ version: SCHEMA_VERSION, records: records.slice(start, start + SEGMENT_SIZE) }));
  }
}

/** Runs one statement on its own connection (set-up only). */
async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}


async function measureWrites(store: ClosableStore, label: string): Promise<BenchRow> {
  const rss = trackRss();
  const latencies: number[] = [];
  let next = SEEDED;
  for (let i = 0; i < SEQUENTIAL; i++) {
    const t0 = performance.now();
    await store.statuses.append(record(next++));
    latencies.push(performance.now() - t0);
  }
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENT }, () => store.statuses.append(record(next++))));
  const seconds = (performance.now() - t0) / 1000;
  const count = await store.statuses.count();
  return {
    scenario: `status writes (acknowledged, durable), ${label}`,
    size: `${SEEDED.toLocaleString("en")} records + ${SEQUENTIAL} sequential + ${CONCURRENT.toLocaleString("en")} at once`,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    throughput: Math.round(CONCURRENT / seconds),
    peakRssMb: rss.stop(),
    target: "p95 ≤ 25 ms, ≥ 200/s",
    met: percentile(latencies, 95) <= 25 && CONCURRENT / seconds >= 200,
    extra: { recordsAfter: count },
  };
}

/** The digest's data other than status records, written through the store's own API. */
async function seedRest(store: ClosableStore, input: DigestInput): Promise<void> {
  for (const p of input.people) await store.people.grant(p);
  for (const c of input.chats) await store.chats.upsert(c);
  for (let i = 0; i < input.reminders.length; i += 500) await store.reminders.claim(input.reminders.slice(i, i + 500));
  await Promise.all(input.deliveries.map((d) => store.reminders.addDelivery(d)));
  await store.flush();
}

async function measureDigest(store: ClosableStore, content: Content, now: Date, label: string, statuses: number): Promise<BenchRow> {
  const rss = trackRss();
  const times: number[] = [];
  let pairs = 0;
  // One warm-up run, then the measured ones.
  for (let run = 0; run <= DIGEST_RUNS; run++) {
    const t0 = performance.now();
    const digest = await digestFromStore(content, store, now);
    const ms = performance.now() - t0;
    pairs = digest.overview.pairs;
    if (run > 0) times.push(ms);
  }
  return {
    scenario: `digest build from the store (digestFromStore), ${label}`,
    size: `${AGENCIES} agencies × ${MILESTONES} milestones, ${statuses.toLocaleString("en")} statuses`,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    throughput: round(1000 / percentile(times, 50)),
    peakRssMb: rss.stop(),
    target: "≤ 5,000 ms",
    met: percentile(times, 95) <= 5_000,
    extra: { pairs, runs: DIGEST_RUNS },
  };
}

/** Runs both scenarios on lowdb and, when PostgreSQL is installed, on PostgreSQL. */
export async function benchStores(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dir = await mkdtemp(join(tmpdir(), "tlhn-bench-stores-"));
  const hasPostgres = Boolean(findPostgresBinary("initdb") && findPostgresBinary("postgres"));
  if (!hasPostgres) process.stderr.write("bench: PostgreSQL is not installed (apt-get install -y postgresql): the PostgreSQL rows are skipped\n");
  const cluster = hasPostgres ? await startPostgres({ durable: true }) : undefined;
  try {
    // Status writes.
    {
      const file = await seedStore(join(dir, "writes"), SEEDED);
      const store = await openStore({ file });
      rows.push(await measureWrites(store, "lowdb file (fsync)"));
      await store.close();
    }
    if (cluster) {
      const url = await freshDatabase(cluster.url, "bench_writes");
      const store = await openPostgresStore(url);
      await bulkStatuses(url, Array.from({ length: SEEDED }, (_, i) => ({ ...record(i), id: `s${i}` })));
      rows.push(await measureWrites(store, "PostgreSQL 15 (fsync on, same machine)"));
      await store.close();
    }
    // The digest build, from the same generated data in both stores.
    const content = generateContent(await loadContent("content"), AGENCIES, MILESTONES);
    const now = atLocal("2025-12-29", "08:00");
    const input = generateDigestInput(content, now, WEEKS);
    {
      const folder = join(dir, "digest");
      await writeStatusSegments(folder, input.records);
      const store = await openStore({ file: join(folder, "db.json"), fsync: false });
      await seedRest(store, input);
      rows.push(await measureDigest(store, content, now, "lowdb file", input.records.length));
      await store.close();
    }
    if (cluster) {
      const url = await freshDatabase(cluster.url, "bench_digest");
      const store = await openPostgresStore(url);
      await bulkStatuses(url, input.records);
      await seedRest(store, input);
      await admin(url, "VACUUM ANALYZE");
      rows.push(await measureDigest(store, content, now, "PostgreSQL 15", input.records.length));
      await store.close();
    }
  } finally {
    await cluster?.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}
