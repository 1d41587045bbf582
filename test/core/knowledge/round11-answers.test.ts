import { describe, expect, it } from "vitest";
import { readComparison, readSchedule } from "../../../src/core/knowledge/system-deadlines.js";
import { readLongMessage } from "../../../src/core/knowledge/long-message.js";
import { decodeTyping } from "../../../src/core/knowledge/normalise.js";
import { createAnalyzer } from "../../../src/core/knowledge/query.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { languageAsked } from "../../../src/core/language.js";
import { realContent } from "../../helpers/app.js";
import { runCliCaptured } from "../../helpers/cli.js";
import { askEachAlone, followUpAnswer } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);
const analyzer = createAnalyzer(content.glossary, content.lexicon);
const NOW = "2026-12-01T09:00:00+07:00";

const askEach = (...questions: string[]) => askEachAlone(NOW, ...questions);
const followUp = (first: string, second: string) => followUpAnswer(first, second, NOW);

describe("Telex residue of common words", () => {
  it("reads a lone 'w' after a consonant as 'ư'", () => {
    expect(decodeTyping("ddwowcj")).toBe("duoc");
    expect(decodeTyping("thw")).toBe("thu");
  });

  it("undoes the residue of words the index or analyser knows, and leaves every other word as written", () => {
    expect(kb.untype("15/6 laf thuws maays")).toBe("15/6 la thu may");
    expect(kb.untype("Email cos maays deadline vaajy")).toBe("Email co may deadline vay");
    expect(kb.untype("QLVB ở TP.HCM")).toBe("QLVB ở TP.HCM");
    expect(kb.untype("Is there a tax on the new email accounts?")).toBe("Is there a tax on the new email accounts?");
  });

  it("answers calendar and weekday questions typed with the input method off", async () => {
    const [holiday, weekday, official] = await askEach("ngayf 30/4 cos ddwowcj nghir khoong", "hanj taapj huaans email laf thuws maays", "tong ddaif 1022 bao giowf chayj thaajt");
    expect(holiday).toContain("30/04");
    expect(holiday).toMatch(/nghỉ/);
    expect(weekday).toContain("10/06/2025 là thứ Ba");
    expect(official).toContain("01/09/2025");
  });

  it("reads 'chạy thật' as official operation, not the trial", () => {
    expect(analyzer.analyze("qlvb khi nao chay that").units).toContain("vanhanhchinhthuc");
    expect(kb.search("phần mềm văn bản khi nào chạy thật").best?.entry.id).toBe("document-management-official");
  });
});

describe("a weekday named or guessed inside a longer question", () => {
  it("adds the named day's weekday to the answer about its deadline", async () => {
    const [training, pilot] = await askEach("hạn tập huấn email 10/6 là thứ 3 à, có kịp làm thứ 2 không", "thu nghiem qlvb truoc 15/6, hom do la t7 hay cn vay");
    expect(training).toContain("10/06/2025 là thứ Ba.");
    expect(pilot).toContain("15/06/2025 là Chủ nhật.");
  });

  it("does not repeat a weekday the answer already gives", async () => {
    const [answer] = await askEach("han 15/6 thu nghiem qlvb roi vao cuoi tuan, co phai xong tu thu 6 khong");
    expect(answer!.match(/15\/06\/2025[^.;]{0,40}Chủ nhật/g)).toHaveLength(1);
  });
});

describe("two systems' deadlines compared", () => {
  it("reads which system comes first, by its first deadline, or by its last when the question asks which is finished", () => {
    const earlier = readComparison("1022 voi email cai nao co han truoc", ["1022", "email", "han"], content);
    expect(earlier?.sides.map((s) => s.en)).toEqual(["Official e-mail", "The 1022 system"]);
    expect(earlier?.of).toBe("first");
    const finished = readComparison("cks hay ttdl ben nao xong som hon", ["cks", "ttdl", "xong"], content);
    expect(finished?.of).toBe("last");
    expect(finished?.tie).toBe(true);
  });

  it("compares nothing without a comparison, a choice, or two systems with milestones", () => {
    expect(readComparison("email va 1022 han truoc ngay nao", ["email", "1022", "han"], content)).toBeUndefined();
    expect(readComparison("email cai nao tot hon 1022", ["email", "1022"], content)).toBeUndefined();
    expect(readComparison("email hay sso cai nao som hon", ["email", "sso"], content)).toBeUndefined();
    expect(readComparison("email cai nao som hon", ["email"], content)).toBeUndefined();
  });

  it("answers in Vietnamese and English with the earlier deadline and each system's milestones", async () => {
    const [vi, en, later] = await askEach("qlvb với thư công vụ cái nào hạn sớm hơn", "which is due first, document management or e-mail?", "email va 1022 ben nao xong muon hon");
    expect(vi).toContain("Thư điện tử công vụ có hạn sớm hơn: 10/05/2025");
    expect(vi).toContain("15/06/2025");
    expect(en).toContain("Official e-mail is due earlier: 10 May 2025");
    expect(en).toContain("against document management: 15 June 2025");
    expect(later).toContain("Hệ thống 1022 có mốc hoàn thành muộn hơn: 01/09/2025");
    expect(later).toContain("Nguồn:");
  });

  it("says plainly when a span of months holds the other deadline, rather than ordering them", async () => {
    const [vi, en] = await askEach("mã định danh với hntt cái nào hạn sớm hơn", "which is due first, the data center or video conferencing?");
    expect(vi).toContain("Không so được chính xác");
    expect(vi).toContain("15/05/2025");
    expect(vi).toContain("từ tháng 5/2025 đến tháng 8/2025");
    expect(en).toContain("cannot be ordered exactly");
    expect(en).not.toContain("is due earlier");
  });
});

