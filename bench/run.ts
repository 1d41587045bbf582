/**
 * `npm run bench`: every benchmark in one go. Writes bench/results.json and bench/results.md.
 * Each scenario runs in its own Node process, so its peak RSS is its own and no scenario warms
 * or fills the heap for the next. Timings are reported, never asserted: `npm test` has no timing checks.
 * `npm run bench -- answers fan-out` runs only the scenarios whose names contain those words, and
 * prints their table without replacing the committed results.
 */
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { benchAnswers } from "./answers.js";
import { benchBoard } from "./board.js";
import { benchDigest } from "./digest.js";
import { benchFanout } from "./fanout.js";
import { benchInstances } from "./instances.js";
import { benchStartup } from "./startup.js";
import { benchStatusWrites } from "./status-writes.js";
import { benchStores } from "./stores.js";
import { benchThroughput } from "./throughput.js";
import type { BenchRow } from "./types.js";
import { benchZaloFanout } from "./zalo-fanout.js";

const scenarios: { name: string; run: () => Promise<BenchRow[]> }[] = [
  { name: "status writes", run: () => benchStatusWrites() },
  { name: "answers", run: () => benchAnswers() },
  { name: "update throughput", run: () => benchThroughput() },
  { name: "reminder fan-out", run: () => benchFanout() },
  { name: "zalo reminder day", run: () => benchZaloFanout() },
  { name: "start-up", run: () => benchStartup() },
  { name: "digest", run: () => benchDigest() },
  { name: "board", run: () => benchBoard() },
  // lowdb and PostgreSQL side by side (each starts its own throwaway PostgreSQL; skipped without one).
  { name: "stores: lowdb and PostgreSQL", run: () => benchStores() },
  { name: "instances: webhook throughput, one and two", run: () => benchInstances() },
];

function table(rows: BenchRow[]): string {
  const head = "| scenario | size | p50 (ms) | p95 (ms) | throughput (/s) | peak RSS (MB) | target | met | notes |\n|---|---|---|---|---|---|---|---|---|";
  const body = rows.map((r) => {
    const notes = Object.entries(r.extra ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(", ");
    return `| ${r.scenario} | ${r.size} | ${r.p50} | ${r.p95} | ${r.throughput} | ${r.peakRssMb} | ${r.target ?? ""} | ${r.met === undefined ? "" : r.met ? "yes" : "NO"} | ${notes} |`;
  });
  return [head, ...body].join("\n");
}

const CHILD_FLAG = "--scenario";

/** Runs one scenario in a fresh process and reads its rows from the child's stdout. */
function runInChild(name: string): BenchRow[] {
  const out = execFileSync(process.execPath, ["--import", "tsx", "bench/run.ts", CHILD_FLAG, name], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out) as BenchRow[];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === CHILD_FLAG) {
    const scenario = scenarios.find((s) => s.name === args[1]);
    if (!scenario) throw new Error(`bench: no scenario named "${args[1]}"`);
    process.stdout.write(JSON.stringify(await scenario.run()));
    return;
  }
  const rows: BenchRow[] = [];
  for (const s of scenarios) {
    if (args.length > 0 && !args.some((o) => s.name.includes(o))) continue;
    process.stderr.write(`bench: ${s.name}…\n`);
    rows.push(...runInChild(s.name));
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
  const at = new Date().toISOString();
  const md = `# Benchmark results\n\nMachine: ${machine}. Run: ${at}. Command: \`npm run bench\`. Each scenario runs in its own process; peak RSS is that process's.\n\n${table(rows)}\n`;
  // Only a full run replaces the committed results; a partial run just prints.
  if (args.length === 0) {
    await writeFile("bench/results.json", `${JSON.stringify({ at, machine, rows }, null, 2)}\n`);
    // Sections written by hand below the table (`## …`: partial runs and what they say, each with its command) stay.
    const previous = await readFile("bench/results.md", "utf8").catch(() => "");
    const notes = previous.indexOf("\n## ");
    await writeFile("bench/results.md", notes >= 0 ? `${md}${previous.slice(notes)}` : md);
  }
  process.stdout.write(`${md}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
