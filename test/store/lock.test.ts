import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FileProblemError } from "../../src/core/errors.js";
import { acquireLock } from "../../src/store/lock.js";

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "tlhn-lock-"));
  file = join(dir, "db.json");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A lock folder as a process that died long ago would have left it. */
async function leaveStaleLock(ageMs = 60_000): Promise<void> {
  await mkdir(`${file}.lock`);
  await writeFile(`${file}.lock/owner.json`, JSON.stringify({ token: "dead", pid: 1, host: "gone", startedAt: "2025-01-01T00:00:00.000Z" }));
  const old = new Date(Date.now() - ageMs);
  await utimes(`${file}.lock`, old, old);
}

describe("acquireLock", () => {
  it("is a folder with the holder's pid, host and token inside, removed on release", async () => {
    const lock = await acquireLock(file);
    const owner = JSON.parse(await readFile(`${file}.lock/owner.json`, "utf8"));
    expect(owner).toMatchObject({ pid: process.pid, token: lock.holder.token });
    expect((await stat(`${file}.lock`)).isDirectory()).toBe(true);
    await lock.release();
    await expect(stat(`${file}.lock`)).rejects.toThrow(/ENOENT/);
  });

  it("refuses while another holder's heartbeat is fresh, whatever its pid", async () => {
    await mkdir(`${file}.lock`);
    await writeFile(`${file}.lock/owner.json`, JSON.stringify({ token: "other", pid: 1, host: "container-b", startedAt: "2025-06-01T00:00:00.000Z" }));
    const error = await acquireLock(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileProblemError);
    expect((error as Error).message).toMatch(/in use by another process \(pid 1 on host container-b, running since 2025-06-01T00:00:00.000Z, heartbeat 0 s ago\)/);
    expect((error as Error).message).toMatch(/Stop it first, or set DATA_FILE/);
  });

  it("takes over a lock whose heartbeat stopped longer ago than the stale time", async () => {
    await leaveStaleLock();
    const lock = await acquireLock(file);
    expect(JSON.parse(await readFile(`${file}.lock/owner.json`, "utf8")).token).toBe(lock.holder.token);
    await lock.release();
  });

  it("lets exactly one of many simultaneous takeovers of a stale lock win", async () => {
    await leaveStaleLock();
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => acquireLock(file)));
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(String(r.reason)).toMatch(/in use by another process/);
    await (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof acquireLock>>>).value.release();
  });

  it("lets exactly one of many simultaneous first openers win", async () => {
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => acquireLock(file)));
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    await (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof acquireLock>>>).value.release();
  });

  it("never deletes a lock on release that another process has taken over meanwhile", async () => {
    const lock = await acquireLock(file);
    // This process froze; another one found the lock stale and took it.
    await writeFile(`${file}.lock/owner.json`, JSON.stringify({ token: "newcomer", pid: 2, host: "b", startedAt: "2025-06-01T00:00:00.000Z" }));
    await lock.release();
    expect(JSON.parse(await readFile(`${file}.lock/owner.json`, "utf8")).token).toBe("newcomer");
  });
});

describe("the lock's heartbeat", () => {
  it("keeps the lock for a holder that stays alive past the stale time", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      let compromised: Error | undefined;
      const lock = await acquireLock(file, { staleMs: 2000, updateMs: 1000, onCompromised: (e) => (compromised = e) });
      // Three heartbeats; each is a timer, then a stat and a utimes on the real file system.
      for (let beat = 0; beat < 3; beat++) {
        await vi.advanceTimersByTimeAsync(1000);
        for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
        await stat(`${file}.lock`);
      }
      expect(compromised).toBeUndefined();
      expect(lock.held).toBe(true);
      await expect(acquireLock(file, { staleMs: 2000 })).rejects.toThrow(/in use by another process/);
      await lock.release();
    } finally {
      vi.useRealTimers();
    }
  });
});
