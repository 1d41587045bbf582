import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTestApp, realContent } from "../helpers/app.js";
import { createTextRunner, hasMust, loadTextCases, looksVietnamese, scoreText, type TextResult, yamlFiles } from "./blind-format.js";
import { loadIdCases, runIdCase } from "./id-sets.js";

const DIR = "test/fixtures/questions";
const idCases = loadIdCases(DIR);

/**
 * Floors on the sets the search is tuned on (issue 12): a change that loses ground fails `npm test`.
 * `npm run eval` prints the same scores with every miss. Round 6 set each floor a little under that round's scores.
 * blind to blind7 were judges once and are tuning sets now, blind8 and blind10 were read after one blind scoring; blind9,
 * the judge of round 11, is a tuning set from round 12.
 */
const FLOORS = {
  tuned: { inScope: 0.97, refused: 0.99 },
  // dev and dev2 follow-ups: round 6's content says the plan has no parallel-use rule for BR-VT staff, so "còn Vũng
  // Tàu thì sao?" after the Bình Dương rule is now refused, where these sets expect the plan's silence as an answer.
  dev: { viInScope: 1, outOfScope: 1, english: 1, followUps: 0.91 },
  dev2: { viInScope: 1, outOfScope: 1, english: 0.97, followUps: 0.94 },
  dev3: { viInScope: 0.98, outOfScope: 1, english: 1, followUps: 1 },
  // dev4: written from the plan and facts.md only, like the blind sets.
  dev4: { viInScope: 1, outOfScope: 1, english: 1, followUps: 1 },
  // dev5: questions on the boundary of what the sources answer (near-topic out of scope, and their in-scope twins).
  dev5: { viInScope: 1, outOfScope: 1, english: 1, followUps: 1 },
  // dev6: written from the plan and facts.md only (~40 % short chat fragments).
  dev6: { viInScope: 1, outOfScope: 1, english: 1, followUps: 1 },
  // dev7: very short Zalo fragments (shorthand, dropped letters), written from the plan and facts.md only
  // (74.0 / 82.1 / – / 76.5 % on main when written; 98.4 / 85.7 / – / 94.1 % after round 11D). Its four misses out of scope
  // are entries that say what the plan leaves out (a cut-off date, the pilot's units, 20/5), counted as answers.
  dev7: { viInScope: 0.98, outOfScope: 0.96, english: 0.9, followUps: 1 },
  // The former judges.
  blind: { viInScope: 0.99, outOfScope: 1, english: 1, followUps: 0.96 },
  blind2: { viInScope: 0.98, outOfScope: 1, english: 0.97, followUps: 1 },
  blind3: { viInScope: 1, outOfScope: 1, english: 1, followUps: 1 },
  // Judge of rounds 6 and 7, a tuning set from round 8 (95.9 / 100 / 98.4 / 90.6 % then).
  blind4: { viInScope: 0.99, outOfScope: 1, english: 1, followUps: 1 },
  // Judge of round 8, a tuning set from round 9 (96.9 / 86.9 / 92.3 / 83.9 % as judge; 96.9 / 100 / 92.3 / 83.9 %
  // after round 9A's refusal kinds).
  // Round 10B: 100 % English and follow-ups (shorthand countdowns, fillers, the plan's purpose).
  blind5: { viInScope: 1, outOfScope: 1, english: 1, followUps: 1 },
  // Judge of round 9, a tuning set from round 10 (92.1 / 93.0 / 92.4 / 96.6 % as judge; 99.2 / 93.0 / 98.5 / 96.6 %
  // after round 10B's in-scope kinds; out of scope 100 % after round 10A's stated acts and subject checks).
  // Round 16B: English 66/66 (a follow-up adding a place with words of its own).
  blind6: { viInScope: 0.99, outOfScope: 1, english: 1, followUps: 0.96 },
  // Written blind by a new writer (long polite messages, two questions in one), a tuning set from round 10C
  // (83.6 / 85.5 / 83.7 / 88.5 % before it; 93.4 / 85.5 / 91.8 / 92.3 % after its long-message reading; out of
  // scope 98.4 % after round 10D's subject checks).
  blind8: { viInScope: 0.98, outOfScope: 0.98, english: 0.97, followUps: 1 },
  // Judge of round 10 (94.7 / 87.9 / 94.3 / 87.5 % then), a tuning set from round 11 (100 % of each kind after
  // rounds 11A and 11B).
  blind7: { viInScope: 1, outOfScope: 1, english: 1, followUps: 1 },
  // Written blind for round 11 and scored once on round 10's engine (91.4 / 90.3 / 90.2 / 95.3 % after its fact
  // check), then the tuning set of round 11C (97.5 / 98.4 / 97.8 / 96.9 % after it).
  blind10: { viInScope: 0.99, outOfScope: 1, english: 0.98, followUps: 1 },
  // Judge of round 11 (93.8 / 91.7 / 96.1 / 95.6 % then), a tuning set from round 12 (99.4 / 93.1 / 100 / 100 % after
  // round 12A's in-scope, English and follow-up kinds; out of scope 100 % after 12B and 12E).
  blind9: { viInScope: 0.99, outOfScope: 1, english: 1, followUps: 1 },
  // Written blind for round 12, the tuning set of round 12C (84.8 / 87.5 / 91.8 / 83.3 % on main after its fact check;
  // 88.3 / 87.5 / 95.1 / 88.9 % after 12C's fillers, staff-list topic, phase-1 scope and VNI "d9"; 91.7 / 87.5 / 96.7 /
  // 100 % after 12F's follow-ups, "Sở em", stated today, days between two days). 12E's refusals: out of scope 95 %.
  // Round 16B: 137/145 in scope.
  blind12: { viInScope: 0.97, outOfScope: 1, english: 1, followUps: 1 },
  // Written blind for round 12 (everyday wording of ward staff, agency leads, coordinators, plain English), the tuning
  // set of round 12D (79.6 / 89.6 / 89.1 / 93.1 % on main after its fact check; 90.7 / 89.6 / 93.5 / 93.1 % after 12D's
  // everyday names of the systems, askers' own titles and guessed weekdays; out of scope 95.8 % after 12E's refusals).
  // Round 16B: 105/108 in scope.
  blind13: { viInScope: 0.98, outOfScope: 1, english: 1, followUps: 1 },
  // Judge of round 12 (86.6 / 86.7 / 84.5 / 84.6 % on round 11's engine after its fact check; 87.8 / 88.3 / 88.7 /
  // 89.7 % after round 12), read after round 12's last merge (docs/eval/blind11-latest.txt): a tuning set from now on.
  blind11: { viInScope: 0.96, outOfScope: 1, english: 1, followUps: 0.97 },
  // Judge of round 13 (252 cases, ids y, fact-checked; 96.8 / 98.1 / 94.2 / 100 % on round 12's engine, 97.6 / 98.1 /
  // 96.2 / 100 % after round 13), kept off the tuners' worktrees and read after round 13's last merge
  // (docs/eval/blind14-latest.txt): a tuning set from now on.
  blind14: { viInScope: 1, outOfScope: 1, english: 1, followUps: 1 },
  // Judge of round 14 (257 cases, ids z, fact-checked; 84.8 / 91.5 / 86.3 / 91.2 % on round 13's engine, 86.4 / 91.5 /
  // 90.2 / 91.2 % after round 14), kept off the tuners' worktrees: read after round 14's merge (docs/eval/blind15-latest.txt).
  // Round 15 tuned on it (15A dates and refusals, 15B relayed questions, follow-ups, FAQ): 123/125, 58/59, 49/51, 34/34.
  // Round 16 tuned on it (16B: a window dropping the question word an entry cannot answer; 16C: special zone in scope,
  // an exact schedule unanswered).
  blind15: { viInScope: 0.99, outOfScope: 1, english: 1, followUps: 1 },
  // Judge of round 15 (268 cases, ids j, fact-checked; 89.3 / 93.8 / 90.6 / 87.5 % on round 14's engine), kept off
  // the tuners' worktrees and scored only after their merge: 118/131, 60/64, 49/53, 35/40 (90.1 / 93.8 / 92.5 / 87.5 %).
  // Round 16 tuned on it (16A dates, 16B English follow-ups and Bình Dương e-mail, 16C content gaps and refusals):
  // 131/131, 64/64, 53/53, 40/40.
  blind16: { viInScope: 1, outOfScope: 1, english: 1, followUps: 1 },
  // Judge of round 16 (274 cases, ids s, fact-checked: docs/eval/blind17-factcheck.md): 117/128, 57/62, 47/52, 44/50 on
  // round 15's engine, 117/128, 59/62, 48/52, 44/50 after round 16. Round 17 tuned on it (17A facts and content, 17B day
  // counts and follow-ups, 17C refusals and follow-ups): 128/128, 62/62, 52/52, 50/50.
  blind17: { viInScope: 1, outOfScope: 1, english: 1, followUps: 1 },
  // Judge of round 17 (319 cases, ids t, fact-checked: docs/eval/blind18-factcheck.md): 141/155, 54/59, 60/65, 59/63 on
  // round 16's engine and after round 17. Round 18 tuned on it (18A lists and whole-picture questions, 18B day counts,
  // English and follow-ups, 18C refusals): 153/155, 59/59, 65/65, 62/63.
  blind18: { viInScope: 0.98, outOfScope: 1, english: 1, followUps: 0.98 },
  // Judge of round 18 (272 cases, ids o, fact-checked: docs/eval/blind19-factcheck.md), kept off the tuners' worktrees:
  // 124/142, 45/47, 49/55, 39/43 on round 17's engine (87.3 / 95.7 / 89.1 / 90.7 %); after round 18's merge 127/142,
  // 45/47, 49/55, 39/43 (89.4 / 95.7 / 89.1 / 90.7 %). Misses: docs/eval/blind19-latest.txt.
  blind19: { viInScope: 0.89, outOfScope: 0.95, english: 0.89, followUps: 0.9 },
  // Judge of round 19 (297 cases, ids a, fact-checked: docs/eval/blind20-factcheck.md), kept off the tuners' worktrees:
  // 143/164, 47/49, 50/52, 41/46 on round 18's engine with the review fixes (87.2 / 95.9 / 96.2 / 89.1 %).
  blind20: { viInScope: 0.87, outOfScope: 0.95, english: 0.96, followUps: 0.89 },
};

