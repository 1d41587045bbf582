/**
 * How a person answers a day's bundled reminders by typing (Zalo): items are lettered A, B, C…, and a reply
 * is a letter and a status number with an optional note. Pure; shared by the reminder builder and the status hooks.
 */
import type { Lang } from "../dates.js";
import { isLikelyQuestion } from "../question-words.js";
import { STATUSES } from "./kinds.js";
import { leadingStatus } from "./parse.js";

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

/**
 * A reply that starts with the status in words, as leads type it after a reminder: "xong", "đã hoàn thành",
 * "đang làm", "vướng mắc - thiếu máy chủ" (the rest is the note). Never a question ("xong chưa?"). Null otherwise.
 */
export function parseStatusWords(text: string): { number: 1 | 2 | 3 | 4; note?: string } | null {
  if (isLikelyQuestion(text)) return null;
  const found = leadingStatus(text);
  if (!found) return null;
  const number = STATUSES.find((s) => s.kind === found.kind)!.number;
  return { number, ...(found.rest ? { note: found.rest } : {}) };
}

/**
 * A status reply without a letter, as to a single reminder: "1".."4" with an optional note ("4. thiếu máy chủ",
 * "3 - chờ nhà cung cấp"), or the status in words ({@link parseStatusWords}). "12", "3.5" or a question are not.
 */
export function parseStatusReply(text: string): { number: 1 | 2 | 3 | 4; note?: string } | null {
  const reply = parseBundleReply(text);
  if (reply) return reply.letter === undefined ? reply : null;
  return parseStatusWords(text);
}

/** "B xong", "A đang làm thiếu người": a letter, the longest status phrase after it, then the note. */
function wordReply(text: string): { letter: string; number: 1 | 2 | 3 | 4; note?: string } | null {
  const m = /^([A-Za-z]{1,2})\s*[.):-]?\s+(\S[\s\S]*)$/u.exec(text);
  if (!m || isLikelyQuestion(text)) return null;
  const reply = parseStatusWords(m[2]!);
  return reply ? { letter: m[1]!.toUpperCase(), ...reply } : null;
}
