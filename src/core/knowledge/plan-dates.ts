import type { Milestone } from "../content/schema.js";
import { formatDay, formatDue, type Lang } from "../dates.js";
import { byDeadline, dueWithCountdown, milestoneTitle } from "../milestones.js";
import { capital } from "../text.js";
import { diffDays } from "../time.js";
import { writtenDayMatches } from "./calendar-question.js";

/**
 * Reasoning over the plan's dates, asked without naming a day: which deadline comes first or last ("hệ thống nào có
 * hạn sớm nhất trong gđ1", "the latest milestone of phase 1"), whether one thing comes before or after another ("QLVB
 * chạy chính thức trước hay sau khi tỉnh mới hoạt động"), whether a deadline falls in a holiday break, and whether the
 * days a person states are the plan's ("ds cán bộ gửi trước 10/5, tạo tk trước 10/6 đúng ko"). Pure: each reader
 * takes the folded question, each renderer the milestones and days found; answer.ts finds them in the content.
 */

/** Which end of the plan's deadlines a question asks. */
export type Extreme = "earliest" | "latest";

/** "sớm nhất", "trước nhất", "mốc đầu tiên", "xong đầu tiên", "earliest", "the first deadline", "due first" (folded). */
const EARLIEST =
  /\b(som nhat|truoc nhat|earliest|soonest)\b|\b(moc|han|xong|hoan thanh|den han|het han)( \S+){0,2}? (dau tien|truoc tien|truoc het)\b|\b(first|earliest) (deadline|milestone|due date|task|item)s?\b|\b(due|comes?|falls?|finish(es)?) first\b/;
/** "muộn nhất", "trễ nhất", "mốc cuối cùng", "mốc cuối", "latest", "the last deadline", "comes last" (folded). */
const LATEST =
  /\b(muon nhat|tre nhat|cham nhat|sau nhat|latest)\b|\b(moc|han|xong|hoan thanh|den han|het han)( \S+){0,2}? (cuoi cung|sau cung|sau chot)\b|\bmoc cuoi\b|\b(last|final|latest) (deadline|milestone|due date|task|item)s?\b|\b(due|comes?|falls?|finish(es)?) last\b/;
/** What the first or last is of: a deadline, a task, a system asked as "which" (folded). */
const OF_DEADLINES =
  /\b(han|moc|thoi han|deadlines?|milestones?|due|viec|cong viec|hang muc|nhiem vu|tasks?|items?)\b|\b(he thong|httt) (nao|gi)\b|\bwhich (systems?|ones?)\b/;

/**
 * Whether a (folded) question asks the plan's earliest or latest deadline, and which; undefined when it asks
 * neither, or both. Whether it names one step instead ("hạn chót cuối cùng gửi danh sách email") is for the caller to
 * judge from its words.
 */
export function readExtreme(folded: string): Extreme | undefined {
  if (!OF_DEADLINES.test(folded)) return undefined;
  const [early, late] = [EARLIEST.test(folded), LATEST.test(folded)];
  if (early === late) return undefined;
  return early ? "earliest" : "latest";
}

/** The milestones at one end of the plan's deadlines, and those known only by their month around it. */
export interface ExtremeDeadlines {
  which: Extreme;
  /** The official deadlines due on the extreme day (several when they tie). */
  due: Milestone[];
  /** Official deadlines the plan gives only a month for, whose month holds that day: they may be earlier (or later). */
  sameMonth: Milestone[];
}

/**
 * The earliest or latest of `milestones`' official deadlines (a span that only follows from one, such as "3 months of
 * parallel use", is none), by the day each ends; undefined when there is none. A deadline given as a span of months
 * ("from 5/2025 to 8/2025") ends with its last month. With `dayOnly` ("mốc có ngày cụ thể muộn nhất"), only deadlines
 * given with their day are ranked (those of a month holding the picked day are still said beside it).
 */
