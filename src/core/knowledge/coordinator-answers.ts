/**
 * Coordinator answers as a second, smaller knowledge base, consulted only when the curated content
 * has no answer ("before refusing"). Priority, on purpose: an entry of the plan always wins, so a
 * coordinator answer can never override the plan; it fills a gap the plan leaves.
 *
 * Both kinds go through the same search as the content (glossary, typo correction, scoring), so
 * "similar questions" means what it means for the FAQ. Each is indexed by the questions it resolved
 * (never by its text); an `answer` replies with its own text, a `link` with the curated entry it points to.
 */
import type { CommandContext } from "../command.js";
import { t } from "../command.js";
import type { Content, FaqEntry } from "../content/schema.js";
import { formatDay } from "../dates.js";
import type { AnswerVersion, CoordinatorAnswer } from "../ports.js";
import { italic, lines, type Reply, reply } from "../reply.js";
import { dayOf } from "../time.js";
import { createKnowledge } from "./search.js";
import type { Hit, Knowledge, SearchResult } from "./types.js";

/** The source id that coordinator answers carry, in answers and in the `faq export` (see content/sources.yaml). */
export const COORDINATOR_SOURCE = "coordinator-answers";

/** Whether the answer is in force (its latest version is not a withdrawal). */
export function isActive(answer: CoordinatorAnswer): boolean {
  return answer.versions.at(-1)!.action !== "withdraw";
}

/** The version whose text or link is in force: the latest `answer`, `link` or `edit`. */
export function currentVersion(answer: CoordinatorAnswer): AnswerVersion {
  return answer.versions.findLast((v) => v.action !== "withdraw")!;
}

/** The first version: who answered, and when. */
export function firstVersion(answer: CoordinatorAnswer): AnswerVersion {
  return answer.versions[0]!;
}

/**
 * "Điều phối viên trả lời ngày 02/05/2025", plus "cập nhật ngày …" once it was corrected: how every
 * coordinator answer is marked, in chat and in the askers' notices.
 */
export function answerMark(answer: CoordinatorAnswer, lang: "vi" | "en"): string {
  const first = formatDay(dayOf(new Date(firstVersion(answer).at)));
  const current = currentVersion(answer);
  const edited = current.action === "edit" ? formatDay(dayOf(new Date(current.at))) : undefined;
  const base = t(lang, `Điều phối viên trả lời ngày ${first}`, `Answered by a coordinator on ${first}`);
  return edited && edited !== first ? `${base}${t(lang, `, cập nhật ngày ${edited}`, `, updated on ${edited}`)}` : base;
}

/** A coordinator's own answer as a reply: the text, then the mark. */
export function renderCoordinatorAnswer(answer: CoordinatorAnswer, lang: "vi" | "en"): Reply {
  return reply(lines(currentVersion(answer).text ?? "", [italic(answerMark(answer, lang))]));
}

/** What the coordinators' knowledge matched for a question. */
export interface CoordinatorMatch {
  answer: CoordinatorAnswer;
  /** For links: the curated entry to answer with. */
  entry?: FaqEntry;
  hit: Hit;
}

interface Index {
  signature: string;
  knowledge: Knowledge;
  byId: Map<string, CoordinatorAnswer>;
}

// One index per content (and so per app), rebuilt only when the set of answers or their versions change.
const indexes = new WeakMap<Content, Index>();

/** The active answers as FAQ-shaped entries: what the second knowledge base indexes. */
export function indexedEntries(answers: readonly CoordinatorAnswer[], content: Content): FaqEntry[] {
  return answers.filter(isActive).flatMap((a): FaqEntry[] => {
    const v = currentVersion(a);
    const target = a.kind === "link" ? content.faq.find((e) => e.id === v.entryId) : undefined;
    // A link to an entry that has since left the content answers nothing.
    if (a.kind === "link" && !target) return [];
    return [
      {
        id: a.id,
        topic: a.topic,
        questions: a.questions.map((q) => q.example),
        keywords: [],
        // Only the questions are searched: "similar" means similar to what was asked. The text of an answer
        // is rendered from the answer itself, never from this entry.
        answer: "",
        milestones: [],
        source: COORDINATOR_SOURCE,
      },
    ];
  });
}

/**
 * The coordinator answer or link that answers `question`, if any: searched like the FAQ, over the
 * active answers only. Pure: the caller loads the answers.
 */
export function matchCoordinatorAnswer(content: Content, answers: readonly CoordinatorAnswer[], question: string): CoordinatorMatch | undefined {
  const signature = answers.map((a) => `${a.id}:${a.versions.length}`).join(",");
  let index = indexes.get(content);
  if (!index || index.signature !== signature) {
    const knowledge = createKnowledge({ ...content, faq: indexedEntries(answers, content) });
    index = { signature, knowledge, byId: new Map(answers.map((a) => [a.id, a])) };
    indexes.set(content, index);
  }
  if (index.knowledge.size === 0) return undefined;
  const result = index.knowledge.search(question);
  if (result.decision === "none" || !result.best) return undefined;
  const answer = index.byId.get(result.best.entry.id)!;
  if (answer.kind === "answer") return { answer, hit: result.best };
  const entry = content.faq.find((e) => e.id === currentVersion(answer).entryId)!;
  return { answer, entry, hit: { ...result.best, entry } };
}

/** What {@link answerFromCoordinators} produces: the same shape as an answer from the content. */
export interface CoordinatorOutcome {
  replies: Reply[];
  result: SearchResult;
  answered: true;
}

/**
 * Tries the coordinators' answers after the content found nothing. A link answers with the curated
 * entry (rendered by `renderEntry`, passed in to keep this file free of the answer renderer);
 * an answer of their own is marked with its date.
 */
export function answerFromCoordinators(
  ctx: CommandContext,
  answers: readonly CoordinatorAnswer[],
  question: string,
  refused: SearchResult,
  renderEntry: (ctx: CommandContext, entry: FaqEntry) => Reply,
): CoordinatorOutcome | undefined {
  const match = matchCoordinatorAnswer(ctx.services.content, answers, question);
  if (!match) return undefined;
  const result: SearchResult = { ...refused, decision: "confident", best: match.hit, suggestions: [] };
  const replies = match.entry ? [renderEntry(ctx, match.entry)] : [renderCoordinatorAnswer(match.answer, ctx.lang)];
  return { replies, result, answered: true };
}
