import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { FileProblemError } from "../../src/core/errors.js";
import { KeyedJournal } from "../../src/store/keyed-journal.js";
import { openStore } from "../../src/store/open-store.js";
import { emptyMainFile, SCHEMA_VERSION } from "../../src/store/schema.js";

const record = z.object({ id: z.string(), n: z.number() });
type Rec = z.infer<typeof record>;

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "tlhn-journal-"));
  path = join(dir, "things.jsonl");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = (options: { cap?: number; readOnly?: boolean; beforeWrite?: () => void } = {}) =>
  KeyedJournal.open<Rec>({ kind: "file", path }, record, { name: "things", keyOf: (r) => r.id, cap: options.cap ?? 3, readOnly: options.readOnly, beforeWrite: options.beforeWrite });
const lines = async () => (await readFile(path, "utf8")).split("\n").filter(Boolean);
const header = JSON.stringify({ version: SCHEMA_VERSION, journal: "things" });

describe("a keyed journal", () => {
  it("keeps the last put of each key, oldest first, forgets the oldest beyond its cap, and reads back the same", async () => {
    const j = await open();
    await j.put({ id: "a", n: 1 });
    await j.put({ id: "b", n: 1 }, { id: "c", n: 1 });
    await j.put({ id: "a", n: 2 }); // a moves last
    await j.put({ id: "d", n: 1 }); // b is forgotten
    await j.delete("c", "nope");
    expect(j.values()).toEqual([{ id: "a", n: 2 }, { id: "d", n: 1 }]);
    const again = await open();
    expect(again.values()).toEqual(j.values());
    expect(again.get("b")).toBeUndefined();
  });

  it("forgets the record its victim rule picks beyond the cap, on replay too", async () => {
    const smallest = (live: ReadonlyMap<string, Rec>) => [...live.keys()].sort()[0]!;
    const openSmallest = () => KeyedJournal.open<Rec>({ kind: "file", path }, record, { name: "things", keyOf: (r) => r.id, cap: 2, victim: smallest });
    const j = await openSmallest();
    await j.put({ id: "b", n: 1 }, { id: "c", n: 1 }, { id: "a", n: 1 });
    expect(j.values().map((r) => r.id)).toEqual(["b", "c"]);
    expect((await openSmallest()).values().map((r) => r.id)).toEqual(["b", "c"]);
  });

  it("appends one line per change and compacts the file once it holds more than twice its cap", async () => {
    const j = await open({ cap: 3 });
    await j.put({ id: "a", n: 0 });
    expect(await lines()).toEqual([header, JSON.stringify({ put: { id: "a", n: 0 } })]);
    for (let n = 1; n <= 20; n++) await j.put({ id: "a", n });
    const count = (await lines()).length - 1;
    expect(count).toBeLessThanOrEqual(6);
    expect(count).toBeGreaterThanOrEqual(1);
    expect((await open()).values()).toEqual([{ id: "a", n: 20 }]);
  });

  it("drops a torn last line (a crash mid-append), keeps everything before it, and rewrites the file on the next change", async () => {
    const j = await open();
    await j.put({ id: "a", n: 1 });
    await appendFile(path, '{"put":{"id":"b","n"');
    const again = await open();
    expect(again.values()).toEqual([{ id: "a", n: 1 }]);
    await again.put({ id: "c", n: 1 });
    expect(await lines()).toEqual([header, JSON.stringify({ put: { id: "a", n: 1 } }), JSON.stringify({ put: { id: "c", n: 1 } })]);
    expect((await open()).values().map((r) => r.id)).toEqual(["a", "c"]);
  });

  it("refuses, and leaves untouched, a file with a bad line, another header or no header", async () => {
    const bad = [
      `${header}\n{"put":{"id":"a","n":1}}\nnot json\n{"put":{"id":"b","n":1}}\n`,
      `${header}\n{"put":{"id":"a","n":"one"}}\n`,
      `${JSON.stringify({ version: SCHEMA_VERSION + 1, journal: "things" })}\n`,
      `${JSON.stringify({ version: SCHEMA_VERSION, journal: "other" })}\n`,
      `{"people": []}`,
    ];
    for (const text of bad) {
      await writeFile(path, text);
      await expect(open()).rejects.toThrow(FileProblemError);
      await expect(open()).rejects.toThrow(/left untouched/);
      expect(await readFile(path, "utf8")).toBe(text);
    }
  });

  it("acknowledges no failed write: the change and those queued behind it are taken back, and the file is as before", async () => {
    let fail = false;
    const j = await open({ beforeWrite: () => { if (fail) throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" }); } });
    await j.put({ id: "a", n: 1 });
    const before = await readFile(path, "utf8");
    fail = true;
    const results = await Promise.allSettled([j.put({ id: "b", n: 1 }), j.put({ id: "a", n: 2 }), j.delete("a")]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(j.values()).toEqual([{ id: "a", n: 1 }]);
    expect(await readFile(path, "utf8")).toBe(before);
    fail = false;
    await j.put({ id: "b", n: 1 });
    expect((await open()).values().map((r) => r.id)).toEqual(["a", "b"]);
  });

  it("changes nothing when opened read-only, and reads a missing file as empty without creating it", async () => {
    const j = await open({ readOnly: true });
    expect(j.size).toBe(0);
    await expect(j.put({ id: "a", n: 1 })).rejects.toThrow(/read-only/);
    await expect(stat(path)).rejects.toThrow();
  });
});

describe("the store's journals", () => {
  const at = "2025-06-02T02:00:00.000Z";

  it("keeps topics, handled updates and askers out of the main file, so a message does not rewrite it", async () => {
    const file = join(dir, "db.json");
    const store = await openStore({ file });
    await store.runs.claim({ key: "seed", at });
    const main = await readFile(file, "utf8");
    await store.inbound.claim("zalo|m1", at);
    await store.topics.set({ chatKey: "zalo:1", entryId: "email-accounts-when", question: "mail bao h xong", lang: "vi", at });
    await store.askers.add({ chatKey: "zalo:1", folded: "luong", question: "Lương?", askedAt: at });
    await store.questions.record({ folded: "mail bao h xong", text: "mail bao h xong", answered: true, topic: "email", at, day: "2025-06-02" });
    await store.close();
    expect(await readFile(file, "utf8")).toBe(main);
    const again = await openStore({ file });
    expect(await again.inbound.claim("zalo|m1", at)).toBe(false);
    expect((await again.topics.get("zalo:1"))?.entryId).toBe("email-accounts-when");
    expect((await again.askers.list()).map((a) => a.folded)).toEqual(["luong"]);
    expect(await again.questions.days("2025-06-02", "2025-06-02")).toEqual([{ day: "2025-06-02", asked: 1, answered: 1, topics: { email: 1 } }]);
    await again.close();
  });

  it("moves these collections out of a data file written before the journals, losing none, even if stopped half way", async () => {
    const file = join(dir, "db.json");
    const legacy = {
      ...emptyMainFile(),
      topics: [{ chatKey: "zalo:1", entryId: "email-accounts-when", question: "q", lang: "vi", at }],
      inbound: [{ key: "zalo|m1", at }],
      askers: [{ chatKey: "zalo:2", folded: "luong", question: "Lương?", askedAt: at }],
      questionDays: [{ day: "2025-06-02", asked: 3, answered: 2, topics: { email: 2 } }],
    };
    await writeFile(file, JSON.stringify(legacy));
    // A newer topic already journalled: as if an earlier start had stopped between the journal and the main file.
    await writeFile(join(dir, "db.topics.jsonl"), `${JSON.stringify({ version: SCHEMA_VERSION, journal: "topics" })}\n${JSON.stringify({ put: { ...legacy.topics[0], entryId: "hotline-1022" } })}\n`);
    const store = await openStore({ file });
    expect((await store.topics.get("zalo:1"))?.entryId).toBe("hotline-1022");
    expect(await store.inbound.claim("zalo|m1", at)).toBe(false);
    expect((await store.askers.list()).map((a) => a.chatKey)).toEqual(["zalo:2"]);
    await store.questions.record({ folded: "", text: "", answered: false, at, day: "2025-06-02" });
    expect(await store.questions.days("2025-06-02", "2025-06-02")).toEqual([{ day: "2025-06-02", asked: 4, answered: 2, topics: { email: 2 } }]);
    await store.close();
    const main = JSON.parse(await readFile(file, "utf8")) as typeof legacy;
    expect([main.topics, main.inbound, main.askers, main.questionDays]).toEqual([[], [], [], []]);
    const again = await openStore({ file, readOnly: true });
    expect((await again.askers.list()).map((a) => a.chatKey)).toEqual(["zalo:2"]);
    await again.close();
  });
});
