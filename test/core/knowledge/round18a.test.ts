import { describe, expect, it } from "vitest";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { fold } from "../../../src/core/fold.js";
import { dueOnDays } from "../../../src/core/knowledge/due-on.js";
import { milestonesInMonth, monthAsked, renderMonth } from "../../../src/core/knowledge/month-milestones.js";
import { agenciesNamed, asksSignatory, renderSignatoryCheck } from "../../../src/core/knowledge/signatory-check.js";
import { asksWhatPrecedes, nextStep, nthStepAsked, stepAfterAsked, stepsEntry } from "../../../src/core/knowledge/step-before.js";
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

describe("every milestone of a month, across systems", () => {
  it("reads a month asked all of, and not a day, a span of months or a month asked nothing of", () => {
    expect(monthAsked(fold("trong tháng 5/2025 kế hoạch liên tịch có những mốc nào phải hoàn thành?"))).toEqual({ year: 2025, month: 5 });
    expect(monthAsked(fold("tháng 6 có những việc gì phải làm"))).toEqual({ month: 6 });
    expect(monthAsked(fold("What is due in June 2025?"))).toEqual({ year: 2025, month: 6 });
    expect(monthAsked(fold("hạn 15/5 là của việc gì"))).toBeUndefined();
    expect(monthAsked(fold("Những nội dung nào hoàn thành từ tháng 5 đến tháng 8?"))).toBeUndefined();
    expect(monthAsked(fold("1022 khảo sát trong tháng 6"))).toBeUndefined();
    expect(monthAsked(fold("may I ask what is due"))).toBeUndefined();
  });
  it("finds the days and months of the month, the spans holding it, and estimated spans as estimates", () => {
    const may = milestonesInMonth(content.milestones, 2025, 5)!;
    expect(may.due.map((m) => m.dueParsed.end)).toEqual(["2025-05-10", "2025-05-15", "2025-05-31", "2025-05-31"]);
    expect(may.due.map((m) => m.id)).toContain("party-conference-portal");
    // A month kept only to sort an item with no time of its own is none.
    expect(may.due.map((m) => m.id)).not.toContain("party-systems");
    expect(may.spans.length).toBeGreaterThan(0);
    const june = milestonesInMonth(content.milestones, 2025, 6)!;
    expect(june.due.map((m) => m.id)).toEqual(["email-accounts", "document-management-pilot", "hotline-1022-plan"]);
    expect(june.estimated.map((m) => m.id)).toEqual(["email-parallel-binhduong"]);
    expect(milestonesInMonth(content.milestones, 2024, 6)).toBeUndefined();
  });
  it("writes each deadline with its day, or the month with no day", () => {
    const text = renderMonth(milestonesInMonth(content.milestones, 2025, 6)!, "vi").join("\n");
    expect(text).toContain("10/06/2025");
    expect(text).toContain("15/06/2025");
    expect(text).toMatch(/trong tháng 6\/2025 \(không nêu ngày\): Khảo sát, đề xuất phương án triển khai hệ thống 1022/);
    expect(text).toMatch(/Ước tính/);
  });
  it("answers a month asked of one system with that system's milestones only", async () => {
    const [en] = await askEachAlone("2026-12-04", "what is supposed to happen in June 2025 for the 1022 system?");
    expect(en).toMatch(/survey/);
    expect(en).not.toContain("10 June 2025");
  });
});

describe("a yes/no check of a named body against the plan's signatories", () => {
  const agencies = content.agencies.map((agency) => ({ agency, names: [agency.name, ...agency.shortNames, ...agency.aliases].map((n) => kb.unitsOf(n).filter((u) => !u.startsWith("_"))) }));
  const named = (q: string) => agenciesNamed(kb.unitsOf(q), agencies).map((a) => a.id);
  it("reads a yes/no question on signing the plan, not on digital signatures", () => {
    expect(asksSignatory(fold("tt cds co phai la 1 ben ky ke hoach ko, may ben con lai la ai"))).toBe(true);
    expect(asksSignatory(fold("Is the Digital Transformation Center a signatory?"))).toBe(true);
    expect(asksSignatory(fold("Sở KH&CN có hỗ trợ chữ ký số cho kế hoạch không"))).toBe(false);
    expect(asksSignatory(fold("ai ký kế hoạch liên tịch"))).toBe(false);
    expect(asksSignatory(fold("Sở KH&CN BD đã ban hành kế hoạch tập huấn chưa"))).toBe(false);
    expect(asksSignatory(fold("Văn phòng Thành ủy có ký kế hoạch không"))).toBe(true);
  });
  it("finds the body named by its longest name", () => {
    expect(named("tt cds co phai la 1 ben ky ke hoach ko")).toEqual(["ttcds-hcm"]);
    expect(named("sở kh&cn brvt có ký kế hoạch không")).toEqual(["sokhcn-brvt"]);
    expect(named("Văn phòng Thành ủy có ký kế hoạch không")).toEqual(["vpthanhuy-hcm"]);
  });
  it("says yes with the other signatories, or no with all of them", () => {
    const ttcds = content.agencies.filter((a) => a.id === "ttcds-hcm");
    const yes = renderSignatoryCheck(ttcds, content.agencies, "vi")!;
    expect(yes).toMatch(/^Đúng/);
    expect(yes).toContain("Sở KH&CN Bình Dương");
    expect(yes.split("còn lại")[1]).not.toContain("Chuyển đổi số");
    const no = renderSignatoryCheck(content.agencies.filter((a) => a.id === "ubnd-hcm"), content.agencies, "en")!;
    expect(no).toMatch(/^No, .* did not sign/);
    expect(no).toContain("HCMC Department of Science and Technology");
  });
});

