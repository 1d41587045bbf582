import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createZaloClient, redact, ZaloApiError, ZaloNetworkError } from "../../../src/channels/zalo/client.js";
import { type FakeZaloApi, startFakeZaloApi } from "../../helpers/fake-zalo-api.js";
import { freePort } from "../../helpers/process.js";

const TOKEN = "1459232241454765289:fake-secret-AbC_dEf-123";
const SECRET_HALF = "fake-secret-AbC_dEf-123";

let fake: FakeZaloApi | undefined;
const servers: Server[] = [];

afterEach(async () => {
  await fake?.close();
  fake = undefined;
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
});

/** A local server with a custom handler, closed in afterEach. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const s = createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}


/** Runs `p`, expects it to reject, and returns the error. */
async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

function expectNoToken(error: Error): void {
  const text = `${error.message} ${String(error.stack)} ${JSON.stringify(error)}`;
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(SECRET_HALF);
}

describe("createZaloClient against the fake Zalo Bot API", () => {
  it("returns the bot's identity from getMe with its id as a string", async () => {
    fake = await startFakeZaloApi();
    const client = createZaloClient({ token: fake.token, apiRoot: fake.url });
    const me = await client.getMe();
    expect(me.id).toBe(fake.botId);
    expect(typeof me.id).toBe("string");
    expect(me.account_name).toBe("Trợ lý Hợp nhất");
  });

  it("accepts an API root with a trailing slash", async () => {
    fake = await startFakeZaloApi();
    const client = createZaloClient({ token: fake.token, apiRoot: `${fake.url}/` });
    await expect(client.getMe()).resolves.toMatchObject({ id: fake.botId });
  });

  it("returns null from getUpdates when an idle poll ends with the API's 408", async () => {
    fake = await startFakeZaloApi({ pollIdleMs: 50 });
    const client = createZaloClient({ token: fake.token, apiRoot: fake.url });
    await expect(client.getUpdates({ timeoutSeconds: 1 })).resolves.toBeNull();
    expect(fake.calls.at(-1)).toEqual({ method: "getUpdates", status: 408 });
  });

  it("returns the one update a poll carries", async () => {
    fake = await startFakeZaloApi({ pollIdleMs: 2000 });
    const client = createZaloClient({ token: fake.token, apiRoot: fake.url });
    const sent = fake.userSends({ userId: "6ede9afa66b88fe6d6a9", text: "Xin chào" });
    const update = await client.getUpdates({ timeoutSeconds: 1 });
    expect(update).toEqual(sent);
  });

  it("returns the message id of an accepted sendMessage", async () => {
    fake = await startFakeZaloApi({ echoOwnMessages: false });
    const client = createZaloClient({ token: fake.token, apiRoot: fake.url });
    const sent = await client.sendMessage({ chat_id: "u1", text: "Chào anh/chị" });
    expect(sent.message_id).toBe(fake.sent[0]!.messageId);
    expect(fake.sent[0]).toMatchObject({ method: "sendMessage", chatId: "u1", text: "Chào anh/chị", status: 200 });
  });

  it("treats a 400 from deleteWebhook (no webhook was set) as success", async () => {
    fake = await startFakeZaloApi();
    fake.failNext("deleteWebhook", 400, "webhook is not set");
    const client = createZaloClient({ token: fake.token, apiRoot: fake.url });
    await expect(client.deleteWebhook()).resolves.toBeUndefined();
  });

  it("still rejects a deleteWebhook refused with 401", async () => {
    fake = await startFakeZaloApi();
    fake.failNext("deleteWebhook", 401);
    const client = createZaloClient({ token: fake.token, apiRoot: fake.url });
    const error = await rejection(client.deleteWebhook());
    expect(error).toBeInstanceOf(ZaloApiError);
    expect((error as ZaloApiError).errorCode).toBe(401);
  });

  it("rejects a refused token with a ZaloApiError 401 whose message never contains the token", async () => {
    fake = await startFakeZaloApi();
    const client = createZaloClient({ token: "999:wrong-token-secret", apiRoot: fake.url });
    const error = await rejection(client.getMe());
    expect(error).toBeInstanceOf(ZaloApiError);
    expect((error as ZaloApiError).errorCode).toBe(401);
    expect(error.message).not.toContain("wrong-token-secret");
  });

  it("rejects a failed send with the documented error code (403 from failNext)", async () => {
    fake = await startFakeZaloApi();
    fake.failNext("sendMessage", 403);
    const client = createZaloClient({ token: fake.token, apiRoot: fake.url });
    const error = await rejection(client.sendMessage({ chat_id: "u1", text: "x" }));
    expect(error).toMatchObject({ name: "ZaloApiError", method: "sendMessage", errorCode: 403 });
  });
});

