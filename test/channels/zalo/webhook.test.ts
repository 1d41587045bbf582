import { request } from "node:http";
import type { Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createZaloClient, type ZaloUpdate } from "../../../src/channels/zalo/client.js";
import { secretMatches, setZaloWebhook, ZALO_SECRET_HEADER, zaloWebhookRoute } from "../../../src/channels/zalo/webhook.js";
import { createWebServer, type WebServer } from "../../../src/web/server.js";
import { createMemoryLogger } from "../../helpers/app.js";
import { type FakeZaloApi, startFakeZaloApi } from "../../helpers/fake-zalo-api.js";

const SECRET = "a-webhook-secret-of-some-length";
const UPDATE: ZaloUpdate = {
  event_name: "message.text.received",
  message: { from: { id: "u1", display_name: "Ted" }, chat: { id: "u1", chat_type: "PRIVATE" }, text: "Xin chào", message_id: "m1", date: 1750316131602 },
};

let web: WebServer | undefined;
let fake: FakeZaloApi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  await web?.close();
  web = undefined;
});

async function setup(maxBytes?: number) {
  const updates: ZaloUpdate[] = [];
  const log = createMemoryLogger();
  const sockets: Socket[] = [];
  web = createWebServer({ routes: [zaloWebhookRoute({ path: "/zalo", secret: SECRET, log, onUpdate: (u) => void updates.push(u), ...(maxBytes ? { maxBytes } : {}) })], log });
  web.server.on("connection", (s: Socket) => sockets.push(s));
  const addr = await web.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${addr.port}/zalo`;
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json", [ZALO_SECRET_HEADER]: SECRET, ...headers }, body, signal: AbortSignal.timeout(5000) });
  return { updates, log, url, port: addr.port, post, sockets };
}

describe("zaloWebhookRoute", () => {
  it("answers 200 to the right secret and hands over the update of a { ok, result } body", async () => {
    const t = await setup();
    const res = await t.post(JSON.stringify({ ok: true, result: UPDATE }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(t.updates).toEqual([UPDATE]);
  });

  it("hands over the update of a bare { event_name, message } body", async () => {
    const t = await setup();
    const res = await t.post(JSON.stringify(UPDATE));
    expect(res.status).toBe(200);
    expect(t.updates).toEqual([UPDATE]);
  });

  it("accepts application/json with a charset", async () => {
    const t = await setup();
    const res = await t.post(JSON.stringify(UPDATE), { "content-type": "application/json; charset=utf-8" });
    expect(res.status).toBe(200);
    expect(t.updates).toHaveLength(1);
  });

  it("refuses a wrong secret with 401 and never hands over the update", async () => {
    const t = await setup();
    const res = await t.post(JSON.stringify(UPDATE), { [ZALO_SECRET_HEADER]: `${SECRET}x` });
    expect(res.status).toBe(401);
    expect(t.updates).toEqual([]);
    expect(t.log.entries.some((e) => e.level === "warn" && /secret/.test(e.msg ?? ""))).toBe(true);
  });

  it("refuses a missing secret with 401 and never hands over the update", async () => {
    const t = await setup();
    const res = await fetch(t.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(UPDATE) });
    expect(res.status).toBe(401);
    expect(t.updates).toEqual([]);
  });

  it("checks the secret before the body: a wrong secret with an oversized body gets 401, not 413", async () => {
    const t = await setup(100);
    const res = await t.post("x".repeat(1000), { [ZALO_SECRET_HEADER]: "wrong" });
    expect(res.status).toBe(401);
  });

  it("refuses a body that is not JSON by content type with 415", async () => {
    const t = await setup();
    const res = await t.post(JSON.stringify(UPDATE), { "content-type": "text/plain" });
    expect(res.status).toBe(415);
    expect(t.updates).toEqual([]);
  });

  it("refuses a content type that only starts like JSON with 415", async () => {
    const t = await setup();
    const res = await t.post(JSON.stringify(UPDATE), { "content-type": "application/jsonx" });
    expect(res.status).toBe(415);
  });

  it("refuses malformed JSON with 400", async () => {
    const t = await setup();
    const res = await t.post('{"event_name": "message.text.received", ');
    expect(res.status).toBe(400);
    expect(t.updates).toEqual([]);
  });

  it("answers 200 to a JSON body that is not an update (the platform's check) and ignores it", async () => {
    const t = await setup();
    for (const body of ["{}", "[]", "null", '{"ok":true}']) {
      const res = await t.post(body);
      expect(res.status, body).toBe(200);
    }
    expect(t.updates).toEqual([]);
  });

  it("refuses a declared Content-Length over the limit with 413", async () => {
    const t = await setup(1024);
    const res = await t.post(JSON.stringify({ ...UPDATE, pad: "x".repeat(5000) }));
    expect(res.status).toBe(413);
    expect(t.updates).toEqual([]);
  });

  it("refuses a chunked body over the limit with 413, closes the connection and does not read it all", async () => {
    const t = await setup(16 * 1024);
    const total = 8 * 1024 * 1024;
    const piece = Buffer.alloc(16 * 1024, "a");
    const outcome = await new Promise<{ status: number | null; written: number; closed: boolean }>((resolve) => {
      let written = 0;
      let status: number | null = null;
      let done = false;
      const finish = (closed: boolean) => {
        if (done) return;
        done = true;
        resolve({ status, written, closed });
      };
      const req = request({ host: "127.0.0.1", port: t.port, path: "/zalo", method: "POST", headers: { "content-type": "application/json", [ZALO_SECRET_HEADER]: SECRET } });
      req.on("response", (res) => {
        status = res.statusCode ?? null;
        res.resume();
        res.on("close", () => finish(true));
      });
      req.on("error", () => finish(true));
      req.on("close", () => setTimeout(() => finish(true), 50));
      const pump = () => {
        while (!done && !req.destroyed && written < total) {
          written += piece.length;
          if (!req.write(piece)) {
            req.once("drain", pump);
            return;
          }
        }
        if (written >= total && !req.destroyed) req.end();
      };
      req.write('{"event_name":"message.text.received","pad":"');
      pump();
      setTimeout(() => {
        req.destroy();
        finish(false);
      }, 8000);
    });
    expect(outcome.status).toBe(413);
    expect(outcome.closed).toBe(true);
    expect(t.updates).toEqual([]);
    const read = t.sockets.reduce((n, s) => n + s.bytesRead, 0);
    // The server stopped reading soon after the limit; it never took in the 8 MiB the client meant to send.
    expect(read).toBeLessThan(total / 2);
  });

  it("answers 405 to a GET on the webhook path", async () => {
    const t = await setup();
    const res = await fetch(t.url);
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
  });
});

describe("secretMatches", () => {
  it("accepts only the exact secret", () => {
    expect(secretMatches(SECRET, SECRET)).toBe(true);
    expect(secretMatches(`${SECRET} `, SECRET)).toBe(false);
    expect(secretMatches(SECRET.toUpperCase(), SECRET)).toBe(false);
    expect(secretMatches("", SECRET)).toBe(false);
    expect(secretMatches("short", SECRET)).toBe(false);
  });

  it("refuses a missing header", () => {
    expect(secretMatches(undefined, SECRET)).toBe(false);
  });
});

describe("setZaloWebhook with the fake Zalo Bot API", () => {
  it("sets the webhook once the route answers the platform's check, then receives a user's message", async () => {
    const t = await setup();
    fake = await startFakeZaloApi({ echoOwnMessages: false });
    const client = createZaloClient({ token: fake.token, apiRoot: fake.url });
    await setZaloWebhook(client, { url: t.url, secret: SECRET, log: t.log });
    expect(fake.webhook).toEqual({ url: t.url, secret: SECRET });
    const sent = fake.userSends({ userId: "u7", text: "Xin chào" });
    for (let i = 0; i < 100 && t.updates.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(t.updates).toEqual([sent]);
  });
});
