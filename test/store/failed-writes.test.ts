import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreWriteError } from "../../src/core/errors.js";
import type { Store } from "../../src/core/ports.js";
import { type ClosableStore, openStore } from "../../src/store/open-store.js";

let dir: string;
let failing = false;
const beforeWrite = () => {
  if (failing) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
};
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "tlhn-fail-"));
  failing = false;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const at = "2025-06-02T01:00:00.000Z";
const later = "2025-06-03T01:00:00.000Z";

/** Everything a reader can see, as one comparable value. */
async function snapshot(store: Store): Promise<unknown> {
  return JSON.parse(JSON.stringify({
    people: await store.people.list({ includeRevoked: true }),
    invitations: await store.invitations.list(),
    chats: await store.chats.list(),
    reminders: await store.reminders.list(),
    deliveries: await store.reminders.deliveries(),
    statuses: await store.statuses.all(),
    latest: await store.statuses.latest(),
    unanswered: await store.questions.unanswered(100),
    days: await store.questions.days("2000-01-01", "2100-01-01"),
    runs: await store.runs.list(),
    prompt: await store.prompts.find("telegram:1", "telegram:1", at),
    intents: await store.intents.list(),
    askers: await store.askers.list(),
    answers: await store.answers.list(),
    listing: await store.answers.listing("telegram:1"),
  }));
}

/** Whether the store would still accept `key` as new (i.e. it is not remembered). */
async function isNew(store: Store, key: string): Promise<boolean> {
  return store.inbound.claim(key, later);
}

async function seeded(store: Store): Promise<void> {
  await store.people.grant({ userKey: "telegram:1", name: "Lan", role: "lead", agencyId: "a", chatKey: "telegram:1", grantedBy: "telegram:9", grantedAt: at });
  await store.invitations.add({ codeHash: "h".repeat(16), kind: "lead", agencyId: "a", createdBy: "telegram:9", createdAt: at, expiresAt: later });
  await store.chats.upsert({ chatKey: "telegram:1", type: "private", active: true });
  await store.chats.upsert({ chatKey: "telegram:2", type: "private", active: false, inactiveSince: at });
  await store.prompts.set({ chatKey: "telegram:1", userKey: "telegram:1", kind: "note", ref: "r1", expiresAt: later, createdAt: at });
}

const changes: Array<[string, (s: Store) => Promise<unknown>]> = [
  ["people.grant", (s) => s.people.grant({ userKey: "telegram:3", name: "Minh", role: "coordinator", chatKey: "telegram:3", grantedBy: "telegram:9", grantedAt: at })],
  ["people.revoke", (s) => s.people.revoke("telegram:1", "telegram:9", at)],
  ["invitations.add", (s) => s.invitations.add({ codeHash: "k".repeat(16), kind: "lead", createdBy: "telegram:9", createdAt: at, expiresAt: later })],
  ["invitations.markUsed", (s) => s.invitations.markUsed("h".repeat(16), "telegram:4", at)],
  ["chats.upsert", (s) => s.chats.upsert({ chatKey: "telegram:1", type: "private", active: true, agencyId: "b" })],
  ["chats.markInactive", (s) => s.chats.markInactive("telegram:1", at)],
  ["chats.markActive", (s) => s.chats.markActive("telegram:2")],
  ["statuses.append", (s) => s.statuses.append({ id: "s1", kind: "status", milestoneId: "m", agencyId: "a", status: "blocked", userKey: "telegram:1", role: "lead", channel: "telegram", at })],
  ["reminders.claim", (s) => s.reminders.claim({ key: "m|a|due:0", milestoneId: "m", agencyId: "a", kind: "due", step: 0, plannedFor: "2025-06-02", sentAt: at })],
  ["reminders.addDelivery", (s) => s.reminders.addDelivery({ ref: "x", chatKey: "telegram:1", result: "ok", at })],
  ["questions.record (unanswered)", (s) => s.questions.record({ folded: "gia vang", text: "giá vàng", answered: false, at, day: "2025-06-02" })],
  ["questions.record (answered)", (s) => s.questions.record({ folded: "email", text: "email", answered: true, topic: "email", at, day: "2025-06-02" })],
  ["runs.claim", (s) => s.runs.claim({ key: "digest|2025-W23", at })],
  ["prompts.set", (s) => s.prompts.set({ chatKey: "telegram:1", userKey: "telegram:1", kind: "note", ref: "r2", expiresAt: later, createdAt: at })],
  ["prompts.clear", (s) => s.prompts.clear("telegram:1", "r1")],
  ["inbound.claim", (s) => s.inbound.claim("telegram:update:1", at)],
  ["intents.add", (s) => s.intents.add([{ id: "i1", chatKey: "telegram:1", ref: "alert|x", text: ["x"], at }])],
  [
    "reminders.claim (with intents)",
    (s) => s.reminders.claim({ key: "m|a|due:1", milestoneId: "m", agencyId: "a", kind: "due", step: 1, plannedFor: "2025-06-02", sentAt: at }, [{ id: "i2", chatKey: "telegram:1", ref: "m|a|due:1", text: ["x"], at }]),
  ],
  ["askers.add", (s) => s.askers.add({ chatKey: "telegram:1", folded: "gia vang", question: "giá vàng?", askedAt: at })],
  ["askers.claimNotice", (s) => s.askers.claimNotice("telegram:1", "2025-06-02", at)],
  ["answers.setListing", (s) => s.answers.setListing({ chatKey: "telegram:1", folded: ["gia vang"], at })],
];