export function extremeDeadlines(milestones: readonly Milestone[], which: Extreme, dayOnly = false): ExtremeDeadlines | undefined {
  const official = byDeadline(milestones.filter((m) => m.reminders?.enabled !== false));
  const ranked = dayOnly ? official.filter((m) => m.dueParsed.precision === "day") : official;
  const pick = which === "earliest" ? ranked.find((m) => m.dueParsed.precision === "day") ?? ranked[0] : ranked.at(-1);
  if (!pick) return undefined;
  const day = pick.dueParsed.end;
  const due = ranked.filter((m) => m.dueParsed.end === day);
  const sameMonth = official.filter((m) => m.dueParsed.precision === "month" && !due.includes(m) && m.dueParsed.start <= day && day <= m.dueParsed.end);
  return { which, due, sameMonth };
}

/**
 * "Trong giai đoạn 1, mốc có hạn sớm nhất là: • Gửi danh sách …: 10/05/2025 (đã qua hơn 1 năm)", with the deadlines
 * known only by the same month said after it. `scope` names what was searched ("giai đoạn 1", "kế hoạch").
 */
export function renderExtreme(x: ExtremeDeadlines, scope: { vi: string; en: string }, today: string, lang: Lang): string[] {
  const vi = lang === "vi";
  const several = x.due.length > 1;
  const lead = vi
    ? `${capital(scope.vi)}, ${several ? "các mốc" : "mốc"} có hạn ${x.which === "earliest" ? "sớm nhất" : "muộn nhất"} là:`
    : `${capital(scope.en)}, the ${x.which === "earliest" ? "earliest" : "latest"} ${several ? "deadlines are" : "deadline is"}:`;
  const out = [lead, ...x.due.map((m) => `• ${milestoneTitle(m, lang)}: ${dueWithCountdown(m, today, lang)}`)];
  if (x.sameMonth.length > 0) {
    const month = formatDue(x.sameMonth[0]!.dueParsed, lang);
    const titles = x.sameMonth.map((m) => lower(milestoneTitle(m, lang))).join("; ");
    out.push(vi ? `Kế hoạch còn có mốc chỉ ghi ${month}, không nêu ngày cụ thể: ${titles}.` : `The plan also gives only ${month}, with no day, for: ${titles}.`);
  }
  return out;
}

/** "trước hay sau", "sớm hơn hay muộn hơn", "before or after": the question asks how two things are ordered (folded). */
const ORDER = /\b(truoc hay sau|sau hay truoc|truoc hoac sau|som hon hay (muon|tre|cham) hon|(muon|tre) hon hay som hon|before or after|after or before|earlier or later|later or earlier)\b/;
/** Words that only introduce a side of an order ("khi", "so với", "the date", "when"), not the "ngày" of a day written
 * in words ("ngày 1 tháng 6") (folded). */
const SIDE_START = /^((so voi|khi|luc|ngay(?! \d)|thoi diem|moc|cai|viec|the|when|date of|day of|the day|the date) )+/;
/** Words that only end the question ("không", "vậy", "ạ", "?") (folded). */
const SIDE_END = /( (khong|ko|k|vay|a|ha|nhi|nhe|the|so|do|day|then|is it|was it))+$/;

/**
 * The two things a (folded) question orders ("qlvb chạy chính thức trước hay sau khi tỉnh thành mới đi vào hoạt
 * động" → ["qlvb chay chinh thuc", "tinh thanh moi di vao hoat dong"], "is the go-live before or after the merger"),
 * or undefined when it asks no order of two things.
 */
export function orderSides(folded: string): [string, string] | undefined {
  const m = ORDER.exec(folded);
  if (!m) return undefined;
  const clean = (s: string) => s.trim().replace(/^(is|was|does|did|will|are|were) /, "").replace(SIDE_START, "").replace(SIDE_END, "").trim();
  const [a, b] = [clean(folded.slice(0, m.index)), clean(folded.slice(m.index + m[0].length))];
  return a.length > 0 && b.length > 0 ? [a, b] : undefined;
}

/** Which way a one-sided order question asks ("có trước … không": before). */
export type OrderAsked = "before" | "after";

