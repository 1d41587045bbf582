import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../../src/core/language.js";
import { shiftDay, slotValuesIn, substituteSlot } from "../../../src/core/knowledge/follow-up.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { toPlain } from "../../../src/core/reply.js";
import { createTestApp, realContent, textFrom } from "../../helpers/app.js";

const content = await realContent();
const kb = createKnowledge(content);

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
async function ask(app: TestApp, text: string, user = "u1"): Promise<string> {
  return (await app.assistant.handle(textFrom(user, text))).map((r) => toPlain(r.text)).join("\n");
}

describe("status questions ('đã … chưa', 'xong chưa', 'yet')", () => {
  it("answers where an item stands from its milestone, said in the past after the plan", async () => {
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    const text = await ask(app, "1022 giờ đã vận hành chính thức chưa vậy?");
    expect(text).toContain("01/09/2025 (đã qua hơn 1 năm)");
    expect(await ask(app, "Has the 1022 hotline gone live officially yet?")).toContain("1 September 2025 (passed over 1 year ago)");
  });

  it("counts down when the milestone is still ahead", async () => {
    const app = await createTestApp({ now: "2025-07-15T09:00:00+07:00" });
    expect(await ask(app, "qlvb vận hành chính thức chưa")).toContain("01/09/2025 (còn 48 ngày)");
  });

  it("adds where a whole phase stands when the entry is about the phase", async () => {
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    const text = await ask(app, "gđ1 xong hết chưa ad");
    // The phase ends at its last official deadline (01/09/2025), not at the end of the 3 months of parallel e-mail use.
    expect(text).toMatch(/Giai đoạn 1: (\d+)\/\1 mốc đã đến hạn; mốc cuối: .*01\/09\/2025 \(đã qua hơn 1 năm\)/);
  });

  it("prefers the dated entry in a close call ('email mới cấp xong chưa')", () => {
    expect(kb.search("email mới cấp xong chưa").best?.entry.id).toBe("email-accounts-when");
  });
});

describe("key content words the plan never covers", () => {
  it.each([
    "Lương cán bộ phường mới bao nhiêu một tháng?",
    "phụ cấp kiêm nhiệm cb xã sau sáp nhập có ko",
    "Chi phí xây dựng hệ thống quản lý văn bản là bao nhiêu?",
    "Thời tiết Vũng Tàu cuối tuần này thế nào?",
    "Kết quả bóng đá Bình Dương hôm qua",
    "Dân số Bình Dương bao nhiêu?",
    "Phường Bà Rịa có bao nhiêu dân số?",
    "Giám đốc Sở KH&CN TP.HCM là ai?",
    "Mấy giờ UBND phường mở cửa?",
    "What is the salary of a ward civil servant?",
    "How much did the 1022 system cost?",
    "What is the population of Vung Tau?",
    "chữ ký số của em bị lỗi",
    "My digital signature certificate has expired, what now?",
  ])("refuses %j: the entry that shares its topic words does not speak of it", (q) => {
    expect(kb.search(q).decision).toBe("none");
  });

  it.each([
    ["Diện tích và dân số TP.HCM mới là bao nhiêu?", "merger-area-population"],
    ["How big is the new Ho Chi Minh City and how many people live there?", "merger-area-population"],
    ["Who is the director of the Digital Transformation Center?", "ttcds-launch"],
    ["Email cũ của Bình Dương khi nào bị khóa?", "email-parallel-binhduong"],
  ])("still answers %j, where the entry does speak of it", (q, id) => {
    const r = kb.search(q);
    expect(r.decision).not.toBe("none");
    expect(r.best?.entry.id).toBe(id);
  });
});

describe("referral entries", () => {
  it("shows whom to ask about a forgotten password, and records the question as unanswered", async () => {
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    const text = await ask(app, "em quên mật khẩu email công vụ thì làm sao?");
    expect(text).toContain("bộ phận CNTT");
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect((await app.store.questions.days("2026-12-01", "2026-12-01"))[0]).toMatchObject({ answered: 0 });
    expect((await app.store.questions.unanswered()).length).toBe(1);
  });
});

