/**
 * Folds Vietnamese text for matching: Unicode NFD, combining marks removed,
 * đ/Đ → d, lowercase, punctuation turned into spaces, whitespace collapsed.
 * Digits and the separators inside numbers and dates are kept ("1022", "10/6", "2025-05").
 * The index and the query must both go through this one function.
 *
 * ```ts
 * fold("Thư điện tử công vụ — khi nào?") // "thu dien tu cong vu khi nao"
 * ```
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/(\d)[./-](?=\d)/g, "$1\u0000")
    .replace(/&/g, "")
    .replace(/[^\p{L}\p{N}\u0000]+/gu, " ")
    .replace(/\u0000/g, "/")
    .trim();
}
