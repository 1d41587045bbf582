/**
 * Handles Zalo updates, from polling or the webhook alike: drop echoes, de-duplicate, remember that the
 * person wrote (so reminders can reach them), hand text to the core, and send the replies through the outbox.
 * Updates of one chat are handled in order; different chats are handled concurrently.
 */
import type { Assistant } from "../../core/assistant.js";
import type { Incoming } from "../../core/command.js";
import type { ChatKey, Logger, Outbox, Store } from "../../core/ports.js";
import { reply, type Reply } from "../../core/reply.js";
import type { Clock } from "../../core/time.js";
import type { ZaloUpdate } from "./client.js";
import { toInbound, type ZaloIdentity } from "./incoming.js";

/** What the handler needs. */
export interface ZaloHandlerDeps {
  assistant: Assistant;
  outbox: Outbox;
  store: Store;
  clock: Clock;
  log: Logger;
  me: ZaloIdentity;
}

/** The handler, with a way to wait until every accepted update is done (shutdown, tests). */
export interface ZaloHandler {
  /** Accepts an update; resolves once it is handled (replies sent or failed). Never throws. */
  handle(update: ZaloUpdate): Promise<void>;
  /** Resolves when no update is being handled. */
  idle(): Promise<void>;
}

/** The kind reply to an image, a sticker, a file or withheld content: what the assistant can do instead. */
export function nonTextReply(event: "image" | "sticker" | "unsupported"): Reply {
  const what =
    event === "image"
      ? "Cảm ơn anh/chị đã gửi hình ảnh. Hiện trợ lý chỉ đọc được tin nhắn chữ."
      : event === "sticker"
        ? "Cảm ơn anh/chị! Hiện trợ lý chỉ đọc được tin nhắn chữ."
        : "Trợ lý chưa đọc được loại nội dung này (tệp, âm thanh, video hoặc nội dung được bảo vệ). Xin vui lòng gửi tin nhắn chữ.";
  return reply(
    [
      what,
      "\nAnh/chị có thể hỏi về kế hoạch hợp nhất các hệ thống thông tin, ví dụ: «Khi nào có tài khoản thư điện tử mới?», hoặc gõ /lich để xem các mốc thời hạn, /help để xem các lệnh.",
    ].join(""),
  );
}

/** Creates the handler. */
export function createZaloHandler(deps: ZaloHandlerDeps): ZaloHandler {
  const { assistant, outbox, store, clock, log, me } = deps;
  const chains = new Map<ChatKey, Promise<void>>();

  const process = async (update: ZaloUpdate): Promise<void> => {
    const inbound = toInbound(update, me);
    if (inbound.kind === "ignore") {
      log.debug({ event: update.event_name, reason: inbound.reason }, "zalo: update ignored");
      return;
    }
    const chatKey: ChatKey = `zalo:${inbound.incoming.chat.id}`;
    const at = clock.now().toISOString();
    if (!(await store.inbound.claim(`zalo|${inbound.dedupeKey}`, at))) {
      log.info({ chatKey, key: inbound.dedupeKey }, "zalo: duplicate delivery ignored");
      return;
    }
    await rememberChat(store, inbound.incoming);
    let replies: Reply[];
    if (inbound.kind === "non-text") {
      replies = [nonTextReply(inbound.event)];
    } else {
      try {
        replies = await assistant.handle(inbound.incoming);
      } catch (error) {
        log.error({ err: error, chatKey }, "zalo: unhandled error while answering");
        replies = [reply("Xin lỗi, đã có lỗi khi xử lý yêu cầu. Xin vui lòng thử lại sau ít phút.")];
      }
    }
    if (replies.length === 0) return;
    const results = await outbox.send(replies.map((r) => ({ chatKey, reply: r, ref: `reply|${inbound.dedupeKey}` })));
    for (const r of results) if (r.result !== "ok") log.warn({ chatKey, error: r.error }, "zalo: a reply could not be delivered");
  };

  return {
    handle(update) {
      const chatId = update.message?.chat?.id ?? update.message?.from?.id ?? "";
      const chatKey: ChatKey = `zalo:${String(chatId)}`;
      const previous = chains.get(chatKey) ?? Promise.resolve();
      const next = previous.then(() => process(update)).catch((error: unknown) => log.error({ err: error, chatKey }, "zalo: update failed"));
      chains.set(chatKey, next);
      void next.then(() => {
        if (chains.get(chatKey) === next) chains.delete(chatKey);
      });
      return next;
    },
    async idle() {
      while (chains.size > 0) await Promise.all([...chains.values()]);
    },
  };
}

/**
 * A Zalo bot can only write to people who wrote to it: a private chat is known from the first message on,
 * and a chat marked inactive becomes active again when the person writes.
 */
async function rememberChat(store: Store, incoming: Incoming): Promise<void> {
  const chatKey: ChatKey = `zalo:${incoming.chat.id}`;
  const known = await store.chats.get(chatKey);
  // Added only if still unknown: another instance may have registered this chat since the read, and that stays.
  if (!known) await store.chats.add({ chatKey, type: incoming.chat.type, active: true });
  else if (!known.active) await store.chats.markActive(chatKey);
}
