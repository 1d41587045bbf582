import type { Logger, Store } from "../core/ports.js";
import type { Clock } from "../core/time.js";
import { backupStore, defaultBackupsDir, pruneBackups } from "../store/backup.js";
import type { Scheduler } from "./scheduler.js";

/** The name of the daily backup job. */
export const BACKUP_JOB = "daily-backup";
/** Every day at 02:30 Asia/Ho_Chi_Minh, when nobody reports. */
export const BACKUP_CRON = "30 2 * * *";

/**
 * Schedules the daily backup of the data file (kept 7 days). Each run waits for pending writes first,
 * then copies; a failure is logged and the next day tries again.
 */
export function startBackupJob(scheduler: Scheduler, deps: { store: Store; clock: Clock; log: Logger; dataFile: string; backupsDir?: string }): void {
  if (deps.dataFile === ":memory:") return;
  const dir = deps.backupsDir ?? defaultBackupsDir(deps.dataFile);
  scheduler.add(BACKUP_JOB, BACKUP_CRON, async () => {
    await deps.store.flush();
    const now = deps.clock.now();
    const folder = await backupStore(deps.dataFile, dir, now);
    const removed = await pruneBackups(deps.dataFile, dir, now);
    deps.log.info({ folder, removed: removed.length }, "backup: daily backup written");
  });
}
