import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Content } from "../../src/core/content/schema.js";
import type { Store } from "../../src/core/ports.js";
import { deliverReminders, type ReminderToSend } from "../../src/core/reminders/deliver.js";
import { openStore } from "../../src/store/open-store.js";
import { createTestApp } from "../helpers/app.js";

/**
 * Every read method of every repository, called with harmless arguments. A read that answers synchronously
 * would let a caller forget `await` unnoticed with the embedded store and break only with PostgreSQL.
 */
function everyRead(store: Store): [string, () => unknown][] {
  const at = "2025-05-01T00:00:00.000Z";
  return [
    ["people.get", () => store.people.get("telegram:1")],
    ["people.list", () => store.people.list()],
    ["invitations.findByHash", () => store.invitations.findByHash("x")],
    ["invitations.list", () => store.invitations.list()],
    ["chats.get", () => store.chats.get("telegram:1")],
    ["chats.list", () => store.chats.list()],
    ["statuses.get", () => store.statuses.get("st-1")],
    ["statuses.history", () => store.statuses.history("m", "a")],
    ["statuses.latest", () => store.statuses.latest()],
    ["statuses.latestFor", () => store.statuses.latestFor("m", "a")],
    ["statuses.all", () => store.statuses.all()],
    ["statuses.count", () => store.statuses.count()],
    ["reminders.has", () => store.reminders.has("k")],
    ["reminders.get", () => store.reminders.get("k")],
    ["reminders.list", () => store.reminders.list()],
    ["reminders.deliveries", () => store.reminders.deliveries()],
    ["questions.unanswered", () => store.questions.unanswered()],
    ["questions.days", () => store.questions.days("2025-01-01", "2025-12-31")],
    ["runs.get", () => store.runs.get("r")],
    ["runs.list", () => store.runs.list()],
    ["prompts.find", () => store.prompts.find("telegram:1", undefined, at)],
    ["topics.get", () => store.topics.get("telegram:1")],
    ["listings.latest", () => store.listings.latest("telegram:1", undefined)],
    ["listings.family", () => store.listings.family("telegram:1", "viec", at)],
    ["answers.list", () => store.answers.list()],
    ["answers.get", () => store.answers.get("gd1")],
    ["answers.listing", () => store.answers.listing("telegram:1")],
    ["askers.list", () => store.askers.list()],
    ["intents.list", () => store.intents.list()],
  ];
}

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe("the asynchronous store interface", () => {
  it("answers every read of the in-memory store with a promise", async () => {
    const store = await openStore({ file: ":memory:" });
    for (const [name, read] of everyRead(store)) expect(read(), name).toBeInstanceOf(Promise);
    await store.close();
  });

  it("answers every read of the file store with a promise", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tlhn-async-"));
    dirs.push(dir);
    const store = await openStore({ file: join(dir, "db.json"), fsync: false });
    for (const [name, read] of everyRead(store)) expect(read(), name).toBeInstanceOf(Promise);
    await store.close();
  });

  it("still claims in the same tick: of two reminder runs started together, one sends and the other sends nothing", async () => {
    const app = await createTestApp();
    const agencyId = "sokhcn-binhduong";
    await app.store.people.grant({ userKey: "telegram:42", name: "Chị Lan", role: "lead", agencyId, chatKey: "telegram:42", grantedBy: "console:admin", grantedAt: "2025-04-20T00:00:00.000Z" });
    const deps = { content: app.content, calendar: app.services.calendar, store: app.store, outbox: app.outbox, log: app.log };
    const batch = (content: Content): ReminderToSend[] =>
      ["email-lists", "video-conference-state"].map((id) => ({
        key: `${id}|${agencyId}|before:1`,
        milestone: content.milestones.find((m) => m.id === id)!,
        agencyId,
        kind: "before",
        step: 1,
        plannedFor: "2025-05-01",
        today: "2025-05-01",
        now: new Date("2025-05-01T01:30:00.000Z"),
      }));
    // Both runs read "not sent yet" before either claims: only the atomic claim can keep them apart.
    const [first, second] = await Promise.all([deliverReminders(deps, batch(app.content)), deliverReminders(deps, batch(app.content))]);
    const claimed = [...first.values(), ...second.values()].filter((o) => o.claimed);
    expect(claimed).toHaveLength(2);
    expect(app.outbox.sent.map((m) => m.ref).sort()).toEqual([`email-lists|${agencyId}|before:1`, `video-conference-state|${agencyId}|before:1`]);
    expect((await app.store.reminders.list()).map((r) => r.key).sort()).toEqual(app.outbox.sent.map((m) => m.ref).sort());
  });
});
