import { describe, expect, it } from "vitest";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith, followUpAnswer } from "../../helpers/knowledge.js";

const kb = createKnowledge(await realContent());

describe("the plan's legal basis (content/faq/plan-general.yaml › plan-legal-basis)", () => {
  it("answers 'văn bản pháp lý' as the legal basis, not as a source that lists none", () => {
    expect(answeredWith(kb, "kế hoạch dựa trên những văn bản pháp lý nào vậy")).toBe("plan-legal-basis");
    expect(answeredWith(kb, "những văn bản pháp lý của kế hoạch liên tịch")).toBe("plan-legal-basis");
  });

  it("answers who issued Decision 759/QĐ-TTg (the Prime Minister, by its symbol), also as a follow-up", async () => {
    expect(answeredWith(kb, "quyết định 759 do ai ký ban hành")).toBe("plan-legal-basis");
    const answer = await followUpAnswer("căn cứ pháp lý của kế hoạch gồm những gì", "cái quyết định đó ai ký ban hành", "2026-12-04T09:00:00+07:00");
    expect(answer).toContain("Thủ tướng");
  });

  it("still leaves unanswered the signer and date of a document the sources do not give", () => {
    expect(answeredWith(kb, "NQ 60-NQ/TW do ai ký, ngày nào")).toBeUndefined();
    expect(answeredWith(kb, "ai ky quyet dinh 2448/QĐ-UBND")).toBeUndefined();
  });
});

describe("the plan's signatories (plan-signatories)", () => {
  it("answers which bodies the joint plan is between", () => {
    expect(answeredWith(kb, 'cái "kế hoạch liên tịch" là kế hoạch giữa những bên nào với nhau ạ')).toBe("plan-signatories");
    expect(answeredWith(kb, "joint plan between which agencies")).toBe("plan-signatories");
  });
});
