import { monthBounds, type Milestone } from "../content/schema.js";
import { formatDue, formatMonth, type Lang, MONTH_WORDS_EN } from "../dates.js";
import { byDeadline, milestoneTitle } from "../milestones.js";

/**
 * Every milestone of a month, across systems: "trong tháng 5/2025 kế hoạch có những mốc nào phải hoàn thành",
 * "tháng 6/2025 có những việc gì phải làm", "What is due in June 2025?". {@link monthAsked} reads the question,
 * {@link milestonesInMonth} finds the milestones (pure), {@link renderMonth} writes the answer.
 */

/** A month asked: its year (when written) and number (1–12). */
export interface AskedMonth {
  year?: number;
  month: number;
}

/** "tháng 5/2025", "tháng 5 năm 2025", "tháng 5", "thang 05-2025" (folded): group 1 the month, group 2 the year. */
const MONTH_VI = /\bthang (\d{1,2})(?:(?:[/-]| nam )(\d{4}))?\b/;
/** "May 2025", "in June", "june of 2025" (folded): group 1 the month word, group 2 the year. */
const MONTH_EN = new RegExp(String.raw`\b(${MONTH_WORDS_EN.join("|")})(?: of)?(?: (\d{4}))?\b`);

/**
 * "những mốc nào", "những việc gì", "có gì", "các mốc", "phải làm gì", "what is due", "which deadlines", "what happens":
 * the question asks for everything that falls in the month (folded).
 */
const ASKS_ALL_OF_MONTH = new RegExp(
  [
    String.raw`\b(nhung|cac|tat ca|may|bao nhieu)( (moc|han|viec|cong viec|nhiem vu|hang muc|noi dung|he thong|hoat dong))( thoi gian| chot)?( (nao|gi))?\b`,
    String.raw`\b(moc|han|viec|cong viec|nhiem vu|hang muc|noi dung|hoat dong) (nao|gi)\b`,
    String.raw`\bco (gi|nhung gi)\b`,
    String.raw`\b(phai )?(lam|hoan thanh|xong) (nhung )?(gi|viec gi)\b`,
    String.raw`\bliet ke\b|\bke ra\b`,
    String.raw`\bwhat (is|s|are|was|were) (due|happening|planned|scheduled|supposed)\b`,
    String.raw`\bwhat (happens|needs|must|should|has to|have to)\b`,
    String.raw`\b(which|what|all( the)?|list( the)?) (deadlines|milestones|tasks|steps)\b`,
  ].join("|"),
);

/**
 * The month a (folded) question asks everything of ("trong tháng 5/2025 … những mốc nào" → May 2025), or undefined
 * when it names no month or does not ask for all of it. A month written as a day's ("15/5") is no month.
 */
export function monthAsked(folded: string): AskedMonth | undefined {
  if (!ASKS_ALL_OF_MONTH.test(folded)) return undefined;
  // "từ tháng 5 đến tháng 8": a span of months, which the plan's entries answer as one group.
  if ((folded.match(new RegExp(MONTH_VI.source, "g")) ?? []).length > 1) return undefined;
  const vi = MONTH_VI.exec(folded);
  if (vi) {
    const month = Number(vi[1]);
    if (month < 1 || month > 12) return undefined;
    return vi[2] ? { year: Number(vi[2]), month } : { month };
  }
  const en = MONTH_EN.exec(folded);
  // "may" is also a Vietnamese word ("mấy") and an English verb: an English month needs a year, or "in".
  if (!en || (en[1] === "may" && !en[2])) return undefined;
  if (!en[2] && !new RegExp(String.raw`\b(in|during|for|of) ${en[1]}\b`).test(folded)) return undefined;
  const month = MONTH_WORDS_EN.indexOf(en[1]!) + 1;
  return en[2] ? { year: Number(en[2]), month } : { month };
}

/** A month a text writes, with where it is and how it is written. */
export interface WrittenMonth extends AskedMonth {
  index: number;
  written: string;
}

/**
 * The months a (folded) text writes ("tháng 6/2026", "thang 12", "June 2026", "in June"), in order. An English month
 * needs a year or "in" before it ("may" is also "mấy"); a day's month ("15/6") is no month.
 */
