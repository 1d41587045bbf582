/**
 * Webhook mode: a node:http server that hands Telegram's POSTs to grammY's webhookCallback,
 * checking the secret token (a wrong or missing one gets 401), and answers `GET /healthz`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Bot, webhookCallback } from "grammy";
import type { Logger } from "../../core/ports.js";
import { ALLOWED_UPDATES } from "./bot.js";
import type { BotContext } from "./context.js";
import { createWebServer, healthRoute, type Route, type WebServer } from "../../web/server.js";

/** Largest update body accepted; Telegram's updates are far smaller. */
const MAX_BODY_BYTES = 1_000_000;

/** A running (or ready) webhook server. */
export type WebhookServer = WebServer;

/**
 * The route where Telegram POSTs updates (the path of WEBHOOK_URL), for the one web server. The secret
 * token is checked by grammY's webhookCallback: a wrong or missing one gets 401.
 */
export function telegramWebhookRoute(bot: Bot<BotContext>, options: { secret: string; path: string; log: Logger }): Route {
  const { secret, log } = options;
  const handleUpdate = webhookCallback(bot, "http", { secretToken: secret, onTimeout: "return", timeoutMilliseconds: 9_000 });
  return {
    method: "POST",
    path: options.path || "/",
    handle(req: IncomingMessage, res: ServerResponse) {
      if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
        res.writeHead(413).end();
        return;
      }
      handleUpdate(req, res).catch((error: unknown) => {
        log.warn({ err: error instanceof Error ? error.message : String(error) }, "telegram: webhook request could not be handled");
        if (!res.headersSent) res.writeHead(400).end();
      });
    },
  };
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
