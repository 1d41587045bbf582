import type { AskerRepo, CoordinatorAnswer, CoordinatorAnswerRepo, PendingAsker, UnansweredQuestion } from "../core/ports.js";
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

/**
 * The coordinator-answer and asker repositories over the main file's collections. Every change is
 * made in memory synchronously (so concurrent callers see it at once) and then saved.
 */
export function createHelpDeskRepos(data: MainFile, save: () => Promise<void>): { answers: CoordinatorAnswerRepo; askers: AskerRepo } {
  const answers: CoordinatorAnswerRepo = {
    list: async () => data.coordinatorAnswers,
    get: async (id) => data.coordinatorAnswers.find((a) => a.id === id.toLowerCase()),
    async add(draft) {
      const answer: CoordinatorAnswer = { id: nextId(data.coordinatorAnswers), ...draft };
      const folded = new Set(answer.questions.map((q) => q.folded));
      data.coordinatorAnswers.push(answer);
      data.unanswered = data.unanswered.filter((u) => !folded.has(u.folded));
      for (const a of data.askers) if (folded.has(a.folded) && a.answerId === undefined) a.answerId = answer.id;
      await save();
      return answer;
    },
    async append(id, version) {
      const answer = data.coordinatorAnswers.find((a) => a.id === id.toLowerCase());
      if (!answer) return undefined;
      answer.versions.push(version);
      if (version.action === "withdraw") {
        for (const q of answer.questions) reopen(data.unanswered, q);
        for (const a of data.askers) if (a.answerId === answer.id) delete a.answerId;
      }
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
    async add(asker) {
      const existing = data.askers.find((a) => a.chatKey === asker.chatKey && a.folded === asker.folded);
      if (existing) {
        existing.askedAt = asker.askedAt;
      } else {
        if (data.askers.length >= HELP_DESK_LIMITS.askers) data.askers.splice(0, data.askers.length - HELP_DESK_LIMITS.askers + 1);
        data.askers.push({ ...asker, question: asker.question.slice(0, HELP_DESK_LIMITS.questionLength) });
      }
      await save();
    },
    list: async () => data.askers,
    async take(chatKey, answerIds) {
      const ids = new Set(answerIds);
      const taken: PendingAsker[] = [];
      data.askers = data.askers.filter((a) => {
        const hit = a.chatKey === chatKey && a.answerId !== undefined && ids.has(a.answerId);
        if (hit) taken.push(a);
        return !hit;
      });
      if (taken.length > 0) await save();
      return taken;
    },
    async restore(list) {
      if (list.length === 0) return;
      data.askers.push(...list);
      await save();
    },
    async prune(before) {
      const n = data.askers.length;
      data.askers = data.askers.filter((a) => a.askedAt >= before);
      if (data.askers.length !== n) await save();
      return n - data.askers.length;
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
