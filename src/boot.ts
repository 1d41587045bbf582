import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Readable, Writable } from "node:stream";
import { createApp, settingsFrom } from "./app.js";
import { CONSOLE_USER_ID, createConsoleOutbox, runConsole } from "./channels/console/console.js";
import type { BoardLinks } from "./core/board/links.js";
import type { Logger } from "./core/ports.js";
import { systemClock } from "./core/time.js";
import { createConfig, type Config } from "./config.js";
import { loadContent } from "./content/load.js";
import type { Content } from "./core/content/schema.js";
import { FileProblemError } from "./core/errors.js";
import type { ClosableStore } from "./core/ports.js";
import { openConfiguredStore } from "./store/open-configured.js";

/** Config, content and store: what every entry point loads first, validated. */
export interface Loaded {
  config: Config;
  content: Content;
  store: ClosableStore;
}

/** Loads config, content and the store, in that order. Throws {@link FileProblemError} on bad input. */
export async function loadAll(env: Record<string, string | undefined>): Promise<Loaded> {
  const config = createConfig(env);
  const content = await loadContent(config.CONTENT_DIR);
  // PostgreSQL when DATABASE_URL is set, otherwise the data file.
  const store = await openConfiguredStore(config, {
    // Another process took the data file over (this one froze past the lock's stale time): its changes are
    // already refused; stop in order rather than keep answering with a store that cannot save.
    onLockLost: () => {
      process.stderr.write(`store: ${config.DATA_FILE} was taken over by another process; stopping this one.
`);
      process.exitCode = 1;
      process.kill(process.pid, "SIGTERM");
    },
    onConnectionError: (error) => {
      process.stderr.write(`store: a PostgreSQL connection failed (${error.message}); the next change opens a new one\n`);
    },
  });
  return { config, content, store };
}

/** Loads `.env` from the working directory into `process.env` when the file exists (variables already set win). */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/**
 * Prints a start-up failure the way a person can act on: the message only for known
 * input problems, the stack for bugs. Returns the exit code.
 */
export function reportFatal(error: unknown, write: (text: string) => void = (t) => process.stderr.write(t)): number {
  if (error instanceof FileProblemError) {
    write(`${error.message}\n`);
    return 1;
  }
  write(`Unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}

/**
 * The terminal chat on loaded config, content and store: the local user is an admin, files the
 * assistant sends are saved next to the data file (`data/files/`), and the store is closed at the end.
 */
export async function runConsoleMode(
  { config, content, store }: Loaded,
  io: { input: Readable & { isTTY?: boolean }; output: Writable; log: Logger; boardLinks?: BoardLinks },
): Promise<void> {
  const app = createApp({
    content,
    store,
    clock: systemClock,
    outbox: createConsoleOutbox(io.output, { listings: store.listings, clock: systemClock }),
    log: io.log,
    settings: settingsFrom(config, [`console:${CONSOLE_USER_ID}`]),
    ...(io.boardLinks && { boardLinks: io.boardLinks }),
  });
  try {
    await runConsole({
      assistant: app.assistant,
      input: io.input,
      output: io.output,
      log: io.log,
      interactive: io.input.isTTY === true,
      filesDir: join(dirname(config.DATA_FILE), "files"),
    });
  } finally {
    await store.close();
  }
}
