import { spawn } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

// Permission errors only show for an unprivileged user: as root, the test starts the assistant as `nobody`.
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "tlhn-perm-"));
  await chmod(dir, 0o755);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts the assistant (console mode, no input) as `nobody`; resolves with its exit code and stderr. */
function startAsNobody(dataFile: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      uid: NOBODY,
      gid: NOBODY,
      env: { PATH: process.env.PATH, HOME: "/tmp", TZ: process.env.TZ, DATA_FILE: dataFile, BOT_TOKEN: "", ZALO_BOT_TOKEN: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += String(c)));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe.skipIf(!asRoot)("start-up as an unprivileged user", () => {
  it("names the folder and the fix when the data folder is not writable, without a stack trace", async () => {
    const data = join(dir, "data");
    await mkdir(data, { mode: 0o555 });
    await chmod(data, 0o555);
    const { code, stderr } = await startAsNobody(join(data, "db.json"));
    expect(code).toBe(1);
    expect(stderr).toMatch(/store: cannot write in the folder .*data: no permission\. Give the user running the assistant \(uid 65534\) read and write access/);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 40_000);

  it("names the file and the fix when the data file cannot be read, without a stack trace", async () => {
    const data = join(dir, "data");
    await mkdir(data, { mode: 0o777 });
    await chmod(data, 0o777);
    await writeFile(join(data, "db.json"), "{}", { mode: 0o600 });
    const { code, stderr } = await startAsNobody(join(data, "db.json"));
    expect(code).toBe(1);
    expect(stderr).toMatch(/store: cannot (read|open) .*db\.json.*no permission/);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 40_000);
});
