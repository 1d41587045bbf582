import { describe, expect, it } from "vitest";
import { expectedType } from "../../../src/core/knowledge/answer-type.js";
import { createAnalyzer } from "../../../src/core/knowledge/query.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { fold } from "../../../src/core/fold.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith as answeredBy } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);
const analyzer = createAnalyzer(content.glossary, content.lexicon);

/** The entry a question is answered with (see test/helpers/knowledge.ts), or undefined when it stays unanswered. */
const answeredWith = (q: string) => answeredBy(kb, q);

/** Asserts each question stays unanswered (refused, or shown only to say what is asked is not known). */
const refusesAll = (questions: readonly string[]) => {
  for (const q of questions) expect(answeredWith(q), q).toBeUndefined();
};

/** What a question expects, read as the search reads it. */
const expects = (q: string) => expectedType(analyzer.analyze(q).units, () => 1, fold(q), q, () => false, (t) => analyzer.analyze(t).units);

describe("a count of a term whose concept the question already named ('hội nghị truyền hình … bao nhiêu điểm cầu')", () => {
  it("reads the words after 'bao nhiêu' as what is counted", () => {
    expect(expects("hệ thống hội nghị truyền hình của Bình Dương có bao nhiêu điểm cầu")).toMatchObject({ kind: "count", noun: "hnth" });
  });

  it("leaves unanswered a count of points no entry gives", () => {
    refusesAll(["hệ thống hội nghị truyền hình của Bình Dương hiện có bao nhiêu điểm cầu", "hoi nghi truyen hinh BRVT co bao nhieu diem cau"]);
  });

  it("still answers counts said of a merged province", () => {
    expect(answeredWith("BRVT có bao nhiêu đơn vị cấp xã")).toBe("merger-168-units");
    expect(answeredWith("Bình Dương có bao nhiêu phường xã sau sắp xếp")).toBe("merger-168-units");
  });
});
