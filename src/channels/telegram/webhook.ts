/**
 * Webhook mode: a node:http server that hands Telegram's POSTs to grammY's webhookCallback,
 * checking the secret token (a wrong or missing one gets 401), and answers `GET /healthz`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Bot, webhookCallback } from "grammy";
import { timingSafeEqual } from "node:crypto";
import type { Update } from "grammy/types";
import type { Logger } from "../../core/ports.js";
import { BodyTooLargeError, readBody } from "../../web/body.js";
import { ALLOWED_UPDATES } from "./bot.js";
import type { BotContext } from "./context.js";

/** Largest update body accepted; Telegram's updates are far smaller. */
const MAX_BODY_BYTES = 1_000_000;

/** A running (or ready) webhook server. */
export interface WebhookServer {
  server: Server;
  /** Starts listening; resolves with the bound address (port 0 picks a free port). */
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops accepting requests and closes open connections. */
  close(): Promise<void>;
}

/**
 * Creates the webhook server for an initialised bot (preset botInfo, or `await bot.init()` first).
 * `path` is where Telegram POSTs updates (the path of WEBHOOK_URL).
 */
export function createWebhookServer(bot: Bot<BotContext>, options: { secret: string; path: string; log: Logger }): WebhookServer {
  const { secret, log } = options;
  const path = options.path || "/";
  // The body is read here, with a limit on the bytes received, and handed to grammY already parsed.
  const handleUpdate = webhookCallback(
    bot,
    (req: IncomingMessage, res: ServerResponse, update: Update) => ({
      update,
      header: headerOf(req),
      end: () => res.end(),
      respond: (json: string) => res.writeHead(200, { "Content-Type": "application/json" }).end(json),
      unauthorized: () => res.writeHead(401).end("secret token is wrong"),
    }),
    { secretToken: secret, onTimeout: "return", timeoutMilliseconds: 9_000 },
  );

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && url.pathname === "/healthz") {
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ ok: true }));
      return;
    }
    if (url.pathname !== path) {
      res.writeHead(404).end();
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(405, { Allow: "POST" }).end();
      return;
    }
    // A wrong secret is refused before a byte of the body is read.
    if (!secretMatches(headerOf(req), secret)) {
      res.writeHead(401).end("secret token is wrong");
      req.resume();
      return;
    }
    readBody(req, MAX_BODY_BYTES)
      .then((body) => {
        let update: Update;
        try {
          update = JSON.parse(body.toString("utf8")) as Update;
        } catch {
          res.writeHead(400).end("body is not JSON");
          return;
        }
        if (typeof update !== "object" || update === null || typeof update.update_id !== "number") {
          res.writeHead(400).end("body is not a Telegram update");
          return;
        }
        return handleUpdate(req, res, update);
      })
      .catch((error: unknown) => {
        if (error instanceof BodyTooLargeError) {
          log.warn({ limit: error.limit }, "telegram: webhook body over the limit refused");
          if (!res.headersSent) res.writeHead(413, { Connection: "close" }).end();
          return;
        }
        log.warn({ err: error }, "telegram: webhook request could not be handled");
        if (!res.headersSent) res.writeHead(400).end();
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

/**
 * Webhook mode end to end: starts the server on `port`/`host`, then tells Telegram where to POST
 * (with the secret). If Telegram refuses, the server is closed and the error thrown: without the
 * webhook the bot would never hear anything.
 */
export async function startWebhook(
  bot: Bot<BotContext>,
  options: { url: string; secret: string; port: number; host: string; log: Logger },
): Promise<WebhookServer & { address: AddressInfo }> {
  const server = createWebhookServer(bot, { secret: options.secret, path: new URL(options.url).pathname, log: options.log });
  const address = await server.listen(options.port, options.host);
  try {
    await bot.api.setWebhook(options.url, {
      secret_token: options.secret,
      allowed_updates: [...ALLOWED_UPDATES],
      drop_pending_updates: false,
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  options.log.info({ port: address.port, url: options.url }, "telegram: webhook server listening");
  return { ...server, address };
}

function headerOf(req: IncomingMessage): string | undefined {
  const value = req.headers["x-telegram-bot-api-secret-token"];
  return Array.isArray(value) ? value[0] : value;
}

/** Compares the secret header in constant time. */
function secretMatches(header: string | undefined, secret: string): boolean {
  if (header === undefined) return false;
  const a = Buffer.from(header);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
