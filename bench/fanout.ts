/**
 * Reminder fan-out to 500 chats through the production sending path: the Telegram outbox's
 * `sendOne` (rendering, sendMessage through grammY with auto-retry as in production) wrapped by
 * the throttled outbox with Telegram's limits and real timers, wired exactly as src/main.ts does.
 * The Bot API is a fake on 127.0.0.1 that enforces 30 messages/s overall and 1/s per chat and
 * answers 429 with `retry_after`; it counts what was delivered, so lost and duplicated messages
 * are counted where Telegram would count them.
 *
 * Run alone: `npm run bench -- fan-out`; with the others: `npm run bench`.
 */
import { performance } from "node:perf_hooks";
import { createOutboxApi } from "../src/channels/telegram/bot.js";
import { createTelegramOutbox } from "../src/channels/telegram/outbox.js";
import { createThrottledOutbox, TELEGRAM_LIMITS, TELEGRAM_SENDING, type ThrottleOptions } from "../src/channels/throttled-outbox.js";
import { loadContent } from "../src/content/load.js";
import { createWorkingCalendar } from "../src/core/calendar.js";
import type { ChatKey, Logger, OutgoingMessage } from "../src/core/ports.js";
import { reminderMessage } from "../src/core/reminders/message.js";
import { systemClock } from "../src/core/time.js";
import { openStore } from "../src/store/open-store.js";
import { startFakeBotApi } from "./fake-bot-api.js";
import { type BenchRow, percentile, round, trackRss } from "./types.js";

const CHATS = 500;
const TOKEN = "123456:BENCH-token-for-the-fake-bot-api";

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Sends one reminder to each of `chats` private chats and checks what the fake Bot API received:
 * with the production settings (TELEGRAM_SENDING), and, for comparison, with Telegram's limits
 * to the millisecond (no window margin).
 */
export async function benchFanout(chats = CHATS): Promise<BenchRow[]> {
  return [await fanoutOnce(chats, TELEGRAM_SENDING, "production settings"), await fanoutOnce(chats, TELEGRAM_LIMITS, "no window margin")];
}

async function fanoutOnce(chats: number, limits: ThrottleOptions, label: string): Promise<BenchRow> {
  const content = await loadContent("content");
  const calendar = createWorkingCalendar(content.calendar);
  const server = await startFakeBotApi({ perSecond: TELEGRAM_LIMITS.perSecond, perChatPerSecond: TELEGRAM_LIMITS.perChatPerSecond });
  const store = await openStore({ file: ":memory:" });
  const rss = trackRss();
  try {
    // As in src/main.ts (runTelegram): the API with production auto-retry, the sender, the throttle.
    const api = createOutboxApi({ token: TOKEN, apiRoot: server.apiRoot });
    const outbox = createThrottledOutbox(createTelegramOutbox({ api, store, clock: systemClock, log: silent }).sendOne, limits);

    // One real reminder per chat: milestones and responsible agencies in turn, so texts differ.
    const pairs = content.milestones.flatMap((m) => m.responsible.map((agencyId) => ({ m, agencyId })));
    const messages: OutgoingMessage[] = Array.from({ length: chats }, (_, i) => {
      const { m, agencyId } = pairs[i % pairs.length]!;
      const chatKey: ChatKey = `telegram:${600_000_000 + i}`;
      const reply = reminderMessage({ content, calendar, milestone: m, agencyId, kind: "before", step: 1, today: "2025-06-02" });
      return { chatKey, reply, ref: `${m.id}|${agencyId}|before|1` };
    });

    const started = performance.now();
    const results = await outbox.send(messages);
    const totalMs = performance.now() - started;

    const perChat = new Map<number, number>();
    for (const d of server.delivered) perChat.set(d.chatId, (perChat.get(d.chatId) ?? 0) + 1);
    const lost = messages.filter((m) => !perChat.has(Number(m.chatKey.slice("telegram:".length)))).length;
    const duplicated = [...perChat.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
    const failed = results.filter((r) => r.result !== "ok").length;
    const deliveryTimes = server.delivered.map((d) => d.at - started);
    const limitS = (1.15 * chats) / TELEGRAM_LIMITS.perSecond;
    const totalS = totalMs / 1000;
    return {
      scenario: `reminder fan-out (throttled outbox → grammY + auto-retry → strict fake Bot API), ${label}`,
      size: `${chats} chats`,
      p50: round(percentile(deliveryTimes, 50)),
      p95: round(percentile(deliveryTimes, 95)),
      throughput: round(chats / totalS),
      peakRssMb: rss.stop(),
      target: `≤ ${round(limitS)} s, 0 lost, 0 duplicated`,
      met: totalS <= limitS && lost === 0 && duplicated === 0 && failed === 0,
      extra: {
        totalS: round(totalS),
        idealS: round(chats / TELEGRAM_LIMITS.perSecond),
        lost,
        duplicated,
        failed,
        http429: server.refused,
        maxPerSecondAtServer: server.maxPerSecond(),
        windowMarginMs: limits.windowMarginMs ?? 0,
      },
    };
  } finally {
    rss.stop();
    await store.close();
    await server.close();
  }
}
