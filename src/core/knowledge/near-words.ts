/**
 * Known words one edit away from a typed word, without comparing it with every known word of its length.
 *
 * A word within one edit of another (a letter changed, added or dropped, or two neighbours swapped) shares with it a
 * key among {the word itself, the word with one letter deleted}. The index maps each such key of each known word to
 * the words having it, so a lookup reads only the few words sharing a key, a superset of those one edit away; the
 * caller still measures the distance. Words come back in the order of the lists they were indexed from (by length,
 * then place), the order a full scan reads them in, so ties fall the same way.
 */

/** Each way of deleting one letter of `word`. */
export function deletions(word: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < word.length; at++) out.push(word.slice(0, at) + word.slice(at + 1));
  return out;
}

/**
 * Indexes the words of `byLength` (length → words) of at most `maxLength` letters. The lookup returns the indexed
 * words whose length `lengths` accepts that may be within one edit of `word`, ordered by length, then by place in
 * their list.
 */
export function createOneEditIndex(byLength: ReadonlyMap<number, readonly string[]>, maxLength: number): (word: string, lengths: (length: number) => boolean) => string[] {
  const placeOf = new Map<string, number>();
  const byKey = new Map<string, string[]>();
  for (const list of byLength.values()) {
    list.forEach((w, at) => {
      placeOf.set(w, at);
      if (w.length > maxLength) return;
      for (const key of new Set([w, ...deletions(w)])) {
        const near = byKey.get(key);
        if (near) near.push(w);
        else byKey.set(key, [w]);
      }
    });
  }
  return (word, lengths) => {
    const found = new Set<string>();
    for (const key of [word, ...deletions(word)]) for (const w of byKey.get(key) ?? []) if (lengths(w.length)) found.add(w);
    return [...found].sort((a, b) => a.length - b.length || placeOf.get(a)! - placeOf.get(b)!);
  };
}

/**
 * The letters of a word as a 32-bit set (each character's code modulo 32), for {@link mayBeWithin}.
 */
export function letterSet(word: string): number {
  let set = 0;
  for (let i = 0; i < word.length; i++) set |= 1 << (word.charCodeAt(i) & 31);
  return set;
}

function popcount(x: number): number {
  let v = x >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Whether two words with letter sets `a` and `b` (see {@link letterSet}) may be within `max` edits: each edit (a letter
 * changed, added, dropped, or two neighbours swapped) removes at most one letter the other word lacks and adds at most
 * one, so words differing by more than `max` letters on either side are not. A lower bound only: true says "measure".
 */
export function mayBeWithin(a: number, b: number, max: number): boolean {
  return popcount(a & ~b) <= max && popcount(b & ~a) <= max;
}
