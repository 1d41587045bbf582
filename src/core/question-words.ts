import { fold } from "./fold.js";

/**
 * Folded phrases that make a message a question (Vietnamese with or without diacritics, and English).
 * Shared by any flow that must tell a question from an answer, such as a note prompt.
 */
const QUESTION_PHRASES: readonly string[] = [
  "khi nao", "bao gio", "luc nao", "ngay nao", "bao lau", "o dau", "cho nao", "lam sao", "lam the nao", "the nao",
  "nhu the nao", "ra sao", "tai sao", "vi sao", "la gi", "cai gi", "ai la", "bao nhieu", "co phai", "duoc khong",
  "co khong", "chua a", "khong a", "thi sao", "the sao", "sao roi", "xu ly the nao", "huong dan", "cho hoi", "xin hoi", "hoi ve",
  "when", "where", "what", "why", "how", "who", "which", "can i", "is there", "do i",
];

/** Folded words that make a message a question when it ends with them: "xong chưa", "ổn định không". */
const QUESTION_ENDINGS = /\s(?:chua|khong|ko|hok|hong|ha|nhi)$/u;

/**
 * Whether `text` reads as a question: it ends with "?" or with "chưa"/"không", or its folded form starts with
 * or contains one of the question phrases as whole words. Keep it a cheap guess: callers use it only to ask when in doubt.
 *
 * ```ts
 * isLikelyQuestion("khi nao co email moi"); // true
 * isLikelyQuestion("Thiếu máy chủ, chờ nhà cung cấp"); // false
 * ```
 */
export function isLikelyQuestion(text: string): boolean {
  if (/[?？]\s*$/u.test(text)) return true;
  const folded = ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
  return QUESTION_ENDINGS.test(folded.trimEnd()) || QUESTION_PHRASES.some((p) => folded.includes(` ${p} `));
}
