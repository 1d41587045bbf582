import { describe, expect, it } from "vitest";
import {
  actsAsked,
  asksDocumentContent,
  describesDocument,
  documentsNamed,
  expectedType,
  namesDocument,
  statesAct,
  supplies,
  valueAsked,
} from "../../../src/core/knowledge/answer-type.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { fold } from "../../../src/core/fold.js";
import { realContent } from "../../helpers/app.js";
import { runCliCaptured } from "../../helpers/cli.js";
import { answeredWith as answeredBy, entryOf } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);


/** The entry a question is answered with (see test/helpers/knowledge.ts), or undefined when it stays unanswered. */
const answeredWith = (q: string) => answeredBy(kb, q);

/** Asserts each question stays unanswered (refused, or shown only to say what is asked is not known). */
const refusesAll = (questions: readonly string[]) => {
  for (const q of questions) expect(answeredWith(q), q).toBeUndefined();
};

describe("an old system shut down, which the sources never date", () => {
  it("reads 'tắt hẳn', 'ngừng sử dụng', 'shut down', 'decommissioned', but not 'tất cả', 'tóm tắt' or 'hoàn tất'", () => {
    for (const q of ["khi nao tat han qlvb cu", "bao giờ ngừng sử dụng phần mềm cũ", "when will the old system be shut down", "is the old portal decommissioned"]) {
      expect(actsAsked(fold(q)), q).toContain("shutdown");
    }
    for (const q of ["qlvb cho tất cả phường xã", "tóm tắt hệ thống quản lý văn bản", "hoàn tất hệ thống email khi nào", "sử dụng hoạt động hnth thế nào"]) {
      expect(actsAsked(fold(q)), q).not.toContain("shutdown");
    }
  });

  it("is stated by an entry saying the old account ends, not by one dating the new system's rollout", () => {
    expect(statesAct("shutdown", entryOf("Cán bộ dùng song song hai tài khoản trong 3 tháng, sau đó tài khoản cũ kết thúc."))).toBe(true);
    expect(statesAct("shutdown", entryOf("Hệ thống quản lý văn bản được triển khai cho tất cả phường, xã trước ngày 15/08/2025."))).toBe(false);
    expect(statesAct("shutdown", entryOf("Kế hoạch không nêu ngày đóng các trang thông tin điện tử cũ."))).toBe(false);
  });

  it("leaves unanswered when an old system is switched off", () => {
    refusesAll([
      "bao giờ ngừng sử dụng phần mềm quản lý văn bản cũ của Bình Dương",
      "hệ thống hội nghị truyền hình cũ của BRVT có bị tắt hẳn không",
      "When will the old BR-VT document system be shut down?",
      "cổng 1022 cũ của BD bao giờ dừng hoạt động",
      "when is the old video conference system decommissioned",
    ]);
  });

  it("still answers when the old Bình Dương mailbox stops working: the plan says it ends after 3 months", () => {
    expect(answeredWith("Bao giờ tài khoản thư cũ ngừng hoạt động?")).toBe("email-parallel-binhduong");
    expect(answeredWith("When does the old Binh Duong e-mail account stop working?")).toBe("email-parallel-binhduong");
    expect(answeredWith("Email cũ của Bình Dương khi nào bị khóa?")).toBe("email-parallel-binhduong");
  });
});

describe("a block lifted, which no source reports", () => {
  it("reads 'mở lại', 'gỡ chặn', 'unblocked', 'the ban lifted'", () => {
    for (const q of ["khi nao telegram duoc mo lai", "bao giờ gỡ chặn", "when will it be unblocked", "when will the ban be lifted"]) expect(actsAsked(fold(q)), q).toContain("reopen");
  });

  it("answers whether it happened yet with a sentence saying the block persists, never when it will", () => {
    const entry = entryOf("Một năm sau, Telegram được cho là vẫn không truy cập được trên các mạng chính.");
    expect(statesAct("reopen", entry, "", true)).toBe(true);
    expect(statesAct("reopen", entry, "", false)).toBe(false);
  });

  it("leaves unanswered when Telegram is reopened, and still answers whether it is blocked", () => {
    refusesAll(["khi nào gỡ chặn telegram", "When will the Telegram ban be lifted?", "bao giờ telegram được bỏ chặn ở VN", "telegram bao gio mo lai o viet nam"]);
    for (const q of ["telegram có bị chặn không", "Is Telegram still blocked?", "Can I still use Telegram on Viettel or VNPT?", "Khi nào có lệnh chặn Telegram?"]) {
      expect(answeredWith(q), q).toBe("telegram-blocked");
    }
  });
});

