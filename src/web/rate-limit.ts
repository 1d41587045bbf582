/**
 * A per-client rate limit for the web pages: a fixed window of `limit` requests per `windowMs` for each
 * client key (the remote address). In memory, bounded (the oldest windows are dropped past `maxClients`),
 * with the clock injected so tests never wait.
 */

/** What {@link RateLimiter.take} decided. */
export type RateDecision = { ok: true } | { ok: false; retryAfterS: number };

/** Counts requests per client. */
export interface RateLimiter {
  /** Counts one request of `client` at `nowMs`; refuses it once the window's limit is reached. */
  take(client: string, nowMs: number): RateDecision;
}

/**
 * Creates a limiter.
 *
 * ```ts
 * const limiter = createRateLimiter({ limit: 120, windowMs: 60_000 });
 * if (!limiter.take(req.socket.remoteAddress ?? "?", Date.now()).ok) res.writeHead(429);
 * ```
 */
export function createRateLimiter(options: { limit: number; windowMs: number; maxClients?: number }): RateLimiter {
  if (!(options.limit > 0) || !(options.windowMs > 0)) throw new Error("rate-limit: limit and windowMs must be positive numbers");
  const maxClients = options.maxClients ?? 10_000;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(client, nowMs) {
      let w = windows.get(client);
      if (!w || nowMs - w.start >= options.windowMs) {
        windows.delete(client);
        if (windows.size >= maxClients) {
          // Maps keep insertion order: the first key is the oldest window.
          const oldest = windows.keys().next().value;
          if (oldest !== undefined) windows.delete(oldest);
        }
        w = { start: nowMs, count: 0 };
        windows.set(client, w);
      }
      if (w.count >= options.limit) return { ok: false, retryAfterS: Math.max(1, Math.ceil((w.start + options.windowMs - nowMs) / 1000)) };
      w.count += 1;
      return { ok: true };
    },
  };
}
