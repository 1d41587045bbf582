import { describe, expect, it } from "vitest";
import {
  aroundCount,
  asksHolidayOverlap,
  confirmationLines,
  extremeDeadlines,
  holidayOverlapLine,
  oneWayOrder,
  orderLines,
  orderSides,
  readExtreme,
  statedDays,
} from "../../../src/core/knowledge/plan-dates.js";
import { fold } from "../../../src/core/fold.js";
import { realContent } from "../../helpers/app.js";
import { askEachAlone } from "../../helpers/knowledge.js";

const content = await realContent();
const milestone = (id: string) => content.milestones.find((m) => m.id === id)!;
const NOW = "2026-12-03T09:00:00+07:00";

describe("readExtreme: the earliest or latest deadline asked", () => {
  it("reads Vietnamese, unaccented, shorthand and English wordings", () => {
    for (const q of ["hệ thống nào có hạn sớm nhất trong gđ1", "moc dau tien cua ke hoach la gi", "viec nao phai xong dau tien", "What is the earliest deadline?", "which task is due first"]) {
      expect(readExtreme(fold(q)), q).toBe("earliest");
    }
    for (const q of ["mốc muộn nhất trong gđ1 là mốc nào", "ht nao co han tre nhat gd1", "mốc cuối cùng của QLVB", "Which milestone of phase 1 comes last?", "the final deadline of the plan"]) {
      expect(readExtreme(fold(q)), q).toBe("latest");
    }
  });

  it("reads neither in a question about one deadline, nor 'hạn cuối' (the deadline itself)", () => {
    for (const q of ["hạn cuối gửi danh sách email là khi nào", "1022 chạy chính thức khi nào", "đơn vị nào được thử nghiệm đầu tiên"]) expect(readExtreme(fold(q)), q).toBeUndefined();
  });
});

describe("extremeDeadlines: by the day each official deadline ends", () => {
  it("gives 10/05/2025 as phase 1's earliest, with the May-only Party deadline beside it", () => {
    const x = extremeDeadlines(content.milestones.filter((m) => m.phase === 1), "earliest")!;
    expect(x.due.map((m) => m.id)).toEqual(["email-lists"]);
    expect(x.sameMonth.map((m) => m.id)).toEqual(["party-conference-portal"]);
  });

  it("gives both 01/09/2025 go-lives as phase 1's latest, not the three months of parallel mail (no official deadline)", () => {
    const x = extremeDeadlines(content.milestones.filter((m) => m.phase === 1), "latest")!;
    expect(x.due.map((m) => m.id).sort()).toEqual(["document-management-official", "hotline-1022-official"]);
  });
});

describe("orderSides and orderLines: before or after", () => {
  it("splits the two things around 'trước hay sau' / 'before or after'", () => {
    expect(orderSides(fold("QLVB chạy chính thức trước hay sau khi tỉnh thành mới đi vào hoạt động"))).toEqual(["qlvb chay chinh thuc", "tinh thanh moi di vao hoat dong"]);
    expect(orderSides(fold("Is the 1022 go-live before or after the e-mail accounts deadline?"))).toEqual(["1022 go live", "e mail accounts deadline"]);
    expect(orderSides(fold("1022 chạy chính thức khi nào"))).toBeUndefined();
  });

  it("says which, both days and the gap", () => {
    const [lead, gap] = orderLines({ label: "Vận hành chính thức QLVB", day: "2025-09-01" }, { label: "Tỉnh mới hoạt động", day: "2025-07-01" }, "vi");
    expect(lead).toBe("Sau. Vận hành chính thức QLVB: 01/09/2025; tỉnh mới hoạt động: 01/07/2025.");
    expect(gap).toBe("Ngày 01/09/2025 muộn hơn ngày 01/07/2025 62 ngày.");
    expect(orderLines({ label: "A", day: "2025-06-10" }, { label: "B", day: "2025-06-15" }, "en")[0]).toMatch(/^Before\. A: 10 June 2025/);
  });
});

describe("holiday overlap", () => {
  it("reads 'có trúng kỳ nghỉ lễ', 'rơi vào ngày nghỉ', 'fall during a holiday'", () => {
    for (const q of ["ngày QLVB chạy chính thức có trúng kỳ nghỉ lễ 2/9 ko", "1022 chay chinh thuc co roi vao ngay nghi le ko", "Does the go-live fall during a holiday?"]) expect(asksHolidayOverlap(fold(q)), q).toBe(true);
    expect(asksHolidayOverlap(fold("QLVB chạy chính thức khi nào"))).toBe(false);
  });

  it("names the break that holds the day, or says there is none", () => {
    const breaks = [{ name: "Quốc khánh 2/9", from: "2025-08-30", to: "2025-09-02" }];
    expect(holidayOverlapLine("Vận hành chính thức QLVB", "2025-09-01", "thứ Hai", breaks, "vi")).toBe("Có. Vận hành chính thức QLVB: 01/09/2025 (thứ Hai), nằm trong kỳ nghỉ Quốc khánh 2/9 (30/08/2025 – 02/09/2025).");
    expect(holidayOverlapLine("Lists", "2025-05-12", "Monday", breaks, "en")).toBe("No. Lists: 12 May 2025 (Monday), which is in no public holiday break.");
    // A weekend outside any break is still a day off.
    expect(holidayOverlapLine("Danh sách", "2025-05-10", "thứ Bảy", breaks, "vi", false)).toBe("Danh sách: 10/05/2025 (thứ Bảy), không nằm trong kỳ nghỉ lễ nào nhưng là ngày nghỉ cuối tuần.");
  });
});

