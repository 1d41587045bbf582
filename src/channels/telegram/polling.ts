/**
 * Long polling through grammY's runner. This adds a brake for Bot API servers that
 * answer an empty getUpdates at once instead of holding it (local emulators), so an idle bot
 * does not spin. Against Telegram, an empty answer only comes after the long-poll timeout.
 */
import { run } from "@grammyjs/runner";
import { type Bot, GrammyError, type Transformer } from "grammy";
import { FileProblemError } from "../../core/errors.js";
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

/** How long a shutdown waits for updates being handled before it goes on without them. */
const STOP_GRACE_MS = 5_000;
/** getUpdates keeps being retried for this long in an outage; then polling stops with the error (and the process exits). */
const MAX_POLL_RETRY_MS = 15 * 60_000;

/** Options of {@link startPolling}. */
export interface PollingOptions {
  /** Updates handled at once (different chats; one chat's updates stay in order). Default 50. */
  concurrency?: number;
  /** See {@link STOP_GRACE_MS}. */
  stopGraceMs?: number;
}

/**
 * Starts long polling with grammY's runner: updates of different chats are handled concurrently, one chat's in
 * order (the bot installs `sequentialize`), so one slow send or chart render no longer blocks everyone.
 * Resolves once polling has started; `stopped` settles when it ends (rejects if Telegram refuses the token,
 * another instance is polling, or getUpdates failed for {@link MAX_POLL_RETRY_MS}).
 * `stop()` stops fetching and waits at most `stopGraceMs` for updates being handled.
 */
export async function startPolling(
  bot: Bot<BotContext>,
  log: Logger,
  options: PollingOptions = {},
): Promise<{ stopped: Promise<void>; stop: () => Promise<void> }> {
  bot.api.config.use(idlePollBrake());
  bot.api.config.use(reportPollFailures(log));
  await bot.init();
  // Polling and a webhook exclude each other: a webhook left over from webhook mode would keep getUpdates failing.
  await bot.api.deleteWebhook({ drop_pending_updates: false });
  const runner = run(bot, {
    runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES], timeout: 25 }, maxRetryTime: MAX_POLL_RETRY_MS, retryInterval: "exponential", silent: true },
    sink: { concurrency: options.concurrency ?? 50 },
  });
  log.info({ username: bot.botInfo.username }, "telegram: long polling started");
  const stopped = (runner.task() ?? Promise.resolve()).catch((error: unknown) => {
    const refusal = pollingRefusal(error);
    if (refusal) log.error({ code: (error as GrammyError).error_code, fix: refusal.problems.join(" ") }, refusal.message.split("\n")[0]);
    throw refusal ?? error;
  });
  const grace = options.stopGraceMs ?? STOP_GRACE_MS;
  return {
    stopped,
    stop: async () => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), grace)));
      const outcome = await Promise.race([runner.isRunning() ? runner.stop().then(() => "done" as const) : Promise.resolve("done" as const), late]);
      clearTimeout(timer);
      if (outcome === "late") log.warn({ graceMs: grace, handling: runner.size() }, "telegram: stopped waiting for updates still being handled");
    },
  };
}

/**
 * The configuration problem behind a getUpdates refusal that retrying cannot fix, as a {@link FileProblemError}
 * that says what to do: 409 (another process is polling with this token) or 401 (the token was revoked).
 * Undefined for anything else.
 */
export function pollingRefusal(error: unknown): FileProblemError | undefined {
  if (!(error instanceof GrammyError)) return undefined;
  if (error.error_code === 409) {
    return new FileProblemError("telegram: long polling refused: Telegram answered 409 Conflict, so another process is polling with this BOT_TOKEN", [
      "run only one instance in polling mode (stop the other one, or the copy still running elsewhere),",
      "or give every instance WEBHOOK_URL and WEBHOOK_SECRET so all of them take webhooks behind the reverse proxy (see README, Beyond one machine)",
    ]);
  }
  if (error.error_code === 401) {
    return new FileProblemError("telegram: long polling refused: Telegram answered 401 Unauthorized", ["BOT_TOKEN was revoked or mistyped: copy it again from @BotFather"]);
  }
  return undefined;
}

/** Logs each failed getUpdates with its cause, at most once a minute, so an outage is visible at once but not a flood. */
function reportPollFailures(log: Logger, everyMs = 60_000): Transformer {
  let lastReport = 0;
  return async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal);
    } catch (error) {
      if (method === "getUpdates" && !signal?.aborted && Date.now() - lastReport >= everyMs) {
        lastReport = Date.now();
        log.warn({ err: error }, "telegram: cannot fetch updates; retrying");
      }
      throw error;
    }
  };
}
