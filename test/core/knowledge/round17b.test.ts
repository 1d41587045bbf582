import { describe, expect, it } from "vitest";
import { datedClauses } from "../../../src/core/knowledge/day-count.js";
import { asksWhatFollows, oneWayOrder, orderLines, saysWhatFollows } from "../../../src/core/knowledge/plan-dates.js";
import { fold } from "../../../src/core/fold.js";
import { readLongMessage } from "../../../src/core/knowledge/long-message.js";
import { askEachAlone, followUpAnswer } from "../../helpers/knowledge.js";

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

describe("a follow-up naming another day's event", () => {
  it("asks the weekday of the new entry's day, not of the day the previous question wrote", async () => {
    const a = await followUpAnswer("hạn triển khai QLVB cho phường xã 15/8 là thứ mấy", "thế còn ngày chạy chính thức?", NOW);
    expect(a).toContain("01/09/2025 là thứ Hai");
    expect(a).not.toContain("15/08/2025 là thứ Sáu");
  });
});

describe("what follows the previous answer", () => {
  it("reads 'sau đó thì sao', 'tiếp theo là gì', 'then what' as asking only what follows", () => {
    for (const q of ["rồi sau đó thì sao", "sau đó thế nào", "tiếp theo là gì vậy", "then what", "what happens after that"]) expect(asksWhatFollows(fold(q)), q).toBe(true);
    for (const q of ["sau đó ai làm", "sau hợp nhất thì sao", "what happens to the old account"]) expect(asksWhatFollows(fold(q)), q).toBe(false);
    expect(saysWhatFollows(fold("dùng song song 3 tháng, sau đó tài khoản cũ kết thúc"))).toBe(true);
    expect(saysWhatFollows(fold("hạn trước ngày 10/06/2025"))).toBe(false);
  });

  it("answers with the previous entry when it says what follows", async () => {
    const a = await followUpAnswer("cán bộ Bình Dương dùng 2 tài khoản mail song song trong bao lâu", "sau đó thế nào", NOW);
    expect(a).toContain("tài khoản cũ kết thúc");
  });
});

describe("an order asked one way", () => {
  it("reads 'A có trước B không' and 'is A before B' with the way asked, not 'trước hay sau' nor a confirmation", () => {
    expect(oneWayOrder(fold("qlvb chạy chính thức có trước ngày chính quyền mới hoạt động không"))).toEqual({ sides: ["qlvb chay chinh thuc", "chinh quyen moi hoat dong"], asked: "before" });
    expect(oneWayOrder(fold("Does the 1022 go-live come after the merger?"))).toEqual({ sides: ["1022 go live", "merger"], asked: "after" });
    expect(oneWayOrder(fold("is there anything to do before the merger?"))).toBeUndefined();
    expect(oneWayOrder(fold("gửi danh sách trước 10/5 đúng không"))).toBeUndefined();
  });

  it("answers yes or no, then which, and reads a side such as 'the merger' as asked for its day", async () => {
    expect(orderLines({ label: "A", day: "2025-09-01" }, { label: "B", day: "2025-07-01" }, "vi", "before")[0]).toBe("Không, sau. A: 01/09/2025; b: 01/07/2025.");
    const [a, b] = await askEachAlone(NOW, "is the QLVB go-live before the merger?", "hạn tạo tài khoản mail có sau hạn gửi danh sách không");
    expect(a).toContain("No, after.");
    expect(a).toContain("1 July 2025");
    expect(b).toContain("Có, sau.");
    expect(b).toContain("31 ngày");
  });
});

describe("date leftovers of round 16", () => {
  it("counts 'how long has … been' in days, ranks 'dated' deadlines, and says two things on one day are 0 days apart", async () => {
    const [a, b, c, d] = await askEachAlone(
      NOW,
      "how long has the document management system been in official operation",
      "which dated deadline comes first in phase 1",
      "mốc vận hành chính thức QLVB và mốc 1022 chạy chính thức cách nhau mấy ngày",
      "how many days between the 1022 go-live and the QLVB go-live",
    );
    expect(a).toContain("458 days");
    expect(b).toContain("10 May 2025");
    expect(c).toContain("Cùng ngày 01/09/2025 (cách nhau 0 ngày).");
    expect(d).toContain("0 days apart");
  });
});

describe("a countdown inside a long message", () => {
  it("keeps 'tính từ hôm nay thì' with the 'còn bao nhiêu ngày' after it, and reads 'bao lâu' as asking", async () => {
    const read = readLongMessage("Dạ chào anh, em làm ở văn phòng phường. Tính từ hôm nay thì còn bao nhiêu ngày tới hạn khảo sát hội nghị truyền hình ạ?");
    expect(read?.parts).toEqual(["Tính từ hôm nay thì còn bao nhiêu ngày tới hạn khảo sát hội nghị truyền hình ạ"]);
    const two = readLongMessage("Dạ em chào anh, nhờ anh xem giúp: tính đến nay thì QLVB chạy chính thức được bao lâu rồi, và 1022 chạy chính thức từ ngày nào ạ?");
    expect(two?.parts).toHaveLength(2);
    const [a] = await askEachAlone("2025-05-01T09:00:00+07:00", "Dạ hôm nay 1/5, bên em lo phần hội nghị truyền hình. Tính từ hôm nay thì còn mấy ngày tới hạn hoàn thành ạ?");
    expect(a).toContain("14 ngày");
  });
});

describe("the Party's portal against the city's", () => {
  it("reads a portal said of the Party as the Party's, and 'the same as', 'share a deadline' as asking whether deadlines match", async () => {
    const [a, b, c] = await askEachAlone(
      NOW,
      "hạn cổng thông tin điện tử Đảng bộ và cổng thông tin thành phố có khác nhau không",
      "is the Party portal deadline the same as the city portal's?",
      "do the party online conferences and the state video conferencing share a deadline",
    );
    expect(a).toContain("tháng 5/2025");
    expect(a).toContain("tháng 8/2025");
    expect(b).toContain("August 2025");
    expect(c).toContain("15 May 2025");
    expect(c).toContain("Party online conferencing");
  });
});

describe("a system's timeline", () => {
  it("reads 'the timeline', 'the schedule' as asking all of a system's deadlines", async () => {
    const [a, b] = await askEachAlone(NOW, "Could you give me an overview of the timeline for the document management system?", "what is the 1022 schedule");
    expect(a).toContain("15 June 2025");
    expect(a).toContain("15 August 2025");
    expect(b).toContain("June 2025");
    expect(b).toContain("1 September 2025");
  });
});

describe("work done before the merger", () => {
  it("reads 'xong hết trước', 'xong trước khi' as whether the work was completed before it", async () => {
    const [a, b] = await askEachAlone(NOW, "gđ1 đã xong hết trước khi hợp nhất chưa", "giai đoạn 1 có xong trước khi sáp nhập không");
    for (const x of [a, b]) expect(x).toContain("hầu hết hoàn thành");
  });
});
