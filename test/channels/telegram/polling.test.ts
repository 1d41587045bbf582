import { Api } from "grammy";
import { afterEach, describe, expect, it, vi } from "vitest";
import { idlePollBrake } from "../../../src/channels/telegram/polling.js";
import { startWebhook } from "../../../src/channels/telegram/webhook.js";
import { type ApiCall, createTelegramTestBot, recordingTransformer, TOKEN } from "../../helpers/telegram.js";

/** grammY types signals with its abort-controller shim; the runtime signal is Node's. */
type PollSignal = Parameters<Api["getUpdates"]>[1];

afterEach(() => {
  vi.useRealTimers();
});

function brakedApi() {
  const calls: ApiCall[] = [];
  const api = new Api(TOKEN);
  api.config.use(recordingTransformer(calls, { nextMessageId: 1 }));
  api.config.use(idlePollBrake(500));
  return { api, calls };
}

describe("idlePollBrake", () => {
  it("holds an empty getUpdates answered at once until 500 ms have passed", async () => {
    vi.useFakeTimers();
    const { api } = brakedApi();
    const controller = new AbortController();
    let done = false;
    const poll = api.getUpdates({ timeout: 30 }, controller.signal as PollSignal).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(499);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await poll;
    expect(done).toBe(true);
  });

  it("stops holding as soon as polling is stopped", async () => {
    vi.useFakeTimers();
    const { api } = brakedApi();
    const controller = new AbortController();
    let done = false;
    const poll = api.getUpdates({ timeout: 30 }, controller.signal as PollSignal).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    await poll;
    expect(done).toBe(true);
  });

  it("does not hold other calls", async () => {
    vi.useFakeTimers();
    const { api, calls } = brakedApi();
    await api.sendMessage(1, "x");
    expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
  });
});

describe("startWebhook", () => {
  it("registers the webhook URL with the secret and the allowed updates, then serves", async () => {
    const t = await createTelegramTestBot();
    const server = await startWebhook(t.bot, { url: "https://bot.example.gov.vn/telegram", secret: "s3cret_token_for_tests_0123456789", port: 0, host: "127.0.0.1", log: t.log });
    try {
      const [call] = t.callsOf("setWebhook");
      expect(call!.payload).toMatchObject({
        url: "https://bot.example.gov.vn/telegram",
        secret_token: "s3cret_token_for_tests_0123456789",
        allowed_updates: ["message", "callback_query", "my_chat_member"],
      });
      const health = await fetch(`http://127.0.0.1:${server.address.port}/healthz`, { signal: AbortSignal.timeout(5_000) });
      expect(health.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("closes its server and fails when Telegram refuses the webhook", async () => {
    const t = await createTelegramTestBot();
    t.failWhen((c) => (c.method === "setWebhook" ? { error_code: 400, description: "Bad Request: bad webhook: HTTPS url must be provided" } : undefined));
    await expect(startWebhook(t.bot, { url: "https://bot.example.gov.vn/telegram", secret: "s3cret_token_for_tests_0123456789", port: 0, host: "127.0.0.1", log: t.log })).rejects.toThrow(/bad webhook/);
  });
});
