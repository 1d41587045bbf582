/** A coalesced writer: `write()` to request a write, `idle()` to wait for what was requested. */
export interface CoalescedWriter {
  /** Requests a write; resolves once a write that started after this call is on disk. */
  write(): Promise<void>;
  /** Resolves when every requested write has finished (without starting a new one). */
  idle(): Promise<void>;
}

/**
 * Turns a "write everything" function into one that many callers can call at once:
 * calls that arrive while a write is running share the next single write, and each caller's
 * promise resolves only after a write that started after its call (so its change is on disk).
 * Without this, every concurrent lowdb `write()` serializes the whole file again.
 */
export function coalesceWrites(write: () => Promise<void>): CoalescedWriter {
  let inflight: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;
  return {
    write() {
      if (queued) return queued;
      const next = inflight.then(() => {
        queued = null;
        return write();
      });
      queued = next;
      inflight = next.catch(() => undefined);
      return next;
    },
    idle: () => inflight,
  };
}
