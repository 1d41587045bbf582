/**
 * The store contract: what every implementation of the Store port must do, as one suite run against each
 * (memory and a lowdb file in `npm test`, PostgreSQL in `npm run test:postgres`). Each test opens a fresh store.
 */
import { describe, expect, it } from "vitest";
import { StoreWriteError } from "../../src/core/errors.js";
import type {
  AnswerVersion,
  ClosableStore,
  LatestStatus,
  Listing,
  OutboxIntent,
  PendingPrompt,
  SentReminder,
  StatusRecord,
  Store,
} from "../../src/core/ports.js";
import { latestAsOf } from "../../src/core/digest/build.js";
import { HELP_DESK_LIMITS } from "../../src/store/help-desk.js";
import { LIMITS } from "../../src/store/open-store.js";

/** How the suite gets stores of one implementation. */
export interface ContractSubject {
  /** A new, empty store (each call: a store of its own). */
  open(): Promise<ClosableStore>;
  /** Closes `store` and opens the same data again (stores that persist), to prove round trips. */
  reopen?(store: ClosableStore): Promise<ClosableStore>;
  /** Makes every following write of `store` fail as a full disk or a refusing server would; returns the undo. */
  failWrites?(store: ClosableStore): Promise<() => Promise<void>>;
}

const at = "2025-06-02T01:00:00.000Z";
const later = "2025-06-03T01:00:00.000Z";

function status(id: string, extra: Partial<StatusRecord> = {}): StatusRecord {
  return {
    id,
    kind: "status",
    milestoneId: "email-accounts",
    agencyId: "sokhcn-hcm",
    status: "on-track",
    userKey: "telegram:7",
    userName: "Lan",
    role: "lead",
    channel: "telegram",
    at,
    ...extra,
  };
}

function reminder(key: string): SentReminder {
  return { key, milestoneId: "email-accounts", agencyId: "sokhcn-hcm", kind: "before", step: 1, plannedFor: "2025-06-02", sentAt: at };
}

function intent(id: string, ref: string): OutboxIntent {
  return { id, chatKey: "telegram:7", ref, text: [{ text: `Nhắc việc ${ref}` }] as unknown as OutboxIntent["text"], at };
}

function listing(id: string, extra: Partial<Listing> = {}): Listing {
  return {
    id,
    chatKey: "zalo:1",
    family: "viec",
    options: [{ number: 1, label: "Tài khoản thư", payload: "tt email-accounts sokhcn-hcm 2" }],
    shown: 1,
    createdAt: at,
    shownAt: at,
    expiresAt: later,
    ...extra,
  };
}

const version: AnswerVersion = { action: "answer", text: "Trước 10/08.", by: "telegram:301", byName: "Dung", role: "coordinator", at };

/** Runs `n` calls at once and resolves with their results. */
function concurrently<T>(n: number, call: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => call(i)));
}

/** Runs `n` calls in batches of `size` concurrent calls (bulk fills without one write per call on a file store). */
async function inBatches(n: number, size: number, call: (i: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < n; start += size) {
    await Promise.all(Array.from({ length: Math.min(size, n - start) }, (_, j) => call(start + j)));
  }
}

/** Everything a reader can see, as one plain value. */
async function snapshot(store: Store): Promise<unknown> {
  return JSON.parse(
    JSON.stringify({
      people: await store.people.list({ includeRevoked: true }),
      invitations: await store.invitations.list(),
      chats: await store.chats.list(),
      statuses: await store.statuses.all(),
      latest: await store.statuses.latest(),
      reminders: await store.reminders.list(),
      deliveries: await store.reminders.deliveries(),
      unanswered: await store.questions.unanswered(1000),
      days: await store.questions.days("2000-01-01", "2100-01-01"),
      runs: await store.runs.list(),
      intents: await store.intents.list(),
      answers: await store.answers.list(),
      askers: await store.askers.list(),
    }),
  );
}

