import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ClosableStore, Store } from "../../src/core/ports.js";
import { openStore } from "../../src/store/open-store.js";
import { openPostgresStore } from "../../src/store/postgres/open.js";
import { SEGMENT_SIZE } from "../../src/store/segment-log.js";
import { createTestDatabases } from "../helpers/pg-database.js";

const databases = createTestDatabases(inject("pgUrl"));
let dir = "";
afterAll(async () => {
  await databases.dropAll();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const at = "2025-06-02T01:00:00.000Z";
const later = "2025-06-03T01:00:00.000Z";

/** Runs the real CLI process (`npm run cli` runs the same file), with a bounded time. */
function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { DATABASE_URL: _url, DATA_FILE: _file, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], { timeout: 60_000, env }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, out, err });
    });
  });
}

/** A data file using every collection, with status records over more than one segment. */
async function fill(store: ClosableStore, statuses: number): Promise<void> {
  await store.people.grant({ userKey: "telegram:7", name: "Lan", role: "lead", agencyId: "sokhcn-hcm", chatKey: "telegram:7", grantedBy: "telegram:1", grantedAt: at });
  await store.people.grant({ userKey: "telegram:7", name: "Lan", role: "coordinator", chatKey: "telegram:7", grantedBy: "telegram:1", grantedAt: later });
  await store.invitations.add({ codeHash: "a".repeat(64), kind: "lead", agencyId: "sokhcn-hcm", createdBy: "telegram:1", createdAt: at, expiresAt: later });
  await store.invitations.markUsed("a".repeat(64), "telegram:8", at);
  await store.chats.upsert({ chatKey: "telegram:-100", type: "group", title: "Sở KH&CN", agencyId: "sokhcn-hcm", active: true });
  await store.chats.markInactive("zalo:5", at);
  for (let start = 0; start < statuses; start += 250) {
    await Promise.all(
      Array.from({ length: Math.min(250, statuses - start) }, (_, j) =>
        store.statuses.append({
          id: `s${start + j}`,
          kind: "status",
          milestoneId: `m${(start + j) % 60}`,
          agencyId: `a${(start + j) % 7}`,
          status: (["done", "on-track", "at-risk", "blocked"] as const)[(start + j) % 4]!,
          userKey: "telegram:7",
          role: "lead",
          channel: "telegram",
          at,
        }),
      ),
    );
  }
  await store.statuses.append({ id: "n1", kind: "note", milestoneId: "m0", agencyId: "a0", status: "done", note: "ghi chú", noteFor: "s0", userKey: "telegram:7", role: "lead", channel: "zalo", at: later });
  await store.reminders.claim({ key: "m0|a0|before:1", milestoneId: "m0", agencyId: "a0", kind: "before", step: 1, plannedFor: "2025-06-02", sentAt: at }, [
    { id: "i1", chatKey: "telegram:7", ref: "m0|a0|before:1", text: [{ text: "Nhắc việc" }] as never, at },
  ]);
  await store.reminders.addDelivery({ ref: "m0|a0|before:1", chatKey: "telegram:7", result: "ok", messageId: "12", at });
  await store.questions.record({ folded: "luong", text: "Lương?", answered: false, at, day: "2025-06-02" });
  await store.questions.record({ folded: "email", text: "Email?", answered: true, topic: "email", at, day: "2025-06-02" });
  await store.questions.record({ folded: "con dau", text: "Con dấu?", answered: false, at, day: "2025-06-03" });
  await store.runs.claim({ key: "digest|2025-W23", at, data: { snapshot: { "m0|a0": "done" } } });
  await store.prompts.set({ chatKey: "telegram:7", userKey: "telegram:7", kind: "note", ref: "s1", expiresAt: later, createdAt: at });
  await store.topics.set({ chatKey: "telegram:7", entryId: "email-accounts-when", question: "Khi nào có email?", lang: "vi", at });
  await store.listings.add({ id: "l1", chatKey: "zalo:5", family: "viec", options: [{ number: 1, label: "Thư", payload: "tt m0 a0 2" }], shown: 1, createdAt: at, shownAt: at, expiresAt: later });
  await store.askers.add({ chatKey: "zalo:5", folded: "luong", question: "Lương tháng 7?", askedAt: at, lang: "vi" });
  await store.answers.add({ kind: "answer", questions: [{ folded: "luong", example: "Lương?", count: 1, firstAsked: at, lastAsked: at }], topic: "other", versions: [{ action: "answer", text: "Trước 10/08.", by: "telegram:7", byName: "Lan", role: "coordinator", at }] });
  await store.answers.setListing({ chatKey: "telegram:7", folded: ["con dau"], at });
  await store.askers.claimNotice("zalo:5", "2025-06-02", at);
  await store.inbound.claim("zalo:message:1", at);
}

