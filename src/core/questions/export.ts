/**
 * From the store into `content/`: coordinator answers become FAQ entries a reviewer can drop into
 * `content/faq/`, linked questions become a list of questions to add to existing entries, and once
 * merged, `check` warns about what the store still holds twice.
 */
import type { Content, FaqEntry } from "../content/schema.js";
import { fold } from "../fold.js";
import { COORDINATOR_SOURCE, currentVersion, firstVersion, isActive } from "../knowledge/coordinator-answers.js";
import type { CoordinatorAnswer } from "../ports.js";

/** The prefix of exported entry ids: `dpv-gd3-luong-thang-7` (dpv: điều phối viên). */
export const EXPORT_ID_PREFIX = "dpv-";

/** One exported answer: the entry, and who said it when (for a comment above it). */
export interface ExportedEntry {
  entry: FaqEntry;
  answerId: string;
  by: string;
  at: string;
  versions: number;
}

/** Questions a link attached to an existing entry, to be added to its `questions`. */
export interface ExportedLink {
  answerId: string;
  entryId: string;
  questions: string[];
}

/** What `faq export` prints. */
export interface FaqExport {
  entries: ExportedEntry[];
  links: ExportedLink[];
}

/**
 * The active coordinator answers as FAQ entries (with the `coordinator-answers` source and no keywords),
 * and the active links as questions to add. Withdrawn answers are left out. Pure.
 */
export function exportAnswers(answers: readonly CoordinatorAnswer[]): FaqExport {
  const entries: ExportedEntry[] = [];
  const links: ExportedLink[] = [];
  for (const a of answers.filter(isActive)) {
    const v = currentVersion(a);
    const questions = [...new Set(a.questions.map((q) => q.example.replace(/\s+/g, " ").trim()).filter((q) => q.length > 0))];
    if (a.kind === "link") {
      links.push({ answerId: a.id, entryId: v.entryId!, questions });
      continue;
    }
    entries.push({
      entry: { id: exportedId(a), topic: a.topic, questions, keywords: [], answer: v.text ?? "", milestones: [], source: COORDINATOR_SOURCE },
      answerId: a.id,
      by: firstVersion(a).byName,
      at: firstVersion(a).at,
      versions: a.versions.length,
    });
  }
  return { entries, links };
}

/** `dpv-gd3-` and the first words of the question, kebab-case (a valid content id). */
export function exportedId(answer: CoordinatorAnswer): string {
  const words = fold(answer.questions[0]!.example)
    .replace(/[^a-z0-9 ]+/g, " ")
    .split(" ")
    .filter(Boolean)
    .slice(0, 5);
  return [`${EXPORT_ID_PREFIX}${answer.id}`, ...words].join("-");
}

/**
 * Warnings for `check`: active store answers and links whose questions are in `content/` already
 * (typically after an export was merged). The content answers first anyway, so the store copy is
 * dead weight that would come back if the entry were removed: withdraw it. Pure.
 */
export function duplicatesWithContent(content: Content, answers: readonly CoordinatorAnswer[], fileOf: (entryId: string) => string | undefined = () => undefined): string[] {
  const byQuestion = new Map<string, FaqEntry>();
  for (const e of content.faq) for (const q of e.questions) byQuestion.set(fold(q), e);
  const byId = new Map(content.faq.map((e) => [e.id, e]));
  const out: string[] = [];
  for (const a of answers.filter(isActive)) {
    const exported = byId.get(exportedId(a)) ?? content.faq.find((e) => e.id.startsWith(`${EXPORT_ID_PREFIX}${a.id}-`));
    const twin = exported ?? a.questions.map((q) => byQuestion.get(q.folded) ?? byQuestion.get(fold(q.example))).find((e) => e !== undefined);
    if (!twin) continue;
    const where = fileOf(twin.id) ? ` (${fileOf(twin.id)})` : "";
    const what = a.kind === "link" ? `link ${a.id} (/giaidap … =${currentVersion(a).entryId})` : `coordinator answer ${a.id}`;
    out.push(
      `store: ${what} duplicates content entry ${twin.id}${where}: the content answers first, so withdraw the store copy in chat with /giaidap rut ${a.id}`,
    );
  }
  return out;
}
