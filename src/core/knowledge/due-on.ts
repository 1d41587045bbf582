import type { Milestone } from "../content/schema.js";
import { formatCountdown, formatDay, type Lang, MONTH_WORDS_EN } from "../dates.js";
import { byDeadline, milestoneTitle } from "../milestones.js";
import { capital } from "../text.js";
import { dayIn, dayWithWeekday, holidayName, planYear } from "./calendar-question.js";

/**
 * Reverse lookup of the plan's deadlines: "10/5 là hạn của việc gì", "mốc 10-6 là hạn của cái gì", "What is due on
 * 15 August 2025?". The question names one or more days and asks what falls due on them; the answer lists the
 * milestones with an official deadline on each day. {@link dueOnDays} reads the question, {@link dueOn} finds the
 * milestones (pure: the milestones and today come in), {@link renderDueOn} writes the answer.
 */

/**
 * "hạn (của) việc gì", "là mốc gì", "ứng với việc gì", "what is due", "which deadline falls on": the question asks
 * which work a day is the deadline of. Folded.
 */
const ASKS_WHAT_IS_DUE = new RegExp(
  [
    // "là hạn của việc gì", "hạn chót cho nội dung gì", "hạn gì", "mốc của cái gì"
    String.raw`\b(han|han chot|moc|thoi han)( cua| cho)?( (viec|cai|noi dung|muc|hoat dong|he thong|nhiem vu|cong viec))? gi\b`,
    // "ngày 10/5 có việc gì", "phải xong việc gì", "ứng với việc gì", "việc gì đến hạn"
    String.raw`\b(co|phai xong|phai hoan thanh|phai lam|ung voi|gan voi)( (viec|cai|noi dung|moc|han|nhiem vu|cong viec)) gi\b`,
    String.raw`\b(viec|cai|noi dung|nhiem vu|cong viec) gi (den han|toi han|het han|phai xong)\b`,
    String.raw`\bla cua (viec|cai|noi dung|muc|nhiem vu|cong viec) gi\b`,
    // "các mốc 15/5 15/6 là của hệ thống nào", "1/9 thuộc hệ thống gì", "ứng với hệ thống nào": which system a day belongs to
    String.raw`\b(la|thuoc|ung voi|gan voi)( (ve|cua))? (viec|cai|noi dung|muc|hang muc|nhiem vu|cong viec|he thong|httt)( thong tin)? (gi|nao)\b`,
    // "1/9 có gì chính thức chạy", "có hệ thống nào vận hành chính thức", "hệ thống nào chạy thật": what goes live that day
    String.raw`\bco (gi|nhung gi|cai gi|cai nao|viec gi|he thong gi|he thong nao|httt nao|nhung he thong nao)( (duoc|se|bat dau))? (chinh thuc |chay chinh thuc )?(chay|van hanh|hoat dong|di vao (van hanh|hoat dong)|go live)\b`,
    // "những hệ thống nào cùng vận hành chính thức vào 1/9": every system going live that day
    String.raw`\b(he thong|httt|cai|nhung he thong|nhung cai) (gi|nao) (cung )?(duoc |se |bat dau )?(cung )?(chinh thuc )?(chay|van hanh|hoat dong|di vao (van hanh|hoat dong)|go live)\b`,
    // "hệ thống nào có hạn trước 15/5", "việc nào có hạn chót là 10/6": which work the plan's "trước ngày …" is the deadline of
    String.raw`\b(he thong|httt|viec|cai|nhiem vu|cong viec|hang muc) (gi|nao) (co |la )?(han|han chot|moc|thoi han)( chot)?( la)?( (truoc|vao|ngay|trong|den))*( ngay)? \d`,
    // English
    String.raw`\bwhat (is|s|was|are|were|falls?|fell) due\b`,
    String.raw`\bwhat (deadlines?|milestones?|tasks?) (is|are|was|were|falls?|fell|come|comes)\b`,
    String.raw`\bwhich (deadlines?|milestones?|tasks?)( (is|are|was|were|falls?|fell))? (due|on)\b`,
    String.raw`\bwhat (is|was) (the )?deadline (on|of) what\b`,
    // "what goes live on 1 September", "which systems start official operation on 1/9", "which system is 15/5 for"
    String.raw`\b(what|which( systems?| ones?)?) (goes|go|went|will go|is going|are going) live\b`,
    String.raw`\b(what|which( systems?| ones?)?) (starts?|started|begins?|began|will start|will begin) (official |full )?operat`,
    String.raw`\bwhich (systems?|tasks?|items?) (do|does|did) (these |those |the )?(dates?|days?|deadlines?|milestones?)\b.{0,40}\b(belong|refer|apply) to\b`,
    String.raw`\b(what|which) (system|task|item) (is|are|was|were) (the )?(dates?|days?|deadlines?|milestones?)?\b.{0,40}\bfor\b`,
    String.raw`\b(dates?|days?|deadlines?|milestones?) (belong|belongs|refer|refers|apply|applies) to which (systems?|tasks?|items?)\b`,
  ].join("|"),
);

