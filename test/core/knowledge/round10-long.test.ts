import { describe, expect, it } from "vitest";
import { dayIn, parseCalendarQuestion, planCalendarAnswer, renderCalendarAnswer } from "../../../src/core/knowledge/calendar-question.js";
import { readLongMessage } from "../../../src/core/knowledge/long-message.js";
import { toPlain } from "../../../src/core/reply.js";
import { createTestApp, realContent, textFrom } from "../../helpers/app.js";

const content = await realContent();

/** Asks one message of a fresh assistant (its own chat) and returns the text of every reply. */
async function ask(text: string): Promise<string> {
  const app = await createTestApp({ content });
  try {
    const replies = await app.assistant.handle(textFrom("u1", text));
    return replies.map((r) => toPlain(r.text)).join("\n\n");
  } finally {
    await app.store.close();
  }
}

describe("readLongMessage", () => {
  it("leaves a short question, and a long one that is one plain question, to the search", () => {
    expect(readLongMessage("hạn gửi danh sách cbcc làm email là ngày nào")).toBeUndefined();
    expect(readLongMessage("hệ thống quản lý văn bản chỉ đạo điều hành mới phải được triển khai về tới tất cả các phường xã trước ngày nào")).toBeUndefined();
  });

  it("drops greetings, self-introductions and thanks, whatever the job or place the writer names", () => {
    for (const intro of ["tôi là cán bộ văn thư tại một xã thuộc khu vực Bình Dương cũ", "em là sinh viên thực tập ở một phường", "chị bên văn phòng HĐND-UBND xã", "mình là trưởng phòng CNTT một sở"]) {
      const long = readLongMessage(`Kính chào anh chị, ${intro}. Cho em hỏi hệ thống 1022 vận hành chính thức khi nào ạ? Em cảm ơn nhiều.`);
      expect(long?.parts, intro).toEqual(["Cho em hỏi hệ thống 1022 vận hành chính thức khi nào ạ"]);
    }
    const en = readLongMessage("Hello, I'm drafting a memo for my director at a department. Could you tell me which legal documents the joint plan is based on? Thank you very much.");
    expect(en?.parts).toEqual(["Could you tell me which legal documents the joint plan is based on"]);
  });

  it("splits numbered questions and a second question clause, each later one keeping its marker", () => {
    expect(readLongMessage("Chào em, chị có 2 câu nhờ em: 1) hệ thống hội nghị truyền hình thì hạn là ngày nào; 2) còn chữ ký số thì phải hoàn thành khi nào? Chị cảm ơn em nha.")?.parts).toEqual([
      "hệ thống hội nghị truyền hình thì hạn là ngày nào",
      "còn chữ ký số thì phải hoàn thành khi nào",
    ]);
    expect(readLongMessage("Dạ em chào anh ạ. Anh cho em hỏi giai đoạn 1 của nền tảng bắt đầu từ ngày nào, còn giai đoạn 2 dự kiến khi nào ạ?")?.parts).toEqual([
      "Anh cho em hỏi giai đoạn 1 của nền tảng bắt đầu từ ngày nào",
      "còn giai đoạn 2 dự kiến khi nào ạ",
    ]);
  });

  it("keeps a clause with no question word of its own with the question before it", () => {
    const long = readLongMessage("Chào Trợ lý, tôi là Phó Chủ tịch một phường. Nhờ bạn tóm tắt giúp: khi nào khảo sát, đề xuất phương án cho hệ thống 1022 và khi nào vận hành chính thức? Cảm ơn bạn.");
    expect(long?.parts).toEqual(["khi nào khảo sát, đề xuất phương án cho hệ thống 1022", "và khi nào vận hành chính thức"]);
  });

  it("puts the context with the first question, as one clause when the question points back at it", () => {
    const long = readLongMessage("Chào anh, em ở phòng Kinh tế một xã. Em thấy trong kế hoạch có nhắc tới mã định danh điện tử và chữ ký số. Hai việc này nằm ở giai đoạn mấy vậy anh? Em cảm ơn.");
    expect(long?.parts).toEqual(["trong kế hoạch có nhắc tới mã định danh điện tử và chữ ký số nằm ở giai đoạn mấy"]);
    expect(long?.subject).toBe("trong kế hoạch có nhắc tới mã định danh điện tử và chữ ký số");
  });

  it("drops what the asker remembers, forgot or was told to do, and the request around the question", () => {
    expect(readLongMessage("Dạ chào anh. Em nhớ là có một đợt thí điểm ở 6 phường mới hôm 11/6 nhưng quên mất là phường của quận nào. Anh nhắc giúp em với ạ, cảm ơn anh.")?.parts).toEqual([
      "có một đợt thí điểm ở 6 phường mới hôm 11/6 phường của quận nào",
    ]);
  });

  it("leaves a question about the asker's own place to the whole message, where the introduction names the place", () => {
    expect(readLongMessage("Xin chào Trợ lý, tôi là công chức một tỉnh cũ. Tài khoản email cũ của tỉnh tôi đang dùng thì đến ngày nào bị ngừng hẳn? Cảm ơn.")).toBeUndefined();
  });
});

