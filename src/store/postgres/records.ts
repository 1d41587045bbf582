import type {
  ChatRepo,
  DeliveryRecord,
  IntentRepo,
  InvitationRepo,
  LatestStatus,
  OutboxIntent,
  PairRef,
  PeopleRepo,
  Person,
  ReminderRepo,
  RunRecord,
  RunRepo,
  SentReminder,
  StatusRecord,
  StatusRepo,
  ChatRecord,
  Invitation,
  InboundRepo,
} from "../../core/ports.js";
import { LIMITS } from "../open-store.js";
import { type Db, json, type Query } from "./db.js";

type Doc<T> = { doc: T };
const docs = <T>(rows: Doc<T>[]): T[] => rows.map((r) => r.doc);

/** People and roles: one active grant per person (a partial unique index), revoked grants kept. */
export function createPeopleRepo(db: Db): PeopleRepo {
  return {
    async get(userKey) {
      return docs(await db.rows<Doc<Person>>("SELECT doc FROM people WHERE user_key = $1 AND revoked_at IS NULL", [userKey]))[0];
    },
    async list(filter = {}) {
      return docs(
        await db.rows<Doc<Person>>(
          `SELECT doc FROM people
           WHERE ($1::boolean OR revoked_at IS NULL) AND ($2::text IS NULL OR role = $2) AND ($3::text IS NULL OR agency_id = $3)
           ORDER BY seq`,
          [filter.includeRevoked === true, filter.role ?? null, filter.agencyId ?? null],
        ),
      );
    },
    async grant(person) {
      await db.transaction(async (q) => {
        await db.lock(q, `people:${person.userKey}`);
        await q(
          `UPDATE people SET revoked_at = $2, doc = doc || jsonb_build_object('revokedAt', $2::text, 'revokedBy', $3::text)
           WHERE user_key = $1 AND revoked_at IS NULL`,
          [person.userKey, person.grantedAt, person.grantedBy],
        );
        await q("INSERT INTO people (user_key, role, agency_id, revoked_at, doc) VALUES ($1, $2, $3, $4, $5::jsonb)", [
          person.userKey,
          person.role,
          person.agencyId ?? null,
          person.revokedAt ?? null,
          json(person),
        ]);
      });
    },
    async revoke(userKey, by, at) {
      const r = await db.write(
        `UPDATE people SET revoked_at = $2, doc = doc || jsonb_build_object('revokedAt', $2::text, 'revokedBy', $3::text)
         WHERE user_key = $1 AND revoked_at IS NULL`,
        [userKey, at, by],
      );
      return (r.rowCount ?? 0) > 0;
    },
  };
}

/** One-time invitations: marking one used is a single conditional UPDATE, so only one of racing uses wins. */
export function createInvitationRepo(db: Db): InvitationRepo {
  return {
    async add(invitation) {
      await db.write("INSERT INTO invitations (code_hash, used_at, doc) VALUES ($1, $2, $3::jsonb)", [
        invitation.codeHash,
        invitation.usedAt ?? null,
        json(invitation),
      ]);
    },
    async findByHash(codeHash) {
      return docs(await db.rows<Doc<Invitation>>("SELECT doc FROM invitations WHERE code_hash = $1", [codeHash]))[0];
    },
    async markUsed(codeHash, by, at) {
      const r = await db.write(
        `UPDATE invitations SET used_at = $3, doc = doc || jsonb_build_object('usedAt', $3::text, 'usedBy', $2::text)
         WHERE code_hash = $1 AND used_at IS NULL RETURNING code_hash`,
        [codeHash, by, at],
      );
      return r.rowCount === 1;
    },
    async list() {
      return docs(await db.rows<Doc<Invitation>>("SELECT doc FROM invitations ORDER BY seq"));
    },
  };
}

