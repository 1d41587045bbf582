import type { Lang } from "../dates.js";
import { reply, type Reply, type Rich, toPlain } from "../reply.js";
import { richToHtml } from "./html.js";
import { digestSections, type Section } from "./sections.js";
import type { Digest } from "./types.js";

/** Telegram refuses messages over 4096 characters; keep a margin for the channel's own additions. */
export const MESSAGE_LIMIT = 4000;

/** A section as lines of rich text: the bold title, then its lines ("• " items, indented sub-items). */
export function sectionLines(section: Section): Rich[] {
  const out: Rich[] = [];
  if (section.title) out.push([{ bold: section.title }]);
  for (const line of section.lines) {
    if (line.kind === "li") out.push(["• ", ...line.text]);
    else if (line.kind === "sub") out.push(["    ", ...line.text]);
    else out.push(line.text);
  }
  return out;
}

function joinLines(rows: Rich[]): Rich {
  const out: Rich = [];
  rows.forEach((row, i) => {
    if (i > 0) out.push("\n");
    out.push(...row);
  });
  return out;
}

/**
 * Packs sections into messages whose Telegram HTML stays within `limit` characters.
 * A section moves whole to the next message when it fits there; only a section longer
 * than a message is split, between lines.
 */
export function packSections(sections: Section[], limit = MESSAGE_LIMIT): Rich[] {
  const messages: Rich[][] = [];
  let current: Rich[] = [];
  let size = 0;
  const cost = (row: Rich) => richToHtml(row).length + 1;
  const flush = () => {
    if (current.length > 0) messages.push(current);
    current = [];
    size = 0;
  };
  const add = (row: Rich) => {
    current.push(row);
    size += cost(row);
  };
  for (const section of sections) {
    const rows = sectionLines(section);
    const total = rows.reduce((n, r) => n + cost(r), 0);
    const gap = current.length > 0 ? 1 : 0;
    if (size + gap + total > limit && current.length > 0 && total <= limit) flush();
    if (current.length > 0) add([]);
    for (const row of rows) {
      if (size + cost(row) > limit && current.length > 0) flush();
      add(row);
    }
  }
  flush();
  return messages.map(joinLines);
}

/**
 * The digest as chat messages: a compact first message (overview and needs attention),
 * then the details, each message under {@link MESSAGE_LIMIT} characters once rendered to Telegram HTML.
 * Text from people and content stays plain in the spans; the channel escapes it.
 */
export function renderDigestMessages(digest: Digest, lang: Lang = "vi"): Reply[] {
  const { head, details } = digestSections(digest, lang);
  return [...packSections(head), ...packSections(details)].map((text) => reply(text));
}

/** The digest as plain text, for the console, Zalo and the CLI. Messages are separated by a blank line. */
export function renderDigestText(digest: Digest, lang: Lang = "vi"): string {
  return `${renderDigestMessages(digest, lang)
    .map((m) => toPlain(m.text))
    .join("\n\n")}\n`;
}

/** The digest as Telegram HTML, one string per message, every user and content string escaped. */
export function renderDigestHtml(digest: Digest, lang: Lang = "vi"): string[] {
  return renderDigestMessages(digest, lang).map((m) => richToHtml(m.text));
}
