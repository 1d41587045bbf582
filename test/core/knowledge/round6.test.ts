import { describe, expect, it } from "vitest";
import { type EntryUnits, givesOnlyStart, supplies } from "../../../src/core/knowledge/answer-type.js";
import { dayIn, lacksData, parseCalendarQuestion, planCalendarAnswer, relativeYear, renderCalendarAnswer } from "../../../src/core/knowledge/calendar-question.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { detectLanguage } from "../../../src/core/language.js";
import { toPlain } from "../../../src/core/reply.js";
import { createTestApp, realContent, textFrom } from "../../helpers/app.js";
import { runCliCaptured } from "../../helpers/cli.js";

const content = await realContent();
const kb = createKnowledge(content);

/** An entry whose answer text is `raw` (units are not read by a number question). */
const entryWith = (raw: string): EntryUnits => ({ text: [], raw, questions: [], milestones: [] });

describe("short definitional and count questions in chat Vietnamese", () => {
  it("reads 'là cái gì' as a 'what is' question", () => {
    const r = kb.search("1022 la cai gi vay");
    expect(r.decision).toBe("confident");
    expect(r.best?.entry.id).toBe("hotline-1022-what");
  });

  it("reads 'dvhc' as 'đơn vị hành chính' and answers the count of commune-level units", () => {
    for (const q of ["tp hcm moi co bao nhieu dvhc cap xa", "brvt co bao nhiu dvhc cap xa sau sap xep"]) {
      expect(kb.search(q).best?.entry.id, q).toBe("merger-168-units");
    }
  });
});

describe("document numbers as people write them", () => {
  it("counts 'NQ 57' and 'Decision 2448' as a document number, not only '57-NQ/TW'", () => {
    expect(supplies({ kind: "number" }, entryWith("báo cáo NQ 57, báo cáo đại hội"), new Set())).toBe("given");
    expect(supplies({ kind: "number" }, entryWith("Decision 2448 approves a project"), new Set())).toBe("given");
    expect(supplies({ kind: "number" }, entryWith("báo cáo đại hội năm 2025"), new Set())).toBe("no");
  });

  it("answers 'nghị quyết số mấy' of the Party's reporting system from the Party entry", () => {
    const r = kb.search("he thong bao cao nghi quyet so may duoc trien khai chung lo trinh vs thanh uy");
    expect(r.best?.entry.id).toBe("party-systems");
    expect(r.best?.unsupplied).toBeUndefined();
  });
});

describe("ranking past candidates the question rules out", () => {
  it("keeps ranking when the best-scored candidates name another system, so the agreeing entry still answers", () => {
    const r = kb.search("VP tỉnh ủy BD và BRVT phối hợp với ai về hệ thống văn bản điều hành của Đảng");
    expect(r.decision).not.toBe("none");
    expect(r.best?.entry.id).toBe("party-systems");
  });
});

