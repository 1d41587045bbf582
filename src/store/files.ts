import { mkdir, open, readFile, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import { Low, Memory } from "lowdb";
import { DataFile } from "lowdb/node";
import type { z } from "zod";
import { FileProblemError } from "../core/errors.js";
import { SCHEMA_VERSION } from "./schema.js";

/** Where a store keeps its files: on disk, or in memory (tests, benchmarks of the logic). */
export type Backing = { kind: "file"; path: string } | { kind: "memory" };

/**
 * Opens one lowdb database, validating what it reads. A file that is missing starts empty;
 * a file that cannot be read, parsed or validated, or has another schema version, is refused and
 * left untouched, with a message that says what to do. With `readOnly`, no folder is created.
 */
export async function openLow<T>(
  backing: Backing,
  schema: z.ZodType<T>,
  empty: () => T,
  options: { pretty?: boolean; readOnly?: boolean } = {},
): Promise<Low<T>> {
  if (backing.kind === "memory") return createLow(backing, empty, options);
  const path = backing.path;
  if (!options.readOnly) await mkdir(dirname(path), { recursive: true });
  const db = createLow(backing, empty, options);
  const adapter = db.adapter;
  let text: string | null;
  try {
    text = (await adapter.read()) as unknown as string | null;
  } catch (error) {
    throw new FileProblemError(
      `store: cannot read ${path} (${(error as Error).message}). Check its permissions; the file was left untouched.`,
    );
  }
  if (text === null) return db;
  db.data = parseStoreFile(path, text, schema);
  return db;
}

/**
 * Creates a lowdb database over `backing` holding `empty()`, without reading anything.
 * Only for files known not to exist yet (a new segment); otherwise use {@link openLow}.
 */
export function createLow<T>(backing: Backing, empty: () => T, options: { pretty?: boolean } = {}): Low<T> {
  if (backing.kind === "memory") return new Low<T>(new Memory<T>(), empty());
  const adapter = new DataFile<T>(backing.path, {
    // Parsing happens in openLow, where errors can name the file.
    parse: (text) => text as unknown as T,
    stringify: (data) => (options.pretty ? JSON.stringify(data, null, 2) : JSON.stringify(data)),
  });
  return new Low<T>(adapter, empty());
}

/** Parses and validates the text of a store file; throws a {@link FileProblemError} that names the file and the fix. */
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
    const problems = parsed.error.issues
      .slice(0, 20)
      .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new FileProblemError(`store: ${path} does not match the expected structure. ${fix}`, problems);
  }
  return parsed.data;
}

/**
 * Takes an exclusive lock next to the data file, so that two processes never write the same store
 * (lowdb supports one writer). A lock left by a dead process is taken over.
 */
export async function acquireLock(dataPath: string): Promise<() => Promise<void>> {
  const lockPath = `${dataPath}.lock`;
  await mkdir(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        await unlink(lockPath).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number((await readFile(lockPath, "utf8").catch(() => "")).trim());
      if (pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new FileProblemError(
          `store: ${dataPath} is in use by another process (pid ${pid}). Stop it first, or set DATA_FILE to another file.`,
        );
      }
      await unlink(lockPath).catch(() => undefined);
    }
  }
  throw new FileProblemError(`store: could not lock ${dataPath}. Remove ${lockPath} if no other process is running.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
