/**
 * One writer per data file, across processes, PID namespaces (containers) and machines sharing a volume.
 *
 * Built on `proper-lockfile`: the lock is a folder (`db.json.lock/`) made with `mkdir`, which is atomic on
 * local file systems and NFS alike; the holder refreshes its mtime (a heartbeat), and a lock whose
 * heartbeat stopped is stale and may be taken over. No process ids are compared, so a process in another
 * PID namespace cannot mistake a live holder for a dead one. The OS's own locks were not used: Node has no
 * `flock`/`fcntl` binding, and advisory locks do not carry across NFS reliably.
 *
 * Two gaps of the library are closed here, through its injectable `fs`:
 * - Taking over a stale lock is `stat` then `rmdir` then `mkdir`; two processes that both saw it stale could
 *   each remove the other's fresh lock. Here a removal first takes a short-lived guard folder
 *   (`db.json.lock.takeover`) and checks again, under the guard, that the lock is still stale.
 * - Release removes the folder whoever owns it. Here release removes it only when `owner.json` inside it
 *   still carries this holder's token.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import fs from "node:fs";
import lockfile from "proper-lockfile";
import { FileProblemError } from "../core/errors.js";

/** Who holds a lock, as written in `owner.json` inside the lock folder. */
export interface LockHolder {
  token: string;
  pid: number;
  host: string;
  startedAt: string;
}

/** Options of {@link acquireLock}. */
export interface LockOptions {
  /** A lock whose heartbeat is older than this is stale (default 10 s). */
  staleMs?: number;
  /** Heartbeat interval (default staleMs / 2). */
  updateMs?: number;
  /** Called once if another process took the lock over (this process froze for longer than staleMs). */
  onCompromised?: (error: Error) => void;
}

/** A held lock. */
export interface HeldLock {
  /** Whether the lock is still ours (false after release or a takeover). */
  readonly held: boolean;
  readonly holder: LockHolder;
  /** Releases the lock, unless another process owns it by now (then it is left alone). Never throws. */
  release(): Promise<void>;
  /** Stops the heartbeat and leaves the lock folder behind, as a killed process would (crash tests). */
  abandon(): Promise<void>;
}

const OWNER = "owner.json";
/** A takeover guard older than this was left by a process that died inside a takeover. */
const GUARD_STALE_MS = 30_000;

/**
 * Takes the exclusive lock of `dataPath`, or throws a {@link FileProblemError} naming the holder.
 *
 * ```ts
 * const lock = await acquireLock("data/db.json");
 * // … write …
 * await lock.release();
 * ```
 */
export async function acquireLock(dataPath: string, options: LockOptions = {}): Promise<HeldLock> {
  const lockPath = `${dataPath}.lock`;
  const staleMs = options.staleMs ?? 10_000;
  const holder: LockHolder = { token: randomUUID(), pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  let releasing: false | "release" | "abandon" = false;
  let held = false;
  const guardedFs = {
    ...fs,
    // The owner file is written inside the new lock folder before proper-lockfile reads the folder's mtime:
    // writing it later would change that mtime, and the heartbeat would take it for another process's.
    mkdir(path: string, callback: (error: NodeJS.ErrnoException | null) => void) {
      fs.mkdir(path, (error) => {
        if (error) return callback(error);
        try {
          fs.writeFileSync(`${path}/${OWNER}.tmp`, JSON.stringify(holder));
          fs.renameSync(`${path}/${OWNER}.tmp`, `${path}/${OWNER}`);
        } catch (writeError) {
          fs.rmSync(path, { recursive: true, force: true });
          return callback(writeError as NodeJS.ErrnoException);
        }
        callback(null);
      });
    },
    // Used by proper-lockfile both to take over a stale lock and to release ours.
    rmdir(path: string, callback: (error: NodeJS.ErrnoException | null) => void) {
      const run =
        releasing === "abandon" ? Promise.resolve() : releasing ? removeIfOurs(path, holder.token) : removeIfStillStale(path, staleMs);
      run.then(
        () => callback(null),
        (error: NodeJS.ErrnoException) => callback(error),
      );
    },
    rmdirSync(path: string) {
      // On process exit: remove the lock only if it is still ours.
      if (releasing !== "abandon" && readOwner(path)?.token === holder.token) fs.rmSync(path, { recursive: true, force: true });
    },
  };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataPath, {
      lockfilePath: lockPath,
      realpath: false,
      stale: staleMs,
      update: options.updateMs,
      retries: 0,
      fs: guardedFs as unknown as typeof fs,
      onCompromised: (error) => {
        held = false;
        options.onCompromised?.(error);
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOCKED") throw new FileProblemError(inUseMessage(dataPath, lockPath, staleMs));
    throw error;
  }
  held = true;
  return {
    get held() {
      return held;
    },
    holder,
    async release() {
      if (!held) return;
      held = false;
      releasing = "release";
      await release().catch(() => undefined);
    },
    async abandon() {
      if (!held) return;
      held = false;
      releasing = "abandon";
      await release().catch(() => undefined);
    },
  };
}

function inUseMessage(dataPath: string, lockPath: string, staleMs: number): string {
  const owner = readOwner(lockPath);
  let age = "";
  try {
    age = `, heartbeat ${Math.max(0, Math.round((Date.now() - fs.statSync(lockPath).mtimeMs) / 1000))} s ago`;
  } catch {
    // The lock disappeared meanwhile: the message stays useful without the age.
  }
  const who = owner ? `pid ${owner.pid} on host ${owner.host}, running since ${owner.startedAt}${age}` : `a process that is just starting${age}`;
  return (
    `store: ${dataPath} is in use by another process (${who}). Stop it first, or set DATA_FILE to another file. ` +
    `If that process is gone, its lock (${lockPath}) expires ${Math.round(staleMs / 1000)} s after its last heartbeat; nothing was changed.`
  );
}

function readOwner(lockPath: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(`${lockPath}/${OWNER}`, "utf8")) as LockHolder;
  } catch {
    return undefined;
  }
}

async function removeIfOurs(lockPath: string, token: string): Promise<void> {
  // A lock taken over by another process (while this one froze) is theirs now: leave it.
  if (readOwner(lockPath)?.token !== token) return;
  await fs.promises.rm(lockPath, { recursive: true, force: true });
}

/** Removes a stale lock under the takeover guard, after checking again that it is still stale. */
async function removeIfStillStale(lockPath: string, staleMs: number): Promise<void> {
  const guard = `${lockPath}.takeover`;
  try {
    await fs.promises.mkdir(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const age = Date.now() - (await fs.promises.stat(guard).then((s) => s.mtimeMs, () => Date.now()));
    if (age > GUARD_STALE_MS) await fs.promises.rm(guard, { recursive: true, force: true });
    // Another process is taking over right now: it wins, this one reports the lock as held.
    throw Object.assign(new Error("Lock file is already being held"), { code: "ELOCKED" });
  }
  try {
    const stat = await fs.promises.stat(lockPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    if (stat && stat.mtimeMs >= Date.now() - staleMs) {
      throw Object.assign(new Error("Lock file is already being held"), { code: "ELOCKED" });
    }
    if (stat) await fs.promises.rm(lockPath, { recursive: true, force: true });
  } finally {
    await fs.promises.rm(guard, { recursive: true, force: true });
  }
}
