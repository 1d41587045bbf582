/**
 * The status board as data: a milestone × agency grid with filters, built from the digest model
 * (so the board, the digest, the CSV and the XLSX never disagree), plus the overall shares, the blocked
 * and overdue lists and the response rate per agency. Pure: the web layer renders it to HTML.
 */
import type { Content, Due, Locality } from "../content/schema.js";
import { LOCALITIES } from "../content/schema.js";
import { formatCountdown, formatDue } from "../dates.js";
import { milestoneLight } from "../digest/build.js";
import type { AgencyResponse, AttentionItem, Digest, Light, PairState, Share } from "../digest/types.js";
import { PAIR_STATES } from "../digest/types.js";

/** What a person may see on the board: everything (coordinators, admins) or one agency (its lead). */
export type BoardScope = { kind: "all" } | { kind: "agency"; agencyId: string };

/** Filters from the query string; every one is optional and they combine with "and". */
export interface BoardFilters {
  locality?: Locality;
  phase?: 1 | 2;
  status?: PairState;
  /** Only overdue pairs (deadline passed, not done). */
  overdue: boolean;
  /** 1-based page of agency columns. */
  page: number;
}

/** Agency columns per page: 20 fit a desktop screen and keep a page light on a phone. */
export const AGENCIES_PER_PAGE = 20;

/** The query-string names of the filters (Vietnamese, as people see them in the address bar). */
export const FILTER_PARAMS = { locality: "dia_phuong", phase: "giai_doan", status: "tinh_trang", overdue: "qua_han", page: "trang" } as const;

/** Names of the localities for people. */
export const LOCALITY_LABELS: Record<Locality, string> = { hcm: "TP.HCM", binhduong: "Bình Dương", brvt: "Bà Rịa - Vũng Tàu" };

/**
 * Reads filters from a query string, ignoring anything it does not know (a hand-edited address
 * never fails: an unknown value is simply no filter).
 *
 * ```ts
 * parseBoardFilters(new URLSearchParams("dia_phuong=hcm&qua_han=1")); // { locality: "hcm", overdue: true, page: 1 }
 * ```
 */
export function parseBoardFilters(query: URLSearchParams): BoardFilters {
  const locality = query.get(FILTER_PARAMS.locality) ?? "";
  const phase = query.get(FILTER_PARAMS.phase);
  const status = query.get(FILTER_PARAMS.status) ?? "";
  const page = Number.parseInt(query.get(FILTER_PARAMS.page) ?? "1", 10);
  const overdue = query.get(FILTER_PARAMS.overdue);
  return {
    ...((LOCALITIES as readonly string[]).includes(locality) && { locality: locality as Locality }),
    ...((phase === "1" || phase === "2") && { phase: Number(phase) as 1 | 2 }),
    ...((PAIR_STATES as readonly string[]).includes(status) && { status: status as PairState }),
    overdue: overdue === "1" || overdue === "on" || overdue === "true",
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 10_000) : 1,
  };
}

/** The query string of filters (page 1 is left out), for links that keep the current filters. */
export function filtersQuery(filters: BoardFilters, change: Partial<BoardFilters> = {}): string {
  const f = { ...filters, ...change };
  const q = new URLSearchParams();
  if (f.locality) q.set(FILTER_PARAMS.locality, f.locality);
  if (f.phase) q.set(FILTER_PARAMS.phase, String(f.phase));
  if (f.status) q.set(FILTER_PARAMS.status, f.status);
  if (f.overdue) q.set(FILTER_PARAMS.overdue, "1");
  if (f.page > 1) q.set(FILTER_PARAMS.page, String(f.page));
  const text = q.toString();
  return text ? `?${text}` : "";
}

/** One cell of the grid. `state` is undefined when the agency is not responsible for the milestone. */
export interface BoardCell {
  agencyId: string;
  state?: PairState;
  overdue: boolean;
  /** False when a status or overdue filter is set and this cell does not match it (shown muted). */
  matches: boolean;
  note?: string;
  at?: string;
}

