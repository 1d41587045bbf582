import { beforeAll, describe, expect, it } from "vitest";
import type { WorkingCalendar } from "../../../src/core/calendar.js";
import type { Content } from "../../../src/core/content/schema.js";
import { findMilestoneById } from "../../../src/core/milestones.js";
import { ESCALATION_DETAIL_MAX, escalationMessage, reminderMessage } from "../../../src/core/reminders/message.js";
import { renderZaloReply } from "../../../src/channels/zalo/render.js";
import { flatButtons, toPlain } from "../../../src/core/reply.js";
import { realContent } from "../../helpers/app.js";
import { realCalendar } from "./fixtures.js";

let content: Content;
let calendar: WorkingCalendar;
beforeAll(async () => {
  content = await realContent();
  calendar = await realCalendar();
});

describe("reminderMessage", () => {
  it("shows the title, the deadline with working and calendar countdowns, the action, the source and the four status buttons", () => {
    const m = findMilestoneById(content, "email-lists")!;
    const r = reminderMessage({ content, calendar, milestone: m, agencyId: "sokhcn-binhduong", kind: "before", step: 3, today: "2025-05-06" });
    const text = toPlain(r.text);
    expect(text).toContain("còn 3 ngày làm việc");
    expect(text).toContain(m.title);
    expect(text).toContain("thứ Bảy 10/05/2025");
    // Tuesday 06/05 → Saturday 10/05: 3 working days (Wed, Thu, Fri), 4 calendar days.
    expect(text).toContain("Còn lại: còn 3 ngày làm việc (còn 4 ngày)");
    expect(text).toContain(`Việc cần làm: ${m.action.trim()}`);
    expect(text).toMatch(/Nguồn: .*Kế hoạch liên tịch/);
    expect(text).toContain("trả lời 1–4");
    expect(text).toContain("/capnhat email-lists");
    expect(flatButtons(r).map((b) => b.payload)).toEqual([
      "tt email-lists sokhcn-binhduong 1",
      "tt email-lists sokhcn-binhduong 2",
      "tt email-lists sokhcn-binhduong 3",
      "tt email-lists sokhcn-binhduong 4",
    ]);
  });

  it("says on Friday 09/05/2025 that it is the last working day before the Saturday deadline", () => {
    const m = findMilestoneById(content, "email-lists")!;
    const text = toPlain(reminderMessage({ content, calendar, milestone: m, agencyId: "sokhcn-brvt", kind: "due", step: 0, today: "2025-05-09" }).text);
    expect(text).toContain("Hôm nay là ngày làm việc cuối cùng trước hạn chót");
    expect(text).toContain("hôm nay là ngày làm việc cuối cùng (còn 1 ngày)");
  });

  it("numbers overdue reminders against the cap and counts the days overdue", () => {
    const m = findMilestoneById(content, "email-lists")!;
    const text = toPlain(reminderMessage({ content, calendar, milestone: m, agencyId: "sokhcn-brvt", kind: "overdue", step: 2, today: "2025-05-19" }).text);
    expect(text).toContain("Đã quá hạn: nhắc lần 2/3");
    // Monday 12/05 to Monday 19/05: six working days after the Saturday deadline.
    expect(text).toContain("quá hạn 6 ngày làm việc (đã qua 9 ngày)");
  });

  it("explains a month deadline with the working day counted as the deadline", () => {
    const m = findMilestoneById(content, "party-conference-portal")!;
    const text = toPlain(reminderMessage({ content, calendar, milestone: m, agencyId: m.responsible[0]!, kind: "before", step: 7, today: "2025-05-21" }).text);
    expect(text).toContain("tháng 5/2025 (tính đến thứ Sáu 30/05/2025, ngày làm việc cuối cùng)");
  });
});

describe("escalationMessage", () => {
  it("lists overdue items, unreachable agencies and one line on skipped reminders", () => {
    const text = toPlain(
      escalationMessage({
        content,
        today: "2025-05-20",
        items: [{ milestoneId: "email-lists", agencyId: "sokhcn-brvt", afterStep: 2, day: "2025-05-20", status: "at-risk" }],
        unreachable: [{ agencyId: "sokhcn-binhduong", milestoneIds: ["email-lists"], reason: "no-recipient" }],
        skipped: 4,
      }).text,
    );
    expect(text).toContain("Báo cáo nhắc hạn ngày 20/05/2025");
    expect(text).toContain("Quá hạn sau 2 lần nhắc (1):");
    expect(text).toMatch(/Gửi danh sách cán bộ.*hạn 10\/05\/2025 · 🟠 Có nguy cơ chậm/);
    expect(text).toMatch(/Không liên lạc được \(1\):\n• .*chưa có đầu mối hoặc nhóm nào đăng ký/);
    expect(text.match(/4 lời nhắc của những ngày trước đã không được gửi và sẽ không gửi bù/g)).toHaveLength(1);
  });

  it("groups many overdue items by agency and status, by code, so the first day after a long gap fits one Zalo message", () => {
    const agencies = [...new Set(content.milestones.flatMap((m) => m.responsible))];
    const items = content.milestones.flatMap((m) => m.responsible.map((agencyId, i) => ({ milestoneId: m.id, agencyId, afterStep: 2, day: "2026-12-01", ...(i === 0 ? { status: "at-risk" as const } : {}) })));
    expect(items.length).toBeGreaterThan(ESCALATION_DETAIL_MAX * 3);
    const message = escalationMessage({ content, today: "2026-12-01", items, unreachable: [], skipped: 0 });
    const text = toPlain(message.text);
    expect(text).toContain(`Quá hạn sau 2 lần nhắc (${items.length}):`);
    for (const item of items) expect(text).toContain(item.milestoneId);
    expect(text.split("\n").filter((l) => l.startsWith("• "))).toHaveLength(agencies.filter((a) => items.some((i) => i.agencyId === a)).length);
    expect(text).toMatch(/🟠 Có nguy cơ chậm: [a-z0-9-]+/);
    expect(text).toMatch(/chưa báo cáo: [a-z0-9-]+/);
    expect(text).toContain("/tinhhinh <mã>");
    expect(renderZaloReply(message).texts).toHaveLength(1);
  });

  it("keeps one line per item, with its title and due date, up to the grouping limit", () => {
    const ids = content.milestones.slice(0, ESCALATION_DETAIL_MAX).map((m) => m.id);
    const items = ids.map((milestoneId) => ({ milestoneId, agencyId: "sokhcn-brvt", afterStep: 2, day: "2025-09-20" }));
    const text = toPlain(escalationMessage({ content, today: "2025-09-20", items, unreachable: [], skipped: 0 }).text);
    expect(text.split("\n").filter((l) => l.startsWith("• "))).toHaveLength(ESCALATION_DETAIL_MAX);
    expect(text).not.toContain("/tinhhinh <mã>");
  });
});
