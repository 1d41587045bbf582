import type { Content, Milestone } from "../content/schema.js";
import { formatDue, type Lang } from "../dates.js";
import { byDeadline, dueWithCountdown, milestoneTitle } from "../milestones.js";
import { fold } from "../fold.js";

/**
 * The systems of the plan a question may compare: the concept token the analyser gives their names (glossary.yaml),
 * the `system` of their milestones (milestones.yaml) and how an answer names them.
 */
const SYSTEMS: readonly { unit: string; system: string; vi: string; en: string }[] = [
  { unit: "hnth", system: "video-conference", vi: "Hội nghị truyền hình trực tuyến", en: "Video conferencing" },
  { unit: "qlvb", system: "document-management", vi: "Hệ thống quản lý văn bản, chỉ đạo điều hành", en: "Document management" },
  { unit: "email", system: "email", vi: "Thư điện tử công vụ", en: "Official e-mail" },
  { unit: "1022", system: "hotline-1022", vi: "Hệ thống 1022", en: "The 1022 system" },
  { unit: "cks", system: "digital-signature", vi: "Chữ ký số", en: "Digital signatures" },
  { unit: "dinhdanhdientu", system: "e-id", vi: "Mã định danh điện tử", en: "E-ID codes" },
  { unit: "ttdl", system: "data-center", vi: "Trung tâm dữ liệu", en: "The data center" },
  { unit: "mangtruyensolieuchuyendung", system: "network", vi: "Mạng truyền số liệu chuyên dùng", en: "The dedicated data network" },
  { unit: "congthongtindientu", system: "portal", vi: "Cổng thông tin điện tử", en: "The portals" },
];

/** "sớm hơn", "trước", "earlier", "first": the question asks which comes first (folded). */
const EARLIER = /\b(som hon|truoc hon|nhanh hon|(xong|han|den han|het han|hoan thanh|trien khai|chay|lam|co|van hanh)( chinh thuc)? truoc|(nao|ben nao) truoc|earlier|sooner|first|before the other)\b/;
/** "muộn hơn", "trễ hơn", "later": the question asks which comes last (folded). */
const LATER = /\b(muon hon|tre hon|cham hon|sau hon|(xong|han|den han|hoan thanh|trien khai|chay|lam|co|van hanh)( chinh thuc)? sau|(nao|ben nao) sau|later|last)\b/;
/** "cùng chạy chính thức 1 ngày", "có trùng ngày không", "có cùng hạn không", "on the same day", "share a deadline": the question asks whether both fall on one
 * day (folded); it names the two things, so it needs no word of choice. */
const SAME = /\b(cung (\S+ ){0,3}?(1|mot) ngay|cung ngay|cung (mot )?luc|cung thoi diem|cung (thoi )?han|chung (mot )?han|trung ngay|trung han|trung nhau|(the )?same (day|date|time|deadline|due date)|shares? (a |the |one )?(deadline|date|day|due date)|simultaneously)\b/;
/** "giống nhau", "như nhau", "khác nhau", "khác hạn nhau", "the same as": the question asks whether two things are alike (folded); of deadlines only
 * with a word of time ({@link DEADLINE_WORD}), since "hnth và qlvb khác nhau thế nào" asks what they are. */
const ALIKE = /\b(giong nhau|nhu nhau|khac nhau|khac (han|ngay|moc|thoi han) nhau|giong|the same as|same as|differ|different)\b/;
/** "hạn", "mốc", "ngày", "thời hạn", "deadline": a word of time (folded). */
const DEADLINE_WORD = /\b(han|han chot|moc|ngay|thoi han|thoi diem|deadline|deadlines|due|date|dates)\b/;

/** Whether a (folded) question asks whether two things fall on one day or share a deadline ({@link SAME}, or "hạn …
 * có giống nhau không"). */
function asksSame(folded: string): boolean {
  return SAME.test(folded) || (ALIKE.test(folded) && DEADLINE_WORD.test(folded));
}

