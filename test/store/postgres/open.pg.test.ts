import { afterAll, describe, expect, inject, it } from "vitest";
import { StoreWriteError } from "../../../src/core/errors.js";
import { openPostgresStore } from "../../../src/store/postgres/open.js";
import { asSuperuser, createTestDatabases } from "../../helpers/pg-database.js";

const databases = createTestDatabases(inject("pgUrl"));
afterAll(async () => {
  await databases.dropAll();
});

const chat = { chatKey: "telegram:1", type: "private", active: true } as const;

describe("openPostgresStore", () => {
  it("refuses changes once closed, with the message people read for an unsaved change", async () => {
    const { url } = await databases.create();
    const store = await openPostgresStore(url);
    await store.chats.upsert(chat);
    await store.close();
    expect(store.writable()).toBe(false);
    const refused = await store.chats.markInactive("telegram:1", "2025-06-02T01:00:00.000Z").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreWriteError);
    expect((refused as StoreWriteError).message).toMatch(/chưa lưu được/);
    expect((refused as StoreWriteError).detail).toMatch(/store is closed/);
  });

  it("abandons its connections as a killed process would, and another instance opens at once on what was committed", async () => {
    const { url } = await databases.create();
    const store = await openPostgresStore(url);
    await store.chats.upsert(chat);
    await store.abandon();
    expect(store.writable()).toBe(false);
    // The server notices the cut sockets on its own; ask it (a bounded number of times) until it has.
    const connections = await asSuperuser(url, async (c) => {
      let n = -1;
      for (let i = 0; i < 200 && n !== 0; i++) {
        n = Number((await c.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'tro-ly-hop-nhat'")).rows[0].n);
      }
      return n;
    });
    expect(connections).toBe(0);
    const next = await openPostgresStore(url);
    expect(await next.chats.list()).toEqual([chat]);
    await next.close();
  });

  it("rejects a change whose connection the server cut mid-way, and the next change gets a new connection", async () => {
    const { url } = await databases.create();
    const store = await openPostgresStore(url, { max: 1 });
    await store.chats.upsert(chat);
    await asSuperuser(url, (c) => c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'tro-ly-hop-nhat'"));
    // The first use of the cut connection may fail (rejected, never acknowledged) or the pool may already have dropped it.
    const outcome = await store.chats.upsert({ ...chat, title: "a" }).then(() => "saved", (e: unknown) => e);
    if (outcome !== "saved") expect(outcome).toBeInstanceOf(StoreWriteError);
    await store.chats.upsert({ ...chat, title: "b" });
    expect((await store.chats.get("telegram:1"))?.title).toBe("b");
    expect(store.writable()).toBe(true);
    await store.close();
  });
});
