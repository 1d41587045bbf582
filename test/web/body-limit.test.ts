import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { BodyTooLargeError, readBody } from "../../src/web/body.js";

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server?.closeAllConnections();
  server = undefined;
});

/** A server that reads each body with `limit` and reports what it read; counts the bytes it buffered. */
async function start(limit: number) {
  const seen: Array<{ status: number; bytes: number }> = [];
  server = createServer((req, res) => {
    readBody(req, limit).then(
      (body) => {
        seen.push({ status: 200, bytes: body.length });
        res.writeHead(200).end(String(body.length));
      },
      (error: unknown) => {
        const status = error instanceof BodyTooLargeError ? 413 : 400;
        seen.push({ status, bytes: 0 });
        res.writeHead(status, { Connection: "close" }).end();
      },
    );
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, seen };
}

/** Sends `total` bytes chunked (no Content-Length), `chunk` bytes at a time; resolves with the status. */
function sendChunked(port: number, total: number, chunk = 64 * 1024): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: "POST", path: "/", headers: { "transfer-encoding": "chunked" } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (error) => reject(error));
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        const n = Math.min(chunk, total - sent);
        sent += n;
        if (!req.write(Buffer.alloc(n, 120))) {
          req.once("drain", pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

describe("readBody", () => {
  it("reads a body within the limit", async () => {
    const { port, seen } = await start(1000);
    expect(await sendChunked(port, 1000, 100)).toBe(200);
    expect(seen).toEqual([{ status: 200, bytes: 1000 }]);
  });

  it("refuses a 40 MB chunked body without a Content-Length once the limit is passed", async () => {
    const { port, seen } = await start(1_000_000);
    const status = await sendChunked(port, 40 * 1024 * 1024).catch(() => 413); // the server may close mid-upload
    expect(status).toBe(413);
    expect(seen).toEqual([{ status: 413, bytes: 0 }]);
  });

  it("refuses at once a body whose Content-Length is over the limit", async () => {
    const { port } = await start(10);
    const res = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: "x".repeat(11), signal: AbortSignal.timeout(5_000) });
    expect(res.status).toBe(413);
  });
});
