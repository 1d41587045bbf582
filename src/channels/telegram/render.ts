/**
 * Pure rendering of core replies into Telegram messages: HTML with every text escaped,
 * split under Telegram's length limit on line boundaries without ever cutting a tag,
 * buttons as inline keyboards with callback data checked against the 64-byte limit.
 */
import { escapeHtml } from "../../core/digest/html.js";
import type { ForceReply, InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { Attachment, Reply, Rich, Span } from "../../core/reply.js";

/** Telegram's limit for a message text. */
export const MESSAGE_LIMIT = 4096;
/** Telegram's limit for a caption. */
export const CAPTION_LIMIT = 1024;
/** Telegram's limit for callback data, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;
/** Telegram's limit for a force-reply placeholder. */
const PLACEHOLDER_LIMIT = 64;

/** One Telegram message to send: HTML text and, on the last one, the reply markup. */
export interface RenderedMessage {
  html: string;
  markup?: InlineKeyboardMarkup | ForceReply;
}

/** A reply ready for the Bot API. */
export interface RenderedReply {
  messages: RenderedMessage[];
  attachments: { kind: Attachment["kind"]; filename: string; data: Uint8Array; caption?: string }[];
  editOriginal: boolean;
  /** Problems found while rendering (e.g. a button whose payload is too long and was left out), for the log. */
  problems: string[];
}

/** Escapes text for Telegram HTML; the same function the digest uses. */
export { escapeHtml };

/** Whether a payload fits in Telegram's callback data. */
export function fitsCallbackData(payload: string): boolean {
  return payload.length > 0 && Buffer.byteLength(payload, "utf8") <= CALLBACK_DATA_LIMIT;
}

/** Rich text as one HTML string (no splitting). */
export function renderRich(text: Rich): string {
  return toLines(text)
    .map((line) => line.map(renderSpan).join(""))
    .join("\n");
}

/**
 * Rich text as HTML chunks of at most `limit` characters. Chunks break between lines; a line
 * longer than the limit breaks between words, and a formatted span cut in two is closed and reopened,
 * so every chunk is valid HTML on its own.
 */
export function renderChunks(text: Rich, limit = MESSAGE_LIMIT): string[] {
  const chunks: string[] = [];
  let current = "";
  const push = () => {
    if (current.trim().length > 0) chunks.push(current.replace(/^\n+|\n+$/g, ""));
    current = "";
  };
  for (const line of toLines(text)) {
    const html = line.map(renderSpan).join("");
    const candidate = current.length === 0 ? html : `${current}\n${html}`;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    push();
    if (html.length <= limit) {
      current = html;
      continue;
    }
    const pieces = splitLongLine(line, limit);
    for (const piece of pieces.slice(0, -1)) chunks.push(piece);
    current = pieces.at(-1) ?? "";
  }
  push();
  return chunks;
}

/** Renders a whole reply: text chunks, inline keyboard or force-reply on the last chunk, attachments. */
export function renderReply(reply: Reply, limit = MESSAGE_LIMIT): RenderedReply {
  const problems: string[] = [];
  const rows: InlineKeyboardButton[][] = [];
  for (const row of reply.buttons ?? []) {
    const out: InlineKeyboardButton[] = [];
    for (const button of row) {
      if (!fitsCallbackData(button.payload)) {
        problems.push(`button "${button.label}" left out: its payload "${button.payload}" is empty or over ${CALLBACK_DATA_LIMIT} bytes (shorten the payload)`);
        continue;
      }
      out.push({ text: button.label, callback_data: button.payload });
    }
    if (out.length > 0) rows.push(out);
  }
  // A Web App button (the board) opens the page inside Telegram; the command only sets it in private chats.
  if (reply.webApp) rows.push([{ text: reply.webApp.label, web_app: { url: reply.webApp.url } }]);
  let markup: RenderedMessage["markup"];
  if (rows.length > 0) markup = { inline_keyboard: rows };
  else if (reply.forceReply) {
    markup = { force_reply: true, selective: true, input_field_placeholder: reply.forceReply.placeholder.slice(0, PLACEHOLDER_LIMIT) };
  }
  const messages: RenderedMessage[] = renderChunks(reply.text, limit).map((html) => ({ html }));
  if (markup) {
    // Buttons need a message to hang on, even when the reply has no text.
    if (messages.length === 0) messages.push({ html: "…" });
    messages[messages.length - 1]!.markup = markup;
  }
  const attachments = (reply.attachments ?? []).map((a) => ({
    kind: a.kind,
    filename: a.filename,
    data: a.data,
    caption: a.caption ? truncateHtml(a.caption, CAPTION_LIMIT) : undefined,
  }));
  return { messages, attachments, editOriginal: reply.editOriginal === true, problems };
}

/** Escaped plain text cut to fit `limit` characters once escaped, with an ellipsis when cut. */
function truncateHtml(text: string, limit: number): string {
  const escaped = escapeHtml(text);
  if (escaped.length <= limit) return escaped;
  const [head] = cutEscaped(text, limit - 1);
  return `${escapeHtml(head)}…`;
}

type Formatted = Exclude<Span, string>;

/** Splits rich text into lines of spans. Formatting never spans a line break; a stray one inside a span becomes a space. */
function toLines(text: Rich): Span[][] {
  const lines: Span[][] = [[]];
  for (const span of text) {
    if (typeof span !== "string") {
      lines.at(-1)!.push(flatten(span));
      continue;
    }
    const parts = span.split("\n");
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part.length > 0) lines.at(-1)!.push(part);
    });
  }
  return lines;
}

