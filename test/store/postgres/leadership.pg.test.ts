import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FileProblemError } from "../../../src/core/errors.js";
import type { Leadership } from "../../../src/core/ports.js";
import { createAdvisoryLock, holdPollingLock, LOCK_NAMESPACE, LOCKS } from "../../../src/store/postgres/leadership.js";

/** A database of its own in the test cluster, so other files' locks and tables never meet these. */
async function freshDatabase(admin: pg.Client, name: string): Promise<string> {
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(inject("pgUrl"));
  url.pathname = `/${name}`;
  return url.toString();
}

/** Ends the session that holds the scheduler lock, as the server does when its process is SIGKILLed. */
async function terminateHolder(admin: pg.Client, lock: keyof typeof LOCKS): Promise<number> {
  const { rows } = await admin.query(
    "SELECT pg_terminate_backend(pid) AS done FROM pg_locks WHERE locktype = 'advisory' AND classid = $1::oid AND objid = $2::oid AND granted",
    [String(LOCK_NAMESPACE), String(LOCKS[lock])],
  );
  return rows.length;
}

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("PostgreSQL advisory-lock leases", () => {
  let admin: pg.Client;
  let url: string;
  const leases: Leadership[] = [];
  const lease = (options: Partial<Parameters<typeof createAdvisoryLock>[0]> = {}): Leadership => {
    const l = createAdvisoryLock({ url, lock: "scheduler", ...options });
    leases.push(l);
    return l;
  };

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: inject("pgUrl") });
    await admin.connect();
    url = await freshDatabase(admin, "leadership_test");
  });

  afterAll(async () => {
    for (const l of leases) await l.release();
    await admin?.end();
  });

  it("lets exactly one of two instances hold the scheduler lease, and keeps it across re-checks", async () => {
    const a = lease();
    const b = lease();
    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    for (let i = 0; i < 3; i++) expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    expect(a.held()).toBe(true);
    expect(b.held()).toBe(false);
    // Re-checks do not stack the lock: one release lets the other instance in.
    await a.release();
    expect(await b.tryAcquire()).toBe(true);
    await b.release();
  });

  it("is lost at once when its connection is killed, and the other instance takes it over on its next try", async () => {
    let lost = 0;
    const a = lease({ onLost: () => lost++ });
    const b = lease();
    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    expect(await terminateHolder(admin, "scheduler")).toBe(1);
    await until(() => !a.held());
    expect(lost).toBe(1);
    expect(await b.tryAcquire()).toBe(true);
    // The old holder reconnects and finds the lease taken.
    expect(await a.tryAcquire()).toBe(false);
    await b.release();
    expect(await a.tryAcquire()).toBe(true);
    await a.release();
  });

  it("holds the lease on one dedicated connection, named for the lease", async () => {
    const a = lease();
    expect(await a.tryAcquire()).toBe(true);
    const { rows } = await admin.query(
      "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.classid = $1::oid AND l.objid = $2::oid",
      [String(LOCK_NAMESPACE), String(LOCKS.scheduler)],
    );
    expect(rows).toEqual([{ application_name: "tro-ly-hop-nhat:scheduler" }]);
    await a.release();
  });

  it("reports a database it cannot reach as an error that names DATABASE_URL, and holds nothing", async () => {
    const dead = new URL(url);
    dead.port = "1";
    const a = createAdvisoryLock({ url: dead.toString(), lock: "scheduler", timeoutMs: 2_000 });
    await expect(a.tryAcquire()).rejects.toThrow(/postgres: cannot connect for the scheduler lock .*check DATABASE_URL/);
    expect(a.held()).toBe(false);
    await a.release();
  });

  it("refuses a second long-polling instance of a channel with how to fix it", async () => {
    const first = await holdPollingLock({ url, channel: "zalo" });
    const second = holdPollingLock({ url, channel: "zalo" });
    await expect(second).rejects.toBeInstanceOf(FileProblemError);
    await expect(second).rejects.toThrow(/zalo: long polling refused[\s\S]*one consumer[\s\S]*ZALO_WEBHOOK_URL/);
    // Another channel's lease is separate.
    const telegram = await holdPollingLock({ url, channel: "telegram" });
    await first.release();
    const again = await holdPollingLock({ url, channel: "zalo" });
    await again.release();
    await telegram.release();
  });
});
