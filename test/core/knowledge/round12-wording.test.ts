import { describe, expect, it } from "vitest";
import { withoutAskerTitle } from "../../../src/core/knowledge/asker-title.js";
import { createAnalyzer } from "../../../src/core/knowledge/query.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { realContent } from "../../helpers/app.js";
import { askEachAlone } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);
const analyzer = createAnalyzer(content.glossary, content.lexicon);
const best = (q: string) => kb.search(q).best?.entry.id;

describe("systems described in a ward officer's own words", () => {
  it("reads the software for sending official letters as the document-management system", () => {
    expect(analyzer.analyze("phần mềm gửi nhận công văn").units).toContain("qlvb");
    expect(best("công văn điện tử triển khai cho các phường trước ngày nào")).toBe("document-management-rollout");
    expect(best("cai phan mem gui cong van chinh thuc chay khi nao")).toBe("document-management-official");
    expect(best("When does the document software go live?")).toBe("document-management-official");
  });

  it("reads meetings over the network or on a screen as the video-conference system", () => {
    expect(analyzer.analyze("họp trên mạng với thành phố").units).toContain("hnth");
    expect(best("họp qua màn hình khảo sát xong khi nào")).toBe("video-conference-state-when");
    expect(best("họp qua mạng với thành phố thì bao giờ kết nối xong")).toBe("video-conference-state-when");
    expect(best("remote meetings deadline")).toBe("video-conference-state-when");
    expect(best("cái họp có màn hình ti vi với thành phố khảo sát xong chưa")).toBe("video-conference-state-when");
  });

  it("reads connecting 'with the city' as with the systems of TP.HCM", () => {
    expect(analyzer.analyze("kết nối với tp").units).toContain("tphcm");
    expect(best("họp trên mạng với thành phố xong trước ngày nào")).toBe("video-conference-state-when");
    expect(best("còn mấy hôm nữa phải xong vụ họp trực tuyến với tp")).toBe("video-conference-state-when");
  });

  it("reads a signature on the computer as the digital signature", () => {
    expect(analyzer.analyze("ký tên điện tử bằng máy").units).toContain("cks");
    expect(best("chữ ký trên máy tính sau hợp nhất xong khi nào")).toBe("digital-signature-when");
    expect(best("When will electronic signatures be handed over?")).toBe("digital-signature-when");
  });

  it("reads the office mail, the agency's code and the state's private network as the plan's systems", () => {
    expect(analyzer.analyze("mail cơ quan của em").units).toContain("email");
    expect(analyzer.analyze("work email").units).toContain("email");
    expect(best("mã số định danh khi nào xong")).toBe("e-id");
    expect(best("mạng riêng của nhà nước hoàn thành khi nào")).toBe("network");
    expect(analyzer.analyze("đường truyền riêng").units).toContain("mangtruyensolieuchuyendung");
  });

  it("keeps a USB token a word of its own: how to use one is not in the plan", () => {
    expect(analyzer.analyze("cai cks tren usb token").units).toContain("usb");
  });
});

describe("everyday words around the system", () => {
  it("drops the classifier 'cái' written with its mark, but not 'cài' (to install) nor 'cái gì'", () => {
    expect(analyzer.analyze("cái mail cơ quan").units).not.toContain("cai");
    expect(analyzer.analyze("cài cks trên máy").units).toContain("cai");
    expect(analyzer.analyze("cái gì").units).toContain("_what");
  });

  it("reads 'chính thức chạy' and 'chính thức vận hành' as official operation", () => {
    expect(analyzer.analyze("qlvb chính thức chạy").units).toContain("vanhanhchinhthuc");
    expect(best("qlvb chính thức vận hành ngày nào")).toBe("document-management-official");
  });

  it("counts down to a deadline asked in 'hôm' (days in speech)", async () => {
    expect(analyzer.analyze("còn mấy hôm nữa").units).toEqual(["_when"]);
    const [mail, meeting] = await askEachAlone("2025-05-06T09:00:00+07:00", "còn mấy hôm nữa là tới hạn tạo tài khoản email", "còn mấy hôm nữa phải xong vụ họp qua mạng");
    expect(mail).toContain("10/06/2025");
    expect(meeting).toContain("15/05/2025");
  });
});

