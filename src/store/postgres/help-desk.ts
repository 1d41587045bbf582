import type {
  AskerRepo,
  CoordinatorAnswer,
  CoordinatorAnswerRepo,
  PendingAsker,
  QuestionDay,
  QuestionListing,
  QuestionRepo,
  UnansweredQuestion,
} from "../../core/ports.js";
import { HELP_DESK_LIMITS } from "../help-desk.js";
import { LIMITS } from "../open-store.js";
import { type Db, json, type Query } from "./db.js";

type Doc<T> = { doc: T };

const UNANSWERED_COLUMNS = `folded, example, count, first_asked AS "firstAsked", last_asked AS "lastAsked"`;

/** Puts questions back among the unanswered (a withdrawn answer), merging with the same question asked again since. */
async function reopen(q: Query, questions: readonly UnansweredQuestion[]): Promise<void> {
  for (const u of questions) {
    await q(
      `INSERT INTO unanswered (folded, example, count, first_asked, last_asked) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (folded) DO UPDATE SET count = unanswered.count + excluded.count,
         first_asked = LEAST(unanswered.first_asked, excluded.first_asked), last_asked = GREATEST(unanswered.last_asked, excluded.last_asked)`,
      [u.folded, u.example, u.count, u.firstAsked, u.lastAsked],
    );
  }
}

/**
 * Question statistics per day and the unanswered questions, bounded as in {@link LIMITS}: the least asked,
 * least recent question is evicted first. One lock serialises recordings, so the bounds are exact.
 */
export function createQuestionRepo(db: Db): QuestionRepo {
  return {
    async record(question) {
      await db.transaction(async (q) => {
        await db.lock(q, "questions");
        const topic = question.answered && question.topic ? question.topic : null;
        await q(
          `INSERT INTO question_days (day, asked, answered, topics) VALUES ($1, 1, $2, CASE WHEN $3::text IS NULL THEN '{}'::jsonb ELSE jsonb_build_object($3::text, 1) END)
           ON CONFLICT (day) DO UPDATE SET asked = question_days.asked + 1, answered = question_days.answered + excluded.answered,
             topics = CASE WHEN $3::text IS NULL THEN question_days.topics
               ELSE question_days.topics || jsonb_build_object($3::text, COALESCE((question_days.topics ->> $3::text)::int, 0) + 1) END`,
          [question.day, question.answered ? 1 : 0, topic],
        );
        await q("DELETE FROM question_days WHERE day NOT IN (SELECT day FROM question_days ORDER BY day DESC LIMIT $1)", [LIMITS.questionDays]);
        if (question.answered || question.folded.length === 0) return;
        await q(
          `INSERT INTO unanswered (folded, example, count, first_asked, last_asked) VALUES ($1, $2, 1, $3, $3)
           ON CONFLICT (folded) DO UPDATE SET count = unanswered.count + 1, last_asked = excluded.last_asked`,
          [question.folded, question.text.slice(0, LIMITS.exampleLength), question.at],
        );
        await q(
          `DELETE FROM unanswered WHERE folded IN (
             SELECT folded FROM unanswered WHERE folded <> $1 ORDER BY count ASC, last_asked ASC, seq ASC
             LIMIT (SELECT GREATEST(count(*) - $2, 0) FROM unanswered))`,
          [question.folded, LIMITS.unanswered],
        );
      });
    },
    async unanswered(limit = 10) {
      return db.rows<UnansweredQuestion>(`SELECT ${UNANSWERED_COLUMNS} FROM unanswered ORDER BY count DESC, last_asked DESC, seq ASC LIMIT $1`, [limit]);
    },
    async days(from, to) {
      return db.rows<QuestionDay>("SELECT day, asked, answered, topics FROM question_days WHERE day >= $1 AND day <= $2 ORDER BY day", [from, to]);
    },
  };
}

