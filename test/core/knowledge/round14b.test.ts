import { describe, expect, it } from "vitest";
import { coveredOnlyAsAbsent, type EntryUnits, isNotStated, supplies } from "../../../src/core/knowledge/answer-type.js";
import { readLongMessage } from "../../../src/core/knowledge/long-message.js";
import { readComparison } from "../../../src/core/knowledge/system-deadlines.js";
import { realContent } from "../../helpers/app.js";
import { askEachAlone } from "../../helpers/knowledge.js";

const NOW = "2026-12-02T09:00:00+07:00";
const askEach = (...questions: string[]) => askEachAlone(NOW, ...questions);

describe("a clause asking how to pass the answer on", () => {
  it("is dropped, with whose question it is: the questions around it are what is asked", () => {
    expect(readLongMessage("và giai đoạn 2 xong khi nào, em trả lời sao ạ")?.parts).toEqual(["và giai đoạn 2 xong khi nào"]);
    expect(readLongMessage("Lãnh đạo hỏi: email công vụ tạo xong trước ngày nào, còn 1022 chạy chính thức khi nào, em nên báo cáo lại thế nào")?.parts).toEqual([
      "email công vụ tạo xong trước ngày nào",
      "còn 1022 chạy chính thức khi nào",
    ]);
  });

  it("answers both relayed questions", async () => {
    const [both] = await askEach("Chị trưởng phòng hỏi: giai đoạn 1 có bao gồm mã định danh không, và giai đoạn 2 dự kiến xong khi nào, em trả lời sao ạ");
    expect(both).toContain("mã định danh");
    expect(both).toContain("12/2025");
  });
});

describe("two clauses asking the same of two things", () => {
  it("splits at the comma when the second ends with the first's question words", () => {
    expect(readLongMessage("vụ email công vụ thì sở khcn hai tỉnh làm gì, trung tâm cđs làm gì")?.parts).toEqual(["vụ email công vụ thì sở khcn hai tỉnh làm gì", "trung tâm cđs làm gì"]);
  });

  it("keeps one question asking two values of one thing", () => {
    expect(readLongMessage("bai bao goc ve ke hoach dang tren bao nao, ngay nao")).toBeUndefined();
  });
});

describe("whether two systems are due on the same day", () => {
  it("reads the question as a comparison that needs no word of choice", async () => {
    const content = await realContent();
    const same = readComparison("email voi 1022 cung chay chinh thuc mot ngay ha", ["email", "1022", "cung", "vanhanhchinhthuc"], content);
    expect(same?.asked).toBe("same");
    expect(same?.of).toBe("last");
    expect(readComparison("email voi 1022 han ngay nao", ["email", "1022", "han"], content)).toBeUndefined();
  });

  it("answers yes with the shared day, or no with each day, in Vietnamese and English", async () => {
    const [yes, no, en] = await askEach("1022 và hệ thống quản lý văn bản có cùng chạy chính thức 1 ngày không", "email với hntt có trùng ngày không", "Do the e-mail accounts and 1022 go live on the same day?");
    expect(yes).toContain("Có, cùng ngày");
    expect(yes).toContain("01/09/2025");
    expect(no).toContain("Không cùng ngày");
    expect(no).toContain("15/05/2025");
    expect(en).toContain("No, not the same day");
    expect(en).toContain("1 September 2025");
  });
});

describe("the Party's online conferences against the State's video conferences", () => {
  it("reads a conference followed by the Party as the Party's", async () => {
    const content = await realContent();
    const c = readComparison("hntt ben dang voi hnth ben nha nuoc cai nao han som hon", ["hnth", "phia", "dang", "hnth", "coquan", "nhanuoc", "han", "som", "hon"], content);
    expect(c?.sides.map((s) => s.en).sort()).toEqual(["Party online conferencing", "Video conferencing"]);
    expect(c?.overlap).toBe(true);
  });
});

