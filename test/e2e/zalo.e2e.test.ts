/**
 * The real process (`node --import tsx src/main.ts`, what `npm start` runs) with Zalo and Telegram on,
 * against the fake Zalo Bot API (test/helpers/fake-zalo-api.ts) and the Telegram emulator, all on 127.0.0.1.
 * One run, in order: the day's bundled reminder reaches a Zalo lead as one message; a member's question,
 * image, the bot's own echo and a duplicate delivery; registration with a code shown as text; the lead's
 * "A 4 thiếu máy chủ" recorded and the alert reaching a coordinator on Zalo and one on Telegram; /tonghop
 * on Zalo with a photo URL the fake fetches and a CSV link; quota 429s recorded and not looped; SIGTERM.
 * A second process runs in webhook mode: secret checks, both body shapes, JSON only, the byte limit, and
 * the first-admin code from the log.
 *
 * The reminder needs something due today: the test copies content/ and moves two deadlines to today's
 * date (ICT), making today a working day in the copy's calendar, so the run is the same on any date.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store.js";
import { createLinkSigner } from "../../src/web/signed-links.js";
import { type FakeZaloApi, type SentCall, startFakeZaloApi } from "../helpers/fake-zalo-api.js";
import { freePort, waitForLog } from "../helpers/process.js";
import { type EmulatorServer, TelegramServer, TOKEN as TELEGRAM_TOKEN, waitForText } from "../helpers/telegram-emulator.js";
import { makeTodayWorking } from "../helpers/working-today.js";

const ZALO_TOKEN = "1459232241454765289:e2e-Zalo-secret_part-0123";
const ZALO_SECRET_PART = "e2e-Zalo-secret_part-0123";
const LINK_SECRET = "e2e-link-secret-0123456789abcdef0123456789abcdef";
const ADMIN = "ad00000000000000ad01";
const LEAD = "6ede9afa66b88fe6d6a9";
const COORDINATOR = "c0000000000000000c01";
const MEMBER = "5e5e5e5e5e5e5e5e5e5e";
const NEW_LEAD = "7f7f7f7f7f7f7f7f7f7f";
const TELEGRAM_COORDINATOR = 4004;

/** Today in Asia/Ho_Chi_Minh, YYYY-MM-DD. */
function todayIct(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

/** A copy of content/ in `dir` where `email-lists` and `video-conference-state` (both of Sở KH&CN Bình Dương) are due today. */
async function contentDueToday(dir: string): Promise<string> {
  const target = join(dir, "content");
  await cp("content", target, { recursive: true });
  const today = todayIct();
  const milestonesFile = join(target, "milestones.yaml");
  const milestones = parse(await readFile(milestonesFile, "utf8")) as { id: string; due: string }[];
  for (const m of milestones) if (m.id === "email-lists" || m.id === "video-conference-state") m.due = today;
  await writeFile(milestonesFile, stringify(milestones));
  await makeTodayWorking(target, today);
  return target;
}

/** Seeds the data file: a Zalo lead and a Zalo coordinator who wrote to the bot before, and a Telegram coordinator. */
async function seed(file: string): Promise<void> {
  const store = await openStore({ file });
  const at = "2025-05-01T01:00:00.000Z";
  await store.people.grant({ userKey: `zalo:${LEAD}`, name: "Nguyễn Văn Đầu Mối", role: "lead", agencyId: "sokhcn-binhduong", chatKey: `zalo:${LEAD}`, grantedBy: `zalo:${ADMIN}`, grantedAt: at });
  await store.people.grant({ userKey: `zalo:${COORDINATOR}`, name: "Lê Điều Phối", role: "coordinator", chatKey: `zalo:${COORDINATOR}`, grantedBy: `zalo:${ADMIN}`, grantedAt: at });
  await store.people.grant({
    userKey: `telegram:${TELEGRAM_COORDINATOR}`,
    name: "Trần Điều Phối",
    role: "coordinator",
    chatKey: `telegram:${TELEGRAM_COORDINATOR}`,
    grantedBy: `zalo:${ADMIN}`,
    grantedAt: at,
  });
  for (const id of [LEAD, COORDINATOR]) await store.chats.upsert({ chatKey: `zalo:${id}`, type: "private", active: true });
  await store.close();
}

/** Sent calls to a chat, in order, from the fake's log. */
function sentTo(zalo: FakeZaloApi, chatId: string, method: SentCall["method"] = "sendMessage"): SentCall[] {
  return zalo.sent.filter((c) => c.chatId === chatId && c.method === method);
}

/** Waits for the next accepted message to `chatId` after the first `after` ones, whose text matches `pattern`. */
async function nextText(zalo: FakeZaloApi, chatId: string, pattern: RegExp, after: number, ms = 15_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = sentTo(zalo, chatId)
      .slice(after)
      .find((c) => c.status === 200 && pattern.test(c.text ?? ""));
    if (found) return found.text!;
    if (Date.now() > deadline) {
      throw new Error(`no message to ${chatId} matching ${pattern} within ${ms} ms; sent: ${JSON.stringify(sentTo(zalo, chatId).map((c) => c.text?.slice(0, 80)))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function spawnAssistant(env: Record<string, string>, logs: { text: string }): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, WEBHOOK_URL: "", BOT_TOKEN: "", ADMIN_IDS: "", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.on("data", (chunk) => (logs.text += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited };
}

async function stop(child: ChildProcess | undefined, exited: Promise<number | null> | undefined): Promise<void> {
  if (child && child.exitCode === null) {
    child.kill("SIGKILL");
    await exited;
  }
}

describe("Zalo end to end (fake Zalo Bot API, polling, beside Telegram)", () => {
  let zalo: FakeZaloApi;
  let telegram: EmulatorServer;
  let child: ChildProcess;
  let exited: Promise<number | null>;
  let dir: string;
  let webPort: number;
  const logs = { text: "" };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tlhn-zalo-e2e-"));
    const contentDir = await contentDueToday(dir);
    await seed(join(dir, "db.json"));
    zalo = await startFakeZaloApi({ token: ZALO_TOKEN });
    const telegramPort = await freePort();
    telegram = new TelegramServer({ port: telegramPort, host: "127.0.0.1", storeTimeout: 60 });
    await telegram.start();
    webPort = await freePort();
    ({ child, exited } = spawnAssistant(
      {
        ZALO_BOT_TOKEN: ZALO_TOKEN,
        ZALO_API_ROOT: zalo.url,
        BOT_TOKEN: TELEGRAM_TOKEN,
        TELEGRAM_API_ROOT: `http://127.0.0.1:${telegramPort}`,
        ADMIN_IDS: `zalo:${ADMIN}`,
        PUBLIC_URL: `http://127.0.0.1:${webPort}`,
        LINK_SECRET,
        METRICS: "true",
        PORT: String(webPort),
        HOST: "127.0.0.1",
        DATA_FILE: join(dir, "db.json"),
        CONTENT_DIR: contentDir,
        REMINDER_TIME: "00:00",
        // Never this week (the catch-up would send a digest at start): 29 February only.
        DIGEST_CRON: "0 8 29 2 *",
      },
      logs,
    ));
    await waitForLog(child, logs, /zalo: long polling started/, 25_000);
    await waitForLog(child, logs, /telegram: long polling started/, 25_000);
  }, 40_000);

  afterAll(async () => {
    await stop(child, exited);
    await zalo?.close();
    await telegram?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("sends the Zalo lead the day's two reminders as one lettered message with the status legend", async () => {
    const bundle = await nextText(zalo, LEAD, /Nhắc hạn hôm nay/, 0, 20_000);
    expect(bundle).toMatch(/Nhắc hạn hôm nay: 2 việc của Sở KH&CN Bình Dương/);
    expect(bundle).toMatch(/^A\. .*\(mã: (email-lists|video-conference-state)\)$/m);
    expect(bundle).toMatch(/^B\. .*\(mã: (email-lists|video-conference-state)\)$/m);
    expect(bundle).toContain("1 = Đã hoàn thành, 2 = Đúng tiến độ, 3 = Có nguy cơ chậm, 4 = Vướng mắc");
    expect(bundle.length).toBeLessThanOrEqual(2000);
    // One message, not one per item.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sentTo(zalo, LEAD).filter((c) => /Nhắc hạn/.test(c.text ?? ""))).toHaveLength(1);
  }, 30_000);

  it("reports real state on /healthz: the store writable, the scheduler ticked, both channels reached", async () => {
    const res = await fetch(`http://127.0.0.1:${webPort}/healthz`, { signal: AbortSignal.timeout(5_000) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; checks: Record<string, { ok: boolean; detail: string }> };
    expect(body.ok).toBe(true);
    expect(Object.keys(body.checks).sort()).toEqual(["channel:telegram", "channel:zalo", "scheduler", "store"]);
    expect(body.checks["channel:zalo"]!.detail).toMatch(/last contact \d+ s ago/);
    expect(body.checks.store!.detail).toBe("writable");
    // The bundled reminder went out through the Zalo outbox: the metrics count it.
    const metrics = await (await fetch(`http://127.0.0.1:${webPort}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
    expect(metrics).toMatch(/assistant_messages_sent_total\{channel="zalo"\} [1-9]/);
    expect(metrics).toContain("assistant_outbox_backlog");
  }, 15_000);

  it("answers a member's question, replies kindly to an image, ignores its own echo and answers a duplicate delivery once", async () => {
    const before = sentTo(zalo, MEMBER).length;
    const question = zalo.userSends({ userId: MEMBER, name: "Trần Thị Hỏi", text: "Khi nào có tài khoản email mới?" });
    expect(await nextText(zalo, MEMBER, /thư điện tử/, before)).toMatch(/thư điện tử công vụ/);
    zalo.userSends({ userId: MEMBER, name: "Trần Thị Hỏi", kind: "image" });
    expect(await nextText(zalo, MEMBER, /chỉ đọc được tin nhắn chữ/, before)).toMatch(/Khi nào có tài khoản thư điện tử mới/);

    const answered = sentTo(zalo, MEMBER).length;
    await zalo.deliver(question);
    await waitForLog(child, logs, /duplicate delivery ignored/, 10_000);
    // Every reply of the bot came back as an update from the bot itself (the fake echoes); none was answered.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(sentTo(zalo, MEMBER).length).toBe(answered);
    expect(answered - before).toBe(2);
  }, 30_000);

  it("lets the admin invite a lead with a code shown as text, which the new lead uses with /dangky", async () => {
    const before = sentTo(zalo, ADMIN).length;
    zalo.userSends({ userId: ADMIN, name: "Quản Trị", text: "/moi so khcn brvt" });
    const invitation = await nextText(zalo, ADMIN, /Đã tạo mã mời/, before);
    expect(invitation).not.toContain("t.me");
    expect(invitation).not.toMatch(/bấm liên kết/);
    const code = /Mã mời: ([A-Z0-9]{12})/.exec(invitation)?.[1];
    expect(code).toBeDefined();

    zalo.userSends({ userId: NEW_LEAD, name: "Phạm Đầu Mối", text: `/dangky ${code}` });
    expect(await nextText(zalo, NEW_LEAD, /Chào mừng/, 0)).toMatch(/đầu mối của Sở KH&CN Bà Rịa - Vũng Tàu|đầu mối của Sở KH&CN BR-VT|đầu mối của/);
    zalo.userSends({ userId: NEW_LEAD, name: "Phạm Đầu Mối", text: "/toi" });
    expect(await nextText(zalo, NEW_LEAD, /Mã người dùng/, 0)).toContain(`zalo:${NEW_LEAD}`);
  }, 30_000);

  it("records the lead's 'A 4 thiếu máy chủ' and alerts the coordinators on Zalo and on Telegram", async () => {
    const bundle = sentTo(zalo, LEAD).find((c) => /Nhắc hạn hôm nay/.test(c.text ?? ""))!.text!;
    const itemA = /^A\. .*\(mã: ([a-z-]+)\)$/m.exec(bundle)![1]!;
    const before = sentTo(zalo, LEAD).length;
    const coordinatorBefore = sentTo(zalo, COORDINATOR).length;
    zalo.userSends({ userId: LEAD, name: "Nguyễn Văn Đầu Mối", text: "A 4 thiếu máy chủ" });
    const confirmation = await nextText(zalo, LEAD, /Đã ghi nhận/, before);
    expect(confirmation).toMatch(/Vướng mắc/);
    expect(confirmation).toContain("thiếu máy chủ");

    const alert = await nextText(zalo, COORDINATOR, /cần điều phối viên hỗ trợ/, coordinatorBefore);
    expect(alert).toContain(`(${itemA})`);
    expect(alert).toContain("thiếu máy chủ");
    const telegramAlert = await waitForText(telegram, TELEGRAM_COORDINATOR, /cần điều phối viên hỗ trợ/);
    expect(telegramAlert).toContain("thiếu máy chủ");
  }, 30_000);

  it("records the lead's 'B xong' (the status in words) as done for item B", async () => {
    const bundle = sentTo(zalo, LEAD).find((c) => /Nhắc hạn hôm nay/.test(c.text ?? ""))!.text!;
    const itemB = /^B\. (.*) \(mã: ([a-z-]+)\)$/m.exec(bundle)!;
    const before = sentTo(zalo, LEAD).length;
    zalo.userSends({ userId: LEAD, name: "Nguyễn Văn Đầu Mối", text: "B xong" });
    const confirmation = await nextText(zalo, LEAD, /Đã ghi nhận/, before);
    expect(confirmation).toContain("Đã hoàn thành");
    expect(confirmation).toContain(itemB[2]!);
  }, 30_000);

  it("gives a Zalo coordinator /tonghop as text under 2000 characters, the chart by photo URL and the CSV as a signed link", async () => {
    const before = sentTo(zalo, COORDINATOR).length;
    const photosBefore = zalo.photoFetches.length;
    zalo.userSends({ userId: COORDINATOR, name: "Lê Điều Phối", text: "/tonghop" });
    await nextText(zalo, COORDINATOR, /Tổng hợp tuần/, before, 20_000);
    const files = await nextText(zalo, COORDINATOR, /📎/, before, 20_000);
    for (const c of sentTo(zalo, COORDINATOR).slice(before)) expect((c.text ?? "").length).toBeLessThanOrEqual(2000);

    const photo = await zalo.waitForSent((c) => c.method === "sendPhoto" && c.chatId === COORDINATOR, 20_000);
    expect(photo.photo).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${webPort}/files/`));
    const fetched = zalo.photoFetches.slice(photosBefore).find((f) => f.url === photo.photo);
    expect(fetched).toMatchObject({ status: 200, contentType: "image/png" });
    expect(fetched!.bytes).toBeGreaterThan(1000);

    const csvUrl = /(http:\/\/127\.0\.0\.1:\d+\/files\/[^\s]+\.csv\?[^\s]+)/.exec(files)?.[1];
    expect(csvUrl).toBeDefined();
    const csv = await fetch(csvUrl!, { signal: AbortSignal.timeout(10_000) });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const forged = await fetch(csvUrl!.replace(/sig=[^&]+/, "sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), { signal: AbortSignal.timeout(5_000) });
    expect(forged.status).toBe(403);
    const yesterday = new Date(Date.now() - 25 * 60 * 60 * 1000);
    const expiredPath = createLinkSigner(LINK_SECRET).sign({ kind: "digest-csv", asOf: yesterday.toISOString() }, "tong-hop.csv", yesterday);
    const expired = await fetch(`http://127.0.0.1:${webPort}${expiredPath}`, { signal: AbortSignal.timeout(5_000) });
    expect(expired.status).toBe(403);
  }, 60_000);

  it("records a quota 429 and pauses Zalo sending instead of retrying it in a loop", async () => {
    zalo.setQuotaExceeded(true);
    const refusedBefore = zalo.sent.filter((c) => c.status === 429).length;
    zalo.userSends({ userId: MEMBER, name: "Trần Thị Hỏi", text: "1022 là gì?" });
    await waitForLog(child, logs, /quota exceeded \(429\)/, 10_000);
    zalo.userSends({ userId: MEMBER, name: "Trần Thị Hỏi", text: "Hội nghị truyền hình khi nào xong?" });
    await waitForLog(child, logs, /sending paused until/, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // One refused call for the first reply; the second never reached the API: no loop.
    expect(zalo.sent.filter((c) => c.status === 429).length - refusedBefore).toBe(1);
    zalo.setQuotaExceeded(false);
  }, 30_000);

  it("shuts down on SIGTERM with exit code 0, with the status, the quota pause and the handled updates on disk, and never logs the token", async () => {
    child.kill("SIGTERM");
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve("timeout"), 10_000))]);
    expect(code).toBe(0);
    const store = await openStore({ file: join(dir, "db.json"), readOnly: true });
    try {
      const blocked = (await store.statuses.all()).find((r) => r.userKey === `zalo:${LEAD}` && r.status === "blocked");
      expect(blocked).toMatchObject({ note: "thiếu máy chủ", channel: "zalo", role: "lead", agencyId: "sokhcn-binhduong", reminderKey: expect.stringMatching(/\|due:0$/) });
      expect((await store.statuses.all()).filter((r) => r.userKey === `zalo:${LEAD}` && r.status === "done")).toHaveLength(1);
      expect(await store.runs.list("zalo-quota|")).toHaveLength(1);
      expect(await store.people.get(`zalo:${NEW_LEAD}`)).toMatchObject({ role: "lead", agencyId: "sokhcn-brvt" });
      expect(await store.intents.list()).toEqual([]);
    } finally {
      await store.close();
    }
    expect(logs.text).not.toContain(ZALO_SECRET_PART);
    expect(logs.text).not.toContain(LINK_SECRET);
  }, 20_000);
});

