import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import type { StatusKind, StatusRecord } from "../src/core/ports.js";
import { openStore } from "../src/store/open-store.js";
import { SCHEMA_VERSION } from "../src/store/schema.js";
import { SEGMENT_SIZE } from "../src/store/segment-log.js";
import { type BenchRow, percentile, round, trackRss } from "./types.js";

const KINDS: StatusKind[] = ["done", "on-track", "at-risk", "blocked"];

function record(i: number): StatusRecord {
  return {
    id: `r${i}`,
    kind: "status",
    milestoneId: `milestone-${i % 60}`,
    agencyId: `agency-${i % 300}`,
    status: KINDS[i % 4]!,
    note: i % 5 === 0 ? "Đang chờ danh sách cán bộ, công chức từ các phòng ban" : undefined,
    userKey: `telegram:${100000 + (i % 1000)}`,
    userName: `Cán bộ ${i % 1000}`,
    role: "lead",
    channel: "telegram",
    at: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
  };
}

/** Writes a store with `count` status records straight into segment files (fast set-up). */
export async function seedStore(dir: string, count: number): Promise<string> {
  const file = join(dir, "db.json");
  const segDir = join(dir, "db.statuses");
  await mkdir(segDir, { recursive: true });
  for (let start = 0, index = 1; start < count; start += SEGMENT_SIZE, index++) {
    const records = Array.from({ length: Math.min(SEGMENT_SIZE, count - start) }, (_, j) => record(start + j));
    await writeFile(join(segDir, `${String(index).padStart(6, "0")}.json`), JSON.stringify({ version: SCHEMA_VERSION, records }));
  }
  return file;
}

/**
 * Durable, acknowledged status writes against stores of 1k, 10k and 100k records:
 * sequential latency (each write awaited until on disk), concurrent throughput,
 * and the longest event-loop block during the writes. Each size runs twice, with fsync (file and folder,
 * what the store does) and without (what it did before), so the cost of surviving a power loss is visible.
 */
export async function benchStatusWrites(sizes = [1_000, 10_000, 100_000]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of sizes) {
    for (const fsync of [true, false]) rows.push(await benchOne(size, fsync));
  }
  return rows;
}

async function benchOne(size: number, fsync: boolean): Promise<BenchRow> {
  {
    const dir = await mkdtemp(join(tmpdir(), "tlhn-bench-store-"));
    try {
      const rss = trackRss();
      const file = await seedStore(dir, size);
      const store = await openStore({ file, fsync });
      const delay = monitorEventLoopDelay({ resolution: 1 });
      delay.enable();
      const latencies: number[] = [];
      let next = size;
      for (let i = 0; i < 200; i++) {
        const t0 = performance.now();
        await store.statuses.append(record(next++));
        latencies.push(performance.now() - t0);
      }
      // Concurrent load: 1,000 people pressing a button at once, each waiting for their acknowledgement.
      const concurrent = 1000;
      const t0 = performance.now();
      await Promise.all(Array.from({ length: concurrent }, () => store.statuses.append(record(next++))));
      const seconds = (performance.now() - t0) / 1000;
      delay.disable();
      await store.close();
      const maxBlockMs = delay.max / 1e6;
      const p95 = percentile(latencies, 95);
      const throughput = concurrent / seconds;
      return {
        scenario: fsync ? "status writes (acknowledged, fsynced)" : "status writes (acknowledged, no fsync)",
        size: `${size.toLocaleString("en")} records`,
        p50: round(percentile(latencies, 50)),
        p95: round(p95),
        throughput: Math.round(throughput),
        peakRssMb: rss.stop(),
        target:
          size === 10_000
            ? "p95 ≤ 25 ms, ≥ 200/s"
            : size === 100_000
              ? "no event-loop block > 50 ms"
              : undefined,
        met: size === 10_000 ? p95 <= 25 && throughput >= 200 : size === 100_000 ? maxBlockMs <= 50 : undefined,
        extra: { maxEventLoopBlockMs: round(maxBlockMs) },
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
