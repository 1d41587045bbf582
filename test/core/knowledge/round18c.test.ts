import { describe, expect, it } from "vitest";
import { expectedType, valueAsked } from "../../../src/core/knowledge/answer-type.js";
import { createAnalyzer } from "../../../src/core/knowledge/query.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { fold } from "../../../src/core/fold.js";
import { findEntities } from "../../../src/core/knowledge/entities.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith as answeredBy } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);
const analyzer = createAnalyzer(content.glossary, content.lexicon);

/** The entry a question is answered with (see test/helpers/knowledge.ts), or undefined when it stays unanswered. */
const answeredWith = (q: string) => answeredBy(kb, q);

/** Asserts each question stays unanswered (refused, or shown only to say what is asked is not known). */
const refusesAll = (questions: readonly string[]) => {
  for (const q of questions) expect(answeredWith(q), q).toBeUndefined();
};

/** What a question expects, read as the search reads it. */
const expects = (q: string) => expectedType(analyzer.analyze(q).units, () => 1, fold(q), q, () => false, (t) => analyzer.analyze(t).units);

describe("a count of a term whose concept the question already named ('hội nghị truyền hình … bao nhiêu điểm cầu')", () => {
  it("reads the words after 'bao nhiêu' as what is counted", () => {
    expect(expects("hệ thống hội nghị truyền hình của Bình Dương có bao nhiêu điểm cầu")).toMatchObject({ kind: "count", noun: "hnth" });
  });

  it("leaves unanswered a count of points no entry gives", () => {
    refusesAll(["hệ thống hội nghị truyền hình của Bình Dương hiện có bao nhiêu điểm cầu", "hoi nghi truyen hinh BRVT co bao nhieu diem cau"]);
  });

  it("still answers counts said of a merged province", () => {
    expect(answeredWith("BRVT có bao nhiêu đơn vị cấp xã")).toBe("merger-168-units");
    expect(answeredWith("Bình Dương có bao nhiêu phường xã sau sắp xếp")).toBe("merger-168-units");
  });
});

describe("food, drink, lodging, shopping and sightseeing", () => {
  it("leaves them unanswered, in either language", () => {
    refusesAll(["where can I get the best pho in Saigon?", "any good restaurants near the city hall?", "quán phở nào ngon nhất Sài Gòn", "khách sạn nào gần trung tâm thành phố", "nên đi du lịch ở đâu tại Vũng Tàu"]);
  });

  it("still answers questions about the plan and its sources", () => {
    expect(answeredWith("QĐ 2448 phê duyệt gì")).toBe("commune-it-infrastructure-2448");
  });
});

describe("who won a tender ('trúng thầu', 'nhà thầu', 'contractor')", () => {
  it("leaves the winner of a tender unanswered: the sources name no vendor", () => {
    refusesAll(["don vi nao trung thau ha tang cntt theo QD 2448", "nhà thầu nào thi công hạ tầng CNTT cho xã", "which contractor won the tender for the commune IT equipment"]);
  });
});

describe("the ending of an address asked as 'đuôi là gì'", () => {
  it("reads 'đuôi là gì', 'đuôi mail là gì' as asking a domain", () => {
    expect(valueAsked(fold("mail cũ của cán bộ BD trước đây đuôi là gì"))).toEqual({ kind: "domain", mail: true });
    expect(valueAsked(fold("email mới có đuôi là gì"))).toEqual({ kind: "domain", mail: true });
  });

  it("leaves unanswered a domain no entry gives", () => {
    refusesAll(["mail cũ của cán bộ BD trước đây đuôi là gì", "mail cong vu moi duoi la gi"]);
  });
});

describe("the value of a code asked as 'là mã gì'", () => {
  it("reads 'là mã gì', 'mã số nào' as asking the value", () => {
    expect(valueAsked(fold("mã định danh điện tử mới của phường em là mã gì vậy"))).toEqual({ kind: "code" });
    expect(valueAsked(fold("mã định danh điện tử là gì"))?.kind).not.toBe("code");
  });

  it("leaves the value unanswered and still answers what the e-ID code is", () => {
    refusesAll(["mã định danh điện tử mới của phường em là mã gì vậy", "ma dinh danh cua so moi la ma nao"]);
    expect(answeredWith("mã định danh điện tử khi nào hoàn thành")).toBe("e-id");
  });
});

