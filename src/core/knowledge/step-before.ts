import type { FaqEntry, Milestone } from "../content/schema.js";

/**
 * "trước khi thử nghiệm qlvb thì phải làm gì", "bước trước khi triển khai toàn bộ là gì", "what has to be done before
 * the pilot?": the question asks what comes before a step of one system. The answer is the entry that walks through
 * that system's steps ({@link stepsEntry}), which says what comes first even when it has no date of its own.
 */

/** "trước khi … (phải) làm gì", "bước trước … là gì", "what comes before …", "before …, what …" (folded). */
const ASKS_BEFORE = new RegExp(
  [
    String.raw`\btruoc khi\b.*\b(phai |can |se )?(lam|thuc hien|chuan bi) (gi|nhung gi|viec gi|nhung viec gi|cai gi)\b`,
    String.raw`\btruoc khi\b.*\b(buoc|viec|cong viec) (nao|gi)\b`,
    String.raw`\b(lam|thuc hien|chuan bi) (gi|nhung gi|viec gi) truoc khi\b`,
    String.raw`\bbuoc (lien )?truoc (do |khi )?.*\b(la gi|nao)\b`,
    String.raw`\bwhat (comes|happens|must happen|must be done|needs to be done|has to be done|is done|should be done|needs to happen)( first)? before\b`,
    String.raw`\bbefore (the |a )?\w+.*\bwhat (must|should|has to|needs to|do|does)\b`,
  ].join("|"),
);

/** Whether a (folded) question asks what comes before a step. */
export function asksWhatPrecedes(folded: string): boolean {
  return ASKS_BEFORE.test(folded);
}

/**
 * The entry that walks through the steps of `system`: of the entries whose milestones are all the system's, the one
 * with the most (at least two); undefined when no entry covers two of its steps.
 */
export function stepsEntry(faq: readonly FaqEntry[], milestones: readonly Milestone[], system: string): FaqEntry | undefined {
  const of = new Set(milestones.filter((m) => m.system === system).map((m) => m.id));
  const fits = faq.filter((e) => e.referral !== true && e.milestones.length >= 2 && e.milestones.every((id) => of.has(id)));
  return fits.sort((a, b) => b.milestones.length - a.milestones.length)[0];
}
