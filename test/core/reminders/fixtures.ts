import { createWorkingCalendar, type WorkingCalendar } from "../../../src/core/calendar.js";
import { type Milestone, parseDue } from "../../../src/core/content/schema.js";
import type { LatestStatus, StatusKind } from "../../../src/core/ports.js";
import { realContent } from "../../helpers/app.js";

/** The working calendar of the bundled content (holidays 2025–2026, make-up Saturdays). */
export async function realCalendar(): Promise<WorkingCalendar> {
  return createWorkingCalendar((await realContent()).calendar);
}

/** A milestone for planner tests: one responsible agency "so-a" unless told otherwise. */
export function milestone(id: string, due: string, extra: Partial<Milestone> = {}): Milestone {
  const dueParsed = parseDue(due);
  if (!dueParsed) throw new Error(`fixtures: bad due "${due}"`);
  return {
    id,
    title: `Mốc ${id}`,
    system: "email",
    phase: 1,
    sector: "state",
    due,
    dueParsed,
    responsible: ["so-a"],
    coordinator: "ttcds-hcm",
    description: `Mô tả ${id}.`,
    action: `Gửi báo cáo ${id} cho Trung tâm Chuyển đổi số.`,
    quote: "Trích dẫn.",
    source: "plan",
    keywords: [],
    ...extra,
  };
}

/** A latest-status record. */
export function status(milestoneId: string, agencyId: string, kind: StatusKind): LatestStatus {
  return { milestoneId, agencyId, status: kind, at: "2025-05-01T02:00:00.000Z", role: "lead", recordId: `${milestoneId}-${agencyId}` };
}

/** 08:30 (or `time`) on `day`, Asia/Ho_Chi_Minh. */
export function at(day: string, time = "08:30"): Date {
  return new Date(`${day}T${time}:00+07:00`);
}
