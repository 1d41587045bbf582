/**
 * Composition root: config → content → store → services → channels → web server → scheduler; signals.
 * With no messenger token it opens the terminal chat on the bundled content and a local data file.
 * Telegram and Zalo can run alone or side by side in one process, on one core, one store and one outbox.
 */
import { createApp, lazyDigestCharts, settingsFrom } from "./app.js";
import { loadAll, loadDotEnv, reportFatal, runConsoleMode } from "./boot.js";
import { createRoutingOutbox } from "./channels/routing-outbox.js";
import { sleepUnlessAborted } from "./channels/sleep.js";
import { connectTelegram, createBot, createOutboxApi, createTelegramApi } from "./channels/telegram/bot.js";
import { createMenuSync, installDefaultMenu } from "./channels/telegram/menu.js";
import { createTelegramOutbox } from "./channels/telegram/outbox.js";
import { startPolling } from "./channels/telegram/polling.js";
import { setTelegramWebhook, telegramWebhookRoute } from "./channels/telegram/webhook.js";
import { createThrottledOutbox, TELEGRAM_SENDING } from "./channels/throttled-outbox.js";
import { createZaloClient, withContact } from "./channels/zalo/client.js";
import { createZaloHandler } from "./channels/zalo/handler.js";
import { startZaloPolling } from "./channels/zalo/polling.js";
import { connectZalo, createZaloOutbox } from "./channels/zalo/start.js";
import { setZaloWebhook, zaloWebhookRoute } from "./channels/zalo/webhook.js";
import type { Config } from "./config.js";
import type { Services } from "./core/command.js";
import type { Content } from "./core/content/schema.js";
import { FileProblemError } from "./core/errors.js";
import { recoverIntents } from "./core/delivery.js";
import { adminChats, quotaPauseNotice } from "./core/people/admins.js";
import { issueFirstAdminCode } from "./core/people/invitations.js";
import type { ChannelName, Leadership, Logger, Outbox, UserKey } from "./core/ports.js";
import type { BoardLinks } from "./core/board/links.js";
import { CONSOLE_USER_ID } from "./channels/console/console.js";
import { systemClock } from "./core/time.js";
import { healthReport } from "./ops/health.js";
import { createMetrics, measureOutbox } from "./ops/metrics.js";
import { consoleLogFile, createLogger, secretsOf } from "./logger.js";
import { startAnswerNoticeJob } from "./scheduler/answer-notices.js";
import { startBackupJob } from "./scheduler/backup.js";
import { startDigestJob } from "./scheduler/digest.js";
import { startReminderJobs } from "./scheduler/reminders.js";
import { createSoleLeadership, type LeaderRun, runWhileLeading } from "./scheduler/leadership.js";
import { createScheduler, type Scheduler } from "./scheduler/scheduler.js";
import { createAdvisoryLock, holdPollingLock } from "./store/postgres/leadership.js";
import type { ClosableStore } from "./store/open-store.js";
import { boardRoutes } from "./web/board/routes.js";
import { createBoardLinkSigner } from "./web/board-links.js";
import { createAttachmentLinker, createDigestFileMaker, fileRoute } from "./web/files.js";
import { loadLinkSecret } from "./web/link-secret.js";
import { createWebServer, healthRoute, type Route, type WebServer } from "./web/server.js";
import { createLinkSigner } from "./web/signed-links.js";

/** How long one part (polling, the web server, updates in hand) may take to stop at shutdown. */
const STOP_PART_MS = 3_000;

async function main(): Promise<void> {
  loadDotEnv();
  const { config, content, store } = await loadAll(process.env);
  // The interactive terminal chat logs to a file, so no log line lands in the conversation (piped runs keep stderr).
  const chatInTerminal = config.mode === "console" && process.stdin.isTTY === true;
  const log = createLogger(config.LOG_LEVEL, { secrets: secretsOf(config), file: chatInTerminal ? consoleLogFile(config.DATA_FILE) : undefined });
  if (config.mode === "console") {
    // The web server (signed file links, /healthz) also runs beside the terminal chat when PUBLIC_URL is set.
    const adminKeys = settingsFrom(config, [`console:${CONSOLE_USER_ID}`]).adminKeys;
    const board = await boardWeb(config, content, store, log, adminKeys);
    const routes = [...(await fileRoutes(config, content, store, log)), ...(board?.routes ?? []), healthRoute(() => ({ ok: store.writable(), mode: "console", checks: { store: { ok: store.writable(), detail: store.writable() ? "writable" : "cannot save changes (disk full, read-only, or lock lost)" } } }))];
    const web = config.webServer ? await startWeb(config, routes, log) : undefined;
    try {
      await runConsoleMode({ config, content, store }, { input: process.stdin, output: process.stdout, log, ...(board && { boardLinks: board.links }) });
    } finally {
      await web?.close();
    }
    return;
  }
  await runChannels(config, content, store, log);
}

