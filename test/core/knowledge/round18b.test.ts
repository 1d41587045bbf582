import { describe, expect, it } from "vitest";
import { pastDayIn } from "../../../src/core/knowledge/calendar-question.js";
import { betweenPhrases } from "../../../src/core/knowledge/day-count.js";
import { asksTopicWebsite, substituteSlot } from "../../../src/core/knowledge/follow-up.js";
import { fold } from "../../../src/core/fold.js";
import { askEachAlone, followUpAnswer } from "../../helpers/knowledge.js";

const NOW = "2026-12-04T09:00:00+07:00";
const TODAY = "2026-12-04";
const KNOWN = ["2025-05-10", "2025-06-10", "2025-06-15", "2025-08-15", "2025-09-01"];

describe("a count from a day the question writes up to today", () => {
  it("reads 'đc bn ngày' as the asking words and a side starting with today as today", () => {
    expect(betweenPhrases("chinh quyen moi chay tu 1/7 toi gio dc bn ngay roi")).toEqual(["1/7", "gio"]);
    expect(betweenPhrases("tu 1/7 den nay sap nhap duoc may ngay roi")).toEqual(["1/7", "nay"]);
  });

  it("takes a yearless start day as one already come: the plan's year for a plan event, else the latest", () => {
    expect(pastDayIn("1/7", "chinh quyen moi chay tu 1/7 toi gio", TODAY, KNOWN)).toBe("2025-07-01");
    expect(pastDayIn("1/7", "tu 1/7 toi gio", TODAY, KNOWN)).toBe("2026-07-01");
    expect(pastDayIn("1/7/2025", "tu 1/7/2025 toi gio", TODAY, KNOWN)).toBe("2025-07-01");
    expect(pastDayIn("10/6", "tu 10/6 toi gio", TODAY, KNOWN)).toBe("2025-06-10");
  });

  it("counts the days from that day to today", async () => {
    const [a, b] = await askEachAlone(NOW, "chính quyền mới chạy từ 1/7 tới giờ đc bn ngày rồi", "từ 1/7 đến nay sáp nhập được mấy ngày rồi");
    expect(a).toContain("521 ngày");
    expect(b).toContain("521 ngày");
  });
});

describe("English questions on what the plan schedules and on the provinces' resolution", () => {
  it("reads 'supposed to happen' as no topic: the plan's step of that month, not the pilots that did happen", async () => {
    const [a, b] = await askEachAlone(NOW, "what is supposed to happen in June 2025 for the 1022 system?", "what is expected to happen in phase 2?");
    expect(a).toMatch(/survey/);
    expect(a).not.toContain("Tan Binh");
    expect(b).toMatch(/phase 2/i);
  });

  it("answers the provinces' resolution with Resolution 202 of 12 June 2025, the communes' with 1685", async () => {
    const [a, b] = await askEachAlone(NOW, "When did the National Assembly pass the resolution reorganising the provinces?", "Which resolution reorganised the communes?");
    expect(a).toContain("12 June 2025");
    expect(a).toContain("202/2025/QH15");
    expect(b).toContain("1685");
  });
});

describe("follow-ups", () => {
  it("swaps the level of the reorganisation: the provinces' resolution, then the communes'", async () => {
    expect(substituteSlot(fold("which resolution reorganised the provinces"), fold("the commune-level one"))).toBe("which resolution reorganised the commune level");
    expect(await followUpAnswer("Which resolution reorganised the provinces?", "and the commune-level one?", NOW)).toContain("1685");
    expect(await followUpAnswer("Which resolution reorganised the communes?", "and the provincial one?", NOW)).toContain("202/2025/QH15");
  });

  it("reads a word for a website as the previous topic's own website when its answer gives a web address", async () => {
    expect(asksTopicWebsite(fold("còn web thì sao"), "… hoặc vào https://1022.tphcm.gov.vn.")).toBe(true);
    expect(asksTopicWebsite(fold("and the website?"), "tongdai1022.tphcm.gov.vn")).toBe(true);
    expect(asksTopicWebsite(fold("còn cổng thông tin điện tử thì sao"), "https://1022.tphcm.gov.vn")).toBe(false);
    expect(asksTopicWebsite(fold("còn web thì sao"), "Hạn trước ngày 15/08/2025.")).toBe(false);
    for (const q of ["còn web thì sao", "còn trang web?"]) expect(await followUpAnswer("1022 có app trên điện thoại không", q, NOW), q).toContain("1022.tphcm.gov.vn");
  });

  it("names the two provinces' offices as Provincial Party Committee Offices in English", async () => {
    const a = await followUpAnswer("Which Party systems are on the shared roadmap with the City Party Committee Office?", "who proposes this and to whom?", NOW);
    expect(a).toContain("Provincial Party Committee Offices of Binh Duong and Ba Ria - Vung Tau");
    expect(a).toContain("Central Party Office");
  });
});

describe("older sets' follow-ups", () => {
  it("swaps the trial's count: the simultaneous run of 102 wards was on 12 June 2025", async () => {
    expect(await followUpAnswer("chạy thử đồng loạt 168 phường xã ngày nào", "còn 102 phường xã?", NOW)).toContain("12/06/2025");
  });

  it("asks how long of Binh Duong's old e-mail after what happens to it", async () => {
    expect(await followUpAnswer("What happens to the e-mail accounts of Binh Duong staff?", "how long?", NOW)).toContain("3 months");
  });
});