describe("relative years and days already past this year (asked on 2026-12-01)", () => {
  const TODAY = "2026-12-01";

  it("reads 'năm nay', 'năm ngoái', 'năm sau' and 'this/last/next year' against today", () => {
    expect(relativeYear("nam nay nghi le 2/9 may ngay", TODAY)).toBe(2026);
    expect(relativeYear("2/9 nam ngoai", TODAY)).toBe(2025);
    expect(relativeYear("tet nam sau", TODAY)).toBe(2027);
    expect(relativeYear("is 24 november a day off this year", TODAY)).toBe(2026);
    expect(relativeYear("ngay 2/9", TODAY)).toBeUndefined();
    expect(dayIn("24/11 nam nay co dc nghi ko", TODAY)).toBe("2026-11-24");
    expect(dayIn("2/9 nam ngoai la thu may", TODAY)).toBe("2025-09-02");
  });

  it("sends how long a named holiday's break is, in the year asked, to the holiday entry; the law's days stay with the search", () => {
    expect(parseCalendarQuestion("nam nay nghi le 2/9 may ngay", TODAY)).toEqual({ kind: "holiday", holiday: "national-day", year: 2026 });
    expect(parseCalendarQuestion("Tết năm sau nghỉ mấy ngày", TODAY)).toEqual({ kind: "holiday", holiday: "tet", year: 2027 });
    expect(parseCalendarQuestion("le 2/9 theo luat duoc nghi may ngay", TODAY)).toBeUndefined();
  });

  it("answers a day named without a year from this year's calendar when next year's is not published, and says it is past", () => {
    const asked = parseCalendarQuestion("nghi le 2/9 co dc nghi ko", TODAY);
    expect(asked).toMatchObject({ kind: "day", day: "2027-09-02", implicitYear: true });
    const facts = planCalendarAnswer(asked as Exclude<typeof asked & object, { kind: "holiday" }>, content.calendar, TODAY);
    expect(facts).toMatchObject({ kind: "day", day: "2026-09-02", passed: { next: "2027-09-02" } });
    const text = renderCalendarAnswer(facts, "vi");
    expect(text).toContain("năm nay đã qua");
    expect(text).toContain("29/08/2026");
    expect(text).toContain("lịch năm 2027 chưa được công bố");
    expect(lacksData(facts)).toBe(false);
  });

  it("does not call a proposed but unconfirmed day off an ordinary working day, and leaves it unanswered", () => {
    const asked = parseCalendarQuestion("24/11 nam nay co dc nghi ko", TODAY) as { kind: "day"; day: string };
    const facts = planCalendarAnswer(asked, content.calendar, TODAY);
    const text = renderCalendarAnswer(facts, "vi");
    expect(text).toContain("chưa có xác nhận chính thức");
    expect(text).not.toContain("ngày làm việc bình thường");
    expect(lacksData(facts)).toBe(true);
    // Its weekday is still a plain fact.
    expect(lacksData(planCalendarAnswer(parseCalendarQuestion("24/11/2026 là thứ mấy", TODAY) as { kind: "day"; day: string }, content.calendar, TODAY))).toBe(false);
  });

  it("leaves whether a day of an unpublished year is worked unanswered, but still gives its weekday", () => {
    const worked = planCalendarAnswer(parseCalendarQuestion("thu 2 10/5/2027 co phai di lam ko", TODAY) as { kind: "day"; day: string }, content.calendar, TODAY);
    expect(lacksData(worked)).toBe(true);
    const weekday = planCalendarAnswer(parseCalendarQuestion("10/5/2027 la thu may", TODAY) as { kind: "day"; day: string }, content.calendar, TODAY);
    expect(lacksData(weekday)).toBe(false);
  });

  it("answers through the assistant and the console the same way", async () => {
    const app = await createTestApp({ now: `${TODAY}T09:00:00+07:00` });
    const say = async (text: string) => (await app.assistant.handle(textFrom("u1", text))).map((r) => toPlain(r.text)).join("\n");
    const length = await say("nam nay nghi le 2/9 may ngay");
    expect(length).toContain("29/08/2026");
    expect(length).toContain("5 ngày");
    expect(await say("2/9 nam ngoai nghi may ngay")).toContain("30/08/2025");
    await app.store.close();
    const { out } = await runCliCaptured(["ask", "--json", "--now", TODAY], { input: "24/11 nam nay co dc nghi ko\nTết năm sau nghỉ mấy ngày\nnam nay nghi le 2/9 may ngay\n" });
    const [culture, tet, national] = out.trim().split("\n").map((l) => JSON.parse(l));
    expect(culture).toMatchObject({ answered: false });
    expect(culture.answer).toContain("chưa có xác nhận chính thức");
    expect(tet).toMatchObject({ answered: false });
    expect(tet.answer).toContain("2025, 2026");
    expect(national).toMatchObject({ answered: true });
  });
});

describe("out-of-scope questions answered by an entry about something else", () => {
  it("holds who leads an agency to that agency however its name is written (TPHCM, tỉnh Bình Dương)", () => {
    for (const q of ["giam doc so KH&CN TPHCM hien nay la ai", "giam doc so kh&cn tinh binh duong la ai"]) {
      expect(kb.search(q).decision, q).toBe("none");
    }
    expect(kb.search("giám đốc trung tâm chuyển đổi số TP.HCM là ai").best?.entry.id).toBe("ttcds-launch");
  });

  it("does not answer who holds an office now with who held it then, but shows the entry", () => {
    for (const q of ["giám đốc trung tâm chuyển đổi số hiện nay là ai", "Who is the director of the Digital Transformation Center now?"]) {
      const r = kb.search(q);
      expect(r.best?.entry.id, q).toBe("ttcds-launch");
      expect(r.best?.unsupplied, q).toBe(true);
    }
    expect(kb.search("giám đốc trung tâm chuyển đổi số là ai").best?.unsupplied).toBeUndefined();
  });

  it("does not take an article's date ('theo báo chí ngày 05/11/2025') for the date of the document it reports", () => {
    for (const q of ["On what date was Decision 2448/QD-UBND signed?", "Quyết định 2448 ký ngày nào"]) {
      expect(kb.search(q).decision, q).toBe("none");
    }
  });

  it("reads 'what is the deadline' as asking a date", () => {
    expect(kb.search("Decision 2448/QĐ-UBND, what is the deadline for equipping all commune-level offices?").decision).toBe("none");
    expect(kb.search("What is the deadline for the document management pilot?").best?.entry.id).toBe("document-management-pilot");
  });
});

