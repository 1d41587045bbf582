/**
 * The Telegram bot, put together in one place and in reading order:
 * context → error boundary → middlewares → features → unhandled.
 */
import { autoRetry, type AutoRetryOptions } from "@grammyjs/auto-retry";
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import { Api, Bot, type BotError, GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Assistant } from "../../core/assistant.js";
import type { Services } from "../../core/command.js";
import { FileProblemError, StoreWriteError, UserError } from "../../core/errors.js";
import type { ChatKey, Logger } from "../../core/ports.js";
import { scrubSecrets } from "../../logger.js";
import { BotContext } from "./context.js";
import { toIncoming } from "./incoming.js";
import type { MenuSync } from "./menu.js";
import { escapeHtml, renderReply } from "./render.js";
import { type NetworkRetry, retryNetworkErrors } from "./retry.js";
import { sendRendered } from "./send.js";
import { sleepUnlessAborted } from "../sleep.js";

/** Updates the bot asks Telegram for. */
export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

/**
 * Auto-retry settings: 429s (waiting at most 30 s) and 5xx, three times (3 + 6 + 12 s). Network errors are
 * rethrown to {@link retryNetworkErrors}, which bounds them: auto-retry alone retries those forever.
 */
const RETRY: Partial<AutoRetryOptions> = { maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true };
/** A second press of the same button on the same message within this time is the same press. */
const REPEATED_PRESS_MS = 10_000;
/** No Bot API call (other than a long poll, which sets its own) waits longer than this for an answer. */
const CALL_TIMEOUT_SECONDS = 30;

/** What the bot needs from the rest of the program. */
export interface BotDeps {
  assistant: Assistant;
  services: Pick<Services, "store" | "clock" | "log">;
  /** Keeps role-specific menus in step after registrations and revocations; optional. */
  menus?: MenuSync;
}

/** How to reach Telegram, and per-user flood limits. */
export interface BotConfig {
  token: string;
  /** Bot API root, e.g. a local emulator (default https://api.telegram.org). */
  apiRoot?: string;
  /** The bot's own user from getMe; preset it to skip the call (tests, or when main.ts already asked). */
  botInfo?: UserFromGetMe;
  /** Messages a user may send within `windowMs` before the bot politely stops answering for a while. */
  rateLimit?: { limit: number; windowMs: number };
  /** Override auto-retry (tests). */
  retry?: Partial<AutoRetryOptions>;
  /** Override the bounded retry of network errors (tests). */
  networkRetry?: NetworkRetry;
  /** Override the call timeout (default 30 s; fault runs). */
  timeoutSeconds?: number;
}

/**
 * A Bot API client with auto-retry, for calls outside updates (the outbox, start-up).
 *
 * ```ts
 * const api = createTelegramApi({ token, apiRoot });
 * const me = await api.getMe();
 * ```
 */
export function createTelegramApi(config: Pick<BotConfig, "token" | "apiRoot" | "retry" | "networkRetry" | "timeoutSeconds">): Api {
  const api = new Api(config.token, clientOptions(config.apiRoot, config.timeoutSeconds));
  useRetries(api, config);
  return api;
}

function clientOptions(apiRoot: string | undefined, timeoutSeconds = CALL_TIMEOUT_SECONDS) {
  return { ...(apiRoot ? { apiRoot } : {}), timeoutSeconds };
}

/** Bounded retries. grammY runs the last installed transformer outermost: each of auto-retry's attempts gets its own bounded network retries. */
function useRetries(api: Api, config: Pick<BotConfig, "retry" | "networkRetry">): void {
  api.config.use(retryNetworkErrors(config.networkRetry));
  api.config.use(autoRetry({ ...RETRY, ...config.retry }));
}

/**
 * The Bot API client for the outbox: auto-retry still retries 5xx and network errors, but hands 429s
 * back (maxDelaySeconds 0), so the throttled outbox pauses every send and counts the retry against the limits.
 */
export function createOutboxApi(config: Pick<BotConfig, "token" | "apiRoot" | "networkRetry" | "timeoutSeconds">): Api {
  return createTelegramApi({ ...config, retry: { maxDelaySeconds: 0 } });
}

