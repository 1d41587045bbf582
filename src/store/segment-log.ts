import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Low } from "lowdb";
import type { z } from "zod";
import { type CoalescedWriter, coalesceWrites } from "./coalesce.js";
import { FileProblemError } from "../core/errors.js";
import { type Backing, createLow, ensureFolder, fileProblem, openLow, type WriteOptions } from "./files.js";
import { SCHEMA_VERSION, segmentFileSchema } from "./schema.js";

/** Records per segment file. Small enough that each append rewrites only a few hundred kilobytes. */
export const SEGMENT_SIZE = 2000;

interface Segment<T> {
  version: typeof SCHEMA_VERSION;
  records: T[];
}

/**
 * An append-only log kept as numbered lowdb files (`000001.json`, `000002.json`, …) in one folder.
 * Only the last segment is ever written, so the cost of an append does not grow with the log,
 * and every write is an atomic, fsynced temp-file-and-rename. A failed write takes its records back out
 * of memory (and those queued behind it), so what the log holds is what is on disk.
 */
export class SegmentLog<T> {
  readonly #backing: Backing;
  readonly #schema: z.ZodType<Segment<T>>;
  readonly #records: T[] = [];
  readonly #options: WriteOptions;
  /** Segments that may still have records to write: the tail, plus the previous one right after a rollover. */
  #open: OpenSegment<T>[] = [];
  readonly #writer: CoalescedWriter;
  readonly #readOnly: boolean;
  /** Records in segments that are complete on disk and no longer open. */
  #closedCount = 0;

  private constructor(backing: Backing, record: z.ZodType<T>, options: { readOnly?: boolean } & WriteOptions) {
    this.#backing = backing;
    this.#readOnly = options.readOnly ?? false;
    this.#options = options;
    this.#schema = segmentFileSchema(record) as unknown as z.ZodType<Segment<T>>;
    this.#writer = coalesceWrites(() => this.#writeOpen(), { onFailure: () => this.#rollback() });
  }

  /** Opens (and validates) every segment of the log in `backing`'s folder. */
  static async open<T>(backing: Backing, record: z.ZodType<T>, options: { readOnly?: boolean } & WriteOptions = {}): Promise<SegmentLog<T>> {
    const log = new SegmentLog<T>(backing, record, options);
    await log.#load();
    return log;
  }

  async #load(): Promise<void> {
    const names = this.#backing.kind === "file" ? await listSegments(this.#backing.path, this.#readOnly) : [];
    let last: OpenSegment<T> | undefined;
    for (const name of names) {
      const db = await openLow(this.#segmentBacking(name), this.#schema, emptySegment<T>, { ...this.#options, readOnly: this.#readOnly });
      this.#records.push(...db.data.records);
      if (last) this.#closedCount += last.durable;
      last = { db, index: Number.parseInt(name, 10), durable: db.data.records.length };
    }
    if (!last) {
      const db = await openLow(this.#segmentBacking(segmentName(1)), this.#schema, emptySegment<T>, { ...this.#options, readOnly: this.#readOnly });
      last = { db, index: 1, durable: 0 };
    }
    this.#open = [last];
  }

  get #tail(): OpenSegment<T> {
    return this.#open[this.#open.length - 1]!;
  }

  #segmentBacking(name: string): Backing {
    return this.#backing.kind === "file" ? { kind: "file", path: join(this.#backing.path, name) } : { kind: "memory" };
  }

  /** Writes every open segment that has records not yet on disk, oldest first, stopping at the first failure. */
  async #writeOpen(): Promise<void> {
    for (const segment of [...this.#open]) {
      const length = segment.db.data.records.length;
      if (length === segment.durable) continue;
      await segment.db.write();
      segment.durable = length;
    }
    // A full segment that is on disk is closed: it is never written again.
    while (this.#open.length > 1 && this.#open[0]!.durable === this.#open[0]!.db.data.records.length) {
      this.#closedCount += this.#open.shift()!.durable;
    }
  }

  /** Takes every record that is not on disk back out of memory. */
  #rollback(): void {
    for (const segment of this.#open) segment.db.data.records.length = segment.durable;
    // An empty new segment is dropped; the next append reopens it, or starts a new one, as needed.
    while (this.#open.length > 1 && this.#tail.durable === 0) this.#open.pop();
    this.#records.length = this.#closedCount + this.#open.reduce((n, s) => n + s.durable, 0);
  }

  /** Appends records and resolves once they are on disk; rejects, with the records taken back out, if they could not be written. */
  async append(...records: T[]): Promise<void> {
    if (this.#readOnly) throw new Error("store: this store was opened read-only; open it without readOnly to change it");
    if (this.#tail.db.data.records.length >= SEGMENT_SIZE) {
      const index = this.#tail.index + 1;
      // Synchronous, so concurrent appends never open two new segments.
      this.#open.push({ db: createLow(this.#segmentBacking(segmentName(index)), emptySegment<T>, this.#options), index, durable: 0 });
    }
    this.#tail.db.data.records.push(...records);
    this.#records.push(...records);
    await this.#writer.write();
  }

  /** Every record, oldest first. Do not mutate. */
  all(): readonly T[] {
    return this.#records;
  }

  /** Waits until every requested write is on disk (or has failed). */
  async flush(): Promise<void> {
    await this.#writer.idle();
  }
}

interface OpenSegment<T> {
  db: Low<Segment<T>>;
  index: number;
  /** How many of its records are on disk. */
  durable: number;
}

function emptySegment<T>(): Segment<T> {
  return { version: SCHEMA_VERSION, records: [] };
}

function segmentName(index: number): string {
  return `${String(index).padStart(6, "0")}.json`;
}

async function listSegments(folder: string, readOnly: boolean): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((n) => /^\d{6}\.json$/.test(n)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      if (!readOnly) await ensureFolder(folder);
      return [];
    }
    if (code === "ENOTDIR") {
      throw new FileProblemError(
        `store: ${folder} should be the folder of the log's segment files, but it is a file. ` +
          `Move it aside (or restore the folder from a backup) and start again; nothing was changed.`,
      );
    }
    throw fileProblem(error, folder, "list the folder");
  }
}