const share = ([a, b]: [number, number]) => (b === 0 ? 1 : a / b);

/** Asks every case through the real assistant and checks each kind's share against its floor, listing the misses. */
async function expectAboveFloors(cases: ReturnType<typeof loadTextCases>, floors: (typeof FLOORS)["dev"]): Promise<void> {
  const runner = await createTextRunner(await realContent());
  const results: TextResult[] = [];
  for (const c of cases) results.push(await runner.run(c));
  await runner.close();
  const s = scoreText(results);
  const misses = results.filter((r) => !r.ok).map((r) => `  ${r.c.id} "${r.c.q}": ${r.why}`).join("\n");
  expect(share(s.viInScope), misses).toBeGreaterThanOrEqual(floors.viInScope);
  expect(share(s.outOfScope), misses).toBeGreaterThanOrEqual(floors.outOfScope);
  expect(share(s.english), misses).toBeGreaterThanOrEqual(floors.english);
  expect(share(s.followUps), misses).toBeGreaterThanOrEqual(floors.followUps);
}

describe("the tuned id-scored sets (test/fixtures/questions/*.yaml)", () => {
  it("have at least 150 questions, in-scope and out-of-scope, with at least 10 in English", () => {
    expect(idCases.length).toBeGreaterThanOrEqual(150);
    expect(idCases.filter((c) => c.expect === "none").length).toBeGreaterThan(0);
    expect(idCases.filter((c) => c.lang === "en").length).toBeGreaterThanOrEqual(10);
  });

  it(`answer at least ${FLOORS.tuned.inScope * 100} % of in-scope questions with the expected entry and refuse at least ${FLOORS.tuned.refused * 100} % of the others`, async () => {
    const app = await createTestApp();
    const known = new Set(app.content.faq.map((e) => e.id));
    for (const c of idCases) if (c.expect !== "none") expect(known.has(c.expect), `${c.file}: "${c.q}" expects unknown entry ${c.expect}`).toBe(true);
    const results = await Promise.all(idCases.map((c) => runIdCase(app, c)));
    const misses = results.filter((r) => !r.ok).map((r) => `  ${r.c.file}: "${r.c.q}" expected ${r.c.expect}, got ${r.got} (${r.detail})`);
    const inScope = results.filter((r) => r.c.expect !== "none");
    const out = results.filter((r) => r.c.expect === "none");
    expect(inScope.filter((r) => r.ok).length / inScope.length, misses.join("\n")).toBeGreaterThanOrEqual(FLOORS.tuned.inScope);
    expect(out.filter((r) => r.ok).length / out.length, misses.join("\n")).toBeGreaterThanOrEqual(FLOORS.tuned.refused);
  });
});

