import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsoleOutbox, runConsole } from "../../../src/channels/console/console.js";
import { statusButtons } from "../../../src/core/status/kinds.js";
import { createTestApp, textFrom } from "../../helpers/app.js";

async function chat(lines: string[], filesDir?: string): Promise<string> {
  const { assistant, log } = await createTestApp({ admins: ["console:local"] });
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk) => (text += String(chunk)));
  const done = runConsole({ assistant, input, output, log, interactive: false, filesDir });
  input.end(lines.map((l) => `${l}\n`).join(""));
  await done;
  return text;
}

describe("the console channel", () => {
  it("answers each line and ends at the end of input", async () => {
    const out = await chat(["/help", "/lich email"]);
    expect(out).toContain("/lich [từ khóa]");
    expect(out).toContain("10/05/2025");
  });

  it("skips blank lines instead of answering them", async () => {
    const out = await chat(["", "   ", "/help"]);
    expect(out.match(/Trợ lý Hợp nhất: các lệnh/g)).toHaveLength(1);
  });

  it("saves the files the assistant sends (the digest CSV) and says where", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tlhn-files-"));
    try {
      const out = await chat(["/tonghop csv"], dir);
      const saved = /\[đã lưu tệp đính kèm: (.+\.csv)\]/.exec(out)?.[1];
      expect(saved, out).toBeDefined();
      expect((await readFile(saved!)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("explains an unknown command politely", async () => {
    const out = await chat(["/xyz"]);
    expect(out).toContain("Không có lệnh /xyz. Gõ /help để xem các lệnh hiện có.");
  });
});

describe("npm start without a token", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tlhn-start-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const run = (input: string, env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        env: { ...process.env, BOT_TOKEN: "", DATA_FILE: join(dir, "db.json"), ...env },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c) => (stdout += String(c)));
      child.stderr.on("data", (c) => (stderr += String(c)));
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`npm start did not finish in time\n${stdout}\n${stderr}`));
      }, 15_000);
      child.on("error", reject);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
      child.stdin.end(input);
    });

  it("prints the commands and the milestones with their dates for '/help' and '/lich'", async () => {
    const { code, stdout } = await run("/help\n/lich\n");
    expect(code).toBe(0);
    expect(stdout).toContain("/hoi <câu hỏi>");
    expect(stdout).toMatch(/Gửi danh sách .*: 10\/05\/2025/);
    expect(stdout).toContain("01/09/2025");
    expect(stdout).toMatch(/^> \/help\n/);
    expect(stdout).toContain("\n> /lich\n");
    expect(stdout.trimEnd().endsWith("Tạm biệt anh/chị. Hẹn gặp lại!")).toBe(true);
  });

  it("refuses to start on a corrupt data file, says which file, and leaves it untouched", async () => {
    const { writeFile, readFile } = await import("node:fs/promises");
    const bad = join(dir, "corrupt.json");
    await writeFile(bad, "{ not json");
    const { code, stdout, stderr } = await run("/help\n", { DATA_FILE: bad });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(`store: ${bad} is not valid JSON`);
    expect(stderr).toContain("left untouched");
    expect(await readFile(bad, "utf8")).toBe("{ not json");
  });

  it("refuses to start on a bad setting and names the variable", async () => {
    const { code, stderr } = await run("", { REMINDER_TIME: "25:00" });
    expect(code).toBe(1);
    expect(stderr).toContain('REMINDER_TIME="25:00": must be a time HH:mm');
  });
});

describe("the console transcript in piped mode", () => {
  it("reads as a person would read it: each question echoed, its answer, a kept menu, and a goodbye", async () => {
    const out = await chat(["/start", "99", "2", "/viec @sokhcn-hcm", "thêm"]);
    const blocks = out.trimEnd().split("\n\n");
    // Every answer follows the line that asked for it.
    const asked = out.split("\n").filter((l) => l.startsWith("> "));
    expect(asked).toEqual(["> /start", "> 99", "> 2", "> /viec @sokhcn-hcm", "> thêm"]);
    expect(out.indexOf("> /start")).toBeLessThan(out.indexOf("Kính chào"));
    expect(out).toMatch(/> 99\nSố 99 không có trong danh sách đang chờ\. Xin vui lòng chọn một trong các số 1–\d\.\nTrả lời bằng số để chọn:/);
    expect(out).toMatch(/> 2\nĐã chọn 2: /);
    expect(out).toMatch(/> \/viec @sokhcn-hcm\nViệc của Sở KH&CN TP\.HCM/);
    expect(out).toContain("Chọn một mốc bằng số để xem chi tiết và báo trạng thái.");
    expect(out).toMatch(/> thêm\nĐã hiển thị hết các lựa chọn \(1–\d+\)\./);
    expect(out).not.toMatch(/bấm|Bấm/);
    expect(blocks.at(-1)).toBe("Tạm biệt anh/chị. Hẹn gặp lại!");
  });

  it("ends an interactive session on its own line with a goodbye (Ctrl-D)", async () => {
    const { assistant, log } = await createTestApp();
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (chunk) => (text += String(chunk)));
    const done = runConsole({ assistant, input, output, log, interactive: true });
    input.end();
    await done;
    // The goodbye gets a line of its own, not the tail of the "> " prompt line.
    expect(text).toMatch(/\n[^\n]*> [^\n]*\nTạm biệt anh\/chị\. Hẹn gặp lại!\n$/);
  });
});

describe("the console outbox", () => {
  it("numbers a reminder's buttons like an answer's, so typing the number records what was shown", async () => {
    const app = await createTestApp({ admins: ["console:local"] });
    const output = new PassThrough();
    let text = "";
    output.on("data", (chunk) => (text += String(chunk)));
    const outbox = createConsoleOutbox(output, { listings: app.store.listings, clock: app.clock });
    const buttons = statusButtons("email-lists", "sokhcn-brvt");
    await outbox.send([{ chatKey: "console:local", ref: "email-lists|sokhcn-brvt|before:3", reply: { text: ["Nhắc hạn: email-lists"], buttons } }]);
    expect(text).toContain("Trả lời bằng số để chọn:\n  1. ✅ Đã hoàn thành\n  2. 🟢 Đúng tiến độ");
    const out = (await app.assistant.handle(textFrom("local", "2"))).map((r) => r.text.map((s) => (typeof s === "string" ? s : Object.values(s)[0])).join("")).join("\n");
    expect(out).toMatch(/^Đã chọn 2: 🟢 Đúng tiến độ/);
    expect(await app.store.statuses.all()).toEqual([expect.objectContaining({ milestoneId: "email-lists", agencyId: "sokhcn-brvt", status: "on-track" })]);
  });
});
