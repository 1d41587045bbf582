import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Low } from "lowdb";
import type { z } from "zod";
import { type CoalescedWriter, coalesceWrites } from "./coalesce.js";
import { type Backing, createLow, openLow } from "./files.js";
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
 * and every write is still lowdb's atomic temp-file-and-rename.
 */
export class SegmentLog<T> {
  readonly #backing: Backing;
  readonly #schema: z.ZodType<Segment<T>>;
  readonly #records: T[] = [];
  #tail!: Low<Segment<T>>;
  #writer!: CoalescedWriter;
  readonly #readOnly: boolean;
  #tailIndex = 1;

  private constructor(backing: Backing, record: z.ZodType<T>, readOnly: boolean) {
    this.#backing = backing;
    this.#readOnly = readOnly;
    this.#schema = segmentFileSchema(record) as unknown as z.ZodType<Segment<T>>;
  }

  /** Opens (and validates) every segment of the log in `backing`'s folder. */
  static async open<T>(backing: Backing, record: z.ZodType<T>, options: { readOnly?: boolean } = {}): Promise<SegmentLog<T>> {
    const log = new SegmentLog<T>(backing, record, options.readOnly ?? false);
    await log.#load();
    return log;
  }

  async #load(): Promise<void> {
    const names = this.#backing.kind === "file" ? await listSegments(this.#backing.path) : [];
    for (const name of names) {
      const db = await openLow(this.#segmentBacking(name), this.#schema, emptySegment<T>, { readOnly: this.#readOnly });
      this.#records.push(...db.data.records);
      this.#setTail(db);
      this.#tailIndex = Number.parseInt(name, 10);
    }
    if (names.length === 0) {
      this.#setTail(await openLow(this.#segmentBacking(segmentName(1)), this.#schema, emptySegment<T>, { readOnly: this.#readOnly }));
    }
  }

  #setTail(db: Low<Segment<T>>): void {
    this.#tail = db;
    // One coalesced writer per segment: a rolled-over segment still finishes its own pending write.
    this.#writer = coalesceWrites(() => db.write());
  }

  #segmentBacking(name: string): Backing {
    return this.#backing.kind === "file" ? { kind: "file", path: join(this.#backing.path, name) } : { kind: "memory" };
  }

  /** Appends records and resolves once they are on disk. */
  async append(...records: T[]): Promise<void> {
    if (this.#readOnly) throw new Error("store: this store was opened read-only; open it without readOnly to change it");
    if (this.#tail.data.records.length >= SEGMENT_SIZE) {
      this.#tailIndex += 1;
      // Synchronous, so concurrent appends never open two new segments.
      this.#setTail(createLow(this.#segmentBacking(segmentName(this.#tailIndex)), emptySegment<T>));
    }
    this.#tail.data.records.push(...records);
    this.#records.push(...records);
    await this.#writer.write();
  }

  /** Every record, oldest first. Do not mutate. */
  all(): readonly T[] {
    return this.#records;
  }

  /** Waits until every requested write of the last segment is on disk. */
  async flush(): Promise<void> {
    await this.#writer.idle();
  }
}

function emptySegment<T>(): Segment<T> {
  return { version: SCHEMA_VERSION, records: [] };
}

function segmentName(index: number): string {
  return `${String(index).padStart(6, "0")}.json`;
}

async function listSegments(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((n) => /^\d{6}\.json$/.test(n)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}
