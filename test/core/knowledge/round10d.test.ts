import { describe, expect, it } from "vitest";
import { expectedType, type ExpectedType, isNotStated, opensAsAbsent, supplies, valueAsked, type EntryUnits } from "../../../src/core/knowledge/answer-type.js";
import { bestWindow, createKnowledge } from "../../../src/core/knowledge/search.js";
import type { SearchResult } from "../../../src/core/knowledge/types.js";
import { fold } from "../../../src/core/fold.js";
import { realContent } from "../../helpers/app.js";

const content = await realContent();
const kb = createKnowledge(content);

/** An entry made of answer sentences as written (units are their folded words). */
const entryOf = (...sentences: string[]): EntryUnits => {
  const each = sentences.map((text) => ({ units: fold(text).split(" "), notStated: isNotStated(fold(text)), folded: fold(text), raw: text }));
  return { text: each.flatMap((s) => s.units), raw: sentences.join(" "), questions: [], milestones: [], sentences: each };
};
const unitsOf = (q: string) => new Set(fold(q).split(" "));

/** The entry a question is answered with: not refused, nor shown only to say the sources are silent. */
const answeredWith = (q: string) => {
  const r = kb.search(q);
  return r.decision !== "none" && r.best !== undefined && r.best.unsupplied !== true ? r.best.entry.id : undefined;
};
/** The entry shown for a question, answered or not. */
const shown = (q: string) => {
  const r = kb.search(q);
  return r.decision === "none" ? undefined : r.best?.entry.id;
};

describe("a link asked needs a link", () => {
  it("reads 'link … là gì' as asking a web address, and a download link as asking an app", () => {
    expect(valueAsked(fold("cho mình xin link hệ thống báo cáo"))).toEqual({ kind: "domain", mail: false });
    expect(valueAsked(fold("đường dẫn trang đăng ký là gì"))).toEqual({ kind: "domain", mail: false });
    expect(valueAsked(fold("link tải app chính quyền số ở đâu"))?.kind).toBe("app");
  });

  it("is not supplied by an entry that gives no address", () => {
    const type = { kind: "domain", mail: false } as const;
    expect(supplies(type, entryOf("Các hệ thống gồm văn bản điều hành, báo cáo Nghị quyết 57."), unitsOf("link he thong bao cao"))).toBe("no");
    expect(supplies(type, entryOf("Cổng 1022 ở địa chỉ 1022.tphcm.gov.vn."), unitsOf("link cong 1022"))).toBe("given");
  });

  it("leaves a link the sources do not give unanswered", () => {
    expect(answeredWith("cho mình xin link hệ thống báo cáo nghị quyết 57")).toBeUndefined();
  });
});

describe("a document number asked needs the number of that document", () => {
  const weight = (u: string) => (["chien", "luoc", "du", "lieu", "ke", "hoach"].includes(u) ? 4 : 1);
  const type = { kind: "number", named: true } as const;

  it("is not given by the numbers of other documents in an entry that never names the one asked", () => {
    const legal = entryOf("Kế hoạch được ban hành dựa trên Nghị quyết 60-NQ/TW và Quyết định 759/QĐ-TTg.");
    expect(supplies(type, legal, unitsOf("chien luoc du lieu ban hanh theo quyet dinh so may"), weight)).toBe("no");
    expect(supplies(type, legal, unitsOf("ke hoach ban hanh theo quyet dinh so may"), weight)).toBe("given");
  });

  it("refuses the decision number of a document the plan does not cover", () => {
    expect(answeredWith("quyết định ban hành chiến lược dữ liệu của thành phố là số mấy")).toBeUndefined();
  });
});

describe("a telephone number asked of one merged province", () => {
  it("must be said of that province, not of the other one named in the same entry", () => {
    const entry = entryOf("Trước hợp nhất, bd có đường dây 1022 riêng, bấm 0274.1022.", "Chưa rõ ngày chuyển đổi cho bd và brvt.");
    expect(supplies({ kind: "phone" }, entry, unitsOf("1022 brvt truoc so may"))).toBe("no");
    expect(supplies({ kind: "phone" }, entry, unitsOf("1022 bd truoc so may"))).toBe("given");
  });

  it("is refused for Bà Rịa - Vũng Tàu's old line, whose number the sources do not give", () => {
    expect(answeredWith("số tổng đài 1022 cũ của Bà Rịa - Vũng Tàu trước hợp nhất là số nào")).toBeUndefined();
  });
});

