import { open, readFile, truncate } from "node:fs/promises";
import type { z } from "zod";
import { FileProblemError, StoreWriteError } from "../core/errors.js";
import { coalesceWrites, type CoalescedWriter } from "./coalesce.js";
import { type Backing, fileProblem, keepUnknown, NEW_FILE_MODE, writeFileDurably, type WriteOptions } from "./files.js";
import { SCHEMA_VERSION } from "./schema.js";

/** Options of {@link KeyedJournal.open}. */
export interface JournalOptions<T> extends WriteOptions {
  /** The collection's name, written in the file's first line and named in errors. */
  name: string;
  /** The record's key: a record put with the key of another replaces it. */
  keyOf: (record: T) => string;
  /** Most records kept; beyond it the oldest (least recently put) are forgotten, in memory and on replay alike. */
  cap: number;
  /** Which record to forget beyond the cap, if not the least recently put: the key of the one to drop. */
  victim?: (live: ReadonlyMap<string, T>) => string;
  readOnly?: boolean;
}

type Op<T> = { put: T } | { del: string };

/**
 * A bounded map of records kept as an append-only JSON Lines file: a header line, then one line per put or delete.
 * A change costs one small append and one fsync whatever the size of the collection, instead of rewriting a whole
 * file; when the file holds more than twice `cap` lines it is compacted (rewritten atomically, puts of what is
 * live). Records are ordered by their last put, oldest first, and the oldest are forgotten beyond `cap`.
 *
 * Failure rules, as for the other store files: a change is in memory at once and acknowledged only once on disk;
 * a failed append is cut off the file again and taken back out of memory (with the changes queued behind it).
 * A file that cannot be read, whose header is of another version, or with a bad line anywhere but a torn last one,
 * is refused and left untouched. A torn last line (a crash in the middle of an append, never acknowledged) is dropped.
 */
export class KeyedJournal<T> {
  readonly #backing: Backing;
  readonly #options: JournalOptions<T>;
  readonly #record: z.ZodType<T>;
  /** What is live now, in memory (includes changes not yet on disk). */
  #live = new Map<string, T>();
  /** What is on disk: the live map is put back to this when a write fails. */
  #durable = new Map<string, T>();
  /** Changes made in memory and not yet written. */
  #pending: Op<T>[] = [];
  /** Lines in the file, header excluded, and its length in bytes (what a failed append is cut back to). */
  #lines = 0;
  #bytes = 0;
  /** The next write rewrites the whole file (compaction, a torn tail, or a failed cut after a failed append). */
  #rewrite = false;
  readonly #writer: CoalescedWriter;

  private constructor(backing: Backing, record: z.ZodType<T>, options: JournalOptions<T>) {
    this.#backing = backing;
    this.#record = record;
    this.#options = options;
    this.#writer = coalesceWrites(() => this.#write(), { onFailure: () => this.#rollback() });
  }

  /** Opens (and validates) the journal at `backing`; a missing file starts empty and is created on the first change. */
  static async open<T>(backing: Backing, record: z.ZodType<T>, options: JournalOptions<T>): Promise<KeyedJournal<T>> {
    const journal = new KeyedJournal(backing, record, options);
    if (backing.kind === "file") await journal.#load(backing.path);
    return journal;
  }

