import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupStore, pruneBackups } from "../../src/store/backup.js";
import { openStore } from "../../src/store/open-store.js";
import { createScheduler } from "../../src/scheduler/scheduler.js";
import { BACKUP_JOB, startBackupJob } from "../../src/scheduler/backup.js";
import { createFixedClock } from "../../src/core/time.js";
import { createMemoryLogger } from "../helpers/app.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "tlhn-backup-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const status = (i: number) => ({ id: `s${i}`, kind: "status" as const, milestoneId: "m", agencyId: "a", status: "done" as const, userKey: "telegram:1" as const, role: "lead" as const, channel: "telegram" as const, at: "2025-06-02T01:00:00.000Z" });

describe("backup and restore", () => {
  it("takes a snapshot while the store is open and writing, which restores to exactly what was acknowledged", async () => {
    const file = join(dir, "data", "db.json");
    const store = await openStore({ file });
    await store.runs.claim({ key: "r1", at: "2025-06-02T01:00:00.000Z" });
    for (let i = 0; i < 30; i++) await store.statuses.append(status(i));
    await store.reminders.addDelivery({ ref: "x", chatKey: "telegram:1", result: "ok", at: "2025-06-02T01:00:00.000Z" });
    await store.inbound.claim("zalo|m1", "2025-06-02T01:00:00.000Z");
    await store.topics.set({ chatKey: "zalo:1", entryId: "hotline-1022", question: "1022?", lang: "vi", at: "2025-06-02T01:00:00.000Z" });
    await store.askers.add({ chatKey: "zalo:1", folded: "luong", question: "Lương?", askedAt: "2025-06-02T01:00:00.000Z" });
    const folder = await backupStore(file, join(dir, "backups"), new Date("2025-06-02T19:30:00.000Z"));
    // Writes after the snapshot are not in it.
    await store.statuses.append(status(99));
    await store.close();
    expect(folder).toMatch(/db-20250602-193000$/);

    // Restore: the assistant is stopped; the backup's contents replace the data folder.
    const restored = join(dir, "restored");
    await cp(folder, restored, { recursive: true });
    const back = await openStore({ file: join(restored, "db.json") });
    expect(await back.statuses.count()).toBe(30);
    expect(await back.runs.get("r1")).toBeDefined();
    expect(await back.reminders.deliveries()).toHaveLength(1);
    // The journals are part of the snapshot: the handled update, the chat's topic and the waiting asker.
    expect(await back.inbound.claim("zalo|m1", "2025-06-02T01:00:00.000Z")).toBe(false);
    expect((await back.topics.get("zalo:1"))?.entryId).toBe("hotline-1022");
    expect(await back.askers.list()).toHaveLength(1);
    await back.close();
  });

  it("keeps seven days of backups and removes older ones", async () => {
    const file = join(dir, "db.json");
    const store = await openStore({ file });
    await store.runs.claim({ key: "r1", at: "2025-06-02T01:00:00.000Z" });
    await store.close();
    const backups = join(dir, "backups");
    for (const day of ["2025-06-01", "2025-06-05", "2025-06-09"]) await backupStore(file, backups, new Date(`${day}T19:30:00.000Z`));
    expect(await pruneBackups(file, backups, new Date("2025-06-09T19:30:00.000Z"))).toEqual(["db-20250601-193000"]);
    expect((await readdir(backups)).sort()).toEqual(["db-20250605-193000", "db-20250609-193000"]);
  });

  it("runs as a daily scheduler job next to the data file", async () => {
    const file = join(dir, "db.json");
    const store = await openStore({ file });
    await store.runs.claim({ key: "r1", at: "2025-06-02T01:00:00.000Z" });
    const log = createMemoryLogger();
    const scheduler = createScheduler(log);
    startBackupJob(scheduler, { store, clock: createFixedClock(new Date("2025-06-02T19:30:00.000Z")), log, dataFile: file });
    await scheduler.runNow(BACKUP_JOB);
    await scheduler.stop();
    await store.close();
    expect(await readdir(join(dir, "backups"))).toEqual(["db-20250602-193000"]);
    expect(log.entries.some((e) => e.msg === "backup: daily backup written")).toBe(true);
  });
});
