import type { GlossaryGroup } from "../content/schema.js";
import { fold } from "../fold.js";

/**
 * Variants of a folded query with glossary synonyms substituted: "email cong vu" also gives
 * "thu dien tu cong vu". The query itself is always first. Phrases are matched on word boundaries.
 */
export function expandGlossary(folded: string, glossary: readonly GlossaryGroup[]): string[] {
  const variants = new Set([folded]);
  const padded = ` ${folded} `;
  for (const group of glossary) {
    const terms = group.terms.map(fold).filter((x) => x.length > 0);
    const present = terms.find((term) => padded.includes(` ${term} `));
    if (!present) continue;
    for (const other of terms) if (other !== present) variants.add(` ${padded.replace(` ${present} `, ` ${other} `)} `.trim().replace(/\s+/g, " "));
  }
  return [...variants];
}

/**
 * Replaces glossary terms in folded word lists by one concept token per synonym group,
 * so "thư điện tử", "mail" and "email" all become the token `email`, and "QLVB" and
 * "quản lý văn bản" both become `qlvb`. Longest terms win ("trung tâm chuyển đổi số" before
 * "chuyển đổi số"). Index and query go through the same canonicaliser, so a synonym in the
 * question always meets its partner in the content.
 */
export interface GlossaryCanon {
  /**
   * The words with every glossary term replaced by its concept token (`units`), and the
   * words of the replaced terms themselves (`parts`, for a weaker match on part of a term).
   */
  canonical(words: readonly string[]): { units: string[]; parts: string[] };
  /** Whether a token is a concept token of some group. */
  isConcept(token: string): boolean;
  /** Every folded word that appears inside a glossary term (for typo correction). */
  readonly words: ReadonlySet<string>;
}

/**
 * Builds the {@link GlossaryCanon} for `content/glossary.yaml`. A term listed in two groups belongs to the first.
 *
 * - `keep` maps folded phrases to one token, before any glossary lookup: a word of "phuong an" (phương án)
 *   folds onto "phường", so the phrase becomes `phuongan`; question words can become intent tokens the same way.
 *   Longer phrases win.
 * - `normalise` is applied to every folded word of a term (the analyser uses it to drop English plurals).
 *
 * When one term of a group is another term plus trailing words ("thư điện tử công vụ" = "thư điện tử" +
 * "công vụ"), those trailing words are absorbed after any term of the group, so "email công vụ" is `email` too.
 */
export function createGlossaryCanon(
  glossary: readonly GlossaryGroup[],
  options: { keep?: readonly (readonly [phrase: string, token: string])[]; normalise?: (word: string) => string } = {},
): GlossaryCanon {
  const normalise = options.normalise ?? ((w: string) => w);
  const keepByFirst = new Map<string, { words: string[]; token: string }[]>();
  for (const [phrase, token] of options.keep ?? []) {
    // Kept phrases are read like the text around them ("where" and "there" lose their final "e" in English).
    const words = phrase.split(" ").map(normalise);
    keepByFirst.set(words[0]!, [...(keepByFirst.get(words[0]!) ?? []), { words, token }]);
  }
  for (const bucket of keepByFirst.values()) bucket.sort((a, b) => b.words.length - a.words.length);
  // term (as a word list) → concept token, indexed by first word for a quick scan.
  const byFirst = new Map<string, { words: string[]; concept: string }[]>();
  const suffixes = new Map<string, string[][]>();
  const concepts = new Set<string>();
  const words = new Set<string>();
  const seen = new Set<string>();
  for (const group of glossary) {
    const folded = group.terms.map((t) => fold(t).split(" ").filter((w) => w.length > 0).map(normalise)).filter((t) => t.length > 0);
    if (folded.length === 0) continue;
    // The concept token is the group's first term without spaces ("cbcc", "qlvb", "1022", "thunghiem").
    const concept = folded[0]!.join("").replace(/\//g, "");
    concepts.add(concept);
    const own: string[][] = [];
    for (const list of folded) {
      const key = list.join(" ");
      if (seen.has(key)) continue;
      seen.add(key);
      own.push(list);
      for (const w of list) words.add(w);
      const bucket = byFirst.get(list[0]!) ?? [];
      bucket.push({ words: list, concept });
      byFirst.set(list[0]!, bucket);
    }
    const tails: string[][] = [];
    for (const a of own) {
      for (const b of own) {
        if (b.length < a.length && b.every((w, j) => a[j] === w)) tails.push(a.slice(b.length));
      }
    }
    suffixes.set(concept, tails.sort((x, y) => y.length - x.length));
  }
  for (const bucket of byFirst.values()) bucket.sort((a, b) => b.words.length - a.words.length);
  const matchAt = (input: readonly string[], i: number, list: readonly string[]) => list.every((w, j) => input[i + j] === w);

  return {
    words,
    isConcept: (token) => concepts.has(token),
    canonical(input) {
      const units: string[] = [];
      const parts: string[] = [];
      for (let i = 0; i < input.length; ) {
        const kept = keepByFirst.get(input[i]!)?.find((k) => matchAt(input, i, k.words));
        const longer = kept && byFirst.get(input[i]!)?.find((t) => t.words.length > kept.words.length && matchAt(input, i, t.words));
        // A longer glossary term wins over a kept phrase at its start ("how big" is a term, "how" an intent).
        if (kept && !longer) {
          units.push(kept.token);
          i += kept.words.length;
          continue;
        }
        const hit = byFirst.get(input[i]!)?.find((t) => matchAt(input, i, t.words));
        if (!hit) {
          units.push(input[i]!);
          i += 1;
          continue;
        }
        units.push(hit.concept);
        parts.push(...hit.words);
        i += hit.words.length;
        const tail = suffixes.get(hit.concept)?.find((t) => matchAt(input, i, t));
        if (tail) i += tail.length;
      }
      return { units, parts };
    },
  };
}
