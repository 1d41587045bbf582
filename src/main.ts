/**
 * Composition root: config → content → store → services → channel → scheduler; signals.
 * With no BOT_TOKEN it opens the terminal chat on the bundled content and a local data file.
 */
import { createApp, settingsFrom } from "./app.js";
import { loadAll, loadDotEnv, reportFatal, runConsoleMode } from "./boot.js";
import { createBot, createOutboxApi, createTelegramApi, fetchBotIdentity } from "./channels/telegram/bot.js";
import { createMenuSync, installDefaultMenu } from "./channels/telegram/menu.js";
import { createTelegramOutbox } from "./channels/telegram/outbox.js";
import { startPolling } from "./channels/telegram/polling.js";
import { startWebhook } from "./channels/telegram/webhook.js";
import { createThrottledOutbox, TELEGRAM_SENDING } from "./channels/throttled-outbox.js";
import type { Config } from "./config.js";
import type { Content } from "./core/content/schema.js";
import type { Logger } from "./core/ports.js";
import { systemClock } from "./core/time.js";
import { createLogger } from "./logger.js";
import { startAnswerNoticeJob } from "./scheduler/answer-notices.js";
import { startDigestJob } from "./scheduler/digest.js";
import { startReminderJobs } from "./scheduler/reminders.js";
import { createScheduler } from "./scheduler/scheduler.js";
import type { ClosableStore } from "./store/open-store.js";

async function main(): Promise<void> {
  loadDotEnv();
  const { config, content, store } = await loadAll(process.env);
  const log = createLogger(config.LOG_LEVEL);
  if (config.mode === "console") {
    await runConsoleMode({ config, content, store }, { input: process.stdin, output: process.stdout, log });
    return;
  }
  await runTelegram(config, content, store, log);
}

/**
 * Telegram (polling or webhook): getMe → outbox → app → bot → channel, then wait for SIGINT/SIGTERM
 * and shut down in order: stop taking updates, then flush and close the store.
 * The command menu is set in the background; a failure there only logs a warning.
 */
async function runTelegram(config: Config, content: Content, store: ClosableStore, log: Logger): Promise<void> {
  const scheduler = createScheduler(log);
  try {
    const api = createTelegramApi({ token: config.BOT_TOKEN!, apiRoot: config.TELEGRAM_API_ROOT });
    const me = await fetchBotIdentity(api);
    const settings = settingsFrom(config);
    if (config.BOT_USERNAME && config.BOT_USERNAME.replace(/^@/, "") !== me.username) {
      log.warn({ configured: config.BOT_USERNAME, actual: me.username }, "telegram: BOT_USERNAME differs from the bot's username; deep links use the actual one");
    }
    settings.botUsername = me.username;
    const outboxApi = createOutboxApi({ token: config.BOT_TOKEN!, apiRoot: config.TELEGRAM_API_ROOT });
    const outbox = createThrottledOutbox(createTelegramOutbox({ api: outboxApi, store, clock: systemClock, log }).sendOne, TELEGRAM_SENDING);
    const app = createApp({ content, store, clock: systemClock, outbox, log, settings });
    const menus = createMenuSync({ api, store, commands: app.services.commands, adminKeys: settings.adminKeys, clock: systemClock, log });
    const bot = createBot({ assistant: app.assistant, services: app.services, menus }, { token: config.BOT_TOKEN!, apiRoot: config.TELEGRAM_API_ROOT, botInfo: me });
    void installDefaultMenu(api, app.services.commands, log).then(() => menus.sync());
    // Reminders at REMINDER_TIME, plus a catch-up run now (in the background: the channel starts meanwhile).
    void startReminderJobs(scheduler, app.services).catch((error: unknown) => log.error({ err: error }, "reminders: the reminder job could not start"));
    // The weekly digest on DIGEST_CRON, plus this week's digest now if it was missed while the process was down.
    void startDigestJob(scheduler, { ...app.services, cron: config.DIGEST_CRON }).catch((error: unknown) =>
      log.error({ err: error }, "digest: the weekly digest job could not start"),
    );
    // Askers hear back when coordinators answer: retries, Zalo's one-a-day notices and the 30-day expiry.
    void startAnswerNoticeJob(scheduler, app.services).catch((error: unknown) => log.error({ err: error }, "questions: the answer-notice job could not start"));

    const signal = waitForSignal();
    if (config.mode === "webhook") {
      const server = await startWebhook(bot, { url: config.WEBHOOK_URL!, secret: config.WEBHOOK_SECRET!, port: config.PORT, host: config.HOST, log });
      log.info({ signal: await signal }, "telegram: shutting down");
      await server.close();
    } else {
      const polling = await startPolling(bot, log);
      const ended = await Promise.race([signal, polling.stopped.then(() => null)]);
      log.info({ signal: ended }, "telegram: shutting down");
      if (ended !== null) await polling.stop();
    }
  } finally {
    await scheduler.stop();
    await store.close();
    // A background retry (e.g. of the menu) must not hold the process open after shutdown.
    setTimeout(() => process.exit(), 5_000).unref();
  }
}

/** Resolves with the first SIGINT or SIGTERM. */
function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off("SIGINT", on);
      process.off("SIGTERM", on);
      resolve(signal);
    };
    process.on("SIGINT", on);
    process.on("SIGTERM", on);
  });
}

main().catch((error: unknown) => {
  process.exitCode = reportFatal(error);
});
