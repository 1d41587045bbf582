import type { AskerRepo, CoordinatorAnswer, CoordinatorAnswerRepo, PendingAsker, UnansweredQuestion } from "../core/ports.js";
import type { KeyedJournal } from "./keyed-journal.js";
import type { MainFile } from "./schema.js";

/** Bounds of the help-desk collections, whatever people type. */
export const HELP_DESK_LIMITS = {
  /** People waiting to hear back; the oldest are dropped first (they expire after 30 days anyway). */
  askers: 5000,
  /** Longest question kept per asker. */
  questionLength: 300,
  /** Days a per-person notice record is kept (the daily cap only looks at today). */
  noticeDays: 3,
};

/** The key of an asker in its journal: one per chat and folded question. */
export function askerKey(asker: Pick<PendingAsker, "chatKey" | "folded">): string {
  return `${asker.chatKey}\u0000${asker.folded}`;
}

/**
 * The coordinator-answer and asker repositories. Answers live in the main file; askers in their own journal
 * (they change with every unanswered question). Every change is made in memory synchronously (so concurrent
 * callers see it at once) and then saved; `journalled` checks that the store may change before a journal change
 * is made, and reports its failure as the main file's would.
 *
 * Which answer an asker waits for is written to the asker when the answer is added, and read back through the
 * answers, so that adding or withdrawing an answer never depends on two files being written together:
 * - a link to an answer that resolved the asker's question counts while that answer is in force (a withdrawn
 *   answer unlinks its askers without any write);
 * - an asker without such a link (never linked, or the link's write failed, or its answer was never saved)
 *   waits for the oldest answer in force that resolved its question.
 */
export function createHelpDeskRepos(
  data: MainFile,
  save: () => Promise<void>,
  journal: KeyedJournal<PendingAsker>,
  journalled: (change: () => Promise<void>) => Promise<void>,
): { answers: CoordinatorAnswerRepo; askers: AskerRepo } {
  /** The askers (those `which` keeps, all by default) with the answer each waits for, as above. */
  const linked = (which: (asker: PendingAsker) => boolean = () => true): PendingAsker[] => {
    const byId = new Map(data.coordinatorAnswers.map((a) => [a.id, a]));
    const oldestInForce = new Map<string, string>();
    for (const a of data.coordinatorAnswers) {
      if (!inForce(a)) continue;
      for (const q of a.questions) if (!oldestInForce.has(q.folded)) oldestInForce.set(q.folded, a.id);
    }
    return journal.values().filter(which).map((asker) => {
      const { answerId: stored, ...rest } = asker;
      const pinned = stored === undefined ? undefined : byId.get(stored);
      const resolves = pinned?.questions.some((q) => q.folded === asker.folded) ?? false;
      const answerId = resolves ? (inForce(pinned!) ? stored : undefined) : oldestInForce.get(asker.folded);
      return answerId === undefined ? rest : { ...rest, answerId };
    });
  };

  const answers: CoordinatorAnswerRepo = {
    list: async () => data.coordinatorAnswers,
    get: async (id) => data.coordinatorAnswers.find((a) => a.id === id.toLowerCase()),
    async add(draft) {
      const answer: CoordinatorAnswer = { id: nextId(data.coordinatorAnswers), ...draft };
      const folded = new Set(answer.questions.map((q) => q.folded));
      // Which askers it resolves, read before it is added (those waiting for no answer yet).
      const waiting = linked((a) => folded.has(a.folded)).filter((a) => a.answerId === undefined);
      data.coordinatorAnswers.push(answer);
      data.unanswered = data.unanswered.filter((u) => !folded.has(u.folded));
      // The askers' links are written beside the answer. If only their write fails, the answer is saved and the
      // askers still wait for it (see above), so that failure is not the caller's.
      const pins = waiting.map((a) => journal.get(askerKey(a))).filter((a) => a !== undefined).map((a) => ({ ...a, answerId: answer.id }));
      const pinned = pins.length > 0 ? journalled(() => journal.put(...pins)).catch(() => undefined) : undefined;
      await save();
      await pinned;
      return answer;
    },
    async append(id, version) {
      const answer = data.coordinatorAnswers.find((a) => a.id === id.toLowerCase());
      if (!answer) return undefined;
      answer.versions.push(version);
      if (version.action === "withdraw") for (const q of answer.questions) reopen(data.unanswered, q);
      await save();
      return answer;
    },
    async setListing(listing) {
      data.questionListings = data.questionListings.filter((l) => l.chatKey !== listing.chatKey);
      data.questionListings.push(listing);
      await save();
    },
    listing: async (chatKey) => data.questionListings.find((l) => l.chatKey === chatKey),
  };

  const askers: AskerRepo = {
    add(asker) {
      const existing = journal.get(askerKey(asker));
      const kept = existing
        ? { ...existing, askedAt: asker.askedAt }
        : { ...asker, question: asker.question.slice(0, HELP_DESK_LIMITS.questionLength) };
      if (!existing) delete kept.answerId;
      return journalled(() => journal.put(kept));
    },
    list: async () => linked(),
    async take(chatKey, answerIds) {
      const ids = new Set(answerIds);
      const taken = linked((a) => a.chatKey === chatKey).filter((a) => a.answerId !== undefined && ids.has(a.answerId));
      if (taken.length > 0) await journalled(() => journal.delete(...taken.map(askerKey)));
      return taken;
    },
    async restore(list) {
      if (list.length === 0) return;
      await journalled(() => journal.put(...list));
    },
    async prune(before) {
      const old = journal.values().filter((a) => a.askedAt < before);
      if (old.length > 0) await journalled(() => journal.delete(...old.map(askerKey)));
      return old.length;
    },
    async claimNotice(chatKey, day, at) {
      if (data.askerNotices.some((x) => x.chatKey === chatKey && x.day === day)) return false;
      // Only today's notices matter to the cap; older ones are dropped as new ones come.
      const keepFrom = new Date(Date.parse(at) - HELP_DESK_LIMITS.noticeDays * 86_400_000).toISOString();
      data.askerNotices = data.askerNotices.filter((x) => x.at >= keepFrom);
      data.askerNotices.push({ chatKey, day, at });
      await save();
      return true;
    },
    async releaseNotice(chatKey, day) {
      data.askerNotices = data.askerNotices.filter((x) => !(x.chatKey === chatKey && x.day === day));
      await save();
    },
  };
  return { answers, askers };
}

function inForce(answer: CoordinatorAnswer): boolean {
  return answer.versions.at(-1)!.action !== "withdraw";
}

/** `gd1`, `gd2`, …: one more than the highest id ever used (withdrawn answers keep theirs). */
function nextId(list: readonly CoordinatorAnswer[]): string {
  const max = list.reduce((m, a) => Math.max(m, Number(/^gd(\d+)$/.exec(a.id)?.[1] ?? 0)), 0);
  return `gd${max + 1}`;
}

/** Puts a question back among the unanswered, merging with the same question asked again since. */
function reopen(list: UnansweredQuestion[], q: UnansweredQuestion): void {
  const existing = list.find((u) => u.folded === q.folded);
  if (!existing) {
    list.push({ ...q });
    return;
  }
  existing.count += q.count;
  if (q.firstAsked < existing.firstAsked) existing.firstAsked = q.firstAsked;
  if (q.lastAsked > existing.lastAsked) existing.lastAsked = q.lastAsked;
}
