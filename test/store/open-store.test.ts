import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileProblemError } from "../../src/core/errors.js";
import type { StatusRecord } from "../../src/core/ports.js";
import { LIMITS, openStore } from "../../src/store/open-store.js";
import { SEGMENT_SIZE } from "../../src/store/segment-log.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "tlhn-store-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function status(i: number, extra: Partial<StatusRecord> = {}): StatusRecord {
  return {
    id: `s${i}`,
    kind: "status",
    milestoneId: "email-lists",
    agencyId: "sokhcn-binhduong",
    status: "on-track",
    userKey: "telegram:1",
    role: "lead",
    channel: "telegram",
    at: `2025-05-0${(i % 9) + 1}T08:00:00.000Z`,
    ...extra,
  };
}

describe("openStore", () => {
  it("starts empty when the file does not exist, and round-trips data through the file", async () => {
    const file = join(dir, "db.json");
    const store = await openStore({ file });
    await store.people.grant({
      userKey: "telegram:7",
      name: "Lan",
      role: "lead",
      agencyId: "sokhcn-brvt",
      chatKey: "telegram:7",
      grantedBy: "telegram:1",
      grantedAt: "2025-05-01T00:00:00.000Z",
    });
    await store.statuses.append(status(1));
    await store.close();

    const again = await openStore({ file });
    expect((await again.people.get("telegram:7"))?.agencyId).toBe("sokhcn-brvt");
    expect((await again.statuses.latestFor("email-lists", "sokhcn-binhduong"))?.status).toBe("on-track");
    await again.close();
  });

  it("refuses a corrupt file, names it, and leaves it byte-for-byte untouched", async () => {
    const file = join(dir, "db.json");
    const garbage = '{"version": 1, "people": [ this is not json';
    await writeFile(file, garbage);
    await expect(openStore({ file })).rejects.toThrow(/db\.json is not valid JSON .*left untouched/s);
    expect(await readFile(file, "utf8")).toBe(garbage);
  });

  it("refuses a file of an unknown schema version without overwriting it", async () => {
    const file = join(dir, "db.json");
    const future = JSON.stringify({ version: 99, people: [] });
    await writeFile(file, future);
    const error = await openStore({ file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileProblemError);
    expect((error as Error).message).toMatch(/schema version 99, but this program reads version 1/);
    expect(await readFile(file, "utf8")).toBe(future);
  });

  it("refuses a file whose structure is wrong and lists where", async () => {
    const file = join(dir, "db.json");
    await writeFile(file, JSON.stringify({ version: 1, people: "nobody" }));
    await expect(openStore({ file })).rejects.toThrow(/does not match the expected structure[\s\S]*people/);
  });

  it("refuses a corrupt status segment and leaves it untouched", async () => {
    const file = join(dir, "db.json");
    const store = await openStore({ file });
    await store.statuses.append(status(1));
    await store.close();
    const segment = join(dir, "db.statuses", "000001.json");
    await writeFile(segment, "{ broken");
    await expect(openStore({ file })).rejects.toThrow(/000001\.json is not valid JSON/);
    expect(await readFile(segment, "utf8")).toBe("{ broken");
  });

  it("keeps status records append-only and derives the latest status, merging a later note", async () => {
    const store = await openStore({ file: ":memory:" });
    await store.statuses.append(status(1, { status: "on-track", at: "2025-05-01T01:00:00.000Z" }));
    await store.statuses.append(status(2, { status: "blocked", at: "2025-05-02T01:00:00.000Z" }));
    await store.statuses.append(status(3, { kind: "note", noteFor: "s2", status: "blocked", note: "Thiếu danh sách", at: "2025-05-02T02:00:00.000Z" }));
    expect((await store.statuses.history("email-lists", "sokhcn-binhduong")).map((r) => r.id)).toEqual(["s1", "s2", "s3"]);
    expect(await store.statuses.latestFor("email-lists", "sokhcn-binhduong")).toMatchObject({ status: "blocked", note: "Thiếu danh sách", recordId: "s2" });
    expect(await store.statuses.count()).toBe(3);
  });

  it("writes status records into bounded segment files, so one append never rewrites the whole log", async () => {
    const file = join(dir, "db.json");
    const store = await openStore({ file });
    const total = SEGMENT_SIZE + 5;
    for (let i = 0; i < total; i += 500) {
      await Promise.all(Array.from({ length: Math.min(500, total - i) }, (_, j) => store.statuses.append(status(i + j))));
    }
    await store.close();
    const segments = (await readdir(join(dir, "db.statuses"))).sort();
    expect(segments).toEqual(["000001.json", "000002.json"]);
    const reopened = await openStore({ file });
    expect(await reopened.statuses.count()).toBe(total);
    await reopened.close();
  });

  it("does not lose concurrent writes", async () => {
    const file = join(dir, "db.json");
    const store = await openStore({ file });
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.statuses.append(status(i))));
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.runs.claim({ key: `run-${i}`, at: "2025-05-01T00:00:00.000Z" }),
      ),
    );
    await store.close();
    const reopened = await openStore({ file });
    expect(await reopened.statuses.count()).toBe(50);
    expect(await reopened.runs.list("run-")).toHaveLength(20);
    await reopened.close();
  });

  it("refuses a second opener of the same file while the first holds it, naming the holder", async () => {
    const file = join(dir, "db.json");
    const store = await openStore({ file });
    const error = await openStore({ file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileProblemError);
    expect((error as Error).message).toMatch(new RegExp(`in use by another process \\(pid ${process.pid} on host .+, running since .+heartbeat \\d+ s ago\\)`));
    await store.close();
    const again = await openStore({ file });
    await again.close();
  });

  it("claims a run or reminder key only once", async () => {
    const store = await openStore({ file: ":memory:" });
    const reminder = { key: "a|b|due:0", milestoneId: "a", agencyId: "b", kind: "due" as const, step: 0, plannedFor: "2025-05-09", sentAt: "x".repeat(10) };
    expect(await store.reminders.claim(reminder)).toBe(true);
    expect(await store.reminders.claim(reminder)).toBe(false);
    expect(await store.runs.claim({ key: "digest|2025-W20", at: "2025-05-12T01:00:00.000Z" })).toBe(true);
    expect(await store.runs.claim({ key: "digest|2025-W20", at: "2025-05-12T02:00:00.000Z" })).toBe(false);
  });

  it("keeps unanswered questions bounded under a flood, dropping the least asked", async () => {
    const store = await openStore({ file: ":memory:" });
    const ask = (folded: string, at: string) => store.questions.record({ folded, text: folded, answered: false, at, day: at.slice(0, 10) });
    await ask("gia vang hom nay", "2025-05-01T00:00:00.000Z");
    await ask("gia vang hom nay", "2025-05-01T00:01:00.000Z");
    for (let i = 0; i < LIMITS.unanswered + 50; i++) await ask(`spam ${i}`, "2025-05-02T00:00:00.000Z");
    const top = await store.questions.unanswered(1000);
    expect(top.length).toBe(LIMITS.unanswered);
    expect(top[0]).toMatchObject({ folded: "gia vang hom nay", count: 2 });
    expect((await store.questions.days("2025-05-01", "2025-05-02")).map((d) => d.asked)).toEqual([2, LIMITS.unanswered + 50]);
  });

  it("opens read-only without a lock, refuses changes and never writes", async () => {
    const file = join(dir, "db.json");
    const writer = await openStore({ file });
    await writer.statuses.append(status(1));
    await writer.runs.claim({ key: "k", at: "2025-05-01T00:00:00.000Z" });
    const before = await readFile(file, "utf8");
    const reader = await openStore({ file, readOnly: true }); // the writer still holds the lock
    expect(await reader.statuses.count()).toBe(1);
    await expect(reader.runs.claim({ key: "k2", at: "2025-05-01T00:00:00.000Z" })).rejects.toThrow(/opened read-only/);
    await expect(reader.statuses.append(status(2))).rejects.toThrow(/opened read-only/);
    await reader.close();
    await writer.close();
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("creates no file or folder when a missing data file is opened read-only", async () => {
    const file = join(dir, "data", "db.json");
    const reader = await openStore({ file, readOnly: true });
    expect(await reader.statuses.count()).toBe(0);
    await reader.close();
    expect(await readdir(dir)).toEqual([]);
  });

  it("does not create or rewrite the data file when nothing changed", async () => {
    const file = join(dir, "db.json");
    const store = await openStore({ file });
    await store.close();
    await expect(readFile(file, "utf8")).rejects.toThrow(/ENOENT/);
  });
});

describe("inbound keys", () => {
  it("claims an update id once, across a restart", async () => {
    const file = join(dir, "db.json");
    const store = await openStore({ file });
    expect(await store.inbound.claim("telegram:update:7", "2025-06-02T01:00:00.000Z")).toBe(true);
    expect(await store.inbound.claim("telegram:update:7", "2025-06-02T01:00:01.000Z")).toBe(false);
    await store.close();
    const again = await openStore({ file });
    expect(await again.inbound.claim("telegram:update:7", "2025-06-03T01:00:00.000Z")).toBe(false);
    await again.close();
  });

  it("claims a key again once the window has passed", async () => {
    const store = await openStore({ file: ":memory:" });
    expect(await store.inbound.claim("press", "2025-06-02T01:00:00.000Z", 10_000)).toBe(true);
    expect(await store.inbound.claim("press", "2025-06-02T01:00:05.000Z", 10_000)).toBe(false);
    expect(await store.inbound.claim("press", "2025-06-02T01:00:11.000Z", 10_000)).toBe(true);
  });

  it("stays bounded, forgetting the oldest keys first", async () => {
    const store = await openStore({ file: ":memory:" });
    for (let i = 0; i < LIMITS.inbound + 10; i++) await store.inbound.claim(`k${i}`, "2025-06-02T01:00:00.000Z");
    expect(await store.inbound.claim("k0", "2025-06-02T01:00:00.000Z")).toBe(true);
    expect(await store.inbound.claim(`k${LIMITS.inbound + 9}`, "2025-06-02T01:00:00.000Z")).toBe(false);
  });
});
