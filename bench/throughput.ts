/**
 * Update throughput of the whole Telegram pipeline: the real bot from createBot (error boundary,
 * addressing, the per-user flood limit with its production settings, the core, HTML rendering),
 * fed private-chat text questions with `bot.handleUpdate`, one after another on one core, from
 * 1,000 distinct users. Bot API calls go to a recording transformer that answers like Telegram.
 * Run twice: with the in-memory store, and with a real file store (each question is recorded in
 * the main data file, so every update waits for a coalesced write).
 *
 * Run alone: `npm run bench -- throughput`; with the others: `npm run bench`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Api } from "grammy";
import { parse } from "yaml";
import { createApp } from "../src/app.js";
import { createBot } from "../src/channels/telegram/bot.js";
import { createMenuSync } from "../src/channels/telegram/menu.js";
import { loadContent } from "../src/content/load.js";
import type { Logger, Outbox } from "../src/core/ports.js";
import { atLocal, createFixedClock } from "../src/core/time.js";
import { openStore } from "../src/store/open-store.js";
import { type ApiCall, BOT_INFO, privateText, recordingTransformer, TOKEN } from "../test/helpers/telegram.js";
import { type BenchRow, percentile, round, trackRss } from "./types.js";

/** Distinct users writing to the bot. */
export const USERS = 1_000;
/**
 * Questions per user. The production flood limit is 12 messages per user per 30 s window,
 * so 10 each stays within it: no update is refused, and every one goes through the core.
 */
const PER_USER = 10;
/** Warm-up updates, from other users (ids outside the measured ones). */
const WARMUP = 500;
const TARGET_PER_SECOND = 1_000;

/** The evaluation questions, with their language. */
export function evaluationQuestions(): { q: string; lang?: string }[] {
  const dir = "test/fixtures/questions";
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .flatMap((f) => parse(readFileSync(join(dir, f), "utf8")) as { q: string; lang?: string }[]);
}

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const noOutbox: Outbox = { send: async (m) => m.map((x) => ({ chatKey: x.chatKey, result: "failed" as const })) };

/** One measured run; `file` is a data file path, or ":memory:". */
async function runOnce(file: string, label: string): Promise<BenchRow> {
  const content = await loadContent("content");
  const questions = evaluationQuestions();
  const store = await openStore({ file });
  const clock = createFixedClock(atLocal("2025-06-02", "09:00"));
  const app = createApp({ content, store, clock, outbox: noOutbox, log: silent, settings: { adminKeys: [], reminderTime: "08:30", botUsername: BOT_INFO.username } });
  const calls: ApiCall[] = [];
  const state = { nextMessageId: 1 };
  const api = new Api(TOKEN);
  api.config.use(recordingTransformer(calls, state));
  const menus = createMenuSync({ api, store, commands: app.services.commands, adminKeys: [], clock, log: silent });
  // Production settings: the default flood limit and auto-retry (no rateLimit or retry override).
  const bot = createBot({ assistant: app.assistant, services: app.services, menus }, { token: TOKEN, botInfo: BOT_INFO });
  bot.api.config.use(recordingTransformer(calls, state));

  const user = (i: number, lang?: string) => ({ id: 500_000_000 + i, first_name: `Cán bộ ${i}`, language_code: lang === "en" ? "en" : "vi" });
  for (let i = 0; i < WARMUP; i++) {
    const q = questions[i % questions.length]!;
    await bot.handleUpdate(privateText(user(USERS + i, q.lang), q.q));
  }
  calls.length = 0;

  const rss = trackRss();
  const total = USERS * PER_USER;
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  for (let n = 0; n < total; n++) {
    // Users take turns (a different user every update); each user asks different questions.
    const u = n % USERS;
    const q = questions[(u * 7 + Math.floor(n / USERS)) % questions.length]!;
    const update = privateText(user(u, q.lang), q.q);
    const t0 = performance.now();
    await bot.handleUpdate(update);
    times.push(performance.now() - t0);
  }
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  await store.close();
  const perSecond = (total / elapsed) * 1000;
  const sent = calls.filter((c) => c.method === "sendMessage");
  const limited = sent.filter((c) => String(c.payload.text).includes("gửi hơi nhanh")).length;
  const errors = sent.filter((c) => String(c.payload.text).includes("đã có lỗi")).length;
  return {
    scenario: `update throughput (grammY handleUpdate → core → render), ${label}`,
    size: `${USERS.toLocaleString("en")} users × ${PER_USER}, ${content.faq.length} entries`,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    throughput: Math.round(perSecond),
    peakRssMb: rss.stop(),
    target: `≥ ${TARGET_PER_SECOND.toLocaleString("en")} updates/s`,
    met: perSecond >= TARGET_PER_SECOND,
    extra: { updates: total, perCpuSecond: Math.round(total / ((cpu.user + cpu.system) / 1e6)), sendMessage: sent.length, rateLimited: limited, errors, p99: round(percentile(times, 99)) },
  };
}

/** Runs the throughput benchmark with an in-memory store and with a file store. */
export async function benchThroughput(): Promise<BenchRow[]> {
  const rows = [await runOnce(":memory:", "in-memory store")];
  const dir = await mkdtemp(join(tmpdir(), "tlhn-bench-throughput-"));
  try {
    rows.push(await runOnce(join(dir, "db.json"), "file store"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}