/** "cái nào", "bên nào", "hay", "so với", "which", "or": the question offers a choice between the things it names. */
const CHOICE = /\b(cai nao|ben nao|he thong nao|viec nao|thang nao|hay|hoac|so voi|which|or|vs|versus|compared)\b/;
/** "xong", "hoàn thành", "chính thức", "finished", "go live": what is compared is when the work ends (folded). */
const ENDS = /\b(xong|hoan thanh|hoan tat|chinh thuc|ket thuc|finish|finishes|finished|complete|completed|done|go live|goes live|officially)\b/;

/** "có mấy mốc", "liệt kê các mốc", "những hạn nào", "list the deadlines", "what milestones", "the timeline": the question asks a
 * system's deadlines, all of them (folded). */
const ASKS_ALL =
  /\b(may|bao nhieu|nhung|cac|tat ca|liet ke|ke ra|ke het)( (moc|han))? (moc|moc thoi gian|han|han chot|thoi han)\b|\b(nhung|cac|may) buoc( nao| gi)?\b|\b(moc|han|moc thoi gian) (nao|gi)\b|\bliet ke\b|\b(list|how many|what are|which|all)\b.*\b(deadlines|milestones|dates)\b|\b(timeline|schedule)\b/;
/** "đủ 3 ngày", "cả ba mốc", "tất cả 3 hạn", "all three dates": the question asks for every one of a count of a
 * system's deadlines it names (folded); the count is group 1. */
const ASKS_COUNTED = /\b(?:du|ca|het|tat ca|ca thay|toan bo|all|all the|each of the)( \d| hai| ba| bon| nam| sau| two| three| four| five| six) (moc|ngay|han|moc thoi gian|thoi han|dates|deadlines|milestones)\b/;
/** Counts in words, as {@link ASKS_COUNTED} reads them. */
const COUNT_WORDS: Record<string, number> = { hai: 2, ba: 3, bon: 4, nam: 5, sau: 6, two: 2, three: 3, four: 4, five: 5, six: 6 };

/** The count of deadlines a (folded) question asks all of ("cho em xin đủ 3 ngày" → 3), if it asks so. */
function countedAsked(folded: string): number | undefined {
  const m = ASKS_COUNTED.exec(folded);
  if (!m) return undefined;
  const w = m[1]!.trim();
  return /^\d$/.test(w) ? Number(w) : COUNT_WORDS[w];
}

/** Words of such a question that say nothing of which system it is (units). */
const SCHEDULE_WORDS = new Set([
  "han", "moc", "liet", "ke", "he", "thong", "system", "deadline", "mileston", "date", "list", "all", "timelin", "schedul", "lich",
  // "summarise the timeline for the document management and executive direction system": asking for an overview, and
  // the rest of the document system's English name.
  "summaris", "summariz", "overview", "executiv", "direction",
  // "kế hoạch về quản lý văn bản có mấy mốc", "kế hoạch có mấy mốc liên quan đến thư điện tử": the plan named, and
  // "liên quan đến" (about) before the system, say nothing of which step.
  "kehoachlientich", "lien", "quan",
  // "1022 năm 2025 làm những bước nào": the steps, done in the plan's year.
  "buoc", "lam", "nam",
]);

/** The Party's online conferences: a conference ("hntt", "hội nghị trực tuyến") said to be the Party's. */
const PARTY_CONFERENCE = { unit: "hnth", system: "party-systems", vi: "Hội nghị trực tuyến của cơ quan Đảng", en: "Party online conferencing" };
/** The Party's portal: a portal ("cổng TTĐT") said to be the Party's ("cổng TTĐT Đảng bộ"), whose roadmap is the
 * conferences' (one milestone of the plan). */
const PARTY_PORTAL = { unit: "congthongtindientu", system: "party-systems", vi: "Cổng thông tin điện tử Đảng bộ", en: "The Party portal" };
/** The concept token of the Party ("Đảng", "bên Đảng"), which makes a conference or a portal named just before it the Party's. */
const PARTY_UNIT = "dang";
/** The concept tokens of the Party, in Vietnamese and English. */
const PARTY_UNITS = new Set([PARTY_UNIT, "party"]);
/** The concept tokens of the State side ("bên nhà nước", "chính quyền", "state"). */
const STATE_UNITS = new Set(["nhanuoc", "chinhquyen", "stat"]);
/** The State's video conferencing, as {@link SYSTEMS} names it. */
const STATE_CONFERENCE = SYSTEMS.find((s) => s.unit === PARTY_CONFERENCE.unit)!;

