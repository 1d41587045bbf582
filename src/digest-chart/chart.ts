/**
 * The digest's status chart: stacked bars of status counts per milestone, as a PNG.
 * Vega-Lite builds the chart as SVG (no canvas needed), resvg turns it into PNG with the
 * bundled Be Vietnam Pro font, so Vietnamese labels render the same on every server.
 * Kept outside src/core: it loads a native module and reads font files.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { formatDay, formatMoment } from "../core/dates.js";
import { stateName } from "../core/digest/sections.js";
import type { Digest, PairState } from "../core/digest/types.js";
import { shortenLabel } from "../core/reply.js";
import { PAIR_STATES } from "../core/digest/types.js";

/** The font family of every text in the chart. */
export const CHART_FONT = "Be Vietnam Pro";

const COLORS: Record<PairState, string> = {
  done: "#2e7d32",
  "on-track": "#66bb6a",
  "at-risk": "#fb8c00",
  blocked: "#d32f2f",
  none: "#bdbdbd",
};


/** Longest milestone title on the axis (the chart is narrower than a terminal); cut by the shared rule. */
const CHART_LABEL_LIMIT = 60;

/** The TTF files of Be Vietnam Pro (regular and bold) inside node_modules. */
export function chartFontFiles(): string[] {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("@expo-google-fonts/be-vietnam-pro/package.json"));
  return [join(root, "400Regular", "BeVietnamPro_400Regular.ttf"), join(root, "700Bold", "BeVietnamPro_700Bold.ttf")];
}

/**
 * Whether chart dates need their year: when the deadlines span more than one year, or any of them
 * falls in another year than the digest's own ("10/05" under a 2026 title would read as 2026).
 */
export function needsYears(digest: Pick<Digest, "milestones" | "today">): boolean {
  const years = new Set([digest.today.slice(0, 4), ...digest.milestones.map((m) => m.due.end.slice(0, 4))]);
  return years.size > 1;
}

/** "10/05" or "10/05/2025", by {@link needsYears}. */
function chartDay(day: string, withYear: boolean): string {
  return withYear ? formatDay(day) : formatDay(day).slice(0, 5);
}

/** The Vega-Lite spec of the chart: one horizontal stacked bar per milestone, by deadline. */
export function statusChartSpec(digest: Digest): TopLevelSpec {
  const withYear = needsYears(digest);
  const rows = digest.milestones.map((m, i) => ({
    order: i,
    // The deadline first, so a shortened title never hides it (and equal titles stay two bars).
    milestone: `${chartDay(m.due.end, withYear)} · ${shortenLabel(m.title, CHART_LABEL_LIMIT)}`,
  }));
  const weekSpansYears = digest.week.from.slice(0, 4) !== digest.week.to.slice(0, 4);
  const values = digest.milestones.flatMap((m, i) =>
    PAIR_STATES.filter((s) => m.counts[s] > 0).map((s) => ({
      milestone: rows[i]!.milestone,
      order: i,
      status: stateName(s),
      rank: PAIR_STATES.indexOf(s),
      count: m.counts[s],
    })),
  );
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: `Tình trạng theo mốc (tuần ${chartDay(digest.week.from, weekSpansYears)}–${formatDay(digest.week.to)})`,
      subtitle: `Số cơ quan phụ trách theo tình trạng, đến ${formatMoment(new Date(digest.generatedAt))}`,
      anchor: "start",
    },
    width: 520,
    height: { step: 22 },
    background: "white",
    padding: 16,
    data: { values },
    mark: { type: "bar" },
    encoding: {
      y: {
        field: "milestone",
        type: "nominal",
        title: null,
        sort: rows.map((r) => r.milestone),
        axis: { labelLimit: 480, labelFontSize: 11 },
      },
      x: { field: "count", type: "quantitative", stack: "zero", title: "Số cơ quan", axis: { tickMinStep: 1, format: "d" } },
      color: {
        field: "status",
        type: "nominal",
        title: null,
        scale: { domain: PAIR_STATES.map((s) => stateName(s)), range: PAIR_STATES.map((s) => COLORS[s]) },
        legend: { orient: "bottom", direction: "horizontal", columns: 5, labelFontSize: 11 },
      },
      order: { field: "rank", type: "quantitative" },
      tooltip: [{ field: "milestone" }, { field: "status" }, { field: "count" }],
    },
    config: { font: CHART_FONT, title: { fontSize: 15, subtitleFontSize: 11 } },
  };
}

/** Renders the chart to SVG text with Vega (no canvas, no network). */
export async function statusChartSvg(digest: Digest): Promise<string> {
  const view = new vega.View(vega.parse(compile(statusChartSpec(digest)).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Renders the chart to PNG bytes (twice the SVG size, for sharp text on phones). */
export async function renderStatusChart(digest: Digest): Promise<Uint8Array> {
  const svg = await statusChartSvg(digest);
  const resvg = new Resvg(svg, {
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: CHART_FONT },
    fitTo: { mode: "zoom", value: 2 },
  });
  return new Uint8Array(resvg.render().asPng());
}
