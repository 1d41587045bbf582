import { describe, expect, it } from "vitest";
import { planMessage, recoverIntents } from "../../src/core/delivery.js";
import type { OutgoingMessage } from "../../src/core/ports.js";
import { reply } from "../../src/core/reply.js";
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
