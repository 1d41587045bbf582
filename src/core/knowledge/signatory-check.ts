import type { Agency } from "../content/schema.js";
import type { Lang } from "../dates.js";

/**
 * A yes/no check of a named body against the plan's signatories: "TTCĐS có phải là một bên ký kế hoạch không, mấy
 * bên còn lại là ai", "Văn phòng Thành ủy có ký kế hoạch không", "Is the Digital Transformation Center a signatory?".
 * {@link asksSignatory} reads the question, {@link agenciesNamed} finds the bodies it names (from concept tokens),
 * {@link renderSignatoryCheck} says yes or no and names the others.
 */

/** "ký", "ban hành", "đồng ký", "sign", "signatory", "issued" (folded; English stems as the analyser cuts them). */
const SIGNS = /\b(ky|ky ket|dong ky|ban hanh|sign|signs|signed|signing|signatory|signatories|issued|issue)\b/;
/** "có phải … không", "có … ko", "đúng không", "phải không", "is …", "did …": a yes/no question (folded). */
const YES_NO = /\b(co phai|phai khong|phai ko|dung khong|dung ko|khong|ko|hong|hk|k|chang|chua)\b|^(is|was|are|were|did|does|do|has|have)\b/;

/** Signatures that are no signing of the plan: "chữ ký số", "ký số", "ký điện tử", "digital signature" (folded). */
const OTHER_SIGNING = /\b(chu ky( so| dien tu)?|ky so|ky dien tu|digital(ly)? sign\w*|e ?signature)\b/g;
/**
 * What is signed is the joint plan: "kế hoạch (liên tịch|này|hợp nhất)", a "kế hoạch" that ends the question or its
 * clause, "the plan", or "bên ký", "signatory" (folded). "kế hoạch tập huấn" is some other plan.
 */
const OF_THE_PLAN = /\b(ke hoach(?= (?:lien tich|nay|do|hop nhat|chung|khong|ko|k|hong|chua|ha|a|vay|nhi|phai|dung)\b|$)|kh lien tich|plan|ben ky|co quan ky|don vi ky|signator\w*)\b/;

/** Whether a (folded) question asks yes or no whether someone signed (or issued) the plan. */
export function asksSignatory(folded: string): boolean {
  const text = folded.replace(OTHER_SIGNING, " ");
  return SIGNS.test(text) && OF_THE_PLAN.test(text) && YES_NO.test(text);
}

/** An agency and the concept tokens of each of its names. */
export interface AgencyUnits {
  agency: Agency;
  names: readonly (readonly string[])[];
}

/** Whether `run` occurs in `units`, in order and contiguous. */
function holds(units: readonly string[], run: readonly string[]): boolean {
  if (run.length === 0) return false;
  for (let i = 0; i + run.length <= units.length; i++) if (run.every((u, j) => units[i + j] === u)) return true;
  return false;
}

/**
 * The agencies a question names (its concept tokens), each by its longest name found; an agency named only by a
 * shorter name that another's longer name holds ("Sở KH&CN" inside "Sở KH&CN BD") is left out.
 */
export function agenciesNamed(units: readonly string[], agencies: readonly AgencyUnits[]): Agency[] {
  const found = agencies
    .map((a) => ({ agency: a.agency, length: Math.max(0, ...a.names.filter((n) => holds(units, n)).map((n) => n.length)) }))
    .filter((x) => x.length > 0);
  const longest = Math.max(0, ...found.map((x) => x.length));
  return found.filter((x) => x.length === longest).map((x) => x.agency);
}

/**
 * "Đúng, … là một trong 4 cơ quan ký kế hoạch liên tịch. Các cơ quan còn lại: …" or "Không, … không phải là cơ quan
 * ký kế hoạch liên tịch. Kế hoạch do 4 cơ quan ký: …". Undefined when the bodies named disagree (some signed, some not).
 */
export function renderSignatoryCheck(named: readonly Agency[], all: readonly Agency[], lang: Lang): string | undefined {
  if (named.length === 0) return undefined;
  const signed = named.every((a) => a.signatory === true);
  if (!signed && named.some((a) => a.signatory === true)) return undefined;
  const signatories = all.filter((a) => a.signatory === true);
  // English: the agency's longest name without Vietnamese letters ("HCMC Department of Science and Technology").
  const english = (a: Agency) => [...a.aliases].filter((x) => /^[\x20-\x7e]+$/.test(x)).sort((x, y) => y.length - x.length)[0];
  const short = (a: Agency) => (lang === "en" ? english(a) : undefined) ?? a.shortNames[0] ?? a.name;
  const names = named.map(short).join(", ");
  const others = signatories.filter((a) => !named.includes(a)).map(short);
  const n = signatories.length;
  if (signed) {
    return lang === "vi"
      ? `Đúng, ${names} là ${named.length === 1 ? "một trong" : "trong số"} ${n} cơ quan ký kế hoạch liên tịch. Các cơ quan còn lại: ${others.join(", ")}.`
      : `Yes, ${names} ${named.length === 1 ? "is one" : "are among"} of the ${n} bodies that signed the joint plan. The others: ${others.join(", ")}.`;
  }
  return lang === "vi"
    ? `Không, ${names} không phải là cơ quan ký kế hoạch liên tịch. Kế hoạch do ${n} cơ quan ký: ${signatories.map(short).join(", ")}.`
    : `No, ${names} did not sign the joint plan. It was signed by ${n} bodies: ${signatories.map(short).join(", ")}.`;
}

/** Words that end a body's name in a question ("Sở Nội vụ ký …", "Sở Tài chính có …") (folded). */
const NAME_END = /^(ky|co|la|da|dong|ban|cung|tham|phai|khong|ko|k|hong|nay|do|cua|trong|va|voi|thi|ha|a|sign\w*|did|is|was)$/;

/**
 * A department or ministry a question names by its kind word as typed ("Sở Nội vụ", "Bộ Công an", "the Department
 * of Home Affairs"), when no known agency matched: the words from the kind word to a verb or particle. Undefined when
 * it names none.
 */
export function bodyTyped(question: string): string | undefined {
  const words = question.normalize("NFC").replace(/[?!.,;:]/gu, " ").split(/\s+/u).filter((w) => w.length > 0);
  const at = words.findIndex((w, i) => /^(sở|bộ)$/iu.test(w) || (/^(department|ministry)$/i.test(w) && words[i + 1]?.toLowerCase() === "of"));
  if (at < 0) return undefined;
  const name = [words[at]!];
  for (const w of words.slice(at + 1, at + 6)) {
    const f = w.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/giu, "d").toLowerCase();
    if (NAME_END.test(f)) break;
    name.push(w);
  }
  return name.length > 1 ? name.join(" ") : undefined;
}
