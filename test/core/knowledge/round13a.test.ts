import { describe, expect, it } from "vitest";
import { asksDayCount, betweenPhrases, chooseMilestone } from "../../../src/core/knowledge/day-count.js";
import { findEntities } from "../../../src/core/knowledge/entities.js";
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

describe("the days between two deadlines the question names", () => {
  it("reads the two things counted between", () => {
    expect(betweenPhrases("tu han thu nghiem qlvb den han trien khai toan bo cach nhau bao nhieu ngay")).toEqual(["han thu nghiem qlvb", "han trien khai toan bo"]);
    expect(betweenPhrases("giua han gui danh sach va han tao tai khoan la may ngay")).toEqual(["han gui danh sach", "han tao tai khoan"]);
    expect(betweenPhrases("tu hom nay den han qlvb chinh thuc con bao nhieu ngay")).toEqual(["hom nay", "han qlvb chinh thuc"]);
    expect(betweenPhrases("tu 30/4 den 1/5 nghi may ngay")).toBeUndefined();
    expect(betweenPhrases("han thu nghiem qlvb la ngay nao")).toBeUndefined();
  });

  it("chooses the milestone sharing most words, ties broken by the whole question", () => {
    const choices = [{ id: "pilot", w: ["qlvb", "thunghiem"] }, { id: "rollout", w: ["qlvb", "trien", "khai"] }, { id: "mail", w: ["email", "trien", "khai"] }];
    expect(chooseMilestone(choices, ["han", "trien", "khai"], ["qlvb", "trien", "khai"], (c) => c.w)?.id).toBe("rollout");
    expect(chooseMilestone(choices, ["han"], ["qlvb"], (c) => c.w)).toBeUndefined();
  });

  it("counts them, naming each deadline", async () => {
    const [lists, pilot, mixed, today] = await askEach(
      "từ hạn gửi danh sách đến hạn tạo tài khoản mail được mấy ngày",
      "từ hạn chạy thử hệ thống quản lý văn bản tới hạn triển khai cho tất cả phường xã cách nhau bao nhiêu ngày",
      "từ hạn tạo tài khoản email (10/6) đến hạn triển khai qlvb cho tất cả phường xã cách nhau bao nhiêu ngày?",
      "từ hôm nay đến hạn qlvb chính thức là bao nhiêu ngày",
    );
    expect(lists).toContain("31 ngày");
    expect(lists).toContain("Gửi danh sách cán bộ");
    expect(pilot).toContain("61 ngày");
    expect(mixed).toContain("66 ngày");
    expect(today).toContain("457 ngày");
  });

  it("reads 'bn ngày' as asking a number of days", async () => {
    expect(asksDayCount("da qua bn ngay roi")).toBe(true);
    const [since] = await askEach("hạn triển khai qlvb cho tất cả phường xã đã qua bn ngày rồi");
    expect(since).toContain("474 ngày");
  });
});

describe("counts and lists asked in chat shorthand", () => {
  it("reads no ward name in 'phường bn xã, mấy đặc khu'", () => {
    expect(findEntities("tp moi co bn phuong bn xa may dac khu").places).toEqual([]);
    expect(findEntities("phuong an phu co bao nhieu can bo").places).toEqual(["an phu"]);
  });

  it("keeps '…, list giúp e với' with the question it asks as a list", () => {
    expect(readLongMessage("kế hoạch này có mấy cơ quan ký, list giúp e với")).toBeUndefined();
    expect(readLongMessage("kế hoạch này có mấy cơ quan ký, liệt kê giúp mình nhé")).toBeUndefined();
  });

  it("answers the counts of units, of signatories, and the special zone's trial", async () => {
    const [units, parties, zone] = await askEach("tp mới có bn phường bn xã, mấy đặc khu", "kế hoạch liên tịch có mấy bên ký", "đặc khu côn đảo có hội nghị truyền hình chưa");
    expect(units).toContain("113 phường");
    expect(parties).toContain("bốn cơ quan");
    expect(zone).toContain("168");
    expect(zone).toContain("25/06/2025");
  });
});

describe("the phase a work belongs to, when asked", () => {
  it("says the phase of the entry's milestones", async () => {
    const [portal, survey, plain] = await askEach(
      "cổng thông tin điện tử TP với các trang thành phần thuộc gđ mấy",
      "khảo sát hiện trạng hnth là việc của giai đoạn nào",
      "cổng thông tin điện tử TP và các trang thành phần hoàn thành khi nào",
    );
    expect(portal).toContain("giai đoạn 1");
    expect(survey).toContain("giai đoạn 1");
    expect(plain).not.toContain("Nội dung này thuộc giai đoạn");
  });
});

describe("a ward or commune introduced by no name", () => {
  it("is read as any ward, so each question of the message is answered", async () => {
    const [both] = await askEach("Chào anh chị, em là văn thư một xã mới thành lập ạ. Cho em hỏi khi nào xã em được triển khai phần mềm quản lý văn bản và khi nào thì chạy chính thức ạ?");
    expect(both).toContain("15/08/2025");
    expect(both).toContain("01/09/2025");
  });
});
