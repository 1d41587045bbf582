import { existsSync } from "node:fs";
import type pg from "pg";
import type { DeliveryRecord, StatusRecord } from "../../core/ports.js";
import { FileProblemError } from "../../core/errors.js";
import { openLow } from "../files.js";
import { deliverySchema, emptyMainFile, type MainFile, mainFileSchema, statusRecordSchema } from "../schema.js";
import { SegmentLog } from "../segment-log.js";
import { createHelpDeskRepos } from "../help-desk.js";
import { openJournals } from "../open-store.js";

/** How one collection of the data file maps onto its table. */
interface TableSpec {
  /** The collection's name in the data file (or the segment log's). */
  collection: string;
  table: string;
  /** Columns, and the expression that fills each from the record `d` (jsonb). */
  columns: Record<string, string>;
  /** The record as the data file holds it, read back from a row. */
  readBack: string;
  orderBy: string;
}

const doc = (table: string, collection: string, columns: Record<string, string>): TableSpec => ({
  collection,
  table,
  columns: { ...columns, doc: "d" },
  readBack: "doc",
  orderBy: "seq",
});

/** Every collection, in the order they are copied and reported. */
export const TABLES: readonly TableSpec[] = [
  doc("people", "people", { user_key: "d->>'userKey'", role: "d->>'role'", agency_id: "d->>'agencyId'", revoked_at: "d->>'revokedAt'" }),
  doc("invitations", "invitations", { code_hash: "d->>'codeHash'", used_at: "d->>'usedAt'" }),
  doc("chats", "chats", { chat_key: "d->>'chatKey'", agency_id: "d->>'agencyId'", active: "(d->>'active')::boolean" }),
  doc("reminders", "reminders", { key: "d->>'key'" }),
  {
    collection: "unanswered",
    table: "unanswered",
    columns: { folded: "d->>'folded'", example: "d->>'example'", count: "(d->>'count')::int", first_asked: "d->>'firstAsked'", last_asked: "d->>'lastAsked'" },
    readBack: "jsonb_build_object('folded', folded, 'example', example, 'count', count, 'firstAsked', first_asked, 'lastAsked', last_asked)",
    orderBy: "seq",
  },
  {
    collection: "questionDays",
    table: "question_days",
    columns: { day: "d->>'day'", asked: "(d->>'asked')::int", answered: "(d->>'answered')::int", topics: "d->'topics'" },
    readBack: "jsonb_build_object('day', day, 'asked', asked, 'answered', answered, 'topics', topics)",
    orderBy: "day",
  },
  doc("runs", "runs", { key: "d->>'key'" }),
  doc("prompts", "prompts", {
    chat_key: "d->>'chatKey'",
    user_key: "d->>'userKey'",
    kind: "d->>'kind'",
    ref: "d->>'ref'",
    expires_at: "d->>'expiresAt'",
    created_at: "d->>'createdAt'",
  }),
  doc("topics", "topics", { chat_key: "d->>'chatKey'" }),
  doc("listings", "listings", {
    id: "d->>'id'",
    chat_key: "d->>'chatKey'",
    user_key: "d->>'userKey'",
    family: "d->>'family'",
    created_at: "d->>'createdAt'",
    expires_at: "d->>'expiresAt'",
  }),
  doc("coordinator_answers", "coordinatorAnswers", { id: "d->>'id'" }),
  doc("askers", "askers", { chat_key: "d->>'chatKey'", folded: "d->>'folded'", asked_at: "d->>'askedAt'", answer_id: "d->>'answerId'" }),
  doc("question_listings", "questionListings", { chat_key: "d->>'chatKey'" }),
  {
    collection: "askerNotices",
    table: "asker_notices",
    columns: { chat_key: "d->>'chatKey'", day: "d->>'day'", at: "d->>'at'" },
    readBack: "jsonb_build_object('chatKey', chat_key, 'day', day, 'at', at)",
    orderBy: "seq",
  },
  {
    collection: "inbound",
    table: "inbound",
    columns: { key: "d->>'key'", at: "d->>'at'", at_ms: "(extract(epoch FROM (d->>'at')::timestamptz) * 1000)::bigint" },
    readBack: "jsonb_build_object('key', key, 'at', at)",
    orderBy: "seq",
  },
  doc("intents", "intents", { id: "d->>'id'" }),
  doc("statuses", "statuses", { id: "d->>'id'", kind: "d->>'kind'", milestone_id: "d->>'milestoneId'", agency_id: "d->>'agencyId'", note_for: "d->>'noteFor'" }),
  doc("deliveries", "deliveries", { ref: "d->>'ref'", at: "d->>'at'" }),
];

/** One line of the copy's report. */
export interface CopyCount {
  collection: string;
  file: number;
  database: number;
}

/** What {@link copyFileToPostgres} did. */
export interface CopyOutcome {
  /** `copied`: the database was empty and now holds the file's data; `unchanged`: it held exactly that already. */
  result: "copied" | "unchanged";
  counts: CopyCount[];
}

