import type { Agency, Content, Due, Milestone } from "./content/schema.js";
import { formatCountdown, formatDay, formatDue, type Lang } from "./dates.js";
import { diffDays } from "./time.js";
import { fold } from "./fold.js";

/** The agency's short name for display (e.g. "Sở KH&CN Bình Dương"); the id if it is unknown. */
export function agencyLabel(content: Content, agencyId: string): string {
  return content.agencies.find((a) => a.id === agencyId)?.shortNames[0] ?? agencyId;
}

/** A milestone's title in the interface language. */
export function milestoneTitle(m: Milestone, lang: Lang): string {
  return lang === "en" && m.titleEn ? m.titleEn : m.title;
}

/** "10/05/2025 (còn 12 ngày)": the deadline and its countdown relative to `today`. */
export function dueWithCountdown(m: Milestone, today: string, lang: Lang): string {
  return `${formatDue(m.dueParsed, lang)} (${formatCountdown(today, m.dueParsed.end, lang)})`;
}

/** A status that contradicts the plan on the day it was given: recorded anyway, but said and flagged. */
export type StatusDoubt = { kind: "on-track-overdue"; daysOverdue: number } | { kind: "done-before-start"; start: string };

/**
 * Whether `status`, given on `day`, contradicts the milestone's dates: "on track" once the deadline
 * has passed, or "done" before a date range has even started. `null` when it is plausible.
 */
export function statusDoubt(m: Milestone, status: string, day: string): StatusDoubt | null {
  const overdue = diffDays(m.dueParsed.end, day);
  if (status === "on-track" && overdue > 0) return { kind: "on-track-overdue", daysOverdue: overdue };
  if (status === "done" && m.dueParsed.precision === "range" && day < m.dueParsed.start) return { kind: "done-before-start", start: m.dueParsed.start };
  return null;
}

/** The doubt in words, for the confirmation and the digest. */
export function statusDoubtText(due: Due, doubt: StatusDoubt, lang: Lang): string {
  if (doubt.kind === "on-track-overdue") {
    return lang === "en"
      ? `the deadline (${formatDue(due, lang)}) passed ${doubt.daysOverdue} days ago, yet the status is "on track"`
      : `hạn (${formatDue(due, lang)}) đã qua ${doubt.daysOverdue} ngày mà trạng thái là "đúng tiến độ"`;
  }
  return lang === "en"
    ? `reported done before the milestone starts (${formatDay(doubt.start)})`
    : `báo đã hoàn thành trước cả ngày bắt đầu của mốc (${formatDay(doubt.start)})`;
}

/** Milestones sorted by deadline, then id. */
export function byDeadline(milestones: readonly Milestone[]): Milestone[] {
  return [...milestones].sort((a, b) => a.dueParsed.end.localeCompare(b.dueParsed.end) || a.id.localeCompare(b.id));
}

/** Every folded name an agency can be called by. */
export function agencyNames(a: Agency): string[] {
  return [a.id, a.name, ...a.shortNames, ...a.aliases].map(fold);
}

/** Finds an agency by id, name, short name or alias (folded, so diacritics and case do not matter). */
export function findAgency(content: Content, text: string): Agency | undefined {
  const q = fold(text);
  if (q.length === 0) return undefined;
  return (
    content.agencies.find((a) => agencyNames(a).includes(q)) ??
    content.agencies.find((a) => agencyNames(a).some((n) => n.includes(q) && q.length >= 4))
  );
}

/** Finds a milestone by its exact id. */
export function findMilestoneById(content: Content, id: string): Milestone | undefined {
  return content.milestones.find((m) => m.id === id.trim().toLowerCase());
}
