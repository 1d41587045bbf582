import { t } from "../command.js";
import type { Content } from "../content/schema.js";
import type { Lang } from "../dates.js";
import { findMilestoneById } from "../milestones.js";
import type { LatestStatus, StatusKind, Store } from "../ports.js";

/** How many responsible agencies last reported each status for one milestone. */
export interface ProgressCounts {
  /** Agencies responsible for the milestone. */
  total: number;
  /** Agencies that reported at least once. */
  reported: number;
  byStatus: Record<StatusKind, number>;
}

/**
 * The latest status of one milestone and agency, looked up in a snapshot loaded before rendering
 * (see {@link loadLatest}), so the renderers that show progress stay pure.
 */
export type LatestLookup = (milestoneId: string, agencyId: string) => LatestStatus | undefined;

/** A {@link LatestLookup} over a list of latest statuses (the store's `statuses.latest()`). */
export function latestLookup(latest: readonly LatestStatus[]): LatestLookup {
  const byPair = new Map<string, LatestStatus>();
  for (const l of latest) byPair.set(`${l.milestoneId}\u0000${l.agencyId}`, l);
  return (milestoneId, agencyId) => byPair.get(`${milestoneId}\u0000${agencyId}`);
}

/** Loads every latest status once, for one request's renderers. */
export async function loadLatest(store: Store): Promise<LatestLookup> {
  return latestLookup(await store.statuses.latest());
}

/** Counts the latest status of each responsible agency of a milestone; null for an unknown milestone. */
export function progressCounts(content: Content, latestFor: LatestLookup, milestoneId: string): ProgressCounts | null {
  const milestone = findMilestoneById(content, milestoneId);
  if (!milestone) return null;
  const byStatus: Record<StatusKind, number> = { done: 0, "on-track": 0, "at-risk": 0, blocked: 0 };
  let reported = 0;
  for (const agencyId of milestone.responsible) {
    const latest = latestFor(milestone.id, agencyId);
    if (!latest) continue;
    reported += 1;
    byStatus[latest.status] += 1;
  }
  return { total: milestone.responsible.length, reported, byStatus };
}

/**
 * The reported progress of a milestone in aggregate, for answers anyone may read:
 * "Tiến độ đã báo: 3/5 đơn vị đã báo hoàn thành; 1 đơn vị đúng tiến độ; 1 đơn vị chưa báo cáo."
 * It never names a person or an agency and never shows notes. Null when nobody has reported yet.
 */
export function progressLine(content: Content, latestFor: LatestLookup, milestoneId: string, lang: Lang): string | null {
  const counts = progressCounts(content, latestFor, milestoneId);
  if (!counts || counts.reported === 0) return null;
  const { total, reported, byStatus } = counts;
  const parts = [t(lang, `${byStatus.done}/${total} đơn vị đã báo hoàn thành`, `${byStatus.done}/${total} agencies reported done`)];
  const extra: [number, string, string][] = [
    [byStatus["on-track"], "đúng tiến độ", "on track"],
    [byStatus["at-risk"], "có nguy cơ chậm", "at risk"],
    [byStatus.blocked, "đang vướng mắc", "blocked"],
    [total - reported, "chưa báo cáo", "not reported yet"],
  ];
  for (const [n, vi, en] of extra) if (n > 0) parts.push(t(lang, `${n} đơn vị ${vi}`, `${n} ${en}`));
  return `${t(lang, "Tiến độ đã báo", "Reported progress")}: ${parts.join("; ")}.`;
}
