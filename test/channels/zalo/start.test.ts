import { afterEach, describe, expect, it } from "vitest";
import { createZaloClient } from "../../../src/channels/zalo/client.js";
import { connectZalo } from "../../../src/channels/zalo/start.js";
import { FileProblemError } from "../../../src/core/errors.js";
import { createMemoryLogger } from "../../helpers/app.js";
import { type FakeZaloApi, startFakeZaloApi } from "../../helpers/fake-zalo-api.js";
import { freePort } from "../../helpers/process.js";

let fake: FakeZaloApi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});


describe("connectZalo", () => {
  it("returns the bot's identity once getMe answers", async () => {
    fake = await startFakeZaloApi();
    const log = createMemoryLogger();
    const me = await connectZalo(createZaloClient({ token: fake.token, apiRoot: fake.url }), log);
    expect(me).toMatchObject({ id: fake.botId, account_name: "Trợ lý Hợp nhất" });
    expect(log.entries.some((e) => e.msg === "zalo: connected")).toBe(true);
  });

  it("stops on a refused token (401) with a FileProblemError naming ZALO_BOT_TOKEN and Zalo Bot Creator, without the token", async () => {
    fake = await startFakeZaloApi();
    const token = "1459232241454765289:the-wrong-secret-XyZ";
    const error = await connectZalo(createZaloClient({ token, apiRoot: fake.url }), createMemoryLogger()).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(FileProblemError);
    expect(error!.message).toContain("ZALO_BOT_TOKEN");
    expect(error!.message).toContain("Zalo Bot Creator");
    expect(error!.message).not.toContain(token);
    expect(error!.message).not.toContain("the-wrong-secret-XyZ");
    expect(fake.calls.filter((c) => c.method === "getMe")).toHaveLength(1);
  });

  it("retries with đang kết nối… while the API is unreachable and returns null when the signal aborts", async () => {
    const port = await freePort();
    const log = createMemoryLogger();
    const controller = new AbortController();
    const client = createZaloClient({ token: "1:secret-secret", apiRoot: `http://127.0.0.1:${port}`, timeoutMs: 1000 });
    const result = connectZalo(client, log, controller.signal, { firstMs: 10, maxMs: 20 });
    const warned = () => log.entries.filter((e) => e.level === "warn" && (e.msg ?? "").includes("đang kết nối…")).length;
    const end = Date.now() + 3000;
    while (warned() < 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(warned()).toBeGreaterThanOrEqual(3);
    const abortAt = Date.now();
    controller.abort();
    await expect(result).resolves.toBeNull();
    expect(Date.now() - abortAt).toBeLessThan(1000);
  });

  it("returns null at once when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const client = createZaloClient({ token: "1:secret-secret", apiRoot: "http://127.0.0.1:9" });
    await expect(connectZalo(client, createMemoryLogger(), controller.signal)).resolves.toBeNull();
  });

  it("connects once the API comes back after a 403", async () => {
    fake = await startFakeZaloApi();
    fake.failNext("getMe", 403);
    const log = createMemoryLogger();
    const me = await connectZalo(createZaloClient({ token: fake.token, apiRoot: fake.url }), log, undefined, { firstMs: 10, maxMs: 20 });
    expect(me?.id).toBe(fake.botId);
    expect(fake.calls.filter((c) => c.method === "getMe").map((c) => c.status)).toEqual([403, 200]);
  });
});
