/**
 * Composition root: config → content → store → services → channel → scheduler; signals.
 * With no BOT_TOKEN it opens the terminal chat on the bundled content and a local data file.
 */
import { createApp, settingsFrom } from "./app.js";
import { loadAll, loadDotEnv, reportFatal } from "./boot.js";
import { CONSOLE_USER_ID, createConsoleOutbox, runConsole } from "./channels/console/console.js";
import { systemClock } from "./core/time.js";
import { createLogger } from "./logger.js";

async function main(): Promise<void> {
  loadDotEnv();
  const { config, content, store } = await loadAll(process.env);
  const log = createLogger(config.LOG_LEVEL);
  if (config.mode === "console") {
    const app = createApp({
      content,
      store,
      clock: systemClock,
      outbox: createConsoleOutbox(process.stdout),
      log,
      settings: settingsFrom(config, [`console:${CONSOLE_USER_ID}`]),
    });
    try {
      await runConsole({ assistant: app.assistant, input: process.stdin, output: process.stdout, log, interactive: process.stdin.isTTY === true });
    } finally {
      await store.close();
    }
    return;
  }
  throw new Error(`main: mode ${config.mode} is not wired yet`);
}

main().catch((error: unknown) => {
  process.exitCode = reportFatal(error);
});
