/**
 * Bringing the Zalo channel up: the identity check (getMe, retried with "đang kết nối…" while the API
 * cannot be reached; a 401 is a configuration error), and the throttled outbox with quota handling.
 */
import { FileProblemError } from "../../core/errors.js";
import type { ChatKey, Logger, Store } from "../../core/ports.js";
import { createThrottledOutbox, type ThrottledOutbox } from "../throttled-outbox.js";
import { ZaloApiError, type ZaloBotInfo, type ZaloClient } from "./client.js";
import { createQuotaGuard, createZaloSender, QUOTA_PAUSE_MS, ZALO_SENDING, type ZaloSenderDeps } from "./outbox.js";
import { backoffDelay } from "./polling.js";
import type { AttachmentLinker } from "./render.js";
import { sleepUnlessAborted } from "../sleep.js";

/**
 * Calls getMe until it answers. Each failure is logged at once with its cause, and retried with backoff
 * and jitter (1 s up to 30 s). A 401 or 404 stops with a message that says to copy the token again.
 * Resolves null if `signal` aborts first (a SIGTERM while the API is unreachable).
 */
export async function connectZalo(client: ZaloClient, log: Logger, signal?: AbortSignal, backoff = { firstMs: 1000, maxMs: 30_000 }): Promise<ZaloBotInfo | null> {
  log.info({}, "zalo: đang kết nối… (checking the token with getMe)");
  for (let attempt = 0; !signal?.aborted; attempt++) {
    try {
      const me = await client.getMe();
      log.info({ botId: me.id, name: me.account_name }, "zalo: connected");
      return me;
    } catch (error) {
      if (error instanceof ZaloApiError && (error.errorCode === 401 || error.errorCode === 404)) {
        throw new FileProblemError("config: invalid settings", [
          `ZALO_BOT_TOKEN was refused by the Zalo Bot API (${error.errorCode} ${error.description}): copy the token again from Zalo Bot Creator (Zalo app → Zalo Bot Creator → your bot → token)`,
        ]);
      }
      const delay = backoffDelay(attempt, backoff.firstMs, backoff.maxMs);
      log.warn({ err: (error as Error).message, retryInMs: delay }, "zalo: đang kết nối… (the Zalo API did not answer; retrying)");
      await sleepUnlessAborted(delay, signal);
    }
  }
  return null;
}

/** What the Zalo outbox needs. */
export interface ZaloOutboxDeps {
  client: ZaloClient;
  store: Store;
  log: Logger;
  now: () => number;
  linkFor?: AttachmentLinker;
  onQuotaPause?: ZaloSenderDeps["onQuotaPause"];
  pauseMs?: number;
}

/** The Zalo outbox: the sender behind the throttled outbox, with groups told apart by the chat records. */
export function createZaloOutbox(deps: ZaloOutboxDeps): ThrottledOutbox {
  const sendOne = createZaloSender({
    client: deps.client,
    log: deps.log,
    now: deps.now,
    quota: createQuotaGuard(deps.pauseMs ?? QUOTA_PAUSE_MS),
    ...(deps.linkFor && { linkFor: deps.linkFor }),
    ...(deps.onQuotaPause && { onQuotaPause: deps.onQuotaPause }),
  });
  // The throttle decides synchronously whether a chat is a group, so each send first reads the chat records
  // of its messages (a chat registered or re-registered since is seen at its next send).
  const groups = new Set<ChatKey>();
  const throttled = createThrottledOutbox(sendOne, { ...ZALO_SENDING, isGroup: (chatKey: ChatKey) => groups.has(chatKey) });
  return {
    pending: () => throttled.pending(),
    async send(messages) {
      const keys = [...new Set(messages.map((m) => m.chatKey))];
      const records = await Promise.all(keys.map((k) => deps.store.chats.get(k)));
      for (const [i, k] of keys.entries()) {
        if (records[i]?.type === "group") groups.add(k);
        else groups.delete(k);
      }
      return throttled.send(messages);
    },
  };
}
