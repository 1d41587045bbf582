import type { Due } from "../content/schema.js";
import { formatDay, formatDue, type Lang, MONTH_WORDS_EN, MONTHS_EN } from "../dates.js";
import { capital } from "../text.js";
import { writtenDayMatches } from "./calendar-question.js";
import { monthsWritten } from "./month-milestones.js";
import { asksConfirmation } from "./plan-dates.js";

/**
 * A yes/no check of a day or month a person states for one deadline: "có phải 1022 chạy chính thức từ 1/8 không",
 * "qlvb thử nghiệm trước 15/7 đúng hok", "gđ2 xong tháng 6/2026 hả", "is the 1022 go-live on 1 August?", or a choice of
 * two: "hạn hội nghị truyền hình là 15/5 hay 15/6". {@link readClaim} reads the question, {@link checkClaim} compares
 * each stated time with the deadline, {@link claimLines} says "Đúng, …" or "Không, … là …" (pure; answer.ts finds the
 * deadline the words name).
 */

/** A time a question states: a day (day and month, year when written) or a month (year when written). */
export type StatedTime =
  | { precision: "day"; day: number; month: number; year?: number; written: string; index: number }
  | { precision: "month"; month: number; year?: number; written: string; index: number };

/** A claim read from a question: the times it states and whether it asks which of two. */
export interface Claim {
  stated: StatedTime[];
  /** "15/5 hay 15/6": the question asks which of the two times is the plan's. */
  choice: boolean;
}

/** "có phải", "phải chăng", "nghe nói", "có đúng là", "is it true that" at the start: a claim is put (folded). */
const CLAIM_START = /^(?:(?:da|vang|cho (?:em|minh|toi) hoi|a|chi|anh|em|oi|sep hoi|hoi chut) )*(?:co phai|phai chang|nghe noi|hinh nhu|co dung la|co that la|is it true|i heard)\b/;
/** "… không", "… ko", "… hả", "… chứ", "… phải không", "… right?" at the end: a yes/no question (folded). */
const CLAIM_END = /\b(?:khong|ko|k|kg|hok|hong|hk|ha|hả|ah|chu|chang|phai khong|phai ko|phai k|dung khong|dung ko|dung k|dung hok|dung hong|dung chua|right|correct|true|is that right|is that correct)(?: (?:a|vay|nhi|the|nhe|ak|ha|ah|sep|anh|chi|em))*$/;
/** English yes/no questions: "is …", "was …", "does …", "did …", "will …" (folded). */
const EN_YES_NO = /^(?:is|was|are|were|does|did|do|will|has|have|had)\b/;
/** "15/5 hay 15/6", "tháng 6 hay tháng 7", "1 May or 1 June": the two times are joined as a choice (folded). */
const CHOICE_JOIN = /^\s*(?:hay(?: la)?|hoac(?: la)?|or|hay ngay|hay thang)\s*$/;
/** Words that ask something else of the times (a count, a weekday, when): not a claim to check (folded). */
const ASKS_OTHER = /\b(?:bao nhieu ngay|may ngay|bn ngay|bao lau|thu may|khi nao|bao gio|ngay nao|how many|how long|what day|which day|when)\b/;
/**
 * What may follow the last time stated of a claim: only yes/no and courtesy words ("… 1/8 không", "… 15/7 đúng hok",
 * "… 1 August?"), or its year ("15/6 năm 2025"). A question that goes on ("15/6 rơi vào chủ nhật hả", "… 10/5 phải ko,
 * gửi cho ai") asks something else of the time (folded).
 */
