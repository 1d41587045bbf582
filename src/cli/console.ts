import { loadAll, runConsoleMode } from "../boot.js";
import { consoleLogFile, createLogger, secretsOf } from "../logger.js";
import type { CliCommand } from "./types.js";

/** `console`: the terminal chat, whatever BOT_TOKEN says. */
export const consoleCommand: CliCommand = {
  name: "console",
  summary: "chat with the assistant in the terminal (one message per line)",
  usage: "console",
  async run({ env, stdin, stdout }) {
    const loaded = await loadAll({ ...env, BOT_TOKEN: undefined, WEBHOOK_URL: undefined });
    await runConsoleMode(loaded, { input: stdin, output: stdout, log: createLogger(loaded.config.LOG_LEVEL, { secrets: secretsOf(loaded.config), file: (stdin as { isTTY?: boolean }).isTTY === true ? consoleLogFile(loaded.config.DATA_FILE) : undefined }) });
    return 0;
  },
};
