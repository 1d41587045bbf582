import { afterEach, describe, expect, it } from "vitest";
import { createWebhookServer, type WebhookServer } from "../../../src/channels/telegram/webhook.js";
import { createTelegramTestBot, privateText } from "../../helpers/telegram.js";

const SECRET = "s3cret_token_for_tests_0123456789";
let server: WebhookServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  const t = await createTelegramTestBot();
  server = createWebhookServer(t.bot, { secret: SECRET, path: "/telegram/hook", log: t.log });
  const { port } = await server.listen(0, "127.0.0.1");
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${port}/telegram/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
  return { t, port, post };
}

describe("webhook server", () => {
  it("hands an update with the right secret to the bot, which answers it", async () => {
    const { t, post } = await start();
    const res = await post(privateText({ id: 77, first_name: "An" }, "/lich email"), { "x-telegram-bot-api-secret-token": SECRET });
    expect(res.status).toBe(200);
    expect(t.textsTo(77)).toHaveLength(1);
  });

  it("refuses an update with a wrong secret with 401, without handling it", async () => {
    const { t, post } = await start();
    const res = await post(privateText({ id: 77, first_name: "An" }, "/lich"), { "x-telegram-bot-api-secret-token": "wrong-secret-value-000000000" });
    expect(res.status).toBe(401);
    expect(t.calls).toEqual([]);
  });

  it("refuses an update without a secret with 401", async () => {
    const { t, post } = await start();
    const res = await post(privateText({ id: 77, first_name: "An" }, "/lich"));
    expect(res.status).toBe(401);
    expect(t.calls).toEqual([]);
  });

  it("answers GET /healthz with 200, and unknown paths with 404", async () => {
    const { port } = await start();
    const health = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(5_000) });
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const other = await fetch(`http://127.0.0.1:${port}/other`, { signal: AbortSignal.timeout(5_000) });
    expect(other.status).toBe(404);
  });
});

describe("webhook body limit", () => {
  it("refuses a chunked body over the limit with 413, without handling it", async () => {
    const { t, port } = await start();
    const { request } = await import("node:http");
    const status = await new Promise<number>((resolve) => {
      const req = request(
        { host: "127.0.0.1", port, method: "POST", path: "/telegram/hook", headers: { "transfer-encoding": "chunked", "x-telegram-bot-api-secret-token": SECRET } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", () => resolve(413));
      for (let i = 0; i < 40; i++) req.write(Buffer.alloc(64 * 1024, 32));
      req.end();
    });
    expect(status).toBe(413);
    expect(t.calls).toEqual([]);
  });

  it("refuses a body that is not an update with 400", async () => {
    const { t, post } = await start();
    const res = await post({ hello: "world" }, { "x-telegram-bot-api-secret-token": SECRET });
    expect(res.status).toBe(400);
    expect(t.calls).toEqual([]);
  });
});
