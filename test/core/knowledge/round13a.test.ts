import { describe, expect, it } from "vitest";
import { readLongMessage } from "../../../src/core/knowledge/long-message.js";
import { askEachAlone } from "../../helpers/knowledge.js";

const NOW = "2026-12-02T09:00:00+07:00";
const askEach = (...questions: string[]) => askEachAlone(NOW, ...questions);

describe("two short questions in one message, each ending with '?'", () => {
  it("reads them as two questions", () => {
    expect(readLongMessage("mail công vụ tạo khi nào? còn 1022 chạy chính thức khi nào?")?.parts).toEqual(["mail công vụ tạo khi nào", "còn 1022 chạy chính thức khi nào"]);
  });

  it("answers both", async () => {
    const [who, pilot] = await askEach("Kế hoạch liên tịch do ai ban hành? Có mấy giai đoạn?", "hệ thống quản lý văn bản thử nghiệm khi nào? còn vận hành chính thức khi nào?");
    expect(who).toContain("Sở KH&CN");
    expect(who).toContain("hai giai đoạn");
    expect(pilot).toContain("15/06/2025");
    expect(pilot).toContain("01/09/2025");
  });

  it("answers a later question of the same entry together with the first (a day count)", async () => {
    const [count] = await askEach("hệ thống 1022 vận hành chính thức ngày nào? tính đến nay được bao nhiêu ngày rồi?");
    expect(count).toContain("457 ngày");
  });
});
