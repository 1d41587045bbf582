import { createApp, type App } from "../../src/app.js";
import type { TextHook } from "../../src/core/assistant.js";
import type { Incoming } from "../../src/core/command.js";
import type { Content } from "../../src/core/content/schema.js";
import type { Logger, OutgoingMessage, Outbox, SendResult, UserKey } from "../../src/core/ports.js";
import { prepareSend } from "../../src/core/delivery.js";
import { createFixedClock } from "../../src/core/time.js";
import { loadContent } from "../../src/content/load.js";
import { type ClosableStore, openStore } from "../../src/store/open-store.js";

let cached: Promise<Content> | undefined;

/** The real bundled content, loaded once per test file. */
export function realContent(): Promise<Content> {
  cached ??= loadContent("content");
  return cached;
}

/** A logger that keeps entries in memory, for assertions. */
export function createMemoryLogger(): Logger & { entries: { level: string; obj: object; msg?: string }[] } {
  const entries: { level: string; obj: object; msg?: string }[] = [];
  const at = (level: string) => (obj: object, msg?: string) => void entries.push({ level, obj, msg });
  return { entries, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** An outbox that records messages and answers "ok" (or what `decide` says). */
export function createRecordingOutbox(decide?: (m: OutgoingMessage) => SendResult["result"]): Outbox & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  let id = 1000;
  return {
    sent,
    async send(messages) {
      const results: SendResult[] = [];
      // Like every outbox: the message's beforeSend first (its intent marked attempted), then the send.
      for (const m of messages) {
        const refused = await prepareSend(m);
        if (refused) {
          results.push(refused);
          continue;
        }
        sent.push(m);
        const result = decide?.(m) ?? "ok";
        results.push({ chatKey: m.chatKey, result, messageId: result === "ok" ? String(id++) : undefined });
      }
      return results;
    },
  };
}

/** A test app: real content, an in-memory store, a fixed clock (default 2025-05-01 09:00 ICT). */
export async function createTestApp(options: {
  now?: string;
  admins?: UserKey[];
  content?: Content;
  store?: ClosableStore;
  hooks?: TextHook[];
} = {}) {
  const content = options.content ?? (await realContent());
  const store = options.store ?? (await openStore({ file: ":memory:" }));
  const clock = createFixedClock(options.now ?? "2025-05-01T09:00:00+07:00");
  const outbox = createRecordingOutbox();
  const log = createMemoryLogger();
  const app: App = createApp(
    { content, store, clock, outbox, log, settings: { adminKeys: options.admins ?? ["console:admin"], reminderTime: "08:30", botUsername: "tro_ly_hop_nhat_bot" } },
    { hooks: options.hooks },
  );
  return { ...app, content, store, clock, outbox, log };
}

/** A console-style incoming text message (no buttons). */
export function textFrom(userId: string, text: string, extra: Partial<Incoming> = {}): Incoming {
  return {
    channel: "console",
    chat: { id: userId, type: "private" },
    user: { id: userId, name: `Người dùng ${userId}` },
    text,
    supportsButtons: false,
    ...extra,
  };
}
