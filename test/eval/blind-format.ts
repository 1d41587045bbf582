import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { type App, createApp } from "../../src/app.js";
import { fold } from "../../src/core/fold.js";
import { toPlain } from "../../src/core/reply.js";
import { atLocal, createFixedClock } from "../../src/core/time.js";
import { openStore } from "../../src/store/open-store.js";
import type { Content } from "../../src/core/content/schema.js";
import { createMemoryLogger, createRecordingOutbox } from "../helpers/app.js";

/**
 * One case of a text-scored question set (the blind set and the dev set share this format):
 * the question, its language, what kind of case it is, and strings that must all appear in the answer.
 */
export const textCaseSchema = z.strictObject({
  id: z.string().min(1),
  q: z.string().min(1),
  lang: z.enum(["vi", "en"]),
  kind: z.enum(["in-scope", "out-of-scope", "follow-up"]),
  must: z.array(z.string().min(1)).default([]),
  prev: z.string().min(1).optional(),
  now: z.iso.date().optional(),
  note: z.string().optional(),
});
export type TextCase = z.infer<typeof textCaseSchema>;

/** Day a text case is asked when it gives none. */
export const DEFAULT_NOW = "2026-12-01";

/**
 * Sets written for another default day (their README says which): a case of such a set without `now` is asked on it.
 * blind9's to blind13's writers took 2026-12-02 (a Wednesday) as today, blind14's to blind17's 2026-12-03, blind18's and blind19's 2026-12-04, blind20's 2026-12-07, and computed their day counts from it
 * (r157: 457 days).
 */
export const SET_DEFAULT_NOW: Readonly<Record<string, string>> = { blind9: "2026-12-02", blind10: "2026-12-02", blind11: "2026-12-02", blind12: "2026-12-02", blind13: "2026-12-02", blind14: "2026-12-03", blind15: "2026-12-03", blind16: "2026-12-03", blind17: "2026-12-03", blind18: "2026-12-04", blind19: "2026-12-04", blind20: "2026-12-07" };

/**
 * Reads one YAML file of text cases. Every problem names the file and the case, so a broken set fails loudly
 * instead of silently scoring fewer cases.
 */
export function loadTextCases(file: string): TextCase[] {
  const raw: unknown = parse(readFileSync(file, "utf8"));
  if (!Array.isArray(raw)) throw new Error(`eval: ${file} must be a YAML list of cases ({id, q, lang, kind, must})`);
  const ids = new Set<string>();
  return raw.map((item, i) => {
    const parsed = textCaseSchema.safeParse(item);
    if (!parsed.success) {
      throw new Error(`eval: ${file} › case ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join("; ")}`);
    }
    if (ids.has(parsed.data.id)) throw new Error(`eval: ${file} › case ${i + 1}: id "${parsed.data.id}" is used twice`);
    if (parsed.data.kind === "follow-up" && !parsed.data.prev) throw new Error(`eval: ${file} › ${parsed.data.id}: a follow-up needs "prev"`);
    ids.add(parsed.data.id);
    const setNow = SET_DEFAULT_NOW[basename(dirname(file))];
    return setNow !== undefined && parsed.data.now === undefined ? { ...parsed.data, now: setNow } : parsed.data;
  });
}

/** The YAML files of a folder (none when it does not exist). */
export function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** Whether a text looks Vietnamese: a fair share of its words carry Vietnamese letters or marks. */
export function looksVietnamese(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return false;
  const marked = words.filter((w) => /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu.test(w)).length;
  return marked / words.length >= 0.2;
}

/** The body of an answer: without its source line, which may name a Vietnamese article in an English answer. */
function bodyOf(answer: string): string {
  return answer
    .split("\n")
    .filter((l) => !/^(Nguồn|Source|Sources)\s*:/i.test(l.trim()))
    .join("\n");
}