describe("stated days, confirmed", () => {
  it("reads each day with the words before it, only when confirmation is asked of two or more", () => {
    expect(statedDays(fold("ds cán bộ gửi trước 10/5, tạo tk trước 10/6 đúng ko"))).toEqual([
      { written: "10/5", before: "ds can bo gui truoc" },
      { written: "10/6", before: "tao tk truoc" },
    ]);
    expect(statedDays(fold("send lists by 10/5 and accounts by 10/6, correct?"))?.length).toBe(2);
    expect(statedDays(fold("gửi trước 10/5 và tạo tk trước 10/6"))).toBeUndefined();
    expect(statedDays(fold("gửi trước 10/5 đúng không"))).toBeUndefined();
  });

  it("says yes when every day is the plan's, and gives the plan's day beside a wrong one", () => {
    const lists = milestone("email-lists");
    const accounts = milestone("email-accounts");
    expect(confirmationLines([{ milestone: lists, day: "2025-05-10" }, { milestone: accounts, day: "2025-06-10" }], "vi")[0]).toBe("Đúng theo kế hoạch:");
    const wrong = confirmationLines([{ milestone: lists, day: "2025-05-10" }, { milestone: accounts, day: "2025-06-15" }], "vi");
    expect(wrong[0]).toBe("Chưa đúng hoàn toàn. Theo kế hoạch:");
    expect(wrong[2]).toContain("trước ngày 10/06/2025 (không phải 15/06/2025)");
  });
});

describe("aroundCount", () => {
  it("splits a day count at its asking words", () => {
    expect(aroundCount(fold("xong trước 15/8 thì còn bao nhiêu ngày nữa mới tới ngày chạy chính thức"))).toEqual(["xong truoc 15/8 thi con", "nua moi toi ngay chay chinh thuc"]);
  });
});

describe("the assistant reasons over the plan's dates, however the question is worded", () => {
  it("answers the earliest and latest deadlines", async () => {
    const [a, b, c, d] = await askEachAlone(NOW, "hệ thống nào có hạn sớm nhất trong gđ1", "moc tre nhat gd1 la moc nao", "What is the latest deadline in phase 1?", "mốc cuối cùng của hệ thống 1022 là gì");
    expect(a).toContain("10/05/2025");
    expect(b).toContain("01/09/2025");
    expect(c).toContain("1 September 2025");
    expect(d).toContain("Vận hành chính thức hệ thống 1022: 01/09/2025");
  });

  it("orders a deadline against another, or against a day an entry gives", async () => {
    const [a, b] = await askEachAlone(NOW, "QLVB chạy chính thức trước hay sau khi tỉnh thành mới đi vào hoạt động", "tao tk mail truoc hay sau thu nghiem qlvb");
    expect(a).toMatch(/^Sau\./);
    expect(a).toContain("01/07/2025");
    expect(b).toMatch(/^Trước\./);
    expect(b).toContain("5 ngày");
  });

  it("says whether a deadline falls in a holiday break", async () => {
    const [a, b] = await askEachAlone(NOW, "ngày QLVB chạy chính thức có trúng kỳ nghỉ lễ 2/9 năm 2025 ko", "Does the 1022 go-live fall during a holiday?");
    expect(a).toContain("01/09/2025");
    expect(a).toContain("Quốc khánh 2/9");
    expect(b).toMatch(/^Yes\. .*1 September 2025 \(Monday\).*National Day/);
  });

  it("counts days since a deadline named, and between a day written and a deadline named", async () => {
    const [a, b] = await askEachAlone(NOW, "hôm nay tính ra QLVB chạy chính thức được bao nhiêu ngày rồi", "trien khai toan bo qlvb xong truoc 15/8 thi con bao nhieu ngay nua moi toi ngay chay chinh thuc");
    expect(a).toContain("458 ngày");
    expect(b).toContain("17 ngày");
  });

  it("confirms stated days, and corrects a wrong one", async () => {
    const [a, b, c] = await askEachAlone(NOW, "mail cong vu: ds can bo gui truoc 10/5, tao tk truoc 10/6 dung ko?", "thu nghiem qlvb truoc 15/6, trien khai toan bo truoc 15/9 dung ko", "email: send lists by 10/5 and create accounts by 10/6, correct?");
    expect(a).toMatch(/^Đúng theo kế hoạch:[\s\S]*10\/05\/2025[\s\S]*10\/06\/2025/);
    expect(b).toContain("15/08/2025 (không phải 15/09/2025)");
    expect(c).toMatch(/^Yes, as the plan says:/);
  });

  it("says whether two systems share a deadline", async () => {
    const [a] = await askEachAlone(NOW, "HNTT nhà nước với HNTT bên Đảng có cùng hạn không");
    expect(a).toMatch(/^Không hẳn cùng hạn/);
    expect(a).toContain("15/05/2025");
    expect(a).toContain("tháng 5/2025");
  });
});

describe("oneWayOrder and the typed word", () => {
  it("reads 'sau' typed as a word as after, but not 'sau' folded from 'sáu' (six)", () => {
    const six = "Tân Bình có sáu phường mới không";
    expect(oneWayOrder(fold(six), six)).toBeUndefined();
    const after = "qlvb có sau ngày hợp nhất không";
    expect(oneWayOrder(fold(after), after)?.asked).toBe("after");
    const bare = "qlvb co sau ngay hop nhat khong";
    expect(oneWayOrder(fold(bare), bare)?.asked).toBe("after");
  });
});
