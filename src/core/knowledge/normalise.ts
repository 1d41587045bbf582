import type { GlossaryGroup, LexiconEntry } from "../content/schema.js";
import { fold } from "../fold.js";

/**
 * Rewrites chat Vietnamese into the words the knowledge base uses, on folded words:
 * - shorthand and slang from `content/lexicon.yaml` ("tk" → "tai khoan", "bh" → "bao gio", "a/c" → "anh chi"),
 *   longest phrase first, one pass (an expansion is never expanded again);
 * - a shorthand with a number glued on ("gđ2" → "giai doan 2");
 * - glossary terms pass through untouched, so "e-ID" is not read as "em id".
 *
 * Telex/VNI leftovers and typos need the index's vocabulary and are corrected later, in the search.
 *
 * ```ts
 * createNormaliser(lexicon, glossary).normalise(["tk", "email", "bh", "co"]) // ["tai", "khoan", "email", "bao", "gio", "co"]
 * ```
 */
export interface Normaliser {
  normalise(words: readonly string[]): string[];
  /** The folded `from` of every entry (for tests and the typo corrector, which leaves them alone). */
  readonly keys: ReadonlySet<string>;
}

/** Builds the {@link Normaliser} for a lexicon; glossary terms of more than one word are protected from it. */
export function createNormaliser(lexicon: readonly LexiconEntry[], glossary: readonly GlossaryGroup[] = []): Normaliser {
  const byFirst = new Map<string, { from: string[]; to: string[] }[]>();
  const keys = new Set<string>();
  for (const e of lexicon) {
    const from = fold(e.from).split(" ").filter((w) => w.length > 0);
    if (from.length === 0) continue;
    keys.add(from.join(" "));
    const to = fold(e.to).split(" ").filter((w) => w.length > 0);
    byFirst.set(from[0]!, [...(byFirst.get(from[0]!) ?? []), { from, to }]);
  }
  for (const bucket of byFirst.values()) bucket.sort((a, b) => b.from.length - a.from.length);
  const protectedByFirst = new Map<string, string[][]>();
  for (const g of glossary) {
    for (const term of g.terms) {
      const words = fold(term).split(" ").filter((w) => w.length > 0);
      if (words.length < 2) continue;
      protectedByFirst.set(words[0]!, [...(protectedByFirst.get(words[0]!) ?? []), words]);
    }
  }
  for (const bucket of protectedByFirst.values()) bucket.sort((a, b) => b.length - a.length);
  const at = (input: readonly string[], i: number, list: readonly string[]) => list.every((w, j) => input[i + j] === w);

  return {
    keys,
    normalise(input) {
      const words: string[] = [];
      for (const w of input) {
        // "gd2", "gđ1": a known shorthand with a number glued on (most words end in a letter: no regex for them).
        const last = w.charCodeAt(w.length - 1);
        const m = last >= 48 && last <= 57 ? /^([a-z]+)(\d{1,2})$/.exec(w) : null;
        if (m && byFirst.get(m[1]!)?.some((e) => e.from.length === 1)) words.push(m[1]!, m[2]!);
        else words.push(w);
      }
      const out: string[] = [];
      for (let i = 0; i < words.length; ) {
        const kept = protectedByFirst.get(words[i]!)?.find((t) => at(words, i, t));
        if (kept) {
          out.push(...kept);
          i += kept.length;
          continue;
        }
        const hit = byFirst.get(words[i]!)?.find((e) => at(words, i, e.from));
        if (hit) {
          out.push(...hit.to);
          i += hit.from.length;
        } else out.push(words[i++]!);
      }
      return out;
    },
  };
}

/**
 * Undoes typing with the input method switched off. Telex: "vawn" → "van", "tafi" → "tai", "khoanr" → "khoan",
 * "ddieenj" → "dien"; VNI: "va8n" → "van", "d9oa5n" → "doan". Returns undefined when the word has no such marks.
 * The result is a folded word; the caller decides whether it is a real one.
 */
export function decodeTyping(word: string): string | undefined {
  // VNI's "d9" is "đ", typed before the vowel and its tone digit ("d9oa5n" → "doan").
  if (/d9/.test(word)) {
    const d = word.replace(/d9/g, "d");
    return /^[a-z]+$/.test(d) ? d : (decodeTyping(d) ?? undefined);
  }
  if (/^[a-z]+\d[a-z\d]*$/.test(word) && /[a-z]/.test(word) && /^[a-z]*[aeiouy][a-z]*\d/.test(word)) {
    const vni = word.replace(/[1-9]/g, "");
    if (vni !== word && /^[a-z]+$/.test(vni)) return vni;
  }
  if (!/^[a-z]+$/.test(word)) return undefined;
  // "w" after a vowel marks it (ă, ơ, ư); after a consonant it is "ư" itself ("ddwowcj" → "được", "thw" → "thư").
  let w = word.replace(/dd/g, "d").replace(/aa/g, "a").replace(/ee/g, "e").replace(/oo/g, "o").replace(/([aouy])w/g, "$1").replace(/([b-df-hj-np-tv-xz])w/g, "$1u");
  // A tone key typed after the vowel: at the end ("khoanr"), or between vowels and the final consonant ("tafi", "vieetj").
  if (/[aeiouy](?:ch|ng|nh|[cmnpt])?[sfrxj]$/.test(w)) w = w.slice(0, -1);
  else w = w.replace(/([aeiouy])[sfrxj]([aeiouy]*(?:ch|ng|nh|[cmnpt])?)$/, "$1$2");
  if (w.startsWith("w")) w = `u${w.slice(1)}`;
  return w !== word ? w : undefined;
}