/** POSTs `body` to the webhook with the given headers, optionally as a chunked stream without Content-Length. */
function post(url: string, body: string | Buffer, headers: Record<string, string>, chunked = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers: chunked ? { ...headers, "transfer-encoding": "chunked" } : { ...headers, "content-length": String(Buffer.byteLength(body)) } });
    req.setTimeout(10_000, () => req.destroy(new Error("timeout")));
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (error) => ((error as NodeJS.ErrnoException).code === "ECONNRESET" || (error as NodeJS.ErrnoException).code === "EPIPE" ? resolve(-1) : reject(error)));
    if (!chunked) {
      req.end(body);
      return;
    }
    // 64 KiB pieces, 2 MiB in all: far over the limit, and never announced in a header.
    const piece = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < 32) {
        sent += 1;
        if (!req.write(piece)) {
          req.once("drain", pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

describe("Zalo end to end (webhook mode, first admin from the start-up code)", () => {
  let zalo: FakeZaloApi;
  let child: ChildProcess;
  let exited: Promise<number | null>;
  let dir: string;
  let hook: string;
  const secret = "zalo-webhook-secret-e2e";
  const logs = { text: "" };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tlhn-zalo-hook-"));
    zalo = await startFakeZaloApi({ token: ZALO_TOKEN });
    const port = await freePort();
    hook = `http://127.0.0.1:${port}/zalo/webhook`;
    ({ child, exited } = spawnAssistant(
      {
        ZALO_BOT_TOKEN: ZALO_TOKEN,
        ZALO_API_ROOT: zalo.url,
        ZALO_WEBHOOK_URL: hook,
        ZALO_WEBHOOK_SECRET: secret,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_FILE: join(dir, "db.json"),
        DIGEST_CRON: "0 8 29 2 *",
      },
      logs,
    ));
    await waitForLog(child, logs, /zalo: webhook set/, 25_000);
  }, 40_000);

  afterAll(async () => {
    await stop(child, exited);
    await zalo?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("sets the webhook with the secret after its route answers the platform's check", () => {
    expect(zalo.webhook).toEqual({ url: hook, secret });
  });

  it("answers an update POSTed with the right secret, in the documented shape and in the bare one", async () => {
    zalo.userSends({ userId: MEMBER, name: "Trần Thị Hỏi", text: "/lich email" });
    await nextText(zalo, MEMBER, /email|thư điện tử/i, 0);
    const bare = { event_name: "message.text.received", message: { from: { id: MEMBER, display_name: "Trần Thị Hỏi" }, chat: { id: MEMBER, chat_type: "PRIVATE" }, text: "/help", message_id: "bare-shape-0001", date: Date.now() } };
    const before = sentTo(zalo, MEMBER).length;
    expect(await post(hook, JSON.stringify(bare), { "content-type": "application/json", "x-bot-api-secret-token": secret })).toBe(200);
    await nextText(zalo, MEMBER, /\/lich|\/hoi/, before);
  }, 30_000);

  it("refuses a wrong or missing secret with 401, a body that is not JSON with 415, and an oversized chunked body with 413", async () => {
    const update = JSON.stringify({ ok: true, result: { event_name: "message.text.received", message: { from: { id: MEMBER }, chat: { id: MEMBER }, text: "/help", message_id: "refused-0001" } } });
    const before = sentTo(zalo, MEMBER).length;
    expect(await post(hook, update, { "content-type": "application/json", "x-bot-api-secret-token": "wrong-secret-000" })).toBe(401);
    expect(await post(hook, update, { "content-type": "application/json" })).toBe(401);
    expect(await post(hook, "event_name=message.text.received", { "content-type": "application/x-www-form-urlencoded", "x-bot-api-secret-token": secret })).toBe(415);
    expect(await post(hook, "{not json", { "content-type": "application/json", "x-bot-api-secret-token": secret })).toBe(400);
    const big = await post(hook, "", { "content-type": "application/json", "x-bot-api-secret-token": secret }, true);
    // 413, or the connection cut right after it: either way the 2 MiB were not taken in.
    expect([413, -1]).toContain(big);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sentTo(zalo, MEMBER).length).toBe(before);
    expect(child.exitCode).toBeNull();
  }, 30_000);

  it("prints a one-time admin code when no admin is configured, and /dangky with it makes the sender admin", async () => {
    await waitForLog(child, logs, /first admin/, 5_000);
    const code = /\/dangky ([A-Z0-9]{12})/.exec(logs.text)?.[1];
    expect(code).toBeDefined();
    zalo.userSends({ userId: ADMIN, name: "Quản Trị", text: `/dangky ${code}` });
    expect(await nextText(zalo, ADMIN, /Chào mừng/, 0)).toMatch(/quản trị viên/);
    zalo.userSends({ userId: MEMBER, name: "Trần Thị Hỏi", text: `/dangky ${code}` });
    expect(await nextText(zalo, MEMBER, /đã được sử dụng/, 0)).toBeTruthy();
    zalo.userSends({ userId: ADMIN, name: "Quản Trị", text: "/toi" });
    expect(await nextText(zalo, ADMIN, /Mã người dùng/, 0)).toMatch(/quản trị viên/);
  }, 30_000);

  it("stops on SIGTERM within 10 seconds with exit code 0", async () => {
    child.kill("SIGTERM");
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve("timeout"), 10_000))]);
    expect(code).toBe(0);
    expect(logs.text).not.toContain(ZALO_SECRET_PART);
    expect(logs.text).not.toContain(secret);
  }, 15_000);
});