describe("createZaloClient never leaks the token in its errors", () => {
  it("rejects a refused connection (a closed port) with a ZaloNetworkError without the token", async () => {
    const port = await freePort();
    const client = createZaloClient({ token: TOKEN, apiRoot: `http://127.0.0.1:${port}`, timeoutMs: 2000 });
    const error = await rejection(client.getMe());
    expect(error).toBeInstanceOf(ZaloNetworkError);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expectNoToken(error);
  });

  it("rejects a 401 whose description echoes the request URL without the token", async () => {
    const root = await serve((req, res) => {
      res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ ok: false, error_code: 401, description: `Unauthorized for ${req.url}` }));
    });
    const client = createZaloClient({ token: TOKEN, apiRoot: root });
    const error = await rejection(client.getMe());
    expect(error).toMatchObject({ name: "ZaloApiError", errorCode: 401 });
    expect(error.message).toContain("Unauthorized for");
    expectNoToken(error);
  });

  it("rejects a non-JSON answer (a proxy's HTML page echoing the URL) with a ZaloApiError without the token", async () => {
    const root = await serve((req, res) => {
      res.writeHead(502, { "content-type": "text/html" }).end(`<html><body>Bad gateway: ${req.url}</body></html>`);
    });
    const client = createZaloClient({ token: TOKEN, apiRoot: root });
    const error = await rejection(client.sendMessage({ chat_id: "u1", text: "x" }));
    expect(error).toBeInstanceOf(ZaloApiError);
    expect((error as ZaloApiError).errorCode).toBe(502);
    expect(error.message).toMatch(/not JSON/);
    expectNoToken(error);
  });

  it("rejects a server that never answers, after timeoutMs, with a ZaloNetworkError without the token", async () => {
    const root = await serve(() => undefined);
    const client = createZaloClient({ token: TOKEN, apiRoot: root, timeoutMs: 150 });
    const started = Date.now();
    const error = await rejection(client.getMe());
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error).toBeInstanceOf(ZaloNetworkError);
    expect(error.message).toMatch(/no answer/);
    expectNoToken(error);
  });

  it("removes the token from a network error whose cause names the URL (a fake fetch)", async () => {
    const fetchFails = (async (url: string | URL | Request) => {
      throw new TypeError("fetch failed", { cause: { message: `connect failed for ${String(url)}` } });
    }) as typeof globalThis.fetch;
    const client = createZaloClient({ token: TOKEN, apiRoot: "https://bot-api.example", fetch: fetchFails });
    const error = await rejection(client.getMe());
    expect(error).toBeInstanceOf(ZaloNetworkError);
    expect(error.message).toContain("connect failed for");
    expectNoToken(error);
  });

  it("rejects an API root that is not a URL with a ZaloNetworkError without the token", async () => {
    const client = createZaloClient({ token: TOKEN, apiRoot: "bot-api.zaloplatforms.com" });
    const error = await rejection(client.getMe());
    expect(error).toBeInstanceOf(ZaloNetworkError);
    expectNoToken(error);
  });

  it("reports an aborted getUpdates as a ZaloNetworkError with reason aborted", async () => {
    const root = await serve(() => undefined);
    const client = createZaloClient({ token: TOKEN, apiRoot: root });
    const controller = new AbortController();
    const pending = client.getUpdates({ timeoutSeconds: 30, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(pending);
    expect(error).toMatchObject({ name: "ZaloNetworkError", reason: "aborted" });
  });
});

describe("createZaloClient's requests and answers (a fake fetch)", () => {
  it("POSTs JSON to <root>/bot<TOKEN>/<method> with the parameters as the body", async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fetchOk = (async (url: string | URL | Request, init?: RequestInit) => {
      seen.push({ url: String(url), init: init ?? {} });
      return new Response(JSON.stringify({ ok: true, result: { message_id: 42, date: 1 } }), { status: 200 });
    }) as typeof globalThis.fetch;
    const client = createZaloClient({ token: TOKEN, apiRoot: "https://bot-api.example", fetch: fetchOk });
    const sent = await client.sendMessage({ chat_id: "c1", text: "Chào" });
    expect(seen[0]!.url).toBe(`https://bot-api.example/bot${TOKEN}/sendMessage`);
    expect(seen[0]!.init.method).toBe("POST");
    expect(JSON.parse(String(seen[0]!.init.body))).toEqual({ chat_id: "c1", text: "Chào" });
    expect(sent.message_id).toBe("42");
  });

  it("asks getUpdates for the poll timeout as a string of seconds", async () => {
    const bodies: unknown[] = [];
    const fetchIdle = (async (_url: string | URL | Request, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify({ ok: false, error_code: 408, description: "Request timeout" }), { status: 408 });
    }) as typeof globalThis.fetch;
    const client = createZaloClient({ token: TOKEN, apiRoot: "https://x.example", fetch: fetchIdle, pollTimeoutSeconds: 25 });
    await expect(client.getUpdates()).resolves.toBeNull();
    expect(bodies).toEqual([{ timeout: "25" }]);
  });

  it("takes the first update when getUpdates answers with an array", async () => {
    const update = { event_name: "message.text.received", message: { text: "a" } };
    const fetchArray = (async () => new Response(JSON.stringify({ ok: true, result: [update] }), { status: 200 })) as typeof globalThis.fetch;
    const client = createZaloClient({ token: TOKEN, apiRoot: "https://x.example", fetch: fetchArray });
    await expect(client.getUpdates({ timeoutSeconds: 1 })).resolves.toEqual(update);
  });

  it("returns null from getUpdates for an ok answer that carries no update", async () => {
    const fetchEmpty = (async () => new Response(JSON.stringify({ ok: true, result: {} }), { status: 200 })) as typeof globalThis.fetch;
    const client = createZaloClient({ token: TOKEN, apiRoot: "https://x.example", fetch: fetchEmpty });
    await expect(client.getUpdates({ timeoutSeconds: 1 })).resolves.toBeNull();
  });

  it("stringifies a numeric bot id from getMe", async () => {
    const fetchMe = (async () => new Response(JSON.stringify({ ok: true, result: { id: 1459232241 } }), { status: 200 })) as typeof globalThis.fetch;
    const client = createZaloClient({ token: TOKEN, apiRoot: "https://x.example", fetch: fetchMe });
    await expect(client.getMe()).resolves.toEqual({ id: "1459232241" });
  });
});

describe("redact", () => {
  it("replaces the whole token and its secret half", () => {
    expect(redact(`a ${TOKEN} b ${SECRET_HALF} c`, TOKEN)).toBe("a <token> b <secret> c");
  });

  it("leaves text alone when the token is empty", () => {
    expect(redact("nothing here", "")).toBe("nothing here");
  });
});
