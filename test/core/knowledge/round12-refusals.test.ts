import { describe, expect, it } from "vitest";
import { valueAsked } from "../../../src/core/knowledge/answer-type.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { fold } from "../../../src/core/fold.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith as answeredBy } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);

/** The entry a question is answered with (see test/helpers/knowledge.ts), or undefined when it stays unanswered. */
const answeredWith = (q: string) => answeredBy(kb, q);

/** Asserts each question stays unanswered (refused, or shown only to say what is asked is not known). */
const refusesAll = (questions: readonly string[]) => {
  for (const q of questions) expect(answeredWith(q), q).toBeUndefined();
};

describe("the items of a list of N, which an entry must set out", () => {
  it("reads 'liệt kê 5 kênh', '5 kênh nào', 'list the five channels', but not a date, a month or a phase", () => {
    for (const q of ["liệt kê hết 5 kênh của 1022", "1022 có 5 kênh tiếp nhận nào", "list the five 1022 channels", "what are the 5 channels of 1022"]) {
      expect(valueAsked(fold(q))?.kind, q).toBe("items");
    }
    for (const q of ["1/9 co gi chinh thuc chay", "qlvb moc 15/8 la gi", "he thong 1022 thang 6 lam gi", "Đặc khu duy nhất của TP.HCM mới tên là gì", "sau khi thử nghiệm bước tiếp theo là gì"]) {
      expect(valueAsked(fold(q))?.kind, q).not.toBe("items");
    }
  });

  it("leaves unanswered the five 1022 channels, of which the sources give three", () => {
    refusesAll(["1022 co du 5 kenh nao, liet ke giup e", "kể tên 5 kênh tiếp nhận của 1022", "1022 có 5 kênh tiếp nhận nào", "What are the 5 channels of 1022?"]);
  });

  it("still answers how residents reach 1022", () => {
    expect(answeredWith("Người dân liên hệ 1022 bằng cách nào?")).toBe("hotline-1022-how-to-reach");
    expect(answeredWith("How can residents reach 1022?")).toBe("hotline-1022-how-to-reach");
  });
});

describe("the account to log in with, which an entry must name for that system", () => {
  it("reads 'đăng nhập bằng tài khoản gì', 'dùng tk nào', 'which account', 'log in with'", () => {
    for (const q of ["đăng nhập bằng tài khoản gì", "dùng tk nào để vào", "which account do I use", "how do I log in with it"]) expect(valueAsked(fold(q))?.kind, q).toBe("account");
  });

  it("leaves unanswered the login of the Party congress reporting system (the entry's account is an e-mail one)", () => {
    refusesAll([
      "he thong bao cao dai hoi dang nhap bang tk gi",
      "hệ thống báo cáo đại hội đăng nhập bằng tài khoản nào",
      "Which account do I use to log in to the Party congress reporting system?",
    ]);
  });

  it("still answers the Công dân số app's login: a VNeID account", () => {
    for (const q of ["app công dân số đăng nhập bằng tài khoản gì", "Công dân số TPHCM đăng nhập bằng tài khoản nào"]) expect(answeredWith(q), q).toBe("cong-dan-so-app");
  });
});

describe("who is on duty, which a holiday's dates do not say", () => {
  it("reads 'có phải trực không', 'trực mấy ngày', 'on duty', but not 'trực tuyến' or 'trực tiếp'", () => {
    for (const q of ["tết cb phường có phải trực không", "trực mấy ngày", "lịch trực tết", "are ward staff on duty over Tet"]) expect(valueAsked(fold(q))?.kind, q).toBe("duty");
    for (const q of ["họp trực tuyến thế nào", "nộp trực tiếp ở đâu"]) expect(valueAsked(fold(q))?.kind, q).not.toBe("duty");
  });

  it("leaves unanswered whether ward staff work through Tết 2026", () => {
    refusesAll(["tet 2026 cb phuong co phai truc k, truc may ngay", "Tết Bính Ngọ cán bộ phường có lịch trực không", "Are ward officials on duty during Tet 2026?"]);
  });

  it("still answers when Tết 2026 is", () => {
    expect(answeredWith("tết bính ngọ cbcc nghỉ từ ngày nào tới ngày nào")).toBeDefined();
  });
});

describe("a name, which a sentence that only describes the thing does not give", () => {
  it("leaves unanswered the name of the new administrative-procedure system", () => {
    refusesAll([
      "he thong giai quyet tthc moi ten la gi",
      "hệ thống giải quyết thủ tục hành chính mới có tên gọi là gì",
      "What is the new administrative procedures system called?",
    ]);
  });

  it("still answers a name the entry gives", () => {
    expect(answeredWith("Đặc khu duy nhất của TP.HCM mới tên là gì?")).toBe("merger-special-zone");
  });
});
