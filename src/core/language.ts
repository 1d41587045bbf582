import type { Lang } from "./dates.js";
import { fold } from "./fold.js";
import { rememberRecent } from "./recent.js";

const VIETNAMESE_LETTERS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

/** English words that do not occur as Vietnamese syllables: enough of them marks a message as English. */
const ENGLISH_WORDS = new Set(
  (
    "the a an of to for in on at by from with about into is are was were be been being do does did will would can could " +
    "should must may might shall have has had what when where which who whom whose why how many much there this that " +
    "these those it its my our your their we you they i me us he she his her and or not no yes if then than please " +
    "thanks thank hello hi hey deadline deadlines new old email mail account accounts staff system systems plan phase " +
    "hotline start starts started official officially go live ready training document management wards ward communes " +
    "commune city province provinces merger merged merge still yet already over finished done stand status holiday " +
    "holidays days day off long number people population who signed office offices help " +
    // Everyday words of English questions, so typo correction leaves them alone ("done" is not "đồng").
    "done gone went take part make made left remaining running run runs live based legally legal fast big happen " +
    "happened next before after since last first second one two three part parts cover covers covered finish end ends " +
    "begin begins began working work works need needs get got give given know tell say said log login sign use used " +
    "who whose responsible charge lead leads led come comes coming back same other another also only just now yet " +
    // Money words, never corrected into a word of the index ("contract" is not "contact").
    "contract contracts value cost costs price prices budget spent spend spending funding paid worth"
  ).split(" "),
);

/** Whether a folded word is a common English word (see ENGLISH_WORDS): never a typo of a Vietnamese word. */
export function isCommonEnglish(word: string): boolean {
  return ENGLISH_WORDS.has(word);
}

/** The shape of a Vietnamese syllable (as in knowledge/query.ts), folded. */
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;
/** Telex residue undone ("ddieenj" → "dien", "khoanr" → "khoan"), to tell it from an English word. */
function untelex(word: string): string {
  const w = word.replace(/dd/g, "d").replace(/aa/g, "a").replace(/ee/g, "e").replace(/oo/g, "o").replace(/([aouy])w/g, "$1");
  return w.replace(/([aeiouy])[sfrxj]([aeiouy]*(?:ch|ng|nh|[cmnpt])?)$/, "$1$2").replace(/([aeiouy](?:ch|ng|nh|[cmnpt])?)[sfrxj]$/, "$1");
}

/**
 * Whether a lower-case folded word is shaped like English, not Vietnamese: five letters or more with a vowel, and no
 * Vietnamese syllable even once Telex residue is undone ("signatures", "timeline"; not "khoanr" nor "nguyen").
 */
function englishShaped(word: string): boolean {
  return word.length >= 5 && /^[a-z]+$/.test(word) && /[aeiouy]/.test(word) && !SYLLABLE.test(word) && !SYLLABLE.test(untelex(word));
}

/** English words and abbreviations typed without a vowel ("pls", "thx", "msg"). */
const ENGLISH_CONSONANTS = new Set("pls plz thx msg mgmt mgr govt hq sms txt mr mrs ms dr st nd rd th hr hrs tv pc pdf html url www cc bcc ps vs nb pm".split(" "));

/** Whether a folded lower-case word is Vietnamese chat shorthand: two to five letters, no vowel ("bd", "tk", "ds", "ttdt"). */
function isShorthand(word: string): boolean {
  return /^[b-df-hj-np-tv-xz]{2,5}$/.test(word) && !ENGLISH_CONSONANTS.has(word);
}

/** Single words that are English whatever follows ("when?", "deadline?"). */
const ENGLISH_ONLY = /^(when|where|why|how|what|who|which|deadline|deadlines|status|yes|no|thanks|hello|help|and)$/;

/** Folded words that only Vietnamese uses (particles and question words typed without marks). */
const VIETNAMESE_WORDS = new Set(
  (
    "khong ko k nao gi la co duoc cua thi sao may bao gio khi nay vay nhe nha a oi chua roi ai dau nhieu ngay thang nam em anh chi minh toi " +
    // Common syllables typed without marks ("cam on ban" is thanks, not English "on").
    "cam ban xin chao cho hoi cac voi lam den tai nhu moi cu dang se da van phai biet giup " +
    // Vietnamese chat shorthand with no English reading ("qlvb golive", "gd2 xog chua").
    "xog xg trc ntn khlt hnth hntt qlcqs cbcc qlvb"
  ).split(" "),
);

/**
 * Whether a message with Vietnamese letters is English around a Vietnamese name ("What about Vũng Tàu?", "Is the
 * Bình Dương e-mail ready?"): at least two common English words, most of its unmarked words English, none of them a
 * Vietnamese particle, and no more marked words than unmarked ones (or four, a place name's length).
 */
function namesInEnglish(text: string): boolean {
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((w) => /\p{L}/u.test(w));
  const marked = words.filter((w) => VIETNAMESE_LETTERS.test(w));
  const plain = words.filter((w) => !VIETNAMESE_LETTERS.test(w)).map((w) => fold(w));
  const english = plain.filter((w) => ENGLISH_WORDS.has(w) && !VIETNAMESE_WORDS.has(w)).length;
  // A Vietnamese particle, marked or not ("chưa", "nào", "khi"), makes it Vietnamese; a name has none.
  if (plain.some((w) => VIETNAMESE_WORDS.has(w)) || marked.some((w) => VIETNAMESE_WORDS.has(fold(w)))) return false;
  return english >= 2 && english / plain.length >= 0.6 && marked.length <= Math.max(plain.length, 4);
}

