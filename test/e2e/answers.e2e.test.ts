/**
 * The knowledge gap closed across channels, on the real process: a member asks on Zalo (a local fake of
 * the Zalo Bot API) what the assistant cannot answer; the admin, on Telegram (the local emulator), lists
 * the question with /cauhoi and answers it with /giaidap; the member gets the answer on Zalo; and the
 * next person asking something similar on Zalo gets the coordinator's answer directly.
 * Everything listens on 127.0.0.1 and stops after the run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeZaloApi, startFakeZaloApi } from "../helpers/fake-zalo-api.js";
import { freePort, waitForLog } from "../helpers/process.js";
import { type EmulatorServer as Emulator, TelegramServer, TOKEN, waitForText } from "../helpers/telegram-emulator.js";

const ADMIN = { userId: 1001, chatId: 1001, firstName: "Quản trị" };
const MEMBER = "6ede9afa66b88fe6d6a9";
const OTHER = "7fef0bfb77c99ff7e7b0";
const SALARY = "Lương tháng 7 của cán bộ phường được chi trả khi nào?";
const ANSWER = "Lương tháng 7 được chi trả trước ngày 10/08/2025.";

describe("coordinator answers end to end (Zalo asks, Telegram answers)", () => {
  let server: Emulator;
  let zalo: FakeZaloApi;
  let child: ChildProcess;
  let dir: string;
  const logs = { text: "" };
  let exited: Promise<number | null>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tlhn-e2e-answers-"));
    const port = await freePort();
    server = new TelegramServer({ port, host: "127.0.0.1", storeTimeout: 60 });
    await server.start();
    zalo = await startFakeZaloApi({ echoOwnMessages: false });
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        ...process.env,
        BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
        ZALO_BOT_TOKEN: zalo.token,
        ZALO_API_ROOT: zalo.url,
        ADMIN_IDS: String(ADMIN.userId),
        BOT_USERNAME: "TestNameBot",
        DATA_FILE: join(dir, "db.json"),
        WEBHOOK_URL: "",
        ZALO_WEBHOOK_URL: "",
        PUBLIC_URL: "",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stderr!.on("data", (chunk) => (logs.text += String(chunk)));
    exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    await waitForLog(child, logs, /"msg":"zalo: long polling started"/, 20_000);
    await waitForLog(child, logs, /"msg":"telegram: long polling started"/, 20_000);
  }, 40_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await zalo?.close();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("tells the Zalo member when the admin answers on Telegram, and answers the next similar question with it", async () => {
    zalo.userSends({ userId: MEMBER, name: "Thành viên", text: SALARY });
    const refused = await zalo.waitForSent((c) => c.chatId === MEMBER && /Chưa có thông tin/.test(c.text ?? ""), 15_000);
    expect(refused.text).toContain("Chưa có thông tin");

    const admin = server.getClient(TOKEN, { ...ADMIN });
    await admin.sendCommand(admin.makeCommand("/cauhoi"));
    const listing = await waitForText(server, ADMIN.chatId, /Câu hỏi trợ lý chưa trả lời được/);
    expect(listing).toContain(SALARY);
    expect(listing).toContain("1 người đang chờ");

    await admin.sendCommand(admin.makeCommand(`/giaidap 1 ${ANSWER}`));
    const confirmed = await waitForText(server, ADMIN.chatId, /Đã lưu câu trả lời/);
    expect(confirmed).toContain("Đã báo cho 1 người đã hỏi.");

    const notice = await zalo.waitForSent((c) => c.chatId === MEMBER && /Đã có câu trả lời/.test(c.text ?? ""), 15_000);
    expect(notice.text).toContain(SALARY);
    expect(notice.text).toContain(ANSWER);
    expect(notice.text).toMatch(/Điều phối viên trả lời ngày \d{2}\/\d{2}\/\d{4}/);

    zalo.userSends({ userId: OTHER, name: "Người khác", text: "lương tháng 7 chi trả khi nào vậy" });
    const direct = await zalo.waitForSent((c) => c.chatId === OTHER, 15_000);
    expect(direct.text).toContain(ANSWER);
  }, 60_000);
});