describe("English questions", () => {
  it("reads a question of English words the list lacks as English, and Telex residue or chat Vietnamese as not", () => {
    expect(detectLanguage("timeline for digital signatures and e-ID codes?")).toBe("en");
    expect(detectLanguage("cho em hoi website moi")).toBe("vi");
    expect(detectLanguage("nguyen tac la gi")).toBe("vi");
    expect(detectLanguage("chuong trinh tap huan")).toBe("vi");
  });

  it("answers where the plan stands 'right now' and what is 'coming up', in English", async () => {
    const r = kb.search("Where does the plan stand right now? what's coming up next");
    expect(r.best?.entry.id).toBe("plan-status");
    const { out } = await runCliCaptured(["ask", "--json", "--now", "2025-06-20"], { input: "Where does the plan stand right now? what's coming up next\ntimeline for digital signatures and e-ID codes?\n" });
    const [status, timeline] = out.trim().split("\n").map((l) => JSON.parse(l));
    expect(status).toMatchObject({ answered: true });
    expect(status.answer).toContain("15 August 2025");
    expect(timeline).toMatchObject({ answered: true });
    expect(timeline.answer).toContain("August 2025");
  });
});

describe("a follow-up naming another part of the previous entry", () => {
  const chat = async (lines: string[]) => {
    const { out } = await runCliCaptured(["ask", "--json", "--conversation", "--now", "2026-12-01"], { input: `${lines.join("\n")}\n` });
    return out.trim().split("\n").map((l) => JSON.parse(l) as { answered: boolean; answer: string; entryId: string | null });
  };

  it("adds a phase the previous question did not name, and answers from the entry that speaks of it (console)", async () => {
    const [, phase2] = await chat(["When does the Digital Government Management Platform pilot start citywide?", "and its phase 2?"]);
    expect(phase2).toMatchObject({ answered: true });
    expect(phase2!.entryId).toMatch(/^digital-gov-platform/);
    expect(phase2!.answer).toContain("first quarter of 2026");
  });

  it("swaps a phase within the same entry when that entry answers the swapped question (assistant and console)", async () => {
    const [, swapped] = await chat(["nen tang quan ly chinh quyen so thu nghiem gd1 khi nao", "gđ2 thì sao"]);
    expect(swapped).toMatchObject({ answered: true });
    expect(swapped!.entryId).toMatch(/^digital-gov-platform/);
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    const say = async (text: string) => (await app.assistant.handle(textFrom("u1", text))).map((r) => toPlain(r.text)).join("\n");
    await say("nen tang quan ly chinh quyen so thu nghiem gd1 khi nao");
    expect(await say("con gd2?")).toContain("quý 1/2026");
    await app.store.close();
  });

  it("still moves to the plan's phase 2 after a question about the plan's phase 1", async () => {
    const [, plan] = await chat(["giai đoạn 1 của kế hoạch gồm những gì", "còn gđ2 thì sao"]);
    expect(plan!.entryId).not.toMatch(/^digital-gov-platform/);
    expect(plan!.answered).toBe(true);
  });
});

