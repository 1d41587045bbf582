/**
 * Leases between instances that share one PostgreSQL database: a session-level advisory lock
 * (`pg_try_advisory_lock(namespace, lock)`) held on ONE dedicated connection, never a pooled one, so the lock
 * lives exactly as long as that connection. When the holder dies (even SIGKILL), the server ends its session
 * and drops the lock, and another instance's next try gets it. When the connection errors or ends, `held()`
 * is false at once, before any check runs.
 *
 * Three leases exist: the scheduler (exactly one instance runs the scheduled jobs), and one per long-polling
 * channel (Telegram and Zalo each allow one consumer of updates per bot).
 */
import pg from "pg";
import { FileProblemError } from "../../core/errors.js";
import type { Leadership, Logger } from "../../core/ports.js";

/** The first key of every advisory lock the assistant takes ("TLHN" in ASCII), so other applications' locks never collide. */
export const LOCK_NAMESPACE = 0x544c484e;

/** The second key of each lease. Never renumber: instances of different versions must agree during a rolling update. */
export const LOCKS = { scheduler: 1, "telegram-polling": 2, "zalo-polling": 3 } as const;

/** Which lease. */
export type LockName = keyof typeof LOCKS;

/** The part of a `pg.Client` the lease uses (tests may pass a fake). */
export interface LockClient {
  connect(): Promise<unknown>;
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
  on(event: "error" | "end", listener: (...args: unknown[]) => void): unknown;
}

/** Options of {@link createAdvisoryLock}. */
export interface AdvisoryLockOptions {
  /** The database URL (DATABASE_URL). */
  url: string;
  lock: LockName;
  log?: Logger;
  /** Called once each time a held lease is lost (connection error or end, or the lock found missing). */
  onLost?: () => void;
  /** How long a query or a connection attempt may take before the connection counts as dead. Default 5 s. */
  timeoutMs?: number;
  /** Makes the dedicated connection; default a new `pg.Client`. */
  createClient?: (url: string) => LockClient;
}

const TRY_SQL = "SELECT pg_try_advisory_lock($1, $2) AS acquired";
const HELD_SQL =
  "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND classid = $1::oid AND objid = $2::oid AND objsubid = 2 AND granted) AS held";
const UNLOCK_SQL = "SELECT pg_advisory_unlock($1, $2)";

/**
 * A lease on one advisory lock. `tryAcquire()` connects if needed, then either takes the lock or, when it holds it
 * already, confirms the lock is still granted on its connection (without taking it a second time). Calls never overlap.
 *
 * ```ts
 * const leadership = createAdvisoryLock({ url: config.DATABASE_URL, lock: "scheduler", log });
 * if (await leadership.tryAcquire()) runTheJobs();
 * ```
 */
export function createAdvisoryLock(options: AdvisoryLockOptions): Leadership {
  const { url, lock, log } = options;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const createClient =
    options.createClient ??
    ((u: string): LockClient =>
      new pg.Client({
        connectionString: u,
        application_name: `tro-ly-hop-nhat:${lock}`,
        keepAlive: true,
        connectionTimeoutMillis: timeoutMs,
        query_timeout: timeoutMs,
      }));
  const keys = [String(LOCK_NAMESPACE), String(LOCKS[lock])];
  let client: LockClient | undefined;
  let held = false;
  let released = false;
  let chain: Promise<unknown> = Promise.resolve();

  /** Forgets the connection (ending it in the background); a held lease is lost at once. */
  const drop = (reason: string, which: LockClient | undefined = client): void => {
    if (!which || which !== client) return;
    client = undefined;
    void which.end().catch(() => undefined);
    if (held) {
      held = false;
      log?.warn({ lock, reason }, "postgres: lost an advisory lock (its connection is gone); another instance may take it over");
      options.onLost?.();
    }
  };

  const attempt = async (): Promise<boolean> => {
    if (released) return false;
    if (!client) {
      const fresh = createClient(url);
      fresh.on("error", (error) => drop(`connection error: ${(error as Error)?.message ?? String(error)}`, fresh));
      fresh.on("end", () => drop("connection ended", fresh));
      client = fresh;
      try {
        await fresh.connect();
      } catch (error) {
        drop(`cannot connect: ${(error as Error)?.message}`, fresh);
        throw new Error(`postgres: cannot connect for the ${lock} lock (${(error as Error)?.message}); check DATABASE_URL and that the server is up`);
      }
    }
    const current = client;
    try {
      if (held) {
        const { rows } = await current.query(HELD_SQL, keys);
        if (rows[0]?.held !== true) drop("the lock is no longer granted on its connection", current);
        return held;
      }
      const { rows } = await current.query(TRY_SQL, keys);
      held = rows[0]?.acquired === true;
      return held;
    } catch (error) {
      drop(`query failed: ${(error as Error)?.message}`, current);
      throw new Error(`postgres: the ${lock} lock could not be checked (${(error as Error)?.message}); retrying on a new connection`);
    }
  };

  return {
    tryAcquire() {
      const next = chain.then(attempt);
      chain = next.catch(() => undefined);
      return next;
    },
    held: () => held && client !== undefined,
    async release() {
      released = true;
      await chain;
      const last = client;
      client = undefined;
      if (!last) return;
      if (held) await last.query(UNLOCK_SQL, keys).catch(() => undefined);
      held = false;
      await Promise.race([last.end().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    },
  };
}

/** What {@link holdPollingLock} returns: the held lease, to release at shutdown. */
export interface PollingLease {
  release(): Promise<void>;
}

const POLLING_FIX: Record<"telegram" | "zalo", string[]> = {
  telegram: [
    "another instance is long-polling this Telegram bot (its PostgreSQL lock is held): run only one polling instance,",
    "or set WEBHOOK_URL and WEBHOOK_SECRET on every instance so all of them take webhooks behind the reverse proxy",
  ],
  zalo: [
    "another instance is long-polling this Zalo bot (its PostgreSQL lock is held), and a Zalo bot has one consumer of updates:",
    "run only one polling instance, or set ZALO_WEBHOOK_URL and ZALO_WEBHOOK_SECRET on every instance so all of them take webhooks",
  ],
};

/**
 * Takes the long-polling lease of one channel, or throws a {@link FileProblemError} that says how to fix the setup
 * when another instance holds it. `onLost` runs if the lease is lost later (the database connection ended).
 */
export async function holdPollingLock(
  options: Omit<AdvisoryLockOptions, "lock"> & { channel: "telegram" | "zalo" },
): Promise<PollingLease> {
  const lease = createAdvisoryLock({ ...options, lock: `${options.channel}-polling` });
  let acquired: boolean;
  try {
    acquired = await lease.tryAcquire();
  } catch (error) {
    await lease.release();
    throw error;
  }
  if (!acquired) {
    await lease.release();
    throw new FileProblemError(`${options.channel}: long polling refused`, POLLING_FIX[options.channel]);
  }
  return { release: () => lease.release() };
}
