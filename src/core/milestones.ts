import type { Agency, Content, Milestone } from "./content/schema.js";
import { formatCountdown, formatDue, type Lang } from "./dates.js";
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