describe("an agency lead asking of their own agency", () => {
  it("drops the title the asker gives themselves, and keeps a title said of someone else", () => {
    expect(withoutAskerTitle("Tôi là giám đốc Sở KH&CN Bình Dương. Sở tôi làm gì?")).toBe("Tôi là Sở KH&CN Bình Dương. Sở tôi làm gì?");
    expect(withoutAskerTitle("Chủ tịch UBND phường mới đây: phường tôi phải làm gì?")).toBe("UBND phường mới đây: phường tôi phải làm gì?");
    expect(withoutAskerTitle("em là trưởng phòng văn hóa xã hội")).toBe("em là văn hóa xã hội");
    expect(withoutAskerTitle("ai là giám đốc Trung tâm Chuyển đổi số")).toBe("ai là giám đốc Trung tâm Chuyển đổi số");
    expect(withoutAskerTitle("Chủ tịch TP yêu cầu rà soát CNTT")).toBe("Chủ tịch TP yêu cầu rà soát CNTT");
    expect(withoutAskerTitle("Chủ tịch UBND TP là ai: hỏi gấp")).toBe("Chủ tịch UBND TP là ai: hỏi gấp");
  });

  it("answers a director or a ward chairman with their agency's duty and deadline", () => {
    expect(best("Tôi là phó giám đốc Sở KH&CN Bà Rịa - Vũng Tàu. Sở tôi có nhiệm vụ gì trong kế hoạch này?")).toBe("role-sokhcn-provinces");
    expect(best("I am the director of the Binh Duong DOST. What does my department have to do in the plan?")).toBe("role-sokhcn-provinces");
    expect(best("Em là chủ tịch UBND phường mới. Phường em phải có phần mềm công văn trước ngày nào ạ?")).toBe("document-management-rollout");
    expect(best("Tôi là giám đốc Sở KH&CN Bình Dương. Sở tôi có nhiệm vụ gì trong kế hoạch này?")).toBe("role-sokhcn-provinces");
    expect(best("Chủ tịch UBND xã: xã tôi phải có phần mềm công văn trước ngày nào?")).toBe("document-management-rollout");
  });
});

describe("what happened before the merger, and the two-tier government", () => {
  it("answers a trial or a review asked as 'before the merger' with the dated entry, which says it was", () => {
    expect(best("trước sáp nhập có chạy thử đồng loạt 168 phường xã không, ngày nào")).toBe("trial-168-units");
    expect(best("trước khi hợp nhất, rà soát CNTT theo chỉ đạo chủ tịch phải xong ngày nào")).toBe("chairman-instructions");
    expect(best("Was there a trial in all 168 units before the merger?")).toBe("trial-168-units");
  });

  it("reads 'chính quyền 2 cấp' as the new government, not a number to match", () => {
    expect(analyzer.analyze("chính quyền 2 cấp").units).toEqual(["chinhquyen"]);
    expect(best("chính quyền hai cấp mấy ngày đầu có sự cố gì")).toBe("early-issues-july");
    expect(best("What went wrong in the first days of the two-tier government?")).toBe("early-issues-july");
  });
});

describe("a glitch is not a duty", () => {
  it("reads 'có trục trặc' as asking of problems, not who is on duty ('có trực')", () => {
    expect(best("mấy ngày đầu có trục trặc gì không")).toBe("early-issues-july");
    expect(best("hệ thống có trục trặc không, mấy ngày đầu sau hợp nhất")).toBe("early-issues-july");
    expect(best("những ngày đầu chính quyền 2 cấp có trục trặc gì không")).toBe("early-issues-july");
  });
});

describe("a weekday guessed of a deadline not named", () => {
  it("gives the deadline's weekday when the question guesses one ('rơi vào t7 đúng ko')", async () => {
    const [lists, pilot, training] = await askEachAlone(
      "2026-12-01T09:00:00+07:00",
      "hạn gửi ds cán bộ làm email rơi vào t7 đúng ko",
      "hạn thử nghiệm qlvb là chủ nhật hả",
      "hạn tập huấn email rơi vào thứ 2 phải không",
    );
    expect(lists).toContain("10/05/2025 là thứ Bảy.");
    expect(pilot).toContain("15/06/2025 là Chủ nhật.");
    expect(training).toContain("10/06/2025 là thứ Ba.");
  });
});
