import { t } from "../command.js";
import type { Content, Milestone } from "../content/schema.js";
import type { Lang } from "../dates.js";
import { UserError } from "../errors.js";
import { fold } from "../fold.js";
import { expandGlossary } from "../knowledge/glossary.js";
import { agencyLabel, byDeadline, findMilestoneById, milestoneTitle } from "../milestones.js";
import type { StatusKind } from "../ports.js";
import { stripInvisible } from "../text.js";
import { STATUSES } from "./kinds.js";

/** The longest note accepted, in characters. */
export const MAX_NOTE_LENGTH = 500;

/**
 * Status words people type, folded (no diacritics, lowercase). Checked as whole phrases,
 * so "ket" matches but "ket noi" (connection) does not.
 */
const STATUS_WORDS: Record<StatusKind, readonly string[]> = {
  done: ["1", "xong", "da xong", "xong roi", "da xong roi", "lam xong", "da lam xong", "hoan thanh", "da hoan thanh", "hoan thanh roi", "da hoan thanh roi", "hoan tat", "da hoan tat", "done", "finished", "completed", "complete"],
  "on-track": [
    "2",
    "dang lam",
    "dung tien do",
    "dung han",
    "dang thuc hien",
    "dang trien khai",
    "binh thuong",
    "on track",
    "ontrack",
    "in progress",
  ],
  "at-risk": ["3", "cham", "bi cham", "cham tien do", "nguy co", "nguy co cham", "co nguy co cham", "co nguy co", "tre", "tre han", "at risk", "risk", "late"],
  blocked: ["4", "vuong", "vuong mac", "co vuong mac", "bi vuong", "ket", "bi ket", "bi tac", "kho khan", "blocked", "block", "stuck"],
};

/** Compound words that start with a status word but mean something else ("kết nối" is a connection, not "kẹt"). */
const NOT_STATUS = new Set(["ket noi", "ket qua", "ket thuc", "ket luan", "ket hop", "ket xe", "cham soc", "tre em"]);

const PHRASES = new Map<string, StatusKind>(
  (Object.entries(STATUS_WORDS) as [StatusKind, readonly string[]][]).flatMap(([kind, words]) => words.map((w) => [w, kind] as const)),
);
const LONGEST_PHRASE = Math.max(...[...PHRASES.keys()].map((p) => p.split(" ").length));

/**
 * A milestone text that matches several milestones: the message lists them, and `candidates` lets the command
 * offer them as a numbered choice instead of an error.
 */
export class AmbiguousMilestoneError extends UserError {
  constructor(
    readonly candidates: readonly Milestone[],
    message: string,
  ) {
    super(message);
  }
}

/** The status a loosely typed word means ("xong", "Vướng mắc", "3"), or null. */
export function parseStatusWord(text: string): StatusKind | null {
  return PHRASES.get(fold(text)) ?? null;
}

/** The status with number 1–4. */
export function statusByNumber(n: number): StatusKind | null {
  return STATUSES.find((s) => s.number === n)?.kind ?? null;
}

/** A word of typed text with its position, so the note keeps the text exactly as typed. */
interface Token {
  raw: string;
  folded: string;
  index: number;
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ raw: m[0], folded: fold(m[0]), index: m.index }));
}

/** The longest status phrase starting at token `i`, with how many tokens it spans. */
function statusAt(tokens: Token[], i: number): { kind: StatusKind; length: number } | null {
  const pair = tokens.slice(i, i + 2).map((x) => x.folded).join(" ");
  if (NOT_STATUS.has(pair)) return null;
  for (let n = Math.min(LONGEST_PHRASE, tokens.length - i); n >= 1; n--) {
    const phrase = tokens
      .slice(i, i + n)
      .map((x) => x.folded)
      .filter((x) => x.length > 0)
      .join(" ");
    const kind = PHRASES.get(phrase);
    if (kind) return { kind, length: n };
  }
  return null;
}

/**
 * The status a message starts with, in words ("xong", "đã hoàn thành rồi", "vướng mắc - thiếu máy chủ"), and the
 * text after it as typed (the note; a leading ":" or "-" dropped). "kết nối …" or a number is not a status here.
 */
export function leadingStatus(text: string): { kind: StatusKind; rest: string } | null {
  const tokens = tokenize(text).map((tok) => ({ ...tok, folded: tok.folded.replace(/[.,!;:\-–—]+$/u, "") }));
  const found = tokens.length > 0 && !/^\d/.test(tokens[0]!.folded) ? statusAt(tokens, 0) : null;
  if (!found) return null;
  const next = tokens[found.length];
  const rest = next ? text.slice(next.index).replace(/^[:\-–—]\s*/u, "").trim() : "";
  return { kind: found.kind, rest };
}