describe("follow-ups that swap a slot or ask another attribute", () => {
  it.each<[string, string, string, string]>([
    ["a place", "Bình Dương có bao nhiêu phường xã vào thành phố mới?", "còn Vũng Tàu thì sao?", "30 từ Bà Rịa - Vũng Tàu"],
    ["a phase", "Giai đoạn 1 gồm những gì?", "gđ2 thì sao", "nền tảng số"],
    ["the day", "Ngày 11/6/2025 thử nghiệm ở đâu?", "hôm sau thì sao?", "102 phường, xã"],
    ["a holiday", "Tết 2026 nghỉ mấy ngày?", "còn Giỗ Tổ?", "27/04/2026"],
    ["the speed", "Mạng truyền số liệu chuyên dùng kết nối bao nhiêu điểm?", "tốc độ bn", "20 Mbps"],
    ["the login", "App Công dân số TPHCM là gì?", "đăng nhập bằng gì", "VNeID"],
    ["the partner", "Chữ ký số gia hạn trước ngày nào?", "phối hợp với cơ quan nào?", "Ban Cơ yếu"],
    ["the make-up day", "Nghỉ lễ 30/4 năm 2025 mấy ngày?", "có làm bù không?", "26/04/2025"],
  ])("reads %s: %j then %j", async (_kind, first, second, expected) => {
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    await ask(app, first);
    expect(await ask(app, second)).toContain(expected);
  });

  it("reads English follow-ups in English: a place, a countdown, the legal basis, who runs it", async () => {
    const app = await createTestApp({ now: "2025-05-20T09:00:00+07:00" });
    await ask(app, "How long do Binh Duong staff keep two email accounts?");
    const place = await ask(app, "what about Ba Ria Vung Tau?");
    expect(place).toContain("only for Binh Duong staff, not for Ba Ria - Vung Tau");
    await ask(app, "When must digital signature certificates be renewed?");
    expect(await ask(app, "how many days left?")).toContain("31 May 2025 (11 days left)");
    await ask(app, "How many phases does the joint plan have?");
    expect(await ask(app, "and what is it legally based on?")).toContain("759");
    await ask(app, "When is the document management pilot?");
    expect(await ask(app, "who runs it?")).toContain("Lead: Digital Transformation Center");
  });

  it("keeps a short question that names a topic of its own and has its own answer", async () => {
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    await ask(app, "Phần mềm quản lý văn bản thử nghiệm trước ngày nào?");
    expect(await ask(app, "gđ2 thì sao")).toContain("12/2025");
  });
});

describe("slot substitution", () => {
  it("swaps a place, a phase or a system, writing the new value as typed", () => {
    expect(substituteSlot("binh duong co bao nhieu phuong xa", "vung tau")).toBe("vung tau co bao nhieu phuong xa");
    expect(substituteSlot("gd1 uu tien he thong nao", "giai doan 2")).toBe("giai doan 2 uu tien he thong nao");
    expect(substituteSlot("when does the 1022 hotline start officially", "document management")).toBe("when does the document management start officially");
  });

  it("swaps nothing when the follow-up names no other value of a slot the previous question has", () => {
    expect(substituteSlot("binh duong co bao nhieu phuong xa", "binh duong")).toBeUndefined();
    expect(substituteSlot("ai ky ke hoach lien tich", "email")).toBeUndefined();
    expect(slotValuesIn("gd2 thi sao")[0]).toContain("giai doan 2");
  });

  it("moves the previous question's date by a day, in either language and across a month end", () => {
    expect(shiftDay("ngay 11/6/2025 thu nghiem o dau", "hom sau thi sao")).toBe("ngay 12/6/2025 thu nghiem o dau");
    expect(shiftDay("where was the pilot on 11 june 2025", "and the next day")).toBe("where was the pilot on 12/6/2025");
    expect(shiftDay("ngay 30/6 thi sao", "hom sau")).toBe("ngay 1/7/2025 thi sao");
    expect(shiftDay("ngay 12/6/2025 chay thu o dau", "hom truoc thi sao")).toBe("ngay 11/6/2025 chay thu o dau");
    expect(shiftDay("han tao email", "hom sau thi sao")).toBeUndefined();
  });
});

describe("English questions", () => {
  it("reads English dates like content's ('11 June 2025' is 11/6)", () => {
    expect(kb.search("Where was the pilot on 11 June 2025?").best?.entry.id).toBe("trial-june-pilots");
  });

  it("lists the plan's agencies under their English names", async () => {
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    const text = await ask(app, "Which agencies take part in the joint plan?");
    expect(text).toContain("HCMC Department of Science and Technology");
    expect(text).not.toContain("Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh");
  });

  it("does not correct an English word into a Vietnamese one ('done' is not 'đồng')", () => {
    expect(kb.search("is it done yet?").units).toContain("_status");
    expect(kb.search("is it done yet?").units).not.toContain("dong");
  });
});

describe("English around a Vietnamese name", () => {
  it.each<[string, "en" | "vi"]>([
    ["What about Vũng Tàu?", "en"],
    ["Is the Bình Dương email ready?", "en"],
    ["deadline tạo account là khi nào", "vi"],
    ["cho em hỏi email account mới tạo chưa", "vi"],
    ["thanks bạn nhé", "vi"],
  ])("reads %j as %s", (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it("answers an English follow-up that names the place with its marks in English", async () => {
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    await ask(app, "How many wards and communes came from Binh Duong?");
    expect(await ask(app, "What about Bà Rịa - Vũng Tàu?")).toContain("30 from Ba Ria - Vung Tau");
  });
});

