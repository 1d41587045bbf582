/**
 * The weekly digest at province scale: 300 agencies × 60 milestones (18,000 pairs) with a year of
 * weekly statuses (936,000 status records), one lead per agency, a month of reminders and
 * deliveries, and a year of question statistics. Measures `buildDigest` and then rendering every
 * format once: the chat messages, plain text, Telegram HTML, Markdown, the CSV attachment (bytes)
 * and the PNG chart.
 *
 * Run alone: `npm run bench -- digest`; with the others: `npm run bench`.
 */
import { performance } from "node:perf_hooks";
import { loadContent } from "../src/content/load.js";
import { buildDigest } from "../src/core/digest/build.js";
import { digestCsvBytes } from "../src/core/digest/render-csv.js";
import { renderDigestMarkdown } from "../src/core/digest/render-markdown.js";
import { renderDigestHtml, renderDigestMessages, renderDigestText } from "../src/core/digest/render-messages.js";
import type { Digest } from "../src/core/digest/types.js";
import { atLocal } from "../src/core/time.js";
import { renderStatusChart } from "../src/digest-chart/chart.js";
import { generateContent, generateDigestInput } from "./generate.js";
import { type BenchRow, percentile, round, trackRss } from "./types.js";

const AGENCIES = 300;
const MILESTONES = 60;
const WEEKS = 52;
/** Measured runs after one warm-up run. */
const RUNS = 5;
const BUILD_TARGET_MS = 500;
const RENDER_TARGET_MS = 1000;

/** Every format a digest is delivered or exported in, by name. */
const FORMATS: Record<string, (d: Digest) => unknown> = {
  messages: (d) => renderDigestMessages(d),
  text: (d) => renderDigestText(d),
  html: (d) => renderDigestHtml(d),
  markdown: (d) => renderDigestMarkdown(d),
  csv: (d) => digestCsvBytes(d),
  chartPng: (d) => renderStatusChart(d),
};

/** Runs the digest benchmark: one row for the build, one for rendering every format. */
export async function benchDigest(): Promise<BenchRow[]> {
  const rss = trackRss();
  const base = await loadContent("content");
  const content = generateContent(base, AGENCIES, MILESTONES);
  const now = atLocal("2025-12-29", "08:00");
  const input = generateDigestInput(content, now, WEEKS);
  const previous = buildDigest(content, input, atLocal("2025-12-22", "08:00")).snapshot;

  const builds: number[] = [];
  let digest = buildDigest(content, input, now, previous);
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    digest = buildDigest(content, input, now, previous);
    builds.push(performance.now() - t0);
  }

  const perFormat: Record<string, number[]> = Object.fromEntries(Object.keys(FORMATS).map((k) => [k, []]));
  const totals: number[] = [];
  let coldTotal = 0;
  for (let run = 0; run <= RUNS; run++) {
    let total = 0;
    for (const [name, render] of Object.entries(FORMATS)) {
      const t0 = performance.now();
      await render(digest);
      const ms = performance.now() - t0;
      total += ms;
      if (run > 0) perFormat[name]!.push(ms);
    }
    if (run === 0) coldTotal = total;
    else totals.push(total);
  }
  const peak = rss.stop();
  const buildP95 = percentile(builds, 95);
  const renderP95 = percentile(totals, 95);
  const size = `${AGENCIES} agencies × ${MILESTONES} milestones, ${input.records.length.toLocaleString("en")} statuses`;
  return [
    {
      scenario: "digest build (buildDigest)",
      size,
      p50: round(percentile(builds, 50)),
      p95: round(buildP95),
      throughput: round(1000 / percentile(builds, 50)),
      peakRssMb: peak,
      target: `≤ ${BUILD_TARGET_MS} ms`,
      met: buildP95 <= BUILD_TARGET_MS,
      extra: { pairs: digest.overview.pairs, runs: RUNS },
    },
    {
      scenario: "digest render (messages, text, HTML, Markdown, CSV, PNG chart)",
      size,
      p50: round(percentile(totals, 50)),
      p95: round(renderP95),
      throughput: round(1000 / percentile(totals, 50)),
      peakRssMb: peak,
      target: `≤ ${RENDER_TARGET_MS} ms`,
      met: renderP95 <= RENDER_TARGET_MS,
      extra: {
        coldFirstRunMs: round(coldTotal),
        ...Object.fromEntries(Object.entries(perFormat).map(([k, v]) => [`${k}Ms`, round(percentile(v, 50))])),
      },
    },
  ];
}