const MONTH_WORD = `(?:${MONTH_WORDS_EN.join("|")}|${MONTH_WORDS_EN.map((m) => m.slice(0, 3)).join("|")})`;
/** Each way a day is written in a folded question, with its year when it has one. */
const DAY_WRITINGS = new RegExp(
  [
    String.raw`\b\d{1,2}[/-]\d{1,2}(?:[/-]\d{4}| nam \d{4})?\b`,
    String.raw`\bngay \d{1,2} thang \d{1,2}(?: nam \d{4})?\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH_WORD}(?: \d{4})?\b`,
    String.raw`\b${MONTH_WORD} \d{1,2}(?:st|nd|rd|th)?(?: \d{4})?\b`,
  ].join("|"),
  "g",
);

/**
 * The days a folded question asks the deadlines of ("10/5 là hạn của việc gì" → 2025-05-10), in the order written;
 * undefined when it does not ask what is due, or names no day. A day written without a year is in the year of the
 * plan's deadlines (`known`), as "hạn 15/6" is 15/06/2025: the plan writes its days without a year.
 */
export function dueOnDays(folded: string, today: string, known: readonly string[]): string[] | undefined {
  if (!ASKS_WHAT_IS_DUE.test(folded)) return undefined;
  const plan = planYear(known);
  const days = [...folded.matchAll(DAY_WRITINGS)]
    .map((m) => m[0])
    .map((text) => dayIn(/\d{4}/.test(text) || plan === undefined ? text : `${text} ${plan}`, today, known))
    .filter((d) => d !== undefined);
  return days.length > 0 ? [...new Set(days)] : undefined;
}

/** The milestones with an official deadline on `day` (a span of days is no deadline of its first or last day). */
export function dueOn(milestones: readonly Milestone[], day: string): Milestone[] {
  return byDeadline(milestones.filter((m) => m.dueParsed.precision === "day" && m.dueParsed.end === day && m.reminders?.enabled !== false));
}

/** One asked day with the milestones due on it (none when the plan has no deadline that day). */
export interface DueOnDay {
  day: string;
  milestones: readonly Milestone[];
  /** The public holiday break the day falls in, by its calendar.yaml name (a deadline on a day off is worth saying). */
  holiday?: string;
}

/**
 * "Thứ Bảy, 10/05/2025 là hạn của: • Gửi danh sách … (đã qua hơn 1 năm)". A day with no
 * deadline is said to have none, with the plan's deadline days to choose from.
 */
export function renderDueOn(asked: readonly DueOnDay[], allDays: readonly string[], today: string, lang: Lang): string {
  const en = lang === "en";
  const lines: string[] = [];
  for (const { day, milestones, holiday } of asked) {
    const off = holiday ? (en ? `, a public holiday (${holidayName(holiday, lang, "break")})` : ` (ngày nghỉ lễ: ${holiday})`) : "";
    const when = `${dayWithWeekday(day, lang)}${off}`;
    if (milestones.length === 0) {
      lines.push(en ? `The assistant has no deadline of the joint plan on ${when}.` : `Trợ lý không có mốc nào của kế hoạch liên tịch đến hạn vào ${when}.`);
      continue;
    }
    // Not "under the joint plan": a deadline may come from another source (31/05/2025, Tuổi Trẻ); the source lines say.
    lines.push(en ? `${when} is the deadline for:` : `${capital(when)} là hạn của:`);
    for (const m of milestones) lines.push(`• ${milestoneTitle(m, lang)} (${formatCountdown(today, m.dueParsed.end, lang)})`);
  }
  if (asked.some((a) => a.milestones.length === 0) && allDays.length > 0) {
    const list = [...new Set(allDays)].sort().map((d) => formatDay(d, lang)).join(", ");
    lines.push(en ? `The deadlines set to a day that the assistant has: ${list}.` : `Các hạn có ngày cụ thể trợ lý có: ${list}.`);
  }
  return lines.join("\n");
}
