import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Api, HttpError } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { connectTelegram } from "../../../src/channels/telegram/bot.js";
import { retryNetworkErrors } from "../../../src/channels/telegram/retry.js";
import { FileProblemError } from "../../../src/core/errors.js";
import { createMemoryLogger } from "../../helpers/app.js";
import { TOKEN } from "../../helpers/telegram.js";

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe("retryNetworkErrors", () => {
  it("retries a network failure as many times as it has delays, then gives up with the error", async () => {
    // grammY runs the last installed transformer outermost: the failing one first, so the retry wraps it.
    let attempts = 0;
    const api = new Api(TOKEN);
    api.config.use(async () => {
      attempts++;
      throw new HttpError("Network request for 'sendMessage' failed!", new Error("ECONNRESET"));
    });
    api.config.use(retryNetworkErrors({ delaysMs: [0, 0], maxTotalMs: 10_000 }));
    await expect(api.sendMessage(1, "x")).rejects.toBeInstanceOf(HttpError);
    expect(attempts).toBe(3);
  });

  it("starts no retry past the time bound", async () => {
    let t = 0;
    let attempts = 0;
    const api = new Api(TOKEN);
    api.config.use(async () => {
      attempts++;
      t += 10_000; // each attempt "takes" 10 s
      throw new HttpError("Network request for 'sendMessage' failed!", new Error("timeout"));
    });
    api.config.use(retryNetworkErrors({ delaysMs: [0, 0, 0, 0], maxTotalMs: 15_000 }, () => t));
    await expect(api.sendMessage(1, "x")).rejects.toBeInstanceOf(HttpError);
    expect(attempts).toBe(2);
  });

  it("does not retry what Telegram answered (a GrammyError)", async () => {
    let attempts = 0;
    const other = new Api(TOKEN);
    other.config.use(async () => {
      attempts++;
      return { ok: false, error_code: 400, description: "Bad Request" } as never;
    });
    other.config.use(retryNetworkErrors({ delaysMs: [0, 0], maxTotalMs: 1000 }));
    await expect(other.sendMessage(1, "x")).rejects.toThrow(/Bad Request/);
    expect(attempts).toBe(1);
  });
});

describe("connectTelegram", () => {
  it("says 'đang kết nối…', reports the cause of each failed attempt at once, and gives up with the fix", async () => {
    // A port that refuses connections: listen, note the port, close.
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const log = createMemoryLogger();
    const error = await connectTelegram({ token: TOKEN, apiRoot: `http://127.0.0.1:${port}`, log, delaysMs: [0], maxAttempts: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileProblemError);
    expect((error as Error).message).toMatch(/telegram: could not reach the Bot API at http:\/\/127\.0\.0\.1:\d+ .*last error: HttpError.*Check the network/s);
    expect((error as Error).message).not.toContain(TOKEN.split(":")[1]);
    expect(log.entries[0]?.msg).toMatch(/đang kết nối…/);
    const warn = log.entries.find((e) => e.level === "warn");
    expect(JSON.stringify(warn?.obj)).toMatch(/ECONNREFUSED|fetch failed|failed/);
  });

  it("stops at once on a refused token, with the fix", async () => {
    server = createServer((_req, res) => res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ ok: false, error_code: 401, description: "Unauthorized" })));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const log = createMemoryLogger();
    await expect(connectTelegram({ token: TOKEN, apiRoot: `http://127.0.0.1:${port}`, log, delaysMs: [0], maxAttempts: 5 })).rejects.toThrow(/copy the token again from @BotFather/);
    expect(log.entries.filter((e) => e.level === "warn")).toEqual([]);
  });
});