const ONLY_ENDS = /^(?:\s|(?:khong|ko|k|kg|hok|hong|hk|ha|ah|chu|chang|phai|dung|chua|vay|a|nhi|the|nhe|ak|sep|anh|chi|em|ban|right|correct|true|is|that|it|nam \d{4})\b)*$/;
/** An English day in words ("1 August", "1st of August", "August 1"), group 1/2 the day and month. */
const EN_DAY = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?(${MONTH_WORDS_EN.join("|")})(?: (\d{4}))?\b|\b(${MONTH_WORDS_EN.join("|")}) (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?\b(?!\/)`, "g");

/** The days a folded question writes, with digits or in English words, in order. */
function statedDays(folded: string): StatedTime[] {
  const out: StatedTime[] = [];
  for (const m of writtenDayMatches(folded)) {
    const year = /[/-](\d{4})$/.exec(m[0])?.[1];
    out.push({ precision: "day", day: Number(m[1]), month: Number(m[2]), ...(year ? { year: Number(year) } : {}), written: m[0], index: m.index! });
  }
  for (const m of folded.matchAll(EN_DAY)) {
    const [day, word, year] = m[1] ? [m[1], m[2]!, m[3]] : [m[5]!, m[4]!, m[6]];
    out.push({ precision: "day", day: Number(day), month: MONTH_WORDS_EN.indexOf(word) + 1, ...(year ? { year: Number(year) } : {}), written: m[0], index: m.index! });
  }
  return out;
}

/**
 * The claim a (folded) question puts about one deadline's time: one stated day or month, asked yes or no ("có phải …
 * không", "… hả", "… đúng không", "is …"), or two joined by "hay"/"or" (a choice). Undefined for any other question,
 * or one that asks something else of the time (a count, a weekday).
 */
export function readClaim(folded: string): Claim | undefined {
  if (ASKS_OTHER.test(folded)) return undefined;
  const days = statedDays(folded);
  const inDay = (i: number) => days.some((d) => d.index <= i && i < d.index + d.written.length);
  const months: StatedTime[] = monthsWritten(folded)
    .filter((m) => !inDay(m.index) && !days.some((d) => m.index <= d.index && d.index < m.index + m.written.length))
    .map((m) => ({ precision: "month", month: m.month, ...(m.year !== undefined ? { year: m.year } : {}), written: m.written, index: m.index }));
  const stated = [...days, ...months].sort((a, b) => a.index - b.index);
  const last = stated.at(-1);
  if (!last || !ONLY_ENDS.test(folded.slice(last.index + last.written.length))) return undefined;
  if (stated.length === 2) {
    const [a, b] = stated as [StatedTime, StatedTime];
    const between = folded.slice(a.index + a.written.length, b.index);
    return CHOICE_JOIN.test(between) && a.precision === b.precision ? { stated, choice: true } : undefined;
  }
  if (stated.length !== 1) return undefined;
  const yesNo = CLAIM_START.test(folded) || CLAIM_END.test(folded) || EN_YES_NO.test(folded) || asksConfirmation(folded);
  return yesNo ? { stated, choice: false } : undefined;
}

/** The deadline a claim is checked against, in the answer's words. */
export interface ClaimSubject {
  /** What it is the deadline of ("Vận hành chính thức hệ thống 1022", "giai đoạn 2"). */
  label: string;
  due: Due;
  /** The plan gives the time as expected ("dự kiến"). */
  estimated?: boolean;
  /** The label is words of the sentence ("hoàn thành giai đoạn 2"), not a title to quote. */
  plain?: boolean;
}

/** A stated time checked: the time as the answer writes it and whether it is the deadline's. */
export interface CheckedTime {
  written: string;
  right: boolean;
  /** The stated day (YYYY-MM-DD), when a day was stated. */
  day?: string;
}

/** YYYY-MM of a day. */
const monthOf = (day: string) => day.slice(0, 7);

/**
 * Each stated time against `due`: a day is right when it is the deadline's day (or a day of its month, when the plan
 * gives only the month); a month is right when the deadline falls in it (or the span holds it). A time written without
 * a year is in the deadline's year, as the plan writes its days.
 */
export function checkClaim(stated: readonly StatedTime[], due: Due, lang: Lang): CheckedTime[] {
  const year = Number(due.end.slice(0, 4));
  return stated.map((s) => {
    const y = s.year ?? year;
    const mm = `${y}-${String(s.month).padStart(2, "0")}`;
    if (s.precision === "month") {
      const right = due.precision === "range" ? monthOf(due.start) <= mm && mm <= monthOf(due.end) : monthOf(due.end) === mm;
      return { written: lang === "vi" ? `tháng ${s.month}/${y}` : `${MONTHS_EN[s.month - 1]} ${y}`, right };
    }
    const day = `${mm}-${String(s.day).padStart(2, "0")}`;
    const right = due.precision === "day" ? due.end === day : due.precision === "month" ? monthOf(due.end) === mm : due.start <= day && day <= due.end;
    return { written: formatDay(day, lang), right, day };
  });
}

/**
 * "Đúng, hạn “Vận hành chính thức hệ thống 1022” là 01/09/2025." or "Không, … là 01/09/2025, không phải 01/08/2025.";
 * for a choice, the one that is right ("… là 15/05/2025, không phải 15/06/2025") or neither. `otherOf` names what a
 * wrong stated day is the deadline of, when it is another's ("15/06/2025 là hạn “Thử nghiệm …”").
 */
export function claimLines(subject: ClaimSubject, checked: readonly CheckedTime[], choice: boolean, lang: Lang, otherOf: (day: string) => string | undefined = () => undefined): string[] {
  const vi = lang === "vi";
  const due = formatDue(subject.due, lang);
  const label = subject.plain ? subject.label : `“${subject.label}”`;
  const what = vi ? `hạn${subject.estimated ? " dự kiến" : ""} ${label}` : `the ${subject.estimated ? "expected " : ""}deadline for ${label}`;
  const wrong = checked.filter((c) => !c.right);
  const not = wrong.map((c) => c.written).join(vi ? " hay " : " or ");
  const fact = `${what} ${vi ? "là" : "is"} ${due}`;
  let lead: string;
  if (wrong.length === 0) lead = vi ? `Đúng, ${fact}.` : `Yes, ${fact}.`;
  else if (!choice) lead = vi ? `Không, ${fact}, không phải ${not}.` : `No, ${fact}, not ${not}.`;
  else if (wrong.length < checked.length) lead = vi ? `${capital(fact)}, không phải ${not}.` : `${capital(fact)}, not ${not}.`;
  else lead = vi ? `Không phải cả hai: ${fact}.` : `Neither: ${fact}.`;
  // "plan says only the month": a day checked against a month the plan gives without a day.
  const monthOnly = subject.due.precision !== "day" && checked.some((c) => c.day !== undefined && c.right);
  const out = [lead];
  if (monthOnly) out.push(vi ? "Kế hoạch không nêu ngày cụ thể." : "The plan gives no exact day.");
  for (const c of wrong) {
    const other = c.day === undefined ? undefined : otherOf(c.day);
    if (other) out.push(vi ? `Ngày ${c.written} là hạn “${other}”.` : `${c.written} is the deadline for “${other}”.`);
  }
  return out;
}
