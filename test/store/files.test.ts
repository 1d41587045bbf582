import { chmod, lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileProblemError, StoreWriteError } from "../../src/core/errors.js";
import { fileProblem, isTempName, writeFileDurably } from "../../src/store/files.js";
import { openStore } from "../../src/store/open-store.js";
import { SCHEMA_VERSION } from "../../src/store/schema.js";

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "tlhn-files-"));
  file = join(dir, "db.json");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (key: string) => ({ key, at: "2025-06-02T01:00:00.000Z" });

describe("data files on disk", () => {
  it("creates new data files readable by their owner only", async () => {
    const store = await openStore({ file });
    await store.runs.claim(run("a"));
    await store.close();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it("keeps the mode of an existing data file across writes", async () => {
    const store = await openStore({ file });
    await store.runs.claim(run("a"));
    await store.close();
    await chmod(file, 0o640);
    const again = await openStore({ file });
    await again.runs.claim(run("b"));
    await again.close();
    expect((await stat(file)).mode & 0o777).toBe(0o640);
  });

  it("keeps a symlinked data file a symlink and writes through to its target", async () => {
    const real = join(dir, "real");
    await mkdir(real);
    const target = join(real, "db.json");
    await writeFile(target, JSON.stringify({ version: SCHEMA_VERSION, people: [], invitations: [], chats: [], reminders: [], unanswered: [], questionDays: [], runs: [], prompts: [] }));
    await symlink(target, file);
    const store = await openStore({ file });
    await store.runs.claim(run("a"));
    await store.close();
    expect((await lstat(file)).isSymbolicLink()).toBe(true);
    expect(await readlink(file)).toBe(target);
    expect(JSON.parse(await readFile(target, "utf8")).runs).toHaveLength(1);
  });

  it("refuses to open a read-only data file for writing, and leaves it untouched", async () => {
    const text = JSON.stringify({ version: SCHEMA_VERSION, people: [], invitations: [], chats: [], reminders: [], unanswered: [], questionDays: [], runs: [], prompts: [] });
    await writeFile(file, text);
    await chmod(file, 0o444);
    const error = await openStore({ file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileProblemError);
    expect((error as Error).message).toMatch(/db\.json is read-only \(mode 444\).*chmod u\+w.*left untouched/s);
    expect(await readFile(file, "utf8")).toBe(text);
    const reader = await openStore({ file, readOnly: true });
    expect(await reader.runs.list()).toEqual([]);
    await reader.close();
  });

  it("refuses, not overwrites, a data file made read-only while running, and forgets the change", async () => {
    const store = await openStore({ file });
    await store.runs.claim(run("a"));
    await chmod(file, 0o444);
    const error = await store.runs.claim(run("b")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreWriteError);
    expect((error as StoreWriteError).detail).toMatch(/read-only \(mode 444\).*not overwritten/);
    expect(await store.runs.get("b")).toBeUndefined();
    expect(JSON.parse(await readFile(file, "utf8")).runs.map((r: { key: string }) => r.key)).toEqual(["a"]);
    await store.close();
  });

  it("keeps fields it does not know, in the file and on records it rewrites", async () => {
    await writeFile(
      file,
      JSON.stringify({
        version: SCHEMA_VERSION,
        people: [],
        invitations: [],
        chats: [{ chatKey: "telegram:5", type: "private", active: true, futureFlag: "x" }],
        reminders: [],
        unanswered: [],
        questionDays: [],
        runs: [],
        prompts: [],
        futureCollection: [{ a: 1 }],
      }),
    );
    const store = await openStore({ file });
    await store.runs.claim(run("a"));
    await store.close();
    const saved = JSON.parse(await readFile(file, "utf8"));
    expect(saved.futureCollection).toEqual([{ a: 1 }]);
    expect(saved.chats[0].futureFlag).toBe("x");
  });

  it("leaves no temp file behind after a write", async () => {
    const store = await openStore({ file });
    await store.runs.claim(run("a"));
    await store.statuses.append({ id: "s1", kind: "status", milestoneId: "m", agencyId: "a", status: "done", userKey: "telegram:1", role: "lead", channel: "telegram", at: "2025-06-02T01:00:00.000Z" });
    await store.close();
    expect((await readdir(dir)).filter(isTempName)).toEqual([]);
    expect((await readdir(join(dir, "db.statuses"))).filter(isTempName)).toEqual([]);
  });

  it("writes the same bytes with and without fsync", async () => {
    await writeFileDurably(join(dir, "a.json"), "{}", { fsync: true });
    await writeFileDurably(join(dir, "b.json"), "{}", { fsync: false });
    expect(await readFile(join(dir, "a.json"), "utf8")).toBe(await readFile(join(dir, "b.json"), "utf8"));
  });
});

describe("start-up failures name the file and the fix", () => {
  it("when a parent of the data file is a file", async () => {
    await writeFile(join(dir, "data"), "not a folder");
    const error = await openStore({ file: join(dir, "data", "db.json") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileProblemError);
    expect((error as Error).message).toMatch(/store: cannot create the folder .*data: .*file .*Move .* aside, or set DATA_FILE/);
  });

  it("when a segment folder is a file", async () => {
    await writeFile(join(dir, "db.statuses"), "oops");
    const error = await openStore({ file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileProblemError);
    expect((error as Error).message).toMatch(/db\.statuses should be the folder of the log's segment files, but it is a file\. Move it aside/);
  });

  it("when the data file is a folder", async () => {
    await mkdir(file);
    const error = await openStore({ file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileProblemError);
    expect((error as Error).message).toMatch(/db\.json: it is a folder where a file should be/);
  });

  it.each([
    ["EACCES", /no permission\. Give the user running the assistant/],
    ["EROFS", /the file system is read-only\. Mount the data volume writable/],
    ["ENOSPC", /the disk is full/],
  ])("for %s from the file system (no permission, read-only folder, full disk)", (code, expected) => {
    const problem = fileProblem(Object.assign(new Error(`${code}: boom`), { code }), "/srv/data", "write in the folder");
    expect(problem).toBeInstanceOf(FileProblemError);
    expect(problem.message).toMatch(/^store: cannot write in the folder \/srv\/data: /);
    expect(problem.message).toMatch(expected);
    expect(problem.message).not.toMatch(/\n\s+at /);
  });
});
