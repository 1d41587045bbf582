import { afterAll, describe, expect, inject, it } from "vitest";
import { FileProblemError } from "../../../src/core/errors.js";
import { loadMigrations } from "../../../src/store/postgres/migrate.js";
import { openPostgresStore } from "../../../src/store/postgres/open.js";
import { asSuperuser, createTestDatabases } from "../../helpers/pg-database.js";

const databases = createTestDatabases(inject("pgUrl"));
afterAll(async () => {
  await databases.dropAll();
});

describe("PostgreSQL migrations", () => {
  it("are applied once even when five instances open a new database at the same moment", async () => {
    const { url } = await databases.create();
    const stores = await Promise.all(Array.from({ length: 5 }, () => openPostgresStore(url)));
    await Promise.all(stores.map((s) => s.close()));
    const rows = await asSuperuser(url, async (c) => (await c.query("SELECT version, name FROM schema_migrations ORDER BY version")).rows);
    expect(rows).toEqual(loadMigrations().map((m) => ({ version: m.version, name: m.name })));
  });

  it("refuses to start on a database migrated by a newer assistant, and says to upgrade", async () => {
    const { url } = await databases.create();
    await (await openPostgresStore(url)).close();
    await asSuperuser(url, (c) => c.query("INSERT INTO schema_migrations (version, name) VALUES (999, '999_from_the_future')"));
    const opening = openPostgresStore(url);
    await expect(opening).rejects.toBeInstanceOf(FileProblemError);
    await expect(opening).rejects.toThrow(/at migration 999, newer than this assistant knows \(up to \d+\).*upgrade this one/);
    // Nothing was changed: the future row is still the newest.
    const newest = await asSuperuser(url, async (c) => (await c.query("SELECT max(version) AS v FROM schema_migrations")).rows[0].v);
    expect(newest).toBe(999);
  });

  it("opens read-only without migrating, and refuses a database that was never migrated", async () => {
    const { url } = await databases.create();
    await expect(openPostgresStore(url, { readOnly: true })).rejects.toThrow(/lacks migration\(s\) 001_initial.*writable DATABASE_URL/);
    await (await openPostgresStore(url)).close();
    const reader = await openPostgresStore(url, { readOnly: true });
    expect(reader.writable()).toBe(false);
    await expect(reader.chats.upsert({ chatKey: "telegram:1", type: "private", active: true })).rejects.toThrow(/read-only/);
    expect(await reader.chats.list()).toEqual([]);
    await reader.close();
  });

  it("says what to check when the server cannot be reached, without showing the password", async () => {
    const dead = new URL(inject("pgUrl"));
    dead.port = "1";
    dead.password = "s3cret";
    const error = await openPostgresStore(dead.toString()).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(FileProblemError);
    expect((error as Error).message).toMatch(/could not open postgres:\/\/postgres@127\.0\.0\.1:1\/postgres .*is PostgreSQL running there/);
    expect((error as Error).message).not.toContain("s3cret");
  });
});
