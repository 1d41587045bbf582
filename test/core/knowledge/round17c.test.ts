import { describe, expect, it } from "vitest";
import { asksReportDate, valueAsked } from "../../../src/core/knowledge/answer-type.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { fold } from "../../../src/core/fold.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith as answeredBy, askEachAlone, followUpAnswer } from "../../helpers/knowledge.js";
import { asksAboutSameThing, purposeAsked } from "../../../src/core/knowledge/follow-up.js";

const content = await realContent();
const kb = createKnowledge(content);

/** The entry a question is answered with (see test/helpers/knowledge.ts), or undefined when it stays unanswered. */
const answeredWith = (q: string) => answeredBy(kb, q);

/** Asserts each question stays unanswered (refused, or shown only to say what is asked is not known). */
const refusesAll = (questions: readonly string[]) => {
  for (const q of questions) expect(answeredWith(q), q).toBeUndefined();
};

describe("the names of counted units asked as 'tên là phường gì', 'là xã nào'", () => {
  it("reads a count asked again by its noun with 'gì' or 'nào' as asking the names", () => {
    expect(valueAsked(fold("6 phường ở Tân Bình chạy thử tên là phường gì"))).toEqual({ kind: "names", noun: "phuong" });
    expect(valueAsked(fold("3 xã được kết nối trước là xã nào"))).toEqual({ kind: "names", noun: "xa" });
    expect(valueAsked(fold("54 xã sau sắp xếp tên các xã là gì"))).toEqual({ kind: "names", noun: "xa" });
    // Not a count with a noun that is no unit, nor a count alone.
    expect(valueAsked(fold("3 hệ thống dùng chung là hệ thống gì"))?.kind).not.toBe("names");
    expect(valueAsked(fold("6 phường ở Tân Bình chạy thử ngày nào"))?.kind).not.toBe("names");
  });

  it("leaves unanswered the names of wards no entry lists", () => {
    refusesAll(["sau phuong o tan binh chay thu ngay 11/6 ten la phuong gi", "6 phường mới ở Tân Bình thử nghiệm hôm 11/6 là phường nào vậy"]);
  });
});

describe("a date asked of something done with one system, which the entry dates only with another", () => {
  it("leaves unanswered when training on document management is held, where only e-mail training is dated", () => {
    refusesAll(["tập huấn sử dụng QLVB cho cán bộ phường tổ chức khi nào ạ", "cán bộ phường được tập huấn sử dụng qlvb khi nào"]);
  });

  it("still answers the e-mail training's date, and document management's dates", () => {
    expect(answeredWith("tập huấn sử dụng email cho cán bộ khi nào")).toBe("email-training");
    expect(answeredWith("QLVB triển khai cho phường xã khi nào")).toBe("document-management-rollout");
  });
});

describe("the address of a portal or a web page, asked as 'địa chỉ'", () => {
  it("reads 'địa chỉ' of a portal as a web address, and an office's as a place", () => {
    expect(valueAsked(fold("cổng dịch vụ công mới sau hợp nhất địa chỉ là gì"))).toEqual({ kind: "domain", mail: false });
    expect(valueAsked(fold("cho hỏi địa chỉ cổng thông tin điện tử thành phố"))).toEqual({ kind: "domain", mail: false });
    expect(valueAsked(fold("what is the address of the public service portal"))).toEqual({ kind: "domain", mail: false });
    expect(valueAsked(fold("Sở KH&CN TP.HCM địa chỉ ở đâu"))?.kind).not.toBe("domain");
  });

  it("leaves unanswered the address of a portal no entry gives one of", () => {
    refusesAll(["cổng dịch vụ công mới sau hợp nhất địa chỉ là gì", "dia chi cong dich vu cong thanh pho moi la gi"]);
  });

  it("still answers the address of the 1022 portal", () => {
    expect(answeredWith("cổng 1022 địa chỉ là gì")).toBe("hotline-1022-how-to-reach");
  });
});

describe("'công' that is no portal", () => {
  it("does not read 'công chức', 'công ty' before 'địa chỉ' as a portal's address", () => {
    expect(valueAsked(fold("công chức phường mới hỏi địa chỉ trụ sở ở đâu"))?.kind).not.toBe("domain");
    expect(valueAsked(fold("công ty làm phần mềm địa chỉ ở đâu"))?.kind).not.toBe("domain");
  });
});

