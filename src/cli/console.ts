import { createApp, settingsFrom } from "../app.js";
import { loadAll } from "../boot.js";
import { CONSOLE_USER_ID, createConsoleOutbox, runConsole } from "../channels/console/console.js";
import { systemClock } from "../core/time.js";
import { createLogger } from "../logger.js";
import type { CliCommand } from "./types.js";

/** `console`: the terminal chat, whatever BOT_TOKEN says. */
export const consoleCommand: CliCommand = {
  name: "console",
  summary: "chat with the assistant in the terminal (one message per line)",
  usage: "console",
  async run({ env, stdin, stdout }) {
    const { config, content, store } = await loadAll({ ...env, BOT_TOKEN: undefined, WEBHOOK_URL: undefined });
    const log = createLogger(config.LOG_LEVEL);
    const app = createApp({
      content,
      store,
      clock: systemClock,
      outbox: createConsoleOutbox(stdout),
      log,
      settings: settingsFrom(config, [`console:${CONSOLE_USER_ID}`]),
    });
    try {
      await runConsole({ assistant: app.assistant, input: stdin, output: stdout, log, interactive: stdin.isTTY === true });
    } finally {
      await store.close();
    }
    return 0;
  },
};