/** Whether `must` ("a|b" = alternatives) appears in `answer`, both folded (case and diacritics ignored). */
export function hasMust(answer: string, must: string): boolean {
  const hay = ` ${fold(answer)} `;
  const raw = ` ${answer.toLowerCase()} `;
  return must.split("|").some((alt) => {
    const f = fold(alt);
    if (f.length === 0) return raw.includes(alt.toLowerCase().trim());
    return hay.includes(f);
  });
}

/** What one case produced and why it failed, if it did. */
export interface TextResult {
  c: TextCase;
  answered: boolean;
  answer: string;
  ok: boolean;
  why?: string;
}

/** Asks text cases through one real app: real content, an in-memory store, a clock set per case. */
export interface TextRunner {
  run(c: TextCase): Promise<TextResult>;
  close(): Promise<void>;
}

/**
 * Creates a runner that asks each case through the real assistant (as a console chat without buttons, one
 * chat per case) and scores the text a person reads. A follow-up asks `prev` first in the same chat.
 * "Answered" is what the assistant itself recorded in its question statistics: small talk and refusals are not.
 */
export async function createTextRunner(content: Content): Promise<TextRunner> {
  const store = await openStore({ file: ":memory:" });
  const clock = createFixedClock(atLocal(DEFAULT_NOW, "09:00"));
  const app: App = createApp({ content, store, clock, outbox: createRecordingOutbox(), log: createMemoryLogger(), settings: { adminKeys: [], reminderTime: "08:30" } });
  let n = 0;
  return {
    close: () => store.close(),
    async run(c) {
      const day = c.now ?? DEFAULT_NOW;
      clock.set(atLocal(day, "09:00"));
      const id = `eval-${++n}`;
      const chat = { id, type: "private" as const };
      const user = { id, name: "Eval" };
      const ask = async (text: string) => {
        const before = (await store.questions.days(day, day))[0]?.answered ?? 0;
        const replies = await app.assistant.handle({ channel: "console", chat, user, text, supportsButtons: false });
        const after = (await store.questions.days(day, day))[0]?.answered ?? 0;
        return { answered: after > before, answer: replies.map((r) => toPlain(r.text)).join("\n\n") };
      };
      if (c.prev) await ask(c.prev);
      const { answered, answer } = await ask(c.q);
      const result = { c, answered, answer };
      if (c.kind === "out-of-scope") return answered ? { ...result, ok: false, why: "answered an out-of-scope question" } : { ...result, ok: true };
      if (!answered) return { ...result, ok: false, why: "refused" };
      if (c.lang === "en" && looksVietnamese(bodyOf(answer))) return { ...result, ok: false, why: "answered in Vietnamese" };
      if (c.lang === "vi" && !looksVietnamese(bodyOf(answer))) return { ...result, ok: false, why: "answered in English" };
      const missing = c.must.filter((m) => !hasMust(answer, m));
      if (missing.length > 0) return { ...result, ok: false, why: `missing ${missing.map((m) => `"${m}"`).join(", ")}` };
      return { ...result, ok: true };
    },
  };
}

/** Per-set shares, each with its numerator and denominator. */
export interface TextScores {
  viInScope: [number, number];
  outOfScope: [number, number];
  english: [number, number];
  followUps: [number, number];
  all: [number, number];
}

/**
 * Scores a set: Vietnamese in-scope right, out-of-scope refused, English in-scope right and in English,
 * follow-up pairs right. Out-of-scope cases count only as refusals, whatever their language.
 */
export function scoreText(results: readonly TextResult[]): TextScores {
  const share = (filter: (r: TextResult) => boolean): [number, number] => {
    const chosen = results.filter(filter);
    return [chosen.filter((r) => r.ok).length, chosen.length];
  };
  return {
    viInScope: share((r) => r.c.kind === "in-scope" && r.c.lang === "vi"),
    outOfScope: share((r) => r.c.kind === "out-of-scope"),
    english: share((r) => r.c.kind !== "out-of-scope" && r.c.lang === "en"),
    followUps: share((r) => r.c.kind === "follow-up"),
    all: share(() => true),
  };
}
