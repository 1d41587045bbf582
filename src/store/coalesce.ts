/** A coalesced writer: `write()` to request a write, `idle()` to wait for what was requested. */
export interface CoalescedWriter {
  /** Requests a write; resolves once a write that started after this call is on disk. */
  write(): Promise<void>;
  /** Resolves when every requested write has finished (without starting a new one). Never rejects. */
  idle(): Promise<void>;
}

/** Options of {@link coalesceWrites}. */
export interface CoalesceOptions {
  /**
   * Called, synchronously, when a write fails, before any caller sees the rejection: the place to put memory
   * back as it was on disk. The write that was queued behind the failed one is then cancelled and its callers
   * rejected with the same error, since the rollback undid their changes too.
   */
  onFailure?: (error: unknown) => void;
}

/**
 * Turns a "write everything" function into one that many callers can call at once:
 * calls that arrive while a write is running share the next single write, and each caller's
 * promise resolves only after a write that started after its call (so its change is on disk).
 * When a write fails, every caller whose change is not on disk is rejected: those of the failed write
 * and those waiting for the next one. Without this, every concurrent lowdb `write()` serializes the whole file again.
 */
export function coalesceWrites(write: () => Promise<void>, options: CoalesceOptions = {}): CoalescedWriter {
  let inflight: Promise<void> = Promise.resolve();
  let queued: Pending | null = null;
  return {
    write() {
      if (queued) return queued.promise;
      const entry = pending();
      queued = entry;
      void inflight.then(async () => {
        if (entry.cancelled) return;
        queued = null;
        try {
          await write();
          entry.resolve();
        } catch (error) {
          options.onFailure?.(error);
          const next = queued as Pending | null;
          if (next) {
            next.cancelled = true;
            queued = null;
            next.reject(error);
          }
          entry.reject(error);
        }
      });
      inflight = entry.promise.catch(() => undefined);
      return entry.promise;
    },
    idle: () => inflight,
  };
}

interface Pending {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
  cancelled: boolean;
}

function pending(): Pending {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A caller may not await (fire-and-forget of a best-effort write); the rejection still reaches those who do.
  promise.catch(() => undefined);
  return { promise, resolve, reject, cancelled: false };
}