describe("long polite messages through the assistant", () => {
  it("answers the question inside a long introduction instead of refusing it", async () => {
    const text = await ask(
      "Chào Trợ lý, tôi là Phó Chủ tịch một phường ở khu vực Vũng Tàu cũ. Sáng nay họp giao ban, anh em hỏi tôi về lộ trình hệ thống 1022 sau sáp nhập mà tôi chưa trả lời được. Nhờ bạn tóm tắt giúp: khi nào khảo sát, đề xuất phương án và khi nào vận hành chính thức? Cảm ơn bạn.",
    );
    expect(text).toContain("6/2025");
    expect(text).toContain("01/09/2025");
  });

  it("answers both numbered questions, one reply each", async () => {
    const text = await ask("Chào em, chị bên văn phòng HĐND-UBND xã. Chị có 2 câu nhờ em: 1) hệ thống hội nghị truyền hình thì hạn là ngày nào; 2) còn chữ ký số với mã định danh điện tử thì phải hoàn thành trong khoảng thời gian nào? Chị cảm ơn em nha.");
    expect(text).toContain("15/05/2025");
    expect(text).toMatch(/8\/2025/);
  });

  it("answers a second question that asks the calendar of the first one's day", async () => {
    const text = await ask("Xin lỗi làm phiền, tôi là chánh văn phòng một sở. Tôi cần trả lời lãnh đạo trong sáng nay: kế hoạch yêu cầu thử nghiệm phần mềm quản lý văn bản ở một số đơn vị trước ngày nào, và ngày đó có rơi vào ngày nghỉ không? Cảm ơn.");
    expect(text).toContain("15/06/2025");
    expect(text).toContain("Chủ nhật");
  });

  it("answers an English question after a self-introduction naming the writer's department", async () => {
    const text = await ask("Hello, I'm drafting a memo for my director at the HCMC Department of Home Affairs. Could you tell me which legal documents the joint IT-continuity plan is based on? Thank you very much.");
    expect(text).toContain("60-NQ/TW");
  });
});

describe("the calendar of the plan's events", () => {
  it("reads a plan event's day said without a year in the plan's year", () => {
    const known = ["2025-05-10", "2025-06-15", "2025-09-01"];
    expect(dayIn("6 phuong thi diem ngay 11/6 la thu may", "2026-12-01", known)).toBe("2025-06-11");
    // A day with no plan event around it is still its next occurrence.
    expect(dayIn("11/6 la thu may", "2026-12-01", known)).toBe("2027-06-11");
  });

  it("says where a break starts and ends, with weekdays, when the question asks it", () => {
    const dayQuestion = (text: string) => {
      const asked = parseCalendarQuestion(text, "2026-12-01");
      if (asked?.kind !== "day") throw new Error(`not a day question: ${text}`);
      return asked;
    };
    const asked = dayQuestion("nghi le 2/9/2025 bat dau tu thu may");
    expect(asked.breakBounds).toBe(true);
    const text = renderCalendarAnswer(planCalendarAnswer(asked, content.calendar, "2026-12-01"), "vi");
    expect(text).toContain("Kỳ nghỉ bắt đầu từ thứ Bảy, 30/08/2025 và kết thúc vào thứ Ba, 02/09/2025.");
    const plain = renderCalendarAnswer(planCalendarAnswer(dayQuestion("2/9/2025 la thu may"), content.calendar, "2026-12-01"), "vi");
    expect(plain).not.toContain("Kỳ nghỉ bắt đầu");
  });
});
