import { describe, expect, it } from "vitest";
import type { ZaloUpdate } from "../../../src/channels/zalo/client.js";
import { createZaloHandler, nonTextReply } from "../../../src/channels/zalo/handler.js";
import type { Assistant } from "../../../src/core/assistant.js";
import type { Incoming } from "../../../src/core/command.js";
import { toPlain } from "../../../src/core/reply.js";
import { openStore } from "../../../src/store/open-store.js";
import { createMemoryLogger, createRecordingOutbox, createTestApp } from "../../helpers/app.js";

const ME = { id: "1459232241454765289", name: "Trợ lý Hợp nhất" };
let counter = 0;

function update(text: string, over: { userId?: string; chatId?: string; chatType?: string; event?: string; messageId?: string; fromBot?: boolean } = {}): ZaloUpdate {
  const userId = over.userId ?? "6ede9afa66b88fe6d6a9";
  return {
    event_name: over.event ?? "message.text.received",
    message: {
      from: { id: over.fromBot ? ME.id : userId, display_name: over.fromBot ? ME.name : "Ted", is_bot: over.fromBot === true },
      chat: { id: over.chatId ?? userId, chat_type: over.chatType ?? "PRIVATE" },
      text,
      message_id: over.messageId ?? `m${++counter}`,
      date: 1750316131602,
    },
  };
}

async function setup(options: { assistant?: (base: Assistant) => Assistant } = {}) {
  const app = await createTestApp();
  const outbox = createRecordingOutbox();
  const log = createMemoryLogger();
  const assistant = options.assistant ? options.assistant(app.assistant) : app.assistant;
  const handler = createZaloHandler({ assistant, outbox, store: app.store, clock: app.clock, log, me: ME });
  const texts = (chatKey?: string) => outbox.sent.filter((m) => !chatKey || m.chatKey === chatKey).map((m) => toPlain(m.reply.text));
  return { app, outbox, log, handler, texts };
}

