import { describe, expect, it } from "vitest";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { bestWindow, createKnowledge } from "../../../src/core/knowledge/search.js";
import type { SearchResult } from "../../../src/core/knowledge/types.js";
import { loadTextCases, yamlFiles } from "../../eval/blind-format.js";
import { realContent } from "../../helpers/app.js";

const content = await realContent();
const DIR = "test/fixtures/questions";
// The questions of the tuning sets (the blind sets are left to the lead), and their long messages: the ones
// bestWindow splits into windows.
const tuning = readdirSync(DIR).filter((f) => statSync(join(DIR, f)).isDirectory() && !f.startsWith("blind"));
const questions = [...new Set(tuning.flatMap((f) => yamlFiles(join(DIR, f)).flatMap(loadTextCases)).flatMap((c) => [c.q, ...(c.prev ? [c.prev] : [])]))];
const long = questions.filter((q) => q.split(/\s+/).length >= 12);

const result = (decision: SearchResult["decision"], relevance: number, units = ["a", "b"]): SearchResult => ({
  decision,
  best: decision === "none" ? undefined : { entry: content.faq[0]!, relevance, score: 1 - relevance },
  suggestions: [],
  folded: "",
  units,
});

const summary = (r: SearchResult) => ({
  decision: r.decision,
  best: r.best?.entry.id,
  relevance: r.best?.relevance,
  score: r.best?.score,
  unsupplied: r.best?.unsupplied,
  runnerUp: r.runnerUp?.entry.id,
  suggestions: r.suggestions.map((e) => e.id),
  candidate: r.candidate?.entry.id,
  runnerUpCandidate: r.runnerUpCandidate?.entry.id,
  units: r.units,
});

describe("the search's shortcuts change no answer", () => {
  it("hands each window the strength it must beat", () => {
    const asked: (number | undefined)[] = [];
    bestWindow("Dạ chào anh chị, em ở phường Bà Rịa, cho em hỏi khi nào có tài khoản thư công vụ mới ạ", (text, mustBeat) => {
      asked.push(mustBeat);
      return text.startsWith("Dạ chào anh chị,") ? result("confident", 0.7) : result("none", 0);
    });
    // The whole message is searched without a bar; every window and the tail must beat "confident at 0.7".
    expect(asked[0]).toBeUndefined();
    expect(asked.length).toBeGreaterThan(2);
    for (const bar of asked.slice(1)) expect(bar).toBeCloseTo(20.7, 6);
  });

  const fast = createKnowledge(content);
  const full = createKnowledge(content, { exhaustive: true });

  it(`answers every question of the tuning sets (${questions.length}, ${long.length} of them long) as the exhaustive search does`, () => {
    expect(long.length).toBeGreaterThan(40);
    for (const q of questions) expect(summary(fast.search(q)), q).toEqual(summary(full.search(q)));
  });

  it("answers follow-ups read with the previous question as the exhaustive search does", () => {
    const pairs = tuning.flatMap((f) => yamlFiles(join(DIR, f)).flatMap(loadTextCases)).filter((c) => c.prev);
    expect(pairs.length).toBeGreaterThan(50);
    for (const c of pairs) expect(summary(fast.search(c.q, { expectFrom: c.prev })), c.q).toEqual(summary(full.search(c.q, { expectFrom: c.prev })));
  });
});
