/**
 * Start-up to ready with 1,000 knowledge entries and a 10,000-status store: spawns the real
 * program (`node --import tsx src/main.ts`, console mode) on a temporary copy of content/ plus a
 * generated FAQ file, and a temporary store seeded with 10k statuses. It writes "/trogiup" on stdin
 * and measures the time from spawn to the first reply on stdout, and the child's peak RSS (VmHWM
 * from /proc, read while it is still running). Then stdin ends and the child exits by itself.
 *
 * The same work in-process (load content, open the store, createApp, first answer), with every
 * module already loaded, is measured apart: the difference is Node start-up plus loading and
 * compiling the TypeScript modules with tsx.
 *
 * Run alone: `npm run bench -- start-up`; with the others: `npm run bench`.
 */
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { stringify } from "yaml";
import { createApp } from "../src/app.js";
import { loadContent } from "../src/content/load.js";
import type { Logger, Outbox } from "../src/core/ports.js";
import { systemClock } from "../src/core/time.js";
import { openStore } from "../src/store/open-store.js";
import { fillerEntries } from "./answers.js";
import { seedStore } from "./status-writes.js";
import { type BenchRow, percentile, round } from "./types.js";

const ENTRIES = 1_000;
const STATUSES = 10_000;
/** Measured starts, after one warm-up start (which also fills tsx's compile cache). */
const RUNS = 5;
const TARGET_MS = 2_000;
const TARGET_RSS_MB = 200;
/** A start that takes longer than this is stopped and reported as failed. */
const TIMEOUT_MS = 30_000;

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const noOutbox: Outbox = { send: async (m) => m.map((x) => ({ chatKey: x.chatKey, result: "failed" as const })) };

/** Peak resident set size of a running process in MB, from /proc (Linux); NaN elsewhere. */
async function peakRssMb(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kb = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    return round(kb / 1024);
  } catch {
    return Number.NaN;
  }
}

/** One start of the real program: ms from spawn to the first reply, and the peak RSS then. */
function startOnce(env: NodeJS.ProcessEnv): Promise<{ readyMs: number; rssMb: number; firstReply: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { env, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let done = false;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`bench: start-up: no reply within ${TIMEOUT_MS} ms. stderr: ${err.slice(0, 500)}`));
    }, TIMEOUT_MS);
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      if (done) return;
      done = true;
      const readyMs = performance.now() - t0;
      void peakRssMb(child.pid!).then((rssMb) => {
        child.stdin.end();
        child.once("exit", (code) => {
          clearTimeout(timer);
          if (code !== 0) reject(new Error(`bench: start-up: the program exited with ${code}. stderr: ${err.slice(0, 500)}`));
          else resolve({ readyMs, rssMb, firstReply: out });
        });
      });
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.stdin.write("/trogiup\n");
  });
}

/** Runs the start-up benchmark: one row for the real process, one for the in-process part. */
export async function benchStartup(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), "tlhn-bench-startup-"));
  try {
    const contentDir = join(dir, "content");
    await cp("content", contentDir, { recursive: true });
    const real = await loadContent(contentDir);
    const filler = fillerEntries(Math.max(0, ENTRIES - real.faq.length));
    await writeFile(join(contentDir, "faq", "zz-bench-generated.yaml"), stringify(filler));
    const dataFile = await seedStore(join(dir, "data"), STATUSES);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CONTENT_DIR: contentDir,
      DATA_FILE: dataFile,
      BOT_TOKEN: "",
      WEBHOOK_URL: "",
      LOG_LEVEL: "warn",
    };

    const first = await startOnce(env);
    if (!/\/trogiup|\/help|lệnh/i.test(first.firstReply)) throw new Error(`bench: start-up: unexpected first reply: ${first.firstReply.slice(0, 200)}`);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await startOnce(env));
    const ready = runs.map((r) => r.readyMs);
    const rss = Math.max(...runs.map((r) => r.rssMb));

    // In-process: the same work with every module loaded already.
    const inProcess: number[] = [];
    let entries = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const content = await loadContent(contentDir);
      const store = await openStore({ file: dataFile });
      const app = createApp({ content, store, clock: systemClock, outbox: noOutbox, log: silent, settings: { adminKeys: ["console:local"], reminderTime: "08:30" } });
      await app.assistant.handle({ channel: "console", chat: { id: "local", type: "private" }, user: { id: "local", name: "bench" }, text: "/trogiup", supportsButtons: false });
      inProcess.push(performance.now() - t0);
      entries = content.faq.length;
      await store.close();
    }
    const p95 = percentile(ready, 95);
    const inP50 = percentile(inProcess, 50);
    return [
      {
        scenario: "start-up to first reply (node --import tsx src/main.ts, console mode)",
        size: `${entries.toLocaleString("en")} entries, ${STATUSES.toLocaleString("en")} statuses`,
        p50: round(percentile(ready, 50)),
        p95: round(p95),
        throughput: 0,
        peakRssMb: rss,
        target: `≤ ${TARGET_MS} ms, RSS ≤ ${TARGET_RSS_MB} MB`,
        met: p95 <= TARGET_MS && rss <= TARGET_RSS_MB,
        extra: { firstStartMs: round(first.readyMs), inProcessP50Ms: round(inP50), nodeAndModulesMs: round(percentile(ready, 50) - inP50), runs: RUNS },
      },
      {
        scenario: "start-up in-process (load content + open store + createApp + first reply; RSS of the bench process)",
        size: `${entries.toLocaleString("en")} entries, ${STATUSES.toLocaleString("en")} statuses`,
        p50: round(inP50),
        p95: round(percentile(inProcess, 95)),
        throughput: 0,
        peakRssMb: round(process.memoryUsage().rss / 1024 / 1024),
        extra: { runs: RUNS },
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
