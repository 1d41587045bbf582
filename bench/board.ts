/**
 * The board at province scale: 300 agencies × 60 milestones (18,000 pairs) with a year of weekly statuses
 * (936,000 records). A board request builds the view from the digest (cached until a status, person or
 * chat changes, or the hour turns) and renders the HTML. Measured side by side: the unfiltered page, a
 * filtered page, a lead's page, the digest build that a cache miss adds, and the XLSX and .ics downloads.
 *
 * Run alone: `npm run bench -- board`; with the others: `npm run bench`.
 */
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { loadContent } from "../src/content/load.js";
import { type BoardScope, buildBoard, digestForScope, parseBoardFilters } from "../src/core/board/model.js";
import { buildDigest } from "../src/core/digest/build.js";
import { renderDeadlinesIcs } from "../src/core/exports/ics.js";
import { renderDigestXlsx } from "../src/core/exports/xlsx.js";
import { atLocal } from "../src/core/time.js";
import { renderBoardPage } from "../src/web/board/render.js";
import { generateContent, generateDigestInput } from "./generate.js";
import { type BenchRow, percentile, round, trackRss } from "./types.js";

const AGENCIES = 300;
const MILESTONES = 60;
const WEEKS = 52;
const RUNS = 20;
const PAGE_TARGET_MS = 200;

async function measure(runs: number, work: () => unknown): Promise<{ times: number[]; last: unknown }> {
  let last = await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await work();
    times.push(performance.now() - t0);
  }
  return { times, last };
}

/** Runs the board benchmark. */
export async function benchBoard(): Promise<BenchRow[]> {
  const rss = trackRss();
  const content = generateContent(await loadContent("content"), AGENCIES, MILESTONES);
  const now = atLocal("2025-12-29", "08:00");
  const input = generateDigestInput(content, now, WEEKS);
  const size = `${AGENCIES} agencies × ${MILESTONES} milestones, ${input.records.length.toLocaleString("en")} statuses`;
  const build = await measure(5, () => buildDigest(content, input, now));
  const digest = buildDigest(content, input, now);
  const all: BoardScope = { kind: "all" };
  const lead: BoardScope = { kind: "agency", agencyId: content.agencies[17]!.id };
  const paths = { base: "/bang/token/", subscription: "https://bot.example.gov.vn/lich/x.ics" };
  const page = (scope: BoardScope, query: string) => () =>
    renderBoardPage(content, buildBoard(content, digest, scope, parseBoardFilters(new URLSearchParams(query))), paths);

  const cases: { name: string; scope: BoardScope; query: string }[] = [
    { name: "board page, unfiltered (page 1 of 15 × 20 agencies)", scope: all, query: "" },
    { name: "board page, filtered (Bình Dương, blocked, overdue)", scope: all, query: "dia_phuong=binhduong&tinh_trang=blocked&qua_han=1" },
    { name: "board page, a lead's own agency", scope: lead, query: "" },
  ];
  const rows: BenchRow[] = [];
  for (const c of cases) {
    const m = await measure(RUNS, page(c.scope, c.query));
    const p95 = percentile(m.times, 95);
    rows.push({
      scenario: c.name,
      size,
      p50: round(percentile(m.times, 50)),
      p95: round(p95),
      throughput: round(1000 / percentile(m.times, 50)),
      peakRssMb: 0,
      target: `≤ ${PAGE_TARGET_MS} ms`,
      met: p95 <= PAGE_TARGET_MS,
      extra: { htmlKb: Math.round(Buffer.byteLength(String(m.last)) / 1024), gzipKb: Math.round(gzipSync(String(m.last)).byteLength / 1024), runs: RUNS },
    });
  }
  rows.push({
    scenario: "board cache miss: digest build added once per change or hour",
    size,
    p50: round(percentile(build.times, 50)),
    p95: round(percentile(build.times, 95)),
    throughput: round(1000 / percentile(build.times, 50)),
    peakRssMb: 0,
    extra: { runs: 5 },
  });
  const leadRecords = input.records.filter((r) => r.agencyId === lead.agencyId);
  const xlsx = await measure(2, () => renderDigestXlsx(content, digestForScope(digest, lead), leadRecords));
  rows.push({
    scenario: "board download: a lead's XLSX (4 sheets, a year of history)",
    size,
    p50: round(percentile(xlsx.times, 50)),
    p95: round(percentile(xlsx.times, 95)),
    throughput: round(1000 / percentile(xlsx.times, 50)),
    peakRssMb: 0,
    extra: { kb: Math.round((xlsx.last as Uint8Array).byteLength / 1024), historyRows: leadRecords.length },
  });
  const ics = await measure(RUNS, () => renderDeadlinesIcs(content, lead.agencyId, now));
  rows.push({
    scenario: "board download: an agency's .ics (60 deadlines)",
    size,
    p50: round(percentile(ics.times, 50)),
    p95: round(percentile(ics.times, 95)),
    throughput: round(1000 / percentile(ics.times, 50)),
    peakRssMb: 0,
    extra: { kb: Math.round(String(ics.last).length / 1024) },
  });
  const peak = rss.stop();
  return rows.map((r) => ({ ...r, peakRssMb: peak }));
}
