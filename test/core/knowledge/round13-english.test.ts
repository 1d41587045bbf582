import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../../../src/core/knowledge/query.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);
const analyzer = createAnalyzer(content.glossary, content.lexicon);

describe("English words of round 13", () => {
  it("reads 'mid-<month>' as the 15th of that month", () => {
    expect(analyzer.analyze("what is due by mid-June?").units).toContain("15/6");
    expect(analyzer.analyze("in June").units).not.toContain("15/6");
  });

  it("reads the bare verb in 'who sign(s)' as 'signed'", () => {
    expect(answeredWith(kb, "who signs this plan?")).toBe("plan-signatories");
  });

  it("takes goal, aim and objective for 'mục tiêu', and a plan named by what it keeps running", () => {
    expect(answeredWith(kb, "What is the key objective of the IT continuity plan?")).toBe("plan-goals");
  });

  it("takes the 'special network' for the dedicated data network", () => {
    expect(analyzer.analyze("when is the special network ready").units).toContain("mangtruyensolieuchuyendung");
  });
});
