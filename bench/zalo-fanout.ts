/**
 * A reminder day for 500 Zalo leads with 3 items each, through the production path: deliverReminders
 * (claims and intents in one write, then sends) → the routing outbox → the Zalo outbox (throttled with
 * ZALO_SENDING, the sender and the thin client) → the fake Zalo Bot API on 127.0.0.1, which checks the
 * 2000-character limit and records every message. Side by side: the same day bundled (one message per lead,
 * what production does) and unbundled (one message per item, as on Telegram), at the same limits.
 *
 * Run alone: `npm run bench -- zalo`; with the others: `npm run bench`.
 */
import { performance } from "node:perf_hooks";
import { createRoutingOutbox } from "../src/channels/routing-outbox.js";
import { ZALO_SENDING } from "../src/channels/zalo/outbox.js";
import { createZaloClient } from "../src/channels/zalo/client.js";
import { createZaloOutbox } from "../src/channels/zalo/start.js";
import { loadContent } from "../src/content/load.js";
import { createWorkingCalendar } from "../src/core/calendar.js";
import type { ChatKey, Logger } from "../src/core/ports.js";
import { deliverReminders, type ReminderToSend } from "../src/core/reminders/deliver.js";
import { openStore } from "../src/store/open-store.js";
import { startFakeZaloApi } from "../test/helpers/fake-zalo-api.js";
import { type BenchRow, percentile, round, trackRss } from "./types.js";

const LEADS = 500;
const ITEMS = 3;
const TOKEN = "1459232241454765289:bench-Zalo-token-0123";

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** The bundled day (production) and, for comparison, the same reminders one message per item. */
export async function benchZaloFanout(leads = LEADS): Promise<BenchRow[]> {
  return [await dayOnce(leads, true), await dayOnce(leads, false)];
}

async function dayOnce(leads: number, bundled: boolean): Promise<BenchRow> {
  const content = await loadContent("content");
  const calendar = createWorkingCalendar(content.calendar);
  const zalo = await startFakeZaloApi({ token: TOKEN, echoOwnMessages: false });
  const store = await openStore({ file: ":memory:" });
  const rss = trackRss();
  try {
    const now = new Date("2025-06-02T08:30:00+07:00");
    const at = now.toISOString();
    // Each lead leads an agency of their own; every lead wrote to the bot before (a chat record exists).
    const reminders: ReminderToSend[] = [];
    for (let i = 0; i < leads; i++) {
      const id = `lead${String(i).padStart(16, "0")}`;
      const agencyId = `agency-${i}`;
      const chatKey: ChatKey = `zalo:${id}`;
      await store.people.grant({ userKey: chatKey, name: `Đầu mối ${i}`, role: "lead", agencyId, chatKey, grantedBy: "console:bench", grantedAt: at });
      await store.chats.upsert({ chatKey, type: "private", active: true });
      for (let k = 0; k < ITEMS; k++) {
        const milestone = content.milestones[(i + k) % content.milestones.length]!;
        reminders.push({ key: `${milestone.id}|${agencyId}|before:3`, milestone, agencyId, kind: "before", step: 3, plannedFor: "2025-06-02", today: "2025-06-02", now });
      }
    }
    const client = createZaloClient({ token: TOKEN, apiRoot: zalo.url });
    const outbox = createRoutingOutbox({ zalo: createZaloOutbox({ client, store, log: silent, now: () => Date.now() }) });
    const deps = { content, calendar, store, outbox, log: silent };

    const started = performance.now();
    if (bundled) await deliverReminders(deps, reminders);
    // The alternative: each reminder on its own, as a channel that does not bundle would send it.
    else await Promise.all(reminders.map((r) => deliverReminders(deps, [r])));
    const totalS = (performance.now() - started) / 1000;

    const accepted = zalo.sent.filter((c) => c.method === "sendMessage" && c.status === 200);
    const perLead = new Map<string, number>();
    for (const c of accepted) perLead.set(c.chatId, (perLead.get(c.chatId) ?? 0) + 1);
    const expectedPerLead = bundled ? 1 : ITEMS;
    const lost = leads - perLead.size;
    const duplicated = [...perLead.values()].reduce((n, c) => n + Math.max(0, c - expectedPerLead), 0);
    const refused = zalo.sent.filter((c) => c.status !== 200).length;
    const messages = accepted.length;
    const idealS = messages / ZALO_SENDING.perSecond;
    const limitS = 1.15 * idealS + 1;
    const times = accepted.map((c) => c.at);
    const first = Math.min(...times);
    return {
      scenario: `Zalo reminder day (deliverReminders → throttled Zalo outbox → fake Zalo Bot API), ${bundled ? "bundled: one message per lead" : "unbundled: one message per item (comparison)"}`,
      size: `${leads} leads × ${ITEMS} items`,
      p50: round(percentile(times.map((t) => t - first), 50)),
      p95: round(percentile(times.map((t) => t - first), 95)),
      throughput: round(messages / totalS),
      peakRssMb: rss.stop(),
      target: bundled ? `exactly 1 message per lead, 0 lost, 0 sent twice, ≤ ${round(limitS)} s at ${ZALO_SENDING.perSecond}/s` : "(comparison)",
      met: bundled ? lost === 0 && duplicated === 0 && refused === 0 && messages === leads && totalS <= limitS && (await store.intents.list()).length === 0 : undefined,
      extra: {
        totalS: round(totalS),
        idealS: round(idealS),
        messages,
        lost,
        duplicated,
        refused,
        longestText: Math.max(...accepted.map((c) => c.text?.length ?? 0)),
        intentsLeft: (await store.intents.list()).length,
      },
    };
  } finally {
    rss.stop();
    await store.close();
    await zalo.close();
  }
}
