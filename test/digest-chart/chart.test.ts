import { beforeAll, describe, expect, it } from "vitest";
import { digestFromStore } from "../../src/core/digest/build.js";
import type { Digest } from "../../src/core/digest/types.js";
import { CHART_FONT, renderStatusChart, statusChartSvg } from "../../src/digest-chart/chart.js";
import { FIXTURE_NOW, fixtureContent, fixtureStore } from "../core/digest/fixture.js";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let digest: Digest;

beforeAll(async () => {
  const content = await fixtureContent();
  digest = await digestFromStore(content, await fixtureStore(content), FIXTURE_NOW);
});

describe("status chart", () => {
  it("renders a PNG with a sensible size for a phone screen", async () => {
    const png = await renderStatusChart(digest);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const view = new DataView(png.buffer, png.byteOffset);
    // IHDR comes first: width and height are big-endian at bytes 16 and 20.
    const [width, height] = [view.getUint32(16), view.getUint32(20)];
    expect(width).toBeGreaterThanOrEqual(1000);
    expect(width).toBeLessThanOrEqual(4000);
    expect(height).toBeGreaterThanOrEqual(300);
    expect(height).toBeLessThan(width);
  });

  it("labels the bars with the Vietnamese titles and statuses, set in the bundled font", async () => {
    const svg = await statusChartSvg(digest);
    expect(svg).toContain(CHART_FONT);
    expect(svg).toContain("Chưa báo cáo");
    expect(svg).toContain("Tình trạng theo mốc");
    expect(svg).toContain("20/06 · Thí điểm hệ thống quản lý văn bản");
  });

  it("puts the year on the dates when the deadlines are not all in the digest's year", async () => {
    const later = { ...digest, today: "2026-06-16", week: { id: "2026-W24", from: "2026-06-08", to: "2026-06-14" } };
    const svg = await statusChartSvg(later);
    expect(svg).toContain("20/06/2025 · Thí điểm hệ thống quản lý văn bản");
    expect(svg).toContain("tuần 08/06–14/06/2026");
    const newYear = { ...digest, week: { id: "2026-W01", from: "2025-12-29", to: "2026-01-04" } };
    expect(await statusChartSvg(newYear)).toContain("tuần 29/12/2025–04/01/2026");
  });

  it("grows taller with more milestones, one bar each", async () => {
    const few = { ...digest, milestones: digest.milestones.slice(0, 2) };
    const [a, b] = await Promise.all([renderStatusChart(few), renderStatusChart(digest)]);
    const height = (png: Uint8Array) => new DataView(png.buffer, png.byteOffset).getUint32(20);
    expect(height(b)).toBeGreaterThan(height(a));
  });
});