  async #load(path: string): Promise<void> {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        this.#rewrite = true; // the first write creates it, header and all
        return;
      }
      throw fileProblem(error, path, "read");
    }
    const fix = "The file was left untouched. Restore it from a backup, or move it aside (its records are then forgotten) and start again.";
    const lines = text.split("\n");
    const torn = lines.pop(); // "" when the file ends with a newline, as every complete write does
    const header = lines.shift();
    if (header === undefined) {
      // Not even a complete header: a crash while creating the file (nothing in it was ever acknowledged), or not a journal.
      if (!this.#header().startsWith(torn ?? "")) {
        throw new FileProblemError(`store: ${path} is not a ${this.#options.name} journal (no header line). ${fix}`);
      }
      this.#rewrite = true;
      return;
    }
    const version = parseLine(header) as { version?: unknown; journal?: unknown } | undefined;
    if (version?.version !== SCHEMA_VERSION || version.journal !== this.#options.name) {
      throw new FileProblemError(
        `store: ${path} is not a ${this.#options.name} journal of schema version ${SCHEMA_VERSION} (its first line is ${JSON.stringify(header.slice(0, 80))}). ` +
          `Run the program version that wrote it, or ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`,
      );
    }
    lines.forEach((line, i) => {
      const op = this.#parseOp(line);
      if (!op) throw new FileProblemError(`store: ${path} line ${i + 2} is not a valid ${this.#options.name} record. ${fix}`);
      this.#apply(this.#durable, op);
    });
    this.#lines = lines.length;
    this.#bytes = Buffer.byteLength(text) - Buffer.byteLength(torn ?? "");
    if (torn) {
      // An append cut short by a crash: never acknowledged, so it is dropped, and the next write rewrites the file.
      const op = this.#parseOp(torn);
      if (op) this.#apply(this.#durable, op); // complete but for its newline: it was written, keep it
      this.#rewrite = true;
    }
    this.#live = new Map(this.#durable);
  }

  #parseOp(line: string): Op<T> | undefined {
    const raw = parseLine(line) as { put?: unknown; del?: unknown } | undefined;
    if (raw && typeof raw.del === "string") return { del: raw.del };
    if (raw && "put" in raw) {
      const parsed = this.#record.safeParse(raw.put);
      if (parsed.success) return { put: keepUnknown(raw.put, parsed.data) as T };
    }
    return undefined;
  }

  #apply(map: Map<string, T>, op: Op<T>): void {
    if ("del" in op) {
      map.delete(op.del);
      return;
    }
    const key = this.#options.keyOf(op.put);
    map.delete(key); // re-inserted last: the most recently put
    map.set(key, op.put);
    const { cap, victim } = this.#options;
    while (map.size > cap) map.delete(victim ? victim(map) : map.keys().next().value!);
  }

  /** The record under `key`, if live. Do not mutate it: put a changed copy. */
  get(key: string): T | undefined {
    return this.#live.get(key);
  }

  /** Every live record, oldest first. */
  values(): T[] {
    return [...this.#live.values()];
  }

  get size(): number {
    return this.#live.size;
  }

  /** Puts records (replacing those with the same keys) and resolves once that is on disk. */
  put(...records: T[]): Promise<void> {
    return this.#change(records.map((put) => ({ put })));
  }

  /** Deletes the records under `keys` (unknown keys are ignored) and resolves once that is on disk. */
  delete(...keys: string[]): Promise<void> {
    return this.#change(keys.filter((k) => this.#live.has(k)).map((del) => ({ del })));
  }

  #change(ops: Op<T>[]): Promise<void> {
    if (this.#options.readOnly) return Promise.reject(new Error("store: this store was opened read-only; open it without readOnly to change it"));
    if (ops.length === 0) return Promise.resolve();
    for (const op of ops) this.#apply(this.#live, op);
    this.#pending.push(...ops);
    return this.#writer.write();
  }

  /** Waits until every requested write is on disk (or has failed). */
  flush(): Promise<void> {
    return this.#writer.idle();
  }

  /** Writes the whole file now (e.g. after records were moved into the journal from an older data file). */
  compact(): Promise<void> {
    if (this.#options.readOnly) return Promise.resolve();
    this.#rewrite = true;
    return this.#writer.write();
  }

  /** Records seeded at open from an older data file, before any journal line: older, so they go first. */
  seed(records: readonly T[]): void {
    const journalled = [...this.#durable.values()];
    this.#durable.clear();
    for (const put of records) this.#apply(this.#durable, { put });
    for (const put of journalled) this.#apply(this.#durable, { put });
    this.#live = new Map(this.#durable);
  }

  async #write(): Promise<void> {
    const ops = this.#pending;
    this.#pending = [];
    try {
      await this.#options.beforeWrite?.(this.#backing.kind === "file" ? this.#backing.path : ":memory:");
      if (this.#backing.kind === "file") await this.#persist(this.#backing.path, ops);
    } catch (error) {
      this.#pending = [...ops, ...this.#pending]; // for the rollback to see which changes are gone
      throw error;
    }
    for (const op of ops) this.#apply(this.#durable, op);
  }

  async #persist(path: string, ops: Op<T>[]): Promise<void> {
    const fsync = this.#options.fsync ?? true;
    if (this.#rewrite || this.#lines + ops.length > 2 * this.#options.cap) {
      const next = new Map(this.#durable);
      for (const op of ops) this.#apply(next, op);
      const body = [...next.values()].map((put) => `${JSON.stringify({ put })}\n`).join("");
      const text = `${this.#header()}\n${body}`;
      await writeFileDurably(path, text, { fsync });
      this.#rewrite = false;
      this.#lines = next.size;
      this.#bytes = Buffer.byteLength(text);
      return;
    }
    const text = ops.map((op) => `${JSON.stringify(op)}\n`).join("");
    let handle;
    try {
      handle = await open(path, "a", NEW_FILE_MODE);
      await handle.writeFile(text);
      if (fsync) await handle.sync();
    } catch (error) {
      await handle?.close().catch(() => undefined);
      // Cut off whatever part of the append reached the file; if even that fails, the next write rewrites it whole.
      await truncate(path, this.#bytes).catch(() => {
        this.#rewrite = true;
      });
      throw new StoreWriteError(`store: could not append to ${path} (${(error as Error).message}); nothing was changed.`, { cause: error });
    }
    await handle.close();
    this.#lines += ops.length;
    this.#bytes += Buffer.byteLength(text);
  }

  #header(): string {
    return JSON.stringify({ version: SCHEMA_VERSION, journal: this.#options.name });
  }

  /** Puts memory back as it is on disk: every change not written is gone (its callers were told). */
  #rollback(): void {
    this.#pending = [];
    this.#live = new Map(this.#durable);
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
