/**
 * Backups of a data file and its segment folders, and their rotation.
 *
 * A backup is a folder `<backups>/<name>-<YYYYMMDD-HHmmss>/` holding copies of `db.json`, its journals
 * (`db.topics.jsonl`, `db.inbound.jsonl`, `db.askers.jsonl`), `db.statuses/` and `db.deliveries/`. Every store write
 * replaces a whole file by rename or appends whole lines to a journal, so each copied file is one version of it;
 * to make the set consistent across files, the copy is checked afterwards (size and mtime of every source file)
 * and taken again if anything changed meanwhile. Restore: stop the assistant, move the data files aside, copy the
 * backup folder's contents next to where DATA_FILE points, start again (see README, "Backup and restore").
 */
import { copyFile, mkdir, readdir, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Backups older than this many days are removed by {@link pruneBackups}. */
export const KEEP_BACKUP_DAYS = 7;

/** The files that make up a store: the main file and each segment file, relative to the data file's folder. */
async function storeFiles(dataFile: string): Promise<string[]> {
  const dir = dirname(dataFile);
  const base = basename(dataFile).replace(/\.json$/i, "");
  const files = [basename(dataFile)];
  const journals = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.[a-z]+\\.jsonl$`);
  for (const n of (await readdir(dir).catch(() => [] as string[])).filter((n) => journals.test(n)).sort()) files.push(n);
  for (const log of [`${base}.statuses`, `${base}.deliveries`]) {
    const names = await readdir(join(dir, log)).catch(() => [] as string[]);
    for (const n of names.filter((n) => /^\d{6}\.json$/.test(n)).sort()) files.push(join(log, n));
  }
  return files;
}

async function fingerprint(dir: string, files: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for (const f of files) {
    const s = await stat(join(dir, f)).catch(() => undefined);
    parts.push(`${f}:${s?.size ?? -1}:${s?.mtimeMs ?? -1}:${s?.ino ?? -1}`);
  }
  return parts.join("|");
}

/**
 * Copies the store of `dataFile` into a new folder under `backupsDir` and returns its path.
 * Retries (up to 5 times) when a file changed during the copy; throws if the data never held still.
 *
 * ```ts
 * const folder = await backupStore("data/db.json", "data/backups", new Date());
 * ```
 */
export async function backupStore(dataFile: string, backupsDir: string, now: Date): Promise<string> {
  const dir = dirname(dataFile);
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const name = `${basename(dataFile).replace(/\.json$/i, "")}-${stamp}`;
  for (let attempt = 0; attempt < 5; attempt++) {
    const files = await storeFiles(dataFile);
    const before = await fingerprint(dir, files);
    const target = join(backupsDir, attempt === 0 ? name : `${name}-${attempt}`);
    await rm(target, { recursive: true, force: true });
    for (const f of files) {
      await mkdir(dirname(join(target, f)), { recursive: true });
      await copyFile(join(dir, f), join(target, f)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error; // a file that does not exist yet is simply not part of the store
      });
    }
    const after = await fingerprint(dir, await storeFiles(dataFile));
    if (after === before) return target;
    await rm(target, { recursive: true, force: true });
  }
  throw new Error(`backup: ${dataFile} kept changing during 5 copies; try again when the assistant is less busy`);
}

/** Removes backup folders of `dataFile` in `backupsDir` older than `keepDays` (by the time in their name). */
export async function pruneBackups(dataFile: string, backupsDir: string, now: Date, keepDays = KEEP_BACKUP_DAYS): Promise<string[]> {
  const prefix = `${basename(dataFile).replace(/\.json$/i, "")}-`;
  const removed: string[] = [];
  for (const entry of await readdir(backupsDir).catch(() => [] as string[])) {
    const m = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\d{8})-(\\d{6})`).exec(entry);
    if (!m) continue;
    const [d, t] = [m[1]!, m[2]!];
    const at = Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8), +t.slice(0, 2), +t.slice(2, 4), +t.slice(4, 6));
    if (now.getTime() - at > keepDays * 24 * 60 * 60 * 1000) {
      await rm(join(backupsDir, entry), { recursive: true, force: true });
      removed.push(entry);
    }
  }
  return removed;
}

/** Where backups of `dataFile` go by default: `backups/` next to it. */
export function defaultBackupsDir(dataFile: string): string {
  return join(dirname(dataFile), "backups");
}
