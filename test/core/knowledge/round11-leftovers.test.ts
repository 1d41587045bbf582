import { describe, expect, it } from "vitest";
import { readLongMessage } from "../../../src/core/knowledge/long-message.js";
import { gapAsWhen } from "../../../src/core/knowledge/follow-up.js";
import { mayNamePhase, phaseBeyond, phaseCount, phasesNamed } from "../../../src/core/knowledge/phases.js";
import { readSchedule } from "../../../src/core/knowledge/system-deadlines.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { fold } from "../../../src/core/fold.js";
import { createTestApp, realContent } from "../../helpers/app.js";
import { runCliCaptured } from "../../helpers/cli.js";
import { askEachAlone, askIn, followUpAnswer } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);
const NOW = "2026-12-01T09:00:00+07:00";

const ask = askIn;
const askEach = (...questions: string[]) => askEachAlone(NOW, ...questions);
const followUp = (first: string, second: string) => followUpAnswer(first, second, NOW);

describe("A system's deadlines asked all at once by their count", () => {
  it("lists every deadline when the message asks for all of as many as the system has, naming its steps", () => {
    const q = fold("Quản lý văn bản gồm thử nghiệm, triển khai hết phường xã và chạy chính thức, cho mình cả ba mốc");
    const s = readSchedule(q, kb.unitsOf(q), content);
    expect(s?.official.map((m) => m.dueParsed.end)).toEqual(["2025-06-15", "2025-08-15", "2025-09-01"]);
  });

  it("leaves a count that is not the system's, and one step named alone, to the search", () => {
    const wrong = fold("qlvb thử nghiệm, triển khai, cho em đủ 5 mốc");
    expect(readSchedule(wrong, kb.unitsOf(wrong), content)).toBeUndefined();
    const one = fold("mốc thử nghiệm qlvb");
    expect(readSchedule(one, kb.unitsOf(one), content)).toBeUndefined();
  });

  it("answers the three document-management days through the assistant", async () => {
    const [all] = await askEach("qlvb có 3 bước thử nghiệm, triển khai, chạy chính thức, xin đủ 3 ngày giúp e");
    expect(all).toContain("15/06/2025");
    expect(all).toContain("15/08/2025");
    expect(all).toContain("01/09/2025");
  });
});

describe("Two questions side by side in a short message", () => {
  it("splits two clauses that each ask, at a comma or 'với'", () => {
    expect(readLongMessage("hntt khảo sát xong khi nào, qlvb thử nghiệm hạn nào")?.parts).toEqual(["hntt khảo sát xong khi nào", "qlvb thử nghiệm hạn nào"]);
    expect(readLongMessage("email phải tạo xong trước ngày nào, với tổng đài 1022 vận hành chính thức từ ngày nào")?.parts).toHaveLength(2);
  });

  it("keeps a question with a guess after it, and a short clause, as one question", () => {
    expect(readLongMessage("qlvb thử nghiệm ở đâu, tất cả phường luôn hả")).toBeUndefined();
    expect(readLongMessage("email mới, khi nào có vậy anh ơi")).toBeUndefined();
    expect(readLongMessage("cán bộ phụ trách tổng đài 1022 tên là gì, số điện thoại bao nhiêu")).toBeUndefined();
  });

  it("answers both questions", async () => {
    const [both, phases] = await askEach("tài khoản mail tạo xong trước ngày nào, với 1022 chạy chính thức ngày nào", "hai giai đoạn khác nhau ở đâu, giai đoạn 2 bao giờ xong");
    expect(both).toContain("10/06/2025");
    expect(both).toContain("01/09/2025");
    expect(phases).toMatch(/thiết yếu/);
    expect(phases).toContain("12/2025");
  });
});

