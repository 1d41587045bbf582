import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import { FileProblemError } from "../../core/errors.js";

/** One versioned SQL file of `migrations/` (`001_initial.sql` is version 1). */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The folder of the SQL files: beside this module, in the source tree and in `dist/` (the build copies it). */
export const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));

/** Any constant: the key of the advisory lock that lets one instance at a time migrate a database. */
const MIGRATION_LOCK = 0x746c686e; // "tlhn"

/** Reads the migrations this program knows, in version order. Throws if two files share a version. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const list = readdirSync(dir)
    .map((file) => ({ file, match: /^(\d{3,})_([a-z0-9_-]+)\.sql$/.exec(file) }))
    .filter((x): x is { file: string; match: RegExpExecArray } => x.match !== null)
    .map(({ file, match }) => ({ version: Number(match[1]), name: `${match[1]}_${match[2]}`, sql: readFileSync(`${dir}/${file}`, "utf8") }))
    .sort((a, b) => a.version - b.version);
  for (let i = 1; i < list.length; i++) {
    if (list[i]!.version === list[i - 1]!.version) {
      throw new Error(`postgres store: two migrations share version ${list[i]!.version} in ${dir} (${list[i - 1]!.name}, ${list[i]!.name}); renumber one`);
    }
  }
  return list;
}

/** What {@link migrate} did. */
export interface MigrationOutcome {
  /** Versions applied now, oldest first. */
  applied: number[];
  /** The newest version in the database afterwards. */
  current: number;
}

/**
 * Brings the database up to the newest migration this program knows: in one transaction, under an advisory
 * lock, so two instances starting at once never both migrate (the second waits, then finds nothing to do).
 * Refuses a database whose newest migration is newer than any known here (an older assistant must not run
 * on a schema it does not understand), and a database it may not migrate, saying what to do. With `apply`
 * false it only checks (a read-only store): pending migrations are then an error too.
 */
export async function migrate(pool: pg.Pool, options: { apply?: boolean; migrations?: Migration[] } = {}): Promise<MigrationOutcome> {
  const migrations = options.migrations ?? loadMigrations();
  const known = migrations.at(-1)?.version ?? 0;
  const apply = options.apply ?? true;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // A migration (or waiting for another instance's) may take longer than an ordinary statement may.
    await client.query("SET LOCAL statement_timeout = 0");
    if (apply) await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    const exists = (await client.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t")).rows[0]!.t !== null;
    if (!exists && apply) {
      try {
        await client.query(
          "CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
        );
      } catch (error) {
        throw migrationProblem({ version: 0, name: "schema_migrations", sql: "" }, error);
      }
    }
    const done = exists
      ? (await client.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version")).rows.map((r) => r.version)
      : [];
    const newest = done.at(-1) ?? 0;
    if (newest > known) {
      throw new FileProblemError(
        `postgres store: the database is at migration ${newest}, newer than this assistant knows (up to ${known}). ` +
          `A newer version of the assistant migrated it: upgrade this one to that version (or newer) and start again; nothing was changed.`,
      );
    }
    const pending = migrations.filter((m) => !done.includes(m.version));
    if (pending.length > 0 && !apply) {
      throw new FileProblemError(
        `postgres store: the database lacks migration(s) ${pending.map((m) => m.name).join(", ")}; ` +
          "start the assistant (or run `npm run cli -- store migrate`) once with a writable DATABASE_URL first",
      );
    }
    for (const m of pending) {
      try {
        await client.query(m.sql);
      } catch (error) {
        throw migrationProblem(m, error);
      }
      await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
    }
    await client.query("COMMIT");
    return { applied: pending.map((m) => m.version), current: Math.max(newest, ...pending.map((m) => m.version)) };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function migrationProblem(m: Migration, error: unknown): Error {
  const e = error as { code?: string; message?: string; hint?: string };
  if (e.code === "42501") {
    return new FileProblemError(
      `postgres store: migration ${m.name} could not be applied (${e.message}). ` +
        (e.hint ??
          "The assistant's login may not change the schema (as intended for the application role): run `npm run cli -- store migrate` once with the schema owner's URL in DATABASE_URL, then start again.") +
        " Nothing was changed.",
    );
  }
  return new FileProblemError(`postgres store: migration ${m.name} failed (${e.message ?? String(error)}); nothing was changed. This is a bug: report it with this message.`);
}
