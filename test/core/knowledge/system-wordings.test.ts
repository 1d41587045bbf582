import { describe, expect, it } from "vitest";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith, askEachAlone } from "../../helpers/knowledge.js";

const kb = createKnowledge(await realContent());

describe("wordings of the systems' questions (glossary.yaml, lexicon.yaml)", () => {
  it("reads 'signing documents electronically' as digital signatures, and 'ready under the plan' as when it is done", () => {
    expect(answeredWith(kb, "the system for signing documents electronically - by when should it be ready under the plan?")).toBe("infrastructure-may-aug");
  });

  it("reads 'for what purpose' as what a system is for", () => {
    expect(answeredWith(kb, "sir pls what is 1022 system, for what purpose")).toBe("hotline-1022-what");
  });

  it("answers the Party's and the state's online-meeting deadlines asked together, one reply each", async () => {
    const [answer] = await askEachAlone("2026-12-04T09:00:00+07:00", "họp trực tuyến bên Đảng với bên chính quyền khác hạn nhau thế nào");
    expect(answer).toContain("tháng 5/2025");
    expect(answer).toContain("15/05/2025");
  });
});
