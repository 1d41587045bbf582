import { randomBytes } from "node:crypto";
import { access, constants, lstat, mkdir, open, readFile, readlink, realpath, rename, stat, unlink } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Low, Memory, type Adapter } from "lowdb";
import type { z } from "zod";
import { FileProblemError, StoreWriteError } from "../core/errors.js";
import { SCHEMA_VERSION } from "./schema.js";

/** Where a store keeps its files: on disk, or in memory (tests, benchmarks of the logic). */
export type Backing = { kind: "file"; path: string } | { kind: "memory" };

/** How files are written. */
export interface WriteOptions {
  /** fsync the file and its folder before a write counts as done (default true): survives power loss, not only crashes. */
  fsync?: boolean;
  /**
   * Test hook, called before every file write with the file's path. Throwing from it makes that write fail
   * as a full disk would; nothing is written.
   */
  beforeWrite?: (path: string) => void | Promise<void>;
}

/** Options of {@link openLow}. */
export interface OpenOptions extends WriteOptions {
  pretty?: boolean;
  /** No folder is created, nothing is ever written, and writability is not checked. */
  readOnly?: boolean;
}

/** Mode of a data file this program creates: only the user running the assistant may read it (it holds names and chats). */
export const NEW_FILE_MODE = 0o600;

/**
 * A lowdb database whose `write()` is all-or-nothing in memory too: when a write fails, {@link DurableLow.rollback}
 * puts `data` back exactly as it was after the last successful read or write, so no failed change lingers.
 */
export interface DurableLow<T> extends Low<T> {
  /** Puts `data` back, in place, to what was last read or written successfully. */
  rollback(): void;
  /** Records the current `data` as what is on disk (after a read). */
  markDurable(): void;
}

/**
 * Opens one lowdb database, validating what it reads. A file that is missing starts empty;
 * a file that cannot be read, parsed or validated, has another schema version, or is read-only, is refused
 * and left untouched, with a message that says what to do. With `readOnly`, no folder is created.
 */
export async function openLow<T>(backing: Backing, schema: z.ZodType<T>, empty: () => T, options: OpenOptions = {}): Promise<DurableLow<T>> {
  if (backing.kind === "memory") return createLow(backing, empty, options);
  const path = backing.path;
  if (!options.readOnly) await ensureFolder(dirname(path));
  const db = createLow(backing, empty, options);
  let text: string | null;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") throw fileProblem(error, path, "read");
    text = null;
  }
  if (text !== null) {
    if (!options.readOnly) await ensureWritableFile(path);
    db.data = parseStoreFile(path, text, schema);
    db.markDurable();
  }
  return db;
}

/**
 * Creates a lowdb database over `backing` holding `empty()`, without reading anything.
 * Only for files known not to exist yet (a new segment); otherwise use {@link openLow}.
 */
export function createLow<T>(backing: Backing, empty: () => T, options: OpenOptions = {}): DurableLow<T> {
  const stringify = (data: T) => (options.pretty ? JSON.stringify(data, null, 2) : JSON.stringify(data));
  let durable = JSON.stringify(empty());
  const memory = new Memory<T>();
  const adapter: Adapter<T> = {
    read: async () => null,
    async write(data) {
      const text = stringify(data);
      if (backing.kind === "memory") {
        await options.beforeWrite?.(":memory:");
        await memory.write(data);
      } else {
        await options.beforeWrite?.(backing.path);
        await writeFileDurably(backing.path, text, { fsync: options.fsync ?? true });
      }
      durable = text;
    },
  };
  const db = new Low<T>(adapter, empty()) as DurableLow<T>;
  db.rollback = () => restoreInPlace(db, JSON.parse(durable) as T);
  db.markDurable = () => {
    durable = JSON.stringify(db.data);
  };
  return db;
}

/** Replaces the contents of `db.data` in place, so code holding a reference to it sees the restored state. */
function restoreInPlace<T>(db: Low<T>, value: T): void {
  const target = db.data as Record<string, unknown>;
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, value as Record<string, unknown>);
}

/**
 * Writes `text` to `path` so that a crash or power loss leaves either the old or the new file, never a mix:
 * a temp file in the same folder, written and fsynced, then renamed over the target, then the folder fsynced.
 * The file keeps its mode and owner; a symlink stays a symlink (its target is replaced). A file without any
 * write permission is refused, not overwritten. Throws a {@link StoreWriteError} naming the file and the cause.
 */
