import { describe, expect, it } from "vitest";
import { checkClaim, claimLines, readClaim } from "../../../src/core/knowledge/claim-check.js";
import { fold } from "../../../src/core/fold.js";
import { realContent } from "../../helpers/app.js";
import { askEachAlone } from "../../helpers/knowledge.js";

const content = await realContent();
const milestone = (id: string) => content.milestones.find((m) => m.id === id)!;
const NOW = "2026-12-03T09:00:00+07:00";

describe("readClaim: a stated day or month asked yes or no, or a choice of two", () => {
  it("reads one stated day or month put as a yes/no question, in Vietnamese, unaccented and English", () => {
    for (const q of ["có phải QLVB vận hành chính thức từ 1/10 không", "1022 chay chinh thuc 1/9 dung ko", "thư điện tử tạo xong trước 10/7 hả", "gd1 xong thang 8/2025 phai khong", "Is the document system pilot due on 15 July?"]) {
      const claim = readClaim(fold(q));
      expect(claim?.stated.length, q).toBe(1);
      expect(claim?.choice, q).toBe(false);
    }
  });

  it("reads two times joined by 'hay' or 'or' as a choice", () => {
    const claim = readClaim(fold("hạn gửi danh sách email là 10/5 hay 10/6 vậy"));
    expect(claim?.choice).toBe(true);
    expect(claim?.stated.map((s) => s.written)).toEqual(["10/5", "10/6"]);
    expect(readClaim(fold("is the 1022 go-live 1 August or 1 September"))?.choice).toBe(true);
  });

  it("leaves questions that ask something else of the time, or state no claim", () => {
    for (const q of [
      "hạn thử nghiệm qlvb 15/6 rơi vào thứ bảy hả",
      "danh sách gửi trước 10/5 phải không, gửi cho ai",
      "từ 1/9 tới nay bao nhiêu ngày rồi",
      "1022 chạy chính thức khi nào",
      "mốc 15/8 là gì",
      "Was the 10 May deadline on a weekend?",
    ]) {
      expect(readClaim(fold(q)), q).toBeUndefined();
    }
  });
});

describe("checkClaim and claimLines: the stated time against the deadline", () => {
  it("says a right day is right, with the plan's day", () => {
    const m = milestone("hotline-1022-official");
    const checked = checkClaim(readClaim(fold("1022 chạy chính thức 1/9 đúng không"))!.stated, m.dueParsed, "vi");
    expect(checked[0]!.right).toBe(true);
    expect(claimLines({ label: m.title, due: m.dueParsed }, checked, false, "vi")[0]).toBe(`Đúng, hạn “${m.title}” là 01/09/2025.`);
  });

  it("corrects a wrong day in either language, and names what the wrong day is the deadline of", () => {
    const m = milestone("email-lists");
    const checked = checkClaim(readClaim(fold("email list due 10 June, right"))!.stated, m.dueParsed, "en");
    const text = claimLines({ label: m.titleEn!, due: m.dueParsed }, checked, false, "en", (day) => (day === "2025-06-10" ? "Create e-mail accounts" : undefined));
    expect(text).toEqual([`No, the deadline for “${m.titleEn}” is 10 May 2025, not 10 June 2025.`, "10 June 2025 is the deadline for “Create e-mail accounts”."]);
  });

  it("checks a month against a deadline given to the month, and a span of months", () => {
    const phase2 = milestone("commune-it-model");
    expect(checkClaim(readClaim(fold("gđ2 xong tháng 12 hả"))!.stated, phase2.dueParsed, "vi")[0]!.right).toBe(true);
    expect(checkClaim(readClaim(fold("gđ2 xong tháng 3/2026 hả"))!.stated, phase2.dueParsed, "vi")[0]!.right).toBe(false);
    expect(checkClaim(readClaim(fold("chữ ký số xong tháng 7 phải không"))!.stated, milestone("digital-signature").dueParsed, "vi")[0]!.right).toBe(true);
  });

  it("answers a choice with the one that is right, or neither", () => {
    const m = milestone("document-management-rollout");
    const pick = (q: string) => claimLines({ label: m.title, due: m.dueParsed }, checkClaim(readClaim(fold(q))!.stated, m.dueParsed, "vi"), true, "vi")[0];
    expect(pick("triển khai qlvb toàn bộ trước 15/8 hay 1/9")).toBe(`Hạn “${m.title}” là 15/08/2025, không phải 01/09/2025.`);
    expect(pick("triển khai qlvb toàn bộ trước 15/7 hay 1/9")).toMatch(/^Không phải cả hai: hạn “.+” là 15\/08\/2025\.$/);
  });
});

describe("claim checks through the assistant", () => {
  it("confirms or corrects the day of the one system's deadline the words name, citing the plan", async () => {
    const [wrong, right, en] = await askEachAlone(NOW, "có phải QLVB chạy chính thức từ 1/10 không", "thử nghiệm qlvb trước 15/6 đúng hok", "Is the 1022 hotline live from 1 October?");
    expect(wrong).toMatch(/^Không, hạn “Vận hành chính thức hệ thống quản lý văn bản.*” là 01\/09\/2025, không phải 01\/10\/2025\./);
    expect(wrong).toMatch(/Nguồn:/);
    expect(right).toMatch(/^Đúng, hạn “Thử nghiệm hệ thống quản lý văn bản.*” là 15\/06\/2025\./);
    expect(en).toMatch(/^No, the deadline for “1022 hotline in official operation” is 1 September 2025, not 1 October 2025\./);
  });

  it("checks a month stated for a phase against the phase's last deadline", async () => {
    const [phase] = await askEachAlone(NOW, "giai đoạn 2 hoàn thành tháng 3/2026 phải không");
    expect(phase).toMatch(/^Không, hạn dự kiến hoàn thành giai đoạn 2 là tháng 12\/2025, không phải tháng 3\/2026\./);
  });
});
