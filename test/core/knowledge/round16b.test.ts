import { describe, expect, it } from "vitest";
import { betweenPhrases, pointsBack } from "../../../src/core/knowledge/day-count.js";
import { eachSystemAsked } from "../../../src/core/knowledge/follow-up.js";
import { fold } from "../../../src/core/fold.js";
import { bestWindow } from "../../../src/core/knowledge/search.js";
import type { SearchResult } from "../../../src/core/knowledge/types.js";
import { withoutLanguageRequest } from "../../../src/core/language.js";
import { askEachAlone, followUpAnswer } from "../../helpers/knowledge.js";

const NOW = "2026-12-01T09:00:00+07:00";
const followUp = (first: string, second: string) => followUpAnswer(first, second, NOW);
const askEach = (...questions: string[]) => askEachAlone(NOW, ...questions);

describe("a language request with politeness before its verb", () => {
  it("drops 'pls answer in English' and 'please reply in English' whole", () => {
    expect(withoutLanguageRequest("pls answer in english, and the rollout?")).toBe("and the rollout?");
    expect(withoutLanguageRequest("please reply in English: what about Binh Duong?")).toBe("what about Binh Duong?");
    expect(withoutLanguageRequest("could you answer in English, when is the pilot")).toBe("when is the pilot");
  });

  it("reads the follow-up after the request within the previous topic", async () => {
    const answer = await followUp("thử nghiệm qlvb hạn khi nào", "plz answer in english: and for every ward?");
    expect(answer).toContain("15 August 2025");
  });
});

describe("a follow-up whose reading with the previous question only says what is not known", () => {
  it("keeps the answer the follow-up has alone, in the same topic", async () => {
    const answer = await followUp("Who sets up the new mailboxes?", "and who trains the civil servants?");
    expect(answer).toContain("Digital Transformation Center");
    expect(answer).not.toContain("has no figures");
  });
});

describe("the dedicated data network as a value a follow-up swaps in", () => {
  it("asks the previous question's attribute of the network", async () => {
    const en = await followUp("What is the average internet speed?", "what about the data network?");
    expect(en).toContain("569");
    expect(en).toContain("20 Mbps");
    const vi = await followUp("internet bình quân nhanh cỡ nào", "còn mạng truyền số liệu thì sao");
    expect(vi).toContain("569");
  });
});

describe("a count of days to the day the previous answer gave", () => {
  it("reads 'that date', 'ngày đó', 'mốc đó' as pointing back", () => {
    expect(pointsBack("that date")).toBe(true);
    expect(pointsBack("ngay do")).toBe(true);
    expect(pointsBack("moc do")).toBe(true);
    expect(pointsBack("han thu nghiem")).toBe(false);
    expect(betweenPhrases(fold("từ hạn thử nghiệm đến mốc đó cách bao nhiêu ngày"))).toEqual(["han thu nghiem", "moc do"]);
  });

  it("counts from a deadline named to the previous answer's day", async () => {
    const en = await followUp("When does 1022 go live officially?", "how many days from the document management pilot deadline to that day?");
    expect(en).toContain("78 days");
    const vi = await followUp("qlvb vận hành chính thức ngày nào", "từ hạn triển khai cho toàn bộ phường xã tới ngày đó cách mấy ngày");
    expect(vi).toContain("17 ngày");
  });
});

describe("the same asked of two systems at once", () => {
  it("splits the question into one of each system", () => {
    expect(eachSystemAsked("email va qlvb han khi nao")).toEqual(["email han khi nao", "qlvb han khi nao"]);
    expect(eachSystemAsked("when do 1022 and document management go live")).toEqual(["when do 1022 go live", "when do document management go live"]);
    expect(eachSystemAsked("qlvb han khi nao")).toBeUndefined();
  });

  it("answers each system, and keeps the first as the topic", async () => {
    const [both] = await askEach("1022 với qlvb vận hành chính thức khi nào");
    expect(both).toContain("1022");
    expect(both).toContain("quản lý văn bản");
    expect(both).toContain("01/09/2025");
  });
});

