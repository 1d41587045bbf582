import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "../../helpers/cli.js";
import { loadMigrations } from "../../../src/store/postgres/migrate.js";

describe("the PostgreSQL migrations shipped", () => {
  it("are numbered 1, 2, 3, … without gaps", () => {
    const versions = loadMigrations().map((m) => m.version);
    expect(versions.length).toBeGreaterThan(0);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  });

  it("grant every table they create to the application role, and only SELECT and INSERT on the append-only ones", () => {
    const sql = loadMigrations().map((m) => m.sql).join("\n");
    const tables = [...sql.matchAll(/CREATE TABLE (\w+)/g)].map((m) => m[1]!);
    const granted = [...sql.matchAll(/GRANT ([A-Z, ]+) ON\s+([\w,\s]+?)\s+TO tlhn_app/g)].flatMap((m) =>
      m[2]!.split(",").map((t) => ({ table: t.trim(), rights: m[1]!.split(",").map((r) => r.trim()) })),
    );
    for (const table of tables) {
      const rights = granted.filter((g) => g.table === table).flatMap((g) => g.rights);
      expect(rights, table).toContain("SELECT");
      if (table === "statuses" || table === "deliveries") expect(rights.sort(), table).toEqual(["INSERT", "SELECT"]);
    }
    expect(sql).toMatch(/CREATE TRIGGER statuses_append_only BEFORE UPDATE OR DELETE ON statuses/);
  });

  it("refuse two files with the same version", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tlhn-migrations-"));
    try {
      await writeFile(join(dir, "001_a.sql"), "SELECT 1;");
      await writeFile(join(dir, "001_b.sql"), "SELECT 2;");
      expect(() => loadMigrations(dir)).toThrow(/two migrations share version 1 .*001_a, 001_b\); renumber one/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("npm run cli -- store", () => {
  it("names what is missing: the action, or the database URL", async () => {
    const none = await runCliCaptured(["store"]);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/store: expected "copy" or "migrate"\. Usage: npm run cli -- store copy --from FILE --to URL/);
    const noUrl = await runCliCaptured(["store", "copy", "--from", "data/db.json"], { env: { CONTENT_DIR: "content" } });
    expect(noUrl.code).toBe(1);
    expect(noUrl.err).toMatch(/store copy: give the database with --to postgres:\/\/user:password@host:5432\/database \(or set DATABASE_URL\)/);
    const wrong = await runCliCaptured(["store", "migrate", "--to", "mysql://x"]);
    expect(wrong.code).toBe(1);
  });

  it("sends `backup` to pg_dump when the store is PostgreSQL", async () => {
    const run = await runCliCaptured(["backup"], { env: { CONTENT_DIR: "content", DATABASE_URL: "postgres://a@127.0.0.1:1/x" } });
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/backup: the store is PostgreSQL \(DATABASE_URL is set\); back it up with pg_dump instead/);
  });
});
