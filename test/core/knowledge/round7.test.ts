import { describe, expect, it } from "vitest";
import { type EntryUnits, supplies, valueAsked } from "../../../src/core/knowledge/answer-type.js";
import { systemNamedBy } from "../../../src/core/knowledge/follow-up.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { fold } from "../../../src/core/fold.js";
import { realContent } from "../../helpers/app.js";
import { runCliCaptured } from "../../helpers/cli.js";

const content = await realContent();
const kb = createKnowledge(content);

/** An entry made of answer sentences as written; each sentence is folded and marked "not stated" when it says so. */
const entryOf = (...sentences: { text: string; notStated?: boolean; units?: string[] }[]): EntryUnits => ({
  text: [],
  raw: sentences.map((s) => s.text).join(" "),
  questions: [],
  milestones: [],
  sentences: sentences.map((s) => ({ units: s.units ?? [], notStated: s.notStated ?? false, folded: fold(s.text) })),
});

/** Whether the knowledge base answers a question (not refused, not shown only to say the value is not known). */
const answers = (q: string) => {
  const r = kb.search(q);
  return r.decision !== "none" && r.best !== undefined && r.best.unsupplied !== true;
};

describe("price questions", () => {
  it("reads 'giá … bao nhiêu', 'chi phí', 'bao nhiêu đồng' and 'how much does it cost' as asking an amount of money", () => {
    for (const q of ["gia chu ky so bao nhieu 1 nam", "Chi phí xây dựng hệ thống là bao nhiêu?", "Gọi 1022 có mất phí không, bao nhiêu đồng một phút?", "How much does the e-mail account cost?"]) {
      expect(valueAsked(fold(q), q), q).toEqual({ kind: "price" });
    }
  });

  it("does not take 'gia hạn', 'tham gia' or 'đánh giá' for a price", () => {
    for (const q of ["gia han chung thu so bao nhieu ngay", "co bao nhieu don vi tham gia thu nghiem", "danh gia bao nhieu diem"]) {
      expect(valueAsked(fold(q), q), q).toBeUndefined();
    }
  });

  it("is supplied by an amount of money or 'miễn phí', not by a count of people, and left unanswered by a 'not stated' price", () => {
    expect(supplies({ kind: "price" }, entryOf({ text: "Cuộc gọi tới 1022 được miễn phí." }), new Set())).toBe("given");
    expect(supplies({ kind: "price" }, entryOf({ text: "Gói cước giá 250.000 đồng mỗi tháng." }), new Set())).toBe("given");
    expect(supplies({ kind: "price" }, entryOf({ text: "Zalo có khoảng 79,2 triệu người dùng hằng tháng." }), new Set())).toBe("no");
    expect(supplies({ kind: "price" }, entryOf({ text: "Chứng thư số phải gia hạn trước 31/5." }, { text: "Bài viết không nêu giá hay chi phí chữ ký số.", notStated: true }), new Set())).toBe("asked");
  });

  it("refuses the price of a digital signature, which no source gives, and still answers when its renewal was due", () => {
    expect(answers("gia chu ky so bao nhieu 1 nam")).toBe(false);
    expect(answers("gia hạn chứng thư số trước ngày nào")).toBe(true);
  });
});

describe("web addresses of one system", () => {
  it("finds the system a folded domain names inside its compound ('tongdai1022' is 1022's)", () => {
    expect(systemNamedBy("tongdai1022")).toBe("1022");
    expect(systemNamedBy("qlvb")).toBe("qlvb");
    expect(systemNamedBy("tphcm")).toBeUndefined();
  });

  it("does not give the 1022 portal's address for the city's web portal, and still gives it for 1022", () => {
    expect(answers("Địa chỉ website cổng thông tin điện tử TP.HCM mới sau hợp nhất là gì?")).toBe(false);
    const r = kb.search("địa chỉ website của tổng đài 1022 là gì");
    expect(r.best?.entry.id).toBe("hotline-1022-how-to-reach");
    expect(r.best?.unsupplied).toBeUndefined();
  });
});