describe("subjects the sources never count or describe", () => {
  it("refuses counts before the merger, annual leave, and which old wards formed a new one", () => {
    for (const q of ["BRVT truoc sap nhap co bao nhieu xa phuong", "nghi phep nam cua cong chuc dc bao nhieu ngay", "phuong Ba Ria moi gom nhung phuong cu nao"]) {
      expect(kb.search(q).decision, q).toBe("none");
    }
  });

  it("still answers what an entry's answer says of the time before the merger", () => {
    expect(kb.search("truoc sap nhap binh duong co tong dai 1022 rieng ko, goi di dong thi bam so nao").best?.entry.id).toBe("hotline-1022-former-provinces");
  });

  it("reads what is counted after 'số lượng' when 'bao nhiêu' ends the question", () => {
    // Not the count of commune-level units; the civil-servants entry says no such count is published (unsupplied).
    const servants = kb.search("so luong cong chuc cua rieng binh duong cu la bao nhieu");
    expect(servants.best?.entry.id).not.toBe("merger-168-units");
    expect(servants.decision === "none" || servants.best?.unsupplied === true).toBe(true);
    expect(kb.search("so luong phuong xa sau sap xep la bao nhieu").best?.entry.id).toBe("merger-168-units");
  });

  it("prefers the whole message an entry was written for over a two-word window an unrelated entry covers", () => {
    expect(kb.search("Trước sáp nhập, người dân Bình Dương gọi 1022 bằng di động thì bấm số nào?").best?.entry.id).toBe("hotline-1022-former-provinces");
  });
});

describe("windows of a long message and addresses", () => {
  it("does not answer a message from a clause without its question word", () => {
    expect(kb.search("Theo chỉ đạo cuối tháng 6/2025, bao nhiêu tài khoản người dùng đã được tạo cho cán bộ phường xã?").best?.entry.id).not.toBe("chairman-instructions");
    expect(kb.search("mn oi, hok bik bao h dc xai qlvb chung, ai bik chi e vs").best?.entry.topic).toBe("document-management");
  });

  it("gives a web address only from a sentence about the system asked", () => {
    for (const q of ["dia chi web 1022", "What is the web address of the 1022 portal?"]) {
      expect(kb.search(q).best?.entry.id, q).toBe("hotline-1022-how-to-reach");
    }
  });
});

describe("countdowns and holidays named with a year", () => {
  it("counts down to the first day of the break when the question asks for the break", () => {
    const asked = parseCalendarQuestion("con bao lau nua toi dot nghi 2/9", "2026-08-01");
    expect(asked).toEqual({ kind: "countdown-day", day: "2026-09-02", toBreak: true });
    const text = renderCalendarAnswer(planCalendarAnswer(asked as { kind: "countdown-day"; day: string }, content.calendar, "2026-08-01"), "vi");
    expect(text).toContain("Còn 28 ngày nữa là đến kỳ nghỉ Quốc khánh 2/9");
    expect(parseCalendarQuestion("con bao nhieu ngay nua den 2/9/2026", "2026-08-01")).toEqual({ kind: "countdown-day", day: "2026-09-02" });
  });

  it("does not count down to today when 'hôm nay' only says when the count starts", () => {
    expect(parseCalendarQuestion("Hôm nay là đầu tháng 8 rồi, còn bao nhiêu ngày nữa là tới hạn triển khai quản lý văn bản", "2025-08-01")).toBeUndefined();
  });

  it("answers which day a holiday of a given year is off, but leaves 'mùng 1 Tết … dương lịch' and 'thống nhất … khi nào' alone", () => {
    expect(parseCalendarQuestion("gio to 2025 ngay nao", "2026-12-01")).toEqual({ kind: "holiday", holiday: "hung-kings", year: 2025 });
    expect(parseCalendarQuestion("mung 1 tet 2026 la ngay nao duong lich", "2026-12-01")).toBeUndefined();
    expect(parseCalendarQuestion("cổng thông tin điện tử đảng bộ thống nhất khi nào", "2026-12-01")).toBeUndefined();
  });

  it("reads 'vhct', 'days left until' and 'goes official' (console)", async () => {
    const { out } = await runCliCaptured(["ask", "--json", "--now", "2025-05-01"], { input: "tong dai 1022 vhct tu ngay nao\ndays left until 1022 goes official?\nthuong tet nam nay bn\n" });
    const [vhct, days, bonus] = out.trim().split("\n").map((l) => JSON.parse(l));
    expect(vhct).toMatchObject({ answered: true, entryId: "hotline-1022-official" });
    expect(days).toMatchObject({ answered: true, entryId: "hotline-1022-official" });
    expect(bonus).toMatchObject({ answered: false });
  });
});