/**
 * The systems a question names (units), in the order it names them, each once. A conference or a portal followed by
 * the Party ("hntt bên Đảng với hnth bên nhà nước", "cổng TTĐT Đảng bộ") is the Party's. A conference named once with both sides ("hội nghị trực
 * tuyến bên Đảng với bên chính quyền") is each side's: the Party's and the State's.
 */
function systemsIn(units: readonly string[]): typeof SYSTEMS {
  const out: (typeof SYSTEMS)[number][] = [];
  units.forEach((u, i) => {
    const s = SYSTEMS.find((x) => x.unit === u);
    // "cổng TTĐT Đảng bộ", "hntt bên Đảng" (the Party after), "the Party portal" (the Party just before, in English).
    const party = units.slice(i + 1, i + 3).includes(PARTY_UNIT) || (i > 0 && units[i - 1] === "party");
    const named = party && s?.unit === PARTY_CONFERENCE.unit ? PARTY_CONFERENCE : party && s?.unit === PARTY_PORTAL.unit ? PARTY_PORTAL : s;
    if (named && !out.some((x) => x.system === named.system)) out.push(named);
  });
  const only = out.length === 1 ? out[0] : undefined;
  if (only === PARTY_CONFERENCE && units.some((u) => STATE_UNITS.has(u))) out.push(STATE_CONFERENCE);
  if (only === STATE_CONFERENCE && units.some((u) => PARTY_UNITS.has(u))) out.push(PARTY_CONFERENCE);
  return out;
}

/** How an answer names a system of the plan (a milestone's `system`), when it has a name of its own. */
export function systemName(system: string, lang: Lang): string | undefined {
  const s = SYSTEMS.find((x) => x.system === system);
  return s ? (lang === "vi" ? s.vi : s.en) : undefined;
}

/** The systems a question names (units), in the order it names them: their milestones' `system` and their names. */
export function systemsNamed(units: readonly string[]): { system: string; vi: string; en: string }[] {
  return systemsIn(units).map(({ system, vi, en }) => ({ system, vi, en }));
}

/** A system's milestones: the official ones by deadline, then the spans that only follow from one. */
function milestonesOf(system: string, content: Content): { official: Milestone[]; other: Milestone[] } {
  const all = content.milestones.filter((m) => m.system === system);
  // A span that only follows from a deadline ("3 months of parallel use") is no deadline of the system.
  return { official: byDeadline(all.filter((m) => m.reminders?.enabled !== false)), other: byDeadline(all.filter((m) => m.reminders?.enabled === false)) };
}

/**
 * Whether a (folded) question may compare deadlines or ask all of a system's: a cheap test on its words alone, before
 * it is analysed ({@link readComparison}, {@link readSchedule}).
 */
export function mayAskDeadlines(folded: string): boolean {
  return ASKS_ALL.test(folded) || ASKS_COUNTED.test(folded) || ((EARLIER.test(folded) || LATER.test(folded)) && CHOICE.test(folded)) || asksSame(folded);
}

/** One system's deadlines, asked all at once. */
export interface SystemSchedule {
  vi: string;
  en: string;
  official: Milestone[];
  other: Milestone[];
}

/**
 * Reads a question asking all the deadlines of one system ("qlvb có mấy mốc thời gian, liệt kê giúp", "list the e-mail
 * deadlines"), from its folded text and units; undefined when it asks something else, names no system or two, or
 * names the system with other topic words ("mốc thử nghiệm qlvb": one step, for the search) unless it asks for all of
 * a count of deadlines that is the system's ("cho em xin đủ 3 ngày").
 */