/** Known chats, keyed by chat key. */
export function createChatRepo(db: Db): ChatRepo {
  return {
    async get(chatKey) {
      return docs(await db.rows<Doc<ChatRecord>>("SELECT doc FROM chats WHERE chat_key = $1", [chatKey]))[0];
    },
    async upsert(chat) {
      await db.write(
        `INSERT INTO chats (chat_key, agency_id, active, doc) VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT (chat_key) DO UPDATE SET agency_id = excluded.agency_id, active = excluded.active, doc = excluded.doc`,
        [chat.chatKey, chat.agencyId ?? null, chat.active, json(chat)],
      );
    },
    async list(filter = {}) {
      return docs(
        await db.rows<Doc<ChatRecord>>(
          "SELECT doc FROM chats WHERE ($1::text IS NULL OR agency_id = $1) AND ($2::boolean IS NULL OR active = $2) ORDER BY seq",
          [filter.agencyId ?? null, filter.active ?? null],
        ),
      );
    },
    async add(chat) {
      const r = await db.write("INSERT INTO chats (chat_key, agency_id, active, doc) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (chat_key) DO NOTHING", [
        chat.chatKey,
        chat.agencyId ?? null,
        chat.active,
        json(chat),
      ]);
      return r.rowCount === 1;
    },
    async merge(chatKey, patch) {
      const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const removed = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] === undefined);
      const fresh: ChatRecord = { chatKey, type: "private", active: true, ...set };
      // One statement: the row lock of ON CONFLICT DO UPDATE orders concurrent merges, and each keeps the other's fields.
      await db.write(
        `INSERT INTO chats (chat_key, agency_id, active, doc) VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT (chat_key) DO UPDATE SET
           doc = (chats.doc - $5::text[]) || $6::jsonb,
           agency_id = ((chats.doc - $5::text[]) || $6::jsonb) ->> 'agencyId',
           active = (((chats.doc - $5::text[]) || $6::jsonb) ->> 'active')::boolean`,
        [chatKey, fresh.agencyId ?? null, fresh.active, json(fresh), removed, json(set)],
      );
    },
    async markInactive(chatKey, at) {
      const fresh: ChatRecord = { chatKey, type: "private", active: false, inactiveSince: at };
      await db.write(
        `INSERT INTO chats (chat_key, agency_id, active, doc) VALUES ($1, NULL, false, $3::jsonb)
         ON CONFLICT (chat_key) DO UPDATE SET active = false, doc = chats.doc || jsonb_build_object('active', false, 'inactiveSince', $2::text)`,
        [chatKey, at, json(fresh)],
      );
    },
    async markActive(chatKey) {
      await db.write(
        `UPDATE chats SET active = true, doc = (doc - 'inactiveSince') || '{"active": true}'::jsonb WHERE chat_key = $1 AND NOT active`,
        [chatKey],
      );
    },
  };
}

const LATEST_SQL = `
  SELECT s.doc AS status, n.doc AS note
  FROM (
    SELECT DISTINCT ON (milestone_id, agency_id) id, milestone_id, agency_id, seq, doc
    FROM statuses WHERE kind = 'status' AND ($1::text IS NULL OR (milestone_id = $1 AND agency_id = $2))
    ORDER BY milestone_id, agency_id, seq DESC
  ) s
  LEFT JOIN LATERAL (
    SELECT doc FROM statuses n
    WHERE n.kind = 'note' AND n.note_for = s.id AND n.milestone_id = s.milestone_id AND n.agency_id = s.agency_id AND n.seq > s.seq
    ORDER BY n.seq DESC LIMIT 1
  ) n ON true
  ORDER BY s.seq`;

// The latest status per pair as of $1 (NULL: of everything), in time that grows with the pairs, not the records: a skip scan of the partial
// index statuses_latest walks the distinct pairs (one index probe each), then per pair one probe finds its newest status
// at or before $1 and one its newest note. Only the fields of a LatestStatus leave the server, not whole documents.
// (A DISTINCT ON over the same index reads every status entry: 936,000 at 300 agencies × 60 milestones after a year.)
const PICTURE_LATEST_SQL = `
  WITH RECURSIVE pairs AS (
    (SELECT milestone_id, agency_id FROM statuses WHERE kind = 'status' ORDER BY milestone_id, agency_id LIMIT 1)
    UNION ALL
    SELECT next.milestone_id, next.agency_id FROM pairs p CROSS JOIN LATERAL (
      SELECT milestone_id, agency_id FROM statuses
      WHERE kind = 'status' AND (milestone_id, agency_id) > (p.milestone_id, p.agency_id)
      ORDER BY milestone_id, agency_id LIMIT 1
    ) next
  )
  SELECT s.id, s.milestone_id AS "milestoneId", s.agency_id AS "agencyId", s.at, s.doc->>'status' AS status, s.doc->>'note' AS note,
    s.doc->>'role' AS role, s.doc->>'onBehalfOf' AS "onBehalfOf", n.found AS "laterNote", n.note AS "laterText"
  FROM pairs p
  CROSS JOIN LATERAL (
    SELECT id, milestone_id, agency_id, seq, at, doc FROM statuses
    WHERE kind = 'status' AND milestone_id = p.milestone_id AND agency_id = p.agency_id AND ($1::text IS NULL OR at <= $1)
    ORDER BY seq DESC LIMIT 1
  ) s
  LEFT JOIN LATERAL (
    SELECT true AS found, n.doc->>'note' AS note FROM statuses n
    WHERE n.kind = 'note' AND n.note_for = s.id AND n.milestone_id = s.milestone_id AND n.agency_id = s.agency_id
      AND n.seq > s.seq AND ($1::text IS NULL OR n.at <= $1)
    ORDER BY n.seq DESC LIMIT 1
  ) n ON true
  ORDER BY s.seq`;

