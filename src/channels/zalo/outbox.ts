/**
 * The Zalo sender: delivers one core message to a `zalo:<chat id>` chat through the client, as the
 * reference's error table says. Rate limits are the job of the throttled outbox around it; a 429
 * "quota exceeded" is not a rate limit but a plan quota, so it pauses every Zalo send for a while
 * instead of being retried.
 */
import type { ChatKey, Logger, SendResult } from "../../core/ports.js";
import type { ThrottleOptions, SendOne } from "../throttled-outbox.js";
import { ZaloApiError, type ZaloClient, ZaloNetworkError } from "./client.js";
import { type AttachmentLinker, renderZaloReply } from "./render.js";

/**
 * What production sends with on Zalo. The platform documents quotas per plan but no per-second limit;
 * these keep well under what a messenger accepts, one message per second per chat like Telegram.
 */
export const ZALO_SENDING: ThrottleOptions = { perSecond: 20, perChatPerSecond: 1, perGroupPerMinute: 20, windowMarginMs: 100, maxRetries: 0 };

/** How long Zalo sending pauses after a 429 "quota exceeded". */
export const QUOTA_PAUSE_MS = 30 * 60 * 1000;

/** The Zalo chat id inside a chat key, or null for another channel's key. */
export function zaloChatId(chatKey: ChatKey): string | null {
  const m = /^zalo:([A-Za-z0-9_-]+)$/.exec(chatKey);
  return m ? m[1]! : null;
}

/** Remembers a quota pause: while it lasts every send fails fast, and its start is reported once. */
export interface QuotaGuard {
  /** The end of the current pause, or null. */
  pausedUntil(nowMs: number): number | null;
  /** Starts (or extends) a pause; returns true when this starts a new one (report it). */
  trip(nowMs: number): boolean;
}

/** Creates a {@link QuotaGuard} pausing for `pauseMs` after each 429. */
export function createQuotaGuard(pauseMs = QUOTA_PAUSE_MS): QuotaGuard {
  let until = 0;
  return {
    pausedUntil: (now) => (now < until ? until : null),
    trip(now) {
      const fresh = now >= until;
      until = now + pauseMs;
      return fresh;
    },
  };
}

/** What the sender needs. */
export interface ZaloSenderDeps {
  client: ZaloClient;
  log: Logger;
  quota: QuotaGuard;
  now: () => number;
  /** Signed links for attachments; absent without PUBLIC_URL. */
  linkFor?: AttachmentLinker;
  /** Called once when a quota pause starts, e.g. to record it and tell the admins. Must not throw. */
  onQuotaPause?: (info: { until: Date; chatKey: ChatKey; ref: string }) => void | Promise<void>;
  /** Delays between attempts after a transient failure (403, 5xx, network). Default 1 s then 3 s: three attempts in all. */
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Creates the per-message sender. Results: `ok` with the id of the last text message; `failed` with the
 * reason otherwise. 403 ("internal server error" in Zalo's docs), 5xx and network errors are retried a
 * bounded number of times; 400, 401 and 404 are not; a 429 pauses Zalo and fails this message at once.
 * After a partial send nothing is retried, since the parts that arrived would be sent twice.
 */
export function createZaloSender(deps: ZaloSenderDeps): SendOne {
  const delays = deps.retryDelaysMs ?? [1000, 3000];
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  const withRetry = async <T>(fn: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        if (!isTransient(error) || attempt >= delays.length) throw error;
        await sleep(delays[attempt]!);
      }
    }
  };

  return async (message) => {
    const chatKey = message.chatKey;
    const chatId = zaloChatId(chatKey);
    if (chatId === null) return { chatKey, result: "failed", error: "not a Zalo chat (expected zalo:<chat id>)" };
    const paused = deps.quota.pausedUntil(deps.now());
    if (paused !== null) return { chatKey, result: "failed", error: `zalo: sending paused until ${new Date(paused).toISOString()} after a quota error (429)` };

    const rendered = renderZaloReply(message.reply, { linkFor: deps.linkFor });
    let sent = 0;
    let lastId: string | undefined;
    try {
      for (const text of rendered.texts) {
        const r = await (sent === 0 ? withRetry(() => deps.client.sendMessage({ chat_id: chatId, text })) : deps.client.sendMessage({ chat_id: chatId, text }));
        sent += 1;
        lastId = r.message_id;
      }
      for (const photo of rendered.photos) {
        await deps.client.sendPhoto({ chat_id: chatId, photo: photo.url, ...(photo.caption ? { caption: photo.caption } : {}) });
        sent += 1;
      }
      return { chatKey, result: "ok", ...(lastId ? { messageId: lastId } : {}) };
    } catch (error) {
      return failure(deps, error, message.ref, chatKey, sent);
    }
  };
}

function isTransient(error: unknown): boolean {
  if (error instanceof ZaloNetworkError) return error.reason !== "aborted";
  return error instanceof ZaloApiError && (error.errorCode === 403 || error.errorCode >= 500);
}

async function failure(deps: ZaloSenderDeps, error: unknown, ref: string, chatKey: ChatKey, sent: number): Promise<SendResult> {
  const partial = sent > 0 ? ` (after ${sent} part(s) were sent)` : "";
  if (error instanceof ZaloApiError && error.errorCode === 429) {
    const now = deps.now();
    if (deps.quota.trip(now)) {
      const until = new Date(deps.quota.pausedUntil(now) ?? now);
      deps.log.error({ chatKey, ref, until: until.toISOString() }, "zalo: quota exceeded (429); Zalo sending is paused");
      try {
        await deps.onQuotaPause?.({ until, chatKey, ref });
      } catch (e) {
        deps.log.warn({ err: (e as Error)?.message }, "zalo: the quota pause could not be reported");
      }
    }
    return { chatKey, result: "failed", error: `zalo: quota exceeded (429)${partial}` };
  }
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof ZaloApiError && error.errorCode === 401) {
    deps.log.error({ chatKey, ref }, "zalo: the token was refused (401); copy it again from Zalo Bot Creator into ZALO_BOT_TOKEN");
  } else {
    deps.log.warn({ chatKey, ref, err: text }, "zalo: message could not be delivered");
  }
  return { chatKey, result: "failed", error: `${text}${partial}` };
}
