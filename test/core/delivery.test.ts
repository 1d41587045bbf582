import { describe, expect, it } from "vitest";
import { deliver, planMessage, recoverIntents, REPEAT_MARK, sendPlanned } from "../../src/core/delivery.js";
import type { OutgoingMessage, Outbox, SendResult } from "../../src/core/ports.js";
import { reply, toPlain } from "../../src/core/reply.js";
import { openStore } from "../../src/store/open-store.js";
import { createMemoryLogger, createRecordingOutbox } from "../helpers/app.js";

const AT = "2025-05-01T02:00:00.000Z";

async function setup(outbox: Outbox = createRecordingOutbox()) {
  const store = await openStore({ file: ":memory:" });
  const log = createMemoryLogger();
  return { store, log, outbox, deps: { store, outbox, log } };
}

describe("planMessage", () => {
  it("makes an intent with the chat, ref, text and time, and a fresh id", () => {
    const a = planMessage("zalo:u1", reply("Nhắc việc"), "m|a|due:0", AT);
    const b = planMessage("zalo:u1", reply("Nhắc việc"), "m|a|due:0", AT);
    expect(a.intent).toMatchObject({ chatKey: "zalo:u1", ref: "m|a|due:0", text: ["Nhắc việc"], at: AT });
    expect(a.intent.id).not.toBe(b.intent.id);
    expect(a.intent).not.toHaveProperty("covers");
    expect(a.reply).toEqual(reply("Nhắc việc"));
  });

  it("keeps the covered keys of a bundle, as a copy", () => {
    const keys = ["k1", "k2"];
    const { intent } = planMessage("zalo:u1", reply("x"), "bundle|2025-05-01|zalo:u1", AT, keys);
    keys.push("k3");
    expect(intent.covers).toEqual(["k1", "k2"]);
  });

  it("leaves covers out when the list is empty", () => {
    expect(planMessage("zalo:u1", reply("x"), "r", AT, []).intent).not.toHaveProperty("covers");
  });
});

describe("deliver", () => {
  it("sends each message, records its outcome with the message id, and removes its intent", async () => {
    const t = await setup();
    const results = await deliver(t.deps, [{ chatKey: "telegram:1", reply: reply("Cảnh báo"), ref: "alert|1" }], AT);
    expect(results).toEqual([{ chatKey: "telegram:1", result: "ok", messageId: "1000" }]);
    expect(await t.store.reminders.deliveries({ ref: "alert|1" })).toEqual([{ ref: "alert|1", chatKey: "telegram:1", result: "ok", messageId: "1000", intentId: expect.any(String), at: AT }]);
    expect(await t.store.intents.list()).toEqual([]);
  });

  it("stores the intents before anything is sent", async () => {
    let seenIntents = -1;
    const store = await openStore({ file: ":memory:" });
    const outbox: Outbox = {
      async send(messages) {
        seenIntents = (await store.intents.list()).length;
        return messages.map((m) => ({ chatKey: m.chatKey, result: "ok" }));
      },
    };
    await deliver({ store, outbox, log: createMemoryLogger() }, [{ chatKey: "zalo:a", reply: reply("x"), ref: "r1" }, { chatKey: "zalo:b", reply: reply("y"), ref: "r1" }], AT);
    expect(seenIntents).toBe(2);
  });

  it("records a bundle's outcome once per covered key and not under the bundle's own ref", async () => {
    const t = await setup();
    await deliver(t.deps, [{ chatKey: "zalo:u1", reply: reply("3 việc"), ref: "bundle|2025-05-01|zalo:u1", covers: ["k1", "k2", "k3"] }], AT);
    const all = await t.store.reminders.deliveries();
    expect(all.map((d) => d.ref)).toEqual(["k1", "k2", "k3"]);
    for (const d of all) expect(d).toMatchObject({ chatKey: "zalo:u1", result: "ok", messageId: "1000" });
    expect(await t.store.reminders.deliveries({ ref: "bundle|2025-05-01|zalo:u1" })).toEqual([]);
  });

  it("records an outbox that throws as a failed delivery with its reason, and removes the intent", async () => {
    const t = await setup({ send: async () => Promise.reject(new Error("network down")) });
    const results = await deliver(t.deps, [{ chatKey: "zalo:u1", reply: reply("x"), ref: "alert|2" }], AT);
    expect(results).toEqual([{ chatKey: "zalo:u1", result: "failed", error: "network down" }]);
    expect(await t.store.reminders.deliveries({ ref: "alert|2" })).toEqual([{ ref: "alert|2", chatKey: "zalo:u1", result: "failed", error: "network down", intentId: expect.any(String), at: AT }]);
    expect(await t.store.intents.list()).toEqual([]);
    expect(t.log.entries.some((e) => e.level === "error")).toBe(true);
  });

  it("marks a chat that blocked the assistant inactive", async () => {
    const t = await setup(createRecordingOutbox(() => "blocked"));
    await t.store.chats.upsert({ chatKey: "telegram:9", type: "private", active: true });
    await deliver(t.deps, [{ chatKey: "telegram:9", reply: reply("x"), ref: "r" }], AT);
    expect(await t.store.chats.get("telegram:9")).toMatchObject({ active: false, inactiveSince: AT });
  });

  it("sends to every chat and records each outcome separately when one fails", async () => {
    const t = await setup(createRecordingOutbox((m) => (m.chatKey === "zalo:b" ? "failed" : "ok")));
    const results = await deliver(t.deps, ["zalo:a", "zalo:b", "zalo:c"].map((chatKey) => ({ chatKey: chatKey as `zalo:${string}`, reply: reply("x"), ref: "digest|2025-W18" })), AT);
    expect(results.map((r) => r.result)).toEqual(["ok", "failed", "ok"]);
    expect((await t.store.reminders.deliveries({ ref: "digest|2025-W18" })).map((d) => `${d.chatKey}:${d.result}`).sort()).toEqual(["zalo:a:ok", "zalo:b:failed", "zalo:c:ok"]);
    expect(await t.store.intents.list()).toEqual([]);
  });
});