export function readSchedule(folded: string, units: readonly string[], content: Content): SystemSchedule | undefined {
  const counted = countedAsked(folded);
  if (!ASKS_ALL.test(folded) && counted === undefined) return undefined;
  const named = systemsIn(units);
  if (named.length !== 1) return undefined;
  const s = named[0]!;
  const { official, other } = milestonesOf(s.system, content);
  if (official.length === 0) return undefined;
  // "QLVB có 3 mốc thử nghiệm, triển khai toàn bộ, vận hành chính thức, cho em xin đủ 3 ngày": the steps it names are
  // the system's deadlines, all of them, when their count is the system's.
  const all = counted !== undefined && counted === official.length;
  // A year ("năm 2025") says when, not which step.
  const rest = units.filter((u) => !u.startsWith("_") && u !== s.unit && !SCHEDULE_WORDS.has(u) && !/^\d{4}$/.test(u));
  if (rest.length > 0 && !all) return undefined;
  return { vi: s.vi, en: s.en, official, other };
}

/** A system's deadlines in words: how many, then each with its countdown from `today`. */
export function renderSchedule(s: SystemSchedule, today: string, lang: Lang): string[] {
  const vi = lang === "vi";
  const n = s.official.length;
  const out = [vi ? `${s.vi} có ${n} mốc thời gian:` : `${s.en} has ${n} ${n === 1 ? "deadline" : "deadlines"}:`];
  for (const m of s.official) out.push(`• ${milestoneTitle(m, lang)}: ${dueWithCountdown(m, today, lang)}`);
  for (const m of s.other) out.push(`${vi ? "Ngoài ra" : "Also"}: ${milestoneTitle(m, lang)}, ${formatDue(m.dueParsed, lang)} (${vi ? "ước tính, không phải hạn chính thức" : "an estimate, not an official deadline"}).`);
  return out;
}

/** One side of a comparison: a system, its official milestones by deadline, and the one compared. */
export interface ComparedSystem {
  vi: string;
  en: string;
  milestones: Milestone[];
  compared: Milestone;
}

/**
 * Two systems' deadlines compared: which comes first (or last), by their first deadline, or by their last one when the
 * question asks which is finished first. `sides` are in the order of their compared deadlines, earliest first.
 */
export interface Comparison {
  /** Which comes first, which last, or whether both are due on one day. */
  asked: "earlier" | "later" | "same";
  of: "first" | "last";
  sides: [ComparedSystem, ComparedSystem];
  /** Both compared deadlines end on the same day. */
  tie: boolean;
  /** One compared deadline is a span (a month, "May to August") that holds the other's: neither is plainly first. */
  overlap: boolean;
}

/**
 * Reads a question comparing the deadlines of two systems of the plan ("hntt với qlvb cái nào có hạn sớm hơn",
 * "which is finished first, e-mail or 1022?"), from its folded text and its units (concept tokens, see query.ts).
 * Undefined when it compares nothing, names other than two systems, or a system without milestones.
 *
 * ```ts
 * readComparison("hntt voi qlvb cai nao co han som hon", ["hnth", "qlvb", "han"], content)?.sides[0].en // "Video conferencing"
 * ```
 */
export function readComparison(
  folded: string,
  units: readonly string[],
  content: Content,
  /** The one of a system's milestones the question names of it ("hạn tạo tk mail": the accounts, not the lists), if any. */
  stepOf?: (system: string, milestones: readonly Milestone[]) => Milestone | undefined,
): Comparison | undefined {
  const same = asksSame(folded);
  const earlier = EARLIER.test(folded);
  const later = LATER.test(folded);
  if (!same && (earlier === later || !CHOICE.test(folded))) return undefined;
  const named = systemsIn(units);
  if (named.length !== 2) return undefined;
  const of = ENDS.test(folded) ? "last" : "first";
  const sides = named.map((s): ComparedSystem | undefined => {
    const { official, other } = milestonesOf(s.system, content);
    const milestones = official.length > 0 ? official : other;
    const compared = stepOf?.(s.system, milestones) ?? (of === "first" ? milestones[0] : milestones[milestones.length - 1]);
    return compared ? { vi: s.vi, en: s.en, milestones, compared } : undefined;
  });
  const [a, b] = sides;
  if (!a || !b) return undefined;
  const order = a.compared.dueParsed.end.localeCompare(b.compared.dueParsed.end);
  const [x, y] = [a.compared.dueParsed, b.compared.dueParsed];
  const overlap = order !== 0 && x.start <= y.end && y.start <= x.end;
  return { asked: same ? "same" : earlier ? "earlier" : "later", of, sides: order <= 0 ? [a, b] : [b, a], tie: order === 0, overlap };
}

