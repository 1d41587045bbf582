import { describe, expect, it } from "vitest";
import { coveredOnlyAsAbsent, type EntryUnits, isNotStated, opensAsAbsent, statesAbsent, supplies } from "../../../src/core/knowledge/answer-type.js";
import { coversSubjects } from "../../../src/core/knowledge/entities.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { toPlain } from "../../../src/core/reply.js";
import { createTestApp, realContent, textFrom } from "../../helpers/app.js";
import { runCliCaptured } from "../../helpers/cli.js";

const content = await realContent();
const kb = createKnowledge(content);
const NOW = "2026-12-01T09:00:00+07:00";

/** An entry offering `sentences` (units as written, space-separated; folded text the same). */
function offer(...sentences: string[]): EntryUnits {
  const each = sentences.map((s) => ({ units: s.split(" "), notStated: isNotStated(s), folded: s }));
  return { text: each.flatMap((s) => s.units), raw: sentences.join(" "), questions: [], milestones: [], sentences: each };
}

describe("'not stated' sentences", () => {
  it("recognises the sources saying they do not give something, in Vietnamese and English", () => {
    expect(isNotStated("ke hoach khong neu ngay cu the")).toBe(true);
    expect(isNotStated("the article does not say which wards")).toBe(true);
    expect(isNotStated("can bo bd dung song song 3 thang")).toBe(false);
  });

  it("marks an exact-day question unsupplied when the entry says the day is not given, but not a rough 'khi nào'", () => {
    const entry = offer("can bo bd dung song song 3 thang sau do taikhoan cu ket thuc", "ke hoach khong neu ngay cu the");
    const type = { kind: "date" as const, topic: ["taikhoan", "cu"] };
    expect(statesAbsent(type, entry, "chinh xac ngay nao thi tai khoan cu bi khoa")).toBe(true);
    expect(statesAbsent(type, entry, "tai khoan cu bi khoa khi nao")).toBe(false);
  });

  it("leaves a question unanswered when only a 'not stated' sentence covers what it names", () => {
    const entry = offer("can bo bd dung song song 3 thang", "ke hoach khong noi ve can bo brvt");
    expect(coveredOnlyAsAbsent(["brvt", "song", "_status"], entry, () => 1)).toBe(false);
    expect(coveredOnlyAsAbsent(["brvt", "can", "bo"], entry, (u) => (u === "brvt" ? 3 : 1))).toBe(true);
    // Ties go to what is stated.
    expect(coveredOnlyAsAbsent(["can", "bo"], entry, () => 1)).toBe(false);
  });
});

describe("entries written to say the sources do not answer", () => {
  it("are those whose first sentence opens with 'not stated', unless a later sentence states more of the question", () => {
    const migration = offer("ke hoach khong noi viec chuyen thu sang hop thu moi", "can bo bd dung song song 3 thang");
    expect(opensAsAbsent(migration, ["thu", "chuyen", "hop"], () => 1)).toBe(true);
    const stats = offer("tro ly khong co so lieu tao taikhoan", "nam 2024 95 phan tram co quan dung email");
    expect(opensAsAbsent(stats, ["phan", "tram", "co", "quan", "email"], () => 1)).toBe(false);
    const onlyFor = offer("ke hoach chi neu dung song song cho can bo bd khong noi ve can bo brvt");
    expect(opensAsAbsent(onlyFor, ["brvt", "song"], () => 1)).toBe(false);
  });
});

describe("counts asked of a merged province", () => {
  it("needs the counted thing next to the province's number, except after a classifier", () => {
    const entry = offer("102 don vi tu tphcm 36 tu bd va 30 tu brvt");
    const asked = new Set<string>();
    expect(supplies({ kind: "count", noun: "cbcc", place: "bd" }, entry, asked)).toBe("no");
    expect(supplies({ kind: "count", noun: "don", place: "bd" }, entry, asked)).toBe("given");
    expect(supplies({ kind: "count", noun: "cai", place: "bd" }, entry, asked)).toBe("given");
  });

  it("counts a two-word noun only where both words are said", () => {
    const entry = offer("gan 50.000 nguoi dan goi 1022");
    expect(supplies({ kind: "count", noun: "nguoi", next: "dung" }, entry, new Set())).toBe("no");
    expect(supplies({ kind: "count", noun: "nguoi", next: "dan" }, entry, new Set())).toBe("given");
  });
});

