/**
 * The one HTTP server of the assistant. Each part contributes routes (Telegram's and Zalo's webhooks,
 * signed file links, /healthz); the server only matches them, adds the common security headers, and
 * turns a failing route into a 500 without a stack trace in the answer.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../core/ports.js";

/** One route: a method and an exact path, or a path prefix ending in "/". */
export interface Route {
  method: "GET" | "POST";
  path: string;
  /** Match every path that starts with `path`. */
  prefix?: boolean;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | void;
}

/** A running (or ready) server. */
export interface WebServer {
  server: Server;
  /** Starts listening; resolves with the bound address (port 0 picks a free port). */
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops accepting requests and closes open connections. */
  close(): Promise<void>;
}

/** Headers every answer carries. */
const COMMON_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
} as const;

/**
 * Creates the server from routes. Two routes may not claim the same method and path.
 *
 * ```ts
 * const web = createWebServer({ routes: [healthRoute(), zaloRoute, fileRoute], log });
 * await web.listen(config.PORT, config.HOST);
 * ```
 */
export function createWebServer(options: { routes: readonly Route[]; log: Logger }): WebServer {
  const { routes, log } = options;
  const seen = new Set<string>();
  for (const r of routes) {
    const id = `${r.method} ${r.path}`;
    if (seen.has(id)) throw new Error(`web: two routes claim ${id}; give each webhook its own path (e.g. /telegram and /zalo)`);
    seen.add(id);
  }
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [k, v] of Object.entries(COMMON_HEADERS)) res.setHeader(k, v);
    const url = new URL(req.url ?? "/", "http://localhost");
    const matching = routes.filter((r) => (r.prefix ? url.pathname.startsWith(r.path) : url.pathname === r.path));
    if (matching.length === 0) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    const route = matching.find((r) => r.method === req.method || (r.method === "GET" && req.method === "HEAD"));
    if (!route) {
      res.writeHead(405, { Allow: [...new Set(matching.map((r) => r.method))].join(", ") }).end();
      return;
    }
    Promise.resolve()
      .then(() => route.handle(req, res, url))
      .catch((error: unknown) => {
        log.error({ err: error instanceof Error ? error.message : String(error), path: url.pathname }, "web: a request failed");
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("Internal error\n");
        else res.end();
      });
  });
  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve(server.address() as AddressInfo);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** `GET /healthz`: 200 with the report while it says ok, 503 otherwise. */
export function healthRoute(report: () => { ok: boolean }): Route {
  return {
    method: "GET",
    path: "/healthz",
    handle(_req, res) {
      const body = report();
      res.writeHead(body.ok ? 200 : 503, { "Content-Type": "application/json", "Cache-Control": "no-store" }).end(JSON.stringify(body));
    },
  };
}

/** Answers and closes the connection: for refusals before the body was read (401, 413, 415). */
export function refuse(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" }).end(`${text}\n`);
  res.on("finish", () => res.req?.socket?.destroy());
}
