import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { fixtureContent, fixtureStore } from "../core/digest/fixture.js";

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

/**
 * A data file with the digest fixture in a temp folder for the file's tests, and the env that points the CLI at it.
 * Call at the top of a test file; read `fixture.dir` and `fixture.env` inside the tests.
 */
export function useDigestDataFile(prefix: string): { dir: string; env: Record<string, string> } {
  const fixture = { dir: "", env: {} as Record<string, string> };
  beforeAll(async () => {
    fixture.dir = await mkdtemp(join(tmpdir(), prefix));
    const store = await fixtureStore(await fixtureContent(), join(fixture.dir, "db.json"));
    await store.close();
    fixture.env = { DATA_FILE: join(fixture.dir, "db.json"), CONTENT_DIR: "test/fixtures/digest/content" };
  });
  afterAll(async () => {
    await rm(fixture.dir, { recursive: true, force: true });
  });
  return fixture;
}
