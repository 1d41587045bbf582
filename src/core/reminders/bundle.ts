/**
 * The day's reminders for one chat in one message, for channels where every message counts (Zalo):
 * the items lettered A, B, C…, each answered by typing its letter and a status number ("A 1",
 * "B 4 thiếu máy chủ"), or a bare number when there is one item. Pure builders and parsers.
 */
import type { WorkingCalendar } from "../calendar.js";
import { t } from "../command.js";
import type { Content, Milestone } from "../content/schema.js";
import { formatCountdown, formatDue, formatWorkingCountdown, type Lang } from "../dates.js";
import { agencyLabel, milestoneTitle } from "../milestones.js";
import type { SentReminder } from "../ports.js";
import { lines, reply, type Reply, type Rich } from "../reply.js";
import { bundleLetter, statusLegend } from "../status/bundle-reply.js";
import { resolveLadder } from "./planner.js";

/** One item of a bundle. */
export interface BundleItem {
  key: string;
  milestone: Milestone;
  agencyId: string;
  kind: SentReminder["kind"];
  step: number;
}

/** Longest "what to do" text per item, so a day's bundle stays one message. */
const ACTION_LIMIT = 180;

/**
 * The bundled reminder message: a heading with today's count, the lettered items (milestone, code,
 * agency when the items span several, deadline with working-day countdown, what to do), and how to answer.
 */
export function bundleMessage(input: {
  content: Content;
  calendar: WorkingCalendar;
  items: readonly BundleItem[];
  today: string;
  lang?: Lang;
  /** Letters already used today in this chat: this bundle continues after them (a second bundle the same day). */
  startIndex?: number;
}): Reply {
  const { content, calendar, items, today } = input;
  const lang = input.lang ?? "vi";
  const start = input.startIndex ?? 0;
  const agencies = [...new Set(items.map((i) => i.agencyId))];
  const whose = agencies.length === 1 ? t(lang, ` của ${agencyLabel(content, agencies[0]!)}`, ` for ${agencyLabel(content, agencies[0]!)}`) : "";
  const count = items.length;
  const head = t(lang, `🔔 Nhắc hạn hôm nay: ${count} việc${whose}`, `🔔 Today's reminders: ${count} item${count === 1 ? "" : "s"}${whose}`);
  const body: Rich[] = [];
  items.forEach((item, i) => {
    const m = item.milestone;
    const letter = count + start > 1 ? `${bundleLetter(start + i)}. ` : "";
    const action = m.action.trim().replace(/\s+/g, " ");
    body.push(
      lines(
        "",
        `${letter}${milestoneTitle(m, lang)} (${t(lang, "mã", "code")}: ${m.id})`,
        agencies.length > 1 ? `   ${t(lang, "Cơ quan, đơn vị", "Agency")}: ${agencyLabel(content, item.agencyId)}` : null,
        `   ${item.kind === "before" ? "" : `${kindText(item, lang)} · `}${t(lang, "hạn", "due")} ${formatDue(m.dueParsed, lang)} · ${countdown(calendar, today, m.dueParsed.end, lang)}`,
        `   ${t(lang, "Việc cần làm", "To do")}: ${action.length > ACTION_LIMIT ? `${action.slice(0, ACTION_LIMIT - 1)}…` : action}`,
      ),
    );
  });
  const first = bundleLetter(start);
  const last = bundleLetter(start + count - 1);
  const how =
    count + start > 1
      ? t(
          lang,
          `Xin vui lòng trả lời bằng chữ cái của mục và số tình trạng, có thể kèm ghi chú, ví dụ «${first} 1» hoặc «${last} 4 thiếu máy chủ».`,
          `Please reply with the item's letter and a status number, optionally with a note, e.g. "${first} 1" or "${last} 4 server missing".`,
        )
      : t(lang, "Xin vui lòng trả lời bằng số tình trạng, có thể kèm ghi chú, ví dụ «1» hoặc «4 thiếu máy chủ».", 'Please reply with a status number, optionally with a note, e.g. "1" or "4 server missing".');
  return reply(lines(head, ...body, "", how, statusLegend(lang)));
}

function kindText(item: BundleItem, lang: Lang): string {
  switch (item.kind) {
    case "before":
      return "";
    case "due":
      return t(lang, "đến hạn", "due now");
    case "overdue":
      return t(lang, `đã quá hạn, nhắc lần ${item.step}/${resolveLadder(item.milestone.reminders).overdueMax}`, `overdue, reminder ${item.step} of ${resolveLadder(item.milestone.reminders).overdueMax}`);
    case "manual":
      return t(lang, "điều phối viên nhắc", "a coordinator's reminder");
  }
}

/** "còn 3 ngày làm việc (còn 5 ngày)", or only the calendar words when no working day is left ("hôm nay là hạn chót"). */
function countdown(calendar: WorkingCalendar, today: string, end: string, lang: Lang): string {
  const calendarDays = formatCountdown(today, end, lang);
  return calendar.workingDaysBetween(today, end) === 0 ? calendarDays : `${formatWorkingCountdown(calendar, today, end, lang)} (${calendarDays})`;
}
