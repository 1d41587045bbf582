import { PassThrough } from "node:stream";
import { runCli } from "../../src/cli/run.js";

/** What a CLI run printed, and its exit code. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the operator CLI in-process with `input` on stdin and captures stdout and stderr. */
export async function runCliCaptured(args: string[], options: { env?: Record<string, string | undefined>; input?: string } = {}): Promise<CliRun> {
  const stdin = new PassThrough();
  stdin.end(options.input ?? "");
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on("data", (b: Buffer) => out.push(b));
  stderr.on("data", (b: Buffer) => err.push(b));
  const code = await runCli({ args, env: options.env ?? { CONTENT_DIR: "content" }, stdin, stdout, stderr });
  return { code, out: Buffer.concat(out).toString("utf8"), err: Buffer.concat(err).toString("utf8") };
}