describe("where a phase stands", () => {
  it("ends a phase at its last official deadline, not at a span that only follows from one", async () => {
    const { out } = await runCliCaptured(["ask", "--json", "--now", "2026-12-01"], { input: "giai doan 1 xong chua\nPhase 1 done yet?\n" });
    const [vi, en] = out.trim().split("\n").map((l) => JSON.parse(l));
    expect(vi.answer).toContain("01/09/2025");
    expect(vi.answer).not.toContain("10/09/2025");
    expect(en.answer).toContain("1 September 2025");
  });
});

describe("the state side and the Party side, as people say them", () => {
  it("reads 'họp truyền hình', 'bên chính quyền' and 'bên/khối Đảng'", () => {
    expect(kb.search("hệ thống họp truyền hình bên chính quyền phải kết nối với TP xong trước ngày nào").best?.entry.id).toBe("video-conference-state-when");
    expect(kb.search("hnth phia chinh quyen phai lam nhung buoc nao").best?.entry.id).toBe("video-conference-state-when");
    expect(kb.search("he thong van ban dieu hanh ben khoi dang thi ai de xuat voi VP Trung uong Dang").best?.entry.id).toBe("party-systems");
  });
});

describe("when a numbered thing ends, answered only with when it begins", () => {
  it("shows the entry but leaves the question unanswered, and still answers when it begins", () => {
    for (const q of ["nen tang quan ly chinh quyen so gd2 ket thuc khi nao", "nen tang qlcqs gd2 bao gio xong", "When does phase 2 of the digital government platform end?"]) {
      const r = kb.search(q);
      expect(r.best?.entry.id, q).toMatch(/^digital-gov-platform/);
      expect(r.best?.unsupplied, q).toBe(true);
    }
    expect(kb.search("giai doan 2 cua nen tang quan ly chinh quyen so bat dau khi nao").best?.unsupplied).toBeUndefined();
  });

  it("reads a sentence's start and end words: a deadline is an end", () => {
    const sentence = (text: string) => ({ units: text.split(" "), notStated: false, folded: text });
    const starts = { text: [], raw: "", questions: [], milestones: [], sentences: [sentence("giaidoan 2 bat dau quy 1/2026")] };
    const ends = { text: [], raw: "", questions: [], milestones: [], sentences: [sentence("giaidoan 2 hoan thanh truoc 15/6 2025")] };
    expect(givesOnlyStart(starts, "giai doan 2 ket thuc khi nao", ["giaidoan", "2", "_when"])).toBe(true);
    expect(givesOnlyStart(ends, "giai doan 2 ket thuc khi nao", ["giaidoan", "2", "_when"])).toBe(false);
    expect(givesOnlyStart(starts, "giai doan ket thuc khi nao", ["giaidoan", "_when"])).toBe(false);
  });
});

describe("follow-ups about the previous answer's day and its counted things", () => {
  const chat = async (lines: string[]) => {
    const { out } = await runCliCaptured(["ask", "--json", "--conversation", "--now", "2026-12-01"], { input: `${lines.join("\n")}\n` });
    return out.trim().split("\n").map((l) => JSON.parse(l) as { answered: boolean; answer: string; entryId: string | null });
  };

  it("asks the calendar about 'hôm đó', the day the previous answer gave (console and assistant)", async () => {
    const [, day] = await chat(["qlvb van hanh chinh thuc ngay nao", "hom do co phai ngay nghi le ko"]);
    expect(day).toMatchObject({ answered: true });
    expect(day!.answer).toContain("01/09/2025");
    expect(day!.answer).toContain("30/08/2025 – 02/09/2025");
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    const say = async (text: string) => (await app.assistant.handle(textFrom("u1", text))).map((r) => toPlain(r.text)).join("\n");
    await say("qlvb van hanh chinh thuc ngay nao");
    expect(await say("ngày đó có phải đi làm không")).toContain("ngày nghỉ");
    await app.store.close();
  });

  it("reads 'those' and 'these' as function words", async () => {
    const [, those] = await chat(["How many commune-level units does the new HCMC have?", "and how many of those come from the old HCMC?"]);
    expect(those).toMatchObject({ answered: true, entryId: "merger-168-units" });
    expect(those!.answer).toContain("102");
  });
});

describe("asking whether the plan mentions something", () => {
  it("reads 'có nhắc tới X không' as a question about X", () => {
    expect(kb.search("kế hoạch có nhắc tới trung tâm dữ liệu ko, bao h xong").best?.entry.id).toBe("infrastructure-may-aug");
  });
});
