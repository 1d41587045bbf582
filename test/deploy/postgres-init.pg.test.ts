/**
 * deploy/postgres-init.sh, the first-start script of the compose file's PostgreSQL, run here against the test
 * cluster with psql (the image would run it the same way), followed by what the compose file's `migrate` service runs
 * (`store migrate` as tlhn_owner) and an assistant logging in as tlhn_assistant.
 */
import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openPostgresStore } from "../../src/store/postgres/open.js";
import { findPostgresBinary } from "../helpers/postgres.js";
import { asSuperuser, urlFor } from "../helpers/pg-database.js";

const server = inject("pgUrl");
const database = "trolyhopnhat";

function runInit(): string {
  const u = new URL(server);
  const psqlDir = findPostgresBinary("psql")!.replace(/\/psql$/, "");
  return execFileSync("sh", ["deploy/postgres-init.sh"], {
    env: { ...process.env, PATH: `${psqlDir}:${process.env.PATH}`, PGHOST: u.hostname, PGPORT: u.port, POSTGRES_USER: u.username, TLHN_OWNER_PASSWORD: "owner-pw", TLHN_APP_PASSWORD: "app-pw" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

describe("deploy/postgres-init.sh", () => {
  afterAll(async () => {
    await asSuperuser(server, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await c.query("DROP ROLE IF EXISTS tlhn_assistant");
      await c.query("DROP ROLE IF EXISTS tlhn_owner");
    });
  });

  it("creates the owner, the application login and the database; migrate as the owner; the login may append, not rewrite", async () => {
    runInit();
    // A second run (a restarted container on a volume that survived) changes nothing and does not fail.
    runInit();
    const roles = await asSuperuser(server, async (c) =>
      (await c.query("SELECT r.rolname, r.rolcanlogin, ARRAY(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid)::text[] AS groups FROM pg_roles r WHERE r.rolname LIKE 'tlhn\\_%' AND r.rolname NOT LIKE 'tlhn\\_test\\_%' ORDER BY r.rolname")).rows,
    );
    expect(roles).toEqual([
      { rolname: "tlhn_app", rolcanlogin: false, groups: [] },
      { rolname: "tlhn_assistant", rolcanlogin: true, groups: ["tlhn_app"] },
      { rolname: "tlhn_owner", rolcanlogin: true, groups: [] },
    ]);
    const owner = await asSuperuser(server, async (c) => (await c.query("SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1", [database])).rows[0]);
    expect(owner).toEqual({ owner: "tlhn_owner" });

    // The compose file's migrate service, then an instance.
    execFileSync(process.execPath, ["--import", "tsx", "src/cli.ts", "store", "migrate"], {
      env: { ...process.env, DATABASE_URL: urlFor(server, database, "tlhn_owner") },
      stdio: "pipe",
    });
    const store = await openPostgresStore(urlFor(server, database, "tlhn_assistant"));
    try {
      await store.statuses.append({ id: "s1", kind: "status", milestoneId: "m", agencyId: "a", status: "done", userKey: "zalo:1", role: "lead", channel: "zalo", at: "2025-06-02T01:00:00.000Z" });
      expect(await store.statuses.count()).toBe(1);
    } finally {
      await store.close();
    }
    const refused = await asSuperuser(urlFor(server, database, "tlhn_assistant"), (c) => c.query("DELETE FROM statuses").then(() => "deleted", (e: Error) => e.message));
    expect(refused).toMatch(/permission denied/);
  }, 60_000);
});
