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
