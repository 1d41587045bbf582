import { describe, expect, it } from "vitest";
import { calendarMilestones, deadlineUid, renderDeadlinesIcs } from "../../../src/core/exports/ics.js";
import { realContent } from "../../helpers/app.js";
import { parseIcs } from "../../helpers/ics.js";

describe("renderDeadlinesIcs", () => {
  it("has one all-day event on every deadline of the agency, each with a reminder at 09:00 three days before", async () => {
    const content = await realContent();
    const agencyId = "sokhcn-binhduong";
    const expected = calendarMilestones(content, agencyId);
    expect(expected.length).toBeGreaterThan(3);
    const { calendar, events } = parseIcs(renderDeadlinesIcs(content, agencyId, new Date("2025-05-01T02:00:00Z")));
    expect(calendar["X-WR-CALNAME"]).toBe("Mốc thời hạn – Sở KH&CN Bình Dương");
    expect(events.map((e) => e.props.UID)).toEqual(expected.map((m) => deadlineUid(m.id)));
    for (const [i, m] of expected.entries()) {
      const e = events[i]!;
      expect(e.props["DTSTART;VALUE=DATE"]).toBe(m.dueParsed.end.replace(/-/g, ""));
      expect(e.props.SUMMARY).toContain("Hạn chót:");
      expect(e.alarms).toEqual([expect.objectContaining({ ACTION: "DISPLAY", TRIGGER: "-P2DT15H" })]);
    }
  });

  it("keeps the same UIDs across two exports at different moments, so a re-import updates instead of duplicating", async () => {
    const content = await realContent();
    const first = parseIcs(renderDeadlinesIcs(content, undefined, new Date("2025-05-01T02:00:00Z")));
    const second = parseIcs(renderDeadlinesIcs(content, undefined, new Date("2025-06-20T10:30:00Z")));
    expect(second.events.map((e) => e.props.UID)).toEqual(first.events.map((e) => e.props.UID));
    expect(new Set(first.events.map((e) => e.props.UID)).size).toBe(first.events.length);
    expect(first.events[0]!.props.DTSTAMP).toBe("20250501T020000Z");
    expect(second.events[0]!.props.DTSTAMP).toBe("20250620T103000Z");
  });

  it("holds every milestone with a deadline for the whole plan, and leaves out those whose reminders are off", async () => {
    const content = await realContent();
    const { events } = parseIcs(renderDeadlinesIcs(content, undefined, new Date("2025-05-01T02:00:00Z")));
    const withDeadline = content.milestones.filter((m) => m.reminders?.enabled !== false);
    expect(events).toHaveLength(withDeadline.length);
    const off = content.milestones.filter((m) => m.reminders?.enabled === false).map((m) => deadlineUid(m.id));
    for (const uid of off) expect(events.map((e) => e.props.UID)).not.toContain(uid);
  });
});
