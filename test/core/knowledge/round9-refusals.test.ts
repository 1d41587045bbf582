import { describe, expect, it } from "vitest";
import { type EntryUnits, isNotStated, supplies, valueAsked } from "../../../src/core/knowledge/answer-type.js";
import { findEntities } from "../../../src/core/knowledge/entities.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { fold } from "../../../src/core/fold.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith as answeredBy } from "../../helpers/knowledge.js";
import { runCliCaptured } from "../../helpers/cli.js";

const content = await realContent();
const kb = createKnowledge(content);

/** An entry made of answer sentences as written, each with the units given (folded words when none are given). */
const entryOf = (...sentences: { text: string; units?: string[] }[]): EntryUnits => {
  const each = sentences.map((s) => ({ units: s.units ?? fold(s.text).split(" "), notStated: isNotStated(fold(s.text)), folded: fold(s.text), raw: s.text }));
  return { text: each.flatMap((s) => s.units), raw: sentences.map((s) => s.text).join(" "), questions: [], milestones: [], sentences: each };
};

/** The entry a question is answered with (see test/helpers/knowledge.ts), and whether it is answered at all. */
const answeredWith = (q: string) => answeredBy(kb, q);
const answers = (q: string) => answeredBy(kb, q) !== undefined;

describe("a share asked", () => {
  it("reads 'bao nhiêu %', 'mấy phần trăm' and 'what percentage' as asking a share", () => {
    for (const q of ["bao nhiêu % hoàn thành", "giai đoạn 1 xong được mấy phần trăm", "bn% cơ quan dùng mail", "What percentage of units finished?"]) {
      expect(valueAsked(fold(q), q)?.kind, q).toBe("percent");
    }
    expect(valueAsked(fold("bao nhiêu phường hoàn thành"), "bao nhiêu phường hoàn thành")?.kind).not.toBe("percent");
  });

  it("is supplied only by a sentence giving a share of the thing asked", () => {
    const percent = { kind: "percent" } as const;
    const weight = () => 1;
    expect(supplies(percent, entryOf({ text: "Giai đoạn 1 hầu hết hoàn thành trước thời điểm sáp nhập." }), new Set(["hoan", "thanh"]), weight)).toBe("no");
    expect(supplies(percent, entryOf({ text: "Khi đó 100% cơ quan nhà nước dùng thư công vụ." }), new Set(["hoan", "thanh", "giaidoan"]), weight)).toBe("no");
    expect(supplies(percent, entryOf({ text: "Khi đó 100% cơ quan nhà nước dùng thư công vụ." }), new Set(["co", "quan", "thu"]), weight)).toBe("given");
    expect(supplies(percent, entryOf({ text: "Kế hoạch không nêu tỷ lệ hoàn thành." }), new Set(["hoan", "thanh"]), weight)).toBe("asked");
  });

  it("refuses a share the sources do not give, and still answers one they give", () => {
    expect(answers("tỷ lệ hoàn thành giai đoạn 1 là bao nhiêu %")).toBe(false);
    expect(answers("đến cuối năm kế hoạch hoàn thành được mấy phần trăm")).toBe(false);
    expect(answers("What percentage of the plan was completed by the end of 2025?")).toBe(false);
    expect(answeredWith("bao nhiêu phần trăm người dùng zalo mỗi ngày")).toBe("zalo-reach");
  });
});

describe("a count next to a number that counts something else", () => {
  const count = { kind: "count", noun: "trang" } as const;
  it("does not take a month, a phase or an ordinal for a count", () => {
    expect(supplies(count, entryOf({ text: "trang hoàn thành trong tháng 5 đến tháng 8" }), new Set())).toBe("no");
    expect(supplies(count, entryOf({ text: "trang triển khai ở giai đoạn 2" }), new Set())).toBe("no");
    expect(supplies(count, entryOf({ text: "có 12 trang thành phần" }), new Set())).toBe("given");
  });

  it("does not take the count of provinces or of months, nor a word that folds like a number, for a count of the noun", () => {
    expect(supplies(count, entryOf({ text: "trang cũ của hai tỉnh" }), new Set())).toBe("no");
    expect(supplies(count, entryOf({ text: "người dân quan tâm trang này" }), new Set())).toBe("no");
    expect(supplies(count, entryOf({ text: "ba trang mới" }), new Set())).toBe("given");
  });

  it("does not take a share ('100% cơ quan') for a count", () => {
    const agencies = { kind: "count", noun: "co" } as const;
    expect(supplies(agencies, entryOf({ text: "Khi đó 100% cơ quan nhà nước dùng thư công vụ." }), new Set())).toBe("no");
    expect(supplies(agencies, entryOf({ text: "Khi đó 100 cơ quan nhà nước dùng thư công vụ." }), new Set())).toBe("given");
    expect(answers("How many staff does the Digital Transformation Center have?")).toBe(false);
  });

  it("refuses how many websites or officials there are when the entry only dates them or counts provinces", () => {
    expect(answers("tổng cộng có bao nhiêu trang thông tin điện tử thành phần phải chuyển")).toBe(false);
    expect(answers("tp moi co bao nhieu phuong xa")).toBe(true);
  });
});