describe("sendPlanned", () => {
  it("removes only the intents it sent", async () => {
    const t = await setup();
    const a = planMessage("zalo:a", reply("a"), "r", AT);
    const b = planMessage("zalo:b", reply("b"), "r", AT);
    await t.store.intents.add([a.intent, b.intent]);
    await sendPlanned(t.deps, [a], AT);
    expect((await t.store.intents.list()).map((i) => i.id)).toEqual([b.intent.id]);
  });
});

describe("the attempt mark", () => {
  it("is written, durably, when the outbox hands the message over, after the intent and before the send", async () => {
    const store = await openStore({ file: ":memory:" });
    const seen: (string | undefined)[] = [];
    const outbox: Outbox = {
      async send(messages) {
        const [m] = messages;
        seen.push((await store.intents.list())[0]?.attemptedAt);
        await m!.beforeSend?.();
        seen.push((await store.intents.list())[0]?.attemptedAt);
        return [{ chatKey: m!.chatKey, result: "ok" }];
      },
    };
    await deliver({ store, outbox, log: createMemoryLogger() }, [{ chatKey: "zalo:a", reply: reply("x"), ref: "r1" }], AT);
    expect(seen).toEqual([undefined, AT]);
  });

  it("refuses the send when it cannot be recorded: the message is not sent, counts as failed, and its intent stays unattempted", async () => {
    const outbox = createRecordingOutbox();
    const t = await setup(outbox);
    const p = planMessage("zalo:u1", reply("x"), "alert|z", AT);
    await t.store.intents.add([p.intent]);
    const failing = { ...t.store, intents: { ...t.store.intents, attempt: () => Promise.reject(new Error("disk full")) } };
    const [result] = await sendPlanned({ ...t.deps, store: failing }, [p], AT);
    expect(result).toMatchObject({ result: "failed", error: expect.stringMatching(/^not sent: the attempt could not be recorded \(disk full\)/) });
    expect(outbox.sent).toEqual([]);
  });
});

