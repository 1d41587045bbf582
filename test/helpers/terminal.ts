import { spawn } from "node:child_process";

/** What a finished terminal run printed. */
export interface TerminalRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real process (`node --import tsx src/main.ts`, as `npm start` does) in terminal mode with `input` on stdin.
 * It stops by itself at the end of the input; after `timeoutMs` it is killed and the run rejects with what it printed.
 */
export function runTerminal(input: string, env: Record<string, string>, timeoutMs = 15_000): Promise<TerminalRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { ...process.env, BOT_TOKEN: "", ZALO_BOT_TOKEN: "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += String(c)));
    child.stderr.on("data", (c) => (stderr += String(c)));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the assistant did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}
