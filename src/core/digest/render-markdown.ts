import type { Lang } from "../dates.js";
import type { Rich } from "../reply.js";
import { digestSections, type Section } from "./sections.js";
import type { Digest } from "./types.js";

/** Escapes Markdown punctuation in text from people or content, so it shows as typed. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]{}<>#|~])/g, "\\$1");
}

/** Rich text as Markdown: **bold**, _italic_, `code`, [link](href); plain text escaped. */
export function richToMarkdown(text: Rich): string {
  return text
    .map((s) => {
      if (typeof s === "string") return escapeMarkdown(s);
      if ("bold" in s) return `**${escapeMarkdown(s.bold)}**`;
      if ("italic" in s) return `_${escapeMarkdown(s.italic)}_`;
      if ("code" in s) return `\`${s.code.replace(/`/g, "'")}\``;
      return `[${escapeMarkdown(s.link)}](${s.href.replace(/[()\s]/g, encodeURIComponent)})`;
    })
    .join("");
}

function sectionMarkdown(section: Section): string {
  const out: string[] = [];
  if (section.title) out.push(`${section.level === 1 ? "#" : "##"} ${escapeMarkdown(section.title)}`, "");
  let inList = false;
  for (const line of section.lines) {
    const text = richToMarkdown(line.text);
    if (line.kind === "p") {
      if (inList) out.push("");
      out.push(text, "");
      inList = false;
    } else {
      out.push(line.kind === "li" ? `- ${text}` : `  - ${text}`);
      inList = true;
    }
  }
  if (inList) out.push("");
  return out.join("\n");
}

/** The digest as one Markdown document (for e-mail, wikis or the README). */
export function renderDigestMarkdown(digest: Digest, lang: Lang = "vi"): string {
  const { head, details } = digestSections(digest, lang);
  return `${[...head, ...details].map(sectionMarkdown).join("\n").trimEnd()}\n`;
}