interface PictureRow {
  id: string;
  milestoneId: string;
  agencyId: string;
  at: string;
  status: StatusRecord["status"];
  note: string | null;
  role: StatusRecord["role"];
  onBehalfOf: string | null;
  laterNote: boolean | null;
  laterText: string | null;
}

const fromPictureRow = (r: PictureRow): LatestStatus => ({
  milestoneId: r.milestoneId,
  agencyId: r.agencyId,
  status: r.status,
  note: (r.laterNote ? r.laterText : r.note) ?? undefined,
  at: r.at,
  role: r.role,
  onBehalfOf: r.onBehalfOf ?? undefined,
  recordId: r.id,
});

// Pairs with a record in [$1, $2]: a range scan of statuses_at, which carries the pair.
const PICTURE_ACTIVE_SQL = `
  SELECT DISTINCT milestone_id AS "milestoneId", agency_id AS "agencyId" FROM statuses WHERE at >= $1 AND at <= $2`;

const toLatest = ({ status: r, note }: { status: StatusRecord; note: StatusRecord | null }): LatestStatus => ({
  milestoneId: r.milestoneId,
  agencyId: r.agencyId,
  status: r.status,
  note: note ? note.note : r.note,
  at: r.at,
  role: r.role,
  onBehalfOf: r.onBehalfOf,
  recordId: r.id,
});

/**
 * Append-only status records. The latest status per milestone and agency is derived in SQL exactly as the
 * file store derives it: the newest `status` record, with the note of the newest `note` record that completes it.
 */
export function createStatusRepo(db: Db): StatusRepo {
  const latest = async (pair: [string, string] | undefined): Promise<LatestStatus[]> => {
    const rows = await db.rows<{ status: StatusRecord; note: StatusRecord | null }>(LATEST_SQL, pair ?? [null, null]);
    return rows.map(toLatest);
  };
  return {
    async append(record) {
      await db.write("INSERT INTO statuses (id, kind, milestone_id, agency_id, note_for, doc) VALUES ($1, $2, $3, $4, $5, $6::jsonb)", [
        record.id,
        record.kind,
        record.milestoneId,
        record.agencyId,
        record.noteFor ?? null,
        json(record),
      ]);
    },
    async get(id) {
      return docs(await db.rows<Doc<StatusRecord>>("SELECT doc FROM statuses WHERE id = $1", [id]))[0];
    },
    async history(milestoneId, agencyId) {
      return docs(
        await db.rows<Doc<StatusRecord>>("SELECT doc FROM statuses WHERE milestone_id = $1 AND agency_id = $2 ORDER BY seq", [milestoneId, agencyId]),
      );
    },
    // Every pair's latest: the picture's skip scan (the scheduler and answers read it; a DISTINCT ON would read every record).
    latest: async () => (await db.rows<PictureRow>(PICTURE_LATEST_SQL, [null])).map(fromPictureRow),
    async latestFor(milestoneId, agencyId) {
      return (await latest([milestoneId, agencyId]))[0];
    },
    async picture({ since, until }) {
      const [latestRows, active] = await Promise.all([
        db.rows<PictureRow>(PICTURE_LATEST_SQL, [until]),
        db.rows<PairRef>(PICTURE_ACTIVE_SQL, [since, until]),
      ]);
      return { latest: latestRows.map(fromPictureRow), active };
    },
    async all() {
      return docs(await db.rows<Doc<StatusRecord>>("SELECT doc FROM statuses ORDER BY seq"));
    },
    async count() {
      return Number((await db.rows<{ n: string }>("SELECT count(*) AS n FROM statuses"))[0]!.n);
    },
  };
}

async function insertIntents(q: Query, intents: readonly OutboxIntent[]): Promise<void> {
  if (intents.length === 0) return;
  await q("INSERT INTO intents (id, doc) SELECT * FROM unnest($1::text[], $2::jsonb[])", [intents.map((i) => i.id), intents.map((i) => json(i))]);
}

/**
 * Sent reminders and delivery outcomes. A claim is one transaction: the keys go in with
 * `INSERT … ON CONFLICT DO NOTHING`, and if any was there already everything is rolled back (intents too).
 */
