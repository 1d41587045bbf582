/**
 * The help desk's actions behind `/giaidap`: answer a listed question, link it to an existing FAQ
 * entry, correct or withdraw an answer. Every change is a new version appended to the answer, made
 * by a named person with their role; nothing said before is rewritten.
 */
import { type Actor, t } from "../command.js";
import type { Content, FaqEntry } from "../content/schema.js";
import type { Lang } from "../dates.js";
import { UserError } from "../errors.js";
import { indexedEntries, isActive } from "../knowledge/coordinator-answers.js";
import { createKnowledge } from "../knowledge/search.js";
import type { Knowledge } from "../knowledge/types.js";
import type { AnswerVersion, CoordinatorAnswer, Store, UnansweredQuestion } from "../ports.js";
import { stripInvisible } from "../text.js";
import { LISTING_TTL_MS } from "./listing.js";

/** The longest answer a coordinator may store. */
export const MAX_ANSWER_LENGTH = 1500;
/** The topic of answers whose question is close to no FAQ entry. */
export const DEFAULT_TOPIC = "other";

/** What the desk needs. */
export interface DeskDeps {
  content: Content;
  store: Store;
  knowledge: Knowledge;
}

/** What answering or linking did. */
export interface DeskOutcome {
  answer: CoordinatorAnswer;
  /** Other unanswered questions the answer also covers, resolved with it. */
  merged: UnansweredQuestion[];
  /** A curated entry that now answers the question itself: the plan comes first, so the coordinator is told. */
  shadowedBy?: FaqEntry;
}

/** The question numbered `n` in the chat's latest /cauhoi listing, still unanswered. */
export async function listedQuestion(store: Store, actor: Actor, n: number, now: Date, lang: Lang): Promise<UnansweredQuestion> {
  const listing = await store.answers.listing(actor.chatKey);
  if (!listing || now.getTime() - Date.parse(listing.at) > LISTING_TTL_MS) {
    throw new UserError(t(lang, "Xin vui lòng gõ /cauhoi trước để xem danh sách câu hỏi có đánh số.", "Please type /questions first to see the numbered list."));
  }
  const folded = listing.folded[n - 1];
  if (folded === undefined) {
    throw new UserError(
      t(lang, `Danh sách gần nhất không có câu số ${n} (chỉ từ 1 đến ${listing.folded.length}). Gõ /cauhoi để xem lại.`, `The latest list has no question ${n} (only 1 to ${listing.folded.length}). Type /questions to see it again.`),
    );
  }
  const question = (await store.questions.unanswered(Number.MAX_SAFE_INTEGER)).find((q) => q.folded === folded);
  if (!question) {
    const by = (await store.answers.list()).find((a) => isActive(a) && a.questions.some((q) => q.folded === folded));
    throw new UserError(
      by
        ? t(lang, `Câu số ${n} đã được trả lời (mã ${by.id}). Xem: /giaidap xem ${by.id}.`, `Question ${n} was answered already (id ${by.id}). See: /answer show ${by.id}.`)
        : t(lang, `Câu số ${n} không còn trong danh sách. Gõ /cauhoi để xem lại.`, `Question ${n} is no longer listed. Type /questions to see the list again.`),
    );
  }
  return question;
}

/** Cleans an answer typed in chat; throws a UserError when it is empty or too long. */
export function cleanAnswer(text: string, lang: Lang): string {
  const cleaned = stripInvisible(text).replace(/[ \t]{2,}/g, " ").trim();
  if (cleaned.length === 0) throw new UserError(t(lang, "Xin vui lòng ghi nội dung câu trả lời.", "Please write the answer."));
  const length = [...cleaned].length;
  if (length > MAX_ANSWER_LENGTH) {
    throw new UserError(
      t(lang, `Câu trả lời dài ${length} ký tự, vượt quá ${MAX_ANSWER_LENGTH} ký tự. Xin vui lòng viết ngắn gọn hơn.`, `The answer is ${length} characters long, over ${MAX_ANSWER_LENGTH}. Please shorten it.`),
    );
  }
  return cleaned;
}

/** The curated entry `id`, or a UserError that says how to find the ids. */
export function entryOrThrow(knowledge: Knowledge, id: string, lang: Lang): FaqEntry {
  const entry = knowledge.entry(id.trim().toLowerCase());
  if (!entry) {
    throw new UserError(
      t(lang, `Không có mục nào mã “${id}”. Mã mục gần nhất hiện dưới mỗi câu trong /cauhoi.`, `There is no entry “${id}”. The closest entry's id is shown under each question in /questions.`),
    );
  }
  return entry;
}

