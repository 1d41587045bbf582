/**
 * Long polling for Zalo (development and small deployments): deleteWebhook first, so a forgotten
 * webhook never silences the bot, then one getUpdates after another. Each poll returns at most one
 * update; an idle poll ends with 408, which is normal. Network trouble is logged at once and retried
 * with backoff and jitter; a refused token stops the loop with a configuration error.
 */
import type { Logger } from "../../core/ports.js";
import { sleepUnlessAborted } from "../sleep.js";
import { ZaloApiError, type ZaloClient, type ZaloUpdate } from "./client.js";

/** A running polling loop. */
export interface ZaloPolling {
  /** Resolves when the loop ended: after stop(), or with the error that ended it (a 401). */
  stopped: Promise<Error | null>;
  /** Stops polling (aborts the open request) and waits for the loop to end. */
  stop(): Promise<void>;
}

/** Options of {@link startZaloPolling}. */
export interface ZaloPollingOptions {
  client: ZaloClient;
  log: Logger;
  /** Called for every update; must not throw (the handler catches its own errors). Not awaited: the next poll starts at once. */
  onUpdate: (update: ZaloUpdate) => void;
  /** The long-poll timeout, in seconds. Default 30. */
  timeoutSeconds?: number;
  /** Backoff after a failure: first and largest delay in ms. Default 1 s to 30 s. */
  backoff?: { firstMs: number; maxMs: number };
  random?: () => number;
}

/** The delay before retry number `attempt` (0-based): exponential, capped, with full jitter between half and all of it. */
export function backoffDelay(attempt: number, firstMs: number, maxMs: number, random: () => number = Math.random): number {
  const base = Math.min(maxMs, firstMs * 2 ** attempt);
  return Math.round(base / 2 + (random() * base) / 2);
}

/**
 * Starts the loop and resolves at once with its handle, so shutdown is prompt whatever the network does.
 * The loop first calls deleteWebhook (retried like any network error, with "đang kết nối…" in the log),
 * logs "zalo: long polling started", then polls. A 401 ends `stopped` with the error.
 */
export async function startZaloPolling(options: ZaloPollingOptions): Promise<ZaloPolling> {
  const { client, log, onUpdate } = options;
  const { firstMs, maxMs } = options.backoff ?? { firstMs: 1000, maxMs: 30_000 };
  const random = options.random ?? Math.random;
  const controller = new AbortController();

  /** Runs `step` until it succeeds, logging each failure with its cause; rethrows a 401. */
  const persist = async <T>(what: string, step: () => Promise<T>): Promise<T | undefined> => {
    for (let attempt = 0; !controller.signal.aborted; attempt++) {
      try {
        const result = await step();
        if (attempt > 0) log.info({ what }, "zalo: connected again");
        return result;
      } catch (error) {
        if (controller.signal.aborted) return undefined;
        if (error instanceof ZaloApiError && error.errorCode === 401) throw error;
        const delay = backoffDelay(attempt, firstMs, maxMs, random);
        log.warn({ what, err: (error as Error).message, retryInMs: delay }, "zalo: đang kết nối… (the Zalo API did not answer; retrying)");
        await sleepUnlessAborted(delay, controller.signal);
      }
    }
    return undefined;
  };

  const loop = async (): Promise<Error | null> => {
    try {
      await persist("deleteWebhook", () => client.deleteWebhook());
      if (controller.signal.aborted) return null;
      log.info({}, "zalo: long polling started");
      while (!controller.signal.aborted) {
        const update = await persist("getUpdates", () =>
          client.getUpdates({ timeoutSeconds: options.timeoutSeconds ?? 30, signal: controller.signal }),
        );
        if (update) {
          try {
            onUpdate(update);
          } catch (error) {
            log.error({ err: (error as Error)?.message }, "zalo: an update could not be handed over; polling goes on");
          }
        }
      }
      return null;
    } catch (error) {
      log.error({ err: (error as Error).message }, "zalo: polling stopped: the token was refused (401); copy it again from Zalo Bot Creator into ZALO_BOT_TOKEN");
      return error as Error;
    }
  };

  const stopped = loop();
  return {
    stopped,
    async stop() {
      controller.abort();
      await stopped;
    },
  };
}
