import { describe, expect, it } from "vitest";
import { actsAsked, phaseOfOther, statesAct } from "../../../src/core/knowledge/answer-type.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { fold } from "../../../src/core/fold.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith as answeredBy, entryOf } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);

/** The entry a question is answered with (see test/helpers/knowledge.ts), or undefined when it stays unanswered. */
const answeredWith = (q: string) => answeredBy(kb, q);

/** Asserts each question stays unanswered (refused, or shown only to say what is asked is not known). */
const refusesAll = (questions: readonly string[]) => {
  for (const q of questions) expect(answeredWith(q), q).toBeUndefined();
};

describe("who made a system: 'cty' is 'công ty', and the plan names no vendor", () => {
  it("reads 'cty nào', 'tập đoàn nào', 'which firm' as asking the maker", () => {
    for (const q of ["hệ thống 1022 do cty nào làm", "tập đoàn nào xây dựng hệ thống hội nghị", "Which firm built the e-mail system?"]) expect(actsAsked(fold(q)), q).toContain("make");
  });

  it("leaves the maker unanswered", () => {
    refusesAll(["phần mềm hội nghị truyền hình do cty nào cung cấp", "app 1022 cty nao viet", "Which firm built the new e-mail system?"]);
  });
});

describe("an approval by a named body, or of a named thing", () => {
  it("asks the body and the thing besides the approval", () => {
    const acts = actsAsked(fold("Thủ tướng đã phê duyệt kế hoạch này chưa"));
    expect(acts).toEqual(expect.arrayContaining(["approve", "approve-by:thu tuong", "approve-of:ke hoach"]));
    expect(actsAsked(fold("QĐ 2448 phê duyệt cái gì"))).toEqual(["approve"]);
    expect(actsAsked(fold("đề án hạ tầng cấp xã đã được phê duyệt chưa"))).toContain("approve-of:de an");
  });

  it("is stated only by a sentence naming the approval and that body or thing", () => {
    const decision = entryOf("Quyết định 2448/QĐ-UBND phê duyệt đề án trang bị hạ tầng công nghệ thông tin cho UBND cấp xã.");
    expect(statesAct("approve-of:ke hoach", decision)).toBe(false);
    expect(statesAct("approve-of:de an", decision)).toBe(true);
    expect(statesAct("approve-by:thu tuong", decision)).toBe(false);
    expect(statesAct("approve-by:thu tuong", entryOf("Quyết định 759/QĐ-TTg phê duyệt phương án sắp xếp."))).toBe(true);
  });

  it("leaves another body's approval of the plan unanswered, and still answers what Decision 2448 approves", () => {
    refusesAll(["Chính phủ có phê duyệt kế hoạch liên tịch không", "Did the Prime Minister approve the joint plan?"]);
    expect(answeredWith("quyết định nào phê duyệt đề án trang bị hạ tầng CNTT cấp xã")).toBe("commune-it-infrastructure-2448");
    expect(answeredWith("What does Decision 2448 approve?")).toBe("commune-it-infrastructure-2448");
  });
});

describe("accounts created: a count of accounts of another kind is no answer", () => {
  it("reads 'đã được tạo', 'have been created', not 'cấp xã'", () => {
    expect(actsAsked(fold("đã tạo được bao nhiêu tài khoản, bao nhiêu tk đã được cấp"))).toContain("create");
    expect(actsAsked(fold("How many accounts have been created?"))).toContain("create");
    expect(actsAsked(fold("tài khoản cấp xã gồm những gì"))).not.toContain("create");
  });

  it("leaves the count unanswered, and still answers when the accounts are created", () => {
    refusesAll(["có bao nhiêu tài khoản người dùng đã được tạo cho cán bộ phường mới"]);
    expect(answeredWith("tài khoản email mới được tạo trước ngày nào")).toBe("email-accounts-when");
  });
});

describe("a phase asked by its number alone is the plan's", () => {
  it("is not answered by another thing's phase", () => {
    const app = entryOf("Theo báo chí, giai đoạn 2 của Nền tảng quản lý chính quyền số bắt đầu trong quý 1/2026.");
    app.sentences![0]!.units = ["giaidoan", "2", "nentang", "quan", "ly", "chinhquyen", "so", "bat", "dau", "quy", "1/2026"];
    expect(phaseOfOther(app, [2], new Set(["giaidoan", "2", "bat", "dau", "_when"]))).toBe(true);
    expect(phaseOfOther(app, [2], new Set(["giaidoan", "2", "nentang", "_when"]))).toBe(false);
    refusesAll(["gđ2 bắt đầu lúc nào", "When will phase 2 begin?"]);
  });

  it("is not answered by the date the plan's phase ends, but a span's start answers", () => {
    refusesAll(["When does phase 2 of the plan start?", "giai đoạn 2 của kế hoạch bắt đầu từ lúc nào"]);
    // Either entry gives the span (tháng 5 đến tháng 8/2025); the May–August group names both the infrastructure and the other systems.
    expect(answeredWith("hạ tầng CNTT và các hệ thống khác trong giai đoạn 1 bắt đầu từ tháng mấy")).toMatch(/^(other-systems|infrastructure-may-aug)$/);
  });

  it("still answers the platform's phase 2 when the question names the platform", () => {
    expect(answeredWith("nền tảng quản lý chính quyền số gđ2 bắt đầu lúc nào")).toBe("digital-gov-platform-phase2");
    expect(answeredWith("When will phase 2 of the digital government platform begin?")).toBe("digital-gov-platform-phase2");
  });
});

describe("whom a person named in a source works for", () => {
  it("reads 'phóng viên báo nào', 'which paper … photographer'", () => {
    expect(actsAsked(fold("tác giả ảnh là nhà báo tờ báo nào"))).toContain("affiliation");
    expect(actsAsked(fold("Which newspaper is the photographer from?"))).toContain("affiliation");
    expect(actsAsked(fold("Which agency does the DOST work with?"))).not.toContain("affiliation");
  });

  it("is not answered by the outlets that carried the article", () => {
    refusesAll(["nhiếp ảnh gia Thuận Văn là phóng viên của báo nào", "nhà báo chụp ảnh minh họa làm ở tờ báo nào"]);
    // "phóng viên" is a glossary term: typed in Telex it is read back ("phongs vieen").
    expect(kb.untype("phongs vieen baos naof")).toBe("phong vien bao nao");
    expect(answeredWith("ảnh minh họa bài kế hoạch liên tịch do ai chụp")).toBe("plan-coverage");
  });
});
