import { INTENT_PREFIX } from "./query.js";

/**
 * The kind of value a question expects, which the entry must supply: sharing topic words is not enough.
 * - "khi nào / bao giờ / when" about X needs a date said of X (a related milestone about X, or a date within a few
 *   words of X in the entry's text), not the date of an article or of another item in the same entry;
 * - "bao nhiêu / mấy / how many" N needs a count of N (a number within a few words of N).
 * An entry whose own questions ask the same kind about the same thing supplies it whatever its text says: "đã tạo
 * bao nhiêu tài khoản" is answered by the entry written to say that no count is published.
 */
export type ExpectedType = { kind: "date"; /** The question's topic words, rarest first. */ topic: string[] } | { kind: "count"; noun: string };

const WHEN = `${INTENT_PREFIX}when`;
const HOWMANY = `${INTENT_PREFIX}howmany`;

/** Units after "bao nhiêu" / "mấy" that are not a count of things (time spans, money, shares, days of the week). */
const NOT_COUNTED = new Set([
  "ngay", "thang", "nam", "tuan", "gio", "phut", "lau", "tien", "phan", "tram", "percent", "thu", "quy", "h", "lan", "giai", "doan",
  "day", "month", "year", "week", "hour", "time", "%", "tuoi", "dong", "usd", "vnd",
]);

/** Spelled numbers (folded) that count things: "hai giai đoạn", "three months". */
const NUMBER_WORDS = new Set([
  "mot", "hai", "ba", "bon", "tu", "nam", "sau", "bay", "tam", "chin", "muoi", "tram", "nghin", "ngan", "trieu",
  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "hundred", "thousand", "dozen",
]);

/**
 * What a question expects, read from its units (intent tokens and topic words, as the analyser gives them), or
 * undefined when it expects nothing checkable. `rare` orders the topic words, rarest first, for "when" questions.
 */
export function expectedType(units: readonly string[], rare: (unit: string) => number): ExpectedType | undefined {
  const topic = units.filter((u) => !u.startsWith(INTENT_PREFIX) && !/^\d/.test(u));
  const at = units.indexOf(HOWMANY);
  if (at >= 0) {
    const noun = units.slice(at + 1).find((u) => !u.startsWith(INTENT_PREFIX));
    if (noun && !NOT_COUNTED.has(noun) && !/^\d/.test(noun)) return { kind: "count", noun };
    return undefined;
  }
  if (units.includes(WHEN) && topic.length > 0) return { kind: "date", topic: [...topic].sort((a, b) => rare(b) - rare(a)) };
  return undefined;
}

/** Whether a unit is a date ("15/6", "6/2025", "2025") or starts one ("thang" 6, "quy" III). */
function isDateUnit(units: readonly string[], i: number): boolean {
  const u = units[i]!;
  if (/^\d{1,2}\/\d{1,2}$/.test(u) || /^\d{1,2}\/20\d\d$/.test(u) || /^20\d\d$/.test(u)) return true;
  const next = units[i + 1];
  return (u === "thang" || u === "quy" || u === "month" || u === "quarter") && next !== undefined && /^(\d{1,2}|i{1,3}|iv)$/.test(next);
}

/** The date of an article ("theo bài viết ngày 17/05/2025"), not of the thing asked. */
function isArticleDate(units: readonly string[], i: number): boolean {
  const before = units.slice(Math.max(0, i - 3), i);
  return before.some((u) => u === "bai" || u === "viet" || u === "article" || u === "dang" || u === "published");
}

/** Whether a unit is a count: a number that is no date, year or code the question itself names. */
function isCountUnit(u: string, asked: ReadonlySet<string>): boolean {
  if (NUMBER_WORDS.has(u)) return true;
  if (!/^\d+([.,]\d+)?$/.test(u) || asked.has(u)) return false;
  return !/^(19|20)\d\d$/.test(u);
}

/** What an entry offers {@link supplies}: its text's units, its questions' units, its related milestones' units. */
export interface EntryUnits {
  text: readonly string[];
  questions: readonly (readonly string[])[];
  milestones: readonly (readonly string[])[];
}

/**
 * Whether an entry supplies the value a question expects. `asked` are the question's units (numbers it names are not
 * counts it is told). Windows are a few units wide: a value said of X sits next to X.
 */
export function supplies(type: ExpectedType, entry: EntryUnits, asked: ReadonlySet<string>): boolean {
  if (type.kind === "count") {
    const { noun } = type;
    if (entry.questions.some((q) => q.includes(HOWMANY) && q.includes(noun))) return true;
    const t = entry.text;
    // An entry that never names N in its text may name it by a concept ("đơn vị" as "cấp xã"): any count will do.
    if (!t.includes(noun)) return t.some((u) => isCountUnit(u, asked));
    for (let i = 0; i < t.length; i++) {
      if (t[i] !== noun) continue;
      for (let j = Math.max(0, i - 4); j <= Math.min(t.length - 1, i + 3); j++) if (j !== i && isCountUnit(t[j]!, asked)) return true;
    }
    return false;
  }
  // X is what the question asks the date of: its two rarest topic words that the entry speaks of at all.
  const speaks = (u: string) => entry.text.includes(u) || entry.questions.some((q) => q.includes(u)) || entry.milestones.some((m) => m.includes(u));
  const about = type.topic.filter(speaks).slice(0, 2);
  if (about.length === 0) return true;
  if (entry.questions.some((q) => q.includes(WHEN) && about.some((a) => q.includes(a)))) return true;
  if (entry.milestones.some((m) => about.some((a) => m.includes(a)))) return true;
  const t = entry.text;
  for (let i = 0; i < t.length; i++) {
    if (!about.includes(t[i]!)) continue;
    for (let j = Math.max(0, i - 8); j <= Math.min(t.length - 1, i + 8); j++) if (isDateUnit(t, j) && !isArticleDate(t, j)) return true;
  }
  return false;
}
