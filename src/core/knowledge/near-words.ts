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
