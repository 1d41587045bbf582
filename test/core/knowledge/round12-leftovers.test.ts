import { describe, expect, it } from "vitest";
import { daysWritten } from "../../../src/core/knowledge/day-count.js";
import { asksWhatToNote } from "../../../src/core/knowledge/follow-up.js";
import { readLongMessage } from "../../../src/core/knowledge/long-message.js";
import { fold } from "../../../src/core/fold.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { createTestApp, realContent } from "../../helpers/app.js";
import { answeredWith, askEachAlone, askIn, followUpAnswer } from "../../helpers/knowledge.js";

const kb = createKnowledge(await realContent());
const NOW = "2026-12-01T09:00:00+07:00";
const followUp = (first: string, second: string) => followUpAnswer(first, second, NOW);

/** A question then a follow-up in one chat: whether the follow-up counts as answered in the statistics, and its text. */
async function followUpCounted(first: string, second: string): Promise<{ answered: boolean; text: string }> {
  const app = await createTestApp({ now: NOW });
  const day = NOW.slice(0, 10);
  await askIn(app, first);
  const before = (await app.store.questions.days(day, day))[0]?.answered ?? 0;
  const text = await askIn(app, second);
  const after = (await app.store.questions.days(day, day))[0]?.answered ?? 0;
  await app.store.close();
  return { answered: after > before, text };
}

describe("A follow-up with no content word of its own, longer than six words", () => {
  it("counts the days since the previous answer's day, whatever the filler around the question", async () => {
    expect(await followUp("qlvb vận hành chính thức ngày nào", "đến nay thì đã được bao nhiêu ngày rồi vậy")).toContain("456 ngày");
    expect(await followUp("1022 chạy chính thức từ ngày nào", "tính tới giờ là được bao nhiêu ngày rồi ạ")).toContain("456 ngày");
    expect(await followUp("hạn tạo tài khoản email là ngày nào", "từ đó tới nay là bao nhiêu ngày rồi nhỉ")).toMatch(/\d+ ngày kể từ 10\/06\/2025/);
  });
});

describe("A follow-up whose own reading only says the value is not known", () => {
  it("is read within the topic: after 1022, 'web' is 1022's site", async () => {
    const pairs: [string, string][] = [
      ["hệ thống 1022 là gì?", "web là gì"],
      ["hệ thống 1022 là gì?", "trang web là gì"],
      ["1022 là gì vậy", "web nào"],
      ["tổng đài 1022 dùng để làm gì", "web là gì vậy"],
    ];
    for (const [first, q] of pairs) {
      const { answered, text } = await followUpCounted(first, q);
      expect(text, q).toContain("1022.tphcm.gov.vn");
      expect(answered, q).toBe(true);
    }
  });
});

describe("A follow-up asking what is particular to a place within the topic", () => {
  it("reads the phrases that ask what to note, and not a plain question", () => {
    for (const q of ["còn BD có gì lưu ý", "thế còn Bình Dương cần chú ý gì", "có điều gì cần lưu ý không", "and Binh Duong, anything special?"]) {
      expect(asksWhatToNote(fold(q)), q).toBe(true);
    }
    for (const q of ["còn BD thì sao", "hạn tạo email khi nào", "lưu ý"]) expect(asksWhatToNote(fold(q)), q).toBe(false);
  });

  it("answers what the topic says of that place", async () => {
    const first = "hệ thống thư điện tử cho cán bộ 2 tỉnh ai tạo?";
    expect(await followUp(first, "còn BD có gì lưu ý")).toContain("3 tháng");
    expect(await followUp(first, "thế còn Bình Dương cần chú ý gì")).toContain("3 tháng");
    expect(await followUp("hạn tạo email là khi nào", "còn bên Bình Dương có điều gì cần lưu ý không")).toContain("3 tháng");
    expect(await followUp("Who creates the new e-mail accounts?", "and Binh Duong, anything special?")).toContain("3 months");
  });
});

describe("'PM' in English is the Prime Minister, not 'phần mềm'", () => {
  it("answers the Prime Minister's decision after the legal basis", async () => {
    for (const q of ["the PM decision number again?", "and the Prime Minister's decision?", "which PM decision is it based on"]) {
      const { answered, text } = await followUpCounted("What is the legal basis of the joint plan?", q);
      expect(text, q).toContain("759");
      expect(answered, q).toBe(true);
    }
  });

  it("keeps 'pm' as software in Vietnamese chat", () => {
    expect(kb.unitsOf("pm quản lý văn bản là gì")).toEqual(expect.arrayContaining(["phan", "mem"]));
  });
});

