import { describe, expect, it } from "vitest";
import { AGENCIES_PER_PAGE, buildBoard, digestForScope, filtersQuery, parseBoardFilters } from "../../../src/core/board/model.js";
import { buildDigest } from "../../../src/core/digest/build.js";
import { atLocal } from "../../../src/core/time.js";
import { generateContent, generateDigestInput } from "../../../bench/generate.js";
import { realContent } from "../../helpers/app.js";

async function province(agencies = 45, milestones = 6) {
  const content = generateContent(await realContent(), agencies, milestones);
  const now = atLocal("2025-12-29", "08:00");
  return { content, digest: buildDigest(content, generateDigestInput(content, now, 4), now) };
}

describe("parseBoardFilters", () => {
  it("reads the Vietnamese query names and ignores values it does not know", () => {
    expect(parseBoardFilters(new URLSearchParams("dia_phuong=hcm&giai_doan=2&tinh_trang=at-risk&qua_han=1&trang=3"))).toEqual({
      locality: "hcm",
      phase: 2,
      status: "at-risk",
      overdue: true,
      page: 3,
    });
    expect(parseBoardFilters(new URLSearchParams("dia_phuong=hanoi&giai_doan=9&tinh_trang=x&trang=-1"))).toEqual({ overdue: false, page: 1 });
  });

  it("writes back the same query, leaving out page 1", () => {
    const f = parseBoardFilters(new URLSearchParams("tinh_trang=blocked&qua_han=1"));
    expect(filtersQuery(f)).toBe("?tinh_trang=blocked&qua_han=1");
    expect(filtersQuery(f, { page: 2 })).toBe("?tinh_trang=blocked&qua_han=1&trang=2");
  });
});

describe("buildBoard", () => {
  it("pages agencies 20 at a time and counts every agency of the filter in the overview", async () => {
    const { content, digest } = await province();
    const view = buildBoard(content, digest, { kind: "all" }, parseBoardFilters(new URLSearchParams("trang=3")));
    expect(view.pages).toBe(Math.ceil(45 / AGENCIES_PER_PAGE));
    expect(view.page).toBe(3);
    expect(view.columns).toHaveLength(45 - 2 * AGENCIES_PER_PAGE);
    expect(view.overview.pairs).toBe(digest.overview.pairs);
    expect(Object.values(view.overview.byState).reduce((n, s) => n + s.count, 0)).toBe(view.overview.pairs);
  });

  it("keeps only matching milestones and agencies under a status filter, other cells muted", async () => {
    const { content, digest } = await province();
    const view = buildBoard(content, digest, { kind: "all" }, parseBoardFilters(new URLSearchParams("tinh_trang=blocked")));
    expect(view.rows.length).toBeGreaterThan(0);
    for (const row of view.rows) {
      expect(row.cells.some((c) => c.matches && c.state === "blocked") || row.counts.blocked > 0).toBe(true);
      for (const c of row.cells) expect(c.matches).toBe(c.state === "blocked");
    }
    expect(view.blocked.every((i) => i.state === "blocked")).toBe(true);
  });

  it("limits a lead's board, lists and downloads to their own agency", async () => {
    const { content, digest } = await province();
    const agencyId = content.agencies[7]!.id;
    const view = buildBoard(content, digest, { kind: "agency", agencyId }, parseBoardFilters(new URLSearchParams("")));
    expect(view.columns.map((c) => c.id)).toEqual([agencyId]);
    expect(view.responses.map((r) => r.agencyId)).toEqual([agencyId]);
    expect([...view.blocked, ...view.overdue].every((i) => i.agencyId === agencyId)).toBe(true);
    const scoped = digestForScope(digest, { kind: "agency", agencyId });
    expect(scoped.milestones.flatMap((m) => m.pairs).every((p) => p.agencyId === agencyId)).toBe(true);
    // Counts describe the agency's own pairs only: one pair per milestone.
    for (const m of scoped.milestones) expect(Object.values(m.counts).reduce((a, b) => a + b, 0)).toBe(1);
    expect(scoped.overview.pairs).toBe(scoped.milestones.length);
  });

  it("filters agencies by locality and milestones by phase", async () => {
    const { content, digest } = await province();
    const view = buildBoard(content, digest, { kind: "all" }, parseBoardFilters(new URLSearchParams("dia_phuong=brvt&giai_doan=1")));
    expect(view.columns.every((c) => c.locality === "brvt")).toBe(true);
    const phaseOf = new Map(content.milestones.map((m) => [m.id, m.phase]));
    expect(view.rows.every((r) => phaseOf.get(r.id) === 1)).toBe(true);
  });
});