describe("a count asked of one ward or commune by name", () => {
  it("holds the answer to that ward, and reads 'phương án' as no ward", () => {
    expect(findEntities(fold("xã Long Hải có mấy cán bộ"), "xã Long Hải có mấy cán bộ").places).toContain("long hai");
    expect(findEntities(fold("phuong An Phu co bao nhieu cong chuc"), "phuong An Phu co bao nhieu cong chuc").places).toContain("an phu");
    expect(findEntities(fold("phuong an 1022 thang may"), "phuong an 1022 thang may").places).toEqual([]);
    expect(findEntities(fold("1022 khảo sát phương án tháng mấy"), "1022 khảo sát phương án tháng mấy").places).toEqual([]);
    // "phường xã", "phường mới" name no ward; "số mấy" asks a number, not a count.
    expect(findEntities(fold("phuong xa moi co bao nhieu"), "").places).toEqual([]);
    expect(findEntities(fold("nghi quyet sap xep cap xa cua hcm so may"), "").places).toEqual([]);
  });

  it("refuses the count of one ward's staff, and still answers the plan option of 1022 and the decision number", () => {
    expect(answers("phường Tân Định có bao nhiêu công chức")).toBe(false);
    expect(answers("xã Long Hải có mấy cán bộ")).toBe(false);
    expect(answers("phuong an 1022 thang may")).toBe(true);
    expect(answers("1022 khảo sát phương án tháng mấy")).toBe(true);
  });
});

describe("who signed for one of the issuing bodies", () => {
  it("asks a person, while who signed the plan asks the bodies", () => {
    expect(findEntities(fold("người ký kế hoạch phía Sở KH&CN Bình Dương là ai")).asksPerson).toBe(true);
    expect(findEntities(fold("ai ký thay mặt Trung tâm Chuyển đổi số")).asksPerson).toBe(true);
    expect(findEntities(fold("Who signed the plan for the HCMC Department of Science and Technology?")).asksPerson).toBe(true);
    expect(findEntities(fold("Kế hoạch liên tịch do ai ký?")).asksPerson).toBe(false);
    expect(findEntities(fold("Who signed the joint IT plan for the merger?")).asksPerson).toBe(false);
  });

  it("refuses the person and answers the bodies", () => {
    expect(answers("người ký kế hoạch phía Sở KH&CN Bình Dương là ai")).toBe(false);
    expect(answeredWith("Kế hoạch liên tịch do ai ký?")).toBe("plan-signatories");
    expect(answeredWith("Who signed the joint IT plan for the merger?")).toBe("plan-signatories");
  });
});

describe("an entry written of the other merged province", () => {
  it("does not answer a question about one province with the entry on the other", () => {
    expect(answeredWith("tài khoản email cũ của cán bộ Bà Rịa - Vũng Tàu bao giờ ngừng")).not.toBe("email-parallel-binhduong");
    expect(answeredWith("tk mail cũ bên brvt còn xài được tới khi nào")).not.toBe("email-parallel-binhduong");
    expect(answeredWith("Email cũ của Bình Dương khi nào bị khóa?")).toBe("email-parallel-binhduong");
  });
});

describe("a name or an app of a thing the entry does not speak of", () => {
  it("refuses the name of an agency's account when the entry never names the agency", () => {
    expect(answers("Zalo OA của Sở KH&CN Bình Dương tên gì")).toBe(false);
    expect(answers("tên zalo official account của trung tâm chuyển đổi số là gì")).toBe(false);
    expect(answers("dac khu duy nhat ten gi")).toBe(true);
    expect(answeredWith("1022 tren zalo tim ten gi")).toBe("hotline-1022-how-to-reach");
  });

  it("does not take a preposition ('trên điện thoại') for the thing whose app is asked", () => {
    expect(answers("tải app nền tảng quản lý chính quyền số trên điện thoại ở đâu")).toBe(false);
    expect(answeredWith("tải app 1022 ở đâu")).toBe("hotline-1022-how-to-reach");
  });
});