describe("all of one system's deadlines asked at once", () => {
  it("reads a count or a list of one system's deadlines, and leaves one step or two systems to the search", () => {
    expect(readSchedule("1022 co may moc", ["1022", "_howmany", "han"], content)?.official).toHaveLength(2);
    expect(readSchedule("list all the e mail deadlines", ["list", "email", "han"], content)?.official).toHaveLength(2);
    expect(readSchedule("moc thu nghiem qlvb", ["han", "thunghiem", "qlvb"], content)).toBeUndefined();
    expect(readSchedule("email va 1022 co may moc", ["email", "1022", "_howmany", "han"], content)).toBeUndefined();
    expect(readSchedule("ke hoach co nhung moc nao", ["kehoachlientich", "han"], content)).toBeUndefined();
  });

  it("answers how many and lists them, with estimates said apart and every source", async () => {
    const [email, cks, en] = await askEach("thư điện tử có mấy mốc thời gian, liệt kê giúp em", "chữ ký số có những hạn nào", "how many milestones does the 1022 system have");
    expect(email).toContain("Thư điện tử công vụ có 2 mốc thời gian:");
    expect(email).toContain("10/05/2025");
    expect(email).toContain("10/06/2025");
    expect(email).toContain("không phải hạn chính thức");
    expect(cks).toContain("31/05/2025");
    expect(cks!.match(/Nguồn:/g)?.length).toBeGreaterThanOrEqual(2);
    expect(en).toContain("The 1022 system has 2 deadlines:");
    expect(en).toContain("1 September 2025");
  });
});

describe("follow-ups that switch the value but keep what was asked", () => {
  it("gives a system named alone its whole schedule, as the previous question asked of its own", async () => {
    const answer = await followUp("email han khi nao", "còn 1022?");
    expect(answer).toContain("tháng 6/2025");
    expect(answer).toContain("01/09/2025");
  });

  it("keeps what a follow-up adds to the new value ('for the departments', 'account')", async () => {
    expect(await followUp("hntt han khi nao", "còn qlvb cho các sở ban ngành?")).toContain("15/08/2025");
    expect(await followUp("1022 khi nao van hanh chinh thuc", "còn email tập huấn thì sao")).toContain("10/06/2025");
  });

  it("reads a word pointing back ('của nó') as the previous subject, not as a word of its own", async () => {
    expect(await followUp("nền tảng quản lý chính quyền số thử nghiệm gđ1 ngày nào", "gđ2 của nó?")).toContain("quý 1/2026");
  });
});

describe("English follow-ups", () => {
  it("reads a follow-up with a question of its own as that question ('and what does phase 2 cover')", async () => {
    const answer = await followUp("when is phase 1 due", "and what does phase 2 cover");
    expect(answer).toContain("December 2025");
    expect(answer).toContain("commune level");
  });

  it("carries the previous attribute into a follow-up that asks none", async () => {
    expect(await followUp("when is the 1022 go-live", "and e-mail accounts?")).toContain("10 June 2025");
  });

  it("answers in the language a message asks for, and does not search the request", async () => {
    const answer = await followUp("email han khi nao", "what about the document management rollout, in English please");
    expect(answer).toContain("15 August 2025");
    expect(answer).not.toMatch(/Trả lời bằng số/);
    const [asked] = await askEach("1022 bao gio chay chinh thuc, tra loi bang tieng anh giup");
    expect(asked).toContain("1 September 2025");
    expect(analyzer.analyze("the e-mail deadline in English pls").units).not.toContain("english");
  });

  it("hears a request for a language only as a request", () => {
    expect(languageAsked("what about email, in English pls")).toBe("en");
    expect(languageAsked("qlvb khi nao chay, tra loi bang tieng viet nhe")).toBe("vi");
    expect(languageAsked("co ban tieng anh cua ke hoach khong")).toBeUndefined();
  });
});

describe("a question followed by the asker's guess", () => {
  it("answers the question, not the guess ('…, tất cả phường luôn hả')", async () => {
    const [pilot, accounts] = await askEach("qlvb chạy thử ở đâu, cả phường xã luôn hả", "tao tai khoan email han khi nao, ca can bo BRVT luon ha");
    expect(pilot).toContain("một số đơn vị");
    expect(accounts).toContain("10/06/2025");
  });
});

describe("long polite messages", () => {
  it("drops 'Kính gửi …', 'mong anh chị phản hồi', the asker's need and purpose around the question", () => {
    const read = readLongMessage("Kính gửi Trung tâm, xã mình bên Châu Đức muốn biết khi nào tổng đài 1022 vận hành chính thức để bố trí lịch trực, mong anh chị hỗ trợ, cảm ơn ạ");
    expect(read?.parts).toEqual(["khi nào tổng đài 1022 vận hành chính thức"]);
  });

  it("answers such a message through the core and `ask --json`", async () => {
    const question = "Kính gửi anh chị, đơn vị em ở Bà Rịa cũ đang cần biết khi nào hệ thống 1022 chạy chính thức để lên kế hoạch trực, mong anh chị phản hồi sớm, em cảm ơn";
    const [answer] = await askEach(question);
    expect(answer).toContain("01/09/2025");
    const { out } = await runCliCaptured(["ask", "--json", "--now", "2026-12-01", question]);
    const line = JSON.parse(out.trim());
    expect(line.answered).toBe(true);
    expect(line.entryId).toBe("hotline-1022-official");
  });
});

describe("'kh' after 'cho' or 'của' is the plan", () => {
  it("answers the legal basis of the plan asked in shorthand", async () => {
    const [answer] = await askEach("nghị quyết nào làm căn cứ cho kh vậy");
    expect(answer).toContain("60-NQ/TW");
  });
});