describe("a date asked of a thing a rare phrase names", () => {
  it("names the thing by its rarest word when that word makes a phrase the index knows", () => {
    const rare = (u: string) => (u === "giay" ? 4.4 : 1);
    const known = (p: string) => p === "hop giay";
    const type = expectedType(["hop", "giay", "trien", "khai", "_when"], rare, "hop khong giay trien khai khi nao", "", known);
    expect(type).toMatchObject({ kind: "date", subject: "giay" });
    // The same rare word in no phrase the index knows is the asker's own wording.
    expect(expectedType(["hop", "giay", "trien", "khai", "_when"], rare, "", "", () => false)).not.toHaveProperty("subject");
  });

  it("is not supplied by a date of something else in an entry that never speaks of the thing", () => {
    const entry = entryOf("Hệ thống quản lý văn bản phải được triển khai cho các sở trước ngày 15/8 năm 2025.");
    const type: ExpectedType = { kind: "date", topic: ["giay", "hop", "trien", "khai"], subject: "giay" };
    expect(supplies(type, entry, unitsOf("hop giay trien khai"))).toBe("no");
    expect(supplies({ kind: "date", topic: ["trien", "khai"] }, entry, unitsOf("trien khai"))).toBe("given");
  });

  it("refuses when paperless meetings reach the departments, and still dates document management", () => {
    expect(answeredWith("khi nào họp không giấy được triển khai cho các sở ngành")).toBeUndefined();
    expect(answeredWith("QLVB phải triển khai cho các sở ban ngành trước ngày nào")).toBe("document-management-rollout");
  });
});

describe("an entry that opens by saying the sources are silent", () => {
  const weight = () => 1;

  it("stays unanswered when a later sentence speaks of something else, however many words it shares", () => {
    const weight = (u: string) => (u === "chuyen" ? 3 : 1);
    const entry = entryOf(
      "Kế hoạch không nói việc chuyển thư cũ sang hộp thư mới.",
      "Cán bộ dùng song song hai tài khoản trong 3 tháng trước khi tài khoản cũ kết thúc.",
    );
    expect(opensAsAbsent(entry, ["sau", "3", "thang", "tai", "khoan", "cu", "ket", "thuc", "chuyen", "thu", "moi"], weight)).toBe(true);
  });

  it("is answered when a later sentence states more of the same thing", () => {
    const entry = entryOf("Kế hoạch không nêu tỷ lệ cán bộ dùng thư.", "Theo báo cáo năm 2024, 95 % cán bộ dùng thư công vụ.");
    expect(opensAsAbsent(entry, ["ty", "le", "can", "bo", "dung", "thu", "cong", "vu"], weight)).toBe(false);
  });

  it("shows the old-mail entry for a question about moving old mail, but leaves it unanswered", () => {
    const q = "sau 3 tháng tài khoản cũ kết thúc thì thư cũ có được chuyển sang tài khoản mới ko";
    expect(shown(q)).toBe("email-old-mail-migration");
    expect(answeredWith(q)).toBeUndefined();
  });
});

describe("windows of a long message", () => {
  /** The texts a long message is searched by (every search refused, so every window is tried). */
  const windowsOf = (message: string) => {
    const seen: string[] = [];
    bestWindow(message, (text): SearchResult => {
      seen.push(text);
      return { decision: "none", suggestions: [], folded: fold(text), units: fold(text).split(" ") };
    }, false);
    return seen;
  };

  it("never searches a greeting, thanks or the asker's introduction alone", () => {
    const seen = windowsOf("Chào bạn, mình là cán bộ phường Bến Thành. Hệ thống mới chạy chính thức từ ngày nào vậy, có cần đăng ký trước không? Cảm ơn bạn.");
    expect(seen).not.toContain("mình là cán bộ phường Bến Thành");
    expect(seen).not.toContain("Chào bạn mình là cán bộ phường Bến Thành");
    expect(seen).not.toContain("Cảm ơn bạn");
    expect(seen).toContain("Hệ thống mới chạy chính thức từ ngày nào vậy");
  });

  it("searches a clause opening with a conjunction only with the clause before it", () => {
    const seen = windowsOf("Does the joint plan say how the systems of the two provinces are merged, and on what schedule? Thanks in advance.");
    expect(seen).not.toContain("and on what schedule");
    expect(seen).toContain("Does the joint plan say how the systems of the two provinces are merged and on what schedule");
  });

  it("does not answer a long message by its context or by a trailing fragment", () => {
    expect(answeredWith("Chào bạn, mình là cán bộ đặc khu Côn Đảo. Mạng ra đảo hay rớt. Kế hoạch có phương án đường truyền vệ tinh dự phòng riêng cho đảo không, và ai lo việc đó?")).toBeUndefined();
    expect(answeredWith("Hello, I'm writing a note for guests from Dong Nai province. Does the plan cover how Dong Nai's systems join in, and on what schedule? Many thanks.")).toBeUndefined();
  });
});