/**
 * A comparison in words: the answer first ("Hội nghị truyền hình trực tuyến có hạn sớm hơn: …"), then each system's
 * milestones with their countdowns from `today`.
 */
export function renderComparison(c: Comparison, today: string, lang: Lang): string[] {
  const out = [comparisonLead(c, lang), lang === "vi" ? "Các mốc của từng hệ thống:" : "Each system's deadlines:"];
  for (const s of c.sides) {
    out.push(`${lang === "vi" ? s.vi : s.en}:`);
    for (const m of s.milestones) out.push(`• ${milestoneTitle(m, lang)}: ${dueWithCountdown(m, today, lang)}`);
  }
  return out;
}

/** The sentence that answers a comparison: which comes first (or last), that both are due together, or that a span
 * of months holds the other deadline, so neither is plainly first. */
function comparisonLead(c: Comparison, lang: Lang): string {
  const [first, second] = c.sides;
  const lower = (text: string) => text.replace(/^./, (x) => x.toLowerCase());
  const name = (s: ComparedSystem) => (lang === "vi" ? s.vi : s.en);
  const title = (m: Milestone) => lower(milestoneTitle(m, lang));
  const due = (m: Milestone) => `${formatDue(m.dueParsed, lang)} (${title(m)})`;
  const both = `${name(first)}: ${due(first.compared)}; ${lower(name(second))}: ${due(second.compared)}.`;
  if (c.overlap) {
    const span = c.sides.find((s) => s.compared.dueParsed.precision !== "day") ?? second;
    // "có cùng hạn không": a day and the month holding it are not one deadline; said so before why they cannot be ordered.
    if (c.asked === "same") {
      return lang === "vi"
        ? `Không hẳn cùng hạn: kế hoạch chỉ nêu một khoảng thời gian cho ${lower(name(span))}, không nêu ngày. ${both}`
        : `Not exactly: the plan gives only a span for ${lower(name(span))}, with no day. ${both}`;
    }
    return lang === "vi"
      ? `Không so được chính xác: kế hoạch chỉ nêu một khoảng thời gian cho ${lower(name(span))}. ${both}`
      : `They cannot be ordered exactly: the plan gives only a span for ${lower(name(span))}. ${both}`;
  }
  const day = formatDue(first.compared.dueParsed, lang);
  if (c.asked === "same") {
    const which = c.of === "first" ? (lang === "vi" ? "mốc đầu" : "first deadline") : lang === "vi" ? "mốc cuối" : "last deadline";
    if (c.tie) {
      return lang === "vi"
        ? `Có, cùng ngày: hai hệ thống có cùng ${which}, ${day}: ${title(first.compared)}; ${title(second.compared)}.`
        : `Yes, the same day: both have the same ${which}, ${day}: ${title(first.compared)}; ${title(second.compared)}.`;
    }
    return lang === "vi" ? `Không cùng ngày. ${both}` : `No, not the same day. ${both}`;
  }
  // "QLVB chạy chính thức trước hay 1022 chạy trước": neither, both on one day, said first.
  if (c.tie) {
    return lang === "vi"
      ? `Cùng ngày: hai hệ thống có cùng ${c.of === "first" ? "mốc đầu" : "mốc cuối"}, ${day}: ${title(first.compared)}; ${title(second.compared)}.`
      : `On the same day: both have the same ${c.of === "first" ? "first" : "last"} deadline, ${day}: ${title(first.compared)}; ${title(second.compared)}.`;
  }
  const [winner, other] = c.asked === "earlier" ? [first, second] : [second, first];
  return lang === "vi"
    ? `${name(winner)} có ${c.of === "first" ? "hạn" : "mốc hoàn thành"} ${c.asked === "earlier" ? "sớm" : "muộn"} hơn: ${due(winner.compared)}, so với ${lower(name(other))}: ${due(other.compared)}.`
    : `${name(winner)} ${c.of === "first" ? "is due" : "is finished"} ${c.asked === "earlier" ? "earlier" : "later"}: ${due(winner.compared)}, against ${lower(name(other))}: ${due(other.compared)}.`;
}

