import { describe, expect, it } from "vitest";
import { dueOnDays } from "../../../src/core/knowledge/due-on.js";
import { withoutExcluded } from "../../../src/core/knowledge/exclusion.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { detectLanguage, withoutLanguageRequest } from "../../../src/core/language.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith, askEachAlone, followUpAnswer } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);
const NOW = "2026-12-01T09:00:00+07:00";
const KNOWN = content.milestones.filter((m) => m.dueParsed.precision === "day").map((m) => m.dueParsed.end);

const askEach = (...questions: string[]) => askEachAlone(NOW, ...questions);
const followUp = (first: string, second: string) => followUpAnswer(first, second, NOW);

describe("which system a day of the plan belongs to, and what goes live on it", () => {
  it("reads 'là của hệ thống nào', 'thuộc hệ thống gì', 'có gì chính thức chạy' and 'what goes live' as asking what is due", () => {
    expect(dueOnDays("cac moc 15/5 15/8 la cua he thong nao", "2026-12-01", KNOWN)).toEqual(["2025-05-15", "2025-08-15"]);
    expect(dueOnDays("15/6 thuoc he thong gi vay", "2026-12-01", KNOWN)).toEqual(["2025-06-15"]);
    expect(dueOnDays("1/9 co gi chinh thuc chay", "2026-12-01", KNOWN)).toEqual(["2025-09-01"]);
    expect(dueOnDays("what goes live on 1/9", "2026-12-01", KNOWN)).toEqual(["2025-09-01"]);
    // A day asked of one system is no question of what is due on it.
    expect(dueOnDays("qlvb chay chinh thuc tu 1/9 phai khong", "2026-12-01", KNOWN)).toBeUndefined();
  });

  it("names the system of each listed day", async () => {
    const [listed, one, en] = await askEach("các mốc 15/5 và 15/8 là của hệ thống nào", "15/6 thuộc hệ thống gì vậy", "which systems do the dates 15/5 and 15/8 belong to?");
    expect(listed).toContain("Hội nghị truyền hình");
    expect(listed).toContain("quản lý văn bản cho tất cả phường");
    expect(one).toContain("Thử nghiệm hệ thống quản lý văn bản");
    expect(en).toContain("Video-conference survey");
    expect(en).toContain("Document-management rollout");
  });

  it("names every system that goes live on a day, not only the first one found", async () => {
    for (const answer of await askEach("ngày 1/9 hệ thống nào vận hành chính thức", "1/9/2025 có những gì chạy chính thức", "What goes live on 1 September 2025?")) {
      expect(answer).toMatch(/quản lý văn bản|Document-management/);
      expect(answer).toContain("1022");
    }
  });
});

describe("the source to cite for the plan", () => {
  it("names Nhân Dân and ICTVietnam, and says the dates are on a mirror", async () => {
    const [vi, shorthand, en] = await askEach("trích dẫn kế hoạch thì ghi nguồn gì", "muốn dẫn nguồn kh liên tịch trong báo cáo thì lấy báo nào", "What's the right source to cite for the joint plan?");
    for (const answer of [vi, shorthand, en]) {
      expect(answer).toContain("nhandan.vn");
      expect(answer).toContain("ictvietnam.vn");
    }
    expect(vi).toContain("bản đăng lại");
    expect(en).toContain("republished");
  });
});

describe("what the plan names beyond the systems a person lists", () => {
  it("drops the things listed after 'ngoài' or 'besides' when the rest asks for others", () => {
    expect(withoutExcluded("ngoai hntt, qlvb, mail, 1022 thi kh con neu nhung he thong nao nua")).toBe("kh con neu nhung he thong nao nua");
    expect(withoutExcluded("Ngoài email và 1022 ra thì giai đoạn 1 còn những hệ thống gì khác?")).toBe("giai đoạn 1 còn những hệ thống gì khác?");
    expect(withoutExcluded("Besides e-mail and 1022, what other systems does the plan cover?")).toBe("what other systems does the plan cover?");
  });

  it("keeps a question that asks nothing more, or whose rest is too short to search", () => {
    expect(withoutExcluded("ngoài giờ hành chính thì gọi 1022 được không")).toBeUndefined();
    expect(withoutExcluded("ngoài thư điện tử thì còn gì nữa")).toBeUndefined();
    expect(withoutExcluded("Apart from e-mail, which systems are in phase 1?")).toBeUndefined();
  });

  it("answers with the other systems of the plan, not with one of those listed", async () => {
    const [shorthand, listed] = await askEach("ngoai hntt, qlvb, mail, 1022 thi kh con neu nhung he thong nao nua", "ngoài hội nghị truyền hình, QLVB thì kế hoạch còn nêu những hệ thống nào khác");
    for (const answer of [shorthand, listed]) {
      expect(answer).toContain("chữ ký số");
      expect(answer).toContain("định danh");
      expect(answer).toContain("trung tâm dữ liệu");
    }
  });
});

describe("the State side's portals and the Party portal", () => {
  it("answers a portal question naming no Party body with the State side's May–August deadline", async () => {
    const [shorthand, plain, party] = await askEach("trang ttdt thanh phan co trong kh k, han hoan thanh", "trang thông tin điện tử thành phần hạn hoàn thành khi nào", "cổng ttđt đảng bộ hạn hoàn thành");
    expect(shorthand).toContain("tháng 8/2025");
    expect(plain).toContain("tháng 8/2025");
    expect(party).toContain("tháng 5/2025");
  });
});

