import { describe, expect, it } from "vitest";
import { actsAsked, speaksOfPhase } from "../../../src/core/knowledge/answer-type.js";
import { findEntities } from "../../../src/core/knowledge/entities.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { fold } from "../../../src/core/fold.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith as answeredBy, entryOf } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);
const answeredWith = (q: string) => answeredBy(kb, q);
const refusesAll = (questions: readonly string[]) => {
  for (const q of questions) expect(answeredWith(q), q).toBeUndefined();
};

describe("an approval by the People's Council: the sources name none", () => {
  it("reads a body named between 'được' and 'thông qua' as an approval by that body", () => {
    expect(actsAsked(fold("kế hoạch có được HĐND thành phố thông qua không"))).toEqual(expect.arrayContaining(["approve", "approve-by:hoi dong nhan dan"]));
    expect(actsAsked(fold("Was the plan approved by the People's Council?"))).toContain("approve-by:hoi dong nhan dan");
    // "thông qua" as "through" asks no approval.
    expect(actsAsked(fold("phản ánh được gửi thông qua ứng dụng nào"))).not.toContain("approve");
  });

  it("leaves it unanswered, whatever the National Assembly passed", () => {
    refusesAll(["kế hoạch liên tịch có được HĐND TP thông qua không", "ke hoach lien tich da duoc hdnd tp thong qua chua", "Did the City People's Council approve the joint plan?"]);
  });
});

describe("a person's name: who signed, who is the chief of an office", () => {
  it("reads the signer's name and 'chief of' as asking a person", () => {
    for (const q of ["tên người ký kế hoạch là gì", "Sở KH&CN BD ai đứng tên ký kế hoạch", "What is the name of the person who signed the plan?"]) {
      expect(findEntities(fold(q)).asksPerson, q).toBe(true);
    }
    expect(findEntities(fold("Who is the chief of the City Party Committee Office?")).offices).toContain("chief of");
    // The bodies that issued the plan are no person.
    expect(findEntities(fold("kế hoạch liên tịch do cơ quan nào ký")).asksPerson).toBe(false);
  });

  it("leaves names unanswered, and still says which bodies issued the plan", () => {
    refusesAll(["Sở KH&CN BD ai đứng tên ký kế hoạch liên tịch vậy, tên người ký là gì", "ten nguoi ky ke hoach ben so khcn brvt la gi", "Who is the chief of the HCMC City Party Committee Office?", "chánh văn phòng Thành ủy là ai"]);
    expect(answeredWith("kế hoạch liên tịch do cơ quan nào ký")).toBe("plan-signatories");
  });
});

describe("a venue asked by its kind ('ở hội trường nào', 'tại địa điểm nào') is a 'where'", () => {
  it("is unanswered by an entry that says no venue is given", () => {
    refusesAll(["tập huấn email tổ chức ở hội trường nào", "tap huan mail cong vu tai dia diem nao"]);
    expect(answeredWith("khi nào tập huấn dùng email công vụ")).toBe("email-training");
  });
});

describe("a numbered phase of another thing ('giai đoạn 2 của app …'): the entry must speak of that phase", () => {
  it("reads a sentence naming the phase, not a 'not stated' one", () => {
    // As the analyser leaves them: "giai đoạn" is the concept token "giaidoan".
    const analysed = (text: string) => {
      const e = entryOf(text);
      return { ...e, sentences: e.sentences!.map((x) => ({ ...x, units: x.folded.replace(/\bgiai doan\b/g, "giaidoan").split(" ") })) };
    };
    expect(speaksOfPhase(analysed("Giai đoạn 2 của nền tảng bắt đầu trong quý 1/2026."), [2])).toBe(true);
    expect(speaksOfPhase(analysed("Ứng dụng ra mắt ngày 14/11/2024."), [2])).toBe(false);
    expect(speaksOfPhase(analysed("Giai đoạn 1 của nền tảng đã xong."), [2])).toBe(false);
    expect(speaksOfPhase(analysed("Nguồn không nêu giai đoạn 2 của ứng dụng."), [2])).toBe(false);
  });

  it("leaves another app's phase 2 unanswered, and still answers the platform's", () => {
    refusesAll(["giai đoạn 2 của app Công dân số TPHCM có thêm tính năng gì", "gd2 cua ung dung cong dan so co gi moi"]);
    expect(answeredWith("giai đoạn 2 của nền tảng quản lý chính quyền số bắt đầu khi nào")).toBe("digital-gov-platform-phase2");
  });
});
