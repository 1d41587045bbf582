/**
 * Waits `ms`, or less if `signal` aborts first (shutdown), and never rejects: every retry loop of the channels
 * waits through it, so a SIGTERM during a backoff ends the wait at once.
 *
 * ```ts
 * await sleepUnlessAborted(backoffDelay(attempt, 1000, 30_000), shutdown.signal);
 * ```
 */
export function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done);
  });
}
