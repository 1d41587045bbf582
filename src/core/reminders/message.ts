/**
 * The texts of reminders and of the coordinators' escalation message. Pure builders of {@link Reply}.
 */
import type { WorkingCalendar } from "../calendar.js";
import { t } from "../command.js";
import type { Content, Milestone } from "../content/schema.js";
import { sourceTitle } from "../content/schema.js";
import { formatCountdown, formatDay, formatDue, formatWorkingCountdown, type Lang } from "../dates.js";
import { agencyLabel, milestoneTitle } from "../milestones.js";
import type { SentReminder } from "../ports.js";
import { bold, italic, lines, link, reply, type Reply, type Rich, type Span } from "../reply.js";
import { statusButtons, statusLabel, STATUSES } from "../status/kinds.js";
import { isoWeekday } from "../time.js";
import { type EscalationItem, reminderDueDay, resolveLadder } from "./planner.js";

const WEEKDAYS_VI = ["", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"];
const WEEKDAYS_EN = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** "thứ Sáu 09/05/2025": a day with its weekday. */
export function formatDayWithWeekday(day: string, lang: Lang = "vi"): string {
  const names = lang === "en" ? WEEKDAYS_EN : WEEKDAYS_VI;
  return `${names[isoWeekday(day)]} ${formatDay(day)}`;
}

/** What a reminder message needs to know. */
export interface ReminderMessageInput {
  content: Content;
  calendar: WorkingCalendar;
  milestone: Milestone;
  agencyId: string;
  kind: SentReminder["kind"];
  step: number;
  /** The day it is sent (YYYY-MM-DD, Asia/Ho_Chi_Minh). */
  today: string;
  lang?: Lang;
}

/**
 * A reminder: the milestone title, the deadline with countdowns in working and calendar days,
 * what the agency must do, the source, and the four status buttons with a text hint for
 * channels without buttons.
 */
export function reminderMessage(input: ReminderMessageInput): Reply {
  const { content, calendar, milestone: m, agencyId, today } = input;
  const lang = input.lang ?? "vi";
  const end = m.dueParsed.end;
  const dueDay = reminderDueDay(m, calendar);
  const source = content.sources.find((s) => s.id === m.source);
  const sourceSpan: Span | string = source ? (source.url ? link(sourceTitle(source, lang), source.url) : sourceTitle(source, lang)) : m.source;

  return reply(
    lines(
      [bold(heading(input, lang))],
      [bold(milestoneTitle(m, lang))],
      [t(lang, "Cơ quan, đơn vị: ", "Agency: "), agencyLabel(content, agencyId)],
      [t(lang, "Thời hạn: ", "Deadline: "), bold(deadlineText(m, dueDay, lang))],
      [t(lang, "Còn lại: ", "Time left: "), countdownText(calendar, today, end, dueDay, lang)],
      [t(lang, "Việc cần làm: ", "What to do: "), m.action.trim()],
      [t(lang, "Nguồn: ", "Source: "), sourceSpan],
      "",
      [italic(replyHint(m.id, lang))],
    ),
    { buttons: statusButtons(m.id, agencyId, lang) },
  );
}

function heading(input: ReminderMessageInput, lang: Lang): string {
  const max = resolveLadder(input.milestone.reminders).overdueMax;
  switch (input.kind) {
    case "before":
      return t(lang, `🔔 Nhắc hạn: còn ${input.step} ngày làm việc`, `🔔 Reminder: ${input.step} working day${input.step === 1 ? "" : "s"} left`);
    case "due":
      return input.today === input.milestone.dueParsed.end
        ? t(lang, "🔔 Hôm nay là hạn chót", "🔔 The deadline is today")
        : t(lang, "🔔 Hôm nay là ngày làm việc cuối cùng trước hạn chót", "🔔 Today is the last working day before the deadline");
    case "overdue":
      return t(lang, `⏰ Đã quá hạn: nhắc lần ${input.step}/${max}`, `⏰ Overdue: reminder ${input.step} of ${max}`);
    case "manual":
      return t(lang, "🔔 Điều phối viên nhắc hạn", "🔔 A coordinator's reminder");
  }
}

/** "thứ Bảy 10/05/2025", or for months and ranges the text of the plan with the working day counted as the deadline. */
function deadlineText(m: Milestone, dueDay: string, lang: Lang): string {
  if (m.dueParsed.precision === "day") return formatDayWithWeekday(m.dueParsed.end, lang);
  return t(
    lang,
    `${formatDue(m.dueParsed, lang)} (tính đến ${formatDayWithWeekday(dueDay, lang)}, ngày làm việc cuối cùng)`,
    `${formatDue(m.dueParsed, lang)} (counted as ${formatDayWithWeekday(dueDay, lang)}, the last working day)`,
  );
}

/** "còn 3 ngày làm việc (còn 5 ngày)"; on the last working day before a weekend deadline it says so. */
function countdownText(calendar: WorkingCalendar, today: string, end: string, dueDay: string, lang: Lang): string {
  const calendarDays = formatCountdown(today, end, lang);
  const working = calendar.workingDaysBetween(today, end);
  if (working === 0 && today <= end) {
    const w = today === dueDay ? t(lang, "hôm nay là ngày làm việc cuối cùng", "today is the last working day") : t(lang, "không còn ngày làm việc nào", "no working day left");
    return `${w} (${calendarDays})`;
  }
  return `${formatWorkingCountdown(calendar, today, end, lang)} (${calendarDays})`;
}

/**
 * The text hint under the options: how to answer by typing. Worded for every channel (the same reminder
 * goes to Telegram with buttons and to the terminal as numbered lines), so it never says "bấm".
 */
export function replyHint(milestoneId: string, lang: Lang = "vi"): string {
  const options = STATUSES.map((s) => `${s.number} = ${lang === "en" ? s.en : s.vi}`).join(", ");
  return t(
    lang,
    `Xin vui lòng báo tình trạng: chọn một trong các lựa chọn, tức là trả lời 1–4 (${options}), hoặc gõ /capnhat ${milestoneId} <tình trạng> [ghi chú].`,
    `Please report the status: choose one of the options, that is reply 1–4 (${options}), or type /update ${milestoneId} <status> [note].`,
  );
}

/** What the coordinators' daily escalation message lists. */
export interface EscalationInput {
  content: Content;
  today: string;
  /** Items overdue after their second overdue reminder, newly escalated today. */
  items: readonly EscalationItem[];
  /** Agencies that had a reminder today but no registered recipient, or whose every delivery failed. */
  unreachable: readonly { agencyId: string; milestoneIds: readonly string[]; reason: "no-recipient" | "delivery-failed" }[];
  /** How many reminders of earlier days were missed during downtime and not sent late. */
  skipped: number;
  lang?: Lang;
}

/** Above this many overdue items, the escalation groups them by agency and status, by milestone code. */
export const ESCALATION_DETAIL_MAX = 8;

/** Whether an escalation input has anything to say. */
export function hasEscalationContent(input: Pick<EscalationInput, "items" | "unreachable" | "skipped">): boolean {
  return input.items.length > 0 || input.unreachable.length > 0 || input.skipped > 0;
}

/**
 * The coordinators' daily message: overdue items after their second overdue reminder,
 * agencies that could not be reached, and one line on reminders skipped after downtime.
 */
export function escalationMessage(input: EscalationInput): Reply {
  const { content, today } = input;
  const lang = input.lang ?? "vi";
  const title = (id: string) => {
    const m = content.milestones.find((x) => x.id === id);
    return m ? milestoneTitle(m, lang) : id;
  };
  const itemLine = (i: EscalationItem): Rich => {
    const m = content.milestones.find((x) => x.id === i.milestoneId);
    const due = m ? formatDue(m.dueParsed, lang) : "";
    const status = i.status ? ` · ${statusLabel(i.status, lang)}` : t(lang, " · chưa báo cáo", " · not reported yet");
    return [`• ${agencyLabel(content, i.agencyId)}: `, bold(title(i.milestoneId)), ` (${t(lang, "hạn", "due")} ${due}${status})`];
  };
  const unreachableLine = (u: EscalationInput["unreachable"][number]): Rich => {
    const why =
      u.reason === "no-recipient"
        ? t(lang, "chưa có đầu mối hoặc nhóm nào đăng ký nhận nhắc hạn", "no lead or group is registered for reminders")
        : t(lang, "không gửi được tin nhắn (đã chặn trợ lý hoặc lỗi gửi)", "messages could not be delivered (blocked or failed)");
    return [`• ${agencyLabel(content, u.agencyId)}: ${why} (${u.milestoneIds.map(title).join("; ")})`];
  };
  return reply(
    lines(
      [bold(t(lang, `📋 Báo cáo nhắc hạn ngày ${formatDay(today)}`, `📋 Reminder report for ${formatDay(today)}`))],
      input.items.length > 0 && [
        bold(
          t(
            lang,
            `Quá hạn sau ${input.items.some((i) => i.afterStep !== 2) ? "các" : "2"} lần nhắc (${input.items.length}):`,
            `Overdue after ${input.items.some((i) => i.afterStep !== 2) ? "the" : "2"} overdue reminders (${input.items.length}):`,
          ),
        ),
      ],
      ...(input.items.length > ESCALATION_DETAIL_MAX ? groupedItemLines(input.items, content, lang) : input.items.map(itemLine)),
      input.unreachable.length > 0 && [bold(t(lang, `Không liên lạc được (${input.unreachable.length}):`, `Could not be reached (${input.unreachable.length}):`))],
      ...input.unreachable.map(unreachableLine),
      input.skipped > 0 &&
        t(
          lang,
          `Do hệ thống tạm ngừng, ${input.skipped} lời nhắc của những ngày trước đã không được gửi và sẽ không gửi bù.`,
          `Because the system was down, ${input.skipped} reminder${input.skipped === 1 ? "" : "s"} of earlier days ${input.skipped === 1 ? "was" : "were"} not sent and will not be sent late.`,
        ),
      input.items.length > ESCALATION_DETAIL_MAX &&
        t(lang, "Chi tiết từng mốc: /tinhhinh <mã>; toàn bộ kế hoạch: /bang.", "Each milestone in detail: /progress <code>; the whole plan: /board."),
      input.items.length > 0 &&
        t(lang, "Xin vui lòng liên hệ trực tiếp cơ quan, đơn vị, hoặc dùng /nhac để nhắc ngay.", "Please contact the agencies directly, or use /remind to remind them now."),
    ),
  );
}

/**
 * Many overdue items (the first day after a long gap) in a few lines: one per agency, its milestone codes grouped
 * by the latest status, so the message fits one chat message instead of several.
 */
function groupedItemLines(items: readonly EscalationItem[], content: Content, lang: Lang): Rich[] {
  const byAgency = new Map<string, EscalationItem[]>();
  for (const item of items) byAgency.set(item.agencyId, [...(byAgency.get(item.agencyId) ?? []), item]);
  return [...byAgency].map(([agencyId, list]) => {
    const byStatus = new Map<string, string[]>();
    for (const item of list) {
      const label = item.status ? statusLabel(item.status, lang) : t(lang, "chưa báo cáo", "not reported yet");
      byStatus.set(label, [...(byStatus.get(label) ?? []), item.milestoneId]);
    }
    const groups = [...byStatus].map(([label, ids]) => `${label}: ${ids.join(", ")}`).join("; ");
    return [`• `, bold(`${agencyLabel(content, agencyId)} (${list.length})`), ` — ${groups}`];
  });
}
