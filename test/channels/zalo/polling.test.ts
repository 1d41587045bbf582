import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createZaloClient, ZaloNetworkError, type ZaloClient, type ZaloUpdate } from "../../../src/channels/zalo/client.js";
import { backoffDelay, startZaloPolling, type ZaloPolling } from "../../../src/channels/zalo/polling.js";
import { createMemoryLogger } from "../../helpers/app.js";
import { type FakeZaloApi, startFakeZaloApi } from "../../helpers/fake-zalo-api.js";
import { freePort } from "../../helpers/process.js";

let fake: FakeZaloApi | undefined;
const running: ZaloPolling[] = [];
afterEach(async () => {
  for (const p of running.splice(0)) await p.stop();
  await fake?.close();
  fake = undefined;
});


/** Waits (bounded, on a real local server) until `check` is true. */
async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

const connecting = (log: ReturnType<typeof createMemoryLogger>) => log.entries.filter((e) => e.level === "warn" && (e.msg ?? "").includes("đang kết nối…"));

describe("startZaloPolling against the fake Zalo Bot API", () => {
  it("calls deleteWebhook before the first getUpdates", async () => {
    fake = await startFakeZaloApi({ pollIdleMs: 50 });
    const client = createZaloClient({ token: fake.token, apiRoot: fake.url });
    const log = createMemoryLogger();
    running.push(await startZaloPolling({ client, log, onUpdate: () => undefined, timeoutSeconds: 1 }));
    await until(() => fake!.calls.some((c) => c.method === "getUpdates"));
    expect(fake.calls[0]!.method).toBe("deleteWebhook");
  });

  it("removes a forgotten webhook so that polling hears messages again", async () => {
    fake = await startFakeZaloApi({ pollIdleMs: 50, echoOwnMessages: false });
    const receiver = createServer((_req, res) => res.writeHead(200).end("{}"));
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
    try {
      const client = createZaloClient({ token: fake.token, apiRoot: fake.url });
      await client.setWebhook({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/zalo`, secret_token: "secret-secret" });
      const got: ZaloUpdate[] = [];
      running.push(await startZaloPolling({ client, log: createMemoryLogger(), onUpdate: (u) => void got.push(u), timeoutSeconds: 1 }));
      await until(() => fake!.webhook === null);
      fake.userSends({ userId: "u1", text: "alo" });
      await until(() => got.length === 1);
    } finally {
      receiver.closeAllConnections();
      await new Promise<void>((r) => receiver.close(() => r()));
    }
  });

  it("delivers each update exactly once, in order", async () => {
    fake = await startFakeZaloApi({ pollIdleMs: 50, echoOwnMessages: false });
    const client = createZaloClient({ token: fake.token, apiRoot: fake.url });
    const got: ZaloUpdate[] = [];
    running.push(await startZaloPolling({ client, log: createMemoryLogger(), onUpdate: (u) => void got.push(u), timeoutSeconds: 1 }));
    const a = fake.userSends({ userId: "u1", text: "một" });
    const b = fake.userSends({ userId: "u2", text: "hai" });
    await until(() => got.length >= 2);
    // A few more idle polls: nothing is delivered again.
    const polls = fake.calls.length;
    await until(() => fake!.calls.length >= polls + 3);
    expect(got).toEqual([a, b]);
  });

  it("treats idle polls (408) as normal: it keeps polling and logs no warning", async () => {
    fake = await startFakeZaloApi({ pollIdleMs: 20 });
    const client = createZaloClient({ token: fake.token, apiRoot: fake.url });
    const log = createMemoryLogger();
    running.push(await startZaloPolling({ client, log, onUpdate: () => undefined, timeoutSeconds: 1 }));
    await until(() => fake!.calls.filter((c) => c.method === "getUpdates" && c.status === 408).length >= 5);
    expect(log.entries.filter((e) => e.level === "warn" || e.level === "error")).toEqual([]);
  });

  it("stops promptly, aborting the open long poll, and ends stopped with null", async () => {
    fake = await startFakeZaloApi({ pollIdleMs: 10_000 });
    const client = createZaloClient({ token: fake.token, apiRoot: fake.url });
    const polling = await startZaloPolling({ client, log: createMemoryLogger(), onUpdate: () => undefined, timeoutSeconds: 30 });
    await until(() => fake!.calls.some((c) => c.method === "deleteWebhook"));
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await polling.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(polling.stopped).resolves.toBeNull();
  });

  it("ends stopped with the error when getUpdates is refused with 401", async () => {
    fake = await startFakeZaloApi({ pollIdleMs: 50 });
    fake.failNext("getUpdates", 401);
    const client = createZaloClient({ token: fake.token, apiRoot: fake.url });
    const log = createMemoryLogger();
    const polling = await startZaloPolling({ client, log, onUpdate: () => undefined, timeoutSeconds: 1 });
    running.push(polling);
    const error = await polling.stopped;
    expect(error).toMatchObject({ name: "ZaloApiError", errorCode: 401 });
    expect(log.entries.some((e) => e.level === "error" && /ZALO_BOT_TOKEN/.test(e.msg ?? ""))).toBe(true);
  });

  it("ends with the error when deleteWebhook is refused with 401, without polling", async () => {
    fake = await startFakeZaloApi();
    fake.failNext("deleteWebhook", 401);
    const client = createZaloClient({ token: fake.token, apiRoot: fake.url });
    const polling = await startZaloPolling({ client, log: createMemoryLogger(), onUpdate: () => undefined });
    await expect(polling.stopped).resolves.toMatchObject({ errorCode: 401 });
    expect(fake.calls.some((c) => c.method === "getUpdates")).toBe(false);
  });

  it("retries a 403 from getUpdates with backoff and keeps delivering", async () => {
    fake = await startFakeZaloApi({ pollIdleMs: 50, echoOwnMessages: false });
    fake.failNext("getUpdates", 403);
    const client = createZaloClient({ token: fake.token, apiRoot: fake.url });
    const log = createMemoryLogger();
    const got: ZaloUpdate[] = [];
    running.push(await startZaloPolling({ client, log, onUpdate: (u) => void got.push(u), timeoutSeconds: 1, backoff: { firstMs: 10, maxMs: 20 } }));
    await until(() => connecting(log).length === 1);
    fake.userSends({ userId: "u1", text: "sau lỗi" });
    await until(() => got.length === 1);
    expect(log.entries.some((e) => e.msg === "zalo: connected again")).toBe(true);
  });
});

describe("startZaloPolling while the Zalo API cannot be reached", () => {
  it("logs đang kết nối… within two seconds, keeps retrying, and stop() ends it promptly", async () => {
    fake = await startFakeZaloApi({ pollIdleMs: 50 });
    const reachable = createZaloClient({ token: fake.token, apiRoot: fake.url });
    const port = await freePort();
    const unreachable = createZaloClient({ token: fake.token, apiRoot: `http://127.0.0.1:${port}` });
    // deleteWebhook reaches the API; then the network goes away for getUpdates.
    const client: ZaloClient = { ...reachable, getUpdates: unreachable.getUpdates };
    const log = createMemoryLogger();
    const started = Date.now();
    const polling = await startZaloPolling({ client, log, onUpdate: () => undefined, timeoutSeconds: 1, backoff: { firstMs: 20, maxMs: 50 } });
    await until(() => connecting(log).length >= 1, 2000);
    expect(Date.now() - started).toBeLessThan(2000);
    await until(() => connecting(log).length >= 4, 3000);
    expect(connecting(log)[0]!.obj).toMatchObject({ what: "getUpdates", err: expect.stringMatching(/ECONNREFUSED/) });
    const stopAt = Date.now();
    await polling.stop();
    expect(Date.now() - stopAt).toBeLessThan(500);
    await expect(polling.stopped).resolves.toBeNull();
    const count = connecting(log).length;
    await new Promise((r) => setTimeout(r, 150));
    expect(connecting(log).length).toBe(count);
  });

  it("retries deleteWebhook at start until the API answers, then polls", async () => {
    fake = await startFakeZaloApi({ pollIdleMs: 50 });
    const reachable = createZaloClient({ token: fake.token, apiRoot: fake.url });
    let failures = 0;
    const client: ZaloClient = {
      ...reachable,
      async deleteWebhook() {
        if (failures < 3) {
          failures += 1;
          throw new ZaloNetworkError("deleteWebhook", "ECONNREFUSED");
        }
        return reachable.deleteWebhook();
      },
    };
    const log = createMemoryLogger();
    running.push(await startZaloPolling({ client, log, onUpdate: () => undefined, timeoutSeconds: 1, backoff: { firstMs: 10, maxMs: 20 } }));
    await until(() => fake!.calls.some((c) => c.method === "getUpdates"));
    expect(connecting(log).map((e) => (e.obj as { what: string }).what)).toEqual(["deleteWebhook", "deleteWebhook", "deleteWebhook"]);
  });

  // BUG: startZaloPolling only resolves once deleteWebhook succeeds, and takes no signal, so while the API
  // cannot be reached at start-up (it went away between getMe and deleteWebhook) the caller has no stop():
  // main.ts awaits it and a SIGTERM cannot end the process until Zalo answers again. Right behaviour: the
  // start can be abandoned (resolve at once and retry deleteWebhook inside the loop, or accept a signal like
  // connectZalo does), so that shutdown is prompt whatever the network does.
  it("hands back a way to stop within a second even while deleteWebhook cannot reach the API", async () => {
    let reachable = false;
    const base = createZaloClient({ token: "1:abcdefgh", apiRoot: "http://127.0.0.1:9" });
    const client: ZaloClient = {
      ...base,
      async deleteWebhook() {
        if (!reachable) throw new ZaloNetworkError("deleteWebhook", "ECONNREFUSED");
      },
      async getUpdates({ signal } = {}) {
        await new Promise((r) => setTimeout(r, 20));
        if (signal?.aborted) throw new ZaloNetworkError("getUpdates", "aborted");
        return null;
      },
    };
    const starting = startZaloPolling({ client, log: createMemoryLogger(), onUpdate: () => undefined, backoff: { firstMs: 10, maxMs: 20 } });
    try {
      const settled = await Promise.race([starting.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 1000))]);
      expect(settled).toBe(true);
    } finally {
      reachable = true;
      await (await starting).stop();
    }
  });
});

describe("backoffDelay", () => {
  it("lies between half and all of the exponential step", () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const base = Math.min(30_000, 1000 * 2 ** attempt);
      expect(backoffDelay(attempt, 1000, 30_000, () => 0)).toBe(base / 2);
      expect(backoffDelay(attempt, 1000, 30_000, () => 0.999999)).toBeLessThanOrEqual(base);
      expect(backoffDelay(attempt, 1000, 30_000, () => 0.999999)).toBeGreaterThan(base * 0.99);
    }
  });

  it("starts at the first delay and never exceeds the largest, even after very many attempts", () => {
    expect(backoffDelay(0, 1000, 30_000, () => 1)).toBe(1000);
    for (const attempt of [5, 10, 50, 1100, 5000]) {
      const d = backoffDelay(attempt, 1000, 30_000, Math.random);
      expect(Number.isFinite(d)).toBe(true);
      expect(d).toBeGreaterThanOrEqual(15_000);
      expect(d).toBeLessThanOrEqual(30_000);
    }
  });
});
