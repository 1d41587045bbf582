import { describe, expect, it } from "vitest";
import { asksIssueDate, asksWhichDay, datesDocument, valueAsked } from "../../../src/core/knowledge/answer-type.js";
import { unitNamed } from "../../../src/core/knowledge/entities.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { fold } from "../../../src/core/fold.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith as answeredBy, entryOf, followUpAnswer } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);

/** The entry a question is answered with (see test/helpers/knowledge.ts), or undefined when it stays unanswered. */
const answeredWith = (q: string) => answeredBy(kb, q);

/** Asserts each question stays unanswered (refused, or shown only to say what is asked is not known). */
const refusesAll = (questions: readonly string[]) => {
  for (const q of questions) expect(answeredWith(q), q).toBeUndefined();
};

describe("when a document was issued, which the entry must date the document itself with", () => {
  it("reads 'ban hành ngày nào', 'ra ngày nào', 'when was … issued' of a document named by its number", () => {
    for (const q of ["Nghị quyết 60-NQ/TW ban hành ngày nào", "kết luận 169 ra ngày nào", "When was Decision 759 signed?"]) expect(asksIssueDate(fold(q)), q).toBe(true);
    expect(asksIssueDate(fold("nghị quyết 57 nói gì"))).toBe(false);
  });

  it("takes the date written after the number, not the date the document sets for something else", () => {
    expect(datesDocument("1685", entryOf("Việc sắp xếp theo Nghị quyết 1685/NQ-UBTVQH15 ngày 16/06/2025 của Ủy ban Thường vụ Quốc hội."))).toBe(true);
    expect(datesDocument("169", entryOf("Theo Kết luận 169-KL/TW, các đơn vị mới hoạt động từ 01/07/2025."))).toBe(false);
  });

  it("leaves unanswered the issue dates of documents the entries only cite", () => {
    refusesAll(["Nghị quyết 60-NQ/TW được ban hành ngày bao nhiêu", "Kết luận 169-KL/TW ra ngày nào", "kl 169 ban hanh ngay nao", "When was Conclusion 169-KL/TW issued?"]);
  });

  it("still answers when resolutions 1685 and 202 were issued", () => {
    expect(answeredWith("nq 1685 ban hanh ngay nao")).toBe("merger-commune-resolution");
    expect(answeredWith("NQ 202 thông qua ngày nào")).toBeDefined();
    expect(answeredWith("When was Resolution 202/2025/QH15 passed?")).toBeDefined();
  });
});

describe("which units something is done at, where the entry says it names none", () => {
  it("reads 'ở đơn vị nào', 'tại những phường nào', 'at which units' as asking the units", () => {
    for (const q of ["qlvb thu nghiem o don vi nao", "chạy thử ở những phường nào", "At which units was it piloted?"]) expect(valueAsked(fold(q))?.kind, q).toBe("names");
    expect(valueAsked(fold("đơn vị nào chịu trách nhiệm tạo email"))?.kind).not.toBe("names");
  });

  it("reads one ward named with a capital, but not 'phường mới', 'phường xã' nor 'phường thử nghiệm'", () => {
    const named = (q: string) => unitNamed(fold(q), q);
    expect(named("phường Tân Định đã có tài khoản chưa")).toBe("tan dinh");
    for (const q of ["phường mới ở đâu", "các phường xã đã có chưa", "chi bao nhieu phuong thu nghiem qlvb"]) expect(named(q), q).toBeUndefined();
  });

  it("leaves unanswered which units piloted document management, and whether one named ward did", () => {
    refusesAll([
      "qlvb thu nghiem o don vi nao",
      "bên Bình Dương chạy thử qlvb ở những đơn vị nào",
      "phần mềm quản lý văn bản thử nghiệm tại những đơn vị nào",
      "phường Tân Định đã được cấp tài khoản qlvb chưa",
      "phường Thuận Giao đã thử nghiệm quản lý văn bản chưa",
    ]);
  });

  it("still answers when document management was piloted, and in how many wards as a follow-up", async () => {
    expect(answeredWith("QLVB thử nghiệm khi nào?")).toBe("document-management-pilot");
    expect(await followUpAnswer("QLVB thử nghiệm khi nào?", "ở mấy phường?", "2025-06-20")).toContain("6 phường");
  });
});