/** One way to read `/capnhat` arguments: which words name the milestone, the status, the agency and the note. */
export interface UpdateReading {
  milestoneText: string;
  status: StatusKind;
  /** The agency as typed ("@sokhcn-binhduong" without "@", or the "<agency>:" prefix). */
  agencyText?: string;
  /** True when the agency came from a "<agency>:" prefix: drop the reading if that prefix is not an agency. */
  agencyFromPrefix?: boolean;
  note?: string;
}

/**
 * Reads `/capnhat` arguments: `<milestone> <status> [@agency] [note]`, or `<agency>: <milestone> <status> [note]`.
 * Returns every plausible reading, most likely first (a status word may also occur inside a milestone
 * name); the caller keeps the first whose milestone resolves. Throws a UserError with the usage when no
 * status word is found.
 */
export function readUpdate(args: string, lang: Lang): UpdateReading[] {
  const text = args.trim();
  const colon = text.indexOf(":");
  const prefixAgency = colon > 0 ? text.slice(0, colon).trim() : undefined;
  const readings = (source: string, agencyPrefix: string | undefined): UpdateReading[] => {
    const tokens = tokenize(source);
    const out: UpdateReading[] = [];
    for (let i = 1; i < tokens.length; i++) {
      const found = statusAt(tokens, i);
      if (!found) continue;
      let agencyText = agencyPrefix;
      const milestoneWords: string[] = [];
      for (const tok of tokens.slice(0, i)) {
        if (tok.raw.startsWith("@") && tok.raw.length > 1) agencyText = tok.raw.slice(1);
        else milestoneWords.push(tok.raw);
      }
      let j = i + found.length;
      while (j < tokens.length && tokens[j]!.raw.startsWith("@") && tokens[j]!.raw.length > 1) {
        agencyText = tokens[j]!.raw.slice(1);
        j++;
      }
      if (milestoneWords.length === 0) continue;
      const note = j < tokens.length ? source.slice(tokens[j]!.index).trim() : undefined;
      out.push({
        milestoneText: milestoneWords.join(" "),
        status: found.kind,
        agencyText,
        agencyFromPrefix: agencyPrefix !== undefined && agencyText === agencyPrefix ? true : undefined,
        note: note || undefined,
      });
    }
    return out;
  };
  const plain = readings(text, undefined);
  const withPrefix = prefixAgency ? readings(text.slice(colon + 1).trim(), prefixAgency) : [];
  // The "<agency>:" form is tried first; it is dropped later if the prefix is not an agency.
  const all = [...withPrefix, ...plain];
  if (all.length === 0) {
    const shownText = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    const head = t(lang, `Không nhận ra trạng thái trong "${shownText}".`, `No status found in "${shownText}".`);
    throw new UserError(text.length > 0 ? `${head}\n${updateUsage(lang)}` : updateUsage(lang));
  }
  return all;
}

/** How to use /capnhat, shown when the arguments cannot be read. */
export function updateUsage(lang: Lang): string {
  return t(
    lang,
    [
      "Xin vui lòng ghi mốc công việc và trạng thái, ví dụ:",
      "  /capnhat email xong",
      "  /capnhat 1022 đang làm",
      "  /capnhat email-lists vướng thiếu danh sách của 2 phòng",
      "Trạng thái: 1 hoặc \"xong\" (đã hoàn thành), 2 hoặc \"đang làm\" (đúng tiến độ), 3 hoặc \"chậm\" (có nguy cơ chậm), 4 hoặc \"vướng\" (vướng mắc).",
      "Điều phối viên cập nhật thay đơn vị thì thêm @đơn vị: /capnhat email xong @sokhcn-brvt, hoặc /capnhat Sở KH&CN Bà Rịa - Vũng Tàu: email xong.",
    ].join("\n"),
    [
      "Please give the milestone and the status, e.g.:",
      "  /update email done",
      "  /update 1022 on track",
      "  /update email-lists blocked missing two departments' lists",
      "Status: 1 or \"done\", 2 or \"on track\", 3 or \"at risk\", 4 or \"blocked\".",
      "Coordinators updating for an agency add @agency: /update email done @sokhcn-brvt.",
    ].join("\n"),
  );
}

/**
 * Cleans a note typed by a person: control and bidi-override characters removed, whitespace
 * collapsed to single spaces. Returns undefined for an empty note. Throws a UserError when the
 * note is longer than `max` characters. Escaping for HTML is the renderer's job, not this one's.
 */