/** The signed-file route, when PUBLIC_URL is set (the link secret comes from LINK_SECRET or beside the data file). */
async function fileRoutes(config: Config, content: Content, store: ClosableStore, log: Logger): Promise<Route[]> {
  if (!config.PUBLIC_URL) return [];
  const links = createLinkSigner(await loadLinkSecret(config.LINK_SECRET, config.DATA_FILE));
  return [fileRoute({ links, clock: systemClock, make: createDigestFileMaker({ content, store, charts: lazyDigestCharts }), log })];
}

/**
 * The board's routes and the links `/bang` and `/lich ics` hand out, when PUBLIC_URL is set. With a
 * Telegram token, `/bang/telegram` opens the board as a Web App after checking Telegram's initData.
 */
async function boardWeb(
  config: Config,
  content: Content,
  store: ClosableStore,
  log: Logger,
  adminKeys: readonly UserKey[],
): Promise<{ routes: Route[]; links: BoardLinks } | undefined> {
  if (!config.PUBLIC_URL) return undefined;
  const base = config.PUBLIC_URL.replace(/\/+$/, "");
  const signer = createBoardLinkSigner(await loadLinkSecret(config.LINK_SECRET, config.DATA_FILE));
  const botToken = config.channels.telegram?.token;
  const links: BoardLinks = {
    boardUrl: (userKey, now) => `${base}${signer.board(userKey, now)}`,
    calendarUrl: (agencyId) => `${base}${signer.calendar(agencyId)}`,
    ...(botToken && { webAppUrl: `${base}/bang/telegram` }),
  };
  const routes = boardRoutes({ content, store, clock: systemClock, log, adminKeys, trustProxy: config.TRUST_PROXY, links: signer, subscriptionUrl: links.calendarUrl, charts: lazyDigestCharts, ...(botToken && { botToken }) });
  return { routes, links };
}

async function startWeb(config: Config, routes: Route[], log: Logger): Promise<WebServer> {
  const web = createWebServer({ routes, log });
  const address = await web.listen(config.PORT, config.HOST);
  log.info({ port: address.port, host: config.HOST }, "web: server listening");
  return web;
}

/**
 * Telegram and/or Zalo: identities → outboxes → app → channels → web server → transports → scheduler,
 * then wait for SIGINT/SIGTERM and shut down in order: stop taking updates, finish the ones in hand,
 * then flush and close the store.
 */
