import type { Agency, Locality, Milestone } from "../content/schema.js";
import { agencyName } from "../agency-name.js";
import { formatDue, type Lang } from "../dates.js";
import { fold } from "../fold.js";
import { byDeadline, dueWithCountdown, milestoneTitle } from "../milestones.js";

/**
 * What one merged province had to do under the plan ("Bình Dương phải làm những gì theo kế hoạch này", "what did Binh
 * Duong have to do"): {@link localityAsked} reads the question, {@link localityTasks} finds the tasks (pure),
 * {@link renderLocalityTasks} writes the answer.
 */

/** The concept tokens the analyser gives the provinces' names (glossary.yaml) → their locality in agencies.yaml. */
const LOCALITY_UNITS: Readonly<Record<string, Locality>> = { bd: "binhduong", brvt: "brvt" };

/** How the plan's text names each province (folded), so that a task is known to name it. */
const LOCALITY_WORDS: Readonly<Record<Locality, readonly string[]>> = {
  hcm: ["tp hcm", "tphcm", "thanh pho ho chi minh"],
  binhduong: ["binh duong"],
  brvt: ["ba ria vung tau", "ba ria", "vung tau", "brvt"],
};

/** How an answer names each province. */
const LOCALITY_NAMES: Readonly<Record<Locality, { vi: string; en: string }>> = {
  hcm: { vi: "TP.HCM", en: "HCMC" },
  binhduong: { vi: "Bình Dương", en: "Binh Duong" },
  brvt: { vi: "Bà Rịa - Vũng Tàu", en: "Ba Ria - Vung Tau" },
};

/**
 * "phải làm những gì", "có nhiệm vụ gì", "được giao việc gì", "làm gì", "what did … have to do", "what must … do",
 * "the tasks of": the question asks what someone must do (folded).
 */
const TASKS_ASKED =
  /\b(phai|can|duoc giao|co|se) (lam )?(nhung )?(gi|viec gi|nhiem vu gi|nhung viec gi|viec nao|nhiem vu nao)\b|\b(nhiem vu|trach nhiem|phan viec|cong viec|viec) (gi|nao|cua)\b|\blam (nhung )?(gi|viec gi)\b|\bwhat (did|does|do|must|should|will|has|have) ([a-z]+ ){1,5}(have to |has to |need to |needs to |had to )?do\b|\b(tasks?|duties|responsibilities) (of|for)\b|\bresponsible for what\b/;

/** Words naming a body or people of the province rather than the province ("Sở KH&CN Bình Dương", "cán bộ Bình
 * Dương", "người dân"): their own entries answer them (folded). */
const BODY_NAMED =
  /\b(so|van phong|vp|tinh uy|thanh uy|ttcds|trung tam|ubnd|uy ban|khcn|can bo|cbcc|cong chuc|nguoi dan|dan|phuong|xa|dost|department|departments|office|committee|party|staff|civil servants?|officials?|citizens|residents|people|wards?|communes?)\b/;

/**
 * The one province a question asks the tasks of (its units and folded text), or undefined when it asks no tasks,
 * names no province or two, names a body or people of it, a system (`namesSystem`: a system's own entries answer), or
 * writes a number.
 *
 * ```ts
 * localityAsked("binh duong phai lam nhung gi theo ke hoach nay", ["bd", "lam", "theo", "kehoachlientich"], false) // "binhduong"
 * ```
 */
export function localityAsked(folded: string, units: readonly string[], namesSystem: boolean): Locality | undefined {
  // "Bình Dương làm gì trước 10/5": a day or a count written asks about it, not all the province's tasks.
  if (!TASKS_ASKED.test(folded) || BODY_NAMED.test(folded) || namesSystem || /\d/.test(folded)) return undefined;
  const named = [...new Set(units.flatMap((u) => (LOCALITY_UNITS[u] ? [LOCALITY_UNITS[u]] : [])))];
  return named.length === 1 ? named[0] : undefined;
}

