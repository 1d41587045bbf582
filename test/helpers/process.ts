/**
 * Helpers for end-to-end tests that run the real process: a free port on 127.0.0.1 and waiting for a log line.
 */
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** A port nobody listens on right now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
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
export function waitForLog(child: ChildProcess, logs: { text: string }, pattern: RegExp, ms: number): Promise<void> {
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

