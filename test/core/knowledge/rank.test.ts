import { describe, expect, it } from "vitest";
import { rankLazily } from "../../../src/core/knowledge/search.js";

/** A small deterministic pseudo-random generator, so the test is repeatable. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

describe("rankLazily", () => {
  it("returns exactly the prefix a full sort gives, on a thousand random candidate sets", () => {
    const next = random(42);
    for (let round = 0; round < 1000; round++) {
      const candidates = Array.from({ length: 1 + Math.floor(next() * 8) }, (_, d) => {
        const bound = Math.round(next() * 20) / 20; // coarse values, so ties happen
        return { d, relevance: Math.round(next() * 10) / 10, bound, exact: bound + Math.round(next() * 4) / 20 };
      });
      const want = Math.ceil(next() * 3);
      const full = candidates
        .map((c) => ({ ...c, score: c.exact }))
        .sort((a, b) => a.score - b.score || b.relevance - a.relevance);
      let calls = 0;
      const lazy = rankLazily(
        candidates,
        (c) => {
          calls++;
          return c.exact;
        },
        (ranked) => ranked.length >= want,
      );
      expect(lazy.map((h) => h.score)).toEqual(full.slice(0, want).map((h) => h.score));
      expect(lazy.map((h) => h.relevance)).toEqual(full.slice(0, want).map((h) => h.relevance));
      expect(calls).toBeLessThanOrEqual(candidates.length);
    }
  });

  it("skips the costly score of candidates that cannot reach the top", () => {
    let calls = 0;
    const ranked = rankLazily(
      [
        { d: 0, relevance: 0.9, bound: 0.05 },
        { d: 1, relevance: 0.8, bound: 0.1 },
        { d: 2, relevance: 0.3, bound: 0.6 },
        { d: 3, relevance: 0.2, bound: 0.7 },
      ],
      (c) => {
        calls++;
        return c.bound + 0.1;
      },
      (r) => r.length >= 2,
    );
    expect(ranked.map((h) => h.d)).toEqual([0, 1]);
    expect(calls).toBe(2);
  });
});