export function createReminderRepo(db: Db): ReminderRepo {
  return {
    async has(key) {
      return (await db.rows("SELECT 1 FROM reminders WHERE key = $1", [key])).length > 0;
    },
    async get(key) {
      return docs(await db.rows<Doc<SentReminder>>("SELECT doc FROM reminders WHERE key = $1", [key]))[0];
    },
    async claim(reminder, intents = []) {
      const list: readonly SentReminder[] = Array.isArray(reminder) ? reminder : [reminder as SentReminder];
      if (new Set(list.map((r) => r.key)).size !== list.length) return false;
      return db.transaction<boolean>(async (q, rollback) => {
        const r = await q("INSERT INTO reminders (key, doc) SELECT * FROM unnest($1::text[], $2::jsonb[]) ON CONFLICT DO NOTHING", [
          list.map((x) => x.key),
          list.map((x) => json(x)),
        ]);
        if (r.rowCount !== list.length) rollback(false);
        await insertIntents(q, intents);
        return true;
      });
    },
    async list() {
      return docs(await db.rows<Doc<SentReminder>>("SELECT doc FROM reminders ORDER BY seq"));
    },
    async addDelivery(delivery) {
      await db.write("INSERT INTO deliveries (ref, at, doc) VALUES ($1, $2, $3::jsonb)", [delivery.ref, delivery.at, json(delivery)]);
    },
    async deliveries(filter = {}) {
      return docs(
        await db.rows<Doc<DeliveryRecord>>("SELECT doc FROM deliveries WHERE ($1::text IS NULL OR ref = $1) AND ($2::text IS NULL OR at >= $2) ORDER BY seq", [
          filter.ref ?? null,
          filter.since ?? null,
        ]),
      );
    },
  };
}

/** Idempotency records of scheduled jobs: a claim is a unique insert, with its intents, in one transaction. */
export function createRunRepo(db: Db): RunRepo {
  return {
    async get(key) {
      return docs(await db.rows<Doc<RunRecord>>("SELECT doc FROM runs WHERE key = $1", [key]))[0];
    },
    async claim(run, intents = []) {
      return db.transaction<boolean>(async (q, rollback) => {
        const r = await q("INSERT INTO runs (key, doc) VALUES ($1, $2::jsonb) ON CONFLICT DO NOTHING", [run.key, json(run)]);
        if (r.rowCount !== 1) rollback(false);
        await insertIntents(q, intents);
        return true;
      });
    },
    async list(prefix = "") {
      return docs(await db.rows<Doc<RunRecord>>("SELECT doc FROM runs WHERE starts_with(key, $1) ORDER BY seq", [prefix]));
    },
  };
}

/** Messages intended and not yet known to be delivered. */
export function createIntentRepo(db: Db): IntentRepo {
  return {
    async add(intents) {
      if (intents.length === 0) return;
      await db.transaction(async (q) => insertIntents(q, intents));
    },
    async attempt(id, at) {
      // Only the small column changes (no jsonb rewrite); a second mark changes nothing.
      await db.write("UPDATE intents SET attempted_at = $2 WHERE id = $1 AND attempted_at IS NULL", [id, at]);
    },
    async done(ids) {
      if (ids.length === 0) return;
      await db.write("DELETE FROM intents WHERE id = ANY($1::text[])", [[...ids]]);
    },
    async list() {
      const rows = await db.rows<Doc<OutboxIntent> & { attempted_at: string | null }>("SELECT doc, attempted_at FROM intents ORDER BY seq");
      return rows.map((r) => (r.attempted_at === null ? r.doc : { ...r.doc, attemptedAt: r.attempted_at }));
    },
  };
}

/**
 * Updates already handled. One statement claims the key (a new key, or one last seen at least `withinMs`
 * before) and forgets the oldest keys beyond {@link LIMITS}.inbound. The claim itself is exact under any
 * concurrency (the primary key decides); the bound may be overshot by the claims in flight at one moment,
 * which the next claim trims: no lock on the hottest write path.
 */
export function createInboundRepo(db: Db): InboundRepo {
  return {
    async claim(key, at, withinMs) {
      const r = await db.write(
        `WITH claimed AS (
           INSERT INTO inbound (key, at, at_ms) VALUES ($1, $2, $3)
           ON CONFLICT (key) DO UPDATE SET at = excluded.at, at_ms = excluded.at_ms, seq = excluded.seq
             WHERE $4::bigint IS NOT NULL AND excluded.at_ms - inbound.at_ms >= $4::bigint
           RETURNING seq
         ), trimmed AS (
           DELETE FROM inbound WHERE key <> $1 AND EXISTS (SELECT 1 FROM claimed)
             AND seq <= (SELECT seq FROM inbound ORDER BY seq DESC OFFSET $5 LIMIT 1)
         )
         SELECT seq FROM claimed`,
        [key, at, Date.parse(at), withinMs ?? null, LIMITS.inbound - 1],
      );
      return r.rowCount === 1;
    },
  };
}
