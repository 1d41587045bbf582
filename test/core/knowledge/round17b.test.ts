import { describe, expect, it } from "vitest";
import { datedClauses } from "../../../src/core/knowledge/day-count.js";
import { askEachAlone } from "../../helpers/knowledge.js";

const NOW = "2026-12-03T09:00:00+07:00";

describe("days since a deadline the question writes", () => {
  it("counts to the entry's own day written in the question", async () => {
    const [a, b, c] = await askEachAlone(
      NOW,
      "hạn gửi danh sách cán bộ 10/5 cách đây mấy ngày",
      "tạo tài khoản thư công vụ hạn 10/6 tới nay đã qua mấy ngày",
      "hạn tạo mail 10/6 còn bao nhiêu ngày",
    );
    expect(a).toContain("572 ngày");
    expect(b).toContain("541 ngày");
    expect(c).toContain("541 ngày");
  });
});

describe("days since the merger", () => {
  it("reads a bracket closed before a day as part of its clause", () => {
    const [, second] = datedClauses("Ngày 12/06/2025, Quốc hội thông qua; chính quyền TP.HCM mới (gồm cả Bình Dương, Bà Rịa - Vũng Tàu) chính thức hoạt động từ 01/07/2025.");
    expect(second?.before).toBe("chính quyền TP.HCM mới (gồm cả Bình Dương, Bà Rịa - Vũng Tàu) chính thức hoạt động từ");
  });

  it("picks the day the entry's questions about the topic ask, in either language", async () => {
    const [a, b, c] = await askEachAlone(
      NOW,
      "hợp nhất tới nay đã qua bao nhiêu ngày",
      "chính quyền thành phố mới hoạt động được mấy ngày rồi",
      "how many days have passed since the new city government began operating",
    );
    expect(a).toContain("520 ngày");
    expect(b).toContain("520 ngày");
    expect(c).toContain("520 days");
  });
});
