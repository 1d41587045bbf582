import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { BodyTooLargeError, readBody } from "../../src/web/body.js";

let server: Server | undefined;
afterEach(async () => {
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((r) => server!.close(() => r()));
  server = undefined;
});

/** A server that reads each body with `limit` and answers 200 with the byte count, or 413. */
async function start(limit: number): Promise<number> {
  server = createServer((req, res) => {
    readBody(req, limit).then(
      (body) => res.writeHead(200).end(String(body.length)),
      (error: unknown) => res.writeHead(error instanceof BodyTooLargeError ? 413 : 500, { Connection: "close" }).end(String((error as Error).message)),
    );
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", () => r()));
  return (server.address() as AddressInfo).port;
}

/** POSTs `pieces` one write at a time, chunked (no Content-Length) unless `length` is given. */
function post(port: number, pieces: (string | Buffer)[], length?: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = length === undefined ? {} : { "content-length": String(length) };
    const req = request({ host: "127.0.0.1", port, method: "POST", path: "/", headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.setTimeout(5000, () => req.destroy(new Error("timeout")));
    for (const p of pieces) req.write(p);
    req.end();
  });
}

describe("readBody", () => {
  it("reads a chunked body within the limit in full", async () => {
    const port = await start(100);
    expect(await post(port, ["abc", "def", "ghi"])).toEqual({ status: 200, body: "9" });
  });

  it("accepts a body of exactly the limit", async () => {
    const port = await start(10);
    expect((await post(port, ["12345", "67890"])).status).toBe(200);
  });

  it("refuses a chunked body one byte over the limit", async () => {
    const port = await start(10);
    const res = await post(port, ["12345", "678901"]);
    expect(res.status).toBe(413);
    expect(res.body).toMatch(/larger than 10 bytes/);
  });

  it("counts bytes, not characters: Vietnamese letters of two or three bytes each", async () => {
    const port = await start(10);
    // "ệ" is 3 bytes in UTF-8: four of them are 4 characters but 12 bytes.
    expect((await post(port, ["ệệệệ"])).status).toBe(413);
    expect((await post(port, ["ệệệ"])).status).toBe(200);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const port = await start(10);
    const res = await post(port, ["x".repeat(20)], 20);
    expect(res.status).toBe(413);
  });

  it("reads an empty body as zero bytes", async () => {
    const port = await start(10);
    expect(await post(port, [])).toEqual({ status: 200, body: "0" });
  });
});