/** Everything in a data file and its segment logs, by collection, read without taking the lock or writing. */
export async function readDataFile(file: string): Promise<Record<string, unknown[]>> {
  if (!existsSync(file)) {
    throw new FileProblemError(`store copy: ${file} does not exist; give the data file with --from (the DATA_FILE the assistant used, e.g. data/db.json)`);
  }
  const base = file.replace(/\.json$/i, "");
  const main = await openLow<MainFile>({ kind: "file", path: file }, mainFileSchema, emptyMainFile, { readOnly: true });
  const statuses = await SegmentLog.open<StatusRecord>({ kind: "file", path: `${base}.statuses` }, statusRecordSchema, { readOnly: true });
  const deliveries = await SegmentLog.open<DeliveryRecord>({ kind: "file", path: `${base}.deliveries` }, deliverySchema, { readOnly: true });
  const journals = await openJournals(main, (name) => ({ kind: "file", path: `${base}.${name}.jsonl` }), { readOnly: true });
  const refuse = () => Promise.reject(new Error("store copy: the data file is read only"));
  const askers = await createHelpDeskRepos(main.data, refuse, journals.askers, refuse).askers.list();
  const data = { ...main.data, topics: journals.topics.values(), inbound: journals.inbound.values(), askers, questionDays: journals.questionDays.values() } as unknown as Record<string, unknown[]>;
  return { ...Object.fromEntries(TABLES.map((t) => [t.collection, data[t.collection] ?? []])), statuses: [...statuses.all()], deliveries: [...deliveries.all()] };
}

/** A JSON text with object keys sorted, so records compare equal whatever order jsonb gives their keys. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

const BATCH = 1000;

/**
 * Copies every collection of a lowdb data file (the main file and the status and delivery logs) into a migrated
 * PostgreSQL database, in one transaction, and verifies that each table then holds exactly the file's records
 * (counts and contents), or rolls everything back. Idempotent: a database that already holds exactly this data
 * is left as it is (`unchanged`). A database holding other data is refused, naming the collections that differ.
 */
export async function copyFileToPostgres(source: Record<string, unknown[]>, pool: pg.Pool): Promise<CopyOutcome> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // Two copies at once would both find the database empty: the second waits for the first and then compares.
    await client.query("SELECT pg_advisory_xact_lock($1, hashtext('store copy'))", [0x746c]);
    const readAll = async (t: TableSpec): Promise<unknown[]> =>
      (await client.query<{ r: unknown }>(`SELECT ${t.readBack} AS r FROM ${t.table} ORDER BY ${t.orderBy}`)).rows.map((x) => x.r);
    const existing = new Map<string, unknown[]>();
    for (const t of TABLES) existing.set(t.table, await readAll(t));
    const empty = [...existing.values()].every((rows) => rows.length === 0);
    if (!empty) {
      const differ = TABLES.filter((t) => canonical(existing.get(t.table)) !== canonical(source[t.collection] ?? []));
      if (differ.length > 0) {
        throw new FileProblemError(
          `store copy: the database already holds other data (${differ
            .map((t) => `${t.collection}: ${existing.get(t.table)!.length} in the database, ${(source[t.collection] ?? []).length} in the file`)
            .join("; ")}). Nothing was copied. Copy into a new, empty database (createdb, then set --to to it), ` +
            "or, if the database is a failed or outdated copy nobody uses, drop and recreate it first.",
        );
      }
      await client.query("ROLLBACK");
      return { result: "unchanged", counts: countsOf(source, existing) };
    }
    for (const t of TABLES) {
      const records = source[t.collection] ?? [];
      const columns = Object.keys(t.columns);
      for (let start = 0; start < records.length; start += BATCH) {
        await client.query(
          `INSERT INTO ${t.table} (${columns.join(", ")})
           SELECT ${Object.values(t.columns).join(", ")} FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(d, i) ORDER BY i`,
          [JSON.stringify(records.slice(start, start + BATCH))],
        );
      }
    }
    const copied = new Map<string, unknown[]>();
    for (const t of TABLES) copied.set(t.table, await readAll(t));
    const wrong = TABLES.filter((t) => canonical(copied.get(t.table)) !== canonical(source[t.collection] ?? []));
    if (wrong.length > 0) {
      throw new Error(`store copy: after copying, ${wrong.map((t) => t.collection).join(", ")} did not read back as in the file; nothing was kept. This is a bug: report it.`);
    }
    await client.query("COMMIT");
    return { result: "copied", counts: countsOf(source, copied) };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function countsOf(source: Record<string, unknown[]>, database: Map<string, unknown[]>): CopyCount[] {
  return TABLES.map((t) => ({ collection: t.collection, file: (source[t.collection] ?? []).length, database: database.get(t.table)!.length }));
}
