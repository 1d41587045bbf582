import { describe, expect, it } from "vitest";
import type { FaqEntry } from "../../../src/core/content/schema.js";
import { asksReportDate, expectedType } from "../../../src/core/knowledge/answer-type.js";
import { asksWeekday } from "../../../src/core/knowledge/calendar-question.js";
import { answerSpeaksOf, asksInclusion, refersBack, slotValuesIn } from "../../../src/core/knowledge/follow-up.js";
import { readLongMessage } from "../../../src/core/knowledge/long-message.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith, askEachAlone, followUpAnswer } from "../../helpers/knowledge.js";

const NOW = "2026-12-02T09:00:00+07:00";
const NOW_2025 = "2025-05-01T09:00:00+07:00";
const askEach = (...questions: string[]) => askEachAlone(NOW, ...questions);

const SYSTEM = [["1022", "tong dai 1022", "cong 1022", "hotline"]];
const DOCS = [["quan ly van ban", "qlvb", "document management", "document system"]];

describe("asking whether a named thing is among the previous answer's", () => {
  it("reads a Vietnamese yes-no question about inclusion", () => {
    expect(asksInclusion("co 1022 ko", SYSTEM)).toBe(true);
    expect(asksInclusion("thu may he thong co 1022 khong a", SYSTEM)).toBe(true);
    expect(asksInclusion("gom ca qlvb khong", DOCS)).toBe(true);
    expect(asksInclusion("1022 co nua khong", SYSTEM)).toBe(true);
  });

  it("reads an English one", () => {
    expect(asksInclusion("is the hotline included", SYSTEM)).toBe(true);
    expect(asksInclusion("is document management among them", DOCS)).toBe(true);
    expect(asksInclusion("and the document system", DOCS)).toBe(true);
  });

  it("does not read a question about the thing itself", () => {
    expect(asksInclusion("1022 co chay 24/7 khong", SYSTEM)).toBe(false);
    expect(asksInclusion("co 10220 ko", SYSTEM)).toBe(false);
    expect(asksInclusion("khi nao co 1022", SYSTEM)).toBe(false);
  });
});

describe("whether an entry's answers name a value", () => {
  const entry = { answer: "Tổng đài 1022 vận hành từ 1/7/2025.", answerEn: "The 1022 hotline runs from 1 July 2025.", questions: ["qlvb"], keywords: ["qlvb"] } as unknown as FaqEntry;

  it("looks in the answers only, as whole words, the same on every call", () => {
    expect(answerSpeaksOf(entry, ["1022"])).toBe(true);
    expect(answerSpeaksOf(entry, ["hotline"])).toBe(true);
    expect(answerSpeaksOf(entry, ["qlvb"])).toBe(false);
    expect(answerSpeaksOf(entry, ["102"])).toBe(false);
    expect(answerSpeaksOf(entry, ["1022"])).toBe(true);
  });
});

describe("a date question about when something was reported", () => {
  it("is answered by the date of the article", async () => {
    const [vi, plain, en] = await askEach("QĐ 2448 được đưa tin ngày nào", "qd 2448 dc dua tin ngay nao", "When was Decision 2448 reported?");
    expect(vi).toContain("05/11/2025");
    expect(plain).toContain("05/11/2025");
    expect(en).toContain("5 November 2025");
  });

  it("still leaves the signing day unanswered", () => {
    expect(asksReportDate(new Set(["quyet", "dinh", "2448", "ky", "_when"]))).toBe(false);
    expect(asksReportDate(new Set(["2448", "dua", "tin", "_when"]))).toBe(true);
    expect(asksReportDate(new Set(["_when", "decision", "report"]))).toBe(true);
  });
});

describe("'mấy … nào' in speech", () => {
  it("asks which ones, not how many", async () => {
    const content = await realContent();
    const kb = createKnowledge(content);
    expect(answeredWith(kb, "sau gd1 co may he thong nao lam tiep")).toBe("sso-paperless-next");
    expect(answeredWith(kb, "sau giai đoạn 1 có mấy hệ thống nào làm tiếp không")).toBe("sso-paperless-next");
    expect(answeredWith(kb, "kế hoạch có mấy giai đoạn")).toBe("plan-phases");
  });
});

describe("a relayed question with 'nhờ em hỏi'", () => {
  it("drops the relaying clause", () => {
    expect(readLongMessage("a trưởng phòng nhờ e hỏi: giai đoạn 2 cụ thể gồm những việc gì")?.parts).toEqual(["giai đoạn 2 cụ thể gồm những việc gì"]);
    expect(readLongMessage("c pho phong nho e hoi: he thong email cong vu tao xong truoc ngay nao")?.parts).toEqual(["he thong email cong vu tao xong truoc ngay nao"]);
    expect(readLongMessage("chị giám đốc nhờ mình hỏi lại: hệ thống 1022 chạy chính thức từ khi nào")?.parts).toEqual(["hệ thống 1022 chạy chính thức từ khi nào"]);
  });
});