/** Builds the bot. It does not start polling or a webhook server: see polling.ts and webhook.ts. */
export function createBot(deps: BotDeps, config: BotConfig): Bot<BotContext> {
  const { assistant, services, menus } = deps;
  const { log, store, clock } = services;

  // 1. Context.
  const bot = new Bot<BotContext>(config.token, {
    botInfo: config.botInfo,
    client: clientOptions(config.apiRoot),
    ContextConstructor: BotContext,
  });
  useRetries(bot.api, config);
  // Updates of one chat are handled one after another, in order; different chats run concurrently (runner).
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));

  // 2. Error boundary: one place that decides what a failure means for the user.
  const markInactive = (chatKey: ChatKey) => store.chats.markInactive(chatKey, clock.now().toISOString());
  const handleError = async (err: BotError<BotContext>) => {
    const { ctx, error } = err;
    const chatKey: ChatKey | undefined = ctx.chat ? `telegram:${ctx.chat.id}` : undefined;
    if (error instanceof GrammyError && error.error_code === 403) {
      if (chatKey) await markInactive(chatKey);
      log.info({ update_id: ctx.update.update_id, chatKey, err: error.description }, "telegram: chat blocked the bot; marked inactive");
      return;
    }
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    const text =
      error instanceof UserError
        ? error.message
        : "Xin lỗi, đã có lỗi khi xử lý yêu cầu của anh/chị. Xin vui lòng thử lại sau ít phút.";
    if (error instanceof StoreWriteError) {
      log.error({ update_id: ctx.update.update_id, chatKey, err: error.detail }, "store: a change could not be saved; the person was asked to try again");
    } else if (!(error instanceof UserError)) {
      log.error({ update_id: ctx.update.update_id, chatKey, err: describe(error) }, "telegram: error while handling an update");
    }
    if (ctx.chat) await ctx.api.sendMessage(ctx.chat.id, escapeHtml(text), { parse_mode: "HTML" }).catch(() => undefined);
  };
  // The last resort, for errors inside the error handler itself: log and keep the bot alive.
  bot.catch((err) => log.error({ update_id: err.ctx.update.update_id, err: describe(err.error) }, "telegram: unhandled error"));
  const app = bot.errorBoundary(handleError);

  // 3. Middlewares.
  //    Chat lifecycle first: these updates are never "addressed" to the bot, yet matter.
  app.on("my_chat_member", async (ctx) => {
    const chatKey: ChatKey = `telegram:${ctx.chat.id}`;
    const status = ctx.myChatMember.new_chat_member.status;
    if (status === "kicked" || status === "left") await markInactive(chatKey);
    else await store.chats.markActive(chatKey);
  });
  app.on("message:migrate_to_chat_id", async (ctx) => {
    // A group that became a supergroup changes its id: carry its registration over.
    const from: ChatKey = `telegram:${ctx.chat.id}`;
    const record = await store.chats.get(from);
    if (!record) return;
    await store.chats.upsert({ ...record, chatKey: `telegram:${ctx.message.migrate_to_chat_id}` });
    await markInactive(from);
  });
  //    Addressing: in groups, only commands, mentions and replies to the bot go on.
  //    It runs before the flood limit, so ordinary group chatter never counts against anyone.
  app.use(async (ctx, next) => {
    const incoming = toIncoming(ctx.update, ctx.me, (name) => assistant.findCommand(name) !== undefined);
    if (!incoming) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      return;
    }
    ctx.incoming = incoming;
    await next();
  });
  const flood = config.rateLimit ?? { limit: 12, windowMs: 30_000 };
  app.use(
    limit<BotContext, never>({
      limit: flood.limit,
      timeFrame: flood.windowMs,
      keyGenerator: (ctx) => ctx.from?.id.toString(),
      // Answered once per window; further messages in the window are dropped silently.
      onLimitExceeded: async (ctx) => {
        const text = "Anh/chị gửi hơi nhanh. Xin vui lòng đợi giây lát rồi gửi tiếp ạ.";
        if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
        else await ctx.reply(escapeHtml(text), { parse_mode: "HTML" });
      },
    }),
  );

  //    Idempotency: a redelivered update (same update_id, e.g. after a crash before Telegram heard it was
  //    handled) or the same button pressed twice in a row has one effect. The key is on disk before the effect,
  //    so a crash in between loses that one update (the person sends it again) rather than doing it twice.
  app.use(async (ctx, next) => {
    const at = clock.now().toISOString();
    if (!(await store.inbound.claim(`telegram:update:${ctx.update.update_id}`, at))) {
      log.info({ update_id: ctx.update.update_id }, "telegram: update already handled; ignored");
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      return;
    }
    const press = ctx.callbackQuery;
    if (press?.data !== undefined && press.message) {
      const key = `telegram:press:${press.from.id}:${press.message.chat.id}:${press.message.message_id}:${press.data}`;
      if (!(await store.inbound.claim(key, at, REPEATED_PRESS_MS))) {
        log.info({ update_id: ctx.update.update_id }, "telegram: the same button pressed again at once; ignored");
        await ctx.answerCallbackQuery({ text: "Đã nhận thao tác này rồi ạ." });
        return;
      }
    }
    await next();
  });

  // 4. Features: every addressed message and button press goes to the core.
  app.use(async (ctx, next) => {
    const incoming = ctx.incoming;
    if (!incoming) return next();
    if (incoming.payload !== undefined && !isRoutable(incoming.payload, assistant)) {
      // Forged or outdated callback data: never reaches the core.
      log.warn({ update_id: ctx.update.update_id, payload: incoming.payload.slice(0, 80) }, "telegram: button press with unknown callback data ignored");
      await ctx.answerCallbackQuery({ text: "Nút này không còn hiệu lực. Xin vui lòng gõ /help để xem các lệnh.", show_alert: true });
      return;
    }
    const replies = await assistant.handle(incoming);
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    const chatId = ctx.chat?.id ?? ctx.from!.id;
    const pressed = ctx.callbackQuery?.message?.message_id;
    const inGroup = incoming.chat.type === "group" && ctx.message !== undefined;
    let first = true;
    for (const reply of replies) {
      const rendered = renderReply(reply);
      for (const problem of rendered.problems) log.warn({ update_id: ctx.update.update_id }, `telegram: ${problem}`);
      await sendRendered(
        ctx.api,
        { chatId, replyToMessageId: first && inGroup ? ctx.message!.message_id : undefined, editMessageId: first ? pressed : undefined },
        rendered,
        log,
      );
      first = false;
    }
    // Roles may have changed: menus follow in the background, off the reply path.
    menus?.request();
  });

  // 5. Unhandled: nothing else to do, but a pressed button must still stop spinning.
  app.use(async (ctx) => {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  });
  return bot;
}