describe("recoverIntents", () => {
  it("returns 0 and sends nothing when every intent was confirmed", async () => {
    const outbox = createRecordingOutbox();
    const t = await setup(outbox);
    await expect(recoverIntents(t.deps, new Date(AT))).resolves.toBe(0);
    expect(outbox.sent).toEqual([]);
  });

  it("sends again every intent left by a crash, marked (gửi lại), records repeat:true per covered key, and clears them", async () => {
    const outbox = createRecordingOutbox();
    const t = await setup(outbox);
    const single = planMessage("telegram:1", reply("Cảnh báo vướng mắc"), "alert|x", "2025-04-30T02:00:00.000Z");
    const bundle = planMessage("zalo:u1", reply("Nhắc hạn hôm nay: 2 việc"), "bundle|2025-04-30|zalo:u1", "2025-04-30T02:00:00.000Z", ["k1", "k2"]);
    await t.store.intents.add([single.intent, bundle.intent]);
    // Both were handed to the messenger before the crash.
    await t.store.intents.attempt(single.intent.id, "2025-04-30T02:00:01.000Z");
    await t.store.intents.attempt(bundle.intent.id, "2025-04-30T02:00:01.000Z");
    const later = new Date("2025-04-30T03:00:00.000Z");
    await expect(recoverIntents(t.deps, later)).resolves.toBe(2);
    const sent = outbox.sent.map((m: OutgoingMessage) => [m.chatKey, toPlain(m.reply.text), m.ref]);
    expect(sent).toEqual([
      ["telegram:1", `${REPEAT_MARK}Cảnh báo vướng mắc`, "alert|x"],
      ["zalo:u1", `${REPEAT_MARK}Nhắc hạn hôm nay: 2 việc`, "bundle|2025-04-30|zalo:u1"],
    ]);
    expect(toPlain(outbox.sent[0]!.reply.text).startsWith("(gửi lại) ")).toBe(true);
    const records = await t.store.reminders.deliveries();
    expect(records.map((d) => d.ref).sort()).toEqual(["alert|x", "k1", "k2"]);
    for (const d of records) expect(d).toMatchObject({ repeat: true, result: "ok", at: later.toISOString() });
    expect(await t.store.intents.list()).toEqual([]);
    expect(t.log.entries.some((e) => e.level === "warn" && /gửi lại/.test(e.msg ?? ""))).toBe(true);
  });

  it("sends an intent that was never attempted (still queued at the crash) as its first copy: no mark, no repeat flag", async () => {
    const outbox = createRecordingOutbox();
    const t = await setup(outbox);
    const queued = planMessage("zalo:u2", reply("Nhắc hạn hôm nay: 1 việc"), "m|a|due:0", "2025-04-30T02:00:00.000Z");
    const handed = planMessage("zalo:u3", reply("Nhắc hạn hôm nay: 1 việc"), "m|b|due:0", "2025-04-30T02:00:00.000Z");
    await t.store.intents.add([queued.intent, handed.intent]);
    await t.store.intents.attempt(handed.intent.id, "2025-04-30T02:00:02.000Z");
    await expect(recoverIntents(t.deps, new Date("2025-04-30T03:00:00.000Z"))).resolves.toBe(2);
    expect(outbox.sent.map((m) => [m.chatKey, toPlain(m.reply.text)]).sort()).toEqual([
      ["zalo:u2", "Nhắc hạn hôm nay: 1 việc"],
      ["zalo:u3", `${REPEAT_MARK}Nhắc hạn hôm nay: 1 việc`],
    ]);
    expect(await t.store.reminders.deliveries({ ref: "m|a|due:0" })).toEqual([{ ref: "m|a|due:0", chatKey: "zalo:u2", result: "ok", messageId: expect.any(String), intentId: queued.intent.id, at: "2025-04-30T03:00:00.000Z" }]);
    expect(await t.store.reminders.deliveries({ ref: "m|b|due:0" })).toMatchObject([{ chatKey: "zalo:u3", repeat: true }]);
    expect(await t.store.intents.list()).toEqual([]);
  });

  it("keeps nothing pending after a failed repeat, recording it as failed", async () => {
    const t = await setup(createRecordingOutbox(() => "failed"));
    const p = planMessage("zalo:u1", reply("x"), "alert|y", AT);
    await t.store.intents.add([p.intent]);
    await recoverIntents(t.deps, new Date(AT));
    const results: SendResult["result"][] = (await t.store.reminders.deliveries({ ref: "alert|y" })).map((d) => d.result);
    expect(results).toEqual(["failed"]);
    expect(await t.store.intents.list()).toEqual([]);
  });
});
