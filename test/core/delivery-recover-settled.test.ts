import { describe, expect, it } from "vitest";
import { planMessage, recoverIntents } from "../../src/core/delivery.js";
import type { OutgoingMessage } from "../../src/core/ports.js";
import { reply, toPlain } from "../../src/core/reply.js";
import { openStore } from "../../src/store/open-store.js";
import { createMemoryLogger, createRecordingOutbox } from "../helpers/app.js";

describe("recoverIntents with several instances on one store", () => {
  it("sends again only the intents older than `before`, and leaves a live instance's younger ones to it", async () => {
    const store = await openStore({ file: ":memory:" });
    const outbox = createRecordingOutbox();
    const old = planMessage("zalo:u1", reply("Nhắc hạn của tiến trình đã dừng"), "bundle|2025-05-01|zalo:u1", "2025-05-01T01:00:00.000Z", ["k1"]);
    const young = planMessage("zalo:u2", reply("Cảnh báo đang gửi ở tiến trình khác"), "alert|y", "2025-05-01T01:00:25.000Z");
    await store.intents.add([old.intent, young.intent]);
    const deps = { store, outbox, log: createMemoryLogger() };
    expect(await recoverIntents(deps, new Date("2025-05-01T01:00:30.000Z"), { before: "2025-05-01T01:00:20.000Z" })).toBe(1);
    expect(outbox.sent.map((m: OutgoingMessage) => m.chatKey)).toEqual(["zalo:u1"]);
    expect((await store.intents.list()).map((i) => i.id)).toEqual([young.intent.id]);
    await store.close();
  });
});

describe("recoverIntents after a stop between recording an outcome and clearing its intent", () => {
  it("clears an intent whose every delivery is recorded for its chat, without sending it again", async () => {
    const store = await openStore({ file: ":memory:" });
    const outbox = createRecordingOutbox();
    const at = "2025-05-01T01:00:00.000Z";
    const recorded = planMessage("zalo:u1", reply("Nhắc hạn hôm nay"), "bundle|2025-05-01|zalo:u1", at, ["k1", "k2"]);
    const half = planMessage("zalo:u2", reply("Nhắc hạn hôm nay"), "bundle|2025-05-01|zalo:u2", at, ["k3", "k4"]);
    await store.intents.add([recorded.intent, half.intent]);
    for (const ref of ["k1", "k2"]) await store.reminders.addDelivery({ ref, chatKey: "zalo:u1", result: "ok", at });
    // k3 was recorded for another chat only, and k4 not at all: u2's message is not known to have gone out.
    await store.reminders.addDelivery({ ref: "k3", chatKey: "zalo:u9", result: "ok", at });
    await store.reminders.addDelivery({ ref: "k3", chatKey: "zalo:u2", result: "ok", at });
    const deps = { store, outbox, log: createMemoryLogger() };
    expect(await recoverIntents(deps, new Date("2025-05-01T02:00:00.000Z"))).toBe(1);
    expect(outbox.sent.map((m: OutgoingMessage) => m.chatKey)).toEqual(["zalo:u2"]);
    expect(await store.intents.list()).toEqual([]);
    await store.close();
  });

  it("sends the rest of a digest whose first message to a coordinator was recorded: outcomes are matched by intent", async () => {
    const store = await openStore({ file: ":memory:" });
    const outbox = createRecordingOutbox();
    const at = "2025-06-16T01:00:00.000Z";
    const parts = [1, 2, 3].map((n) => planMessage("telegram:9000", reply(`Tổng hợp tuần, phần ${n}`), "digest|2025-W25", at));
    await store.runs.claim({ key: "digest|2025-W25", at }, parts.map((p) => p.intent));
    // The first part went out and its outcome was recorded; the process stopped before clearing its intent.
    await store.reminders.addDelivery({ ref: "digest|2025-W25", chatKey: "telegram:9000", result: "ok", intentId: parts[0]!.intent.id, at });
    const deps = { store, outbox, log: createMemoryLogger() };
    expect(await recoverIntents(deps, new Date("2025-06-16T02:00:00.000Z"))).toBe(2);
    expect(outbox.sent.map((m: OutgoingMessage) => toPlain(m.reply.text)).sort()).toEqual(["Tổng hợp tuần, phần 2", "Tổng hợp tuần, phần 3"]);
    expect(await store.intents.list()).toEqual([]);
    await store.close();
  });
});
