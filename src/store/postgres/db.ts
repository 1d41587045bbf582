import type pg from "pg";
import { StoreWriteError } from "../../core/errors.js";

/** Runs one statement with its parameters and resolves with its result. */
export type Query = <R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<R>>;

/**
 * The one way the repositories touch the database. Reads go to the pool; writes are single statements or
 * transactions on one dedicated client, and a write that fails rejects with a {@link StoreWriteError}
 * (the person reads "chưa lưu được"): a change is acknowledged only once PostgreSQL committed it.
 */
export interface Db {
  /** The rows of one read. */
  rows<R extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  /** One write statement (autocommitted). */
  write<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
  /**
   * A write transaction on one client: committed when `body` resolves, rolled back when it throws.
   * `body` may end it early with `rollback(value)`, which undoes everything and resolves with `value`.
   */
  transaction<T>(body: (q: Query, rollback: (value: T) => never) => Promise<T>): Promise<T>;
  /**
   * Takes a transaction-scoped advisory lock named `name` (e.g. `questions`): concurrent transactions
   * that take the same name run one after the other, which keeps read-then-write steps exact.
   */
  lock(q: Query, name: string): Promise<void>;
  /** Waits for every write in flight. */
  idle(): Promise<void>;
  /** Whether the last write failed (cleared by the next one that succeeds). */
  readonly failed: boolean;
}

/** The first key of the two-key advisory locks the store takes ("tl"); other users of advisory locks use one 64-bit key. */
const LOCK_SPACE = 0x746c;

class Rollback<T> {
  constructor(readonly value: T) {}
}

/** Options of {@link createDb}. */
export interface DbOptions {
  /** When set, every write is refused with this error (a read-only or closed store). */
  refusal: () => Error | undefined;
}

/** Builds the {@link Db} of one pool. */
export function createDb(pool: pg.Pool, options: DbOptions): Db {
  const inFlight = new Set<Promise<unknown>>();
  let failed = false;
  const tracked = async <T>(work: () => Promise<T>): Promise<T> => {
    const refused = options.refusal();
    if (refused) throw refused;
    const p = (async () => {
      try {
        const value = await work();
        failed = false;
        return value;
      } catch (error) {
        if (error instanceof Rollback) throw error;
        failed = true;
        throw error instanceof StoreWriteError
          ? error
          : new StoreWriteError(`postgres store: could not save a change (${(error as Error).message})`, { cause: error });
      }
    })();
    inFlight.add(p);
    try {
      return await p;
    } finally {
      inFlight.delete(p);
    }
  };
  return {
    async rows(sql, params) {
      try {
        return (await pool.query(sql, params)).rows;
      } catch (error) {
        throw new Error(`postgres store: could not read (${(error as Error).message}); check that PostgreSQL is running and DATABASE_URL is right`, {
          cause: error,
        });
      }
    },
    write: (sql, params) => tracked(() => pool.query(sql, params)),
    transaction<T>(body: (q: Query, rollback: (value: T) => never) => Promise<T>): Promise<T> {
      return tracked(async () => {
        const client = await pool.connect();
        let broken = false;
        try {
          await client.query("BEGIN");
          const q: Query = (sql, params) => client.query(sql, params);
          const value = await body(q, (v) => {
            throw new Rollback(v);
          });
          await client.query("COMMIT");
          return value;
        } catch (error) {
          try {
            await client.query("ROLLBACK");
          } catch {
            broken = true;
          }
          if (error instanceof Rollback) return error.value as T;
          throw error;
        } finally {
          // A client whose connection failed is thrown away rather than handed to the next caller.
          client.release(broken);
        }
      });
    },
    async lock(q, name) {
      await q("SELECT pg_advisory_xact_lock($1, hashtext($2))", [LOCK_SPACE, name]);
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    get failed() {
      return failed;
    },
  };
}

/** A record as a jsonb parameter (`$n::jsonb`): node-postgres would send a JavaScript array as a PostgreSQL array. */
export function json(value: unknown): string {
  return JSON.stringify(value);
}
