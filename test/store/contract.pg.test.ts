import { afterAll, beforeAll, inject } from "vitest";
import type { ClosableStore } from "../../src/core/ports.js";
import { openPostgresStore } from "../../src/store/postgres/open.js";
import { asSuperuser, createTestDatabases } from "../helpers/pg-database.js";
import { describeStoreContract } from "./contract.js";

const databases = createTestDatabases(inject("pgUrl"));
let template = "";
const urls = new WeakMap<ClosableStore, string>();

beforeAll(async () => {
  // One migrated database copied for every test: each test starts from an empty, migrated store of its own.
  const db = await databases.create();
  const store = await openPostgresStore(db.url);
  await store.close();
  template = db.name;
});
afterAll(async () => {
  await databases.dropAll();
});

async function open(url: string): Promise<ClosableStore> {
  const store = await openPostgresStore(url);
  urls.set(store, url);
  return store;
}

const TABLES = ["people", "invitations", "chats", "statuses", "reminders", "deliveries", "unanswered", "question_days", "runs", "intents", "askers", "coordinator_answers"];

describeStoreContract("PostgreSQL", {
  async open() {
    return open((await databases.create({ template })).url);
  },
  async reopen(store) {
    const url = urls.get(store)!;
    await store.close();
    return open(url);
  },
  // Triggers that refuse every write, as a server out of disk space or a lost connection would.
  async failWrites(store) {
    const url = urls.get(store)!;
    await asSuperuser(url, async (c) => {
      await c.query("CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100'; END $$");
      for (const t of TABLES) await c.query(`CREATE TRIGGER test_refuse BEFORE INSERT OR UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION test_refuse()`);
    });
    return async () => {
      await asSuperuser(url, (c) => c.query("DROP FUNCTION test_refuse() CASCADE"));
    };
  },
});