describe("a telephone number of a thing the entry does not speak of", () => {
  it("refuses an agency's number answered by another line's number, and keeps the old 1022 line of Bình Dương", () => {
    expect(answers("What is the phone number of the Binh Duong DOST?")).toBe(false);
    expect(answers("so dien thoai so khcn binh duong")).toBe(false);
    expect(answeredWith("sđt 1022 bình dương cũ")).toBe("hotline-1022-former-provinces");
  });
});

describe("English questions of price and of the present", () => {
  it("reads 'free to call', 'mất phí' as asking a price, which the 1022 entry does not give", () => {
    expect(valueAsked(fold("Is 1022 free to call?"), "")?.kind).toBe("price");
    expect(valueAsked(fold("gọi 1022 có mất phí không"), "")?.kind).toBe("price");
    expect(answers("Is 1022 free to call?")).toBe(false);
  });

  it("reads 'current' as asking who holds an office now, not who held it at the launch", () => {
    expect(kb.search("Who is the current director of the Digital Transformation Center?").units).toContain("_status");
    expect(answers("Who is the current director of the Digital Transformation Center?")).toBe(false);
    expect(answeredWith("Who was the director of the DTC at its launch?")).toBe("ttcds-launch");
  });
});

describe("paperwork outside the information systems", () => {
  it("refuses seals and letterheads, and does not read a telephone prefix as a seal", () => {
    expect(findEntities(fold("phường mới dùng con dấu mới từ ngày nào")).subjects).toHaveLength(1);
    expect(findEntities(fold("đầu số 0274.1022 còn đầu số cũ không")).subjects).toHaveLength(0);
    expect(answers("phường mới dùng con dấu mới từ ngày nào")).toBe(false);
    expect(answers("ub xã cũ còn đóng dấu cũ được không")).toBe(false);
  });
});

describe("English countdown phrasing", () => {
  it("reads 'days left', 'days are left', 'more days' and 'days remaining' as the countdown, not as topic words", () => {
    for (const q of ["How many days left until the email account deadline?", "How many days are left before the e-mail accounts deadline?", "how many more days until the email accounts deadline", "days remaining until the email account deadline?"]) {
      const r = kb.search(q);
      expect(r.units, q).not.toContain("left");
      expect(r.units.filter((u) => u === "_when"), q).toHaveLength(1);
      expect(answeredWith(q), q).toBe("email-accounts-when");
    }
  });
});

describe("a short question whose words are in dozens of entries", () => {
  it("keeps the entry written for it among the candidates, whatever order the tied entries come in", () => {
    for (const q of ["What is the joint plan about?", "Kế hoạch liên tịch là gì vậy ạ?", "kế hoạch liên tịch là gì"]) expect(answeredWith(q), q).toBe("plan-what");
  });
});

describe("cli ask --json", () => {
  it("refuses each kind of near-topic question the sources do not answer, and answers the in-scope neighbours", async () => {
    const input = [
      "tỷ lệ hoàn thành giai đoạn 1 là bao nhiêu %",
      "bao nhiêu phần trăm người dùng zalo mỗi ngày",
      "phường Tân Định có bao nhiêu công chức",
      "phuong an 1022 thang may",
      "người ký kế hoạch phía Sở KH&CN Bình Dương là ai",
      "Kế hoạch liên tịch do ai ký?",
      "Zalo OA của Sở KH&CN Bình Dương tên gì",
      "phường mới dùng con dấu mới từ ngày nào",
      "tổng cộng có bao nhiêu trang thông tin điện tử thành phần phải chuyển",
    ].join("\n");
    const { out } = await runCliCaptured(["ask", "--json"], { input: `${input}\n` });
    const rows = out.trim().split("\n").map((l) => JSON.parse(l) as { answered: boolean; entryId?: string });
    expect(rows.map((r) => r.answered)).toEqual([false, true, false, true, false, true, false, false, false]);
    expect(rows[1]!.entryId).toBe("zalo-reach");
    expect(rows[5]!.entryId).toBe("plan-signatories");
  });
});
