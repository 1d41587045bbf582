/**
 * Smoke test of the real process against a local Telegram Bot API emulator (telegram-test-api)
 * on 127.0.0.1: an admin invites a lead, the lead registers through /start <code>, a member asks
 * a question and gets the answer, and SIGTERM shuts the bot down cleanly with the data on disk.
 * The emulator is unmaintained and partial (see ../shared/reference/telegram-testing.md), so this
 * stays a smoke test; the contracts are proven in test/channels/telegram.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import emulator from "telegram-test-api";
import type { TelegramServer as Emulator } from "telegram-test-api/lib/telegramServer.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const TOKEN = "123456:E2E-token-for-the-local-emulator-only";
const ADMIN = { userId: 1001, chatId: 1001, firstName: "Quản trị" };
const LEAD = { userId: 2002, chatId: 2002, firstName: "Nguyễn Văn" };
const MEMBER = { userId: 3003, chatId: 3003, firstName: "Trần Thị" };

// The package is CommonJS with `module.exports = TelegramServer`; its typings describe an ES default export.
const TelegramServer = emulator as unknown as typeof Emulator;
type Server = Emulator;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves when `pattern` appears in the child's stderr (pino logs), or rejects after `ms`. */
function waitForLog(child: ChildProcess, logs: { text: string }, pattern: RegExp, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.stderr?.off("data", check);
      reject(new Error(`no log line matching ${pattern} within ${ms} ms:\n${logs.text}`));
    }, ms);
    const check = () => {
      if (!pattern.test(logs.text)) return;
      clearTimeout(timer);
      child.stderr?.off("data", check);
      resolve();
    };
    child.stderr?.on("data", check);
    check();
  });
}

/**
 * Waits until the bot sends `chatId` a message matching `pattern`, and returns its text. Other messages
 * (a digest or reminders sent at start-up) are skipped. Asks the emulator directly, one request at a time:
 * the package's client keeps polling in the background after its own timeout, which would swallow messages.
 */
async function waitForText(server: Server, chatId: number, pattern: RegExp, ms = 15_000): Promise<string> {
  const deadline = Date.now() + ms;
  const seen: string[] = [];
  while (Date.now() < deadline) {
    const res = await fetch(`${server.config.apiURL}/getUpdates`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: TOKEN, chatId }),
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await res.json()) as { result: { message: { text?: string } }[] };
    for (const u of body.result) {
      const text = String(u.message.text ?? "");
      if (pattern.test(text)) return text;
      seen.push(text.slice(0, 80));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no message matching ${pattern} within ${ms} ms; saw: ${JSON.stringify(seen)}`);
}

describe("Telegram end to end (emulator)", () => {
  let server: Server;
  let child: ChildProcess;
  let dir: string;
  const logs = { text: "" };
  let exited: Promise<number | null>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tlhn-e2e-"));
    const port = await freePort();
    server = new TelegramServer({ port, host: "127.0.0.1", storeTimeout: 60 });
    await server.start();
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        ...process.env,
        BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
        ADMIN_IDS: String(ADMIN.userId),
        BOT_USERNAME: "TestNameBot",
        DATA_FILE: join(dir, "db.json"),
        WEBHOOK_URL: "",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stderr!.on("data", (chunk) => (logs.text += String(chunk)));
    exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    await waitForLog(child, logs, /long polling started/, 20_000);
  }, 30_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill("SIGKILL");
      await exited;
    }
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("lets an admin invite a lead, the lead register through /start <code>, and a member get an answer", async () => {
    const admin = server.getClient(TOKEN, { ...ADMIN });
    await admin.sendCommand(admin.makeCommand("/moi binh duong"));
    const invitation = await waitForText(server, ADMIN.chatId, /Đã tạo mã mời/);
    expect(invitation).toMatch(/Đã tạo mã mời cho đầu mối của Sở KH&amp;CN Bình Dương/);
    const code = /<code>([A-Z0-9]{12})<\/code>/.exec(invitation!)?.[1];
    expect(code).toBeDefined();
    expect(invitation).toContain(`https://t.me/TestNameBot?start=${code}`);

    const lead = server.getClient(TOKEN, { ...LEAD });
    await lead.sendCommand(lead.makeCommand(`/start ${code}`));
    const welcome = await waitForText(server, LEAD.chatId, /Chào mừng/);
    expect(welcome).toMatch(/đăng ký là đầu mối của Sở KH&amp;CN Bình Dương/);

    const member = server.getClient(TOKEN, { ...MEMBER });
    await member.sendMessage(member.makeMessage("Khi nào có tài khoản email mới?"));
    const answer = await waitForText(server, MEMBER.chatId, /./);
    expect(answer).toMatch(/tài khoản thư điện tử công vụ/);
  }, 40_000);

  it("shuts down on SIGTERM with exit code 0, the registration safely on disk", async () => {
    child.kill("SIGTERM");
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve("timeout"), 15_000))]);
    expect(code).toBe(0);
    const data = JSON.parse(await readFile(join(dir, "db.json"), "utf8")) as { people: { userKey: string; role: string }[] };
    expect(data.people).toContainEqual(expect.objectContaining({ userKey: `telegram:${LEAD.userId}`, role: "lead" }));
  }, 20_000);
});
