/**
 * A tiny round-robin reverse proxy on 127.0.0.1, standing in for Caddy in front of several assistant instances
 * (deploy/Caddyfile): each request goes to the next upstream, and to the one after it when that refuses the
 * connection (an instance killed or not yet listening). It counts what each upstream answered, so a test can
 * show that every instance took its share. Node builtins only; `close()` ends every connection.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A running balancer. */
export interface Balancer {
  /** "http://127.0.0.1:PORT". */
  readonly url: string;
  /** Requests answered by each upstream port. */
  readonly served: Map<number, number>;
  /** Requests no upstream could take (every one refused the connection). */
  readonly failed: number;
  close(): Promise<void>;
}

function forward(port: number, req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const upstream = request(
      { host: "127.0.0.1", port, method: req.method, path: req.url, headers: { ...req.headers, "x-forwarded-for": req.socket.remoteAddress ?? "" } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on("end", () => resolve(true));
        answer.on("error", () => resolve(true));
      },
    );
    // A refused or reset connection before any answer: try the next upstream.
    upstream.on("error", () => resolve(res.headersSent));
    upstream.end(body);
  });
}

/** Starts the balancer in front of `ports` (the instances' PORT). */
export async function startBalancer(ports: readonly number[]): Promise<Balancer> {
  let next = 0;
  let failed = 0;
  const served = new Map<number, number>(ports.map((p) => [p, 0]));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const first = next++ % ports.length;
      for (let i = 0; i < ports.length; i++) {
        const port = ports[(first + i) % ports.length]!;
        if (await forward(port, req, body, res)) {
          served.set(port, served.get(port)! + 1);
          return;
        }
      }
      failed++;
      res.writeHead(502, { "Content-Type": "text/plain" }).end("no instance answered\n");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    get failed() {
      return failed;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
