import { describe, expect, it } from "vitest";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith as answeredBy } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);
const answeredWith = (q: string) => answeredBy(kb, q);
const refusesAll = (questions: readonly string[]) => {
  for (const q of questions) expect(answeredWith(q), q).toBeUndefined();
};

describe("'chậm nhất là khi nào' asks a deadline, like 'hạn chót'", () => {
  it("answers one merged locality's unit by the plan's deadline for every unit", () => {
    expect(answeredWith("phường mới bên Bình Dương, qlvb về tới phường chậm nhất là khi nào")).toBe("document-management-rollout");
    expect(answeredWith("xa moi o brvt muon nhat bao gio co qlvb")).toBe("document-management-rollout");
  });
});

describe("'where to download' in an entry is no place the entry withholds", () => {
  it("answers where a system must connect from the steps entry, whose text also says no download place is given", () => {
    expect(answeredWith("hệ thống qlvb của các tỉnh kết nối với hệ thống ở đâu")).toBe("document-management-steps");
  });
  it("still leaves where to download the software unanswered", () => {
    refusesAll(["phần mềm qlvb tải ở đâu"]);
  });
});