describe("holiday shorthand and the Giỗ Tổ festival", () => {
  it("reads 'qk' as Quốc khánh and lists that break alone", async () => {
    const [y2026, y2025] = await askEach("qk 2026 nghỉ mấy ngày", "lễ qk năm 2025 nghỉ từ ngày nào");
    expect(y2026).toContain("29/08/2026 – 02/09/2026 (5 ngày)");
    expect(y2026).not.toContain("Tết Nguyên đán");
    expect(y2025).toContain("30/08/2025 – 02/09/2025 (4 ngày)");
    expect(y2025).not.toContain("Tết Nguyên đán");
  });

  it("counts the days until the National Day break asked as 'qk'", async () => {
    const [countdown, other] = await askEachAlone("2025-08-25T09:00:00+07:00", "còn mấy ngày nữa tới qk", "bao lâu nữa thì được nghỉ lễ qk");
    expect(countdown).toContain("Còn 5 ngày nữa");
    expect(other).toContain("Còn 5 ngày nữa");
  });

  it("gives the 2025 festival range with its source when Giỗ Tổ or Đền Hùng is asked, and not in a plain listing", async () => {
    const [vi, en, long, listing] = await askEach(
      "lễ hội đền hùng 2025 diễn ra từ ngày nào",
      "When did the 2025 Hung Kings festival run?",
      "Dạ cho em hỏi Giỗ Tổ năm 2025 nghỉ thứ mấy, lễ hội kéo dài bao lâu ạ",
      "lich nghi le 2025",
    );
    expect(vi).toContain("từ 29/03/2025 đến 07/04/2025");
    expect(vi).toContain("en.sggp.org.vn/death-anniversary-of-hung-kings");
    expect(en).toContain("from 29 March to 7 April 2025");
    expect(long).toContain("thứ Hai, 07/04/2025");
    expect(long).toContain("29/03/2025");
    expect(listing).not.toContain("Lễ hội");
  });
});

describe("the language of shorthand and the names of agencies in English", () => {
  it("reads vowel-less lower-case shorthand as Vietnamese, bar English abbreviations", () => {
    expect(detectLanguage("mail bd 2 tk ?")).toBe("vi");
    expect(detectLanguage("ds mail han")).toBe("vi");
    expect(detectLanguage("email tk moi")).toBe("vi");
    expect(detectLanguage("doc mgmt pilot deadline?")).toBe("en");
    expect(detectLanguage("email deadline pls")).toBe("en");
  });

  it("answers a shorthand message in Vietnamese", async () => {
    const [mail, lists] = await askEach("mail bd 2 tk ?", "ds cbcc brvt han khi nao");
    expect(mail).toContain("3 tháng");
    expect(lists).toContain("10/05/2025");
  });

  it("names the lead and partner agencies in English in an English answer", async () => {
    const [party, conference] = await askEach("On the Party side, which office do the Binh Duong and BR-VT provincial Party offices coordinate with?", "Who leads the Party online conferencing roadmap?");
    for (const answer of [party, conference]) {
      expect(answer).toContain("Lead: HCMC Party Committee Office");
      expect(answer).toContain("Binh Duong Provincial Party Committee Office");
      expect((answer ?? "").split("\n").filter((l) => !l.startsWith("Source")).join("\n")).not.toContain("Văn phòng");
    }
  });
});

describe("counts with a qualifier, and words that only look like numbers", () => {
  it("counts Zalo's users when the question says monthly or active", async () => {
    for (const answer of await askEach("How many monthly users does Zalo have in Vietnam?", "How many monthly Zalo users are there in Vietnam?", "How many active users does Zalo have in Vietnam?")) {
      expect(answer).toContain("79.2 million");
      expect(answer).toContain("Decision Lab");
    }
  });

  it("reads neither 'sau khi' (after) nor 'Bà Rịa' as a spelled count", () => {
    expect(answeredWith(kb, "Phường Bà Rịa có bao nhiêu cán bộ?")).toBeUndefined();
    expect(answeredWith(kb, "Bà Rịa có bao nhiêu phường?")).not.toBe("email-accounts-when");
  });
});

describe("the director of the Digital Transformation Center, in shorthand", () => {
  it("reads 'gđốc' and 'lm gđ' as giám đốc", async () => {
    for (const answer of await askEach("ttcds ai lm gđốc", "ai lm gd ttcds", "gđốc ttcđs là ai")) expect(answer).toContain("Võ Thị Trung Trinh");
  });
});

describe("follow-ups", () => {
  it("asks 'xong khi nào' of the system a yes/no question on phase 1 named", async () => {
    expect(await followUp("mang truyen so lieu chuyen dung co trong gd1 k", "xong khi nao")).toContain("tháng 8/2025");
    expect(await followUp("trung tâm dữ liệu có thuộc giai đoạn 1 không", "bao giờ xong")).toContain("tháng 8/2025");
    expect(await followUp("chữ ký số có trong giai đoạn 1 không", "khi nào xong")).toContain("tháng 8/2025");
  });

  it("searches a follow-up without its request for English", async () => {
    expect(withoutLanguageRequest("in English pls, and the wards deadline?")).toBe("and the wards deadline?");
    expect(withoutLanguageRequest("1022 bao giờ chạy, trả lời bằng tiếng Anh nhé")).toBe("1022 bao giờ chạy");
    expect(withoutLanguageRequest("in English pls")).toBe("in English pls");
    const wards = await followUp("qlvb thu nghiem truoc ngay nao", "in English pls, and the wards deadline?");
    expect(wards).toContain("15 August 2025");
    const asked = await followUp("qlvb thu nghiem truoc ngay nao", "and for all wards? answer in English please");
    expect(asked).toContain("15 August 2025");
    const vi = await followUp("email lists due when?", "trả lời bằng tiếng Việt giúp, còn hạn tạo tài khoản?");
    expect(vi).toContain("10/06/2025");
  });
});