describe("A phase the plan does not have", () => {
  it("reads the phases a question names, and not a length after 'giai đoạn'", () => {
    expect(phasesNamed(kb.unitsOf("gđ 4 kéo dài bao lâu"))).toEqual([4]);
    expect(phasesNamed(kb.unitsOf("the third phase of the plan"))).toEqual([3]);
    expect(phasesNamed(kb.unitsOf("giai đoạn 3 tháng chạy song song email"))).toEqual([]);
    expect(phaseCount(content.milestones)).toBe(2);
    expect(phaseBeyond(kb.unitsOf("giai đoạn 2 khi nào xong"), 2)).toBeUndefined();
  });

  it("rules out a question naming no phase before analysing it, and never one that does", () => {
    for (const q of ["gđ3 bao giờ bắt đầu", "giai đoạn ba làm gì", "GĐ 4", "the third stage", "Phase three", "gdoan 3"]) expect(mayNamePhase(fold(q)), q).toBe(true);
    for (const q of ["email han khi nao", "1022 chạy chính thức ngày nào", "who runs the hotline"]) {
      expect(mayNamePhase(fold(q)), q).toBe(false);
      expect(phasesNamed(kb.unitsOf(q)), q).toEqual([]);
    }
  });

  it("says the plan has two phases instead of 'no information', and counts it unanswered like the older sets", async () => {
    const app = await createTestApp({ now: NOW });
    const vi = await ask(app, "giai đoạn ba của kế hoạch làm những gì", "a");
    const en = await ask(app, "Is there a fourth phase planned?", "b");
    expect(vi).toContain("Kế hoạch liên tịch không có giai đoạn 3.\nKế hoạch gồm hai giai đoạn.");
    expect(en).toContain("The joint plan has no phase 4.\nThe plan has two phases.");
    expect((await app.store.questions.days("2026-12-01", "2026-12-01"))[0]?.answered ?? 0).toBe(0);
    await app.store.close();
  });
});

describe("A document named by number, asked what the sources never say", () => {
  it("is refused, no window without the document standing for the message", async () => {
    const [issued] = await askEach("Nghị quyết 57 được ký khi nào vậy, nội dung chủ yếu là gì");
    expect(issued).toMatch(/Chưa có thông tin/);
    const r = kb.search("nghị quyết 57 ban hành năm nào, tóm tắt nội dung chính là gì");
    expect(r.decision).toBe("none");
  });
});

describe("Follow-ups with a subject or a gap of their own", () => {
  it("answers a follow-up naming the plan itself as its own question", async () => {
    const answer = await followUp("báo cáo nghị quyết 57 do ai đề xuất", "thế còn căn cứ pháp lý của kế hoạch thì sao?");
    expect(answer).toContain("60-NQ/TW");
    expect(answer).toContain("759");
  });

  it("reads 'how long before that' as when the new thing is due", () => {
    expect(gapAsWhen("how long before that must the wards be connected?")).toBe("when must the wards be connected");
    expect(gapAsWhen("thử nghiệm trước đó bao lâu")).toBe("thu nghiem khi nao");
    expect(gapAsWhen("how long is the parallel period")).toBe("how long is the parallel period");
  });

  it("gives the new day and the gap from the previous answer's day, in the follow-up's language", async () => {
    const en = await followUp("When does document management go live officially?", "and how many days before that is the pilot due?");
    expect(en).toContain("15 June 2025 is 78 days before 1 September 2025.");
    const vi = await followUp("qlvb vận hành chính thức ngày nào", "còn triển khai cho tất cả phường xã trước đó bao lâu?");
    expect(vi).toContain("Ngày 15/08/2025 sớm hơn ngày 01/09/2025 17 ngày.");
  });

  it("answers the same through ask --json --conversation", async () => {
    const out = await runCliCaptured(["ask", "--json", "--conversation", "--now", "2026-12-01", "Which systems go live officially on 1 September 2025?", "and how long before that must all the wards be connected?"]);
    const last = JSON.parse(out.out.trim().split("\n").at(-1)!) as { answered: boolean; answer: string };
    expect(last.answered).toBe(true);
    expect(last.answer).toContain("15 August 2025");
    expect(last.answer).toContain("17 days");
  });
});
