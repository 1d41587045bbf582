/**
 * Deadlines as an iCalendar file, per agency or for the whole plan: one all-day event on each
 * deadline with a reminder at 09:00 three days before. UIDs come from the milestone id only, so importing the
 * file again (or polling the subscription) updates the events instead of duplicating them.
 * The file holds only the plan's deadlines (public content), never statuses.
 */
import { createEvents, type EventAttributes } from "ics";
import type { Content, Milestone } from "../content/schema.js";
import { formatDue } from "../dates.js";
import { agencyLabel, byDeadline } from "../milestones.js";
import { addDays } from "../time.js";

/** The domain of every event UID: `<milestone id>@tro-ly-hop-nhat`. */
export const ICS_UID_DOMAIN = "tro-ly-hop-nhat";
/** Days before the deadline the calendar reminds, at 09:00 (the all-day event starts at 00:00). */
export const ICS_ALARM_DAYS = 3;
/** The alarm's offset from the event's start: 3 days before 00:00, plus 9 hours, is 09:00 three days ahead. */
const ALARM_TRIGGER = { days: ICS_ALARM_DAYS - 1, hours: 15, before: true } as const;

/** The milestones a calendar holds: those with a deadline (reminders on) that the agency owns or coordinates. */
export function calendarMilestones(content: Content, agencyId: string | undefined): Milestone[] {
  return byDeadline(content.milestones).filter(
    (m) => m.reminders?.enabled !== false && (!agencyId || m.responsible.includes(agencyId) || m.coordinator === agencyId),
  );
}

/** The stable UID of a milestone's deadline event. */
export function deadlineUid(milestoneId: string): string {
  return `${milestoneId}@${ICS_UID_DOMAIN}`;
}

const dateArray = (day: string): [number, number, number] => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return [y, m, d];
};

/**
 * The calendar as .ics text. `now` is the export moment (DTSTAMP), so the file depends only on its inputs.
 *
 * ```ts
 * const text = renderDeadlinesIcs(content, "so-khcn-binhduong", clock.now());
 * ```
 */
export function renderDeadlinesIcs(content: Content, agencyId: string | undefined, now: Date): string {
  const owner = agencyId ? agencyLabel(content, agencyId) : "Kế hoạch liên tịch";
  const events: EventAttributes[] = calendarMilestones(content, agencyId).map((m) => ({
    uid: deadlineUid(m.id),
    title: `Hạn chót: ${m.title}`,
    description: [
      `Thời hạn: ${formatDue(m.dueParsed)}.`,
      `Việc cần làm: ${m.action}`,
      `Cơ quan phụ trách: ${responsibleText(content, m)}.`,
      `Nguồn: ${m.quote}`,
    ].join("\n"),
    start: dateArray(m.dueParsed.end),
    end: dateArray(addDays(m.dueParsed.end, 1)),
    transp: "TRANSPARENT",
    busyStatus: "FREE",
    categories: ["Hợp nhất hệ thống thông tin", `Giai đoạn ${m.phase}`],
    alarms: [{ action: "display", description: `Còn ${ICS_ALARM_DAYS} ngày đến hạn: ${m.title}`, trigger: ALARM_TRIGGER }],
  }));
  const { error, value } = createEvents(events, { productId: "tro-ly-hop-nhat/lich", calName: `Mốc thời hạn – ${owner}`, method: "PUBLISH" });
  if (error || value === null) throw new Error(`ics: the calendar could not be made (${error?.message ?? "no output"}); check the milestones' due dates`);
  // The library stamps the real clock; the export moment is injected instead.
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  return value.replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${stamp}`);
}

/** The responsible agencies in words; past 8, the rest are counted (a ward-level plan has hundreds). */
function responsibleText(content: Content, m: Milestone): string {
  const names = m.responsible.slice(0, 8).map((id) => agencyLabel(content, id));
  const rest = m.responsible.length - names.length;
  return rest > 0 ? `${names.join(", ")} và ${rest} cơ quan, đơn vị khác` : names.join(", ");
}

/** The file name of a calendar: `lich-so-khcn-binhduong.ics`, `lich-ke-hoach.ics`. */
export function calendarFileName(agencyId: string | undefined): string {
  return `lich-${agencyId ?? "ke-hoach"}.ics`;
}
