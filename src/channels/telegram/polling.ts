/**
 * Long polling. grammY's `bot.start()` does the work; this adds a brake for Bot API servers that
 * answer an empty getUpdates at once instead of holding it (local emulators), so an idle bot
 * does not spin. Against Telegram, an empty answer only comes after the long-poll timeout.
 */
import type { Bot, Transformer } from "grammy";
import type { Logger } from "../../core/ports.js";
import { ALLOWED_UPDATES } from "./bot.js";
import type { BotContext } from "./context.js";

/** Minimum time between two empty polls. */
const IDLE_POLL_MS = 500;

/** An API transformer that waits before returning an empty getUpdates answered early. Stops waiting when polling stops. */
export function idlePollBrake(minMs = IDLE_POLL_MS): Transformer {
  return async (prev, method, payload, signal) => {
    const started = Date.now();
    const result = await prev(method, payload, signal);
    if (method === "getUpdates" && signal && result.ok && Array.isArray(result.result) && result.result.length === 0) {
      const wait = minMs - (Date.now() - started);
      if (wait > 0 && !signal.aborted) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, wait);
          function done() {
            clearTimeout(timer);
            signal!.removeEventListener("abort", done);
            resolve();
          }
          signal.addEventListener("abort", done);
        });
      }
    }
    return result;
  };
}

/**
 * Starts long polling. Resolves once polling has started; `stopped` settles when it ends
 * (rejects if Telegram refuses the token or another instance is polling).
 */
export async function startPolling(bot: Bot<BotContext>, log: Logger): Promise<{ stopped: Promise<void>; stop: () => Promise<void> }> {
  bot.api.config.use(idlePollBrake());
  let started!: () => void;
  const ready = new Promise<void>((resolve) => (started = resolve));
  const stopped = bot.start({
    allowed_updates: [...ALLOWED_UPDATES],
    drop_pending_updates: false,
    onStart: (me) => {
      log.info({ username: me.username }, "telegram: long polling started");
      started();
    },
  });
  await Promise.race([ready, stopped]);
  return { stopped, stop: () => bot.stop() };
}
