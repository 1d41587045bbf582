import type { Lang } from "../dates.js";
import { escapeHtml, richToHtml } from "./html.js";
import { digestSections, type Section } from "./sections.js";
import type { Digest } from "./types.js";

/** A small stylesheet that reads well on screen and on paper (A4, no colours needed). */
const STYLE = `
  body { font-family: "Be Vietnam Pro", "Segoe UI", Arial, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #111; }
  h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
  h2 { font-size: 1.15rem; margin-top: 1.75rem; border-bottom: 1px solid #999; padding-bottom: 0.15rem; }
  ul { padding-left: 1.25rem; margin: 0.25rem 0 0.75rem; }
  ul ul { margin: 0.1rem 0; }
  li { margin: 0.15rem 0; }
  code { font-family: Consolas, "Courier New", monospace; font-size: 0.9em; }
  p { margin: 0.4rem 0; }
  @media print {
    body { margin: 0; max-width: none; font-size: 11pt; }
    h2 { break-after: avoid; }
    li, p { break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
  }
  @page { size: A4; margin: 18mm 16mm; }`;

/** One section as HTML: a heading, paragraphs, and list items with their nested sub-items. */
function sectionHtml(section: Section): string {
  const out: string[] = [];
  if (section.title) out.push(`<h${section.level}>${escapeHtml(section.title)}</h${section.level}>`);
  let list: { html: string; subs: string[] }[] | null = null;
  const closeList = () => {
    if (!list) return;
    out.push("<ul>");
    for (const item of list) {
      out.push(item.subs.length > 0 ? `  <li>${item.html}\n    <ul>\n${item.subs.map((s) => `      <li>${s}</li>`).join("\n")}\n    </ul>\n  </li>` : `  <li>${item.html}</li>`);
    }
    out.push("</ul>");
    list = null;
  };
  for (const line of section.lines) {
    const html = richToHtml(line.text);
    if (line.kind === "p") {
      closeList();
      out.push(`<p>${html}</p>`);
    } else if (line.kind === "li") {
      list ??= [];
      list.push({ html, subs: [] });
    } else {
      list ??= [];
      // A sub-item with no item above it still belongs in a list.
      if (list.length === 0) list.push({ html: "", subs: [] });
      list.at(-1)!.subs.push(html);
    }
  }
  closeList();
  return out.join("\n");
}

/**
 * The digest as a complete, print-friendly HTML document (for a browser, e-mail or paper): the same
 * sections as the chat digest, with headings and lists instead of chat formatting, every text escaped.
 */
export function renderDigestDocument(digest: Digest, lang: Lang = "vi"): string {
  const { head, details } = digestSections(digest, lang);
  const sections = [...head, ...details];
  const title = sections.find((s) => s.level === 1)?.title ?? "Tổng hợp tuần";
  return [
    "<!DOCTYPE html>",
    `<html lang="${lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}\n</style>`,
    "</head>",
    "<body>",
    ...sections.map((s) => `<section>\n${sectionHtml(s)}\n</section>`),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
