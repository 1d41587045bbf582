import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AnswerVersion } from "../../src/core/ports.js";
import { openStore } from "../../src/store/open-store.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "tlhn-helpdesk-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const at = "2025-05-01T02:00:00.000Z";
const version: AnswerVersion = { action: "answer", text: "Trước 10/08.", by: "telegram:301", byName: "Dung", role: "coordinator", at };

describe("the help-desk collections of the store", () => {
  it("loads a data file written before they existed, as empty collections", async () => {
    const file = join(dir, "db.json");
    await writeFile(file, JSON.stringify({ version: 1, people: [], invitations: [], chats: [], reminders: [], unanswered: [], questionDays: [], runs: [], prompts: [] }));
    const store = await openStore({ file });
    expect(await store.answers.list()).toEqual([]);
    expect(await store.askers.list()).toEqual([]);
    await store.close();
  });

  it("round-trips answers, versions and askers through the file, and numbers answers gd1, gd2, …", async () => {
    const file = join(dir, "db.json");
    const store = await openStore({ file });
    await store.questions.record({ folded: "luong thang 7", text: "Lương tháng 7?", answered: false, at, day: "2025-05-01" });
    await store.askers.add({ chatKey: "zalo:9", folded: "luong thang 7", question: "Lương tháng 7?", askedAt: at });
    const q = (await store.questions.unanswered())[0]!;
    const first = await store.answers.add({ kind: "answer", questions: [q], topic: "other", versions: [version] });
    await store.answers.append(first.id, { ...version, action: "edit", text: "Trước 05/08." });
    const second = await store.answers.add({ kind: "link", questions: [q], topic: "email", versions: [{ ...version, action: "link", entryId: "email-accounts-when" }] });
    expect([first.id, second.id]).toEqual(["gd1", "gd2"]);
    await store.close();

    const again = await openStore({ file });
    expect((await again.answers.get("GD1"))!.versions.map((v) => v.text)).toEqual(["Trước 10/08.", "Trước 05/08."]);
    expect(await again.askers.list()).toEqual([{ chatKey: "zalo:9", folded: "luong thang 7", question: "Lương tháng 7?", askedAt: at, answerId: "gd1" }]);
    expect(await again.questions.unanswered()).toEqual([]);
    await again.close();
  });

  it("hands each asker to only one of two concurrent takers", async () => {
    const store = await openStore({ file: ":memory:" });
    await store.askers.add({ chatKey: "telegram:1", folded: "a", question: "a", askedAt: at });
    await store.answers.add({ kind: "answer", questions: [{ folded: "a", example: "a", count: 1, firstAsked: at, lastAsked: at }], topic: "other", versions: [version] });
    const [a, b] = await Promise.all([store.askers.take("telegram:1", ["gd1"]), store.askers.take("telegram:1", ["gd1"])]);
    expect(a.length + b.length).toBe(1);
  });

  it("grants one notice per chat and day, even to two concurrent claims", async () => {
    const store = await openStore({ file: ":memory:" });
    const claims = await Promise.all([store.askers.claimNotice("zalo:1", "2025-05-01", at), store.askers.claimNotice("zalo:1", "2025-05-01", at)]);
    expect(claims.sort()).toEqual([false, true]);
    expect(await store.askers.claimNotice("zalo:1", "2025-05-02", "2025-05-02T02:00:00.000Z")).toBe(true);
  });

  it("keeps one record when the same chat asks the same question again", async () => {
    const store = await openStore({ file: ":memory:" });
    await store.askers.add({ chatKey: "telegram:1", folded: "a", question: "a", askedAt: at });
    await store.askers.add({ chatKey: "telegram:1", folded: "a", question: "a?", askedAt: "2025-05-02T02:00:00.000Z" });
    expect(await store.askers.list()).toEqual([{ chatKey: "telegram:1", folded: "a", question: "a", askedAt: "2025-05-02T02:00:00.000Z" }]);
  });
});