/** "A có trước B không", "A có diễn ra sau khi B không" (folded): one way of an order asked as yes or no. */
const ONE_WAY_VI = /^(.+?) co (?:phai )?(?:la )?(?:dien ra |xay ra |roi vao |chay |den |toi )?(truoc|sau|som hon|muon hon|tre hon)(?: (?:khi|so voi|ca))? (.+?) (?:khong|ko|k|hong|chu|ha)$/;
/** "is A before B", "does A come after B", "was A earlier than B" (folded). */
const ONE_WAY_EN = /^(?:is|was|does|did|will) (?!(?:there|it|this|that) )(.+) (before|after|earlier than|later than|prior to) (.+)$/;
/** Verbs ending the first side of {@link ONE_WAY_EN} ("does the go-live come before"): not part of what it names. */
const ONE_WAY_VERB = / (come|happen|fall|take place|start|begin|finish|end)$/;

/** "sau" typed as a word of its own (after), not only folded from "sáu" (six) or "sâu" (deep). */
const SAU_AS_TYPED = /(?:^|[^\p{L}])sau(?:[^\p{L}]|$)/iu;

/**
 * The two things of a one-sided order question ("qlvb chạy chính thức có trước ngày chính quyền mới hoạt động không",
 * "is the QLVB go-live before the merger?") and the way it asks; undefined for other questions. `raw` is the question
 * as typed: a "sau" folded from "sáu" ("Tân Bình có sáu phường mới không") orders nothing.
 */
export function oneWayOrder(folded: string, raw?: string): { sides: [string, string]; asked: OrderAsked } | undefined {
  const m = ONE_WAY_VI.exec(folded) ?? ONE_WAY_EN.exec(folded);
  if (!m) return undefined;
  if (m[2] === "sau" && raw !== undefined && !SAU_AS_TYPED.test(raw.normalize("NFC"))) return undefined;
  const clean = (x: string) => x.trim().replace(/^(is|was|does|did|will) /, "").replace(SIDE_START, "").replace(SIDE_END, "").trim();
  const [a, b] = [clean(m[1]!.replace(ONE_WAY_VERB, "")), clean(m[3]!)];
  if (a.length === 0 || b.length === 0) return undefined;
  return { sides: [a, b], asked: /^(truoc|som hon|before|earlier than|prior to)$/.test(m[2]!) ? "before" : "after" };
}

/** One thing ordered: what it is, in the answer's words, and its day. */
export interface DatedThing {
  label: string;
  day: string;
}

/**
 * "Sau. Vận hành chính thức …: 01/09/2025; …: 01/07/2025. Ngày 01/09/2025 muộn hơn ngày 01/07/2025 62 ngày." (the
 * first thing asked first), or "Cùng ngày" when they share it.
 */
export function orderLines(a: DatedThing, b: DatedThing, lang: Lang, asked?: OrderAsked): string[] {
  const n = diffDays(b.day, a.day);
  const vi = lang === "vi";
  const both = `${a.label}: ${formatDay(a.day, lang)}; ${lower(b.label)}: ${formatDay(b.day, lang)}.`;
  // "A có trước B không": yes or no first, then which.
  const yes = asked === undefined ? "" : (asked === "after") === n > 0 && n !== 0 ? (vi ? "Có, " : "Yes, ") : vi ? "Không, " : "No, ";
  const which = (x: string) => (yes ? yes + x.toLowerCase() : x);
  if (n === 0) return [vi ? `${which("Cùng ngày.")} ${both}` : `${which("The same day.")} ${both}`];
  const verdict = which(vi ? (n > 0 ? "Sau." : "Trước.") : n > 0 ? "After." : "Before.");
  const k = Math.abs(n);
  const gap = vi
    ? `Ngày ${formatDay(a.day, lang)} ${n > 0 ? "muộn hơn" : "sớm hơn"} ngày ${formatDay(b.day, lang)} ${k} ngày.`
    : `${formatDay(a.day, lang)} is ${k} day${k === 1 ? "" : "s"} ${n > 0 ? "after" : "before"} ${formatDay(b.day, lang)}.`;
  return [`${verdict} ${both}`, gap];
}

