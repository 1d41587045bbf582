import { describe, expect, it } from "vitest";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { fold } from "../../../src/core/fold.js";
import { dueOnDays } from "../../../src/core/knowledge/due-on.js";
import { readSchedule } from "../../../src/core/knowledge/system-deadlines.js";
import { realContent } from "../../helpers/app.js";
import { askEachAlone } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);
const deadlineDays = content.milestones.filter((m) => m.dueParsed.precision === "day").map((m) => m.dueParsed.end);

describe("a system's deadlines asked all at once, with the plan named or 'liên quan đến'", () => {
  it("reads 'kế hoạch về qlvb có mấy mốc' and 'kế hoạch có mấy mốc liên quan đến thư điện tử' as the system's schedule", () => {
    const q1 = "Kế hoạch về quản lý văn bản có mấy mốc thời gian, liệt kê giúp em với";
    expect(readSchedule(fold(q1), kb.unitsOf(q1), content)?.official).toHaveLength(3);
    const q2 = "ke hoach co may moc lien quan den thu dien tu, liet ke";
    expect(readSchedule(fold(q2), kb.unitsOf(q2), content)?.official).toHaveLength(2);
  });
  it("still leaves one step's question to the search", () => {
    const q = "kế hoạch về mốc thử nghiệm qlvb";
    expect(readSchedule(fold(q), kb.unitsOf(q), content)).toBeUndefined();
  });
});

describe("which systems a day is the deadline of", () => {
  it("reads 'những hệ thống nào cùng vận hành chính thức vào 1/9' and 'hệ thống nào có hạn trước 15/5'", () => {
    expect(dueOnDays(fold("những hệ thống nào cùng vận hành chính thức vào 1/9"), "2026-12-04", deadlineDays)).toEqual(["2025-09-01"]);
    expect(dueOnDays(fold("Hệ thống nào có hạn trước 15/5, hệ thống nào trước 15/6 vậy"), "2026-12-04", deadlineDays)).toEqual(["2025-05-15", "2025-06-15"]);
    expect(dueOnDays(fold("việc nào có hạn chót là 10/6"), "2026-12-04", deadlineDays)).toEqual(["2025-06-10"]);
  });
  it("does not read a deadline asked without a day", () => {
    expect(dueOnDays(fold("hệ thống nào có hạn sớm nhất"), "2026-12-04", deadlineDays)).toBeUndefined();
  });
});

describe("the earliest deadline of the whole plan", () => {
  it("reads 'the whole plan' as no step of its own", async () => {
    const [en, vi] = await askEachAlone("2026-12-04", "what is the earliest deadline in the whole plan", "mốc sớm nhất của toàn bộ kế hoạch là mốc nào");
    expect(en).toContain("10 May 2025");
    expect(vi).toContain("10/05/2025");
  });
});
