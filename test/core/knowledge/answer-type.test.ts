import { describe, expect, it } from "vitest";
import { expectedType, supplies, valueAsked, writesSpan } from "../../../src/core/knowledge/answer-type.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { toPlain } from "../../../src/core/reply.js";
import { createTestApp, realContent, textFrom } from "../../helpers/app.js";
import { runCliCaptured } from "../../helpers/cli.js";

const content = await realContent();
const kb = createKnowledge(content);
const entry = (text: string[], questions: string[][] = [], milestones: string[][] = [], raw = "") => ({ text, raw, questions, milestones });

describe("expectedType", () => {
  it("reads a count of the word after 'bao nhiêu', and nothing for time spans", () => {
    expect(expectedType(["_howmany", "taikhoan", "email"], () => 1)).toEqual({ kind: "count", noun: "taikhoan" });
    expect(expectedType(["_howmany", "ngay", "tet"], () => 1)).toBeUndefined();
  });

  it("reads a date of the question's topic words, rarest first", () => {
    const rare = (u: string) => (u === "sso" ? 3 : 1);
    expect(expectedType(["sso", "_when", "chinh", "thuc"], rare)).toEqual({ kind: "date", topic: ["sso", "chinh", "thuc"] });
  });
});

describe("supplies", () => {
  it("needs a count next to the counted word, not a date or the question's own number", () => {
    const type = { kind: "count" as const, noun: "taikhoan" };
    expect(supplies(type, entry(["tao", "taikhoan", "han", "10/6", "2025"]), new Set())).toBe("no");
    expect(supplies(type, entry(["tao", "1200", "taikhoan"]), new Set())).toBe("given");
    expect(supplies(type, entry(["1022", "taikhoan"]), new Set(["1022"]))).toBe("no");
  });

  it("marks an entry whose own questions ask the same count but whose text gives none as only asking it", () => {
    expect(supplies({ kind: "count", noun: "taikhoan" }, entry(["khong", "so", "lieu", "taikhoan"], [["_howmany", "taikhoan", "email"]]), new Set())).toBe("asked");
  });

  it("needs an address for a domain question", () => {
    expect(expectedType(["duoi", "mail"], () => 1, "duoi mail cong vu moi la gi", "đuôi mail công vụ mới là gì")).toEqual({ kind: "domain", mail: true });
    expect(supplies({ kind: "domain", mail: false }, entry([], [], [], "Cổng: tongdai1022.tphcm.gov.vn"), new Set())).toBe("given");
    expect(supplies({ kind: "domain", mail: true }, entry([], [], [], "Cổng: tongdai1022.tphcm.gov.vn"), new Set())).toBe("no");
  });

  it("needs a date said of X, not the date of the article that mentions X", () => {
    const type = { kind: "date" as const, topic: ["sso"] };
    expect(supplies(type, entry(["theo", "bai", "viet", "ngay", "17/5", "2025", "buoc", "tiep", "sso"]), new Set())).toBe("no");
    expect(supplies(type, entry(["sso", "chinh", "thuc", "tu", "thang", "9"]), new Set())).toBe("given");
    expect(supplies(type, entry(["sso"], [], [["sso", "trien", "khai"]]), new Set())).toBe("given");
  });
});

describe("expected answer types in the search", () => {
  it.each(["SSO khi nào chạy chính thức", "sso va hop khong giay khi nao co"])("refuses %j: the entry names SSO but gives it no date", (q) => {
    expect(kb.search(q).decision).toBe("none");
  });

  it("answers a count question only from an entry that has the count, or shows the one saying none is published as unanswered", async () => {
    const r = kb.search("đã tạo được bao nhiêu tài khoản email");
    expect(r.best?.entry.id).toBe("email-stats-unknown");
    expect(r.best?.unsupplied).toBe(true);
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    const text = (await app.assistant.handle(textFrom("u1", "đã tạo được bao nhiêu tài khoản email"))).map((x) => toPlain(x.text)).join("\n");
    expect(text).toContain("không có số liệu");
    expect((await app.store.questions.days("2026-12-01", "2026-12-01"))[0]?.answered ?? 0).toBe(0);
    // The network entries that give the count of connection points (569) answer it.
    const network = kb.search("how many points does the specialised data network connect").best?.entry;
    expect(["network", "network-speed"]).toContain(network?.id);
    expect(network?.answerEn ?? "").toContain("569");
  });

  it("keeps answering a dated question about the same thing", () => {
    expect(kb.search("Khi nào hệ thống quản lý văn bản vận hành chính thức?").decision).not.toBe("none");
  });

  it("reads a follow-up's expected type from the follow-up, not from the previous question", async () => {
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    await app.assistant.handle(textFrom("u1", "How many phases does the joint plan have?"));
    const text = (await app.assistant.handle(textFrom("u1", "and what is it legally based on?"))).map((r) => toPlain(r.text)).join("\n");
    expect(text).toContain("759");
  });

  it("refuses through the console, as not answered", async () => {
    const { out } = await runCliCaptured(["ask", "--json", "--now", "2026-12-01"], { input: "SSO khi nào chạy chính thức\n" });
    expect(JSON.parse(out.trim())).toMatchObject({ answered: false, entryId: null });
  });
});

describe("the web address of a portal", () => {
  it("is asked of a portal or a web page, never of a trade union or a state ('tình trạng')", () => {
    expect(valueAsked("cong dich vu cong dia chi la gi")?.kind).toBe("domain");
    expect(valueAsked("dia chi trang thong tin dien tu o dau")?.kind).toBe("domain");
    expect(valueAsked("dia chi cong doan phuong o dau")?.kind).not.toBe("domain");
    expect(valueAsked("tinh trang dia chi tru so phuong moi")?.kind).not.toBe("domain");
  });
});

describe("a span of time written in a sentence", () => {
  it("is a count of days, months or years, never the day, month or weekday of a date", () => {
    expect(writesSpan("dùng song song 3 tháng")).toBe(true);
    expect(writesSpan("trả lời trong 24 giờ")).toBe(true);
    expect(writesSpan("within 3 days")).toBe(true);
    expect(writesSpan("vào tháng 5 năm nay")).toBe(false);
    expect(writesSpan("ngày 15 tháng 6")).toBe(false);
    expect(writesSpan("thứ năm ngày 12/6")).toBe(false);
  });
});