describe("the text scorer", () => {
  it("compares must strings without case or diacritics, with '|' alternatives", () => {
    expect(hasMust("Hạn trước ngày 10/06/2025.", "10/06/2025")).toBe(true);
    expect(hasMust("Trung tâm Chuyển đổi số", "trung tam chuyen doi so")).toBe(true);
    expect(hasMust("từ ngày 01/09/2025", "1/9/2025|01/09/2025")).toBe(true);
    expect(hasMust("từ ngày 01/09/2025", "15/08/2025")).toBe(false);
  });

  it("tells a Vietnamese answer from an English one", () => {
    expect(looksVietnamese("Trung tâm Chuyển đổi số TP.HCM tạo tài khoản thư điện tử công vụ")).toBe(true);
    expect(looksVietnamese("The HCMC Digital Transformation Center creates the accounts by 10 June 2025.")).toBe(false);
  });

  it("scores each kind separately: out-of-scope cases count only as refusals", () => {
    const c = (kind: "in-scope" | "out-of-scope" | "follow-up", lang: "vi" | "en", ok: boolean): TextResult => ({
      c: { id: `${kind}-${lang}-${ok}`, q: "q", lang, kind, must: [] },
      answered: ok,
      answer: "",
      ok,
    });
    const s = scoreText([c("in-scope", "vi", true), c("in-scope", "vi", false), c("out-of-scope", "en", true), c("in-scope", "en", true), c("follow-up", "en", false)]);
    expect(s.viInScope).toEqual([1, 2]);
    expect(s.outOfScope).toEqual([1, 1]);
    expect(s.english).toEqual([1, 2]);
    expect(s.followUps).toEqual([0, 1]);
  });
});