/**
 * "có trúng kỳ nghỉ lễ", "rơi vào ngày nghỉ", "nằm trong dịp Tết", "does it fall on a holiday", "during the break": the
 * question asks whether a day falls in a holiday break (folded).
 */
const ASKS_HOLIDAY =
  /\b(trung|roi vao|nam trong|dung vao|dung dip|vao dip|trong dip|trong ky|vao ky|vao ngay|la ngay)( \S+){0,2}? (nghi|le|tet|quoc khanh)\b|\b(falls?|fell|lands?|is it|was it|is that|on|during|within) (on |in |during |within )?(a |the )?(public )?(holiday|break|day off|national day)\b/;

/** Whether a (folded) question asks whether a day falls in a holiday break ({@link ASKS_HOLIDAY}). */
export function asksHolidayOverlap(folded: string): boolean {
  return ASKS_HOLIDAY.test(folded);
}

/** A holiday break of the calendar. */
export interface HolidayBreak {
  name: string;
  from: string;
  to: string;
}

/**
 * "Có. … 01/09/2025 (Thứ Hai) nằm trong kỳ nghỉ Quốc khánh 2/9 (30/08/2025 – 02/09/2025)." or "Không. … không nằm trong
 * kỳ nghỉ lễ nào." `weekday` names the day's weekday in `lang`; `working` says whether it is a working day, so that a
 * weekend outside any break is said to be a day off all the same.
 */
export function holidayOverlapLine(label: string, day: string, weekday: string, breaks: readonly HolidayBreak[], lang: Lang, working = true): string {
  const b = breaks.find((x) => x.from <= day && day <= x.to);
  const vi = lang === "vi";
  const the = `${label}: ${formatDay(day, lang)} (${weekday})`;
  if (!b && !working) {
    return vi ? `${the}, không nằm trong kỳ nghỉ lễ nào nhưng là ngày nghỉ cuối tuần.` : `${the}, which is in no public holiday break but is a weekend day off.`;
  }
  if (!b) return vi ? `Không. ${the}, không nằm trong kỳ nghỉ lễ nào.` : `No. ${the}, which is in no public holiday break.`;
  const span = b.from === b.to ? formatDay(b.from, lang) : `${formatDay(b.from, lang)} – ${formatDay(b.to, lang)}`;
  return vi ? `Có. ${the}, nằm trong kỳ nghỉ ${b.name} (${span}).` : `Yes. ${the}, which falls in the ${b.name} break (${span}).`;
}

/** "đúng không", "phải ko", "chính xác không", "chuẩn chưa", "right?", "correct?", "confirm": the question asks
 * whether what it states is so (folded). */
const CONFIRM = /\b(dung (khong|ko|k|hong|hok|chua|ha|a|nhi|khong a|ko a)|phai (khong|ko|k|hong)|chinh xac (khong|ko|chua)|chuan (khong|ko|chua)|co dung|right|correct|is that so|confirm)\b/;

/** Whether a (folded) question asks whether what it states is so ("đúng không", "phải ko", "right?"). */
export function asksConfirmation(folded: string): boolean {
  return CONFIRM.test(folded);
}

/** One day a question states, with the words before it that say what it is the day of. */
export interface StatedDay {
  /** The day as written ("10/5"). */
  written: string;
  /** The words between the previous day (or the start) and this one. */
  before: string;
}

/**
 * The days a (folded) question states for confirmation ("ds cán bộ gửi trước 10/5, tạo tk trước 10/6 đúng ko"), each
 * with the words that say what it is the day of, in order; undefined unless it asks a confirmation of at least
 * `least` days.
 */
export function statedDays(folded: string, least = 2): StatedDay[] | undefined {
  if (!asksConfirmation(folded)) return undefined;
  const out: StatedDay[] = [];
  let from = 0;
  for (const m of writtenDayMatches(folded)) {
    out.push({ written: m[0], before: folded.slice(from, m.index).trim() });
    from = m.index! + m[0].length;
  }
  return out.length >= least ? out : undefined;
}