function flatten(span: Formatted): Formatted {
  const one = (s: string) => s.replace(/\s*\n\s*/g, " ");
  if ("bold" in span) return { bold: one(span.bold) };
  if ("italic" in span) return { italic: one(span.italic) };
  if ("code" in span) return { code: one(span.code) };
  return { link: one(span.link), href: span.href };
}

/** The text of a span and the tags around it. Links to anything but http(s), tg and mailto are shown as text. */
function parts(span: Span): { text: string; open: string; close: string } {
  if (typeof span === "string") return { text: span, open: "", close: "" };
  if ("bold" in span) return { text: span.bold, open: "<b>", close: "</b>" };
  if ("italic" in span) return { text: span.italic, open: "<i>", close: "</i>" };
  if ("code" in span) return { text: span.code, open: "<code>", close: "</code>" };
  if (!/^(https?:\/\/|tg:\/\/|mailto:)/i.test(span.href)) {
    return { text: span.link === span.href ? span.href : `${span.link} (${span.href})`, open: "", close: "" };
  }
  return { text: span.link, open: `<a href="${escapeHtml(span.href)}">`, close: "</a>" };
}

function renderSpan(span: Span): string {
  const { text, open, close } = parts(span);
  return `${open}${escapeHtml(text)}${close}`;
}

/** Breaks one line that is too long into HTML pieces of at most `limit` characters, each with balanced tags. */
function splitLongLine(line: Span[], limit: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const span of line) {
    const { text, open, close } = parts(span);
    const whole = `${open}${escapeHtml(text)}${close}`;
    if (current.length + whole.length <= limit) {
      current += whole;
      continue;
    }
    let rest = text;
    while (rest.length > 0) {
      let room = limit - current.length - open.length - close.length;
      if (room < Math.min(16, limit / 4) && current.length > 0) {
        pieces.push(current);
        current = "";
        room = limit - open.length - close.length;
      }
      // A tag too long to share a chunk with any text (an absurd link): show it as text instead.
      if (room < 1) return splitLongLine(line.map((s) => (s === span ? text : s)), limit);
      const [head, tail] = cutEscaped(rest, room);
      current += `${open}${escapeHtml(head)}${close}`;
      rest = tail;
      if (rest.length > 0) {
        pieces.push(current);
        current = "";
      }
    }
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}

/**
 * Cuts raw text so that its escaped form fits in `room` characters: at the last space
 * if one is in the second half, else hard, never inside a surrogate pair. Returns [head, tail].
 */
function cutEscaped(text: string, room: number): [string, string] {
  let used = 0;
  let end = 0;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    const piece = text.slice(end, end + width);
    const cost = escapeHtml(piece).length;
    if (used + cost > room) break;
    used += cost;
    end += width;
  }
  if (end >= text.length) return [text, ""];
  if (end === 0) end = Math.min(text.length, text.charCodeAt(0) >= 0xd800 && text.charCodeAt(0) <= 0xdbff ? 2 : 1);
  const space = text.lastIndexOf(" ", end);
  const at = space > end / 2 ? space : end;
  return [text.slice(0, at), text.slice(at).replace(/^ +/, "")];
}