/** The least each dev set must hold of each kind ("englishAnswerable": English questions that are not out of scope). */
interface Composition {
  total: number;
  english?: number;
  englishAnswerable?: number;
  outOfScope?: number;
  followUps?: number;
}

/** The dev sets (test/fixtures/questions/devN), what each is for, and its agreed composition. */
const DEV_SETS: { name: "dev" | "dev2" | "dev3" | "dev4" | "dev5" | "dev6" | "dev7"; about: string; least: Composition }[] = [
  { name: "dev", about: "blind format", least: { total: 120, english: 20, outOfScope: 20, followUps: 10 } },
  { name: "dev2", about: "status, shorthand, follow-ups, English, near-topic", least: { total: 120, followUps: 25, englishAnswerable: 30, outOfScope: 30 } },
  { name: "dev3", about: "an audit of every fact in facts.md and the plan", least: { total: 100, english: 20 } },
  { name: "dev4", about: "written from the plan and facts.md only", least: { total: 200, english: 30, outOfScope: 30, followUps: 20 } },
  { name: "dev5", about: "near-topic questions and their in-scope twins", least: { total: 150, outOfScope: 100 } },
  { name: "dev6", about: "chat fragments, written from the plan and facts.md only", least: { total: 200, english: 45, outOfScope: 40, followUps: 25 } },
  { name: "dev7", about: "very short Zalo fragments, written from the plan and facts.md only", least: { total: 150, outOfScope: 25, followUps: 15 } },
];