async function runChannels(config: Config, content: Content, store: ClosableStore, log: Logger): Promise<void> {
  const clock = systemClock;
  // Exactly one instance runs the scheduled jobs: with PostgreSQL an advisory lock decides (and moves on when its
  // holder dies); the file store allows one process, which always leads.
  let jobs: LeaderRun | undefined;
  const leadership: Leadership = config.DATABASE_URL
    ? createAdvisoryLock({ url: config.DATABASE_URL, lock: "scheduler", log, onLost: () => void jobs?.check() })
    : createSoleLeadership();
  const signal = waitForSignal();
  const abort = new AbortController();
  void signal.then(() => abort.abort());
  const stops: (() => Promise<void>)[] = [];
  let fatal: Error | undefined;
  try {
    const settings = settingsFrom(config);
    const outboxes: Partial<Record<ChannelName, Outbox>> = {};
    // /healthz reflects real state: the store can save, the scheduler ticked, each channel reached its platform lately.
    const startedAt = clock.now();
    const contact: Record<string, Date | undefined> = {};
    const routes: Route[] = [
      healthRoute(() =>
        healthReport({
          now: clock.now(),
          startedAt,
          storeWritable: store.writable(),
          lastSchedulerTick: jobs?.lastRunAt(),
          ...(jobs && !jobs.leading() && { schedulerRole: "following" as const }),
          channels: Object.fromEntries(Object.keys(outboxes).map((name) => [name, { lastContact: contact[name] }])),
        }),
      ),
    ];
    // Optional Prometheus metrics (METRICS=true): sends, failures, 429s and backlog per channel at GET /metrics.
    const metrics = config.METRICS ? createMetrics() : undefined;
    if (metrics) routes.push({ method: "GET", path: "/metrics", handle: (req, res) => metrics.handle(req, res) });
    const board = await boardWeb(config, content, store, log, settings.adminKeys);
    if (board) routes.push(...board.routes);
    const secret = config.PUBLIC_URL ? await loadLinkSecret(config.LINK_SECRET, config.DATA_FILE) : undefined;
    const links = secret ? createLinkSigner(secret) : undefined;
    const linkFor = links && config.PUBLIC_URL ? createAttachmentLinker(config.PUBLIC_URL, links, clock) : undefined;
    if (links) routes.push(fileRoute({ links, clock, make: createDigestFileMaker({ content, store, charts: lazyDigestCharts }), log }));

    // 1. Identities and outboxes, one per channel.
    const tg = config.channels.telegram;
    let telegram: { api: ReturnType<typeof createTelegramApi>; me: NonNullable<Awaited<ReturnType<typeof connectTelegram>>> } | undefined;
    if (tg) {
      const api = createTelegramApi({ token: tg.token, apiRoot: tg.apiRoot });
      const me = await connectTelegram({ token: tg.token, apiRoot: tg.apiRoot, log, signal: abort.signal });
      if (!me) return;
      if (config.BOT_USERNAME && config.BOT_USERNAME.replace(/^@/, "") !== me.username) {
        log.warn({ configured: config.BOT_USERNAME, actual: me.username }, "telegram: BOT_USERNAME differs from the bot's username; deep links use the actual one");
      }
      settings.botUsername = me.username;
      const outboxApi = createOutboxApi({ token: tg.token, apiRoot: tg.apiRoot });
      outboxes.telegram = createThrottledOutbox(createTelegramOutbox({ api: outboxApi, store, clock, log }).sendOne, TELEGRAM_SENDING);
      telegram = { api, me };
    }
    const zc = config.channels.zalo;
    let zalo: { client: ReturnType<typeof createZaloClient>; me: { id: string; name?: string } } | undefined;
    if (zc) {
      const client = withContact(createZaloClient({ token: zc.token, apiRoot: zc.apiRoot }), () => (contact.zalo = clock.now()));
      const me = await connectZalo(client, log, abort.signal);
      if (!me) return;
      outboxes.zalo = createZaloOutbox({
        client,
        store,
        log,
        now: () => clock.now().getTime(),
        ...(linkFor && { linkFor }),
        onQuotaPause: async ({ until }) => {
          const at = clock.now().toISOString();
          const ref = `zalo-quota|${at}`;
          await store.runs.claim({ key: ref, at, data: { until: until.toISOString() } });
          // Zalo itself is paused: tell the admins reachable elsewhere; the log and the digest carry it too.
          const chats = (await adminChats(store, settings)).filter((k) => !k.startsWith("zalo:"));
          if (chats.length > 0) await outbox.send(chats.map((chatKey) => ({ chatKey, reply: quotaPauseNotice(until), ref })));
        },
      });
      zalo = { client, me: { id: me.id, ...(me.account_name ? { name: me.account_name } : {}) } };
    }
    const outbox = createRoutingOutbox(
      metrics ? Object.fromEntries(Object.entries(outboxes).map(([name, o]) => [name, measureOutbox(name, o as Outbox & { pending?: () => number }, metrics)])) : outboxes,
    );

    // 2. The core.
    const app = createApp({ content, store, clock, outbox, log, settings, ...(board && { boardLinks: board.links }) });
    const first = await issueFirstAdminCode(store, settings.adminKeys, clock.now());
    if (first) {
      log.warn(
        { code: first.code, expiresAt: first.expiresAt },
        `first admin: no admin is configured. Send "/dangky ${first.code}" to the assistant from your own chat (Zalo or Telegram) to become admin; the code works once. Or set ADMIN_IDS.`,
      );
    }

    // 3. Channels.
    let bot: ReturnType<typeof createBot> | undefined;
    if (tg && telegram) {
      const menus = createMenuSync({ api: telegram.api, store, commands: app.services.commands, adminKeys: settings.adminKeys, clock, log });
      bot = createBot({ assistant: app.assistant, services: app.services, menus }, { token: tg.token, apiRoot: tg.apiRoot, botInfo: telegram.me });
      // Any answer from the Bot API (a poll included) counts as contact for /healthz.
      bot.api.config.use(async (prev, method, payload, signal) => {
        const result = await prev(method, payload, signal);
        contact.telegram = clock.now();
        return result;
      });
      void installDefaultMenu(telegram.api, app.services.commands, log).then(() => menus.sync());
      if (tg.transport.kind === "webhook") routes.push(telegramWebhookRoute(bot, { secret: tg.transport.secret, path: new URL(tg.transport.url).pathname, log }));
    }
    const zaloHandler = zalo ? createZaloHandler({ assistant: app.assistant, outbox, store, clock, log, me: zalo.me }) : undefined;
    if (zc && zaloHandler && zc.transport.kind === "webhook") {
      routes.push(zaloWebhookRoute({ path: new URL(zc.transport.url).pathname, secret: zc.transport.secret, log, onUpdate: (u) => void zaloHandler.handle(u) }));
    }

    // 4. The one web server, before any webhook is set (Zalo calls the URL to check it).
    if (config.webServer) {
      const web = await startWeb(config, routes, log);
      stops.push(() => web.close());
    }

    // 5. Transports.
    if (zc && zalo && zaloHandler) {
      if (zc.transport.kind === "webhook") await setZaloWebhook(zalo.client, { url: zc.transport.url, secret: zc.transport.secret, log });
      else {
        // A Zalo bot has one consumer of updates: with a shared database, a second polling instance is refused here.
        if (config.DATABASE_URL) stops.push(await pollingLease(config.DATABASE_URL, "zalo", log, abort, (e) => (fatal = e)));
        const polling = await startZaloPolling({ client: zalo.client, log, onUpdate: (u) => void zaloHandler.handle(u) });
        stops.unshift(() => polling.stop());
        void polling.stopped.then((error) => {
          if (!error) return;
          fatal = new FileProblemError("config: invalid settings", [
            "ZALO_BOT_TOKEN was refused by the Zalo Bot API (401): copy the token again from Zalo Bot Creator",
          ]);
          abort.abort();
        });
      }
      stops.push(() => zaloHandler.idle());
    }
    let telegramPolling: Awaited<ReturnType<typeof startPolling>> | undefined;
    if (tg && bot) {
      if (tg.transport.kind === "webhook") await setTelegramWebhook(bot, { url: tg.transport.url, secret: tg.transport.secret });
      else {
        // Telegram would answer 409 to a second poller; with a shared database it is refused before it deletes any webhook.
        if (config.DATABASE_URL) stops.push(await pollingLease(config.DATABASE_URL, "telegram", log, abort, (e) => (fatal = e)));
        telegramPolling = await startPolling(bot, log);
        const polling = telegramPolling;
        stops.unshift(() => polling.stop());
      }
    }

    // 6. Scheduled work, once the channels can send, on the one instance that holds the scheduler lease (checked every
    // few seconds, so another instance takes over within seconds of this one's death). Each term as leader starts as a
    // restart does: messages intended and never confirmed first, marked "(gửi lại)", then each job with its catch-up.
    jobs = runWhileLeading({
      leadership,
      log,
      createScheduler: () => createScheduler(log),
      start: (scheduler) => startScheduledWork(scheduler, { config, store, log, services: app.services, signal: abort.signal }),
    });
    metrics?.leading(() => jobs?.leading() ?? false);
    await jobs.ready;

    const ended = await Promise.race([
      signal,
      new Promise<null>((resolve) => abort.signal.addEventListener("abort", () => resolve(null))),
      telegramPolling ? telegramPolling.stopped.then(() => null) : new Promise<null>(() => undefined),
    ]);
    log.info({ signal: ended }, "shutting down");
    if (fatal) throw fatal;
  } finally {
    // Each part gets a bounded time to stop, so SIGTERM ends the process within seconds whatever the network does.
    for (const stop of stops) {
      try {
        const timedOut = await Promise.race([stop().then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), STOP_PART_MS).unref())]);
        if (timedOut) log.warn({ ms: STOP_PART_MS }, "shutdown: a part did not stop in time; going on");
      } catch (error) {
        log.warn({ err: (error as Error)?.message }, "shutdown: a part did not stop cleanly");
      }
    }
    await jobs?.stop();
    if (!jobs) await leadership.release();
    await store.close();
    // A background retry (e.g. of the menu) must not hold the process open after shutdown.
    setTimeout(() => process.exit(), 5_000).unref();
  }
}

