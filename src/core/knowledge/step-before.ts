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

/**
 * "sau khi thử nghiệm qlvb xong thì triển khai tiếp cho những ai", "sau khi tạo danh sách thì bước tiếp theo là gì",
 * "what comes after the pilot?": the question asks the step after one it names (folded). Group 1 is the step named.
 */
const ASKS_AFTER_VI = /^sau khi (.+?)(?: (?:xong|hoan thanh|hoan tat|ket thuc))? (?:thi|roi|,) .*\b(?:trien khai tiep|tiep theo|ke tiep|tiep tuc|buoc tiep|lam gi tiep|lam tiep)\b/;
const ASKS_AFTER_EN = /\bwhat (?:comes|happens|is done|is next) after (.+)$/;
/** What a step-after question ends on ("tiếp theo", "làm gì tiếp"), tested before the costlier {@link ASKS_AFTER_VI}. */
const NEXT_WORDS = /\b(?:trien khai tiep|tiep theo|ke tiep|tiep tuc|buoc tiep|lam gi tiep|lam tiep)\b/;
/** The longest stretch from "sau khi" that {@link ASKS_AFTER_VI} reads: its lazy groups backtrack on long text. */
const AFTER_WINDOW = 300;

/** The step a (folded) question asks what follows ("sau khi thử nghiệm qlvb xong thì …" → "thu nghiem qlvb"), if it asks so. */
export function stepAfterAsked(folded: string): string | undefined {
  const en = ASKS_AFTER_EN.exec(folded);
  if (en) return en[1]!.trim();
  const at = folded.search(/\bsau khi /);
  if (at < 0 || !NEXT_WORDS.test(folded)) return undefined;
  return ASKS_AFTER_VI.exec(folded.slice(at, at + AFTER_WINDOW))?.[1]?.trim();
}

/** The milestone after `step` in `ordered` (one system's official milestones, by deadline), if there is one. */
export function nextStep<T>(ordered: readonly T[], step: T): T | undefined {
  const i = ordered.indexOf(step);
  return i >= 0 ? ordered[i + 1] : undefined;
}

/** "bước 2 là gì", "bước thứ hai làm gì", "step 2": the question asks one step of a system by its number (folded). */
const ASKS_NTH = /\b(?:buoc|step)(?: thu)? (\d|hai|ba|bon|nam|two|three|four|five)(?: (?:la gi|lam gi|la|the nao|ra sao|is|was))/;
/** Step numbers in words. */
const NUMBERS: Record<string, number> = { hai: 2, ba: 3, bon: 4, nam: 5, two: 2, three: 3, four: 4, five: 5 };

/** The number of the step a (folded) question asks ("bước 1 gửi ds trước 10/5, bước 2 là gì" → 2), if it asks one. */
export function nthStepAsked(folded: string): number | undefined {
  const m = ASKS_NTH.exec(folded);
  if (!m) return undefined;
  return /^\d$/.test(m[1]!) ? Number(m[1]) : NUMBERS[m[1]!];
}
