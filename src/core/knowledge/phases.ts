import type { Milestone } from "../content/schema.js";

/** Number words a phase may be named by, as the analyser leaves them (folded, English stemmed): "ba", "three" → 3. */
const NUMBER_WORDS: Record<string, number> = {
  mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6,
  one: 1, two: 2, thre: 3, three: 3, four: 4, five: 5, six: 6,
};
/** Ordinals said before the noun ("the third phase"), as the analyser leaves them. */
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6 };
/** Units after a phase's number that make the number a length ("giai đoạn 3 tháng chạy song song"), not a phase. */
const DURATION = new Set(["thang", "ngay", "nam", "tuan", "gio", "month", "day", "year", "week", "hour"]);
/** The concept token the analyser gives "giai đoạn", "gđ", "phase", "stage". */
const PHASE = "giaidoan";

/** Words that may name a phase once analysed (folded): a cheap test before the question's units are made. */
const MAY_NAME_PHASE = /giai ?doan|\bgd|phase|stage/;

/** Whether a folded question may name a phase at all (see {@link phasesNamed}); false rules it out without analysis. */
export function mayNamePhase(folded: string): boolean {
  return MAY_NAME_PHASE.test(folded);
}

/** The number of a unit read as a count ("3", "ba", "three"), if it is one. */
function numberOf(unit: string | undefined): number | undefined {
  if (unit === undefined) return undefined;
  if (/^\d{1,2}$/.test(unit)) return Number(unit);
  return NUMBER_WORDS[unit];
}

/**
 * The phases a question names by number (units, see query.ts): "gđ3", "giai đoạn thứ 3", "phase three", "the third
 * phase". A number followed by a length ("giai đoạn 3 tháng") names no phase.
 *
 * ```ts
 * phasesNamed(["giaidoan", "3", "kehoachlientich", "_when"]) // [3]
 * ```
 */
export function phasesNamed(units: readonly string[]): number[] {
  const out: number[] = [];
  units.forEach((u, i) => {
    if (u !== PHASE) return;
    const at = units[i + 1] === "thu" ? i + 2 : i + 1;
    const n = numberOf(units[at]);
    if (n !== undefined && !DURATION.has(units[at + 1] ?? "")) out.push(n);
    const before = ORDINALS[units[i - 1] ?? ""];
    if (before !== undefined) out.push(before);
  });
  return [...new Set(out)];
}

/** How many phases the plan has: the highest phase of its milestones. */
export function phaseCount(milestones: readonly Pick<Milestone, "phase">[]): number {
  return milestones.reduce((n, m) => Math.max(n, m.phase), 0);
}

/**
 * A phase the question names that the plan does not have ("gđ3 bao giờ bắt đầu" of a plan with two phases), or
 * undefined when every phase it names is one of the plan's (or it names none).
 */
export function phaseBeyond(units: readonly string[], count: number): number | undefined {
  return count > 0 ? phasesNamed(units).find((n) => n > count) : undefined;
}
