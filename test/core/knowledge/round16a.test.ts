import { describe, expect, it } from "vitest";
import { parseCalendarQuestion, writesDay, writtenDayMatches, writtenDays } from "../../../src/core/knowledge/calendar-question.js";
import { capital } from "../../../src/core/text.js";
import { betweenPhrases } from "../../../src/core/knowledge/day-count.js";
import { fold } from "../../../src/core/fold.js";
import { askEachAlone, followUpAnswer } from "../../helpers/knowledge.js";

describe("one reader of days written with digits", () => {
  it("reads each day as written, with its year after a slash or dash, the same on every call", () => {
    expect(writtenDays("tu 10/5 den 15-06-2025 nam 2025")).toEqual(["10/5", "15-06-2025"]);
    expect(writtenDayMatches("han 10/5, 10/6").map((m) => [m[0], m.index])).toEqual([["10/5", 4], ["10/6", 10]]);
    expect(writesDay("han 10/5")).toBe(true);
    expect(writesDay("han 10/5")).toBe(true);
    expect(writesDay("nghi quyet 57")).toBe(false);
  });

  it("capitalises a line's first letter only", () => {
    expect(capital("thứ Bảy, 22/08/2026")).toBe("Thứ Bảy, 22/08/2026");
    expect(capital("")).toBe("");
  });
});

const NOW = "2026-12-03T09:00:00+07:00";

describe("days between two things named", () => {
  it("splits 'A với B cách nhau', 'từ A tới B cách bao lâu', and not 'hội nghị' as a break", () => {
    expect(betweenPhrases(fold("mốc thí điểm QLVB với mốc triển khai cho toàn bộ phường xã cách nhau mấy ngày"))).toEqual(["moc thi diem qlvb", "moc trien khai cho toan bo phuong xa"]);
    expect(betweenPhrases(fold("từ hạn xong hội nghị truyền hình tới ngày qlvb chạy chính thức cách bao lâu"))).toEqual(["han xong hoi nghi truyen hinh", "ngay qlvb chay chinh thuc"]);
    expect(betweenPhrases(fold("từ 30/4 đến 1/5 nghỉ mấy ngày"))).toBeUndefined();
  });

  it("counts between two deadlines, or two days an entry gives", async () => {
    const [a, b, c] = await askEachAlone(
      NOW,
      "mốc thử nghiệm quản lý văn bản và mốc triển khai toàn bộ phường xã cách nhau bao nhiêu ngày",
      "từ hạn khảo sát hội nghị truyền hình tới lúc qlvb vận hành chính thức là bao lâu",
      "từ lúc vận hành thử đồng loạt 168 đơn vị đến khi chính quyền mới hoạt động cách mấy ngày",
    );
    expect(a).toContain("61 ngày");
    expect(b).toContain("109 ngày");
    expect(c).toContain("6 ngày");
    expect(c).toContain("25/06/2025");
  });
});

describe("earliest deadline given with its day", () => {
  it("ranks only deadlines with a day when the question asks for one", async () => {
    const [a, b] = await askEachAlone(NOW, "giai đoạn 1 mốc nào có ngày cụ thể sớm nhất", "hạn nào có ngày cụ thể muộn nhất trong kế hoạch");
    expect(a).toContain("10/05/2025");
    expect(b).toContain("01/09/2025");
    expect(b).not.toContain("12/2025");
  });
});

describe("the Party's and the State's conferences compared", () => {
  it("reads one conference said of both sides as two, and 'giống nhau' as asking whether they share a deadline", async () => {
    const [a] = await askEachAlone(NOW, "hạn hội nghị trực tuyến phía Đảng và phía nhà nước có giống nhau ko");
    expect(a).toContain("tháng 5/2025");
    expect(a).toContain("15/05/2025");
  });
});

describe("two systems compared by the steps named", () => {
  it("compares the step each side names, and counts the days between when asked", async () => {
    const [a, b] = await askEachAlone(NOW, "hạn tạo tài khoản mail với hạn thí điểm qlvb, cái nào trước", "hạn tạo tài khoản mail với hạn thí điểm qlvb cái nào sớm hơn, mấy ngày");
    expect(a).toContain("Thư điện tử công vụ có hạn sớm hơn: 10/06/2025");
    expect(b).toContain("5 ngày");
  });
});

