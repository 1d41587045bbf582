import pg from "pg";
import type { ClosableStore } from "../../core/ports.js";
import { FileProblemError, StoreWriteError } from "../../core/errors.js";
import { createDb } from "./db.js";
import { createPromptRepo, createListingRepo, createTopicRepo } from "./conversation.js";
import { createAnswerRepo, createAskerRepo, createQuestionRepo } from "./help-desk.js";
import { migrate } from "./migrate.js";
import {
  createChatRepo,
  createInboundRepo,
  createIntentRepo,
  createInvitationRepo,
  createPeopleRepo,
  createReminderRepo,
  createRunRepo,
  createStatusRepo,
} from "./records.js";

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  /** Refuse every change, and set every connection read-only (the CLI's digest while the bot runs). Migrations are only checked. */
  readOnly?: boolean;
  /** Apply pending migrations at open (default true); false only checks that the database is up to date. */
  migrate?: boolean;
  /** Most connections the pool opens (default 10). */
  max?: number;
  /** Called when an idle connection fails (the server restarted, the network dropped); the pool opens a new one when needed. */
  onConnectionError?: (error: Error) => void;
}

/** The PostgreSQL store: a {@link ClosableStore} plus the pool, for the pieces that need a connection of their own (leadership). */
export interface PostgresStore extends ClosableStore {
  readonly pool: pg.Pool;
}

/**
 * Opens the PostgreSQL store at `url` (a `postgres://` connection string, DATABASE_URL): connects, applies the
 * migrations this program knows under an advisory lock (or refuses a database newer than itself), and returns
 * the store. Every change is committed before its promise resolves; a change that could not be committed
 * rejects with a StoreWriteError and leaves nothing behind.
 *
 * ```ts
 * const store = await openPostgresStore(process.env.DATABASE_URL!, { max: 20 });
 * ```
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const readOnly = options.readOnly ?? false;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: "tro-ly-hop-nhat",
    connectionTimeoutMillis: 10_000,
    // A statement that hangs (a lock held by a stuck session) fails after 30 s instead of holding a person's request forever.
    statement_timeout: 30_000,
    ...(readOnly && { options: "-c default_transaction_read_only=on" }),
  });
  const sockets = new Set<pg.PoolClient>();
  pool.on("connect", (client) => {
    sockets.add(client);
    // Without a listener an error on a checked-out client would crash the process; the query that used it rejects anyway.
    client.on("error", () => undefined);
  });
  pool.on("remove", (client) => sockets.delete(client));
  pool.on("error", (error) => options.onConnectionError?.(error));
  try {
    await migrate(pool, { apply: !readOnly && (options.migrate ?? true) });
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error instanceof FileProblemError ? error : connectionProblem(url, error);
  }
  let closed = false;
  const db = createDb(pool, {
    refusal: () => {
      if (readOnly) return new Error("store: this store was opened read-only; open it without readOnly to change it");
      if (closed) return new StoreWriteError("postgres store: the store is closed; changes are refused (this process is stopping)");
      return undefined;
    },
  });
  const answers = createAnswerRepo(db);
  return {
    pool,
    people: createPeopleRepo(db),
    invitations: createInvitationRepo(db),
    chats: createChatRepo(db),
    statuses: createStatusRepo(db),
    reminders: createReminderRepo(db),
    questions: createQuestionRepo(db),
    runs: createRunRepo(db),
    prompts: createPromptRepo(db),
    topics: createTopicRepo(db),
    listings: createListingRepo(db),
    answers,
    askers: createAskerRepo(db),
    inbound: createInboundRepo(db),
    intents: createIntentRepo(db),
    flush: () => db.idle(),
    async close() {
      if (closed) return;
      await db.idle();
      closed = true;
      await pool.end();
    },
    async abandon() {
      // As a killed process would: connections cut, nothing flushed; PostgreSQL rolls back what was open.
      closed = true;
      for (const client of sockets) (client as unknown as pg.Client).connection.stream.destroy();
      await pool.end().catch(() => undefined);
    },
    writable: () => !readOnly && !closed && !db.failed,
  };
}

/** A connection failure at open, as one line that says what to check (the password is never shown). */
function connectionProblem(url: string, error: unknown): FileProblemError {
  const e = error as { code?: string; message?: string };
  let where = "DATABASE_URL";
  try {
    const u = new URL(url);
    where = `${u.protocol}//${u.username ? `${u.username}@` : ""}${u.host}${u.pathname}`;
  } catch {
    return new FileProblemError("postgres store: DATABASE_URL is not a URL; use postgres://user:password@host:5432/database");
  }
  const hint =
    e.code === "ECONNREFUSED"
      ? "is PostgreSQL running there, and is the port right?"
      : e.code === "28P01" || e.code === "28000"
        ? "check the user and password in DATABASE_URL"
        : e.code === "3D000"
          ? "create the database first (createdb), or fix its name in DATABASE_URL"
          : "check DATABASE_URL and that the server accepts connections from here";
  return new FileProblemError(`postgres store: could not open ${where} (${e.message ?? String(error)}): ${hint}`);
}
