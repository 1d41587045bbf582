/**
 * Databases of their own for PostgreSQL tests, inside the cluster `inject("pgUrl")` gives: each call makes a
 * new database with a random name, and `dropAll` removes them at the end of the file.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

/** A superuser URL to `database` on the same server as `url`. */
export function urlFor(url: string, database: string, user?: string, password?: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (user !== undefined) u.username = user;
  if (password !== undefined) u.password = password;
  return u.toString();
}

/** Runs statements as the superuser of `url` (one connection, closed at the end). */
export async function asSuperuser<T>(url: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

/** Makes and drops test databases on the server of `serverUrl`. */
export function createTestDatabases(serverUrl: string) {
  const made: string[] = [];
  return {
    /** A new empty database; resolves with its superuser URL and name. `template` copies another database. */
    async create(options: { template?: string } = {}): Promise<{ url: string; name: string }> {
      const name = `tlhn_${randomBytes(6).toString("hex")}`;
      await asSuperuser(serverUrl, (c) => c.query(`CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template}` : ""}`));
      made.push(name);
      return { url: urlFor(serverUrl, name), name };
    },
    /** Drops every database made here (closing what is still connected to them). */
    async dropAll(): Promise<void> {
      await asSuperuser(serverUrl, async (c) => {
        for (const name of made.splice(0)) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
  };
}