export function monthsWritten(folded: string): WrittenMonth[] {
  const out: WrittenMonth[] = [];
  for (const m of folded.matchAll(new RegExp(MONTH_VI.source, "g"))) {
    const month = Number(m[1]);
    if (month >= 1 && month <= 12) out.push({ month, ...(m[2] ? { year: Number(m[2]) } : {}), index: m.index!, written: m[0] });
  }
  for (const m of folded.matchAll(new RegExp(MONTH_EN.source, "g"))) {
    if (!m[2] && (m[1] === "may" || !new RegExp(String.raw`\b(in|during|for|of|by|until|till) ${m[1]}\b`).test(folded))) continue;
    out.push({ month: MONTH_WORDS_EN.indexOf(m[1]!) + 1, ...(m[2] ? { year: Number(m[2]) } : {}), index: m.index!, written: m[0] });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Words a follow-up naming only another month may have beside it ("tháng 9 thì sao", "còn tháng 8?", "and September?"). */
const FOLLOW_UP_WORDS = new Set([
  "con", "the", "thi", "sao", "vay", "va", "nao", "nua", "ha", "a", "nhi", "ne", "roi", "ra", "nhu", "cua", "trong", "thang", "nam",
  "and", "what", "about", "how", "in", "of", "for", "then", "during",
]);

/**
 * The question a short follow-up naming only another month asks, when the previous question asked everything of a
 * month ("tháng 6/2025 có mốc gì", then "tháng 9 thì sao" → "thang 9/2025 co moc gi"): the previous question (folded)
 * with the new month, and the previous year when the follow-up writes none; undefined otherwise. Both folded.
 *
 * ```ts
 * monthFollowUp("thang 6/2025 co moc gi", "thang 9 thi sao") // "thang 9/2025 co moc gi"
 * ```
 */
export function monthFollowUp(previous: string, folded: string): string | undefined {
  const before = monthAsked(previous);
  if (!before) return undefined;
  const vi = MONTH_VI.exec(folded);
  const en = vi ? undefined : MONTH_EN.exec(folded);
  // "còn mấy?": "may" without a year is the Vietnamese "mấy" as much as May.
  if ((!vi && !en) || (en?.[1] === "may" && !en[2])) return undefined;
  const month = vi ? Number(vi[1]) : MONTH_WORDS_EN.indexOf(en![1]!) + 1;
  const year = vi?.[2] ?? en?.[2] ?? before.year;
  if (month < 1 || month > 12 || month === before.month) return undefined;
  // Nothing else asked: the month's words aside, only the words of a follow-up.
  const rest = folded.replace((vi ?? en)![0], " ").split(" ").filter((w) => w.length > 0 && !FOLLOW_UP_WORDS.has(w));
  if (rest.length > 0) return undefined;
  const was = MONTH_VI.exec(previous) ?? MONTH_EN.exec(previous);
  if (!was) return undefined;
  const name = MONTH_VI.test(was[0]) ? `thang ${month}${year ? `/${year}` : ""}` : `${MONTH_WORDS_EN[month - 1]}${year ? ` ${year}` : ""}`;
  return previous.replace(was[0], name);
}

/** The milestones of one month: those due on a day of it or in it, and the spans of months that hold it. */
export interface MonthMilestones {
  year: number;
  month: number;
  /** Due on a day of the month, or in the month with no day, by deadline. */
  due: Milestone[];
  /** Spans of months (May to August) that the month is part of, by deadline. */
  spans: Milestone[];
  /** Estimated spans (that only follow from a deadline) that overlap the month. */
  estimated: Milestone[];
}

/**
 * The milestones in a month of `year` (the plan's year when the question writes none): official deadlines on a day
 * of it or in the month, spans of months that hold it, and estimated spans overlapping it; undefined when none.
 */
export function milestonesInMonth(milestones: readonly Milestone[], year: number, month: number): MonthMilestones | undefined {
  const { start: first, end: last } = monthBounds(`${year}-${String(month).padStart(2, "0")}`)!;
  const official = milestones.filter((m) => m.reminders?.enabled !== false);
  const due = byDeadline(official.filter((m) => m.dueParsed.precision !== "range" && first <= m.dueParsed.end && m.dueParsed.end <= last));
  const spans = byDeadline(official.filter((m) => m.dueParsed.precision === "range" && m.dueParsed.start <= last && first <= m.dueParsed.end));
  // A span that only follows from a deadline (3 months of parallel use) is said as an estimate; a day or month kept
  // only to sort an item the plan gives no time for is no time of it.
  const estimated = byDeadline(milestones.filter((m) => m.reminders?.enabled === false && m.dueParsed.precision === "range" && m.dueParsed.start <= last && first <= m.dueParsed.end));
  if (due.length === 0 && spans.length === 0) return undefined;
  return { year, month, due, spans, estimated };
}

/**
 * A month's milestones in words: each deadline with its day (or "in the month, no day given"), then the spans of
 * months it is part of, grouped by span, then estimates, said to be estimates.
 */
export function renderMonth(x: MonthMilestones, lang: Lang): string[] {
  const vi = lang === "vi";
  const name = formatMonth(`${x.year}-${String(x.month).padStart(2, "0")}-01`, lang);
  const out = [vi ? `Các mốc của kế hoạch trong ${name}:` : `The plan's deadlines in ${name}:`];
  for (const m of x.due) {
    const when = m.dueParsed.precision === "day" ? formatDue(m.dueParsed, lang) : vi ? `trong ${name} (không nêu ngày)` : `in ${name} (no day given)`;
    const expected = m.estimated ? (vi ? " (dự kiến)" : " (expected)") : "";
    out.push(`• ${when}: ${milestoneTitle(m, lang)}${expected}`);
  }
  const groups = new Map<string, Milestone[]>();
  for (const m of x.spans) groups.set(m.dueParsed.raw, [...(groups.get(m.dueParsed.raw) ?? []), m]);
  for (const ms of groups.values()) {
    const span = formatDue(ms[0]!.dueParsed, lang);
    const titles = ms.map((m) => milestoneTitle(m, lang).replace(/^./, (c) => c.toLowerCase())).join("; ");
    out.push(vi ? `Ngoài ra, ${name} nằm trong khoảng hoàn thành ${span} của: ${titles}.` : `${name} is also within the span ${span} of: ${titles}.`);
  }
  for (const m of x.estimated) {
    out.push(vi ? `Ước tính (không phải hạn chính thức): ${milestoneTitle(m, lang)}, ${formatDue(m.dueParsed, lang)}.` : `Estimated (not an official deadline): ${milestoneTitle(m, lang)}, ${formatDue(m.dueParsed, lang)}.`);
  }
  return out;
}