/** A stated day checked against the milestone it names. */
export interface CheckedDay {
  milestone: Milestone;
  /** The stated day (YYYY-MM-DD). */
  day: string;
}

/**
 * "Đúng theo kế hoạch: • Gửi danh sách …: 10/05/2025 • Tạo tài khoản …: 10/06/2025", or, when a stated day is not the
 * plan's, "Chưa đúng: …" with the plan's day beside the stated one.
 */
export function confirmationLines(checked: readonly CheckedDay[], lang: Lang): string[] {
  const vi = lang === "vi";
  const right = (c: CheckedDay) => c.milestone.dueParsed.precision === "day" && c.milestone.dueParsed.end === c.day;
  const all = checked.every(right);
  const lead = all ? (vi ? "Đúng theo kế hoạch:" : "Yes, as the plan says:") : vi ? "Chưa đúng hoàn toàn. Theo kế hoạch:" : "Not quite. The plan says:";
  const line = (c: CheckedDay) => {
    const due = formatDue(c.milestone.dueParsed, lang);
    const note = right(c) ? "" : vi ? ` (không phải ${formatDay(c.day, lang)})` : ` (not ${formatDay(c.day, lang)})`;
    return `• ${milestoneTitle(c.milestone, lang)}: ${vi ? "trước ngày " : "by "}${due}${note}`;
  };
  return [lead, ...checked.map(line)];
}

/**
 * The two parts of a (folded) day-count question around its asking words: "triển khai toàn bộ QLVB xong trước 15/8 thì
 * còn bao nhiêu ngày nữa mới tới ngày chạy chính thức" → ["… trước 15/8 thì", "nữa mới tới ngày chạy chính thức"].
 * Undefined when it asks no count.
 */
export function aroundCount(folded: string): [string, string] | undefined {
  const m = /\b(bao nhieu|may|bn|bnhieu) ngay\b|\bhow many days\b/.exec(folded);
  return m ? [folded.slice(0, m.index).trim(), folded.slice(m.index + m[0].length).trim()] : undefined;
}

/**
 * "rồi sau đó thì sao", "tiếp theo là gì", "sau đó thế nào", "then what?", "what happens after that?": a message asking
 * only what follows what was just said (folded).
 */
const ASKS_WHAT_FOLLOWS =
  /^(?:(?:roi|thi|the|vay|con|va) )*(?:sau do|sau nay|tiep theo|ke tiep|buoc tiep theo|sau khi (?:het|xong)(?: thoi gian| thoi han)? (?:do|nay|ay))(?: (?:thi|the|roi|la|se))* (?:sao|the nao|ra sao|nhu the nao|lam gi|gi|buoc gi|viec gi)(?: (?:nua|vay|a|ha|nhi|ak))*$|^(?:and |so )?(?:then what|what next|what now|and then|what (?:happens|comes|is) (?:next|then|after that|afterwards)|what happens after(?:wards| that)?|after that)$/;

/** Whether a (folded) message asks only what follows the previous answer ({@link ASKS_WHAT_FOLLOWS}). */
export function asksWhatFollows(folded: string): boolean {
  return ASKS_WHAT_FOLLOWS.test(folded);
}

/** "sau đó", "sau khi", "trước khi kết thúc", "then", "after": an answer that says what follows what it describes (folded). */
const SAYS_WHAT_FOLLOWS = /\b(sau do|sau khi|tiep theo|truoc khi ket thuc|then|afterwards|thereafter|after (?:which|that|the))\b/;

/** Whether a (folded) answer says what follows what it describes ({@link SAYS_WHAT_FOLLOWS}). */
export function saysWhatFollows(folded: string): boolean {
  return SAYS_WHAT_FOLLOWS.test(folded);
}

const lower = (text: string) => text.replace(/^./, (x) => x.toLowerCase());