/** How long a new leader on a shared database waits before it sends again what was intended and never confirmed. */
const INTENT_SETTLE_MS = 10_000;

/**
 * The scheduled work of one term as leader, in the order a restart needs: reminders at REMINDER_TIME and the weekly
 * digest on DIGEST_CRON, each with its catch-up now, after the unconfirmed messages; the nightly backup of the data
 * file (the file store only: a PostgreSQL database is backed up by its operator); answer notices beside them.
 */
async function startScheduledWork(
  scheduler: Scheduler,
  deps: { config: Config; store: ClosableStore; log: Logger; services: Services; signal: AbortSignal },
): Promise<void> {
  const { config, store, log, services } = deps;
  // With several instances, a live one may be sending right now: wait until its sends are done, and leave its
  // younger intents to it; what a dead leader left behind is older and is sent again here.
  const settleMs = config.DATABASE_URL ? INTENT_SETTLE_MS : 0;
  if (settleMs > 0) await sleepUnlessAborted(settleMs, deps.signal);
  if (deps.signal.aborted) return;
  const now = services.clock.now();
  const chain = recoverIntents(services, now, { before: new Date(now.getTime() - settleMs).toISOString() })
    .catch((error: unknown) => log.error({ err: error }, "delivery: unconfirmed messages could not be sent again; they stay recorded for the next start"))
    .then(() => startReminderJobs(scheduler, services))
    .catch((error: unknown) => log.error({ err: error }, "reminders: the reminder job could not start"))
    .then(() => startDigestJob(scheduler, { ...services, cron: config.DIGEST_CRON }))
    .catch((error: unknown) => log.error({ err: error }, "digest: the weekly digest job could not start"));
  // A consistent copy of the data every night, kept 7 days.
  if (!config.DATABASE_URL) startBackupJob(scheduler, { store, clock: services.clock, log, dataFile: config.DATA_FILE });
  // Askers hear back when coordinators answer: retries, Zalo's one-a-day notices and the 30-day expiry.
  const notices = startAnswerNoticeJob(scheduler, services).catch((error: unknown) => log.error({ err: error }, "questions: the answer-notice job could not start"));
  await Promise.all([chain, notices]);
}