export function cleanNote(text: string | undefined, lang: Lang, max = MAX_NOTE_LENGTH): string | undefined {
  if (text === undefined) return undefined;
  const cleaned = stripInvisible(text)
    .replace(/[\n\u2028\u2029]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
  if (cleaned.length === 0) return undefined;
  const length = [...cleaned].length;
  if (length > max) {
    throw new UserError(
      t(
        lang,
        `Ghi chú dài ${length} ký tự, vượt quá giới hạn ${max} ký tự. Xin vui lòng gửi lại ghi chú ngắn gọn hơn.`,
        `The note is ${length} characters long, over the ${max}-character limit. Please send a shorter note.`,
      ),
    );
  }
  return cleaned;
}

/** The text a milestone is searched by: id, titles, system and keywords, folded. */
function milestoneHaystack(m: Milestone): string {
  return ` ${fold([m.id, m.title, m.titleEn ?? "", m.system, ...m.keywords].join(" "))} `;
}

/**
 * Milestones matching typed text: the exact id first; otherwise by the text or a glossary variant of
 * it ("email" also finds "thư điện tử") in the milestone's id, titles, system or keywords. Only the
 * best tier is kept: the whole phrase, else every word as a whole word, else every word as the start
 * of a word. Short syllables match too much, so a looser tier never mixes with a better one.
 * Sorted by deadline.
 */
export function matchMilestones(content: Content, text: string): Milestone[] {
  const byId = findMilestoneById(content, text);
  if (byId) return [byId];
  const query = fold(text);
  if (query.length === 0) return [];
  const exactFolded = content.milestones.filter((m) => fold(m.id) === query);
  if (exactFolded.length === 1) return exactFolded;
  const alternatives = expandGlossary(query, content.glossary);
  const score = (m: Milestone): number => {
    const hay = milestoneHaystack(m);
    let best = 0;
    for (const alt of alternatives) {
      const words = alt.split(" ");
      if (hay.includes(` ${alt} `)) return 3;
      if (words.every((w) => hay.includes(` ${w} `))) best = Math.max(best, 2);
      else if (words.every((w) => hay.includes(` ${w}`))) best = Math.max(best, 1);
    }
    return best;
  };
  const scored = content.milestones.map((m) => ({ m, s: score(m) })).filter((x) => x.s > 0);
  const top = Math.max(0, ...scored.map((x) => x.s));
  return byDeadline(scored.filter((x) => x.s === top).map((x) => x.m));
}

/**
 * Resolves a milestone typed loosely, among those the agency is responsible for (when given).
 * Throws a UserError when nothing matches, when it matches only milestones of other agencies,
 * or when several match (listing them with their ids, so the person can pick one).
 */
export function resolveMilestone(content: Content, text: string, agencyId: string | undefined, lang: Lang): Milestone {
  const all = matchMilestones(content, text);
  const mine = agencyId === undefined ? all : all.filter((m) => m.responsible.includes(agencyId));
  if (mine.length === 1) return mine[0]!;
  if (all.length === 0) {
    throw new UserError(
      t(
        lang,
        `Không tìm thấy mốc công việc nào khớp với "${text}". Xin vui lòng ghi mã mốc (xem /viec hoặc /lich), ví dụ: email-lists, hotline-1022-plan.`,
        `No milestone matches "${text}". Please give the milestone id (see /tasks or /deadlines), e.g. email-lists, hotline-1022-plan.`,
      ),
    );
  }
  if (mine.length === 0) {
    const agency = agencyLabel(content, agencyId!);
    throw new UserError(
      t(
        lang,
        `${agency} không phải là đơn vị thực hiện mốc "${text}" theo kế hoạch, nên không thể cập nhật tiến độ cho mốc này. Xem các mốc của đơn vị bằng /viec.`,
        `${agency} is not responsible for "${text}" in the plan, so its status cannot be updated. See the agency's milestones with /tasks.`,
      ),
    );
  }
  const shown = mine.slice(0, 8);
  throw new AmbiguousMilestoneError(
    shown,
    [
      t(lang, `Có ${mine.length} mốc khớp với "${text}". Xin vui lòng ghi rõ mã mốc:`, `${mine.length} milestones match "${text}". Please give the milestone id:`),
      ...shown.map((m) => `• ${m.id}: ${milestoneTitle(m, lang)}`),
      ...(mine.length > shown.length ? [t(lang, `… và ${mine.length - shown.length} mốc khác.`, `… and ${mine.length - shown.length} more.`)] : []),
      t(lang, `Ví dụ: /capnhat ${shown[0]!.id} xong`, `For example: /update ${shown[0]!.id} done`),
    ].join("\n"),
  );
}
