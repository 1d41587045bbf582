/** How many results a remembering function keeps, and the longest key it remembers. */
export interface RecentOptions {
  size?: number;
  maxLength?: number;
}

/**
 * A pure function, remembered for the arguments it was given lately (until {@link forgetRecent}), read through a text key: an answer reads its
 * message in many places (language, fillers, entities, search windows, rendering), and each reading is then worked
 * out once. Only keys up to `maxLength` characters are remembered, at most `size` of them before it starts over, so
 * memory stays bounded. The function must be pure (same arguments, same result) and its results never mutated.
 */
export function rememberRecentBy<A extends unknown[], T>(key: (...args: A) => string, fn: (...args: A) => T, { size = 2048, maxLength = 600 }: RecentOptions = {}): (...args: A) => T {
  const recent = new Map<string, T>();
  memos.push(recent);
  return (...args: A): T => {
    const k = key(...args);
    if (k.length > maxLength) return fn(...args);
    const seen = recent.get(k);
    if (seen !== undefined || recent.has(k)) return seen as T;
    const result = fn(...args);
    if (recent.size >= size) recent.clear();
    recent.set(k, result);
    return result;
  };
}

/** Every remembering function's memory, so that {@link forgetRecent} can empty them all. */
const memos: Map<string, unknown>[] = [];

/**
 * Empties every remembering function's memory. An answer starts with it, so each message is worked out from scratch:
 * nothing is remembered from one message to the next (no answer, and no benchmark, leans on a question seen before).
 */
export function forgetRecent(): void {
  for (const m of memos) m.clear();
}

/**
 * {@link rememberRecentBy} for a function of one text, the text being its own key.
 *
 * ```ts
 * const folded = rememberRecent(foldSlowly);
 * folded("Khi nào?"); folded("Khi nào?"); // worked out once
 * ```
 */
export function rememberRecent<T>(fn: (text: string) => T, options: RecentOptions = {}): (text: string) => T {
  return rememberRecentBy((text: string) => text, fn, options);
}