/**
 * Stores a coordinator's answer (or link) to a listed question. Other unanswered questions the new
 * answer would also answer are resolved with it, so their askers hear back too.
 */
export async function resolveQuestion(
  deps: DeskDeps,
  actor: Actor,
  question: UnansweredQuestion,
  what: { text: string } | { entry: FaqEntry },
  now: Date,
): Promise<DeskOutcome> {
  const isLink = "entry" in what;
  const near = deps.knowledge.search(question.example);
  const topic = isLink ? what.entry.topic : (near.best?.entry.topic ?? near.suggestions[0]?.topic ?? DEFAULT_TOPIC);
  const version: AnswerVersion = {
    action: isLink ? "link" : "answer",
    ...(isLink ? { entryId: what.entry.id } : { text: what.text }),
    ...by(actor, now),
  };
  const draft: Omit<CoordinatorAnswer, "id"> = { kind: isLink ? "link" : "answer", questions: [question], topic, versions: [version] };
  const merged = await alsoAnswered(deps, draft, question);
  const answer = await deps.store.answers.add({ ...draft, questions: [question, ...merged] });
  const shadowedBy = !isLink && near.decision !== "none" ? near.best?.entry : undefined;
  return { answer, merged, ...(shadowedBy ? { shadowedBy } : {}) };
}

/** Appends an edit (new text, or a new entry for a link). Throws a UserError for unknown or withdrawn answers. */
export async function editAnswer(deps: DeskDeps, actor: Actor, id: string, what: { text: string } | { entry: FaqEntry }, now: Date, lang: Lang): Promise<CoordinatorAnswer> {
  const answer = await activeOrThrow(deps.store, id, lang);
  if ("entry" in what !== (answer.kind === "link")) {
    throw new UserError(
      answer.kind === "link"
        ? t(lang, `${answer.id} là một liên kết tới mục có sẵn: sửa bằng /giaidap sua ${answer.id} =<mã mục>.`, `${answer.id} links to an entry: change it with /answer edit ${answer.id} =<entry id>.`)
        : t(lang, `${answer.id} là câu trả lời của điều phối viên: sửa bằng /giaidap sua ${answer.id} <nội dung mới>.`, `${answer.id} is a coordinator answer: change it with /answer edit ${answer.id} <new text>.`),
    );
  }
  const version: AnswerVersion = { action: "edit", ...("entry" in what ? { entryId: what.entry.id } : { text: what.text }), ...by(actor, now) };
  return (await deps.store.answers.append(answer.id, version))!;
}

/** Appends a withdrawal (with an optional reason); the questions go back to /cauhoi. */
export async function withdrawAnswer(deps: DeskDeps, actor: Actor, id: string, reason: string | undefined, now: Date, lang: Lang): Promise<CoordinatorAnswer> {
  const answer = await activeOrThrow(deps.store, id, lang);
  return (await deps.store.answers.append(answer.id, { action: "withdraw", ...(reason ? { text: reason } : {}), ...by(actor, now) }))!;
}

async function activeOrThrow(store: Store, id: string, lang: Lang): Promise<CoordinatorAnswer> {
  const answer = await store.answers.get(id);
  if (!answer) throw new UserError(t(lang, `Không có câu trả lời mã “${id}”. Xem danh sách: /giaidap ds.`, `There is no answer “${id}”. See the list: /answer list.`));
  if (!isActive(answer)) {
    throw new UserError(t(lang, `${answer.id} đã được rút. Muốn trả lời lại, xin chọn câu hỏi trong /cauhoi.`, `${answer.id} was withdrawn. To answer again, pick the question in /questions.`));
  }
  return answer;
}

function by(actor: Actor, now: Date): Pick<AnswerVersion, "by" | "byName" | "role" | "at"> {
  return { by: actor.userKey, byName: actor.name, role: actor.role, at: now.toISOString() };
}

/** Unanswered questions (other than `question`) that the draft answer, searched alone, answers. */
async function alsoAnswered(deps: DeskDeps, draft: Omit<CoordinatorAnswer, "id">, question: UnansweredQuestion): Promise<UnansweredQuestion[]> {
  const entries = indexedEntries([{ ...draft, id: "draft" }], deps.content);
  if (entries.length === 0) return [];
  const alone = createKnowledge({ ...deps.content, faq: entries });
  return (await deps.store.questions.unanswered(Number.MAX_SAFE_INTEGER)).filter((q) => q.folded !== question.folded && alone.search(q.example).decision !== "none");
}
