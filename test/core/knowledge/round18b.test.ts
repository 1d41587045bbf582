import { describe, expect, it } from "vitest";
import { pastDayIn } from "../../../src/core/knowledge/calendar-question.js";
import { betweenPhrases } from "../../../src/core/knowledge/day-count.js";
import { askEachAlone } from "../../helpers/knowledge.js";

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
