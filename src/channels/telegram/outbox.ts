/**
 * The Telegram outbox: delivers messages the core sends on its own (reminders, alerts, digests)
 * to `telegram:<chatId>` chats. One message at a time through {@link createTelegramSender};
 * rate limits are the job of a wrapper around it (see src/channels/throttled-outbox.ts).
 */
import { type Api, GrammyError } from "grammy";
import { scrubSecrets } from "../../logger.js";
import { prepareSend } from "../../core/delivery.js";
import type { ChatKey, Logger, Outbox, SendResult, Store } from "../../core/ports.js";
import type { Clock } from "../../core/time.js";
import { isRetryAfter, retryAfter, type SendOne } from "../throttled-outbox.js";
import { renderReply } from "./render.js";
import { sendRendered } from "./send.js";

/** What the Telegram sender needs. `api` should carry the auto-retry transformer (see createTelegramApi). */
export interface TelegramOutboxDeps {
  api: Api;
  store: Store;
  clock: Clock;
  log: Logger;
}


/** The Telegram chat id inside a chat key, or null if the key belongs to another channel or is malformed. */
export function telegramChatId(chatKey: ChatKey): number | null {
  const m = /^telegram:(-?\d+)$/.exec(chatKey);
  return m ? Number(m[1]) : null;
}

/**
 * Creates the per-message sender. Results:
 * - `ok` with the id of the last text message (the one carrying the buttons, which replies refer to);
 * - `blocked` on 403 (the user blocked the bot, or it was removed from the group): the chat is marked inactive;
 * - `failed` for anything else, after auto-retry gave up, with the error text;
 * - a {@link retryAfter} for a 429 when nothing was sent yet (use an api from {@link createOutboxApi}, whose
 *   auto-retry leaves 429s to the throttled outbox, so retries are counted against the limits).
 */
export function createTelegramSender(deps: TelegramOutboxDeps): SendOne {
  const { api, store, clock, log } = deps;
  return async (message) => {
    const chatId = telegramChatId(message.chatKey);
    if (chatId === null) return { chatKey: message.chatKey, result: "failed", error: "not a Telegram chat (expected telegram:<chat id>)" };
    const rendered = renderReply(message.reply);
    for (const problem of rendered.problems) log.warn({ ref: message.ref, chatKey: message.chatKey }, `telegram: ${problem}`);
    const ids: number[] = [];
    try {
      await sendRendered(api, { chatId }, rendered, log, ids);
      const textIds = ids.slice(0, rendered.messages.length);
      const messageId = textIds.at(-1) ?? ids.at(-1);
      return { chatKey: message.chatKey, result: "ok", messageId: messageId === undefined ? undefined : String(messageId) };
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 403) {
        await store.chats.markInactive(message.chatKey, clock.now().toISOString());
        log.info({ chatKey: message.chatKey, ref: message.ref, err: error.description }, "telegram: chat blocked the bot; marked inactive");
        return { chatKey: message.chatKey, result: "blocked", error: error.description };
      }
      // A 429 before anything went out: hand it back to the throttled outbox, which pauses every send and retries
      // this message first. After a partial send, retrying would duplicate the parts that arrived.
      if (error instanceof GrammyError && error.error_code === 429 && ids.length === 0) {
        log.warn({ chatKey: message.chatKey, ref: message.ref, retryAfter: error.parameters.retry_after }, "telegram: rate-limited; will retry");
        return retryAfter(error.parameters.retry_after ?? 1);
      }
      // Stored in the delivery log: no token from a request URL may reach the data file.
      const text = scrubSecrets(
        error instanceof GrammyError ? `${error.error_code ?? "?"}: ${error.description}` : error instanceof Error ? error.message : String(error),
        [],
      );
      log.error({ chatKey: message.chatKey, ref: message.ref, err: text }, "telegram: message could not be delivered");
      return { chatKey: message.chatKey, result: "failed", error: text };
    }
  };
}

/**
 * An {@link Outbox} over {@link createTelegramSender}, sending in order, one after another, with no
 * rate limiting and no 429 retries (tests, small tools). Production wraps `sendOne` with createThrottledOutbox.
 */
export function createTelegramOutbox(deps: TelegramOutboxDeps): Outbox & { sendOne: SendOne } {
  const sendOne = createTelegramSender(deps);
  return {
    sendOne,
    async send(messages) {
      const results: SendResult[] = [];
      for (const message of messages) {
        const refused = await prepareSend(message);
        if (refused) {
          results.push(refused);
          continue;
        }
        const outcome = await sendOne(message);
        results.push(isRetryAfter(outcome) ? { chatKey: message.chatKey, result: "failed", error: `rate-limited (retry after ${outcome.retryAfter} s)` } : outcome);
      }
      return results;
    },
  };
}