describe("A self-introduction naming the asker's unit, then a question about 'Sở em'", () => {
  it("puts the unit the introduction names in place of 'Sở em', without a remark in brackets", () => {
    const long = readLongMessage("Dạ em chào anh chị, em là chuyên viên ở Sở KH&CN Bà Rịa - Vũng Tàu (cũ). Cho em hỏi Sở em có tham gia kế hoạch liên tịch không ạ? Em cảm ơn.");
    expect(long?.parts).toEqual(["Cho em hỏi Sở KH&CN Bà Rịa - Vũng Tàu có tham gia kế hoạch liên tịch không ạ"]);
  });

  it("does not take 'số' (a word that folds like 'Sở') for the start of a department's name", () => {
    expect(readLongMessage("Chào anh, em làm chuyển đổi số ở phường Bà Rịa. Sở em có phải ký kế hoạch liên tịch không ạ? Em cảm ơn anh chị nhiều")).toBeUndefined();
  });

  it("answers that the department is one of the bodies behind the plan", async () => {
    const answers = await askEachAlone(
      NOW,
      "Chào anh chị, em là cán bộ ở Sở KH&CN Bình Dương. Cho em hỏi Sở em có cùng ban hành kế hoạch liên tịch không ạ? Em cảm ơn.",
      "Xin chào, tôi công tác tại Sở Khoa học và Công nghệ Bà Rịa - Vũng Tàu (cũ). Sở tôi có phải là cơ quan ban hành kế hoạch liên tịch về hệ thống thông tin không? Cảm ơn.",
      "Dạ chào anh, mình làm ở Sở KH&CN tỉnh Bình Dương. Sở mình có tham gia ký kế hoạch liên tịch không vậy anh? Cảm ơn anh nhiều.",
    );
    // The entry's list of the four, or the yes/no check of the department named (signatory-check.ts).
    for (const a of answers) expect(a).toMatch(/Sở KH&CN tỉnh (Bình Dương|Bà Rịa - Vũng Tàu)[^.]*(cùng )?ban hành|bốn cơ quan ban hành|Đúng, Sở KH&CN (Bình Dương|Bà Rịa - Vũng Tàu) là một trong 4 cơ quan ký/);
  });
});

describe("Two systems compared by which goes live first, with 'chính thức' before 'trước'", () => {
  it("reads 'chạy chính thức trước', 'vận hành chính thức sau' as a comparison", async () => {
    const [tie, later, earlier] = await askEachAlone(
      "2025-05-02T09:00:00+07:00",
      "1022 với qlvb cái nào chạy chính thức trước?",
      "email với 1022, bên nào vận hành chính thức sau?",
      "qlvb hay hntt cái nào chạy chính thức trước",
    );
    expect(tie).toMatch(/cùng mốc cuối, 01\/09\/2025/);
    expect(later).toMatch(/^Hệ thống 1022 có mốc hoàn thành muộn hơn/);
    expect(earlier).toMatch(/^Hội nghị truyền hình trực tuyến có mốc hoàn thành sớm hơn/);
  });
});

describe("A message that says what day today is", () => {
  it("counts from the day said, which is no part of the question", async () => {
    // The clock says another day: the count starts on the day the person says is today.
    const [video, lists, accounts] = await askEachAlone(
      "2025-04-20T09:00:00+07:00",
      "hnay 2/5 r, hạn hnth còn bao nhiêu ngày",
      "hôm nay 5/5 rồi, còn mấy ngày nữa tới hạn gửi danh sách email",
      "Hôm nay là 1/6. Hạn tạo tài khoản email còn bao nhiêu ngày?",
    );
    expect(video).toContain("Tính từ hôm nay (02/05/2025), còn 13 ngày nữa là đến 15/05/2025.");
    expect(lists).toContain("Tính từ hôm nay (05/05/2025), còn 5 ngày nữa là đến 10/05/2025.");
    expect(accounts).toContain("Tính từ hôm nay (01/06/2025), còn 9 ngày nữa là đến 10/06/2025.");
  });
});

describe("The days between two days a question writes", () => {
  it("reads two written days and a count asked, and not a break's length", () => {
    expect(daysWritten(fold("từ hạn gửi danh sách (10/5) tới hạn tạo tài khoản email (10/6) cách nhau bao nhiêu ngày?"))).toEqual(["10/5", "10/6"]);
    expect(daysWritten(fold("How many days between 15/5 and 1/9?"))).toEqual(["15/5", "1/9"]);
    expect(daysWritten(fold("từ 30/4 đến 1/5 nghỉ mấy ngày"))).toBeUndefined();
    expect(daysWritten(fold("hạn 10/6 là thứ mấy"))).toBeUndefined();
  });

  it("answers the exact count of days", async () => {
    const [lists, rollout, english, close] = await askEachAlone(
      NOW,
      "từ hạn gửi danh sách (10/5) tới hạn tạo tài khoản email (10/6) cách nhau bao nhiêu ngày?",
      "từ 10/5 đến 15/8 là bao nhiêu ngày",
      "How many days between 15/5 and 1/9?",
      "hạn 10/6 với hạn 15/6 cách nhau mấy ngày",
    );
    expect(lists).toContain("Từ 10/05/2025 đến 10/06/2025 là 31 ngày.");
    expect(rollout).toContain("Từ 10/05/2025 đến 15/08/2025 là 97 ngày.");
    expect(english).toContain("From 15 May 2025 to 1 September 2025 is 109 days.");
    expect(close).toContain("Từ 10/06/2025 đến 15/06/2025 là 5 ngày.");
  });
});

describe("'X là hệ thống gì': what a named thing is, with its kind inside the question", () => {
  it("reads the phrase as asking what, so the definition answers and not a deadline", () => {
    for (const q of ["1022 là hệ thống gì vậy mn", "hệ thống 1022 là hệ thống gì vậy", "Trung tâm Chuyển đổi số là cơ quan gì"]) {
      expect(kb.unitsOf(q), q).toContain("_what");
    }
    expect(answeredWith(kb, "1022 là hệ thống gì vậy mn")).toBe("hotline-1022-what");
    expect(answeredWith(kb, "hệ thống 1022 là hệ thống gì vậy")).toBe("hotline-1022-what");
    expect(answeredWith(kb, "Trung tâm Chuyển đổi số là cơ quan gì")).toBe("role-ttcds");
  });
});