/** Whether callback data names a command the core knows (`"xemthem email-accounts"` → xemthem). */
export function isRoutable(payload: string, assistant: Pick<Assistant, "findCommand">): boolean {
  const m = /^\/?([\p{L}\p{N}_]+)(?:\s|$)/u.exec(payload.trim());
  return m !== null && assistant.findCommand(m[1]!) !== undefined;
}

/** A one-line account of an error, with the network cause of an HttpError and no token. */
function describe(error: unknown): string {
  let text: string;
  if (error instanceof GrammyError) text = `GrammyError ${error.error_code ?? "?"} in ${error.method}: ${error.description}`;
  else if (error instanceof HttpError) {
    const inner = error.error as (Error & { cause?: { code?: string; message?: string } }) | undefined;
    const cause = inner ? `: ${inner.message}${inner.cause?.code ? ` (${inner.cause.code})` : ""}` : "";
    text = `HttpError: ${error.message}${cause}`;
  } else text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return scrubSecrets(text, []);
}

/**
 * Asks Telegram who the bot is (getMe). A refused token is a configuration problem and is reported
 * as such; a network failure after auto-retry is thrown as is.
 */
export async function fetchBotIdentity(api: Api, signal?: AbortSignal): Promise<UserFromGetMe> {
  try {
    return await api.getMe(signal as Parameters<Api["getMe"]>[0]);
  } catch (error) {
    if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
      throw new FileProblemError("config: invalid settings", [
        `BOT_TOKEN was refused by the Bot API (${error.error_code} ${error.description}): copy the token again from @BotFather`,
      ]);
    }
    throw error;
  }
}

/** Options of {@link connectTelegram}. */
export interface ConnectOptions {
  token: string;
  apiRoot?: string;
  log: Logger;
  /** Give up after this long without an answer (default 60 s): the process exits, and its supervisor restarts it. */
  giveUpAfterMs?: number;
  /** Each attempt waits at most this long (default 10 s). */
  attemptTimeoutMs?: number;
  /** Waits between attempts (default 1, 2, 4, 8, 15 s, then 15 s). */
  delaysMs?: readonly number[];
  /** Give up after this many attempts, too (default: only the time bound). */
  maxAttempts?: number;
  /** Shutdown: stops connecting at once; the result is then undefined. */
  signal?: AbortSignal;
}

/**
 * Start-up: says "đang kết nối…", asks Telegram who the bot is, and reports the cause of every failed attempt
 * at once (a wrong API root, DNS, a firewall), retrying within a bound. A refused token stops at once with the fix.
 */
export async function connectTelegram(options: ConnectOptions): Promise<UserFromGetMe | undefined> {
  const { log } = options;
  const giveUpAfter = options.giveUpAfterMs ?? 60_000;
  const delays = options.delaysMs ?? [1_000, 2_000, 4_000, 8_000, 15_000];
  const root = options.apiRoot ?? "https://api.telegram.org";
  const api = new Api(options.token, { ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}), timeoutSeconds: Math.ceil((options.attemptTimeoutMs ?? 10_000) / 1000) });
  log.info({ apiRoot: root }, `telegram: đang kết nối… (connecting to ${root})`);
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    if (options.signal?.aborted) return undefined;
    try {
      const me = await fetchBotIdentity(api, options.signal);
      if (attempt > 0) log.info({ attempts: attempt + 1 }, "telegram: connected");
      return me;
    } catch (error) {
      if (options.signal?.aborted) return undefined;
      if (error instanceof FileProblemError) throw error;
      const cause = describe(error);
      const delay = delays[Math.min(attempt, delays.length - 1)] ?? 15_000;
      if (Date.now() - started + delay > giveUpAfter || attempt + 1 >= (options.maxAttempts ?? Infinity)) {
        throw new FileProblemError(
          `telegram: could not reach the Bot API at ${root} for ${Math.round(giveUpAfter / 1000)} s (last error: ${cause}). ` +
            `Check the network, proxy and firewall of this server, or TELEGRAM_API_ROOT; the process stops so its supervisor can restart it.`,
        );
      }
      log.warn({ attempt: attempt + 1, retryInMs: delay, err: cause }, "telegram: chưa kết nối được (cannot reach the Bot API); retrying");
      await sleepUnlessAborted(delay, options.signal);
    }
  }
}
