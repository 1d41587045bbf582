import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { asSuperuser, createTestDatabases } from "../helpers/pg-database.js";

const databases = createTestDatabases(inject("pgUrl"));
let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tlhn-pgstart-"));
});
afterAll(async () => {
  await databases.dropAll();
  await rm(dir, { recursive: true, force: true });
});

/** The real process (`npm start`) in terminal mode, with `input` on stdin; stops by itself at the end of the input. */
function start(input: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { ...process.env, BOT_TOKEN: "", ZALO_BOT_TOKEN: "", DATA_FILE: join(dir, "db.json"), ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += String(c)));
    child.stderr.on("data", (c) => (stderr += String(c)));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the assistant did not finish in time\n${stdout}\n${stderr}`));
    }, 45_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

describe("the assistant with DATABASE_URL", () => {
  it("migrates a new database at start, keeps what happens in PostgreSQL (not in DATA_FILE), and reads it back in the next run", async () => {
    const { url } = await databases.create();
    const first = await start(
      ["Khi nào có tài khoản thư điện tử mới?", "/capnhat email-lists chậm @sokhcn-brvt thiếu máy chủ", "/cập nhật email xong", "2", ""].join("\n"),
      { DATABASE_URL: url },
    );
    expect(first.stderr).not.toMatch(/Unexpected error/);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Đã ghi nhận cập nhật tiến độ");
    expect(first.stdout).toContain("Tạm biệt anh/chị");
    const rows = await asSuperuser(url, async (c) => ({
      migrations: (await c.query("SELECT count(*)::int AS n FROM schema_migrations")).rows[0].n,
      asked: (await c.query("SELECT sum(asked)::int AS n FROM question_days")).rows[0].n,
      statuses: (await c.query("SELECT doc->>'milestoneId' AS milestone, doc->>'status' AS status, doc->>'note' AS note FROM statuses ORDER BY seq")).rows,
      listings: (await c.query("SELECT count(*)::int AS n FROM listings")).rows[0].n,
    }));
    expect(rows.migrations).toBeGreaterThan(0);
    expect(rows.asked).toBeGreaterThanOrEqual(1);
    expect(rows.statuses).toEqual([
      { milestone: "email-lists", status: "at-risk", note: "thiếu máy chủ" },
      { milestone: "email-accounts", status: "done", note: null },
    ]);
    // The numbered choice of the ambiguous /capnhat was a stored listing, so the "2" that followed found it.
    expect(rows.listings).toBe(1);
    const { existsSync } = await import("node:fs");
    expect(existsSync(join(dir, "db.json"))).toBe(false);

    const second = await start("/tinhhinh email-lists\n", { DATABASE_URL: url });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Sở KH&CN Bà Rịa - Vũng Tàu: 🟠 Có nguy cơ chậm .*“thiếu máy chủ”/);
  });

  it("refuses to start on a database newer than itself, with the fix, and exits 1", async () => {
    const { url } = await databases.create();
    await asSuperuser(url, (c) => c.query("CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now()); INSERT INTO schema_migrations VALUES (999, '999_future')"));
    const { code, stderr } = await start("/help\n", { DATABASE_URL: url });
    expect(code).toBe(1);
    expect(stderr).toMatch(/postgres store: the database is at migration 999, newer than this assistant knows.*upgrade this one/);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
