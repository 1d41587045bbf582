/**
 * A second long-polling instance of the same Telegram bot: the real process (`node --import tsx src/main.ts`)
 * against a tiny fake Bot API on 127.0.0.1 that answers getUpdates with 409 Conflict, as Telegram does while
 * another process polls with the token. The process must say what is wrong and how to fix it, and exit non-zero,
 * instead of retrying forever or dying with a stack trace.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const TOKEN = "123456:conflict-test-token-for-127-0-0-1";

/** A Bot API that knows the bot and refuses every getUpdates with Telegram's own 409 answer. */
async function startConflictingApi(): Promise<{ url: string; calls: string[]; close(): Promise<void> }> {
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    const method = (req.url ?? "").split("/").pop() ?? "";
    calls.push(method);
    req.resume();
    const answer = (status: number, body: unknown) => res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    if (method === "getMe") return answer(200, { ok: true, result: { id: 123456, is_bot: true, first_name: "Trợ lý", username: "tro_ly_test_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false } });
    if (method === "getUpdates") {
      return answer(409, { ok: false, error_code: 409, description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running" });
    }
    return answer(200, { ok: true, result: true });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe("Telegram long polling while another instance polls (409 Conflict)", () => {
  let api: Awaited<ReturnType<typeof startConflictingApi>>;
  let dir: string;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    api = await startConflictingApi();
    dir = await mkdtemp(join(tmpdir(), "tlhn-conflict-"));
  });

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    await api?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("logs that another process polls with the token, says to run one polling instance or use webhooks, and exits 1", async () => {
    let stderr = "";
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        ...process.env,
        BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: api.url,
        WEBHOOK_URL: "",
        ZALO_BOT_TOKEN: "",
        DATABASE_URL: "",
        PUBLIC_URL: "",
        ADMIN_IDS: "12345",
        LOG_LEVEL: "info",
        DATA_FILE: join(dir, "db.json"),
        DIGEST_CRON: "0 8 29 2 *",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stderr!.on("data", (chunk) => (stderr += String(chunk)));
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the process did not exit within 20 s:\n${stderr}`)), 20_000);
      child!.once("exit", (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code).toBe(1);
    expect(stderr).toContain("telegram: long polling refused: Telegram answered 409 Conflict, so another process is polling with this BOT_TOKEN");
    expect(stderr).toMatch(/run only one instance in polling mode/);
    expect(stderr).toMatch(/WEBHOOK_URL and WEBHOOK_SECRET/);
    expect(stderr).not.toMatch(/Unexpected error/);
    // It gave up at the first 409 instead of polling again and again.
    expect(api.calls.filter((m) => m === "getUpdates")).toHaveLength(1);
  }, 30_000);
});
