/**
 * Plain text for channels without markup (Zalo, the terminal): the reply's lines, emoji and numbered
 * options as they are, split under a length limit on line boundaries.
 */
import { flatButtons, type Reply, toPlain } from "../core/reply.js";

/**
 * Splits text into chunks of at most `limit` characters. Chunks break between lines; a line longer
 * than the limit breaks between words (a word longer than the limit is cut). Blank edges are trimmed.
 *
 * ```ts
 * splitPlain("a\nb\nc", 3); // ["a\nb", "c"]
 * ```
 */
export function splitPlain(text: string, limit: number): string[] {
  if (!(limit > 0)) throw new Error("plain-text: the limit must be a positive number of characters");
  const chunks: string[] = [];
  let current = "";
  const push = () => {
    const trimmed = current.replace(/^\n+|\s+$/g, "");
    if (trimmed.length > 0) chunks.push(trimmed);
    current = "";
  };
  for (const line of text.split("\n")) {
    for (const piece of breakLine(line, limit)) {
      const next = current.length === 0 ? piece : `${current}\n${piece}`;
      if (next.length > limit) {
        push();
        current = piece;
      } else {
        current = next;
      }
    }
  }
  push();
  return chunks;
}

function breakLine(line: string, limit: number): string[] {
  if (line.length <= limit) return [line];
  const out: string[] = [];
  let current = "";
  for (const word of line.split(/(?<= )/)) {
    if (current.length + word.length <= limit) {
      current += word;
      continue;
    }
    if (current) out.push(current.trimEnd());
    current = word;
    // Cut by code points, so an emoji (a surrogate pair) is never split in two.
    while (current.length > limit) {
      const points = Array.from(current);
      let head = "";
      let n = 0;
      while (n < points.length && head.length + points[n]!.length <= limit) head += points[n++];
      out.push(head);
      current = points.slice(n).join("");
    }
  }
  if (current) out.push(current.trimEnd());
  return out;
}

/**
 * A reply's text with its buttons written as commands a person can type (`/capnhat …`), for messages
 * that were not answered through the core's numbered options (reminders and alerts from the outbox).
 */
export function plainWithTypedButtons(reply: Reply, lang: "vi" | "en" = "vi"): string {
  const text = toPlain(reply.text);
  const buttons = flatButtons(reply);
  if (buttons.length === 0) return text;
  const head = lang === "en" ? "You can type:" : "Anh/chị có thể gõ:";
  return [text, "", head, ...buttons.map((b) => `• /${b.payload} (${b.label})`)].join("\n");
}
