import { describe, expect, it } from "vitest";
import { findEntities } from "../../../src/core/knowledge/entities.js";
import { fold } from "../../../src/core/fold.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith } from "../../helpers/knowledge.js";

const kb = createKnowledge(await realContent());
const subjectsOf = (q: string) => findEntities(fold(q)).subjects.length;

describe("subjects the sources never cover (entities.ts › SUBJECTS)", () => {
  it("reads what a call costs as such a subject, and leaves it unanswered", () => {
    expect(subjectsOf("gọi 1022 có bị tính cước không")).toBeGreaterThan(0);
    expect(answeredWith(kb, "gọi 1022 có bị tính cước không")).toBeUndefined();
    expect(answeredWith(kb, "is it free to call 1022")).toBeUndefined();
  });

  it("reads the largest or most populous ward as such a subject, and leaves it unanswered", () => {
    expect(subjectsOf("phường nào đông dân nhất trong 168 đơn vị")).toBeGreaterThan(0);
    expect(answeredWith(kb, "phường nào đông dân nhất trong 168 đơn vị")).toBeUndefined();
    expect(answeredWith(kb, "which ward is the most populous")).toBeUndefined();
  });

  it("still answers the counts and calls the sources do give", () => {
    expect(subjectsOf("1022 mỗi ngày nhận bao nhiêu cuộc gọi")).toBe(0);
    expect(answeredWith(kb, "168 đơn vị gồm bao nhiêu phường")).toBe("merger-168-units");
  });
});
