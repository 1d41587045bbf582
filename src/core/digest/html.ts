import type { Rich } from "../reply.js";

/** Escapes text for Telegram HTML (and any HTML): `&`, `<`, `>` and `"`. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Rich text as Telegram HTML (`<b>`, `<i>`, `<code>`, `<a href>`), every piece of text escaped.
 * Only http(s) and tg links become anchors; anything else is shown as text.
 */
export function richToHtml(text: Rich): string {
  return text
    .map((s) => {
      if (typeof s === "string") return escapeHtml(s);
      if ("bold" in s) return `<b>${escapeHtml(s.bold)}</b>`;
      if ("italic" in s) return `<i>${escapeHtml(s.italic)}</i>`;
      if ("code" in s) return `<code>${escapeHtml(s.code)}</code>`;
      if (!/^(https?|tg):/i.test(s.href)) return escapeHtml(s.link);
      return `<a href="${escapeHtml(s.href)}">${escapeHtml(s.link)}</a>`;
    })
    .join("");
}
