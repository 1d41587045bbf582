/**
 * `npm run bench`: every benchmark in one go. Writes bench/results.json and bench/results.md.
 * Timings are reported, never asserted: `npm test` has no timing checks.
 */
import { writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { benchAnswers } from "./answers.js";
import { benchDigest } from "./digest.js";
import { benchFanout } from "./fanout.js";
import { benchStartup } from "./startup.js";
import { benchStatusWrites } from "./status-writes.js";
import { benchThroughput } from "./throughput.js";
import type { BenchRow } from "./types.js";

const scenarios: { name: string; run: () => Promise<BenchRow[]> }[] = [
  { name: "status writes", run: () => benchStatusWrites() },
  { name: "answers", run: () => benchAnswers() },
  { name: "update throughput", run: () => benchThroughput() },
  { name: "reminder fan-out", run: () => benchFanout() },
  { name: "start-up", run: () => benchStartup() },
  // Last: a year of statuses for 18,000 pairs takes about 1 GB, which would inflate the others' peak RSS.
  { name: "digest", run: () => benchDigest() },
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

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const rows: BenchRow[] = [];
  for (const s of scenarios) {
    if (only.length > 0 && !only.some((o) => s.name.includes(o))) continue;
    process.stderr.write(`bench: ${s.name}…\n`);
    rows.push(...(await s.run()));
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
  const at = new Date().toISOString();
  await writeFile("bench/results.json", `${JSON.stringify({ at, machine, rows }, null, 2)}\n`);
  const md = `# Benchmark results\n\nMachine: ${machine}. Run: ${at}. Command: \`npm run bench\`.\n\n${table(rows)}\n`;
  await writeFile("bench/results.md", md);
  process.stdout.write(`${md}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