/**
 * Takes a channel's long-polling lease in the shared database, or throws the refusal that says how to fix the setup.
 * Returns its release, for shutdown. Losing the lease later (the database connection ended) stops this instance,
 * so a restart finds out again which instance polls.
 */
async function pollingLease(
  url: string,
  channel: "telegram" | "zalo",
  log: Logger,
  abort: AbortController,
  setFatal: (error: Error) => void,
): Promise<() => Promise<void>> {
  const lease = await holdPollingLock({
    url,
    channel,
    log,
    onLost: () => {
      setFatal(new FileProblemError(`${channel}: the long-polling lease was lost (the database connection ended)`, ["this instance stops; start it again once the database is reachable"]));
      abort.abort();
    },
  });
  log.info({ channel }, `${channel}: this instance is the one long-polling instance (PostgreSQL lease held)`);
  return () => lease.release();
}

/** A shutdown that takes longer than this exits anyway; acknowledged writes are on disk already. */
const SHUTDOWN_DEADLINE_MS = 9_000;

/** Resolves with the first SIGINT or SIGTERM. */
function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off("SIGINT", on);
      process.off("SIGTERM", on);
      // Whatever the network does, the process is gone within 10 s of the signal (Docker's default grace).
      setTimeout(() => process.exit(), SHUTDOWN_DEADLINE_MS).unref();
      resolve(signal);
    };
    process.on("SIGINT", on);
    process.on("SIGTERM", on);
  });
}

main().catch((error: unknown) => {
  process.exitCode = reportFatal(error);
});
