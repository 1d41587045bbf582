/**
 * Zalo's webhook route for the one web server. Zalo POSTs each update with the header
 * `X-Bot-Api-Secret-Token`. The secret is compared in constant time before anything is read;
 * only JSON is accepted, and the body limit counts the bytes actually read. The answer (200) goes
 * out at once and the update is handled afterwards, so Zalo never waits on a slow reply.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Logger } from "../../core/ports.js";
import { BodyTooLargeError, readBody } from "../../web/body.js";
import { refuse, type Route } from "../../web/server.js";
import type { ZaloClient, ZaloUpdate } from "./client.js";
import { updateFromBody } from "./incoming.js";

/** Largest update body accepted; Zalo's updates are a few hundred bytes. */
export const ZALO_MAX_BODY_BYTES = 64 * 1024;

/** The header carrying the secret. */
export const ZALO_SECRET_HEADER = "x-bot-api-secret-token";

/** Whether `given` equals `secret`, in time that does not depend on where they differ (hashes have equal length). */
export function secretMatches(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(secret).digest();
  return timingSafeEqual(a, b);
}

/**
 * The route at the path of ZALO_WEBHOOK_URL. Answers: 401 without the right secret, 415 for a body that
 * is not JSON, 413 over the limit, 400 for malformed JSON, 200 otherwise. A JSON body that is not an
 * update (the platform's check when the webhook is set) gets 200 and is ignored.
 */
export function zaloWebhookRoute(options: { path: string; secret: string; log: Logger; onUpdate: (update: ZaloUpdate) => void; maxBytes?: number }): Route {
  const { secret, log, onUpdate } = options;
  const limit = options.maxBytes ?? ZALO_MAX_BODY_BYTES;
  return {
    method: "POST",
    path: options.path || "/",
    async handle(req, res) {
      const header = req.headers[ZALO_SECRET_HEADER];
      if (!secretMatches(Array.isArray(header) ? header[0] : header, secret)) {
        log.warn({ remote: req.socket.remoteAddress }, "zalo: webhook request with a missing or wrong secret refused");
        refuse(res, 401, "Unauthorized");
        return;
      }
      const type = String(req.headers["content-type"] ?? "").toLowerCase();
      if (!/^application\/json\s*(;|$)/.test(type)) {
        refuse(res, 415, "Only application/json is accepted");
        return;
      }
      let body: Buffer;
      try {
        body = await readBody(req, limit);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          log.warn({ limit }, "zalo: webhook body over the limit refused");
          refuse(res, 413, "Payload too large");
          return;
        }
        throw error;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString("utf8"));
      } catch {
        res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("Body is not valid JSON\n");
        return;
      }
      res.writeHead(200, { "Content-Type": "application/json" }).end('{"ok":true}');
      const update = updateFromBody(parsed);
      if (update) onUpdate(update);
      else log.debug({}, "zalo: webhook body without an update (a check call) answered 200");
    },
  };
}

/**
 * Webhook mode: the route must already be served (the platform calls the URL to check it), then
 * setWebhook tells Zalo where to POST. A refusal is thrown: without the webhook the bot hears nothing.
 */
export async function setZaloWebhook(client: ZaloClient, options: { url: string; secret: string; log: Logger }): Promise<void> {
  await client.setWebhook({ url: options.url, secret_token: options.secret });
  options.log.info({ url: options.url }, "zalo: webhook set");
}
