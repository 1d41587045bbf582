import type { Agency } from "./content/schema.js";
import type { Lang } from "./dates.js";

/** Words an agency's English name is built on ("… Department of Science and Technology", "… Party Committee Office"). */
const INSTITUTION = /\b(Department|Center|Centre|Committee|Office)\b/;
const VIETNAMESE_LETTERS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

/**
 * The name an answer gives an agency: its first short name in Vietnamese; in English, its first alias that is an
 * English institution's name of three words or more ("HCMC Party Committee Office"), else the short name.
 *
 * ```ts
 * agencyName(vpThanhUy, "en") // "HCMC Party Committee Office"
 * ```
 */
export function agencyName(agency: Agency, lang: Lang): string {
  if (lang === "en") {
    const english = agency.aliases.find((x) => INSTITUTION.test(x) && !VIETNAMESE_LETTERS.test(x) && x.split(" ").length >= 3 && !/\bDOST\b/.test(x));
    if (english) return english;
  }
  return agency.shortNames[0]!;
}