/** What readers of either store see, as plain data. */
async function view(store: Store): Promise<unknown> {
  return JSON.parse(
    JSON.stringify({
      people: await store.people.list({ includeRevoked: true }),
      invitations: await store.invitations.list(),
      chats: await store.chats.list(),
      latest: [...(await store.statuses.latest())].sort((a, b) => a.recordId.localeCompare(b.recordId)),
      count: await store.statuses.count(),
      history: await store.statuses.history("m0", "a0"),
      reminders: await store.reminders.list(),
      deliveries: await store.reminders.deliveries(),
      unanswered: await store.questions.unanswered(100),
      days: await store.questions.days("2000-01-01", "2100-01-01"),
      runs: await store.runs.list(),
      prompt: await store.prompts.find("telegram:7", "telegram:7", at),
      topic: await store.topics.get("telegram:7"),
      listing: await store.listings.latest("zalo:5", undefined),
      answers: await store.answers.list(),
      questionListing: await store.answers.listing("telegram:7"),
      askers: await store.askers.list(),
      intents: await store.intents.list(),
    }),
  );
}

describe("npm run cli -- store copy", () => {
  let file = "";
  let expected: unknown;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tlhn-copy-"));
    file = join(dir, "db.json");
    const store = await openStore({ file, fsync: false });
    await fill(store, SEGMENT_SIZE + 500);
    expected = await view(store);
    await store.close();
  });

  it("copies every collection with its segment logs, prints the counts, and copies nothing the second time", async () => {
    const { url } = await databases.create();
    const first = await cli(["store", "copy", "--from", file, "--to", url]);
    expect(first.err).toBe("");
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^statuses\s+2501\s+2501$/m);
    expect(first.out).toMatch(/^deliveries\s+1\s+1$/m);
    expect(first.out).toMatch(/^people\s+2\s+2$/m);
    for (const name of ["invitations", "chats", "reminders", "unanswered", "questionDays", "runs", "prompts", "topics", "listings", "coordinatorAnswers", "askers", "questionListings", "askerNotices", "inbound", "intents"]) {
      expect(first.out).toMatch(new RegExp(`^${name}\\s+(\\d+)\\s+\\1$`, "m"));
    }
    expect(first.out).toMatch(/copied \d+ records from .*db\.json into postgres:\/\/postgres@127\.0\.0\.1:\d+\/tlhn_\w+; every collection reads back as in the file/);

    const pgStore = await openPostgresStore(url);
    expect(await view(pgStore)).toEqual(expected);
    // Copied keys keep their meaning: a copied claim is still claimed, a copied update still handled.
    expect(await pgStore.reminders.claim({ key: "m0|a0|before:1", milestoneId: "m0", agencyId: "a0", kind: "before", step: 1, plannedFor: "2025-06-02", sentAt: at })).toBe(false);
    expect(await pgStore.inbound.claim("zalo:message:1", later)).toBe(false);
    expect(await pgStore.invitations.markUsed("a".repeat(64), "telegram:9", later)).toBe(false);
    await pgStore.close();

    const second = await cli(["store", "copy", "--from", file, "--to", url]);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/already holds exactly the data of .*db\.json; nothing copied/);
    expect(second.out.split("\n").filter((l) => /^\w+\s+\d+\s+\d+$/.test(l))).toEqual(first.out.split("\n").filter((l) => /^\w+\s+\d+\s+\d+$/.test(l)));
  });

  it("refuses to copy into a database that holds other data, changing nothing, and says how to fix it", async () => {
    const { url } = await databases.create();
    const other = await openPostgresStore(url);
    await other.chats.upsert({ chatKey: "telegram:1", type: "private", active: true });
    await other.close();
    const run = await cli(["store", "copy", "--from", file, "--to", url]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/already holds other data \(people: 0 in the database, 2 in the file; .*chats: 1 in the database, 2 in the file.*Nothing was copied\. Copy into a new, empty database/);
    const check = await openPostgresStore(url);
    expect(await check.statuses.count()).toBe(0);
    expect(await check.chats.list()).toHaveLength(1);
    await check.close();
  });

  it("names a missing data file and a missing database URL", async () => {
    const missing = await cli(["store", "copy", "--from", join(dir, "nope.json"), "--to", "postgres://x@127.0.0.1:1/x"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.json does not exist; give the data file with --from/);
    const noUrl = await cli(["store", "copy", "--from", file]);
    expect(noUrl.code).toBe(1);
    expect(noUrl.err).toMatch(/give the database with --to postgres:\/\//);
  });
});