describe("a write that fails changes nothing", () => {
  it.each(changes)("%s: memory stays as it was, the person gets 'chưa lưu được', and a retry records once", async (_name, change) => {
    const file = join(dir, "db.json");
    const store = await openStore({ file, beforeWrite });
    await seeded(store);
    const before = await snapshot(store);

    failing = true;
    const error = await change(store).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreWriteError);
    expect((error as Error).message).toMatch(/chưa lưu được .*xin thử lại/);
    expect(await snapshot(store)).toEqual(before);
    expect(store.writable()).toBe(false);
    if (_name === "inbound.claim") {
      failing = false;
      expect(await isNew(store, "telegram:update:1")).toBe(true); // the failed claim was forgotten
      await store.close();
      return;
    }

    // A later unrelated change must not carry the failed one to disk.
    failing = false;
    await store.runs.claim({ key: "unrelated", at });
    await store.close();
    const reopened = await openStore({ file, beforeWrite });
    const { runs: _r, ...rest } = await snapshot(reopened) as Record<string, unknown>;
    const { runs: _b, ...restBefore } = before as Record<string, unknown>;
    expect(rest).toEqual(restBefore);

    // Trying again records the change once.
    await change(reopened);
    const after = await snapshot(reopened);
    await reopened.close();
    const third = await openStore({ file });
    expect(await snapshot(third)).toEqual(after);
    expect(third.writable()).toBe(true);
    await third.close();
  });

  it("rejects every change waiting behind a failed write, since the rollback undid them too", async () => {
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    let writes = 0;
    const store = await openStore({
      file: join(dir, "db.json"),
      beforeWrite: async () => {
        writes++;
        await gate;
        throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
      },
    });
    const first = store.runs.claim({ key: "one", at });
    await new Promise((resolve) => setImmediate(resolve)); // the first write is now running
    const second = store.runs.claim({ key: "two", at }); // queued behind it
    const third = store.runs.claim({ key: "three", at }); // shares the queued write
    expect((await store.runs.list()).map((r) => r.key)).toEqual(["one", "two", "three"]);
    openGate();
    const results = await Promise.allSettled([first, second, third]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(writes).toBe(1); // the queued write was cancelled, not attempted
    expect(await store.runs.list()).toEqual([]);
    await store.close();
  });

  it("takes statuses it could not write back out of the log and the latest-status index", async () => {
    const store: ClosableStore = await openStore({ file: join(dir, "db.json"), beforeWrite });
    const rec = (id: string, status: "done" | "blocked") => ({ id, kind: "status" as const, milestoneId: "m", agencyId: "a", status, userKey: "telegram:1" as const, role: "lead" as const, channel: "telegram" as const, at });
    await store.statuses.append(rec("s1", "done"));
    failing = true;
    await expect(store.statuses.append(rec("s2", "blocked"))).rejects.toBeInstanceOf(StoreWriteError);
    expect((await store.statuses.latestFor("m", "a"))?.status).toBe("done");
    expect(await store.statuses.get("s2")).toBeUndefined();
    expect(await store.statuses.count()).toBe(1);
    failing = false;
    await store.statuses.append(rec("s3", "blocked"));
    await store.close();
    const reopened = await openStore({ file: join(dir, "db.json") });
    expect((await reopened.statuses.all()).map((r) => r.id)).toEqual(["s1", "s3"]);
    await reopened.close();
  });
});
