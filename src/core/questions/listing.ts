/**
 * The coordinators' view of the knowledge gap: the questions the assistant could not answer,
 * most asked first, numbered so that `/giaidap <số>` can answer one of them.
 */
import { t } from "../command.js";
import type { Content } from "../content/schema.js";
import { formatMoment, type Lang } from "../dates.js";
import { fold } from "../fold.js";
import type { Knowledge } from "../knowledge/types.js";
import type { ChatKey, PendingAsker, QuestionListing, Store, UnansweredQuestion } from "../ports.js";
import { bold, code, italic, lines, type Reply, reply, type Rich } from "../reply.js";

/** Questions shown in one listing; a filter narrows the rest. */
export const LISTING_SIZE = 15;
/** A topic filter searches each question for its closest entry (milliseconds each): only the most asked this many. */
export const TOPIC_SCAN = 150;
/** How long the numbers of a listing stay valid for `/giaidap <số>`. */
export const LISTING_TTL_MS = 24 * 60 * 60 * 1000;

/** One numbered question of a listing. */
export interface ListedQuestion {
  n: number;
  question: UnansweredQuestion;
  /** Distinct people still waiting to hear back (a count only: who they are is never shown). */
  waiting: number;
  /** The closest FAQ entry, a candidate for `/giaidap <số> =<mã mục>`. */
  nearest?: { id: string; topic: string };
}

/** A listing: the shown questions, how many matched the filter in all, and the filter. */
export interface Listing {
  items: ListedQuestion[];
  total: number;
  filter?: string;
  /** Set when the filter named a FAQ topic (e.g. "email") rather than words. */
  topic?: string;
  /** Set when a topic filter looked only at this many of the most asked questions. */
  scanned?: number;
}

/** What {@link selectUnanswered} reads from the store, loaded first by {@link loadUnanswered}. */
export interface UnansweredData {
  /** Every unanswered question, most asked first. */
  unanswered: readonly UnansweredQuestion[];
  /** The people waiting to hear back (only counted). */
  askers: readonly PendingAsker[];
}

/** Loads the unanswered questions and their waiting askers, for one listing. */
export async function loadUnanswered(store: Store): Promise<UnansweredData> {
  const [unanswered, askers] = await Promise.all([store.questions.unanswered(Number.MAX_SAFE_INTEGER), store.askers.list()]);
  return { unanswered, askers };
}

/**
 * Selects the unanswered questions, most asked first (then the most recent). A filter that names a
 * FAQ topic keeps the questions whose closest entry is of that topic; any other filter keeps the
 * questions containing all its words (accents and case ignored).
 */
export function selectUnanswered(deps: { knowledge: Knowledge; content: Content }, data: UnansweredData, filter?: string): Listing {
  const all = data.unanswered;
  const waiting = countWaiting(data.askers);
  const cache = nearestCache(deps.knowledge);
  const nearest = (q: UnansweredQuestion) => {
    if (cache.has(q.folded)) return cache.get(q.folded);
    const r = deps.knowledge.search(q.example);
    const e = r.suggestions[0] ?? r.best?.entry;
    const found = e ? { id: e.id, topic: e.topic } : undefined;
    if (cache.size >= NEAREST_CACHE_SIZE) cache.clear();
    cache.set(q.folded, found);
    return found;
  };
  const wanted = filter ? fold(filter) : "";
  const topic = wanted ? deps.content.faq.find((e) => e.topic === wanted.replace(/ /g, "-"))?.topic : undefined;
  const words = wanted.split(" ").filter(Boolean);
  // Searching costs a few milliseconds per question: only a topic filter searches them all; otherwise
  // only the shown questions are searched, for their closest entry.
  const scanned = topic ? all.slice(0, TOPIC_SCAN) : all;
  const matches = scanned.filter((question) => {
    if (topic) return question.folded.includes(wanted) || nearest(question)?.topic === topic;
    const have = question.folded.split(" ");
    return words.every((w) => have.some((h) => h.startsWith(w)));
  });
  return {
    items: matches.slice(0, LISTING_SIZE).map((question, i) => {
      const near = nearest(question);
      return { n: i + 1, question, waiting: waiting.get(question.folded) ?? 0, ...(near ? { nearest: near } : {}) };
    }),
    total: matches.length,
    ...(scanned.length < all.length ? { scanned: scanned.length } : {}),
    ...(filter ? { filter } : {}),
    ...(topic ? { topic } : {}),
  };
}