/** "hệ thống nào", "những hệ thống nào", "cái nào", "which systems", "what systems": the question asks which of the
 * plan's systems (folded). */
const WHICH_SYSTEMS = /\b((nhung|cac) )?(he thong|httt|cai|viec|moc) (nao|gi)\b|\b(which|what) (systems?|ones?|deadlines?|milestones?)\b/;
/** "chạy chính thức", "vận hành chính thức", "go live", "went live", "launched": the day asked is a system's official
 * start (folded). */
const GOES_LIVE = /\b(chinh thuc|go live|goes live|went live|gone live|going live|launch|launched|launches|officially)\b/;
/** A milestone that is a system's official start, by its title or keywords (folded). */
const LIVE_MILESTONE = /\b(van hanh chinh thuc|go live)\b/;

/** A day on which the deadlines of two systems or more fall: the day and those milestones, in the plan's order. */
export interface SharedDay {
  day: string;
  milestones: Milestone[];
}

/**
 * Reads a question asking which systems fall on one day ("những hệ thống nào chạy chính thức cùng một ngày", "which
 * systems went live on the same day"), naming none of them: the days shared by deadlines of two systems or more, of
 * their official starts when it asks when they go live. Undefined when it asks something else, names a system, or no
 * day is shared.
 *
 * ```ts
 * readSharedDays("nhung he thong nao chay chinh thuc cung mot ngay", [], content)?.[0]?.day // "2025-09-01"
 * ```
 */
export function readSharedDays(folded: string, units: readonly string[], content: Content): SharedDay[] | undefined {
  if (!SAME.test(folded) || !WHICH_SYSTEMS.test(folded) || systemsIn(units).length > 0) return undefined;
  const live = GOES_LIVE.test(folded);
  const pool = content.milestones.filter(
    (m) => m.reminders?.enabled !== false && m.dueParsed.precision === "day" && (!live || LIVE_MILESTONE.test(fold([m.title, m.titleEn ?? "", ...m.keywords].join(" ")))),
  );
  const days = new Map<string, Milestone[]>();
  for (const m of byDeadline(pool)) days.set(m.dueParsed.end, [...(days.get(m.dueParsed.end) ?? []), m]);
  const shared = [...days].filter(([, ms]) => new Set(ms.map((m) => m.system)).size > 1).map(([day, milestones]) => ({ day, milestones }));
  return shared.length > 0 ? shared : undefined;
}

/** Shared days in words: for each, the day and the systems that share it, then each of their milestones with its
 * countdown from `today`. */
export function renderSharedDays(shared: readonly SharedDay[], today: string, lang: Lang): string[] {
  const vi = lang === "vi";
  const lower = (text: string) => text.replace(/^./, (x) => x.toLowerCase());
  const out: string[] = [];
  for (const { milestones } of shared) {
    const systems = [...new Set(milestones.map((m) => m.system))].map((id) => SYSTEMS.find((s) => s.system === id));
    const names = systems.map((s, i) => (s ? (vi ? s.vi : s.en) : milestoneTitle(milestones[i]!, lang))).map((n, i) => (i === 0 ? n : lower(n)));
    const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} ${vi ? "và" : "and"} ${names[names.length - 1]}` : names[0]!;
    const day = formatDue(milestones[0]!.dueParsed, lang);
    out.push(vi ? `Cùng một ngày, ${day}: ${list}.` : `On the same day, ${day}: ${lower(list)}.`);
    for (const m of milestones) out.push(`• ${milestoneTitle(m, lang)}: ${dueWithCountdown(m, today, lang)}`);
  }
  return out;
}