describe("Bình Dương's parallel e-mail, asked in chat words", () => {
  it("reads 'bn lâu' and 'bao nhiêu lâu' as how long, and 'cùng lúc' as side by side", async () => {
    const [short, long] = await askEach("mail bd dùng song song bn lâu", "nghe nói cán bộ bd xài 2 email cùng lúc, đúng không ạ, xài bao nhiêu lâu thì bỏ mail cũ");
    expect(short).toContain("3 tháng");
    expect(long).toContain("3 tháng");
  });

  it("does not answer a Bình Dương question with the entry on Bà Rịa - Vũng Tàu that only compares with it", async () => {
    const [bd] = await askEach("bên bd có được dùng 2 email song song không");
    expect(bd).toContain("3 tháng");
    expect(bd).not.toContain("không nói về cán bộ");
  });

  it("still reads a question comparing with Bình Dương as one of Bà Rịa - Vũng Tàu", async () => {
    const [brvt] = await askEach("Em ở Vũng Tàu, có được giữ email cũ 3 tháng giống bên Bình Dương không ạ?");
    expect(brvt).toContain("không nói về cán bộ");
  });

  it("reads a follow-up adding a place with words of its own as its own question", async () => {
    const answer = await followUp("ai tập huấn mail cho cán bộ 2 tỉnh", "còn cán bộ bd được giữ mail cũ bao lâu");
    expect(answer).toContain("3 tháng");
  });
});

describe("windows of a long message", () => {
  const entry = { id: "e", topic: "email", questions: [], keywords: [], answer: "", milestones: [], source: "plan" } as never;
  const result = (text: string, hit?: { relevance: number; unsupplied?: true }): SearchResult => ({
    decision: hit ? "confident" : "none",
    ...(hit ? { best: { entry, score: 0, ...hit } } : {}),
    suggestions: [],
    folded: fold(text),
    units: fold(text).split(" "),
  });

  it("reads the clauses around 'đúng ko ạ' together, never that clause alone", () => {
    const searched: string[] = [];
    bestWindow("nghe nói bd dùng hai email song song luôn, đúng ko ạ, dùng được bao lâu vậy", (text) => (searched.push(text), result(text)));
    expect(searched).not.toContain("đúng ko ạ");
    expect(searched).toContain("nghe nói bd dùng hai email song song luôn dùng được bao lâu vậy");
  });

  it("keeps a window's answer over a later window reaching the same entry only as not giving it", () => {
    const found = bestWindow("bd dùng hai email song song luôn phải ko, dùng được bao lâu thì bỏ cái cũ vậy anh chị", (text) =>
      text.startsWith("bd") ? result(text, { relevance: 0.7 }) : result(text, { relevance: 0.9, unsupplied: true }),
    );
    expect(found.best?.unsupplied).toBeUndefined();
  });

  it("does not let a window dropping a question word turn the whole message's non-answer into an answer", () => {
    const found = bestWindow("buổi tập huấn thư điện tử của xã em tổ chức hôm nào, tại địa điểm nào vậy ạ", (text) => {
      const f = fold(text);
      const units = [...f.split(" "), ...(f.includes("hom nao") ? ["_when"] : []), ...(f.includes("dia diem nao") ? ["_where"] : [])];
      const whole = f.includes("hom nao") && f.includes("dia diem nao");
      return { ...result(text, whole ? { relevance: 0.7, unsupplied: true } : { relevance: 0.9 }), units };
    });
    expect(found.best?.unsupplied).toBe(true);
  });
});

describe("two English questions in one short message", () => {
  it("reads 'all ward(s)' as every ward, and a short marked second question as a follow-up", async () => {
    const [both] = await askEach("by when must document management be in every ward? and when official?");
    expect(both).toContain("15 August 2025");
    expect(both).toContain("1 September 2025");
  });
});
