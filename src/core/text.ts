/**
 * Removes characters a person never means to send and that can garble what others read:
 * C0 and C1 control characters (tabs become spaces; line breaks are kept), direction marks,
 * bidi overrides and isolates, and the byte-order mark. Use it on any text typed by a person
 * before it is searched, stored or echoed back.
 *
 * ```ts
 * stripInvisible("email\u0007 \u202ecông vụ"); // "email công vụ"
 * ```
 */
export function stripInvisible(text: string): string {
  return (
    text
      .replace(/\r\n?/g, "\n")
      .replace(/[\t\f\v]/g, " ")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
  );
}

/** Longest display name kept, in characters. */
export const MAX_NAME_LENGTH = 64;

/**
 * Cleans a display name or chat title from a channel the way {@link stripInvisible} cleans text, and more:
 * zero-width and filler characters go too (a name made of them looks blank, or hides who wrote an alert),
 * line breaks and runs of spaces become one space, and the name is cut to `maxLength` characters (default {@link MAX_NAME_LENGTH}).
 * Returns `fallback` when nothing visible is left.
 *
 * ```ts
 * cleanName("\u202eLan\u200b  Nguyễn\n"); // "Lan Nguyễn"
 * ```
 */
export function cleanName(name: string | undefined, fallback = "anh/chị", maxLength = MAX_NAME_LENGTH): string {
  const cleaned = stripInvisible(name ?? "")
    .replace(/[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200d\u2060-\u2064\u3164\ufe00-\ufe0f\uffa0]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const cut = [...cleaned].slice(0, maxLength).join("").trim();
  return cut.length > 0 ? cut : fallback;
}

/** The text with its first character in upper case ("thứ Bảy, 22/08/2026" → "Thứ Bảy, 22/08/2026"). */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
