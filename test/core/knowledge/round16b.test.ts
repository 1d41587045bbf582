import { describe, expect, it } from "vitest";
import { betweenPhrases, pointsBack } from "../../../src/core/knowledge/day-count.js";
import { eachSystemAsked } from "../../../src/core/knowledge/follow-up.js";
import { fold } from "../../../src/core/fold.js";
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