describe("content: how many systems a trial covered, and when the district level ended", () => {
  it("answers how many systems the 168-unit trial covered, and lists them", () => {
    expect(kb.search("chay thu 25/6 gom may he thong").best?.entry.id).toBe("trial-168-units");
    expect(kb.entry("trial-168-units")!.answer).toMatch(/4 hệ thống: hội nghị truyền hình, quản\s+lý văn bản, 1022 và thủ tục hành chính/);
  });
  it("reads 'chấm dứt', 'kết thúc', 'ngừng hoạt động' of the district level", () => {
    for (const q of ["cap huyen cham dut hoat dong tu ngay nao", "quận huyện ngừng hoạt động khi nào"]) expect(kb.search(q).best?.entry.id, q).toBe("merger-district-abolished");
  });
});

describe("what comes before a step of one system", () => {
  it("reads 'trước khi … phải làm gì' and 'what has to be done before', not a plain deadline question", () => {
    expect(asksWhatPrecedes(fold("truoc khi thu nghiem qlvb thi phai lam gi truoc"))).toBe(true);
    expect(asksWhatPrecedes(fold("what has to be done before the document system pilot?"))).toBe(true);
    expect(asksWhatPrecedes(fold("qlvb thử nghiệm trước ngày nào"))).toBe(false);
  });
  it("finds the entry walking through a system's steps, and none for a system without one", () => {
    expect(stepsEntry(content.faq, content.milestones, "document-management")?.id).toBe("document-management-steps");
    expect(stepsEntry(content.faq, content.milestones, "hotline-1022")?.milestones ?? []).not.toContain("email-lists");
  });
  it("answers with the survey and the connection that come before the pilot", async () => {
    const [a] = await askEachAlone("2026-12-04", "truoc khi thu nghiem qlvb thi phai lam gi truoc");
    expect(a).toMatch(/khảo sát hiện trạng/);
    expect(a).toMatch(/kết nối/);
  });
});

describe("what comes after a step of one system", () => {
  it("reads the step named after 'sau khi', and not a question without a next step asked", () => {
    expect(stepAfterAsked(fold("sau khi thu nghiem qlvb xong thi trien khai tiep cho nhung ai"))).toBe("thu nghiem qlvb");
    expect(stepAfterAsked(fold("what comes after the document system pilot"))).toBe("the document system pilot");
    expect(stepAfterAsked(fold("Sau khi QLVB chạy chính thức thì bên em có phải dùng hệ thống của TP không"))).toBeUndefined();
  });
  it("takes the next of a system's deadlines", () => {
    expect(nextStep(["a", "b", "c"], "b")).toBe("c");
    expect(nextStep(["a", "b", "c"], "c")).toBeUndefined();
  });
  it("answers who the rollout after the pilot is for", async () => {
    const [a] = await askEachAlone("2026-12-04", "sau khi thu nghiem qlvb xong thi trien khai tiep cho nhung ai");
    expect(a).toMatch(/phường, xã/);
    expect(a).toMatch(/sở, ban, ngành/);
  });
});

describe("a numbered step of one system", () => {
  it("reads the number of the step asked, not of a step stated", () => {
    expect(nthStepAsked(fold("tao mail cong vu: buoc 1 gui ds truoc 10/5, buoc 2 la gi, han bao gio"))).toBe(2);
    expect(nthStepAsked(fold("bước thứ ba là gì"))).toBe(3);
    expect(nthStepAsked(fold("bước 1 gửi danh sách trước 10/5"))).toBeUndefined();
  });
  it("answers the e-mail's second step with the accounts, and the document system's steps from the entry that walks through them", async () => {
    const [mail, qlvb] = await askEachAlone("2026-12-04", "tao mail cong vu: buoc 1 gui ds truoc 10/5, buoc 2 la gi, han bao gio", "qlvb bước 1 là gì");
    expect(mail).toMatch(/tạo tài khoản/);
    expect(mail).toContain("10/06/2025");
    expect(qlvb).toMatch(/khảo sát hiện trạng/);
  });
});

describe("a system's steps asked as 'những bước nào'", () => {
  it("lists the deadlines of a system no entry walks through, with a year named", () => {
    const q = "tổng đài 1022 năm 2025 làm những bước nào";
    expect(readSchedule(fold(q), kb.unitsOf(q), content)?.official).toHaveLength(2);
  });
  it("leaves the document system's steps, whose first has no deadline, to its entry", async () => {
    const [a] = await askEachAlone("2026-12-04", "qlvb có những bước nào");
    expect(a).toMatch(/khảo sát hiện trạng/);
  });
});