/** "in English pls", "answer in English", "bằng tiếng Anh", "trả lời tiếng Việt": a request for the answer's language (folded). */
const LANGUAGE_ASKED: readonly [RegExp, Lang][] = [
  [/\b(in english|bang tieng anh|tra loi tieng anh|dich (sang|ra) tieng anh|english (please|pls|plz)|tieng anh (nhe|nha|giup|duoc khong|dc ko|di))\b/, "en"],
  [/\b(in vietnamese|bang tieng viet|tra loi tieng viet|vietnamese (please|pls|plz)|tieng viet (nhe|nha|giup|duoc khong|dc ko|di))\b/, "vi"],
];

/**
 * The language a message asks its answer in ("what about the e-mail deadline, in English pls", "qlvb khi nao chay,
 * tra loi bang tieng Anh giup"), or undefined when it asks none: the request wins over the language it is written in.
 *
 * ```ts
 * languageAsked("1022 bao gio chay, tra loi bang tieng anh nhe") // "en"
 * ```
 */
export function languageAsked(text: string): Lang | undefined {
  const f = fold(text);
  return LANGUAGE_ASKED.find(([re]) => re.test(f))?.[1];
}

/** The whole request, with the verb before it and the politeness after it ("trả lời bằng tiếng Anh nhé", "in English pls"). */
const LANGUAGE_REQUEST =
  /(?:\b(?:(?:hay|vui long|please|pls|plz|kindly|can you|could you) )?(?:tra loi|answer|reply|respond|write) )?\b(?:in english|in vietnamese|bang tieng (?:anh|viet)|(?:dich )?(?:sang|ra) tieng (?:anh|viet)|tieng (?:anh|viet)|english|vietnamese)\b(?: (?:please|pls|plz|nhe|nha|giup|di|duoc khong|dc ko|a|thanks)\b)*/;

/**
 * The message without its request for a language ("in English pls, and the wards deadline?" → "and the wards
 * deadline?"), so that the request's words are not searched; the message as it is when it makes no request, or when
 * the request is all it says.
 *
 * ```ts
 * withoutLanguageRequest("1022 bao gio chay, tra loi bang tieng anh nhe") // "1022 bao gio chay"
 * ```
 */
export function withoutLanguageRequest(text: string): string {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  // Folded word by word, so a match in the folded words maps back to the words as written.
  const joined = words.map((w) => fold(w).replace(/\s+/g, "")).join(" ");
  if (!LANGUAGE_ASKED.some(([re]) => re.test(joined))) return text;
  {
    const m = LANGUAGE_REQUEST.exec(joined);
    if (!m) return text;
    const start = joined.slice(0, m.index).split(" ").length - 1;
    const end = joined.slice(0, m.index + m[0].length).split(" ").length;
    const rest = [...words.slice(0, start), ...words.slice(end)].join(" ").replace(/^[\s,;.:!-]+|[\s,;:-]+$/gu, "");
    return /\p{L}/u.test(rest) ? rest : text;
  }
  return text;
}

/**
 * The language a message is written in, when it is clear: Vietnamese when it has Vietnamese letters or particles,
 * English when most of its words are common English words; undefined otherwise (the caller keeps the chat's language).
 *
 * ```ts
 * detectLanguage("When will the new e-mail accounts be ready?") // "en"
 * detectLanguage("khi nao co mail moi") // "vi"
 * ```
 */
export const detectLanguage: (text: string) => Lang | undefined = rememberRecent(readLanguage);

function readLanguage(text: string): Lang | undefined {
  if (VIETNAMESE_LETTERS.test(text)) return namesInEnglish(text) ? "en" : "vi";
  const words = fold(text)
    .split(" ")
    .filter((w) => /^[a-z]+$/.test(w));
  if (words.length === 0) return undefined;
  // Vietnamese typed without marks: its particles, and lower-case words shaped like a Vietnamese syllable that are no
  // English word ("no thuoc tinh nao truoc day"). Capitalised words are names ("Binh Duong?" says nothing of the language).
  const lower = new Set(text.split(/[^\p{L}]+/u).filter((w) => /^\p{Ll}+$/u.test(w)).map((w) => fold(w)));
  // Lower-case words without a vowel are Vietnamese chat shorthand ("mail bd 2 tk ?", "ds cbcc"), bar a few English ones.
  const vi = words.filter((w) => VIETNAMESE_WORDS.has(w) || (lower.has(w) && !ENGLISH_WORDS.has(w) && (SYLLABLE.test(w) || isShorthand(w)))).length;
  // One English-looking word alone ("the 2026?") is too little to tell.
  if (words.length === 1 && vi === 0 && !ENGLISH_ONLY.test(words[0]!)) return undefined;
  const en = words.filter((w) => ENGLISH_WORDS.has(w) || /^[a-z]+(?:ing|ed|tion|ly)$/.test(w) || (lower.has(w) && englishShaped(w))).length;
  if (en > vi && en / words.length >= 0.3) return "en";
  if (vi > 0) return "vi";
  return undefined;
}
