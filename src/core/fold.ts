import { rememberRecent } from "./recent.js";

/**
 * Folds Vietnamese text for matching: Unicode NFD, combining marks removed,
 * đ/Đ → d, lowercase, punctuation turned into spaces, whitespace collapsed.
 * Digits and the separators inside numbers and dates are kept ("1022", "10/6", "2025-05").
 * The index and the query must both go through this one function.
 *
 * ```ts
 * fold("Thư điện tử công vụ — khi nào?") // "thu dien tu cong vu khi nao"
 * ```
 */
export const fold: (text: string) => string = rememberRecent(
  // Index builds fold every text of the knowledge base, so Latin text (all of Vietnamese) takes a one-pass path
  // with each character's folding computed once; anything else takes the reference definition. An answer folds its
  // message in many places, so the texts folded lately are remembered (fold is pure: no result changes).
  (text) => foldLatin(text) ?? foldReference(text),
);

/**
 * The definition of {@link fold}, step by step. {@link fold} must return exactly this for every text
 * (test/core/fold.test.ts compares the two).
 */
export function foldReference(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/(\d)[./-](?=\d)/g, "$1\u0000")
    .replace(/&/g, "")
    .replace(/[^\p{L}\p{N}\u0000]+/gu, " ")
    .replace(/\u0000/g, "/")
    .trim();
}

/**
 * Characters whose folding is the same alone as in context: Basic Latin to IPA and the combining marks
 * (U+0000–U+036F), Latin Extended Additional (U+1E00–U+1EFF, most Vietnamese letters) and General Punctuation
 * (U+2000–U+206F). Greek is left out (its final sigma lowercases by context).
 */
const isTabled = (code: number) => code < 0x370 || (code >= 0x1e00 && code < 0x1f00) || (code >= 0x2000 && code < 0x2070);
const tableIndex = (code: number) => (code < 0x370 ? code : code < 0x1f00 ? code - 0x1e00 + 0x370 : code - 0x2000 + 0x470);
/** Each tabled character folded alone (NFD, marks removed, đ → d, lowercase), filled on first use. */
const folded: (string | undefined)[] = new Array(0x4e0);
/** Whether a folded character is a letter or a digit (1), other (2), or not yet known (0). */
const kind = new Uint8Array(0x4e0);

function foldChar(code: number): string {
  const at = tableIndex(code);
  return (folded[at] ??= String.fromCharCode(code).normalize("NFD").replace(/\p{M}+/gu, "").replace(/[đĐ]/g, "d").toLowerCase());
}

function isWordChar(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && isTabled(code)) {
    const at = tableIndex(code);
    if (kind[at] === 0) kind[at] = /[\p{L}\p{N}]/u.test(ch) ? 1 : 2;
    return kind[at] === 1;
  }
  return /^[\p{L}\p{N}]+$/u.test(ch);
}

const isDigitCode = (code: number) => code >= 48 && code <= 57;

/** Character codes of the text being folded (steps 1 and 2), grown as needed and reused: no string per character. */
let mapped = new Uint16Array(1024);
let out = new Uint16Array(1024);

/** {@link foldReference} in one pass over the characters, or undefined when `text` has a character outside the table. */
function foldLatin(text: string): string | undefined {
  if (text.includes("\u0000")) return undefined;
  // Step 1: each character folded alone (what NFD, mark removal, đ → d and lowercase do to it).
  if (mapped.length < 2 * text.length) {
    mapped = new Uint16Array(2 * text.length + 16);
    out = new Uint16Array(2 * text.length + 16);
  }
  let m = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      mapped[m++] = code >= 65 && code <= 90 ? code + 32 : code;
      continue;
    }
    if (!isTabled(code)) return undefined;
    const f = foldChar(code);
    if (m + f.length > mapped.length) return undefined;
    for (let j = 0; j < f.length; j++) mapped[m++] = f.charCodeAt(j);
  }
  // Step 2: separators between digits kept as "/", "&" dropped, other runs of non-word characters → one space.
  let o = 0;
  let pendingSpace = false;
  for (let i = 0; i < m; i++) {
    const code = mapped[i]!;
    const separator = (code === 46 || code === 47 || code === 45) && i > 0 && isDigitCode(mapped[i - 1]!) && i + 1 < m && isDigitCode(mapped[i + 1]!);
    if (code === 38) continue;
    if (separator || isWordCode(code)) {
      if (pendingSpace && o > 0) out[o++] = 32;
      pendingSpace = false;
      out[o++] = separator ? 47 : code;
    } else pendingSpace = true;
  }
  let result = "";
  for (let i = 0; i < o; i += 4096) result += String.fromCharCode(...out.subarray(i, Math.min(o, i + 4096)));
  return result;
}

function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || isDigitCode(code);
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return isWordChar(String.fromCharCode(code));
}