describe("document numbers the sources do not give", () => {
  const party = entryOf(
    { text: "Đề xuất triển khai chung lộ trình: văn bản điều hành, báo cáo Nghị quyết số 57-NQ/TW, báo cáo đại hội." },
    { text: "Nguồn không nêu Văn phòng Trung ương Đảng đã đồng ý hay chưa, cũng không nêu số văn bản trả lời.", notStated: true },
  );

  it("leaves 'văn bản số mấy' unanswered where the entry says the number is not given, whatever other number it cites", () => {
    expect(valueAsked(fold("văn bản số mấy"))).toEqual({ kind: "number" });
    expect(supplies({ kind: "number" }, party, new Set())).toBe("asked");
  });

  it("still answers 'nghị quyết số mấy' from the resolution the entry names", () => {
    expect(valueAsked(fold("báo cáo theo nghị quyết số mấy"))).toEqual({ kind: "number", named: true });
    expect(supplies({ kind: "number", named: true }, party, new Set())).toBe("given");
  });

  it("holds each window of a long message to the number the whole asks", () => {
    expect(answers("Văn phòng Trung ương Đảng đã đồng ý cho triển khai chung lộ trình chưa, văn bản số mấy?")).toBe(false);
    expect(answers("Bên Đảng, hệ thống báo cáo theo nghị quyết số mấy được triển khai chung lộ trình?")).toBe(true);
  });
});

describe("mobile apps", () => {
  it("reads 'có bản app điện thoại không, tải ở đâu' as asking for an app, not 'app công dân số đăng nhập bằng gì'", () => {
    expect(valueAsked(fold("Phần mềm QLVB có bản app điện thoại không, tải ở đâu?"))).toEqual({ kind: "app" });
    expect(valueAsked(fold("app công dân số đăng nhập bằng gì"))?.kind).toBe("account");
  });

  it("is supplied by a sentence stating an app, and left unanswered by one saying no app is known", () => {
    const stated = entryOf({ text: "Người dân dùng ứng dụng Tổng đài 1022 (Android, iOS)." });
    const absent = entryOf({ text: "Các bước: khảo sát, thử nghiệm, triển khai." }, { text: "Nguồn không nêu có ứng dụng trên điện thoại hay nơi tải.", notStated: true });
    expect(supplies({ kind: "app" }, stated, new Set())).toBe("given");
    expect(supplies({ kind: "app" }, absent, new Set())).toBe("asked");
    expect(supplies({ kind: "app" }, entryOf({ text: "Các bước: khảo sát, thử nghiệm, triển khai." }), new Set())).toBe("no");
  });

  it("refuses a QLVB phone app, which no source mentions, and still answers that 1022 has one", () => {
    expect(answers("Phần mềm QLVB có bản app điện thoại không, tải ở đâu?")).toBe(false);
    expect(answers("cho e hoi 1022 co app dien thoai ko a")).toBe(true);
  });
});

describe("names the sources do not give", () => {
  it("reads 'tên là gì' and 'what is it called' as asking a name", () => {
    expect(valueAsked(fold("phan mem qlvb moi ten la gi"))).toEqual({ kind: "name" });
    expect(valueAsked(fold("What is the new system called?"))).toEqual({ kind: "name" });
  });

  it("leaves a name unanswered by an entry that says the name is not given, and accepts any other entry", () => {
    const absent = entryOf({ text: "Các bước: khảo sát, thử nghiệm." }, { text: "Kế hoạch không nêu tên gọi của hệ thống mới.", notStated: true });
    expect(supplies({ kind: "name" }, absent, new Set())).toBe("asked");
    expect(supplies({ kind: "name" }, entryOf({ text: "Trung tâm Chuyển đổi số TP.HCM vận hành hệ thống." }), new Set())).toBe("given");
  });

  it("refuses the new QLVB software's name", () => {
    expect(answers("phan mem qlvb moi ten la gi")).toBe(false);
  });
});

describe("the console", () => {
  it("refuses a price, another system's address, an unstated document number and an unknown app, and answers their in-scope neighbours", async () => {
    const input = [
      "gia chu ky so bao nhieu 1 nam",
      "Địa chỉ website cổng thông tin điện tử TP.HCM mới sau hợp nhất là gì?",
      "địa chỉ website của tổng đài 1022 là gì",
      "Văn phòng Trung ương Đảng đã đồng ý cho triển khai chung lộ trình chưa, văn bản số mấy?",
      "Bên Đảng, hệ thống báo cáo theo nghị quyết số mấy được triển khai chung lộ trình?",
      "Phần mềm QLVB có bản app điện thoại không, tải ở đâu?",
    ].join("\n");
    const { out } = await runCliCaptured(["ask", "--json"], { input: `${input}\n` });
    const rows = out.trim().split("\n").map((l) => JSON.parse(l) as { answered: boolean; entryId?: string });
    expect(rows.map((r) => r.answered)).toEqual([false, false, true, false, true, false]);
    expect(rows[2]!.entryId).toBe("hotline-1022-how-to-reach");
    expect(rows[4]!.entryId).toBe("party-systems");
  });
});