export async function writeFileDurably(path: string, text: string, options: { fsync: boolean }): Promise<void> {
  const target = await resolveTarget(path);
  const existing = await stat(target).catch(() => undefined);
  if (existing && (existing.mode & 0o222) === 0) {
    throw new StoreWriteError(`store: ${path} is read-only (mode ${(existing.mode & 0o777).toString(8)}); it was not overwritten. Make it writable (chmod u+w) to save changes.`);
  }
  const mode = existing ? existing.mode & 0o7777 : NEW_FILE_MODE;
  const temp = `${target}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    const handle = await open(temp, "wx", mode);
    try {
      await handle.writeFile(text);
      await handle.chmod(mode); // open()'s mode is masked by the umask
      if (existing && (existing.uid !== process.getuid?.() || existing.gid !== process.getgid?.())) {
        await handle.chown(existing.uid, existing.gid).catch(() => undefined); // only root may; others keep their own
      }
      if (options.fsync) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (error instanceof StoreWriteError) throw error;
    throw new StoreWriteError(`store: could not write ${path} (${(error as Error).message}); nothing was changed.`, { cause: error });
  }
  if (options.fsync) {
    try {
      await syncFolder(dirname(target));
    } catch (error) {
      throw new StoreWriteError(`store: wrote ${path} but could not fsync its folder (${(error as Error).message}).`, { cause: error });
    }
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The file a write must replace: the target of a symlink (even a dangling one), or the path itself. */
async function resolveTarget(path: string): Promise<string> {
  const info = await lstat(path).catch(() => undefined);
  if (!info?.isSymbolicLink()) return path;
  try {
    return await realpath(path);
  } catch {
    return resolve(dirname(path), await readlink(path));
  }
}

/** Creates `folder` (and its parents) or throws a {@link FileProblemError} that says what is wrong with it. */
export async function ensureFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw fileProblem(error, folder, "create the folder");
  }
  const info = await stat(folder).catch((error: unknown) => {
    throw fileProblem(error, folder, "open the folder");
  });
  if (!info.isDirectory()) throw fileProblem(Object.assign(new Error("not a directory"), { code: "ENOTDIR" }), folder, "open the folder");
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    throw fileProblem(error, folder, "write in the folder");
  }
}

async function ensureWritableFile(path: string): Promise<void> {
  const target = await resolveTarget(path);
  const info = await stat(target);
  if ((info.mode & 0o222) === 0) {
    throw new FileProblemError(
      `store: ${path} is read-only (mode ${(info.mode & 0o777).toString(8)}), so changes could not be saved. ` +
        `Make it writable (chmod u+w ${path}), or open it read-only (e.g. the CLI's digest). The file was left untouched.`,
    );
  }
  try {
    await access(target, constants.W_OK);
  } catch (error) {
    throw fileProblem(error, path, "write");
  }
}

/**
 * Turns a file-system error at start-up into a {@link FileProblemError} that names the path and the fix,
 * so a person's mistake (permissions, a file where a folder should be, a read-only disk) prints no stack trace.
 */
export function fileProblem(error: unknown, path: string, doing: string): FileProblemError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const user = typeof process.getuid === "function" ? ` (uid ${process.getuid()})` : "";
  const fixes: Record<string, string> = {
    EACCES: `no permission. Give the user running the assistant${user} read and write access (chown or chmod), or set DATA_FILE to a folder it owns`,
    EPERM: `not permitted. Give the user running the assistant${user} read and write access, or set DATA_FILE to a folder it owns`,
    EROFS: `the file system is read-only. Mount the data volume writable, or set DATA_FILE to a writable place`,
    ENOTDIR: `a part of the path is a file where a folder should be. Move that file aside, or set DATA_FILE to another place`,
    EEXIST: `a file is in the way where a folder should be. Move it aside, or set DATA_FILE to another place`,
    EISDIR: `it is a folder where a file should be. Move it aside, or set DATA_FILE to another file`,
    ENOSPC: `the disk is full. Free some space and start again`,
    ELOOP: `too many symbolic links. Point DATA_FILE at the real file`,
  };
  const why = (code && fixes[code]) ?? `${(error as Error)?.message ?? String(error)}. Check the path and its permissions`;
  return new FileProblemError(`store: cannot ${doing} ${path}: ${why}. Nothing was changed.`);
}

/** A temporary name next to `path` for a file being written; exported for tests that look for leftovers. */
export function isTempName(name: string): boolean {
  return /\.[0-9a-f]{8}\.tmp$/.test(name);
}

/**
 * Parses and validates the text of a store file; throws a {@link FileProblemError} that names the file and the fix.
 * Fields this version does not know are kept on the records (so an older program never drops what a newer one wrote).
 */
export function parseStoreFile<T>(path: string, text: string, schema: z.ZodType<T>): T {
  const fix = `The file was left untouched. Restore it from a backup, or move it aside to start with an empty store.`;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new FileProblemError(`store: ${path} is not valid JSON (${(error as Error).message}). ${fix}`);
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (version !== SCHEMA_VERSION) {
    throw new FileProblemError(
      `store: ${path} has schema version ${JSON.stringify(version)}, but this program reads version ${SCHEMA_VERSION}. ` +
        `Run the program version that wrote it, or restore a backup. The file was left untouched.`,
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 20).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new FileProblemError(`store: ${path} does not match the expected structure. ${fix}`, problems);
  }
  return keepUnknown(raw, parsed.data) as T;
}

/** Copies the fields of `raw` that validation stripped back into `parsed` (objects and arrays, recursively). */
export function keepUnknown(raw: unknown, parsed: unknown): unknown {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    return parsed.map((item, i) => (i < raw.length ? keepUnknown(raw[i], item) : item));
  }
  if (isPlainObject(raw) && isPlainObject(parsed)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) if (!(k in parsed)) out[k] = v;
    for (const [k, v] of Object.entries(parsed)) out[k] = k in raw ? keepUnknown(raw[k], v) : v;
    return out;
  }
  return parsed;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
