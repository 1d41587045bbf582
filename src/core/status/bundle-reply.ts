/**
 * How a person answers a day's bundled reminders by typing (Zalo): items are lettered A, B, C…, and a reply
 * is a letter and a status number with an optional note. Pure; shared by the reminder builder and the status hooks.
 */
import type { Lang } from "../dates.js";
import { fold } from "../fold.js";
import { isLikelyQuestion } from "../question-words.js";
import { STATUSES } from "./kinds.js";
import { parseStatusWord } from "./parse.js";

/** The letter of the item at `index`: A…Z, then AA, AB… */
export function bundleLetter(index: number): string {
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return index < 26 ? letters[index]! : `${letters[Math.floor(index / 26) - 1]!}${letters[index % 26]!}`;
}

/** The item index a letter names (case-insensitive), or -1. */
export function bundleIndex(letter: string): number {
  const up = letter.toUpperCase();
  if (!/^[A-Z]{1,2}$/.test(up)) return -1;
  return up.length === 1 ? up.charCodeAt(0) - 65 : (up.charCodeAt(0) - 64) * 26 + (up.charCodeAt(1) - 65);
}

/** "1 = Đã hoàn thành, 2 = Đúng tiến độ, 3 = Có nguy cơ chậm, 4 = Vướng mắc". */
export function statusLegend(lang: Lang = "vi"): string {
  return STATUSES.map((s) => `${s.number} = ${lang === "en" ? s.en : s.vi}`).join(", ");
}

/**
 * A reply to a bundle: a letter (or none, for a one-item bundle), a status number 1–4, then an optional
 * note. "A 1", "b4", "B. 4 - thiếu máy chủ", "A: 3 chờ nhà cung cấp". A letter may also be followed by the
 * status in words, as leads type it: "B xong", "A đang làm", "c vướng mắc - thiếu máy chủ" (never a question:
 * "A xong chưa?"). Null for anything else.
 */
export function parseBundleReply(text: string): { letter?: string; number: 1 | 2 | 3 | 4; note?: string } | null {
  const trimmed = text.trim();
  const m = /^(?:([A-Za-z]{1,2})\s*[.):-]?\s*)?([1-4])(?!\d)(?![.,]\d)[.)]?(?:(?:\s*[:\-–—]\s*|\s+)([\s\S]+))?$/u.exec(trimmed);
  if (m) return { ...(m[1] ? { letter: m[1].toUpperCase() } : {}), number: Number(m[2]) as 1 | 2 | 3 | 4, ...(m[3]?.trim() ? { note: m[3].trim() } : {}) };
  return wordReply(trimmed);
}

/** Most words of a status said in words ("đã hoàn thành rồi"). */
const STATUS_WORDS_MAX = 4;

/** "B xong", "A đang làm thiếu người": a letter, the longest status phrase after it, then the note. */
function wordReply(text: string): { letter: string; number: 1 | 2 | 3 | 4; note?: string } | null {
  const m = /^([A-Za-z]{1,2})\s*[.):-]?\s+(\S[\s\S]*)$/u.exec(text);
  if (!m || isLikelyQuestion(text)) return null;
  const words = m[2]!.split(/\s+/u);
  for (let n = Math.min(STATUS_WORDS_MAX, words.length); n >= 1; n--) {
    const kind = parseStatusWord(words.slice(0, n).join(" "));
    if (!kind || /^\d+$/.test(fold(words.slice(0, n).join(" ")))) continue;
    const number = STATUSES.find((s) => s.kind === kind)!.number;
    const note = words.slice(n).join(" ").replace(/^[:\-–—]\s*/u, "").trim();
    return { letter: m[1]!.toUpperCase(), number, ...(note ? { note } : {}) };
  }
  return null;
}