for (const set of DEV_SETS) {
  describe(`the ${set.name} set (test/fixtures/questions/${set.name}: ${set.about})`, () => {
    const cases = yamlFiles(join(DIR, set.name)).flatMap(loadTextCases);
    const { total, english, englishAnswerable, outOfScope, followUps } = set.least;

    it(`has at least ${total} cases and its share of each kind (${JSON.stringify(set.least)})`, () => {
      expect(cases.length).toBeGreaterThanOrEqual(total);
      expect(cases.filter((c) => c.lang === "en").length).toBeGreaterThanOrEqual(english ?? 0);
      expect(cases.filter((c) => c.lang === "en" && c.kind !== "out-of-scope").length).toBeGreaterThanOrEqual(englishAnswerable ?? 0);
      expect(cases.filter((c) => c.kind === "out-of-scope").length).toBeGreaterThanOrEqual(outOfScope ?? 0);
      expect(cases.filter((c) => c.kind === "follow-up").length).toBeGreaterThanOrEqual(followUps ?? 0);
    });

    it("stays above its floors through the real assistant", async () => {
      await expectAboveFloors(cases, FLOORS[set.name]);
    });
  });
}

// The former judges, now tuning sets: each stays above its floors.
for (const name of ["blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19"] as const) {
  const folder = join(DIR, name);
  describe.skipIf(!existsSync(folder))(`the former judge ${name} (test/fixtures/questions/${name}), now a tuning set`, () => {
    it("stays above its floors through the real assistant", async () => {
      await expectAboveFloors(yamlFiles(folder).flatMap(loadTextCases), FLOORS[name]);
    });
  });
}

// The judge of round 19, scored by the lead only after merging (its floors: its score then, so a later change that
// loses one of its cases fails here; tuning on it makes it a former judge).
describe.skipIf(!existsSync(join(DIR, "blind20")))("the judge blind20 (test/fixtures/questions/blind20)", () => {
  it("stays above its floors through the real assistant", async () => {
    await expectAboveFloors(yamlFiles(join(DIR, "blind20")).flatMap(loadTextCases), FLOORS.blind20);
  });
});

// The blind sets are written by someone who never saw the content and scored only by the lead, after merging:
// this checks that they load and have the agreed composition, never their scores.
for (const name of ["blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20"]) {
  const folder = join(DIR, name);
  describe.skipIf(!existsSync(folder))(`the ${name} set (test/fixtures/questions/${name})`, () => {
    it("parses, and has at least 150 cases: 30 English, 30 out of scope, 20 follow-up pairs", () => {
      const cases = yamlFiles(folder).flatMap(loadTextCases);
      expect(cases.length).toBeGreaterThanOrEqual(150);
      expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
      expect(cases.filter((c) => c.lang === "en").length).toBeGreaterThanOrEqual(30);
      expect(cases.filter((c) => c.kind === "out-of-scope").length).toBeGreaterThanOrEqual(30);
      expect(cases.filter((c) => c.kind === "follow-up").length).toBeGreaterThanOrEqual(20);
    });
  });
}
