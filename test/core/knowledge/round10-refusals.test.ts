import { describe, expect, it } from "vitest";
import { actsAsked, statesAct, supplies, valueAsked } from "../../../src/core/knowledge/answer-type.js";
import { findEntities } from "../../../src/core/knowledge/entities.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { fold } from "../../../src/core/fold.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith as answeredBy, entryOf } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);


/** The entry a question is answered with (see test/helpers/knowledge.ts), and whether it is answered at all. */
const answeredWith = (q: string) => answeredBy(kb, q);
const answers = (q: string) => answeredBy(kb, q) !== undefined;

describe("an act asked about must be stated by the entry", () => {
  it("reads approvals, evaluations, makers and deletions in Vietnamese and English alike", () => {
    expect(actsAsked(fold("VPTW đã đồng ý chưa"))).toEqual(["approve"]);
    expect(actsAsked(fold("Has the Central Party Office approved it yet?"))).toEqual(["approve"]);
    expect(actsAsked(fold("giai đoạn 2 đã nghiệm thu chưa"))).toEqual(["evaluate"]);
    expect(actsAsked(fold("When will phase 2 be evaluated?"))).toEqual(["evaluate"]);
    expect(actsAsked(fold("app 1022 do ai phát triển"))).toEqual(["make"]);
    expect(actsAsked(fold("Who developed the document software?"))).toEqual(["make"]);
    expect(actsAsked(fold("mail cũ có bị xóa không"))).toEqual(["delete"]);
  });

  it("does not read a task of the plan, a browser or 'through' as an act", () => {
    for (const q of ["who creates the official email accounts", "ai cung cấp danh sách cán bộ để tạo mail", "dùng trình duyệt nào", "gửi phản ánh thông qua app được không", "What went wrong in the first three days?"]) {
      expect(actsAsked(fold(q)), q).toEqual([]);
    }
  });

  it("is stated by a sentence saying it, not by one proposing it or saying it is not known", () => {
    expect(statesAct("approve", entryOf("Văn phòng Tỉnh ủy đề xuất Văn phòng Trung ương Đảng cho triển khai chung lộ trình."))).toBe(false);
    expect(statesAct("approve", entryOf("Văn phòng Trung ương Đảng đã đồng ý cho triển khai chung."))).toBe(true);
    expect(statesAct("approve", entryOf("Việc sắp xếp theo Nghị quyết 1685/NQ-UBTVQH15 ngày 16/06/2025."))).toBe(true);
    expect(statesAct("evaluate", entryOf("Kế hoạch không nêu việc đánh giá giai đoạn 2."))).toBe(false);
    expect(statesAct("evaluate", entryOf("Giai đoạn 2 dự kiến hoàn thành tháng 12/2025."))).toBe(false);
    expect(statesAct("make", entryOf("Người dân dùng ứng dụng Tổng đài 1022 (Android, iOS)."))).toBe(false);
    expect(statesAct("make", entryOf("Ứng dụng do VNPT phát triển."))).toBe(true);
  });

  it("is stated by an entry whose own questions ask it", () => {
    expect(statesAct("first", entryOf("Ngày 11/06/2025 thử nghiệm tại 6 phường mới của Tân Bình."), " lan chay thu dau tien o phuong nao ")).toBe(true);
  });

  it("is read from the whole message", () => {
    expect(findEntities(fold("Cho em hỏi, VPTW đã đồng ý cho triển khai chung lộ trình chưa ạ")).acts).toEqual(["approve"]);
  });

  it("leaves unanswered an outcome, an evaluation or a maker the sources do not report, and answers one they do", () => {
    expect(answers("vp trung uong dang da dong y cho trien khai chung lo trinh chua")).toBe(false);
    expect(answers("Has the Central Party Office approved the shared roadmap yet?")).toBe(false);
    expect(answers("When will phase 2 of the plan be evaluated and by whom will the report be published?")).toBe(false);
    expect(answers("giai đoạn 1 đã nghiệm thu chưa")).toBe(false);
    expect(answers("Who made the 1022 app?")).toBe(false);
    expect(answers("who developed the document management software")).toBe(false);
    expect(answeredWith("NQ 1685 thong qua ngay nao")).toBe("merger-commune-resolution");
  });
});

describe("the value a question asks, said of what it asks about", () => {
  it("reads a hotline's 'số mấy' as asking a telephone number, not a document number", () => {
    expect(valueAsked(fold("so hotline cua trung tam chuyen doi so la so may"))?.kind).toBe("phone");
    expect(valueAsked(fold("tổng đài của sở là số nào"))?.kind).toBe("phone");
    expect(valueAsked(fold("nghị quyết sắp xếp số mấy"))?.kind).toBe("number");
  });

  it("refuses a telephone number of a body whose number the sources do not give", () => {
    expect(answers("so hotline cua trung tam chuyen doi so tp la so may")).toBe(false);
    expect(answers("số tổng đài của sở khcn là số mấy")).toBe(false);
  });

  it("holds a count to the body the question names by its abbreviation", () => {
    const count = { kind: "count", noun: "cbcc" } as const;
    const weight = () => 1;
    const city = entryOf("Sau hợp nhất thành phố có 500 cbcc");
    expect(supplies(count, city, new Set(["cbcc", "ttcds"]), weight)).toBe("no");
    expect(supplies(count, city, new Set(["cbcc"]), weight)).toBe("given");
    // An English question's plain words name nothing.
    expect(supplies(count, city, new Set(["cbcc", "took", "part"]), weight)).toBe("given");
    expect(answers("How many staff work at the Digital Transformation Center?")).toBe(false);
    expect(answers("TTCĐS có bao nhiêu nhân viên")).toBe(false);
  });

  it("reads 'tỷ lệ X' as a share of X, which a share of something else does not give", () => {
    expect(valueAsked(fold("tỷ lệ cán bộ đã dùng mail mới"))).toEqual({ kind: "percent", of: "can bo" });
    expect(valueAsked(fold("What percentage of officials use the new email?"))).toEqual({ kind: "percent", of: "officials" });
    const share = { kind: "percent", of: "can bo" } as const;
    expect(supplies(share, entryOf("Khi đó 100% cơ quan nhà nước đã dùng thư công vụ."), new Set(["dung", "thu"]), () => 1)).toBe("no");
    expect(supplies(share, entryOf("Khi đó 90% cán bộ đã dùng thư công vụ."), new Set(["dung", "thu"]), () => 1)).toBe("given");
    expect(answers("tỷ lệ cán bộ đã dùng mail mới")).toBe(false);
    expect(answeredWith("bao nhiêu phần trăm người dùng zalo mỗi ngày")).toBe("zalo-reach");
  });

  it("holds a specific list asked to an entry that does not say it leaves the list out", () => {
    expect(valueAsked(fold("các hệ thống khác cụ thể là những hệ thống nào"))?.kind).toBe("list");
    expect(valueAsked(fold("các hệ thống khác gồm những gì"))?.kind).not.toBe("list");
    expect(supplies({ kind: "list" }, entryOf('Kế hoạch ghi chung "các hệ thống khác", không liệt kê cụ thể.'), new Set())).toBe("asked");
    expect(supplies({ kind: "list" }, entryOf("Ba hệ thống: quản lý văn bản, 1022 và thủ tục hành chính."), new Set())).toBe("given");
    expect(answers("cac he thong khac trong kh cu the la nhung he thong nao")).toBe(false);
  });
});