describe("work actually done on time, where the plan gives only the date it set", () => {
  it("reads 'hoàn thành đúng hạn', 'bị chậm tiến độ', 'on time', 'delayed', 'actually', but not a deadline 'in late June'", () => {
    for (const q of ["gd2 da hoan thanh dung han chua", "qlvb co bi cham tien do khong", "did phase 2 finish on time", "was the rollout delayed", "did it actually go live"]) {
      expect(actsAsked(fold(q)), q).toContain("ontime");
    }
    for (const q of ["giai đoạn 2 xong chưa", "By what date did the chairman require IT reviews to be finished in late June 2025?", "Is phase 1 finished?"]) {
      expect(actsAsked(fold(q)), q).not.toContain("ontime");
    }
  });

  it("leaves unanswered whether a system was done on time", () => {
    refusesAll([
      "qlvb có triển khai đúng hạn 15/8 không",
      "email mới có hoàn thành đúng tiến độ không",
      "Was the document management rollout delayed?",
      "1022 chạy chính thức đúng hạn chưa",
      "did the 1022 hotline actually go live on 1 September",
      "giai doan 2 co bi cham tien do khong",
    ]);
  });

  it("still answers where a system stands ('xong chưa', 'yet') with its deadlines", () => {
    expect(answeredWith("giai đoạn 2 xong chưa")).toBe("phase2-what");
    expect(answeredWith("qlvb xong chua")).toBe("document-management-pilot");
    expect(answeredWith("email mới cấp xong chưa")).toBe("email-accounts-when");
    expect(answeredWith("Has the 1022 hotline gone live officially yet?")).toBe("hotline-1022-official");
    expect(answeredWith("Kế hoạch đã xong chưa?")).toBe("plan-status");
    expect(answeredWith("Is phase 1 finished?")).toBe("phase1-status");
  });
});

describe("a document named by its number", () => {
  it("reads the numbers of documents named by kind, not dates", () => {
    expect(documentsNamed(fold("nghị quyết 57 nói gì"))).toEqual(["57"]);
    expect(documentsNamed(fold("NQ57 và QĐ số 759"))).toEqual(["57", "759"]);
    expect(documentsNamed(fold("What does Decision No. 2448 approve?"))).toEqual(["2448"]);
    expect(documentsNamed(fold("hạn ngày 15/8"))).toEqual([]);
    expect(namesDocument(fold("Nghị quyết 202/2025/QH15 về sắp xếp"), "202")).toBe(true);
    expect(namesDocument(fold("ngày 16/06/2025"), "16")).toBe(false);
    expect(namesDocument(fold("ngày 16/06/2025"), "06")).toBe(false);
  });

  it("is described by a sentence saying what it does, not one that only names it", () => {
    expect(asksDocumentContent(fold("nghị quyết 57 nội dung chính là gì"))).toBe(true);
    expect(asksDocumentContent(fold("What does Resolution 202 say?"))).toBe(true);
    expect(asksDocumentContent(fold("qd 759 la cua ai ban hanh"))).toBe(false);
    expect(describesDocument("2448", entryOf("Quyết định 2448/QĐ-UBND phê duyệt đề án trang bị hạ tầng."))).toBe(true);
    expect(describesDocument("1478", entryOf("Tổng đài hoạt động 24/7, phối hợp theo Quyết định 1478/QĐ-UBND ngày 04/05/2020."))).toBe(true);
    expect(describesDocument("57", entryOf("Phía Đảng: văn bản điều hành, báo cáo Nghị quyết số 57-NQ/TW, báo cáo đại hội."))).toBe(false);
    expect(describesDocument("60", entryOf("Kế hoạch dựa trên các căn cứ pháp lý như Nghị quyết 60-NQ/TW và Quyết định 759/QĐ-TTg."))).toBe(false);
  });

  it("leaves unanswered a document the content lacks, or one it only names, asked what it says", () => {
    refusesAll([
      "NQ 60 nội dung chính là gì",
      "nghị quyết 99 nói về gì",
      "Nghị định 13 về dữ liệu cá nhân quy định gì",
      "What does Resolution 57 say?",
      "quyết định 123/QĐ-UBND ban hành ngày nào",
      "What is Decision 4567 about?",
    ]);
  });

  it("still answers documents the content describes, and what it says of the others", () => {
    expect(answeredWith("Nghị quyết 1685 là gì?")).toBe("merger-commune-resolution");
    expect(answeredWith("What does Resolution 202 say?")).toBe("merger-effective-date");
    expect(answeredWith("quyết định 2448 về cái gì")).toBe("commune-it-infrastructure-2448");
    expect(answeredWith("Quyết định 1478 quy định gì")).toBe("hotline-1022-what");
    expect(answeredWith("qd 759 la cua ai ban hanh")).toBe("plan-legal-basis");
    expect(answeredWith("Hệ thống báo cáo Nghị quyết 57 sau hợp nhất ra sao?")).toBe("party-systems");
    expect(answeredWith("NQ 1685 thong qua ngay nao")).toBe("merger-commune-resolution");
    expect(answeredWith("When was Resolution 202 passed?")).toBe("merger-effective-date");
  });
});