describe("a count of a two-word noun asked of a merged province ('Bình Dương có bao nhiêu khu công nghiệp')", () => {
  it("reads 'khu' as the head of a two-word noun", () => {
    expect(expects("Bình Dương có bao nhiêu khu công nghiệp")).toMatchObject({ kind: "count", noun: "khu", next: "cong", place: "bd" });
  });

  it("leaves it unanswered where the entry counts only the special zone ('đặc khu')", () => {
    refusesAll(["Bình Dương có bao nhiêu khu công nghiệp", "BRVT có bao nhiêu khu dân cư"]);
  });

  it("still answers the count of special zones", () => {
    expect(answeredWith("BRVT có bao nhiêu đặc khu")).toBe("merger-168-units");
  });
});

describe("the e-mail address of a body named ('email của Trung tâm … là gì')", () => {
  it("reads it as asking an address, not what official e-mail is", () => {
    expect(valueAsked(fold("email của Trung tâm Chuyển đổi số là gì"))).toEqual({ kind: "domain", mail: true });
    expect(valueAsked(fold("what is the email of the Digital Transformation Center"))).toEqual({ kind: "domain", mail: true });
    expect(valueAsked(fold("email công vụ là gì"))).toBeUndefined();
    expect(valueAsked(fold("email của cán bộ BD sau hợp nhất là gì"))).toBeUndefined();
  });

  it("leaves unanswered an address no entry gives, and still answers what official e-mail is", () => {
    refusesAll(["email của Trung tâm Chuyển đổi số là gì", "email liên hệ của Sở KH&CN là gì"]);
    expect(answeredWith("email công vụ là gì")).toBeDefined();
  });
});

describe("a system said to be shared with a body ('dùng chung QLVB với UBND phường')", () => {
  it("names the body the system is shared with as an entity the entry must speak of", () => {
    expect(findEntities(fold("Đảng ủy phường có dùng chung QLVB với UBND phường không")).places).toContain("ubnd");
    expect(findEntities(fold("Bình Dương có dùng chung QLVB với TP.HCM không")).places).toEqual([]);
  });

  it("leaves it unanswered where no entry speaks of that body, and still answers sharing with the city", () => {
    refusesAll(["Đảng ủy phường có dùng chung QLVB với UBND phường không", "ddangr uyr phuwowngf cos dungf chung qlvb vowis ubnd phuwowngf khoong"]);
    expect(answeredWith("Bình Dương có dùng chung QLVB với TP.HCM không")).toBeDefined();
  });
});

describe("how long something is valid ('thời hạn mấy năm', 'hiệu lực bao nhiêu tháng', 'valid for how long')", () => {
  it("reads it as asking a span of time", () => {
    expect(valueAsked(fold("chữ ký số của cán bộ có thời hạn mấy năm"))).toEqual({ kind: "span" });
    expect(valueAsked(fold("how long is a digital signature certificate valid for"))).toEqual({ kind: "span" });
  });

  it("leaves unanswered a span no entry writes, and still answers the 3 months of the old e-mail", () => {
    refusesAll(["chữ ký số của cán bộ có thời hạn mấy năm", "how long is a digital signature certificate valid for"]);
    expect(answeredWith("dùng song song hai tài khoản thời hạn bao nhiêu tháng")).toBe("email-parallel-binhduong");
  });
});

describe("who holds the country's top offices, and personal questions to the assistant", () => {
  it("leaves them unanswered", () => {
    refusesAll(["who is the president of Vietnam", "ai là chủ tịch nước", "bạn có người yêu chưa", "how old are you", "where can I get pho near the Department of Science"]);
  });

  it("still answers who the plan's bodies are", () => {
    expect(answeredWith("Sở KH&CN TP.HCM làm gì trong kế hoạch")).toBeDefined();
  });
});