/** A province's tasks: those the plan names it in, by deadline, and the others its bodies are listed for. */
export interface LocalityTasks {
  locality: Locality;
  /** Tasks of the province's bodies whose text names the province (the plan says so in so many words). */
  named: Milestone[];
  /** Tasks its bodies are listed for where the plan names no body (the assistant's reading, said so). */
  listed: Milestone[];
  /** The province's bodies responsible for each task. */
  bodies: Map<string, Agency[]>;
}

/**
 * The tasks of `locality`'s bodies (agencies.yaml) in the plan's milestones: those whose quote names the province,
 * then the others they are listed for. Undefined when the province has none.
 */
export function localityTasks(locality: Locality, milestones: readonly Milestone[], agencies: readonly Agency[]): LocalityTasks | undefined {
  const own = new Map(agencies.filter((a) => a.locality === locality).map((a) => [a.id, a]));
  const words = LOCALITY_WORDS[locality];
  const bodies = new Map<string, Agency[]>();
  const named: Milestone[] = [];
  const listed: Milestone[] = [];
  for (const m of byDeadline(milestones)) {
    const responsible = m.responsible.flatMap((id) => (own.has(id) ? [own.get(id)!] : []));
    if (responsible.length === 0) continue;
    bodies.set(m.id, responsible);
    const quote = ` ${fold(m.quote)} `;
    (words.some((w) => quote.includes(` ${w} `)) ? named : listed).push(m);
  }
  return named.length + listed.length > 0 ? { locality, named, listed, bodies } : undefined;
}

/**
 * A province's tasks in words: each task the plan names it in, with the body that does it and its deadline (an
 * estimate said to be one, a date kept only for order said to be none), then the systems of the other tasks its
 * bodies are listed for. `systemName` names a milestone's system, when it has a name.
 */
export function renderLocalityTasks(x: LocalityTasks, today: string, lang: Lang, systemName: (system: string) => string | undefined): string[] {
  const vi = lang === "vi";
  const place = LOCALITY_NAMES[x.locality][lang];
  const out: string[] = [];
  if (x.named.length > 0) out.push(vi ? `Các việc kế hoạch liên tịch nêu đích danh ${place}:` : `The tasks the joint plan names ${place} for:`);
  for (const m of x.named) {
    const who = (x.bodies.get(m.id) ?? []).map((a) => agencyName(a, lang)).join(", ");
    out.push(`• ${milestoneTitle(m, lang)} (${who}): ${when(m, today, lang)}`);
  }
  const systems = [...new Set(x.listed.map((m) => systemName(m.system) ?? milestoneTitle(m, lang)))];
  if (systems.length > 0) {
    const lower = systems.map((s, i) => (i === 0 && x.named.length === 0 ? s : s.replace(/^./, (c) => c.toLowerCase()))).join("; ");
    out.push(
      vi
        ? `Ngoài ra, với các việc kế hoạch không nêu tên đơn vị thực hiện, trợ lý ghi các cơ quan của ${place} cùng phối hợp: ${lower}.`
        : `Where the plan names no body, the assistant lists ${place}'s bodies as taking part too: ${lower}.`,
    );
  }
  return out;
}

/** A task's deadline: with its countdown; one the plan expects, said so; a span that only follows from a deadline, as
 * an estimate; a month kept only to order a task the plan gives no time for, as none. */
function when(m: Milestone, today: string, lang: Lang): string {
  const vi = lang === "vi";
  if (!m.estimated) return dueWithCountdown(m, today, lang);
  if (m.reminders?.enabled !== false) return `${dueWithCountdown(m, today, lang)}${vi ? " (dự kiến)" : " (expected)"}`;
  if (m.dueParsed.precision === "range") return vi ? `ước tính ${formatDue(m.dueParsed, lang)} (không phải hạn chính thức)` : `estimated ${formatDue(m.dueParsed, lang)} (not an official deadline)`;
  return vi ? "kế hoạch không nêu thời hạn" : "the plan gives no deadline";
}
