/**
 * Long polling with a shared database: a Zalo bot has one consumer of updates and the platform says nothing when a
 * second one polls (each update goes to one of them), so the second instance must refuse itself; Telegram would answer
 * 409, and the same lease refuses its second poller at start too. Two real processes (`node --import tsx src/main.ts`)
 * on one PostgreSQL, against the fake Zalo Bot API and the Telegram emulator.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type FakeZaloApi, startFakeZaloApi } from "../helpers/fake-zalo-api.js";
import { createTestDatabases } from "../helpers/pg-database.js";
import { freePort, waitForLog } from "../helpers/process.js";
import { type EmulatorServer, TelegramServer, TOKEN as TELEGRAM_TOKEN } from "../helpers/telegram-emulator.js";

const ZALO_TOKEN = "1459232241454765289:polling-lease-secret-0123";

describe("a second Zalo long-polling instance on the same database", () => {
  const databases = createTestDatabases(inject("pgUrl"));
  let zalo: FakeZaloApi;
  let dir: string;
  let url: string;
  const children: ChildProcess[] = [];

  function start(name: string, channel: Record<string, string> = { ZALO_BOT_TOKEN: ZALO_TOKEN, ZALO_API_ROOT: zalo.url }): { child: ChildProcess; logs: { text: string }; exited: Promise<number | null> } {
    const logs = { text: "" };
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        ...process.env,
        BOT_TOKEN: "",
        WEBHOOK_URL: "",
        ZALO_WEBHOOK_URL: "",
        PUBLIC_URL: "",
        METRICS: "false",
        ZALO_BOT_TOKEN: "",
        ...channel,
        DATABASE_URL: url,
        ADMIN_IDS: "zalo:ad00000000000000ad01",
        DATA_FILE: join(dir, name, "db.json"),
        DIGEST_CRON: "0 8 29 2 *",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    child.stderr!.on("data", (chunk) => (logs.text += String(chunk)));
    return { child, logs, exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))) };
  }

  beforeAll(async () => {
    zalo = await startFakeZaloApi({ token: ZALO_TOKEN });
    dir = await mkdtemp(join(tmpdir(), "tlhn-polling-lease-"));
    ({ url } = await databases.create());
  });

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await zalo?.close();
    await databases.dropAll();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("is refused at start with how to fix it, while the first keeps polling", async () => {
    const first = start("first");
    await waitForLog(first.child, first.logs, /zalo: this instance is the one long-polling instance/, 40_000);
    await waitForLog(first.child, first.logs, /zalo: long polling started/, 20_000);
    const second = start("second");
    const code = await Promise.race([second.exited, new Promise((_, reject) => setTimeout(() => reject(new Error(`the second instance did not stop:\n${second.logs.text}`)), 40_000))]);
    expect(code).toBe(1);
    expect(second.logs.text).toContain("zalo: long polling refused");
    expect(second.logs.text).toMatch(/one consumer of updates/);
    expect(second.logs.text).toMatch(/ZALO_WEBHOOK_URL and ZALO_WEBHOOK_SECRET on every instance/);
    expect(second.logs.text).not.toMatch(/zalo: long polling started/);
    expect(second.logs.text).not.toMatch(/Unexpected error/);
    // The first one still answers.
    zalo.userSends({ userId: "5e5e5e5e5e5e5e5e5e5e", name: "Trần Thị Hỏi", text: "Khi nào có tài khoản email mới?" });
    await zalo.waitForSent((c) => c.chatId === "5e5e5e5e5e5e5e5e5e5e", 20_000);
  }, 90_000);

  it("refuses a second Telegram polling instance on the same database the same way", async () => {
    const port = await freePort();
    const telegram: EmulatorServer = new TelegramServer({ port, host: "127.0.0.1", storeTimeout: 60 });
    await telegram.start();
    try {
      const env = { BOT_TOKEN: TELEGRAM_TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${port}` };
      const first = start("telegram-first", env);
      await waitForLog(first.child, first.logs, /telegram: this instance is the one long-polling instance/, 40_000);
      const second = start("telegram-second", env);
      const code = await Promise.race([second.exited, new Promise((_, reject) => setTimeout(() => reject(new Error(`the second instance did not stop:\n${second.logs.text}`)), 40_000))]);
      expect(code).toBe(1);
      expect(second.logs.text).toContain("telegram: long polling refused");
      expect(second.logs.text).toMatch(/WEBHOOK_URL and WEBHOOK_SECRET on every instance/);
      expect(second.logs.text).not.toMatch(/telegram: long polling started/);
      first.child.kill("SIGTERM");
      await first.exited;
    } finally {
      await telegram.stop();
    }
  }, 90_000);
});