describe("holidays: two deadlines in a break, and how long a named break is", () => {
  it("says of each system's deadline whether it falls in the break", async () => {
    const [a] = await askEachAlone(NOW, "qlvb và 1022 vận hành chính thức có trúng kỳ nghỉ lễ 2/9 ko");
    expect(a!.match(/01\/09\/2025/g)?.length).toBeGreaterThanOrEqual(2);
    expect(a).toContain("Quốc khánh");
  });

  it("reads 'nghỉ lễ 2/9 năm nay được mấy ngày' as the length of this year's break, and 'BLLĐ … 1 năm' as the law's", () => {
    expect(parseCalendarQuestion("nghỉ lễ 2/9 năm nay được mấy ngày", "2026-12-03")).toEqual({ kind: "holiday", holiday: "national-day", year: 2026 });
    expect(parseCalendarQuestion("theo BLLĐ thì 1 năm công chức được nghỉ lễ tết tổng cộng bn ngày", "2026-12-03")).toBeUndefined();
    expect(parseCalendarQuestion("tháng 1 năm 2026 nghỉ tết dương lịch mấy ngày", "2026-12-03")).toMatchObject({ kind: "holiday", holiday: "new-year" });
  });

  it("gives the count of days of this year's break", async () => {
    const [a] = await askEachAlone(NOW, "nghỉ quốc khánh năm nay được mấy ngày vậy");
    expect(a).toContain("5 ngày");
  });
});

describe("days since a go-live, asked as 'được bao lâu rồi'", () => {
  it("counts from the deadline named to today, alone or inside a relayed message", async () => {
    const [a, b] = await askEachAlone(
      NOW,
      "tính tới nay qlvb vận hành chính thức được bao lâu rồi",
      "Chào anh chị, trưởng phòng nhờ em hỏi: tính đến hôm nay thì 1022 chạy chính thức được bao lâu rồi, và nền tảng quản lý chính quyền số thử nghiệm từ ngày nào ạ?",
    );
    expect(a).toContain("458 ngày");
    expect(b).toContain("458 ngày");
    expect(b).toContain("06/10/2025");
  });
});

describe("when two systems' named steps are due", () => {
  it("gives each system's deadline, and says when they share the day", async () => {
    const [a, b] = await askEachAlone(NOW, "quản lý văn bản với tổng đài 1022 vận hành chính thức khi nào", "when are the document system pilot and the e-mail accounts due?");
    expect(a).toContain("Cùng ngày 01/09/2025");
    expect(b).toContain("15 June 2025");
    expect(b).toContain("10 June 2025");
  });

  it("counts to 'that date', the previous answer's day", async () => {
    const answer = await followUpAnswer("qlvb và 1022 chạy chính thức khi nào", "bao nhiêu ngày giữa hạn triển khai qlvb cho tất cả phường xã và ngày đó", NOW);
    expect(answer).toContain("17 ngày");
  });
});

describe("'chậm nhất là khi nào' of one step", () => {
  it("is that step's deadline, while 'mốc muộn nhất' is still the plan's latest", async () => {
    const [a, b] = await askEachAlone(NOW, "qlvb về tới phường em trễ nhất là ngày nào", "mốc muộn nhất là mốc nào");
    expect(a).toContain("15/08/2025");
    expect(b).toContain("muộn nhất");
  });
});

describe("a deadline ordered against a day written in words, or today", () => {
  it("reads '2 September 2025', 'June 1st', 'ngày 1 tháng 6' and 'hôm nay' as days, a yearless one in the deadline's year", async () => {
    const [a, b, c, d] = await askEachAlone(
      NOW,
      "Was the 1022 go-live before or after 2 September 2025?",
      "Is the email accounts deadline before or after June 1st?",
      "qlvb thí điểm trước hay sau ngày 1 tháng 6 năm 2025",
      "hạn triển khai qlvb toàn bộ phường xã trước hay sau hôm nay",
    );
    expect(a).toMatch(/^Before\./);
    expect(a).toContain("1 day before 2 September 2025");
    expect(b).toMatch(/^After\./);
    expect(b).toContain("9 days after 1 June 2025");
    expect(c).toMatch(/^Sau\./);
    expect(c).toContain("01/06/2025");
    expect(c).not.toContain("01/07/2025");
    expect(d).toMatch(/^Trước\./);
    expect(d).toContain("hôm nay: 03/12/2026");
  });
});
