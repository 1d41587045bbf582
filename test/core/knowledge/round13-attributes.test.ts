import { describe, expect, it } from "vitest";
import { supplies, valueAsked } from "../../../src/core/knowledge/answer-type.js";
import { bestWindow, createKnowledge } from "../../../src/core/knowledge/search.js";
import type { SearchResult } from "../../../src/core/knowledge/types.js";
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

describe("the names of units asked with 'những … nào'", () => {
  it("reads 'những đơn vị nào', 'các phường nào' as asking which units, and a count asked again by its noun as asking names", () => {
    expect(valueAsked(fold("những đơn vị nào được thử nghiệm trước"))).toEqual({ kind: "names", noun: "don vi", which: true });
    expect(valueAsked(fold("các xã nào đã kết nối"))).toEqual({ kind: "names", noun: "xa", which: true });
    expect(valueAsked(fold("3 xã ở Côn Đảo chạy thử là những xã nào"))).toEqual({ kind: "names", noun: "xa" });
    // Systems are answered by what they are; a plural is no count.
    expect(valueAsked(fold("3 hệ thống dùng chung là những hệ thống nào"))?.kind).not.toBe("names");
    expect(valueAsked(fold("gđ1 gồm những hệ thống nào"))).toBeUndefined();
  });

  it("leaves unanswered which units piloted a system, when the entry says it names none", () => {
    refusesAll(["những đơn vị nào thử nghiệm phần mềm quản lý văn bản", "cac don vi nao duoc thu nghiem qlvb truoc 15/6"]);
  });

  it("leaves unanswered the names of the six Tân Bình wards, which no entry lists", () => {
    refusesAll(["sáu phường ở Tân Bình chạy thử ngày 11/6 là những phường nào", "6 phuong Tan Binh thu nghiem gom cac phuong nao"]);
  });

  it("still answers which systems were tried, and where the first pilot was", () => {
    expect(answeredWith("ngày 11/6 ở Tân Bình thử những hệ thống nào")).toBe("trial-june-pilots");
    expect(answeredWith("Which wards ran the first pilot?")).toBe("trial-june-pilots");
  });
});

describe("an issue date asked as 'date nào'", () => {
  it("leaves unanswered the issue date of a decision the entries only cite", () => {
    refusesAll(["Quyết định 759/QĐ-TTg ban hành date nào"]);
  });
});

describe("a name asked of a thing the question names in plain words", () => {
  it("reads '… cụ thể tên là gì' as asking a name, not a list", () => {
    expect(valueAsked(fold("ứng dụng đó cụ thể tên là gì"))).toEqual({ kind: "name" });
  });

  it("leaves unanswered the name of the Party's working software, which the plan only lists", () => {
    refusesAll(["phần mềm tác nghiệp của Đảng có tên gọi là gì", "phan mem tac nghiep ben dang ten chinh thuc la gi"]);
  });

  it("still answers names the entries give", () => {
    expect(answeredWith("Đặc khu duy nhất của TP.HCM mới tên là gì?")).toBe("merger-special-zone");
  });
});

describe("an ordinal asked of a recurring event ('lần thứ mấy', 'khóa mấy')", () => {
  it("reads 'lần thứ mấy', 'khóa mấy', 'which congress', not 'thứ mấy' alone (a weekday)", () => {
    for (const q of ["đại hội đảng bộ lần thứ mấy", "hdnd khoa may", "Which congress is the report for?"]) expect(valueAsked(fold(q)), q).toEqual({ kind: "ordinal" });
    expect(valueAsked(fold("15/6 là thứ mấy"))).toBeUndefined();
  });

  it("is given only by a text that writes an ordinal", () => {
    expect(supplies({ kind: "ordinal" }, entryOf("Đại hội Đảng bộ lần thứ XII, nhiệm kỳ 2025 - 2030."), new Set())).toBe("given");
    expect(supplies({ kind: "ordinal" }, entryOf("Các hệ thống: văn bản điều hành, báo cáo đại hội, phần mềm tác nghiệp."), new Set())).toBe("asked");
  });

  it("leaves unanswered which congress the congress reporting system is for", () => {
    refusesAll(["hệ thống báo cáo đại hội phục vụ đại hội lần thứ bao nhiêu"]);
  });
});

describe("a clause that only says when, in a longer message", () => {
  it("is never searched as a question of its own", () => {
    const searched: string[] = [];
    const none = (text: string): SearchResult => {
      searched.push(text);
      return { decision: "none", suggestions: [], folded: fold(text), units: fold(text).split(" ") };
    };
    bestWindow("Sau ngày 1/9/2025, phần mềm quản lý văn bản cũ của Bà Rịa - Vũng Tàu có còn chạy không?", none);
    expect(searched).not.toContain("Sau ngày 1/9/2025");
    expect(searched).toContain("phần mềm quản lý văn bản cũ của Bà Rịa - Vũng Tàu có còn chạy không");
  });

  it("leaves unanswered whether an old system runs on after a date the plan gives for the new one", () => {
    refusesAll(["Sau ngày 01/09/2025, hệ thống quản lý văn bản cũ ở Bình Dương có còn chạy song song không?"]);
  });
});

describe("the day a document was signed, asked with 'ngày mấy'", () => {
  it("leaves unanswered the signing day of documents the entries only cite or describe", () => {
    refusesAll(["Nghị quyết 60-NQ/TW ký ngày mấy", "quyết định 2448 ban hành vào ngày mấy"]);
  });

  it("still answers the day of a resolution the entry dates", () => {
    expect(answeredWith("nghị quyết 1685 ban hành ngày mấy")).toBe("merger-commune-resolution");
  });
});

describe("a span of time allowed for something ('tối đa mấy ngày', 'thời hạn trả lời')", () => {
  it("reads 'tối đa mấy ngày', 'thời hạn xử lý', 'within how many days', not a countdown ('còn mấy ngày')", () => {
    for (const q of ["gửi phản ánh thì tối đa bao nhiêu ngày được xử lý", "thời hạn trả lời phản ánh 1022", "Within how many days must 1022 reply?"]) {
      expect(valueAsked(fold(q)), q).toEqual({ kind: "span" });
    }
    expect(valueAsked(fold("còn mấy ngày nữa đến hạn email"))).toBeUndefined();
  });

  it("is given only by a sentence writing a span", () => {
    expect(supplies({ kind: "span" }, entryOf("Cán bộ dùng song song hai tài khoản trong 3 tháng."), new Set())).toBe("given");
    expect(supplies({ kind: "span" }, entryOf("Tổng đài 1022 vận hành chính thức từ 01/09/2025."), new Set())).toBe("no");
  });

  it("leaves unanswered how long 1022 has to reply to a report", () => {
    refusesAll(["gửi phản ánh lên tổng đài 1022 thì trong vòng mấy ngày được trả lời"]);
  });
});
