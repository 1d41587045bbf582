import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openPostgresStore } from "../../../src/store/postgres/open.js";
import { asSuperuser, createTestDatabases, urlFor } from "../../helpers/pg-database.js";

const server = inject("pgUrl");
const databases = createTestDatabases(server);
const login = `tlhn_test_${randomBytes(4).toString("hex")}`;
afterAll(async () => {
  await databases.dropAll();
  await asSuperuser(server, (c) => c.query(`DROP ROLE IF EXISTS ${login}`));
});

const record = {
  id: "s1",
  kind: "status",
  milestoneId: "email-accounts",
  agencyId: "sokhcn-hcm",
  status: "on-track",
  userKey: "telegram:7",
  role: "lead",
  channel: "telegram",
  at: "2025-06-02T01:00:00.000Z",
} as const;

describe("the application role of the PostgreSQL store", () => {
  it("may append and read status records but never update or delete them; other tables it may change", async () => {
    const { url, name } = await databases.create();
    // The owner (here the superuser) migrates; the assistant logs in as a member of tlhn_app, as the README says.
    await (await openPostgresStore(url)).close();
    await asSuperuser(server, (c) => c.query(`CREATE ROLE ${login} LOGIN IN ROLE tlhn_app`));
    const appUrl = urlFor(server, name, login);
    const store = await openPostgresStore(appUrl);
    await store.statuses.append(record);
    await store.reminders.addDelivery({ ref: "k1", chatKey: "telegram:7", result: "ok", at: record.at });
    await store.chats.upsert({ chatKey: "telegram:7", type: "private", active: true });
    await store.chats.markInactive("telegram:7", record.at);
    expect(await store.statuses.count()).toBe(1);

    for (const sql of [
      "UPDATE statuses SET doc = doc || '{\"status\": \"done\"}'",
      "DELETE FROM statuses",
      "TRUNCATE statuses",
      "UPDATE deliveries SET ref = 'x'",
      "DELETE FROM deliveries",
    ]) {
      await expect(store.pool.query(sql), sql).rejects.toMatchObject({ code: "42501", message: expect.stringMatching(/permission denied/) });
    }
    // Not even the owner rewrites history: the trigger refuses it for every role.
    await asSuperuser(url, async (c) => {
      await expect(c.query("UPDATE statuses SET kind = 'note'")).rejects.toThrow(/statuses is append-only; UPDATE is refused/);
      await expect(c.query("DELETE FROM statuses")).rejects.toThrow(/append-only; DELETE is refused/);
    });
    expect(await store.statuses.all()).toEqual([record]);
    await store.close();
  });

  it("cannot migrate a new database, and is told to run the migration as the schema owner", async () => {
    const { name } = await databases.create();
    await asSuperuser(server, (c) => c.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${login}') THEN CREATE ROLE ${login} LOGIN IN ROLE tlhn_app; END IF; END $$`));
    // PostgreSQL 15 no longer lets every role create tables in the public schema.
    await expect(openPostgresStore(urlFor(server, name, login))).rejects.toThrow(/could not be applied .*store migrate.*schema owner/);
  });
});