/** One milestone row. */
export interface BoardRow {
  id: string;
  title: string;
  phase: 1 | 2;
  due: Due;
  /** "10/05/2025", "tháng 5/2025". */
  dueText: string;
  /** "còn 12 ngày", "đã qua 5 ngày", "hôm nay là hạn chót". */
  countdown: string;
  daysLeft: number;
  light: Light;
  /** Status counts over the agencies in scope and filter (all pages), for the row's bar. */
  counts: Record<PairState, number>;
  /** Aligned with {@link BoardView.columns}. */
  cells: BoardCell[];
}

/** One agency column. */
export interface BoardColumn {
  id: string;
  name: string;
  locality: Locality;
}

/** Everything the board page shows. */
export interface BoardView {
  today: string;
  generatedAt: string;
  scope: BoardScope;
  filters: BoardFilters;
  /** The agencies of this page. */
  columns: BoardColumn[];
  rows: BoardRow[];
  page: number;
  pages: number;
  /** Agencies in scope and filter, over all pages. */
  agencyCount: number;
  /** Shares of the pairs in scope and filter (buckets add up to `pairs`). */
  overview: { pairs: number; byState: Record<PairState, Share>; overdue: Share };
  blocked: AttentionItem[];
  overdue: AttentionItem[];
  /** Response rate of each agency in scope and filter, in content order (never ranked). */
  responses: AgencyResponse[];
}

/**
 * Builds the board from a digest: the scope limits agencies (a lead sees only their own), the
 * locality filter limits agencies, the phase limits milestones, and the status and overdue filters keep
 * the milestones and agencies with at least one matching cell (other cells stay, muted, so a row is
 * never misread). Agencies are paged {@link AGENCIES_PER_PAGE} at a time.
 */
