/**
 * The platform-free reply model. The core says *what* to show; each channel
 * decides *how* (Telegram HTML, plain text for the console and Zalo).
 */

/** A piece of text with light formatting. Formatting never spans a line break. */
export type Span = string | { bold: string } | { italic: string } | { code: string } | { link: string; href: string };

/** Text made of spans; line breaks live only in plain string spans. */
export type Rich = Span[];

/**
 * A button. `payload` is what pressing it sends back to the core: a command line
 * without the slash (e.g. `"xemthem email-accounts-when"`), at most 64 bytes.
 * Channels without buttons print the label with a number the user can type.
 */
export interface Button {
  label: string;
  payload: string;
}

/**
 * How a file can be made again on request, for channels that can only send a link to it (Zalo):
 * the link names the source, and the web server regenerates the bytes when it is opened.
 */
export interface FileSource {
  kind: "digest-csv" | "digest-chart" | "digest-xlsx" | "calendar-ics";
  /** The moment the digest was built "as of" (ISO). */
  asOf: string;
  /** For `calendar-ics`: the agency whose deadlines it holds (absent: every milestone of the plan). */
  agencyId?: string;
}

/** A file sent along with a reply (the digest CSV, the chart). */
export interface Attachment {
  kind: "document" | "photo";
  filename: string;
  data: Uint8Array;
  caption?: string;
  /** Set when the file can be regenerated and so sent as a signed link. */
  source?: FileSource;
}

/** One message from the assistant. */
export interface Reply {
  text: Rich;
  /** Rows of buttons. */
  buttons?: Button[][];
  attachments?: Attachment[];
  /** Ask the user to answer this message (Telegram force-reply); other channels just wait for the next message. */
  forceReply?: { placeholder: string };
  /** Replace the text of the message the pressed button belongs to, instead of sending a new one. */
  editOriginal?: boolean;
  /**
   * A page to open inside the messenger (a Telegram Web App button, private chats only). Channels
   * without Web Apps ignore it: the reply's text must carry the same link.
   */
  webApp?: { label: string; url: string };
}

/** Builds a reply from text, a tagged template or spans. */
export function reply(text: string | Rich, extra: Omit<Reply, "text"> = {}): Reply {
  return { text: typeof text === "string" ? [text] : text, ...extra };
}

/** Bold text. */
export const bold = (text: string): Span => ({ bold: oneLine(text) });
/** Italic text. */
export const italic = (text: string): Span => ({ italic: oneLine(text) });
/** Monospace text. */
export const code = (text: string): Span => ({ code: oneLine(text) });
/** A link. */
export const link = (text: string, href: string): Span => ({ link: oneLine(text), href });

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}

/** Joins lines of spans with line breaks. `null`/`undefined`/`false` lines are skipped. */
export function lines(...items: (Span | Rich | null | undefined | false)[]): Rich {
  const out: Rich = [];
  let first = true;
  for (const item of items) {
    if (item === null || item === undefined || item === false) continue;
    if (!first) out.push("\n");
    first = false;
    if (Array.isArray(item)) out.push(...item);
    else out.push(item);
  }
  return out;
}

/** The plain text of rich text, with no markup (console, Zalo, the CLI's JSON). Links show their address. */
export function toPlain(text: Rich): string {
  return text
    .map((s) => {
      if (typeof s === "string") return s;
      if ("bold" in s) return s.bold;
      if ("italic" in s) return s.italic;
      if ("code" in s) return s.code;
      return s.link === s.href ? s.href : `${s.link} (${s.href})`;
    })
    .join("");
}

/** All buttons of a reply in reading order. */
export function flatButtons(r: Reply): Button[] {
  return (r.buttons ?? []).flat();
}

/** The longest label of a numbered option (and of the CLI's options): with "  10. " it fits an 80-column terminal. */
export const LABEL_LIMIT = 72;

/**
 * One rule for shortening labels everywhere (numbered options, the CLI, chart rows): at most
 * `limit` characters, cut with an ellipsis, e.g. a 90-character title → its first 71 characters and "…".
 */
export function shortenLabel(text: string, limit = LABEL_LIMIT): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 1).trimEnd()}…`;
}