describe("the day itself, asked as 'ngày nào' in a question of its own", () => {
  it("reads 'khóa ngày nào', 'từ ngày nào', 'ngày bao nhiêu', but not a span of days", () => {
    for (const q of ["mail cũ bd khóa ngày nào", "chạy chung từ ngày nào", "ban hành ngày bao nhiêu"]) expect(asksWhichDay(fold(q)), q).toBe(true);
    for (const q of ["nghỉ từ ngày nào tới ngày nào", "tháng mấy xong", "trong mấy ngày"]) expect(asksWhichDay(fold(q)), q).toBe(false);
  });

  it("leaves unanswered a day where the entry gives only a span or says no source confirms the day", () => {
    refusesAll(["mail cũ bd khóa ngày nào", "tài khoản thư cũ của cán bộ Bình Dương bị khóa từ ngày nào", "1022 bd cũ chạy chung từ ngày nào", "tổng đài 1022 Bình Dương cũ nhập chung từ ngày nào"]);
  });

  it("still answers a day the entry gives, and a follow-up read with the previous question's wording", async () => {
    expect(answeredWith("lễ công bố sáp nhập ngày nào")).toBe("merger-district-abolished");
    expect(await followUpAnswer("nen tang qlcqs thu nghiem gd1 ngay nao", "gd2 cua no?", "2025-06-20")).toMatch(/1\/2026|quý 1/);
  });
});

describe("a total, which a count said only of a trial run does not give", () => {
  it("leaves unanswered the total of video-conference points", () => {
    refusesAll(["sau hop nhat co tong cong bn diem cau hntt", "tổng cộng có bao nhiêu điểm cầu hội nghị truyền hình", "How many video-conference points are there in total?"]);
  });

  it("still answers how many points the trial connected", () => {
    expect(answeredWith("During the trial on 12 June 2025, to how many wards and communes was video conferencing connected?")).toBe("video-conference-state-when");
  });
});

describe("departments, which are counted and merged apart from the wards", () => {
  it("leaves unanswered how many departments the city has, and what became of one department", () => {
    refusesAll([
      "sau hợp nhất TP.HCM có bao nhiêu sở",
      "thành phố mới có bao nhiêu sở",
      "Sở KH&CN Bình Dương sau hợp nhất nhập vào đâu",
      "sau sap nhap so khcn binh duong con ko hay nhap vao so tp",
      "Was the Binh Duong science department absorbed into the city's?",
    ]);
  });

  it("still answers how many wards and communes the city has", () => {
    expect(answeredWith("sau hợp nhất TP.HCM có bao nhiêu phường xã")).toBe("merger-168-units");
  });
});

describe("who issues a certificate, and which number to dial", () => {
  it("leaves unanswered the issuer of the new digital-signature certificates", () => {
    refusesAll([
      "Is the new digital signature certificate issued by VNPT-CA, Viettel-CA or the Government Cipher Committee CA?",
      "chứng thư chữ ký số mới do ai cấp",
      "chứng thư số mới do tổ chức nào cấp, VNPT-CA hay Ban Cơ yếu",
      "Who issues the new digital signature certificates?",
    ]);
    expect(answeredWith("gia han cks truoc ngay nao")).toBe("digital-signature-renewal");
  });

  it("reads 'bấm số gì', 'gọi số nào' as asking a telephone number, and leaves Bà Rịa - Vũng Tàu's unanswered", () => {
    for (const q of ["gọi từ di động thì bấm số gì", "gọi số nào"]) expect(valueAsked(fold(q))?.kind, q).toBe("phone");
    refusesAll(["trước sáp nhập dân BRVT gọi 1022 bằng di động thì bấm số gì", "BRVT cũ gọi 1022 từ di động bấm số nào"]);
  });
});

describe("the template of a list, which the sources do not give", () => {
  it("leaves unanswered the form of the staff list", () => {
    refusesAll(["danh sách cán bộ gửi làm email theo mẫu nào, file excel gồm cột gì", "danh sách cán bộ làm mail theo biểu mẫu nào", "Is there a template for the staff list for e-mail accounts?"]);
  });

  it("still answers when the staff list is due", () => {
    expect(answeredWith("Hạn gửi danh sách cán bộ để tạo email là khi nào?")).toBeDefined();
  });
});