/** The listing as the store remembers it for a chat: the folded questions in their shown order. */
export function listingRecord(chatKey: ChatKey, listing: Listing, now: Date): QuestionListing {
  return { chatKey, folded: listing.items.map((i) => i.question.folded), at: now.toISOString() };
}

/** The listing as a reply. */
export function renderListing(listing: Listing, lang: Lang): Reply {
  const filterNote = listing.filter ? t(lang, ` khớp với “${listing.filter}”`, ` matching “${listing.filter}”`) : "";
  if (listing.total === 0) {
    return reply(
      listing.filter
        ? t(lang, `Không có câu hỏi chưa trả lời nào${filterNote}. Gõ /cauhoi để xem tất cả.`, `No unanswered questions${filterNote}. Type /questions to see them all.`)
        : t(lang, "Hiện không có câu hỏi nào trợ lý chưa trả lời được. 👍", "There are no questions the assistant could not answer. 👍"),
    );
  }
  const rows = listing.items.flatMap((item): Rich[] => {
    const q = item.question;
    const times = q.count === 1 ? t(lang, "1 lượt hỏi", "asked once") : t(lang, `${q.count} lượt hỏi`, `asked ${q.count} times`);
    const waiting = item.waiting > 0 ? t(lang, ` · ${item.waiting} người đang chờ`, ` · ${item.waiting} waiting`) : "";
    const when =
      q.firstAsked === q.lastAsked
        ? t(lang, ` · lúc ${formatMoment(new Date(q.firstAsked))}`, ` · at ${formatMoment(new Date(q.firstAsked))}`)
        : t(
            lang,
            ` · lần đầu ${formatMoment(new Date(q.firstAsked))}, gần nhất ${formatMoment(new Date(q.lastAsked))}`,
            ` · first ${formatMoment(new Date(q.firstAsked))}, last ${formatMoment(new Date(q.lastAsked))}`,
          );
    const near: Rich = item.nearest ? [t(lang, "   Mục gần nhất: ", "   Closest entry: "), code(item.nearest.id)] : [];
    return [[bold(`${item.n}. `), `“${q.example}”`], [`   ${times}${waiting}${when}`], ...(near.length > 0 ? [near] : [])];
  });
  return reply(
    lines(
      bold(t(lang, `❓ Câu hỏi trợ lý chưa trả lời được${filterNote}: ${listing.total}`, `❓ Questions the assistant could not answer${filterNote}: ${listing.total}`)),
      italic(
        listing.scanned
          ? t(lang, `Nhiều người hỏi nhất trước (lọc theo chủ đề trong ${listing.scanned} câu được hỏi nhiều nhất).`, `Most asked first (topic filter over the ${listing.scanned} most asked).`)
          : t(lang, "Nhiều người hỏi nhất trước.", "Most asked first."),
      ),
      "",
      ...rows,
      listing.total > listing.items.length &&
        t(
          lang,
          `… và ${listing.total - listing.items.length} câu hỏi khác. Lọc theo chủ đề hoặc từ khóa: /cauhoi email.`,
          `… and ${listing.total - listing.items.length} more. Filter by topic or word: /questions email.`,
        ),
      "",
      t(lang, "Trả lời: /giaidap <số> <câu trả lời>", "Answer: /answer <number> <answer>"),
      t(lang, "Gắn vào mục có sẵn (một cách hỏi mới): /giaidap <số> =<mã mục>", "Attach to an existing entry (a new way of asking it): /answer <number> =<entry id>"),
    ),
  );
}

/** Questions whose closest entry is remembered per knowledge base (the content does not change while it runs). */
const NEAREST_CACHE_SIZE = 2000;
const nearestCaches = new WeakMap<Knowledge, Map<string, { id: string; topic: string } | undefined>>();

function nearestCache(knowledge: Knowledge): Map<string, { id: string; topic: string } | undefined> {
  let cache = nearestCaches.get(knowledge);
  if (!cache) {
    cache = new Map();
    nearestCaches.set(knowledge, cache);
  }
  return cache;
}

/** People waiting per folded question (those already pointed at an answer are no longer waiting for one). */
function countWaiting(askers: readonly PendingAsker[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of askers) if (a.answerId === undefined) out.set(a.folded, (out.get(a.folded) ?? 0) + 1);
  return out;
}