/** Coordinator answers: new ids (`gd1`, `gd2`, …) are taken under a lock; versions are appended in a transaction. */
export function createAnswerRepo(db: Db): CoordinatorAnswerRepo {
  return {
    async list() {
      return (await db.rows<Doc<CoordinatorAnswer>>("SELECT doc FROM coordinator_answers ORDER BY seq")).map((r) => r.doc);
    },
    async get(id) {
      return (await db.rows<Doc<CoordinatorAnswer>>("SELECT doc FROM coordinator_answers WHERE id = $1", [id.toLowerCase()]))[0]?.doc;
    },
    async add(draft) {
      return db.transaction(async (q) => {
        await db.lock(q, "answers");
        const max = (await q<{ n: number }>("SELECT COALESCE(MAX(substring(id FROM '^gd([0-9]+)$')::int), 0) AS n FROM coordinator_answers")).rows[0]!.n;
        const answer: CoordinatorAnswer = { id: `gd${max + 1}`, ...draft };
        const folded = answer.questions.map((x) => x.folded);
        await q("INSERT INTO coordinator_answers (id, doc) VALUES ($1, $2::jsonb)", [answer.id, json(answer)]);
        await q("DELETE FROM unanswered WHERE folded = ANY($1::text[])", [folded]);
        await q(
          `UPDATE askers SET answer_id = $2, doc = doc || jsonb_build_object('answerId', $2::text)
           WHERE folded = ANY($1::text[]) AND answer_id IS NULL`,
          [folded, answer.id],
        );
        return answer;
      });
    },
    async append(id, version) {
      return db.transaction<CoordinatorAnswer | undefined>(async (q, rollback) => {
        const row = (await q<Doc<CoordinatorAnswer>>("SELECT doc FROM coordinator_answers WHERE id = $1 FOR UPDATE", [id.toLowerCase()])).rows[0];
        if (!row) return rollback(undefined);
        const answer: CoordinatorAnswer = { ...row.doc, versions: [...row.doc.versions, version] };
        await q("UPDATE coordinator_answers SET doc = $2::jsonb WHERE id = $1", [answer.id, json(answer)]);
        if (version.action === "withdraw") {
          await reopen(q, answer.questions);
          await q("UPDATE askers SET answer_id = NULL, doc = doc - 'answerId' WHERE answer_id = $1", [answer.id]);
        }
        return answer;
      });
    },
    async setListing(listing) {
      await db.write(
        "INSERT INTO question_listings (chat_key, doc) VALUES ($1, $2::jsonb) ON CONFLICT (chat_key) DO UPDATE SET doc = excluded.doc, seq = excluded.seq",
        [listing.chatKey, json(listing)],
      );
    },
    async listing(chatKey) {
      return (await db.rows<Doc<QuestionListing>>("SELECT doc FROM question_listings WHERE chat_key = $1", [chatKey]))[0]?.doc;
    },
  };
}

/**
 * People waiting to hear back, bounded by {@link HELP_DESK_LIMITS}.askers. `take` is one DELETE … RETURNING,
 * so two concurrent runs never take the same asker.
 */
export function createAskerRepo(db: Db): AskerRepo {
  return {
    async add(asker) {
      const kept: PendingAsker = { ...asker, question: asker.question.slice(0, HELP_DESK_LIMITS.questionLength) };
      await db.transaction(async (q) => {
        await db.lock(q, "askers");
        const r = await q<{ inserted: boolean }>(
          `INSERT INTO askers (chat_key, folded, asked_at, answer_id, doc) VALUES ($1, $2, $3, $4, $5::jsonb)
           ON CONFLICT (chat_key, folded) DO UPDATE SET asked_at = excluded.asked_at, doc = askers.doc || jsonb_build_object('askedAt', excluded.asked_at)
           RETURNING (xmax = 0) AS inserted`,
          [kept.chatKey, kept.folded, kept.askedAt, kept.answerId ?? null, json(kept)],
        );
        if (!r.rows[0]?.inserted) return;
        await q(
          `DELETE FROM askers WHERE seq IN (
             SELECT seq FROM askers ORDER BY seq ASC LIMIT (SELECT GREATEST(count(*) - $1, 0) FROM askers))`,
          [HELP_DESK_LIMITS.askers],
        );
      });
    },
    async list() {
      return (await db.rows<Doc<PendingAsker>>("SELECT doc FROM askers ORDER BY seq")).map((r) => r.doc);
    },
    async take(chatKey, answerIds) {
      if (answerIds.length === 0) return [];
      const r = await db.write<Doc<PendingAsker>>(
        `WITH taken AS (DELETE FROM askers WHERE chat_key = $1 AND answer_id = ANY($2::text[]) RETURNING seq, doc)
         SELECT doc FROM taken ORDER BY seq`,
        [chatKey, [...answerIds]],
      );
      return r.rows.map((x) => x.doc);
    },
    async restore(list) {
      if (list.length === 0) return;
      await db.write(
        `INSERT INTO askers (chat_key, folded, asked_at, answer_id, doc)
         SELECT d ->> 'chatKey', d ->> 'folded', d ->> 'askedAt', d ->> 'answerId', d FROM unnest($1::jsonb[]) WITH ORDINALITY AS t(d, i) ORDER BY i
         ON CONFLICT (chat_key, folded) DO NOTHING`,
        [list.map((a) => json(a))],
      );
    },
    async prune(before) {
      const r = await db.write("DELETE FROM askers WHERE asked_at < $1", [before]);
      return r.rowCount ?? 0;
    },
    async claimNotice(chatKey, day, at) {
      return db.transaction(async (q) => {
        const r = await q("INSERT INTO asker_notices (chat_key, day, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", [chatKey, day, at]);
        if (r.rowCount !== 1) return false;
        // Only today's notices matter to the cap; older ones are dropped as new ones come.
        const keepFrom = new Date(Date.parse(at) - HELP_DESK_LIMITS.noticeDays * 86_400_000).toISOString();
        await q("DELETE FROM asker_notices WHERE at < $1", [keepFrom]);
        return true;
      });
    },
    async releaseNotice(chatKey, day) {
      await db.write("DELETE FROM asker_notices WHERE chat_key = $1 AND day = $2", [chatKey, day]);
    },
  };
}