describe("formal request framings", () => {
  it("are read as the question they frame, in English", async () => {
    const [advise, grateful, enquire] = await askEach(
      "Kindly advise the deadline for creating the official e-mail accounts.",
      "We would be grateful if you could indicate when the 1022 system goes into official operation.",
      "I wish to enquire about the pilot of the document management system.",
    );
    expect(advise).toContain("10 June 2025");
    expect(grateful).toContain("1 September 2025");
    expect(enquire).toContain("15 June 2025");
  });

  it("keep 'advise' as the topic when it is one", async () => {
    const [who] = await askEach("Please advise which body phase 2 must advise on the systems for wards.");
    expect(who).toContain("People's Committee");
  });

  it("are read as the question they frame, in Vietnamese", async () => {
    const [mail, pilot] = await askEach("Kính đề nghị quý Trung tâm cho biết thời hạn tạo tài khoản thư điện tử công vụ.", "Kính mong quý cơ quan thông tin giúp mốc thử nghiệm hệ thống quản lý văn bản.");
    expect(mail).toContain("10/06/2025");
    expect(pilot).toContain("15/06/2025");
  });
});

describe("a language asked for in a long message", () => {
  it("holds for every question of it", async () => {
    const [both] = await askEach("Anh chị trả lời bằng tiếng Anh giúp em, sếp em là người nước ngoài: 1022 khảo sát khi nào, còn vận hành chính thức khi nào?");
    expect(both).toContain("1 September 2025");
    expect(both).not.toContain("Nguồn:");
  });
});

/** An entry offering `sentences` (units as written, space-separated; folded text the same). */
function offer(...sentences: string[]): EntryUnits {
  const each = sentences.map((s) => ({ units: s.split(" "), notStated: isNotStated(s), folded: s }));
  return { text: each.flatMap((s) => s.units), raw: sentences.join(" "), questions: [], milestones: [], sentences: each };
}

describe("a 'when' question whose qualifier only a 'not stated' sentence names", () => {
  const weight = (u: string) => ({ madinhdanh: 3.4, coquan: 1.4, brvt: 3, email: 3 })[u] ?? 1;

  it("is answered by the stated sentence giving a time for the thing asked", () => {
    const entry = offer("trien khai madinhdanh hoan thanh thang 8/2025", "bai viet khong noi ro pham vi madinhdanh cua coquan hay ca nhan");
    expect(coveredOnlyAsAbsent(["madinhdanh", "coquan", "_when"], entry, weight)).toBe(false);
    // Not asked when, or the word added is another subject (a locality): unanswered, as before.
    expect(coveredOnlyAsAbsent(["madinhdanh", "coquan"], entry, weight)).toBe(true);
    const mail = offer("can bo bd dung song song email 3 thang tu 10/6/2025", "ke hoach khong noi ve email can bo brvt");
    expect(coveredOnlyAsAbsent(["email", "brvt", "_when"], mail, weight)).toBe(true);
  });

  it("answers in chat", async () => {
    const [eid, cks] = await askEach("mã định danh điện tử của cơ quan thì bao giờ xong vậy", "chữ ký số bao giờ chuyển xong");
    expect(eid).toContain("tháng 8/2025");
    expect(cks).toContain("tháng 8/2025");
  });
});

describe("systems asked as a list", () => {
  it("are given by a list after a colon, though systems have no proper names", () => {
    const listed = { text: [], raw: "Phía Nhà nước: hội nghị truyền hình, quản lý văn bản, thư điện tử, 1022.", questions: [], milestones: [] };
    const type = { kind: "names" as const, noun: "he thong" };
    expect(supplies(type, listed, new Set())).toBe("given");
    expect(supplies({ kind: "names" as const, noun: "phuong" }, listed, new Set())).toBe("no");
  });

  it("answers 'liệt kê' and 'cho xin danh sách' of the systems", async () => {
    const [party, state] = await askEach("liệt kê giúp em các hệ thống bên Đảng đề xuất triển khai chung lộ trình", "cho em xin danh sách các hệ thống phía nhà nước trong giai đoạn 1");
    expect(party).toContain("phần mềm tác nghiệp");
    expect(state).toContain("thư điện tử");
  });
});