describe("near-topic questions through the core", () => {
  it.each([
    ["a vendor, asked after a comma", "Hội nghị truyền hình dùng phần mềm gì vậy, Zoom hay Cisco Webex?"],
    ["a venue, hours and registration", "Buổi tập huấn email cho cán bộ Bình Dương tổ chức ở đâu, mấy giờ, mình đăng ký với ai?"],
    ["a count of another thing than the province's units", "Riêng Bình Dương cũ có bao nhiêu cán bộ công chức chuyển về TP?"],
    ["a phase the plan does not have", "thế còn giai đoạn 3?"],
    ["whether a phase was accepted", "Giai đoạn 2 đã được nghiệm thu chưa, có báo cáo tổng kết không?"],
    ["a list of names", "Can you list the names of the 54 communes?"],
    ["which software exactly", "Mô hình ứng dụng CNTT cấp xã ở giai đoạn 2 gồm những phần mềm cụ thể nào?"],
    ["a network operator of a system", "Nhà mạng nào cung cấp đường truyền TSLCD?"],
  ])("refuses %s", (_, question) => {
    expect(kb.search(question).decision).toBe("none");
  });

  it("does not split a message into windows at the dot of 'TP.HCM'", () => {
    // The window "HCM mới sau hợp nhất là gì" alone was answered by the area and population entry.
    expect(kb.search("Địa chỉ website cổng thông tin điện tử TP.HCM mới sau hợp nhất là gì?").best?.entry.id).not.toBe("merger-area-population");
  });

  it("keeps the in-scope twins answered", () => {
    expect(kb.search("emial cu cua binh duong bi khoa khi nao")).toMatchObject({ decision: "confident", best: { entry: { id: "email-parallel-binhduong" } } });
    expect(kb.search("emial cu cua binh duong bi khoa khi nao").best?.unsupplied).toBeUndefined();
    expect(kb.search("trong 168 đơn vị thì bao nhiêu cái từ Bình Dương cũ").best?.entry.id).toBe("merger-168-units");
    expect(kb.search("Sau hợp nhất có khoảng bao nhiêu cán bộ, công chức làm việc ở TP.HCM?").best?.entry.id).toBe("merger-civil-servants-count");
  });

  it("shows the entry that says the exact day is not given, marked unsupplied", () => {
    const r = kb.search("Vậy chính xác ngày nào thì tài khoản email cũ của cán bộ Bình Dương bị khóa hẳn?");
    expect(r.best).toMatchObject({ entry: { id: "email-parallel-binhduong" }, unsupplied: true });
  });

  it("checks a follow-up's subjects against the entry it would inherit", () => {
    expect(coversSubjects("ở đâu, mấy giờ?", "Sau hợp nhất có bao nhiêu đơn vị hành chính cấp xã?")).toBe(false);
    expect(coversSubjects("còn bao lâu?", "Sau hợp nhất có bao nhiêu đơn vị hành chính cấp xã?")).toBe(true);
  });
});

describe("near-topic follow-ups through the assistant and the console", () => {
  it("does not inherit the topic's answer for 'ở đâu, mấy giờ?'", async () => {
    const app = await createTestApp({ now: NOW });
    const say = async (text: string) => (await app.assistant.handle(textFrom("u1", text))).map((r) => toPlain(r.text)).join("\n");
    expect(await say("Sau hợp nhất có bao nhiêu đơn vị hành chính cấp xã?")).toContain("168");
    expect(await say("ở đâu, mấy giờ?")).toContain("Chưa có thông tin");
  });

  it("answers the same through ask --conversation, and logs the exact-day question as unanswered while showing the entry", async () => {
    const input = "Chứng thư chữ ký số phải gia hạn trước ngày nào?\nnộp hồ sơ ở đâu, có tốn phí không?\n";
    const { out } = await runCliCaptured(["ask", "--json", "--conversation", "--now", "2026-12-01"], { input });
    const [first, second] = out.trim().split("\n").map((l) => JSON.parse(l));
    expect(first.answered).toBe(true);
    expect(second).toMatchObject({ answered: false, entryId: null });
    const alone = await runCliCaptured(["ask", "--json", "--now", "2026-12-01"], { input: "Chính xác ngày nào thì tài khoản email cũ của cán bộ Bình Dương bị khóa hẳn?\n" });
    const third = JSON.parse(alone.out.trim());
    expect(third.answered).toBe(false);
    expect(third.answer).toContain("không nêu ngày cụ thể");
  });
});
