/**
 * The real process in console mode with PUBLIC_URL set: the one web server starts beside the terminal
 * chat, `/bang` typed in the terminal gives a link, and the board answers it (a forged link gets 403).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, waitForLog } from "../helpers/process.js";

describe("the board in the real process (console mode)", () => {
  let child: ChildProcess;
  let dir: string;
  let exited: Promise<number | null>;
  const logs = { text: "" };
  const out = { text: "" };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "board-e2e-"));
    const port = await freePort();
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        ...process.env,
        BOT_TOKEN: "",
        ZALO_BOT_TOKEN: "",
        WEBHOOK_URL: "",
        ZALO_WEBHOOK_URL: "",
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_FILE: join(dir, "db.json"),
        LOG_LEVEL: "info",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    child.stderr!.on("data", (chunk) => (logs.text += String(chunk)));
    child.stdout!.on("data", (chunk) => (out.text += String(chunk)));
    exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    await waitForLog(child, logs, /"msg":"web: server listening"/, 20_000);
  }, 30_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.stdin?.end();
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("gives the terminal's admin a board link that the same process serves", async () => {
    child.stdin!.write("/bang\n");
    const link = await new Promise<string | undefined>((resolve) => {
      const find = () => /(http:\/\/127\.0\.0\.1:\d+\/bang\/[^\s)]+\/)/.exec(out.text)?.[1];
      const timer = setTimeout(() => done(undefined), 15_000);
      const check = () => {
        const found = find();
        if (found) done(found);
      };
      const done = (value: string | undefined) => {
        clearTimeout(timer);
        child.stdout!.off("data", check);
        resolve(value);
      };
      child.stdout!.on("data", check);
      check();
    });
    expect(link, `no link in the terminal output:\n${out.text}`).toBeDefined();
    const res = await fetch(link!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(await res.text()).toContain("tất cả cơ quan, đơn vị");
    expect((await fetch(link!.replace(/(.)\/$/, (_m, c: string) => `${c === "A" ? "B" : "A"}/`))).status).toBe(403);
  }, 20_000);
});
