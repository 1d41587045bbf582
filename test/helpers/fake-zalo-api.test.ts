import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeZaloApi, type FakeZaloApi, type FakeZaloOptions } from "./fake-zalo-api.js";

/** What a test-side HTTP server saw. */
interface Received {
  headers: IncomingMessage["headers"];
  body: string;
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fake(options: FakeZaloOptions = {}): Promise<FakeZaloApi> {
  const api = await startFakeZaloApi(options);
  cleanups.push(() => api.close());
  return api;
}

/** A tiny local HTTP server (a webhook receiver or a photo host) that answers with `answer` and records requests. */
async function localServer(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

/** Calls the fake with POST + JSON (or what `init` says) and returns the HTTP status and parsed body. */
async function call(
  api: FakeZaloApi,
  method: string,
  params: Record<string, unknown> = {},
  token = api.token,
): Promise<{ status: number; body: { ok: boolean; result?: any; description?: string; error_code?: number } }> {
  const res = await fetch(`${api.url}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
    signal: AbortSignal.timeout(5000),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const USER = "6ede9afa66b88fe6d6a9";
const SECRET = "webhook-secret-123";

describe("fake Zalo Bot API: transport", () => {
  it("answers a wrong token with HTTP 401 Unauthorized", async () => {
    const api = await fake();
    const { status, body } = await call(api, "getMe", {}, "1459232241454765289:wrong-secret");
    expect(status).toBe(401);
    expect(body).toEqual({ ok: false, error_code: 401, description: "Unauthorized" });
    expect(api.calls).toEqual([{ method: "getMe", status: 401 }]);
  });

  it("answers an unknown or wrongly-cased method with 404", async () => {
    const api = await fake();
    expect((await call(api, "sendmessage", { chat_id: USER, text: "x" })).status).toBe(404);
    expect((await call(api, "editMessageText")).body).toMatchObject({ ok: false, error_code: 404 });
  });

  it("reports the bot's identity from getMe", async () => {
    const api = await fake();
    const { status, body } = await call(api, "getMe");
    expect(status).toBe(200);
    expect(body).toEqual({
      ok: true,
      result: { id: "1459232241454765289", account_name: "Trợ lý Hợp nhất", account_type: "BASIC", can_join_groups: true },
    });
  });

  it("accepts parameters as a GET query string and as a form-urlencoded body", async () => {
    const api = await fake({ echoOwnMessages: false });
    const get = await fetch(`${api.url}/bot${api.token}/sendMessage?chat_id=${USER}&text=Xin%20ch%C3%A0o`);
    expect(get.status).toBe(200);
    const form = await fetch(`${api.url}/bot${api.token}/sendMessage`, {
      method: "POST",
      body: new URLSearchParams({ chat_id: USER, text: "Dạ" }),
    });
    expect(form.status).toBe(200);
    expect(api.sent.map((c) => c.text)).toEqual(["Xin chào", "Dạ"]);
  });
});

describe("fake Zalo Bot API: sending", () => {
  it("refuses a text of 2001 characters with 400 and accepts one of exactly 2000", async () => {
    const api = await fake({ echoOwnMessages: false });
    const tooLong = await call(api, "sendMessage", { chat_id: USER, text: "a".repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ ok: false, error_code: 400 });
    const exact = await call(api, "sendMessage", { chat_id: USER, text: "ă".repeat(2000) });
    expect(exact.status).toBe(200);
    expect(exact.body.result.message_id).toMatch(/^[0-9a-f]+$/);
    expect(typeof exact.body.result.date).toBe("number");
    expect(api.sent.map((c) => c.status)).toEqual([400, 200]);
    expect(api.sent[1]?.messageId).toBe(exact.body.result.message_id);
  });

  it("refuses an empty text with 400", async () => {
    const api = await fake();
    expect((await call(api, "sendMessage", { chat_id: USER, text: "" })).status).toBe(400);
  });

  it("answers 429 Quota exceeded while quota mode is on and 200 once it is off again", async () => {
    const api = await fake({ echoOwnMessages: false });
    api.setQuotaExceeded(true);
    const refused = await call(api, "sendMessage", { chat_id: USER, text: "Nhắc việc" });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ ok: false, error_code: 429, description: "Quota exceeded" });
    expect((await call(api, "sendSticker", { chat_id: USER, sticker: "s1" })).status).toBe(429);
    api.setQuotaExceeded(false);
    expect((await call(api, "sendMessage", { chat_id: USER, text: "Nhắc việc" })).status).toBe(200);
    expect(api.sent.map((c) => c.status)).toEqual([429, 429, 200]);
  });

  it("fails only the next call of the method named in failNext", async () => {
    const api = await fake({ echoOwnMessages: false });
    api.failNext("sendMessage", 403);
    const first = await call(api, "sendMessage", { chat_id: USER, text: "một" });
    expect(first.status).toBe(403);
    expect(first.body).toMatchObject({ ok: false, error_code: 403 });
    expect((await call(api, "getMe")).status).toBe(200);
    expect((await call(api, "sendMessage", { chat_id: USER, text: "hai" })).status).toBe(200);
    expect(() => api.failNext("sendmessage", 500)).toThrow(/no such method/);
  });

  it("answers sendChatAction typing with true and refuses an unknown action", async () => {
    const api = await fake();
    expect((await call(api, "sendChatAction", { chat_id: USER, action: "typing" })).body).toEqual({ ok: true, result: true });
    expect((await call(api, "sendChatAction", { chat_id: USER, action: "record_video" })).status).toBe(400);
  });

  it("waitForSent resolves with a future accepted call and rejects after its timeout listing what was sent", async () => {
    const api = await fake({ echoOwnMessages: false });
    const waiting = api.waitForSent((c) => c.text === "Đã ghi nhận");
    await call(api, "sendMessage", { chat_id: USER, text: "" });
    await call(api, "sendMessage", { chat_id: USER, text: "Đã ghi nhận" });
    await expect(waiting).resolves.toMatchObject({ method: "sendMessage", chatId: USER, status: 200 });
    await expect(api.waitForSent((c) => c.text === "không có", 50)).rejects.toThrow(/sendMessage 6ede9afa66b88fe6d6a9 → 200 "Đã ghi nhận"/);
  });
});

describe("fake Zalo Bot API: sendPhoto", () => {
  it("fetches the photo URL, records the fetch and accepts an image/png", async () => {
    const api = await fake({ echoOwnMessages: false });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const host = await localServer((_req, res) => {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(png);
    });
    const { status, body } = await call(api, "sendPhoto", { chat_id: USER, photo: `${host.url}/chart.png`, caption: "Biểu đồ" });
    expect(status).toBe(200);
    expect(body.result.message_id).toMatch(/^[0-9a-f]+$/);
    expect(host.received).toHaveLength(1);
    expect(api.photoFetches).toEqual([{ url: `${host.url}/chart.png`, status: 200, contentType: "image/png", bytes: png.length }]);
    expect(api.sent[0]).toMatchObject({ method: "sendPhoto", photo: `${host.url}/chart.png`, caption: "Biểu đồ", status: 200 });
  });

  it("refuses a photo URL that answers 403 with 400 and records the fetch", async () => {
    const api = await fake();
    const host = await localServer((_req, res) => {
      res.writeHead(403, { "content-type": "text/plain" });
      res.end("forbidden");
    });
    const { status, body } = await call(api, "sendPhoto", { chat_id: USER, photo: `${host.url}/expired.png` });
    expect(status).toBe(400);
    expect(body.description).toMatch(/HTTP 403/);
    expect(api.photoFetches).toEqual([{ url: `${host.url}/expired.png`, status: 403, contentType: "text/plain", bytes: 9 }]);
    expect(api.sent[0]?.status).toBe(400);
  });

  it("refuses a photo that is not an image/* content type with 400", async () => {
    const api = await fake();
    const host = await localServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html></html>");
    });
    expect((await call(api, "sendPhoto", { chat_id: USER, photo: `${host.url}/page` })).status).toBe(400);
    expect(api.photoFetches[0]?.status).toBe(200);
  });
});

describe("fake Zalo Bot API: long polling", () => {
  it("returns one update per poll in order, then 408 when idle", async () => {
    const api = await fake({ pollIdleMs: 50 });
    const first = api.userSends({ userId: USER, name: "Ted", text: "/help" });
    const second = api.userSends({ userId: USER, name: "Ted", text: "/lich" });
    const a = await call(api, "getUpdates", { timeout: "30" });
    const b = await call(api, "getUpdates", { timeout: "30" });
    expect(a.body).toEqual({ ok: true, result: first });
    expect(b.body).toEqual({ ok: true, result: second });
    expect(a.body.result).toMatchObject({
      event_name: "message.text.received",
      message: { from: { id: USER, display_name: "Ted", is_bot: false }, chat: { id: USER, chat_type: "PRIVATE" }, text: "/help" },
    });
    const idle = await call(api, "getUpdates", { timeout: "30" });
    expect(idle.status).toBe(408);
    expect(idle.body).toEqual({ ok: false, error_code: 408, description: "Request timeout" });
  });

  it("gives concurrent polls different updates", async () => {
    const api = await fake({ pollIdleMs: 2000 });
    const polls = [call(api, "getUpdates"), call(api, "getUpdates")];
    // Start both polls before the messages arrive, so they are waiting when the updates come in.
    await call(api, "getMe");
    api.userSends({ userId: "u1", text: "một" });
    api.userSends({ userId: "u2", text: "hai" });
    const texts = (await Promise.all(polls)).map((p) => p.body.result.message.text).sort();
    expect(texts).toEqual(["hai", "một"]);
  });

  it("sends the bot's own messages back as updates from the bot itself", async () => {
    const api = await fake({ pollIdleMs: 50 });
    await call(api, "sendMessage", { chat_id: USER, text: "Xin chào anh/chị" });
    const echo = await call(api, "getUpdates");
    expect(echo.body.result).toMatchObject({
      event_name: "message.text.received",
      message: { from: { id: api.botId, is_bot: true }, chat: { id: USER }, text: "Xin chào anh/chị" },
    });
  });

  it("builds image, sticker and unsupported updates with the name in the field asked for", async () => {
    const api = await fake({ pollIdleMs: 50 });
    api.userSends({ userId: USER, kind: "image", text: "ảnh", name: "Lan", nameField: "first_name" });
    api.userSends({ userId: USER, kind: "sticker", nameField: "name", name: "Lan" });
    api.userSends({ userId: USER, kind: "unsupported" });
    const image = (await call(api, "getUpdates")).body.result;
    const sticker = (await call(api, "getUpdates")).body.result;
    const unsupported = (await call(api, "getUpdates")).body.result;
    expect(image).toMatchObject({ event_name: "message.image.received", message: { caption: "ảnh", from: { first_name: "Lan" } } });
    expect(image.message.photo_url).toBe(image.message.photo);
    expect((await fetch(image.message.photo_url)).headers.get("content-type")).toBe("image/png");
    expect(sticker).toMatchObject({ event_name: "message.sticker.received", message: { from: { name: "Lan" } } });
    expect(sticker.message.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect(unsupported.event_name).toBe("message.unsupported.received");
    expect(unsupported.message.text).toBeUndefined();
  });

  it("ends a pending long poll promptly on close()", async () => {
    const api = await startFakeZaloApi({ pollIdleMs: 10_000 });
    cleanups.push(() => api.close());
    const started = Date.now();
    const poll = new Promise<string>((resolve) => {
      const req = request(`${api.url}/bot${api.token}/getUpdates`, { method: "POST" }, (res) => {
        res.resume();
        res.on("end", () => resolve(`answered ${res.statusCode}`));
        res.on("error", () => resolve("ended"));
      });
      req.on("error", () => resolve("ended"));
      req.end("{}");
    });
    // A round trip after the poll was written, so the poll is waiting inside the fake before close().
    await call(api, "getMe");
    await api.close();
    expect(await poll).toBe("ended");
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("fake Zalo Bot API: webhook", () => {
  it("refuses getUpdates with 400 while a webhook is set", async () => {
    const api = await fake();
    const receiver = await localServer((_req, res) => res.end("ok"));
    const set = await call(api, "setWebhook", { url: `${receiver.url}/zalo`, secret_token: SECRET });
    expect(set.status).toBe(200);
    expect(set.body.result).toMatchObject({ url: `${receiver.url}/zalo` });
    const poll = await call(api, "getUpdates");
    expect(poll.status).toBe(400);
    expect(poll.body.description).toMatch(/webhook is set/);
    expect((await call(api, "deleteWebhook")).body.result).toMatchObject({ url: "" });
    expect(api.webhook).toBeNull();
  });

  it("POSTs a user's message to the webhook as JSON with the secret header", async () => {
    const api = await fake();
    const receiver = await localServer((_req, res) => res.end("ok"));
    await call(api, "setWebhook", { url: `${receiver.url}/zalo`, secret_token: SECRET });
    expect(receiver.received).toHaveLength(1); // the check made by setWebhook
    const update = api.userSends({ userId: USER, name: "Ted", text: "/dangky ABC123" });
    expect(await api.deliver(update)).toBe(200); // a duplicate, delivered after the first in order
    expect(receiver.received).toHaveLength(3);
    for (const got of receiver.received.slice(1)) {
      expect(got.headers["x-bot-api-secret-token"]).toBe(SECRET);
      expect(got.headers["content-type"]).toBe("application/json");
      expect(JSON.parse(got.body)).toEqual({ ok: true, result: update });
    }
    expect((await call(api, "getWebhookInfo")).body.result).toMatchObject({ url: `${receiver.url}/zalo` });
  });

  it("refuses setWebhook with 400 when the URL does not answer 200", async () => {
    const api = await fake();
    const receiver = await localServer((_req, res) => {
      res.statusCode = 500;
      res.end();
    });
    const { status, body } = await call(api, "setWebhook", { url: `${receiver.url}/zalo`, secret_token: SECRET });
    expect(status).toBe(400);
    expect(body.description).toMatch(/webhook url is not reachable/);
    expect(receiver.received[0]?.headers["x-bot-api-secret-token"]).toBe(SECRET);
    expect(api.webhook).toBeNull();
  });

  it("refuses setWebhook with 400 for a secret shorter than 8 characters or a plain-http public URL", async () => {
    const api = await fake();
    expect((await call(api, "setWebhook", { url: "https://bot.example.vn/zalo", secret_token: "short" })).status).toBe(400);
    expect((await call(api, "setWebhook", { url: "http://bot.example.vn/zalo", secret_token: SECRET })).status).toBe(400);
  });
});