describe("asking the weekday of the previous answer's day", () => {
  it("reads 'what day of week' without 'the'", async () => {
    expect(asksWeekday("what day of week is that")).toBe(true);
    expect(asksWeekday("which day of the week")).toBe(true);
    expect(await followUpAnswer("When must the staff lists for official e-mail be sent?", "what day of week is that?", NOW_2025)).toContain("Saturday");
  });
});

describe("an ordinal follow-up after the phases", () => {
  it("reads 'the second one' and 'giai đoạn thứ hai' as phase 2", () => {
    expect(slotValuesIn("when is the second one due")[0]?.[0]).toBe("giai doan 2");
    expect(slotValuesIn("giai doan thu hai xong khi nao")[0]?.[0]).toBe("giai doan 2");
    expect(slotValuesIn("and the first one")[0]?.[0]).toBe("giai doan 1");
  });

  it("answers with December 2025 after 'how many phases'", async () => {
    expect(await followUpAnswer("How many phases does the plan have?", "when is the second one due?", NOW_2025)).toContain("December 2025");
  });
});

describe("who runs the e-mail training, what the Center is in charge of, what phase 1 covers", () => {
  it("finds the entries however the question is worded", async () => {
    const kb = createKnowledge(await realContent());
    expect(answeredWith(kb, "ben nao to chuc tap huan email")).toBe("email-training");
    expect(answeredWith(kb, "Ai tổ chức tập huấn thư điện tử cho cán bộ?")).toBe("email-training");
    expect(answeredWith(kb, "who organises the e-mail training")).toBe("email-training");
    expect(answeredWith(kb, "ttcds lo viec gi")).toBe("role-ttcds");
    expect(answeredWith(kb, "Which parts of the plan is the DTC in charge of?")).toBe("role-ttcds");
  });

  it("lists administrative procedures among phase 1's areas", async () => {
    const [vi] = await askEach("theo các nguồn khác gđ1 gồm những mảng nào");
    expect(vi).toContain("thủ tục hành chính");
  });
});

describe("'in charge of'", () => {
  it("asks a duty, not a price", async () => {
    const kb = createKnowledge(await realContent());
    expect(answeredWith(kb, "What is the Digital Transformation Center in charge of?")).toBe("role-ttcds");
    expect(expectedType([], () => 1, "what is the dtc in charge of")?.kind).not.toBe("price");
    expect(expectedType([], () => 1, "is the 1022 call charged")?.kind).toBe("price");
  });
});

describe("who relays the question, said inside a sentence", () => {
  it("drops 'chị phó chủ tịch nhờ em hỏi lại là' and keeps the context before it", () => {
    expect(readLongMessage("Em chào chị ạ, em là chuyên viên văn phòng UBND xã. Xã mới dùng phần mềm văn bản chung, anh chủ tịch nhờ em hỏi là theo kế hoạch thì trước ngày nào phải triển khai xong cho tất cả xã ạ?")?.parts).toEqual([
      "Xã mới dùng phần mềm văn bản chung, theo kế hoạch thì trước ngày nào phải triển khai xong cho tất cả xã ạ",
    ]);
    expect(readLongMessage("Em chào chị ạ, em là chuyên viên văn phòng UBND xã. Chị phó chủ tịch nhờ em hỏi lại là hệ thống văn bản theo kế hoạch phải triển khai cho tất cả xã trước ngày nào ạ?")?.parts).toEqual([
      "hệ thống văn bản theo kế hoạch phải triển khai cho tất cả xã trước ngày nào ạ",
    ]);
  });

  it("drops 'my director asked me to confirm' and 'my boss wants me to check'", () => {
    expect(readLongMessage("Dear assistant, my director asked me to confirm the date by which all new wards must have the document system. Many thanks.")?.parts).toEqual([
      "the date by which all new wards must have the document system",
    ]);
    expect(readLongMessage("Hi, my boss wants me to check when the 1022 hotline officially starts, thanks a lot for your help.")?.parts).toEqual(["when the 1022 hotline officially starts"]);
  });

  it("answers the relayed question", async () => {
    const [en] = await askEach("Hello, our manager asked us to verify the date by which every ward must have the document system. Thank you very much.");
    expect(en).toContain("15 August 2025");
  });
});

describe("a short message pointing back with 'vụ đó', 'việc đó'", () => {
  it("is read within the previous topic", async () => {
    expect(refersBack("vu do phoi hop voi co quan nao", "vi")).toBe(true);
    expect(refersBack("chuyen nay ai lam", "vi")).toBe(true);
    expect(await followUpAnswer("gia hạn chứng thư chữ ký số phải xong trước ngày nào", "vụ đó phối hợp với cơ quan nào", NOW_2025)).toContain("Ban Cơ yếu");
  });
});
