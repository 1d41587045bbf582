/**
 * Turns a "write everything" function into one that many callers can call at once:
 * calls that arrive while a write is running share the next single write, and each caller's
 * promise resolves only after a write that started after its call (so its change is on disk).
 * Without this, every concurrent lowdb `write()` serializes the whole file again.
 */
export function coalesceWrites(write: () => Promise<void>): () => Promise<void> {
  let inflight: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;
  return () => {
    if (queued) return queued;
    const next = inflight.then(() => {
      queued = null;
      return write();
    });
    queued = next;
    inflight = next.catch(() => undefined);
    return next;
  };
}