describe("the exact day or figure, where the sources give a month, a quarter or a rounded figure", () => {
  it("reads a specific day asked without 'khi nào', and an exact count", () => {
    const weight = () => 1;
    const day = expectedType(["ngay", "cu", "bat", "dau", "giaidoan", "2"], weight, fold("ngày cụ thể bắt đầu giai đoạn 2"));
    expect(day).toMatchObject({ kind: "date", exact: true });
    expect(expectedType(["_when", "giaidoan", "2"], weight, fold("giai đoạn 2 khi nào xong"))).not.toHaveProperty("exact");
    expect(expectedType(["danso", "chinh", "xac", "_howmany", "nguoi"], weight, fold("dân số chính xác bao nhiêu người"))).toMatchObject({ kind: "count", exact: true });
  });

  it("takes a quarter for no day, and a rounded figure for no exact one", () => {
    const asked = new Set(["giaidoan"]);
    const quarter = entryOf("Giai đoạn 2 bắt đầu trong quý 1/2026.");
    quarter.text = ["giaidoan", "2", "bat", "dau", "quy", "1/2026"];
    expect(supplies({ kind: "date", topic: ["giaidoan"], exact: true }, quarter, asked)).toBe("asked");
    expect(supplies({ kind: "date", topic: ["giaidoan"] }, quarter, asked)).toBe("given");
    const rounded = entryOf("Phường có gần 500 cán bộ.");
    expect(supplies({ kind: "count", noun: "can", exact: true }, rounded, new Set(["can"]))).toBe("asked");
    expect(supplies({ kind: "count", noun: "can" }, rounded, new Set(["can"]))).toBe("given");
  });

  it("shows, but leaves unanswered, the exact value asked", () => {
    refusesAll([
      "diện tích chính xác của TP.HCM mới là bao nhiêu",
      "what is the exact population of the new city",
      "chính xác có bao nhiêu cán bộ công chức ở TP.HCM mới",
      "ngày cụ thể nền tảng chính quyền số sang giai đoạn 2",
      "giai đoạn 2 chính xác hoàn thành ngày nào",
      "What is the exact date phase 2 of the digital government platform starts?",
    ]);
  });

  it("still answers the rounded figure and the month when the question does not ask the exact one, and the exact day where there is one", () => {
    expect(answeredWith("dân số TP.HCM mới bao nhiêu người")).toBe("merger-area-population");
    expect(answeredWith("How many people live in the new HCMC?")).toBe("merger-area-population");
    expect(answeredWith("có bao nhiêu cán bộ công chức ở TP.HCM mới")).toBe("merger-civil-servants-count");
    expect(answeredWith("Giai đoạn 2 của Nền tảng quản lý chính quyền số bắt đầu khi nào?")).toBe("digital-gov-platform-phase2");
    expect(answeredWith("Giai đoạn 2 hoàn thành tháng mấy?")).toBe("phase2-what");
    expect(answeredWith("chính xác khi nào qlvb chạy chính thức")).toBe("document-management-official");
    expect(answeredWith("ngày cụ thể triển khai qlvb cho tất cả phường xã")).toBe("document-management-rollout");
    expect(answeredWith("TP.HCM mới chính xác có bao nhiêu phường xã")).toBe("merger-168-units");
  });

  it("shows the rounded figures through the console, as not answered", async () => {
    const { out } = await runCliCaptured(["ask", "--json", "--now", "2026-12-01"], { input: "dân số chính xác của TP.HCM mới là bao nhiêu người\n" });
    const reply = JSON.parse(out.trim()) as { answered: boolean; answer: string };
    expect(reply.answered).toBe(false);
    expect(reply.answer).toContain("14 triệu");
  });
});

describe("money asked in English", () => {
  it("reads contract value, spending, budget and investment as an amount of money", () => {
    for (const q of ["what's the contract value for the software", "how much was spent on it", "what is the budget for phase 2", "how much money was invested", "giá trị gói thầu là bao nhiêu"]) {
      expect(valueAsked(fold(q))?.kind, q).toBe("price");
    }
    for (const q of ["chi bao nhieu phuong thu nghiem qlvb", "tốn bao nhiêu thời gian"]) expect(valueAsked(fold(q))?.kind, q).not.toBe("price");
  });

  it("leaves money unanswered, and still answers the system's dates and counts", () => {
    refusesAll([
      "how much was spent on the video conference system",
      "what is the budget for phase 2",
      "What is the total contract value of the 1022 hotline system?",
      "giá trị gói thầu phần mềm quản lý văn bản là bao nhiêu",
      "how much money was invested in the data center",
    ]);
    expect(answeredWith("When is the document management pilot?")).toBe("document-management-pilot");
    expect(answeredWith("chi bao nhieu phuong thu nghiem qlvb")).toBe("document-management-pilot");
    expect(answeredWith("How many wards and communes came from Binh Duong?")).toBe("merger-168-units");
  });

  it("refuses the contract value through the console, as not answered", async () => {
    const { out } = await runCliCaptured(["ask", "--json", "--now", "2026-12-01"], { input: "What is the contract value of the shared document software?\n" });
    expect(JSON.parse(out.trim())).toMatchObject({ answered: false });
  });
});
