/**
 * Reading request bodies with a limit on the bytes actually received. A Content-Length header is only a
 * claim (a chunked body has none): the limit is checked on every chunk, and reading stops at the first byte over it.
 */
import type { IncomingMessage } from "node:http";

/** A request body over the limit; answer 413. */
export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
  readonly status = 413;
  constructor(readonly limit: number) {
    super(`web: request body larger than ${limit} bytes refused (raise the limit only if real requests need it)`);
  }
}

/**
 * Reads the whole body of `req`, refusing it with a {@link BodyTooLargeError} as soon as more than `limit`
 * bytes have arrived (or Content-Length already says so). On refusal the request stream is paused and
 * its remaining data discarded, so a 40 MB upload is never buffered; send the 413 with `Connection: close`.
 *
 * ```ts
 * const body = await readBody(req, 1_000_000); // Buffer
 * ```
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      discard(req);
      reject(new BodyTooLargeError(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        cleanup();
        chunks.length = 0;
        discard(req);
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", onError);
  });
}

/** Drops what is left of a refused body without keeping it in memory. */
function discard(req: IncomingMessage): void {
  req.on("data", () => undefined);
  req.on("error", () => undefined);
  req.resume();
}