/** Declares the contract suite for one store implementation. */
export function describeStoreContract(name: string, subject: ContractSubject): void {
  const withStore = (body: (store: ClosableStore) => Promise<void>) => async () => {
    const store = await subject.open();
    try {
      await body(store);
    } finally {
      await store.close();
    }
  };

  describe(`the store contract (${name})`, () => {
    it("grants roles, replaces an earlier active grant, revokes once and keeps revoked grants for attribution", withStore(async (store) => {
      const lan = { userKey: "telegram:7", name: "Lan", role: "lead", agencyId: "sokhcn-hcm", chatKey: "telegram:7", grantedBy: "telegram:1", grantedAt: at } as const;
      await store.people.grant(lan);
      await store.people.grant({ userKey: "zalo:9", name: "Minh", role: "coordinator", chatKey: "zalo:9", grantedBy: "telegram:1", grantedAt: at });
      await store.people.grant({ ...lan, agencyId: "sokhcn-brvt", grantedAt: later });
      expect((await store.people.get("telegram:7"))?.agencyId).toBe("sokhcn-brvt");
      expect((await store.people.list({ role: "lead" })).map((p) => p.agencyId)).toEqual(["sokhcn-brvt"]);
      expect((await store.people.list({ agencyId: "sokhcn-hcm" }))).toEqual([]);
      const all = await store.people.list({ includeRevoked: true });
      expect(all).toHaveLength(3);
      expect(all[0]).toMatchObject({ agencyId: "sokhcn-hcm", revokedAt: later, revokedBy: "telegram:1" });
      expect(await store.people.revoke("zalo:9", "telegram:1", later)).toBe(true);
      expect(await store.people.revoke("zalo:9", "telegram:1", later)).toBe(false);
      expect(await store.people.get("zalo:9")).toBeUndefined();
      expect((await store.people.list()).map((p) => p.userKey)).toEqual(["telegram:7"]);
    }));

    it("uses an invitation once, even when 20 people use the same code at the same moment", withStore(async (store) => {
      const codeHash = "a".repeat(64);
      await store.invitations.add({ codeHash, kind: "lead", agencyId: "sokhcn-hcm", createdBy: "telegram:1", createdAt: at, expiresAt: later });
      expect(await store.invitations.findByHash("b".repeat(64))).toBeUndefined();
      const results = await concurrently(20, (i) => store.invitations.markUsed(codeHash, `telegram:${100 + i}`, at));
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = `telegram:${100 + results.indexOf(true)}`;
      expect(await store.invitations.findByHash(codeHash)).toMatchObject({ usedBy: winner, usedAt: at });
      expect(await store.invitations.markUsed(codeHash, "telegram:5", later)).toBe(false);
      expect(await store.invitations.list()).toHaveLength(1);
      expect(await store.invitations.markUsed("c".repeat(64), "telegram:5", later)).toBe(false);
    }));

    it("upserts chats, filters them, and marks them inactive and active again", withStore(async (store) => {
      await store.chats.upsert({ chatKey: "telegram:-100", type: "group", title: "Sở KH&CN", agencyId: "sokhcn-hcm", active: true });
      await store.chats.upsert({ chatKey: "telegram:-100", type: "group", title: "Sở KH&CN TP.HCM", agencyId: "sokhcn-hcm", active: true });
      await store.chats.markInactive("zalo:55", at);
      expect(await store.chats.get("zalo:55")).toEqual({ chatKey: "zalo:55", type: "private", active: false, inactiveSince: at });
      await store.chats.markInactive("telegram:-100", at);
      expect(await store.chats.list({ active: true })).toEqual([]);
      await store.chats.markActive("telegram:-100");
      expect(await store.chats.get("telegram:-100")).toEqual({ chatKey: "telegram:-100", type: "group", title: "Sở KH&CN TP.HCM", agencyId: "sokhcn-hcm", active: true });
      expect((await store.chats.list({ agencyId: "sokhcn-hcm" })).map((c) => c.chatKey)).toEqual(["telegram:-100"]);
      expect((await store.chats.list()).map((c) => c.chatKey)).toEqual(["telegram:-100", "zalo:55"]);
    }));

    it("adds a chat only when unknown (one of 20 racing adds wins) and merges fields in one step, keeping the others", withStore(async (store) => {
      const added = await concurrently(20, (i) => store.chats.add({ chatKey: "zalo:g", type: "group", title: `Nhóm ${i}`, active: true }));
      expect(added.filter(Boolean)).toHaveLength(1);
      await store.chats.markInactive("zalo:g", at);
      await Promise.all([
        store.chats.merge("zalo:g", { agencyId: "sokhcn-hcm", registeredBy: "zalo:7", registeredAt: later, active: true, inactiveSince: undefined }),
        store.chats.merge("zalo:g", { title: "Tổ chuyển đổi số" }),
      ]);
      expect(await store.chats.get("zalo:g")).toEqual({ chatKey: "zalo:g", type: "group", title: "Tổ chuyển đổi số", agencyId: "sokhcn-hcm", registeredBy: "zalo:7", registeredAt: later, active: true });
      expect((await store.chats.list({ agencyId: "sokhcn-hcm", active: true })).map((c) => c.chatKey)).toEqual(["zalo:g"]);
      await store.chats.merge("zalo:new", { active: false, inactiveSince: at });
      expect(await store.chats.get("zalo:new")).toEqual({ chatKey: "zalo:new", type: "private", active: false, inactiveSince: at });
      expect(await store.chats.list({ active: false })).toHaveLength(1);
      expect(await store.chats.add({ chatKey: "zalo:new", type: "group", active: true })).toBe(false);
    }));

    it("makes a listing from its family and stores it in one step: two made at once see each other", withStore(async (store) => {
      const target = { chatKey: "zalo:1" as const, family: "viec", now: at };
      const seen: number[] = [];
      const made = await concurrently(2, (i) =>
        store.listings.addToFamily(target, (family) => {
          seen.push(family.length);
          return listing(`f${i}`, { options: [{ number: family.length + 1, label: `việc ${i}`, payload: `tt ${i}` }] });
        }),
      );
      expect(seen).toEqual([0, 1]);
      expect(made.map((l) => l.options[0]!.number).sort()).toEqual([1, 2]);
      expect((await store.listings.family("zalo:1", "viec", at)).map((l) => l.options[0]!.number)).toEqual([2, 1]);
    }));

    it("derives the latest status from append-only records: a later note completes only the status it belongs to", withStore(async (store) => {
      await store.statuses.append(status("s1", { status: "at-risk", note: "thiếu máy chủ" }));
      expect(await store.statuses.latestFor("email-accounts", "sokhcn-hcm")).toMatchObject({ status: "at-risk", note: "thiếu máy chủ", recordId: "s1" });
      await store.statuses.append(status("n1", { kind: "note", status: "at-risk", note: "chờ Sở Tài chính", noteFor: "s1", at: later }));
      expect(await store.statuses.latestFor("email-accounts", "sokhcn-hcm")).toMatchObject({ status: "at-risk", note: "chờ Sở Tài chính", recordId: "s1", at });
      await store.statuses.append(status("s2", { status: "done", at: later, onBehalfOf: "coordinator", role: "coordinator" }));
      await store.statuses.append(status("n2", { kind: "note", status: "at-risk", note: "muộn", noteFor: "s1", at: later }));
      const latest = await store.statuses.latestFor("email-accounts", "sokhcn-hcm");
      expect(latest).toMatchObject({ status: "done", recordId: "s2", role: "coordinator", onBehalfOf: "coordinator" });
      expect(latest?.note).toBeUndefined();
      await store.statuses.append(status("s3", { agencyId: "sokhcn-brvt", status: "blocked" }));
      expect((await store.statuses.latest()).map((l) => `${l.agencyId}:${l.status}`).sort()).toEqual(["sokhcn-brvt:blocked", "sokhcn-hcm:done"]);
      expect((await store.statuses.history("email-accounts", "sokhcn-hcm")).map((r) => r.id)).toEqual(["s1", "n1", "s2", "n2"]);
      expect(await store.statuses.get("n1")).toEqual(status("n1", { kind: "note", status: "at-risk", note: "chờ Sở Tài chính", noteFor: "s1", at: later }));
      expect(await store.statuses.get("missing")).toBeUndefined();
      expect(await store.statuses.latestFor("email-accounts", "nobody")).toBeUndefined();
      expect((await store.statuses.all()).map((r) => r.id)).toEqual(["s1", "n1", "s2", "n2", "s3"]);
      expect(await store.statuses.count()).toBe(5);
    }));

    it("gives the status picture at a moment: the latest status per pair as of then, notes merged, and the pairs active in a window", withStore(async (store) => {
      const t = (day: number) => `2025-06-${String(day).padStart(2, "0")}T01:00:00.000Z`;
      await store.statuses.append(status("s1", { status: "at-risk", note: "thiếu máy chủ", at: t(2) }));
      await store.statuses.append(status("n1", { kind: "note", status: "at-risk", note: "chờ Sở Tài chính", noteFor: "s1", at: t(4) }));
      await store.statuses.append(status("s2", { status: "done", at: t(6) }));
      await store.statuses.append(status("s3", { agencyId: "sokhcn-brvt", status: "blocked", at: t(3) }));
      await store.statuses.append(status("n3", { agencyId: "sokhcn-brvt", kind: "note", status: "blocked", note: "đã có máy", noteFor: "s3", at: t(8) }));
      const at5 = await store.statuses.picture({ since: t(4), until: t(5) });
      expect(at5.latest.sort((a, b) => a.agencyId.localeCompare(b.agencyId))).toEqual([
        { milestoneId: "email-accounts", agencyId: "sokhcn-brvt", status: "blocked", at: t(3), role: "lead", recordId: "s3" },
        { milestoneId: "email-accounts", agencyId: "sokhcn-hcm", status: "at-risk", note: "chờ Sở Tài chính", at: t(2), role: "lead", recordId: "s1" },
      ].map((l) => expect.objectContaining(l)));
      expect(at5.latest.find((l) => l.agencyId === "sokhcn-brvt")?.note).toBeUndefined();
      expect(at5.active).toEqual([{ milestoneId: "email-accounts", agencyId: "sokhcn-hcm" }]);
      const now = await store.statuses.picture({ since: t(7), until: t(9) });
      expect(now.latest.map((l) => `${l.agencyId}:${l.status}:${l.note ?? ""}`).sort()).toEqual(["sokhcn-brvt:blocked:đã có máy", "sokhcn-hcm:done:"]);
      expect(now.active).toEqual([{ milestoneId: "email-accounts", agencyId: "sokhcn-brvt" }]);
      const before = await store.statuses.picture({ since: t(1), until: t(1) });
      expect(before).toEqual({ latest: [], active: [] });
    }));

    it("gives the same picture as the latest-status rule applied to every record up to the moment (300 records, out-of-order times)", withStore(async (store) => {
      // A deterministic jumble: 12 pairs, statuses and notes (some for a status no longer the latest), times that go back and forth.
      let seed = 11;
      const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
      const kinds = ["done", "on-track", "at-risk", "blocked"] as const;
      const written: StatusRecord[] = [];
      for (let i = 0; i < 300; i++) {
        const milestoneId = `m-${rnd(3)}`;
        const agencyId = `a-${rnd(4)}`;
        const at = new Date(Date.UTC(2025, 5, 1) + rnd(20 * 24) * 3_600_000).toISOString();
        const mine = written.filter((r) => r.kind === "status" && r.milestoneId === milestoneId && r.agencyId === agencyId);
        const target = mine.length > 0 && rnd(3) === 0 ? mine[rnd(mine.length)] : undefined;
        written.push(
          target
            ? status(`r${i}`, { kind: "note", milestoneId, agencyId, status: target.status, note: `ghi chú ${i}`, noteFor: target.id, at })
            : status(`r${i}`, { milestoneId, agencyId, status: kinds[rnd(4)]!, ...(rnd(2) === 0 ? { note: `lý do ${i}` } : {}), at }),
        );
      }
      await inBatches(written.length, 50, (i) => store.statuses.append(written[i]!));
      const all = await store.statuses.all();
      const key = (p: { milestoneId: string; agencyId: string }) => `${p.milestoneId}|${p.agencyId}`;
      for (const [sinceDay, untilDay] of [[0, 25], [3, 10], [12, 14], [0, 0]] as const) {
        const since = new Date(Date.UTC(2025, 5, 1 + sinceDay)).toISOString();
        const until = new Date(Date.UTC(2025, 5, 1 + untilDay)).toISOString();
        const upTo = all.filter((r) => r.at <= until);
        const picture = await store.statuses.picture({ since, until });
        const plain = (l: LatestStatus) => JSON.parse(JSON.stringify(l)) as LatestStatus;
        expect(picture.latest.map(plain).sort((a, b) => key(a).localeCompare(key(b)))).toEqual(latestAsOf(upTo).map(plain).sort((a, b) => key(a).localeCompare(key(b))));
        expect(picture.active.map(key).sort()).toEqual([...new Set(upTo.filter((r) => r.at >= since).map(key))].sort());
      }
    }));

    it("keeps every one of 100 status records appended at once", withStore(async (store) => {
      await concurrently(100, (i) => store.statuses.append(status(`c${i}`, { agencyId: `agency-${i % 10}` })));
      expect(await store.statuses.count()).toBe(100);
      expect(new Set((await store.statuses.all()).map((r) => r.id)).size).toBe(100);
      expect(await store.statuses.latest()).toHaveLength(10);
    }));

    it("claims a reminder once: of 20 concurrent claims of one key exactly one wins, with its intents and no others", withStore(async (store) => {
      const results = await concurrently(20, (i) => store.reminders.claim(reminder("m|a|before:1"), [intent(`i${i}`, "m|a|before:1")]));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.reminders.list()).toEqual([reminder("m|a|before:1")]);
      expect((await store.intents.list()).map((i) => i.id)).toEqual([`i${results.indexOf(true)}`]);
      expect(await store.reminders.has("m|a|before:1")).toBe(true);
      expect(await store.reminders.get("m|a|before:1")).toEqual(reminder("m|a|before:1"));
      expect(await store.reminders.has("m|a|before:2")).toBe(false);
    }));

    it("claims a batch of reminders all or nothing: one key already sent writes nothing of the batch or its intents", withStore(async (store) => {
      expect(await store.reminders.claim([reminder("k1"), reminder("k2")], [intent("i1", "bundle|1")])).toBe(true);
      expect(await store.reminders.claim([reminder("k3"), reminder("k2")], [intent("i2", "bundle|2")])).toBe(false);
      expect(await store.reminders.claim([reminder("k4"), reminder("k4")])).toBe(false);
      expect((await store.reminders.list()).map((r) => r.key)).toEqual(["k1", "k2"]);
      expect((await store.intents.list()).map((i) => i.id)).toEqual(["i1"]);
      expect(await store.intents.list()).toEqual([intent("i1", "bundle|1")]);
      await store.intents.done(["i1", "unknown"]);
      expect(await store.intents.list()).toEqual([]);
      await store.intents.add([intent("i3", "alert|x"), intent("i4", "alert|y")]);
      await store.intents.add([]);
      expect((await store.intents.list()).map((i) => i.id)).toEqual(["i3", "i4"]);
    }));

    it("marks an intent attempted once, keeps the first mark, ignores an unknown id, and lists the mark", withStore(async (store) => {
      await store.intents.add([intent("i1", "alert|a"), intent("i2", "alert|b")]);
      await concurrently(5, (i) => store.intents.attempt("i1", `2025-06-02T01:00:0${i + 1}.000Z`));
      await store.intents.attempt("i1", later);
      await store.intents.attempt("gone", later);
      const listed = await store.intents.list();
      expect(listed.map((i) => i.id)).toEqual(["i1", "i2"]);
      expect(listed[0]!.attemptedAt).toMatch(/^2025-06-02T01:00:0[1-5]\.000Z$/);
      expect(listed[1]).toEqual(intent("i2", "alert|b"));
      await store.intents.done(["i1"]);
      expect(await store.intents.list()).toEqual([intent("i2", "alert|b")]);
    }));

    it("appends delivery outcomes and filters them by ref and time", withStore(async (store) => {
      await store.reminders.addDelivery({ ref: "k1", chatKey: "telegram:7", result: "ok", messageId: "10", at });
      await store.reminders.addDelivery({ ref: "k1", chatKey: "telegram:8", result: "blocked", error: "403", at: later });
      await store.reminders.addDelivery({ ref: "digest|2025-W23", chatKey: "zalo:1", result: "failed", repeat: true, at: later });
      expect((await store.reminders.deliveries()).map((d) => d.chatKey)).toEqual(["telegram:7", "telegram:8", "zalo:1"]);
      expect((await store.reminders.deliveries({ ref: "k1" })).map((d) => d.result)).toEqual(["ok", "blocked"]);
      expect((await store.reminders.deliveries({ since: later })).map((d) => d.ref)).toEqual(["k1", "digest|2025-W23"]);
      expect(await store.reminders.deliveries({ ref: "k1", since: later })).toEqual([{ ref: "k1", chatKey: "telegram:8", result: "blocked", error: "403", at: later }]);
    }));

    it("claims a run (digest, escalation, alert) once under concurrency, with its data and intents", withStore(async (store) => {
      const data = { snapshot: { "email-accounts|sokhcn-hcm": "done" }, counts: [1, 2, 3] };
      const results = await concurrently(20, (i) => store.runs.claim({ key: "digest|2025-W23", at, data }, [intent(`d${i}`, "digest|2025-W23")]));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.intents.list()).toHaveLength(1);
      expect(await store.runs.get("digest|2025-W23")).toEqual({ key: "digest|2025-W23", at, data });
      await store.runs.claim({ key: "escalation|2025-06-02", at });
      await store.runs.claim({ key: "alert|x", at: later });
      expect((await store.runs.list("digest|")).map((r) => r.key)).toEqual(["digest|2025-W23"]);
      expect((await store.runs.list()).map((r) => r.key)).toEqual(["digest|2025-W23", "escalation|2025-06-02", "alert|x"]);
      expect(await store.runs.get("nope")).toBeUndefined();
    }));

    it("records question statistics per day and unanswered questions, most asked first", withStore(async (store) => {
      await store.questions.record({ folded: "email", text: "Email?", answered: true, topic: "email", at, day: "2025-06-02" });
      await store.questions.record({ folded: "email", text: "Email?", answered: true, topic: "email", at, day: "2025-06-02" });
      await store.questions.record({ folded: "luong", text: "Lương?", answered: false, at, day: "2025-06-02" });
      await store.questions.record({ folded: "con dau", text: "Con dấu?", answered: false, at, day: "2025-06-03" });
      await store.questions.record({ folded: "con dau", text: "Con dấu mới?", answered: false, at: later, day: "2025-06-03" });
      await store.questions.record({ folded: "", text: "?", answered: false, at, day: "2025-06-03" });
      expect(await store.questions.days("2025-06-01", "2025-06-02")).toEqual([{ day: "2025-06-02", asked: 3, answered: 2, topics: { email: 2 } }]);
      expect(await store.questions.days("2025-06-03", "2025-06-09")).toEqual([{ day: "2025-06-03", asked: 3, answered: 0, topics: {} }]);
      expect(await store.questions.unanswered()).toEqual([
        { folded: "con dau", example: "Con dấu?", count: 2, firstAsked: at, lastAsked: later },
        { folded: "luong", example: "Lương?", count: 1, firstAsked: at, lastAsked: at },
      ]);
      expect(await store.questions.unanswered(1)).toHaveLength(1);
    }));

    it("bounds unanswered questions and question days whatever people type", withStore(async (store) => {
      await store.questions.record({ folded: "hot", text: "x".repeat(LIMITS.exampleLength + 50), answered: false, at, day: "2025-06-02" });
      await store.questions.record({ folded: "hot", text: "x", answered: false, at, day: "2025-06-02" });
      await inBatches(LIMITS.unanswered + 20, 100, (i) =>
        store.questions.record({ folded: `q${i}`, text: `q${i}`, answered: false, at, day: "2025-06-02" }),
      );
      const kept = await store.questions.unanswered(10_000);
      expect(kept).toHaveLength(LIMITS.unanswered);
      expect(kept[0]).toMatchObject({ folded: "hot", count: 2 });
      expect(kept[0]!.example).toHaveLength(LIMITS.exampleLength);
      const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      await inBatches(LIMITS.questionDays + 5, 100, (i) => store.questions.record({ folded: "", text: "", answered: true, at, day: day(i) }));
      const days = await store.questions.days("2000-01-01", "2100-01-01");
      expect(days).toHaveLength(LIMITS.questionDays);
      // With 2025-06-02 from the first records, the six oldest days went.
      expect(days[0]!.day).toBe(day(6));
    }));

    it("keeps one pending prompt per chat, user and kind, finds the newest unexpired one, and clears it", withStore(async (store) => {
      const prompt = (ref: string, extra: Partial<PendingPrompt> = {}): PendingPrompt => ({
        chatKey: "telegram:7",
        userKey: "telegram:7",
        kind: "note",
        ref,
        expiresAt: later,
        createdAt: at,
        ...extra,
      });
      await store.prompts.set(prompt("s1"));
      await store.prompts.set(prompt("s2", { createdAt: "2025-06-02T02:00:00.000Z" }));
      await store.prompts.set(prompt("k1", { kind: "reminder" }));
      expect((await store.prompts.find("telegram:7", "telegram:7", at))?.ref).toBe("s2");
      expect((await store.prompts.find("telegram:7", "telegram:7", at, "reminder"))?.ref).toBe("k1");
      expect(await store.prompts.find("telegram:7", "telegram:8", at)).toBeUndefined();
      expect((await store.prompts.find("telegram:7", undefined, at))?.ref).toBe("s2");
      expect(await store.prompts.find("telegram:7", "telegram:7", later)).toBeUndefined();
      await store.prompts.clear("telegram:7", "s2");
      expect((await store.prompts.find("telegram:7", "telegram:7", at))?.ref).toBe("k1");
      // A prompt for anyone in a group is found for every user of it.
      await store.prompts.set(prompt("g1", { chatKey: "telegram:-5", userKey: undefined }));
      expect((await store.prompts.find("telegram:-5", "telegram:9", at))?.ref).toBe("g1");
    }));

    it("remembers each chat's last topic, shortened, and forgets the oldest chats beyond the bound", withStore(async (store) => {
      await store.topics.set({ chatKey: "telegram:1", entryId: "email-accounts-when", question: "q".repeat(LIMITS.exampleLength + 9), lang: "vi", at });
      expect((await store.topics.get("telegram:1"))?.question).toHaveLength(LIMITS.exampleLength);
      await store.topics.set({ chatKey: "telegram:1", entryId: "seal", question: "Con dấu?", lang: "en", at: later });
      expect(await store.topics.get("telegram:1")).toEqual({ chatKey: "telegram:1", entryId: "seal", question: "Con dấu?", lang: "en", at: later });
      await inBatches(LIMITS.topics, 200, (i) => store.topics.set({ chatKey: `zalo:${i}`, entryId: "seal", question: "?", lang: "vi", at }));
      expect(await store.topics.get("telegram:1")).toBeUndefined();
      expect(await store.topics.get(`zalo:${LIMITS.topics - 1}`)).toBeDefined();
      expect(await store.topics.get("telegram:404")).toBeUndefined();
    }));

    it("keeps the newest listings per chat, finds the latest and a family's unexpired ones, and updates in place", withStore(async (store) => {
      for (let i = 0; i < LIMITS.listingsPerChat + 3; i++) {
        await store.listings.add(listing(`l${i}`, { createdAt: `2025-06-02T01:00:${String(i).padStart(2, "0")}.000Z` }));
      }
      await store.listings.add(listing("other", { chatKey: "zalo:2" }));
      const family = await store.listings.family("zalo:1", "viec", at);
      expect(family.map((l) => l.id)).toEqual(Array.from({ length: LIMITS.listingsPerChat }, (_, i) => `l${LIMITS.listingsPerChat + 2 - i}`));
      expect(await store.listings.family("zalo:1", "viec", later)).toEqual([]);
      expect((await store.listings.latest("zalo:1", undefined))?.id).toBe(`l${LIMITS.listingsPerChat + 2}`);
      await store.listings.update({ ...listing("l5", { createdAt: "2025-06-02T01:00:05.000Z" }), shown: 7 });
      expect((await store.listings.latest("zalo:1", "zalo:1"))?.id).toBe(`l${LIMITS.listingsPerChat + 2}`);
      expect((await store.listings.family("zalo:1", "viec", at)).find((l) => l.id === "l5")?.shown).toBe(7);
      // Long expired listings go when a new one comes, in any chat.
      const muchLater = new Date(Date.parse(later) + LIMITS.listingGraceMs + 1000).toISOString();
      await store.listings.add(listing("fresh", { chatKey: "zalo:3", createdAt: muchLater, shownAt: muchLater, expiresAt: muchLater }));
      expect(await store.listings.latest("zalo:2", undefined)).toBeUndefined();
      expect(await store.listings.latest("zalo:1", "zalo:9")).toBeUndefined();
    }));

    it("numbers coordinator answers, resolves their questions and askers, and reopens them when withdrawn", withStore(async (store) => {
      await store.questions.record({ folded: "luong", text: "Lương?", answered: false, at, day: "2025-06-02" });
      await store.askers.add({ chatKey: "zalo:9", folded: "luong", question: "Lương tháng 7?", askedAt: at, lang: "vi" });
      const q = (await store.questions.unanswered())[0]!;
      const answers = await concurrently(3, () => store.answers.add({ kind: "answer", questions: [q], topic: "other", versions: [version] }));
      expect(answers.map((a) => a.id).sort()).toEqual(["gd1", "gd2", "gd3"]);
      expect(await store.questions.unanswered()).toEqual([]);
      const gd1 = await store.answers.get("GD1");
      expect(gd1).toEqual({ id: "gd1", kind: "answer", questions: [q], topic: "other", versions: [version] });
      const answerId = (await store.askers.list())[0]!.answerId!;
      expect(answers.map((a) => a.id)).toContain(answerId);
      const edited = await store.answers.append(answerId, { ...version, action: "edit", text: "Trước 05/08." });
      expect(edited?.versions.map((v) => v.text)).toEqual(["Trước 10/08.", "Trước 05/08."]);
      await store.questions.record({ folded: "luong", text: "Lương nữa?", answered: false, at: later, day: "2025-06-03" });
      await store.answers.append(answerId, { ...version, action: "withdraw", text: undefined, at: later });
      expect(await store.questions.unanswered()).toEqual([{ folded: "luong", example: "Lương nữa?", count: 2, firstAsked: at, lastAsked: later }]);
      expect((await store.askers.list())[0]!.answerId).toBeUndefined();
      expect(await store.answers.append("gd99", version)).toBeUndefined();
      expect((await store.answers.get(answerId))?.versions).toHaveLength(3);
      await store.answers.setListing({ chatKey: "telegram:1", folded: ["a", "b"], at });
      await store.answers.setListing({ chatKey: "telegram:1", folded: ["c"], at: later });
      expect(await store.answers.listing("telegram:1")).toEqual({ chatKey: "telegram:1", folded: ["c"], at: later });
      expect(await store.answers.listing("telegram:2")).toBeUndefined();
      expect((await store.answers.list()).map((a) => a.id)).toHaveLength(3);
    }));

    it("keeps askers once per chat and question, hands each to one of two concurrent takers, and prunes old ones", withStore(async (store) => {
      // The answers the askers wait for (an asker's answerId names an answer that resolved its question).
      for (const folded of ["a", "b"]) {
        await store.answers.add({ kind: "answer", questions: [{ folded, example: folded, count: 1, firstAsked: at, lastAsked: at }], topic: "other", versions: [version] });
      }
      await store.askers.add({ chatKey: "telegram:1", folded: "a", question: "A?", askedAt: at, answerId: "gd1" });
      await store.askers.add({ chatKey: "telegram:1", folded: "a", question: "A again?", askedAt: later, answerId: "gd1" });
      await store.askers.add({ chatKey: "telegram:1", folded: "b", question: "x".repeat(HELP_DESK_LIMITS.questionLength + 5), askedAt: at, answerId: "gd2" });
      expect((await store.askers.list())[0]).toEqual({ chatKey: "telegram:1", folded: "a", question: "A?", askedAt: later, answerId: "gd1" });
      expect((await store.askers.list())[1]!.question).toHaveLength(HELP_DESK_LIMITS.questionLength);
      const [one, two] = await Promise.all([store.askers.take("telegram:1", ["gd1", "gd2"]), store.askers.take("telegram:1", ["gd1", "gd2"])]);
      expect([...one!, ...two!].map((a) => a.folded).sort()).toEqual(["a", "b"]);
      expect(await store.askers.list()).toEqual([]);
      await store.askers.restore([...one!, ...two!]);
      expect(await store.askers.list()).toHaveLength(2);
      expect(await store.askers.take("telegram:2", ["gd1"])).toEqual([]);
      expect(await store.askers.prune(later)).toBe(1);
      expect((await store.askers.list()).map((a) => a.folded)).toEqual(["a"]);
    }));

    it("gives a chat one notice a day even when 20 claims race, and gives it back when released", withStore(async (store) => {
      const results = await concurrently(20, () => store.askers.claimNotice("zalo:1", "2025-06-02", at));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.askers.claimNotice("zalo:1", "2025-06-03", later)).toBe(true);
      await store.askers.releaseNotice("zalo:1", "2025-06-02");
      expect(await store.askers.claimNotice("zalo:1", "2025-06-02", later)).toBe(true);
    }));

    it("handles an update once: 20 concurrent claims of one key, one wins; a repeated press counts again after its window", withStore(async (store) => {
      const results = await concurrently(20, () => store.inbound.claim("zalo:message:1", at));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.inbound.claim("zalo:message:1", later)).toBe(false);
      expect(await store.inbound.claim("press:1", at, 2000)).toBe(true);
      expect(await store.inbound.claim("press:1", "2025-06-02T01:00:01.000Z", 2000)).toBe(false);
      expect(await store.inbound.claim("press:1", "2025-06-02T01:00:02.500Z", 2000)).toBe(true);
    }));

    it("forgets the oldest handled updates beyond the bound", withStore(async (store) => {
      await store.inbound.claim("first", at);
      await inBatches(LIMITS.inbound - 10, 500, (i) => store.inbound.claim(`bulk:${i}`, at));
      for (let i = 0; i < 10; i++) expect(await store.inbound.claim(`last:${i}`, at)).toBe(true);
      expect(await store.inbound.claim("first", later)).toBe(true);
      for (let i = 0; i < 10; i++) expect(await store.inbound.claim(`last:${i}`, later)).toBe(false);
    }));

    if (subject.failWrites) {
      const failWrites = subject.failWrites;
      it("never acknowledges a write that failed: it rejects with StoreWriteError, nothing of it remains, and the next one works", withStore(async (store) => {
        await store.chats.upsert({ chatKey: "telegram:1", type: "private", active: true });
        const before = await snapshot(store);
        const undo = await failWrites(store);
        await expect(store.chats.upsert({ chatKey: "telegram:2", type: "private", active: true })).rejects.toBeInstanceOf(StoreWriteError);
        await expect(store.statuses.append(status("lost"))).rejects.toBeInstanceOf(StoreWriteError);
        await expect(store.reminders.claim(reminder("lost"), [intent("lost", "lost")])).rejects.toBeInstanceOf(StoreWriteError);
        expect(store.writable()).toBe(false);
        expect(await snapshot(store)).toEqual(before);
        await undo();
        expect(await store.reminders.claim(reminder("lost"), [intent("lost", "lost")])).toBe(true);
        await store.chats.upsert({ chatKey: "telegram:2", type: "private", active: true });
        expect(store.writable()).toBe(true);
        expect((await store.chats.list()).map((c) => c.chatKey)).toEqual(["telegram:1", "telegram:2"]);
      }));
    }

    if (subject.reopen) {
      const reopen = subject.reopen;
      it("keeps everything across a close and reopen", async () => {
        let store = await subject.open();
        try {
          await store.people.grant({ userKey: "telegram:7", name: "Lan", role: "lead", agencyId: "sokhcn-hcm", chatKey: "telegram:7", grantedBy: "telegram:1", grantedAt: at });
          await store.invitations.add({ codeHash: "d".repeat(64), kind: "coordinator", createdBy: "telegram:1", createdAt: at, expiresAt: later });
          await store.chats.upsert({ chatKey: "zalo:1", type: "private", active: true });
          await store.statuses.append(status("s1", { note: "ổn" }));
          await store.statuses.append(status("n1", { kind: "note", note: "đã xong phần lớn", noteFor: "s1" }));
          await store.reminders.claim(reminder("k1"), [intent("i1", "k1"), intent("i2", "k1")]);
          await store.intents.attempt("i2", later);
          await store.reminders.addDelivery({ ref: "k1", chatKey: "telegram:7", result: "ok", intentId: "i1", at });
          await store.questions.record({ folded: "luong", text: "Lương?", answered: false, at, day: "2025-06-02" });
          await store.runs.claim({ key: "digest|2025-W23", at, data: { a: [1, { b: "c" }] } });
          await store.askers.add({ chatKey: "zalo:1", folded: "luong", question: "Lương?", askedAt: at });
          await store.answers.add({ kind: "answer", questions: (await store.questions.unanswered()).slice(0, 1), topic: "other", versions: [version] });
          const before = await snapshot(store);
          store = await reopen(store);
          expect(await snapshot(store)).toEqual(before);
          expect(await store.inbound.claim("k", at)).toBe(true);
        } finally {
          await store.close();
        }
      });
    }

    it("reports itself writable while open, and flushes and closes", withStore(async (store) => {
      expect(store.writable()).toBe(true);
      const pending = store.chats.upsert({ chatKey: "telegram:3", type: "private", active: true });
      await store.flush();
      await pending;
      expect(await store.chats.get("telegram:3")).toBeDefined();
    }));
  });
}