describe("a follow-up asking what comes after ('rồi sau đó thì sao', 'and after that?')", () => {
  it("reads 'sau', 'rồi', 'after', 'next' as asking again of the same thing", () => {
    expect(asksAboutSameThing(["sau"])).toBe(true);
    expect(asksAboutSameThing(["after"])).toBe(true);
    expect(asksAboutSameThing(["after", "hopnhat"])).toBe(false);
  });

  it("keeps the previous entry, which says what follows", async () => {
    const vi = await followUpAnswer("cán bộ Bình Dương dùng song song 2 tài khoản mail bao lâu", "rồi sau đó thì sao", "2026-12-03");
    expect(vi).toMatch(/kết thúc/);
    const en = await followUpAnswer("How long do Binh Duong staff keep two email accounts?", "and after that?", "2026-12-03");
    expect(en).toMatch(/ends/);
  });
});

describe("when a document was made public ('công bố khi nào')", () => {
  it("reads 'công bố' as asking the date the press gave it", () => {
    expect(asksReportDate(new Set(["quyet", "dinh", "2448", "cong", "bo"]))).toBe(true);
    expect(asksReportDate(new Set(["quyet", "dinh", "2448", "ban", "hanh"]))).toBe(false);
  });

  it("answers it with the entry that dates the decision's press report, alone and as a follow-up", async () => {
    expect(answeredWith("Quyết định 2448 được công bố ngày nào")).toBe("commune-it-infrastructure-2448");
    expect(await followUpAnswer("QĐ 2448 là gì", "công bố khi nào", "2026-12-03")).toMatch(/05\/11\/2025/);
    // The ceremony keeps its own day.
    expect(answeredWith("lễ công bố nghị quyết sáp nhập tổ chức ngày nào")).toBeDefined();
  });
});

describe("the whole timeline of a system asked ('summarise the timeline', 'the full timeline')", () => {
  it("is answered with the system's steps and all their dates, not one deadline", () => {
    expect(answeredWith("Could you summarize the timeline for the document management system?")).toBe("document-management-steps");
    expect(answeredWith("what is the full timeline of the document management system")).toBe("document-management-steps");
  });
});

describe("a deadline asked again of a system the previous question named, when its answer gives no date", () => {
  it("asks it of that system and the side of phase 1 named with it", async () => {
    const answer = await followUpAnswer("Is the Party online conferencing included in the plan", "and what is the deadline", "2026-12-03");
    expect(answer).toMatch(/May 2025/);
  });
});

describe("a follow-up torn between another topic's entry and a sibling of the previous topic", () => {
  it("answers with the sibling, offering the other", async () => {
    const answer = await followUpAnswer("when does the 1022 system officially start operating", "and what happens in June 2025", "2026-12-03");
    expect(answer).toMatch(/survey/);
  });
});

describe("a system named alone ('mail công vụ', 'qlvb?')", () => {
  it("gets the system's whole official schedule", async () => {
    const [mail] = await askEachAlone("2026-12-03", "mail cong vu");
    expect(mail).toMatch(/10\/05\/2025/);
    expect(mail).toMatch(/10\/06\/2025/);
  });
});

describe("a follow-up asking the purpose of the previous question's subject ('ký để làm gì', 'what for?')", () => {
  it("reads the purpose asked, of the previous question's concept tokens", () => {
    expect(purposeAsked("ky de lam gi vay", ["kehoachlientich", "ai", "ky"])).toBe("mục đích kehoachlientich");
    expect(purposeAsked("what for?", ["qlvb", "_when"])).toBe("mục đích qlvb");
    expect(purposeAsked("ai ký", ["kehoachlientich"])).toBeUndefined();
    expect(purposeAsked("để làm gì", ["ai", "ky"])).toBeUndefined();
  });

  it("answers with the plan's goals after a question on who signed it", async () => {
    const answer = await followUpAnswer("kế hoạch liên tịch do những ai ký", "ký để làm gì vậy", "2026-12-03");
    expect(answer).toMatch(/thông suốt/);
  });
});

describe("a follow-up answered by another entry than the previous one", () => {
  it("does not carry the previous question's written day into the answer ('còn ngày vận hành chính thức?')", async () => {
    const answer = await followUpAnswer("hạn triển khai QLVB cho phường xã 15/8 là thứ mấy", "còn ngày vận hành chính thức?", "2026-12-03");
    expect(answer).toMatch(/01\/09\/2025 là thứ Hai/);
    expect(answer).not.toMatch(/15\/08\/2025 là thứ Sáu/);
  });
});
