import { describe, expect, it } from "vitest";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith as answeredBy } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);
const answeredWith = (q: string) => answeredBy(kb, q);

describe("'bảo mật', 'security' name the plan's information safety and security (an toàn, an ninh thông tin)", () => {
  it("reads them as the ATTT concept", () => {
    expect(kb.unitsOf("bảo mật")).toEqual(kb.unitsOf("an toàn thông tin"));
    expect(kb.unitsOf("security")).toEqual(kb.unitsOf("an toàn thông tin"));
  });
  it("answers what the plan requires about security from its goals", () => {
    expect(answeredWith("Kế hoạch có yêu cầu bảo mật thông tin không?")).toBe("plan-goals");
    expect(answeredWith("hệ thống sau hợp nhất có được bảo mật không")).toBe("plan-goals");
    expect(answeredWith("What does the plan say about security?")).toBe("plan-goals");
  });
});

describe("who issued the plan's legal bases: read from their symbols (TW, TTg)", () => {
  it("answers who issued Decision 759 or Resolution 60 with the legal-basis entry, which names the issuer", () => {
    for (const q of ["Which body issued Resolution 60-NQ/TW?", "quyết định 759 của thủ tướng hay của thành phố", "NQ 60 là của cơ quan nào ban hành"]) {
      expect(answeredWith(q), q).toBe("plan-legal-basis");
    }
    const entry = kb.entry("plan-legal-basis")!;
    expect(entry.answer).toMatch(/Thủ tướng Chính phủ/);
    expect(entry.answer).toMatch(/của Đảng/);
    expect(entry.answerEn).toMatch(/Prime Minister/);
  });
  it("still answers who issued the plan itself with its four signatories", () => {
    expect(answeredWith("kế hoạch liên tịch do những cơ quan nào ban hành")).toBe("plan-signatories");
  });
});
