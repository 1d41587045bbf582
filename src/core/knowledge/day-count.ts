import { formatDay, type Lang, MONTH_WORDS_EN } from "../dates.js";
import { diffDays } from "../time.js";
import { writtenDays } from "./calendar-question.js";

/**
 * Day counts between today and a day an answer gives: "tính tới hôm nay 1022 chạy chính thức được bao nhiêu ngày
 * rồi" (days since), "How many days until the city-wide pilot … starts?" (days to go). The answer's countdown in
 * words ("đã qua hơn 1 năm") is no count: these questions get the exact number of calendar days.
 */

/**
 * "bao nhiêu ngày", "mấy ngày", "được bao lâu rồi", "how many days", "days since": the question asks a number of
 * days. Not how long a break lasts ("nghỉ mấy ngày"), which the calendar answers first. Folded.
 */
const ASKS_DAY_COUNT = /\b((bao nhieu|may|bn|bnhieu) ngay|(duoc|da) bao lau( roi)?|bao lau (roi|nua)|how many days|how long( in days)? (ago|since|until|till|before|has|have|had)\b(?! to)|in how many days|days (since|until|till|left|ago|to go|have passed))\b/;

/** Whether a folded question asks a number of days (see ASKS_DAY_COUNT). */
export function asksDayCount(folded: string): boolean {
  return ASKS_DAY_COUNT.test(folded);
}

/** A day an entry's text gives, with the words of its clause before it ("thí điểm toàn thành phố từ"). */
export interface DatedClause {
  day: string;
  /** The text between the previous day or clause break and the day: what the day is the day of. */
  before: string;
}

const MONTH_WORD = `(${MONTH_WORDS_EN.join("|")})`;
/** Days written with their year in an answer: "15/10/2025", "06/10/2025", "15 October 2025", "October 15, 2025". */
const FULL_DAYS = new RegExp(String.raw`\b(\d{1,2})/(\d{1,2})/(\d{4})\b|\b(\d{1,2}) ${MONTH_WORD},? (\d{4})\b|\b${MONTH_WORD} (\d{1,2}),? (\d{4})\b`, "gi");

