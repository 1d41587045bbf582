import type { Lang } from "../dates.js";
import { fold } from "../fold.js";
import { placeNamed } from "./follow-up.js";

/** How each merged place is written in a lead line (keyed by its canonical folded spelling, see placeNamed), and
 * the extra spellings an answer may use for it ("the old HCMC"). */
const PLACES: Record<string, { vi: string; en: string; alsoIn: readonly string[] }> = {
  "binh duong": { vi: "Bình Dương", en: "Binh Duong", alsoIn: [] },
  "ba ria vung tau": { vi: "Bà Rịa - Vũng Tàu", en: "Ba Ria - Vung Tau", alsoIn: [] },
  "tp hcm cu": { vi: "TP.HCM cũ", en: "The old HCMC", alsoIn: ["old hcmc", "former hcmc"] },
};

/** A count asked: "bao nhiêu", "mấy", "bn", "số lượng", "how many", "number of" (folded). */
const ASKS_COUNT = /\b(bao nhieu|bnhieu|bn|may|so luong|how many|number of)\b/;

/** "30 từ Bà Rịa - Vũng Tàu", "102 đơn vị (ĐVHC) từ TP.HCM cũ", "36 from Binh Duong" (folded): a number said to come
 * from a place, with up to four words between. Group 1 is the number, group 2 the place's words after "từ"/"from". */
const FROM_PLACE = /\b(\d+)(?: [a-z]+){0,4}? (?:tu|from(?: the)?) ([a-z ]+?)(?= \d|$)/g;

/**
 * "Riêng Bà Rịa - Vũng Tàu: 30.": the number of the one merged place a count question names ("brvt có bao nhiêu
 * đơn vị cấp xã"), said first, when the answer `body` breaks the count down by place ("… 102 từ TP.HCM cũ, 36 từ
 * Bình Dương và 30 từ Bà Rịa - Vũng Tàu"), so the asked place's number is not lost among the others. Undefined when
 * the question asks no count, names no single place, or the body gives no breakdown naming it.
 */
export function localityShareLine(body: string, question: string, lang: Lang): string | undefined {
  const asked = fold(question);
  if (!ASKS_COUNT.test(asked)) return undefined;
  const spellings = placeNamed(asked);
  const place = spellings && PLACES[spellings[0]!];
  if (!spellings || !place) return undefined;
  const pairs = [...fold(body).matchAll(FROM_PLACE)].map((m) => ({ n: m[1]!, where: ` ${m[2]!} ` }));
  if (pairs.length < 2) return undefined;
  const names = [...spellings, ...place.alsoIn];
  const own = pairs.find((p) => names.some((s) => p.where.startsWith(` ${s} `)));
  if (!own) return undefined;
  return lang === "en" ? `${place.en}: ${own.n}.` : `Riêng ${place.vi}: ${own.n}.`;
}