export function buildBoard(content: Content, digest: Digest, scope: BoardScope, filters: BoardFilters): BoardView {
  const agencyById = new Map(content.agencies.map((a) => [a.id, a]));
  const milestoneById = new Map(content.milestones.map((m) => [m.id, m]));
  const inScope = (agencyId: string) =>
    (scope.kind === "all" || scope.agencyId === agencyId) && (!filters.locality || agencyById.get(agencyId)?.locality === filters.locality);
  const matches = (state: PairState, overdue: boolean) => (!filters.status || state === filters.status) && (!filters.overdue || overdue);
  const filtering = filters.status !== undefined || filters.overdue;

  const milestones = digest.milestones.filter((m) => !filters.phase || milestoneById.get(m.id)?.phase === filters.phase);
  const wantedAgencies = new Set<string>();
  const keptMilestones = milestones.filter((m) => {
    let kept = false;
    for (const p of m.pairs) {
      if (!inScope(p.agencyId)) continue;
      if (!filtering) wantedAgencies.add(p.agencyId);
      if (matches(p.state, p.overdue)) {
        kept = true;
        wantedAgencies.add(p.agencyId);
      }
    }
    return kept;
  });
  const allColumns: BoardColumn[] = content.agencies
    .filter((a) => wantedAgencies.has(a.id))
    .map((a) => ({ id: a.id, name: a.shortNames[0] ?? a.name, locality: a.locality }));
  const pages = Math.max(1, Math.ceil(allColumns.length / AGENCIES_PER_PAGE));
  const page = Math.min(filters.page, pages);
  const columns = allColumns.slice((page - 1) * AGENCIES_PER_PAGE, page * AGENCIES_PER_PAGE);

  const counted: { state: PairState; overdue: boolean }[] = [];
  const rows: BoardRow[] = keptMilestones.map((m) => {
    const byAgency = new Map(m.pairs.map((p) => [p.agencyId, p]));
    const counts = Object.fromEntries(PAIR_STATES.map((s) => [s, 0])) as Record<PairState, number>;
    for (const p of m.pairs) {
      if (!wantedAgencies.has(p.agencyId) || !inScope(p.agencyId)) continue;
      counts[p.state] += 1;
      counted.push(p);
    }
    const cells = columns.map((c): BoardCell => {
      const p = byAgency.get(c.id);
      if (!p) return { agencyId: c.id, overdue: false, matches: !filtering };
      return {
        agencyId: c.id,
        state: p.state,
        overdue: p.overdue,
        matches: matches(p.state, p.overdue),
        ...(p.note !== undefined && { note: p.note }),
        ...(p.at !== undefined && { at: p.at }),
      };
    });
    return {
      id: m.id,
      title: m.title,
      phase: milestoneById.get(m.id)?.phase ?? 1,
      due: m.due,
      dueText: formatDue(m.due),
      countdown: formatCountdown(digest.today, m.due.end),
      daysLeft: m.daysLeft,
      light: m.light,
      counts,
      cells,
    };
  });

  const total = counted.length;
  const share = (n: number): Share => ({ count: n, percent: total === 0 ? 0 : Math.round((n * 100) / total) });
  const byState = Object.fromEntries(PAIR_STATES.map((s) => [s, share(counted.filter((p) => p.state === s).length)])) as Record<PairState, Share>;
  const keptIds = new Set(keptMilestones.map((m) => m.id));
  const listed = (items: readonly AttentionItem[]) => items.filter((i) => keptIds.has(i.milestoneId) && wantedAgencies.has(i.agencyId) && inScope(i.agencyId));
  return {
    today: digest.today,
    generatedAt: digest.generatedAt,
    scope,
    filters: { ...filters, page },
    columns,
    rows,
    page,
    pages,
    agencyCount: allColumns.length,
    overview: { pairs: total, byState, overdue: share(counted.filter((p) => p.overdue).length) },
    blocked: listed(digest.attention.blocked),
    overdue: listed(digest.attention.overdue),
    responses: digest.agencies.filter((a) => wantedAgencies.has(a.agencyId) && inScope(a.agencyId)),
  };
}

/**
 * Restricts a digest to one agency's pairs (a lead's downloads and chart), keeping the milestones it is
 * responsible for, with counts, lights and overview recomputed from those pairs only, so nothing about
 * other agencies leaks, not even as a count.
 */
export function digestForScope(digest: Digest, scope: BoardScope): Digest {
  if (scope.kind === "all") return digest;
  const milestones = digest.milestones
    .map((m) => {
      const pairs = m.pairs.filter((p) => p.agencyId === scope.agencyId);
      const counts = Object.fromEntries(PAIR_STATES.map((s) => [s, pairs.filter((p) => p.state === s).length])) as Record<PairState, number>;
      const { changes: _changes, previousLight: _previous, ...rest } = m;
      return { ...rest, pairs, counts, light: milestoneLight(pairs, m.daysLeft) };
    })
    .filter((m) => m.pairs.length > 0);
  const all = milestones.flatMap((m) => m.pairs);
  const share = (n: number): Share => ({ count: n, percent: all.length === 0 ? 0 : Math.round((n * 100) / all.length) });
  const own = (i: AttentionItem) => i.agencyId === scope.agencyId;
  return {
    ...digest,
    milestones,
    overview: {
      pairs: all.length,
      byState: Object.fromEntries(PAIR_STATES.map((s) => [s, share(all.filter((p) => p.state === s).length)])) as Record<PairState, Share>,
      overdue: share(all.filter((p) => p.overdue).length),
    },
    comingUp: [],
    attention: {
      blocked: digest.attention.blocked.filter(own),
      overdue: digest.attention.overdue.filter(own),
      atRiskSoon: digest.attention.atRiskSoon.filter(own),
      doubtful: digest.attention.doubtful.filter(own),
    },
    agencies: digest.agencies.filter((a) => a.agencyId === scope.agencyId),
  };
}
