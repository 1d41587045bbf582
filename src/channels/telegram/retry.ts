/**
 * Bounded retries of network failures. auto-retry retries an HttpError (no answer from the Bot API) forever,
 * whatever `maxRetryAttempts` says, so one stuck send can hold an update, a shutdown or a whole chat for hours.
 * Here auto-retry is told to rethrow those, and this transformer retries them a fixed number of times
 * within a fixed time, then gives up with the last error.
 */
import { HttpError, type Transformer } from "grammy";
import { sleepUnlessAborted } from "../sleep.js";

/** How network failures are retried. */
export interface NetworkRetry {
  /** Waits before each retry, in ms; its length is the number of retries (default 1 s, 3 s). */
  delaysMs: readonly number[];
  /** No retry starts later than this after the first attempt (default 15 s). */
  maxTotalMs: number;
}

/** The default: two retries, none started later than 15 s after the first try. */
export const NETWORK_RETRY: NetworkRetry = { delaysMs: [1_000, 3_000], maxTotalMs: 15_000 };

/**
 * An API transformer that retries a call that failed on the network ({@link HttpError}) per `retry`,
 * stopping at once when the call's signal aborts (polling stopped, shutdown).
 *
 * ```ts
 * api.config.use(retryNetworkErrors({ delaysMs: [1000], maxTotalMs: 5000 }));
 * ```
 */
export function retryNetworkErrors(retry: NetworkRetry = NETWORK_RETRY, now: () => number = Date.now): Transformer {
  return async (prev, method, payload, signal) => {
    const started = now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await prev(method, payload, signal);
      } catch (error) {
        const delay = retry.delaysMs[attempt];
        const giveUp =
          !(error instanceof HttpError) || delay === undefined || signal?.aborted === true || now() - started + delay > retry.maxTotalMs;
        if (giveUp) throw error;
        await sleepUnlessAborted(delay, signal as unknown as AbortSignal | undefined);
      }
    }
  };
}

