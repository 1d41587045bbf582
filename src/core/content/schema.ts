import { z } from "zod";

/** Localities that merged: the old Ho Chi Minh City, Bình Dương and Bà Rịa - Vũng Tàu. */
export const LOCALITIES = ["hcm", "binhduong", "brvt"] as const;
export type Locality = (typeof LOCALITIES)[number];

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "must be kebab-case: lowercase letters, digits and '-' (e.g. email-accounts)" });
const nonEmpty = z.string().trim().min(1, { error: "must not be empty" });
const isoDay = z.iso.date({ error: "is not a date (use YYYY-MM-DD, e.g. 2025-05-10)" });

/**
 * A deadline as a coordinator writes it:
 * - `2025-05-10`: a day;
 * - `2025-05`: a month, when the plan only says "tháng 5-2025";
 * - `2025-05..2025-08` or `2025-06-10..2025-09-10`: a range; its end is the deadline.
 */
export const dueSchema = z.string().superRefine((value, ctx) => {
  if (parseDue(value) === null) {
    ctx.addIssue({
      code: "custom",
      message: `"${value}" is not a due date (use YYYY-MM-DD, YYYY-MM, or a range like 2025-05..2025-08)`,
    });
  }
});

/** A parsed deadline. `start` and `end` are calendar days (YYYY-MM-DD); `end` is the deadline. */
export interface Due {
  precision: "day" | "month" | "range";
  start: string;
  end: string;
  /** The text from content, kept for display decisions. */
  raw: string;
  /** For ranges: whether each side was written to the month only. */
  startIsMonth?: boolean;
  endIsMonth?: boolean;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

function isRealDay(s: string): boolean {
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first and last day (YYYY-MM-DD) of a month written "YYYY-MM", or null when it is no month. */
export function monthBounds(s: string): { start: string; end: string } | null {
  const m = MONTH_RE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  const mm = String(mo).padStart(2, "0");
  return { start: `${y}-${mm}-01`, end: `${y}-${mm}-${String(daysInMonth(y, mo)).padStart(2, "0")}` };
}

/** Parses a due string (see {@link dueSchema}); returns null when it is not valid. */
export function parseDue(raw: string): Due | null {
  const value = raw.trim();
  if (isRealDay(value)) return { precision: "day", start: value, end: value, raw: value };
  const month = monthBounds(value);
  if (month) return { precision: "month", ...month, raw: value };
  const parts = value.split("..");
  if (parts.length !== 2) return null;
  const [a, b] = parts.map((p) => p.trim()) as [string, string];
  const from = isRealDay(a) ? { start: a, end: a, isMonth: false } : monthBounds(a) && { ...monthBounds(a)!, isMonth: true };
  const to = isRealDay(b) ? { start: b, end: b, isMonth: false } : monthBounds(b) && { ...monthBounds(b)!, isMonth: true };
  if (!from || !to || from.start > to.end) return null;
  return { precision: "range", start: from.start, end: to.end, raw: value, startIsMonth: from.isMonth, endIsMonth: to.isMonth };
}

/** One source a fact comes from: the plan article, or a verified entry of facts.md. */
export const sourceSchema = z.strictObject({
  id,
  title: nonEmpty,
  /** The title for English answers (the outlet's name kept, the article's title translated, "republished on …" for a mirror). */
  titleEn: nonEmpty.optional(),
  url: z.url({ error: "must be a full URL (https://…)" }).optional(),
  /** The reference in facts.md (e.g. "A10"), when the source is a verified extra fact. */
  fact: z.string().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/** A source's title in the answer's language: the English one when there is one, else the Vietnamese. */
export function sourceTitle(source: Source, lang: "vi" | "en"): string {
  return lang === "en" ? (source.titleEn ?? source.title) : source.title;
}

export const AGENCY_KINDS = ["department", "center", "party-office", "people-committee", "unit"] as const;

/** An agency that owns or coordinates milestones. */
export const agencySchema = z.strictObject({
  id,
  name: nonEmpty,
  shortNames: z.array(nonEmpty).min(1, { error: "needs at least one short name (e.g. Sở KH&CN TP.HCM)" }),
  aliases: z.array(nonEmpty).default([]),
  locality: z.enum(LOCALITIES, { error: `must be one of ${LOCALITIES.join(", ")}` }),
  kind: z.enum(AGENCY_KINDS, { error: `must be one of ${AGENCY_KINDS.join(", ")}` }),
  /** One of the bodies that signed the joint plan (facts A1). */
  signatory: z.boolean().optional(),
});
export type Agency = z.infer<typeof agencySchema>;

/** Optional per-milestone override of the reminder ladder (working days). */
export const ladderSchema = z.strictObject({
  before: z.array(z.int().min(1).max(60)).optional(),
  onDueDay: z.boolean().optional(),
  overdueEvery: z.int().min(1).max(30).optional(),
  overdueMax: z.int().min(0).max(10).optional(),
  /** Set to false for milestones that need no reminders (e.g. a period, not a task). */
  enabled: z.boolean().optional(),
});
export type LadderOverride = z.infer<typeof ladderSchema>;

export const SYSTEMS = [
  "email",
  "hotline-1022",
  "video-conference",
  "document-management",
  "digital-signature",
  "e-id",
  "portal",
  "party-systems",
  "network",
  "data-center",
  "other",
  "governance",
] as const;

/** A dated or scheduled item of the plan. */
export const milestoneSchema = z.strictObject({
  id,
  title: nonEmpty,
  /** A short English title, for the English interface. */
  titleEn: nonEmpty.optional(),
  system: z.enum(SYSTEMS, { error: `must be one of ${SYSTEMS.join(", ")}` }),
  phase: z.union([z.literal(1), z.literal(2)], { error: "must be 1 or 2" }),
  sector: z.enum(["party", "state", "both"], { error: "must be party, state or both" }),
  due: dueSchema,
  responsible: z.array(id).min(1, { error: "needs at least one responsible agency id" }),
  coordinator: id,
  description: nonEmpty,
  /** What exactly a responsible agency must do, quoted in reminders. */
  action: nonEmpty,
  /** The exact sentence of the plan (or of the fact) this milestone comes from. */
  quote: nonEmpty,
  source: id,
  keywords: z.array(nonEmpty).default([]),
  reminders: ladderSchema.optional(),
  /** The date is an estimate (the plan says "dự kiến", or the assistant computed it), not an official deadline. */
  estimated: z.boolean().optional(),
});
export type Milestone = z.infer<typeof milestoneSchema> & { dueParsed: Due };

/** A question-and-answer entry of the knowledge base. */
export const faqSchema = z.strictObject({
  id,
  /** A topic used to group questions in the digest (e.g. email, 1022). */
  topic: id,
  questions: z.array(nonEmpty).min(1, { error: "needs at least one question" }),
  keywords: z.array(nonEmpty).default([]),
  answer: nonEmpty,
  /** Longer text, shown behind "Xem thêm". */
  more: nonEmpty.optional(),
  /** The answer in English, written from the same sources (shown to English questions). */
  answerEn: nonEmpty.optional(),
  /** `more` in English. */
  moreEn: nonEmpty.optional(),
  milestones: z.array(id).default([]),
  source: id,
  /**
   * A live answer computed from content and today's date instead of `answer` (which is still indexed and the
   * fallback): `plan-status` (where the plan stands), `holidays` (calendar.yaml), `agencies` (agencies.yaml).
   */
  render: z.enum(["plan-status", "holidays", "agencies"], { error: "must be plan-status, holidays or agencies" }).optional(),
  /**
   * A referral rather than an answer: the plan has nothing on the matter (a forgotten password, a locked personal
   * account), so the entry only says whom to ask. It is shown, but the question counts as unanswered and reaches
   * the coordinators' list like any other question without an answer.
   */
  referral: z.boolean().optional(),
});
export type FaqEntry = z.infer<typeof faqSchema>;

/** A set of words and abbreviations that mean the same thing (e.g. email, thư điện tử, mail). */
export const glossarySchema = z.strictObject({
  terms: z.array(nonEmpty).min(2, { error: "a synonym group needs at least two terms" }),
  /** Optional explanation, shown when someone asks what an abbreviation means. */
  meaning: z.string().optional(),
});
export type GlossaryGroup = z.infer<typeof glossarySchema>;

/**
 * One line of `content/lexicon.yaml`: chat shorthand or slang (`from`, a word or a short phrase) and what it means
 * (`to`; empty for a filler to drop). Both sides are folded before use.
 */
export const lexiconSchema = z.strictObject({
  from: nonEmpty,
  to: z.string(),
  note: z.string().optional(),
});
export type LexiconEntry = z.infer<typeof lexiconSchema>;

/**
 * A sourced remark shown when a person asks about that holiday by name: the festival around Giỗ Tổ, which is longer
 * than the day off. `source` is a sources.yaml id.
 */
const holidayNoteSchema = z.strictObject({ vi: nonEmpty, en: nonEmpty, source: id });

const holidaySchema = z.union([
  z.strictObject({ date: isoDay, name: nonEmpty, note: holidayNoteSchema.optional() }),
  z.strictObject({ from: isoDay, to: isoDay, name: nonEmpty, note: holidayNoteSchema.optional() }),
]);

/** Public holidays and make-up working days (Saturdays worked in exchange). */
export const calendarSchema = z.strictObject({
  years: z.array(z.int().min(2000).max(2100)).min(1),
  holidays: z.array(holidaySchema),
  workingDays: z.array(z.strictObject({ date: isoDay, name: nonEmpty })).default([]),
  /**
   * Days proposed as days off but not confirmed by an official text ("Ngày Văn hóa Việt Nam" 24/11/2026): the
   * assistant says so instead of calling them ordinary working days.
   */
  unconfirmed: z.array(z.strictObject({ date: isoDay, name: nonEmpty, nameEn: nonEmpty, note: nonEmpty, noteEn: nonEmpty })).default([]),
  /**
   * The solar days the law makes holidays every year (the Labour Code's 1/1, 30/4, 1/5, 2/9), with the source saying
   * so: the next one is known before its year's calendar is announced, though not how long its break lasts.
   */
  fixed: z
    .strictObject({
      source: id,
      days: z.array(
        z.strictObject({
          day: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'must be a day of the year as MM-DD (e.g. "09-02")' }),
          name: nonEmpty,
          nameEn: nonEmpty,
          /** The holiday people name it by (calendar-question.ts). */
          kind: z.enum(["new-year", "reunification", "national-day"], { error: "must be new-year, reunification or national-day" }),
        }),
      ),
    })
    .optional(),
});
export type CalendarFile = z.infer<typeof calendarSchema>;

/** Everything in `content/`, loaded and cross-checked. */
export interface Content {
  agencies: Agency[];
  milestones: Milestone[];
  faq: FaqEntry[];
  glossary: GlossaryGroup[];
  /** Chat shorthand and slang (optional file: empty when absent). */
  lexicon: LexiconEntry[];
  calendar: CalendarFile;
  sources: Source[];
}
