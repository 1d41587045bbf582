/**
 * Webhook mode: a node:http server that hands Telegram's POSTs to grammY's webhookCallback,
 * checking the secret token (a wrong or missing one gets 401), and answers `GET /healthz`.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Bot, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../../core/ports.js";
import { BodyTooLargeError, readBody } from "../../web/body.js";
import { ALLOWED_UPDATES } from "./bot.js";
import type { BotContext } from "./context.js";
import { createWebServer, healthRoute, type Route, type WebServer } from "../../web/server.js";

/** Largest update body accepted; Telegram's updates are far smaller. */
const MAX_BODY_BYTES = 1_000_000;

/** A running (or ready) webhook server. */
export type WebhookServer = WebServer;

/**
 * The route where Telegram POSTs updates (the path of WEBHOOK_URL), for the one web server. A wrong or missing
 * secret token gets 401 before the body is read; the body is read with a limit on the bytes actually received
 * (413 past it, whatever Content-Length says) and handed to grammY already parsed.
 */
export function telegramWebhookRoute(bot: Bot<BotContext>, options: { secret: string; path: string; log: Logger }): Route {
  const { secret, log } = options;
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
  return {
    method: "POST",
    path: options.path || "/",
    handle(req: IncomingMessage, res: ServerResponse) {
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
    },
  };
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

/**
 * A web server with only Telegram's webhook route and `GET /healthz`, for an initialised bot
 * (preset botInfo, or `await bot.init()` first).
 */
export function createWebhookServer(bot: Bot<BotContext>, options: { secret: string; path: string; log: Logger }): WebhookServer {
  return createWebServer({ routes: [healthRoute(() => ({ ok: true })), telegramWebhookRoute(bot, options)], log: options.log });
}

/** Tells Telegram where to POST updates, with the secret. */
export async function setTelegramWebhook(bot: Bot<BotContext>, options: { url: string; secret: string }): Promise<void> {
  await bot.api.setWebhook(options.url, { secret_token: options.secret, allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false });
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
    await setTelegramWebhook(bot, options);
  } catch (error) {
    await server.close();
    throw error;
  }
  options.log.info({ port: address.port, url: options.url }, "telegram: webhook server listening");
  return { ...server, address };
}
