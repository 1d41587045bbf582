import { describe, expect, it } from "vitest";
import { fold } from "../../../src/core/fold.js";
import { loadUnanswered, renderListing, selectUnanswered, TOPIC_SCAN } from "../../../src/core/questions/listing.js";
import { toPlain } from "../../../src/core/reply.js";
import { createTestApp } from "../../helpers/app.js";

async function withQuestions(questions: string[]) {
  const app = await createTestApp();
  for (const [i, q] of questions.entries()) {
    await app.store.questions.record({ folded: fold(q), text: q, answered: false, at: new Date(Date.UTC(2025, 4, 1, 0, i)).toISOString(), day: "2025-05-01" });
  }
  return app;
}

describe("the /cauhoi listing", () => {
  it("filters by a FAQ topic, keeping questions about it and leaving others out", async () => {
    const app = await withQuestions(["Hộp thư email công vụ bị đầy thì xin thêm dung lượng ở đâu?", "Cán bộ có được gửi xe miễn phí ở trụ sở mới không?"]);
    const listing = selectUnanswered(app.services, await loadUnanswered(app.store), "email");
    expect(listing.topic).toBe("email");
    expect(listing.items.map((i) => i.question.example)).toEqual(["Hộp thư email công vụ bị đầy thì xin thêm dung lượng ở đâu?"]);
  });

  it("filters by words regardless of accents and case, and says when nothing matches", async () => {
    const app = await withQuestions(["Lương tháng 7 khi nào chi trả?", "Gửi xe ở đâu?"]);
    expect(selectUnanswered(app.services, await loadUnanswered(app.store), "LUONG").items.map((i) => i.question.example)).toEqual(["Lương tháng 7 khi nào chi trả?"]);
    expect(toPlain(renderListing(selectUnanswered(app.services, await loadUnanswered(app.store), "đồng phục"), "vi").text)).toBe("Không có câu hỏi chưa trả lời nào khớp với “đồng phục”. Gõ /cauhoi để xem tất cả.");
  });

  it("shows at most 15 questions and says how many more there are", async () => {
    const app = await withQuestions(Array.from({ length: 20 }, (_, i) => `Câu hỏi số ${i} về phụ cấp`));
    const listing = selectUnanswered(app.services, await loadUnanswered(app.store));
    expect(listing.items).toHaveLength(15);
    expect(toPlain(renderListing(listing, "vi").text)).toContain("… và 5 câu hỏi khác.");
  });

  it("looks only at the most asked questions for a topic filter, and says so", async () => {
    const app = await withQuestions(Array.from({ length: TOPIC_SCAN + 5 }, (_, i) => `Câu hỏi số ${i} về email phụ cấp`));
    const listing = selectUnanswered(app.services, await loadUnanswered(app.store), "email");
    expect(listing.scanned).toBe(TOPIC_SCAN);
    expect(toPlain(renderListing(listing, "vi").text)).toContain(`lọc theo chủ đề trong ${TOPIC_SCAN} câu được hỏi nhiều nhất`);
  });
});