/** The days an answer writes with their year, each with the words of its clause before it. Pure. */
export function datedClauses(text: string): DatedClause[] {
  const out: DatedClause[] = [];
  let from = 0;
  for (const m of text.matchAll(FULL_DAYS)) {
    const at = m.index ?? 0;
    const [d, mo, y] = m[1] !== undefined ? [m[1], m[2]!, m[3]!] : m[4] !== undefined ? [m[4], monthNumber(m[5]!), m[6]!] : [m[8]!, monthNumber(m[7]!), m[9]!];
    const day = `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    // The clause: from the last sentence or clause break before the day (or the previous day).
    const lead = text.slice(from, at);
    // A bracket closed before the day is part of its clause ("TP.HCM mới (gồm cả Bình Dương, …) chính thức hoạt động
    // từ"): its commas and its opening are no break.
    const open = lead.replace(/\([^()]*\)/g, (x) => " ".repeat(x.length));
    const cut = Math.max(open.lastIndexOf(","), open.lastIndexOf(";"), open.lastIndexOf(". "), open.lastIndexOf("("));
    out.push({ day, before: lead.slice(cut + 1).trim() });
    from = at + m[0].length;
  }
  return out;
}

function monthNumber(word: string): number {
  return MONTH_WORDS_EN.indexOf(word.toLowerCase()) + 1;
}

/**
 * The day of `choices` a question asks the count of: the one whose words (`wordsOf`, the search's units) share the
 * most topic words with the question's units; the only one when there is one. Undefined when two tie, or none shares
 * a word while there are several.
 */
export function chooseDay<T extends { day: string }>(choices: readonly T[], asked: readonly string[], wordsOf: (c: T) => readonly string[]): T | undefined {
  // A day written more than once (in each language) is read with the words of all its clauses.
  const byDay = new Map<string, T[]>();
  for (const c of choices) byDay.set(c.day, [...(byDay.get(c.day) ?? []), c]);
  const distinct = [...byDay.values()];
  if (distinct.length === 1) return distinct[0]![0];
  const topic = new Set(asked.filter((u) => !u.startsWith("_")));
  const scored = distinct
    .map((cs) => ({ c: cs[0]!, n: new Set(cs.flatMap((c) => wordsOf(c)).filter((u) => topic.has(u))).size }))
    .sort((a, b) => b.n - a.n);
  const [first, second] = scored;
  if (!first || first.n === 0 || (second && second.n === first.n)) return undefined;
  return first.c;
}

/**
 * "Tính đến hôm nay (02/12/2026), đã 457 ngày kể từ 01/09/2025." or "Tính từ hôm nay (01/10/2025), còn 14 ngày nữa là
 * đến 15/10/2025."; in English "As of today (2 December 2026), 457 days have passed since 1 September 2025." and
 * "As of today (1 October 2025), 15 October 2025 is 14 days away."
 */
export function dayCountLine(today: string, day: string, lang: Lang): string {
  const n = diffDays(today, day);
  const [todayText, dayText] = [formatDay(today, lang), formatDay(day, lang)];
  const plural = (k: number) => `${k} day${k === 1 ? "" : "s"}`;
  if (lang === "en") {
    if (n === 0) return `${dayText} is today.`;
    return n > 0 ? `As of today (${todayText}), ${dayText} is ${plural(n)} away.` : `As of today (${todayText}), ${plural(-n)} ${n === -1 ? "has" : "have"} passed since ${dayText}.`;
  }
  if (n === 0) return `${dayText} là hôm nay.`;
  return n > 0 ? `Tính từ hôm nay (${todayText}), còn ${n} ngày nữa là đến ${dayText}.` : `Tính đến hôm nay (${todayText}), đã ${-n} ngày kể từ ${dayText}.`;
}

/** "nghỉ", "holiday", "days off": how long a break lasts, which the calendar answers. Not "hội nghị" (a conference). Folded. */
const BREAK_ASKED = /\b(?<!hoi )(nghi|holidays?|days? off|break)\b/;
/** "cách nhau bao nhiêu ngày", "bao nhiêu ngày", "how many days between": a count of days between two days (folded). */
const ASKS_BETWEEN = /\b(cach nhau|(cach|la|mat|chenh nhau) bao lau|(bao nhieu|may|bn|bnhieu) ngay|how many days|days between|days apart|how long between)\b/;

/**
 * The two days a question counts the days between ("từ hạn gửi danh sách (10/5) tới hạn tạo tài khoản (10/6) cách
 * nhau bao nhiêu ngày", "how many days between 10/5 and 10/6"): the days as written, in order, or undefined when it
 * asks no count or writes other than two days. Folded.
 */
export function daysWritten(folded: string): [string, string] | undefined {
  // "từ 30/4 đến 1/5 nghỉ mấy ngày": how long a break lasts is the calendar's.
  if (!ASKS_BETWEEN.test(folded) || BREAK_ASKED.test(folded)) return undefined;
  const days = writtenDays(folded);
  return days.length === 2 && days[0] !== days[1] ? [days[0]!, days[1]!] : undefined;
}

/**
 * "Từ 10/05/2025 đến 10/06/2025 là 31 ngày.", "From 10 May 2025 to 10 June 2025 is 31 days." (in order of time); one day
 * twice is "Cùng ngày 01/09/2025 (cách nhau 0 ngày).", "Both on 1 September 2025 (0 days apart)."
 */
export function daysBetweenLine(a: string, b: string, lang: Lang): string {
  if (a === b) return lang === "en" ? `Both on ${formatDay(a, lang)} (0 days apart).` : `Cùng ngày ${formatDay(a, lang)} (cách nhau 0 ngày).`;
  const [from, to] = a <= b ? [a, b] : [b, a];
  const n = diffDays(from, to);
  return lang === "en"
    ? `From ${formatDay(from, lang)} to ${formatDay(to, lang)} is ${n} day${n === 1 ? "" : "s"}.`
    : `Từ ${formatDay(from, lang)} đến ${formatDay(to, lang)} là ${n} ngày.`;
}

/** What ends the second of two things counted between: the asking words ("cách nhau", "được mấy ngày", "đc bn ngày", "là bao lâu"). Folded. */
const BETWEEN_TAIL = /\s(?:cach nhau|cach|chenh|duoc|dc|la|thi(?! (?:diem|nghiem|hanh)\b)|mat|co|con|bao nhieu|bn|may|is|are|how many|in days)\b.*$/;
/** "hôm nay", "nay", "bây giờ", "today", "now": where a count from today starts, which {@link dayCountLine} answers. */
const NOW_WORDS = /^(hom nay|nay|bay gio|gio|hien tai|today|now)$/;
/** A phrase that starts with a word of {@link NOW_WORDS} and goes on ("nay sáp nhập"): the word captured. */
const NOW_FIRST = /^(hom nay|nay|bay gio|gio|hien tai|today|now) .*$/;

/**
 * The two things a question counts the days between, as written ("từ hạn thử nghiệm qlvb đến hạn triển khai toàn bộ
 * cách nhau bao nhiêu ngày" → ["han thu nghiem qlvb", "han trien khai toan bo"], "how many days between the pilot
 * deadline and the rollout deadline", "từ hôm nay đến hạn …"): folded phrases, or undefined when it asks no count
 * between two things. Folded.
 */
export function betweenPhrases(folded: string): [string, string] | undefined {
  if (!ASKS_BETWEEN.test(folded) || BREAK_ASKED.test(folded)) return undefined;
  const m =
    /\b(?:tu|from) (.+?) (?:cho den|den|toi|sang|to|until) (.+)$/.exec(folded) ??
    /\b(?:giua|between) (.+?) (?:va|voi|and) (.+)$/.exec(folded) ??
    // "mốc thí điểm QLVB với mốc triển khai toàn bộ cách nhau mấy ngày": two things joined, then how far apart.
    /^(.+?) voi (.+?) (?:cach|chenh)\b/.exec(folded) ??
    /^(.+?) va (.+?) (?:cach|chenh)\b/.exec(folded);
  if (!m) return undefined;
  // "từ 1/7 đến nay sáp nhập được mấy ngày": a side that starts with today is today, what follows it is the topic.
  const [a, b] = [m[1]!, m[2]!].map((x) => x.replace(BETWEEN_TAIL, "").trim().replace(NOW_FIRST, "$1")) as [string, string];
  if (a.length === 0 || b.length === 0 || (isNow(a) && isNow(b))) return undefined;
  return [a, b];
}

/** Whether a phrase of {@link betweenPhrases} is today ("hôm nay", "bây giờ", "now"). Folded. */
export function isNow(phrase: string): boolean {
  return NOW_WORDS.test(phrase);
}

/** Words of a phrase that name no milestone ("hạn", "hệ thống", "ngày"): not counted by {@link chooseMilestone}. */
const NAMES_NONE = new Set(["han", "moc", "he", "thong", "ngay", "cach", "nhau", "tu", "den", "toi", "cho", "cac", "va", "tai", "mot", "so", "cua", "deadlin", "deadline", "date", "day", "system", "the", "of", "and", "for", "to"]);

/** "ngày đó", "hạn đó", "that date", "the same day": a phrase of {@link betweenPhrases} pointing back at the day the previous answer gave. Folded. */
const POINTS_BACK = /^(?:(?:ngay|hom|moc|han|thoi diem|luc) (?:do|ay|nay|kia|tren|vua roi)|(?:that|this|the same|the above|the previous|the last) (?:date|day|deadline|one)|that|then)$/;

/** Whether a phrase of {@link betweenPhrases} points back at the previous answer's day ("ngày đó", "that date"). Folded. */
export function pointsBack(phrase: string): boolean {
  return POINTS_BACK.test(phrase);
}

/**
 * The one of `choices` a phrase names: the one sharing the most of its words (units) with it, ties broken by the
 * words of the whole question (`context`); undefined when none shares a word, or two still tie.
 */
export function chooseMilestone<T>(choices: readonly T[], phrase: readonly string[], context: readonly string[], wordsOf: (c: T) => readonly string[]): T | undefined {
  const shared = (words: readonly string[], c: T) => {
    const own = new Set(wordsOf(c));
    return new Set(words.filter((u) => !u.startsWith("_") && !NAMES_NONE.has(u) && own.has(u))).size;
  };
  const scored = choices.map((c) => ({ c, n: shared(phrase, c), k: shared(context, c) })).sort((x, y) => y.n - x.n || y.k - x.k);
  const [first, second] = scored;
  if (!first || first.n === 0 || (second && second.n === first.n && second.k === first.k)) return undefined;
  return first.c;
}