describe("createZaloHandler", () => {
  it("answers a question through the core and sends the reply to the zalo chat", async () => {
    const t = await setup();
    await t.handler.handle(update("/lich"));
    expect(t.outbox.sent.length).toBeGreaterThan(0);
    expect(t.outbox.sent[0]!.chatKey).toBe("zalo:6ede9afa66b88fe6d6a9");
    expect(t.outbox.sent[0]!.ref).toMatch(/^reply\|message\.text\.received\|m\d+$/);
    const direct = await t.app.assistant.handle({ channel: "zalo", chat: { id: "x", type: "private" }, user: { id: "x", name: "X" }, text: "/lich", supportsButtons: false });
    expect(t.texts()[0]).toBe(toPlain(direct[0]!.text));
  });

  it("answers a free-text question about the plan with the core's answer", async () => {
    const t = await setup();
    await t.handler.handle(update("Khi nào có tài khoản thư điện tử mới?"));
    expect(t.texts()).toHaveLength(1);
    const direct = await t.app.assistant.handle({ channel: "zalo", chat: { id: "x", type: "private" }, user: { id: "x", name: "X" }, text: "Khi nào có tài khoản thư điện tử mới?", supportsButtons: false });
    expect(t.texts()[0]).toBe(toPlain(direct[0]!.text));
    expect(t.texts()[0]!.length).toBeGreaterThan(20);
  });

  it("answers an image with the kind non-text reply, without asking the core", async () => {
    let asked = 0;
    const t = await setup({ assistant: (base) => ({ ...base, handle: async (m) => (asked++, base.handle(m)) }) });
    await t.handler.handle(update("", { event: "message.image.received" }));
    expect(asked).toBe(0);
    expect(t.texts()).toEqual([toPlain(nonTextReply("image").text)]);
    expect(t.texts()[0]).toMatch(/chỉ đọc được tin nhắn chữ/);
  });

  it("answers unsupported (withheld) content politely, never with an error", async () => {
    const t = await setup();
    await t.handler.handle(update("", { event: "message.unsupported.received" }));
    expect(t.texts()).toHaveLength(1);
    expect(t.texts()[0]).toMatch(/Xin vui lòng gửi tin nhắn chữ/);
    expect(t.texts()[0]).not.toMatch(/lỗi/i);
  });

  it("sends nothing for the bot's own message coming back", async () => {
    const t = await setup();
    await t.handler.handle(update("Chào anh/chị", { fromBot: true }));
    expect(t.outbox.sent).toEqual([]);
    expect(await t.app.store.chats.list()).toEqual([]);
  });

  it("answers the same update delivered twice only once", async () => {
    const t = await setup();
    const u = update("/lich");
    await t.handler.handle(u);
    const once = t.outbox.sent.length;
    await t.handler.handle(structuredClone(u));
    expect(t.outbox.sent.length).toBe(once);
    expect(t.log.entries.some((e) => /duplicate/.test(e.msg ?? ""))).toBe(true);
  });

  it("answers the same update only once across a restart (a second handler on the same store)", async () => {
    const t = await setup();
    const u = update("/lich");
    await t.handler.handle(u);
    const once = t.outbox.sent.length;
    const restarted = createZaloHandler({ assistant: t.app.assistant, outbox: t.outbox, store: t.app.store, clock: t.app.clock, log: t.log, me: ME });
    await restarted.handle(structuredClone(u));
    expect(t.outbox.sent.length).toBe(once);
  });

  it("answers the same update only once after the store is reopened from its file", async () => {
    const { mkdtemp, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = await mkdtemp(join(tmpdir(), "zalo-handler-"));
    try {
      const u = update("/lich");
      const outbox = createRecordingOutbox();
      const log = createMemoryLogger();
      const first = await openStore({ file: join(dir, "db.json") });
      const app1 = await createTestApp({ store: first });
      await createZaloHandler({ assistant: app1.assistant, outbox, store: first, clock: app1.clock, log, me: ME }).handle(u);
      const once = outbox.sent.length;
      expect(once).toBeGreaterThan(0);
      await first.close();
      const second = await openStore({ file: join(dir, "db.json") });
      const app2 = await createTestApp({ store: second });
      await createZaloHandler({ assistant: app2.assistant, outbox, store: second, clock: app2.clock, log, me: ME }).handle(u);
      expect(outbox.sent.length).toBe(once);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("records a new Zalo private chat as an active private chat", async () => {
    const t = await setup();
    await t.handler.handle(update("xin chào", { userId: "u-new" }));
    expect(await t.app.store.chats.get("zalo:u-new")).toMatchObject({ chatKey: "zalo:u-new", type: "private", active: true });
  });

  it("records a group chat as a group", async () => {
    const t = await setup();
    await t.handler.handle(update("@Trợ lý Hợp nhất /lich", { userId: "u1", chatId: "g1", chatType: "GROUP" }));
    expect(await t.app.store.chats.get("zalo:g1")).toMatchObject({ type: "group", active: true });
    expect(t.outbox.sent[0]?.chatKey).toBe("zalo:g1");
  });

  it("marks a chat that was inactive active again when the person writes", async () => {
    const t = await setup();
    await t.app.store.chats.upsert({ chatKey: "zalo:u2", type: "private", active: false, inactiveSince: "2025-04-01T00:00:00.000Z" });
    await t.handler.handle(update("xin chào", { userId: "u2" }));
    expect((await t.app.store.chats.get("zalo:u2"))?.active).toBe(true);
  });

  it("answers with an apology when the core throws", async () => {
    const t = await setup({ assistant: (base) => ({ ...base, handle: async () => Promise.reject(new Error("boom")) }) });
    await expect(t.handler.handle(update("/lich"))).resolves.toBeUndefined();
    expect(t.texts()).toEqual(["Xin lỗi, đã có lỗi khi xử lý yêu cầu. Xin vui lòng thử lại sau ít phút."]);
    expect(t.log.entries.some((e) => e.level === "error")).toBe(true);
  });

  it("handles the updates of one chat in order, one after another", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const events: string[] = [];
    const t = await setup({
      assistant: (base) => ({
        ...base,
        handle: async (m: Incoming) => {
          events.push(`start ${m.text}`);
          if (m.text === "một") await gate;
          events.push(`end ${m.text}`);
          return base.handle({ ...m, text: "/lich" }).then((rs) => rs.slice(0, 1).map((r) => ({ ...r, text: [String(m.text)] })));
        },
      }),
    });
    const first = t.handler.handle(update("một"));
    const second = t.handler.handle(update("hai"));
    const other = t.handler.handle(update("ba", { userId: "u-other" }));
    await other;
    // Another chat is not held up by the first chat's slow update.
    expect(t.texts("zalo:u-other")).toEqual(["ba"]);
    expect(events).not.toContain("start hai");
    release();
    await Promise.all([first, second]);
    expect(events.filter((e) => !e.includes("ba"))).toEqual(["start một", "end một", "start hai", "end hai"]);
    expect(t.texts("zalo:6ede9afa66b88fe6d6a9")).toEqual(["một", "hai"]);
  });

  it("resolves idle() only when every accepted update is done", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const t = await setup({ assistant: (base) => ({ ...base, handle: async (m) => (await gate, base.handle(m)) }) });
    void t.handler.handle(update("/lich"));
    let idle = false;
    const waiting = t.handler.idle().then(() => (idle = true));
    await new Promise((r) => setImmediate(r));
    expect(idle).toBe(false);
    release();
    await waiting;
    expect(t.outbox.sent.length).toBeGreaterThan(0);
  });

  it("logs a reply that could not be delivered", async () => {
    const app = await createTestApp();
    const outbox = createRecordingOutbox(() => "failed");
    const log = createMemoryLogger();
    const handler = createZaloHandler({ assistant: app.assistant, outbox, store: app.store, clock: app.clock, log, me: ME });
    await handler.handle(update("/lich"));
    expect(log.entries.some((e) => e.level === "warn" && /could not be delivered/.test(e.msg ?? ""))).toBe(true);
  });
});
