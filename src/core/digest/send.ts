import type { CoreSettings } from "../command.js";
import type { Content } from "../content/schema.js";
import type { Lang } from "../dates.js";
import { adminChats } from "../people/admins.js";
import { type PlannedMessage, planMessage, sendPlanned } from "../delivery.js";
import type { ChatKey, Logger, Outbox, SendResult, Store, UserKey } from "../ports.js";
import { type Attachment, reply, type Reply } from "../reply.js";
import { digestFromStore, digestRunKey } from "./build.js";
import { digestCsvBytes, digestCsvName } from "./render-csv.js";
import { renderDigestMessages } from "./render-messages.js";
import type { Digest, DigestCharts } from "./types.js";

/** What sending the weekly digest needs. */
export interface DigestSendDeps {
  content: Content;
  store: Store;
  outbox: Outbox;
  log: Logger;
  settings: Pick<CoreSettings, "adminKeys">;
  /** Renders the chart; without it the digest goes out without the picture. */
  charts?: DigestCharts;
}

/** The outcome of one weekly digest run. */
export type DigestSendOutcome =
  | { status: "sent"; key: string; recipients: ChatKey[]; results: SendResult[] }
  | { status: "already-sent"; key: string }
  | { status: "no-recipients"; key: string };

/**
 * Who receives the weekly digest: every active coordinator's private chat, or, when there is
 * no coordinator, the private chat of every admin from config (`telegram:123` → chat `telegram:123`).
 */
export async function digestRecipients(store: Store, adminKeys: readonly UserKey[]): Promise<ChatKey[]> {
  const coordinators = (await store.people.list({ role: "coordinator" })).map((p) => p.chatKey);
  const chosen = coordinators.length > 0 ? coordinators : await adminChats(store, { adminKeys });
  return [...new Set(chosen)];
}

/** The file name of the digest chart: `tong-hop-2025-W24.png`. */
export function digestChartName(digest: Digest): string {
  return `tong-hop-${digest.week.id}.png`;
}

/**
 * The attachments of a digest: the chart as a photo (when a renderer is given and works)
 * and the CSV as a document. A chart that fails to render is logged and left out.
 */
export async function digestAttachments(
  digest: Digest,
  options: { charts?: DigestCharts; log: Logger; lang?: Lang; chart?: boolean },
): Promise<Attachment[]> {
  const lang = options.lang ?? "vi";
  const out: Attachment[] = [];
  if (options.charts && options.chart !== false) {
    try {
      out.push({
        kind: "photo",
        filename: digestChartName(digest),
        data: await options.charts.statusChart(digest),
        caption: lang === "en" ? "Status per milestone" : "Tình trạng theo từng mốc",
        source: { kind: "digest-chart", asOf: digest.generatedAt },
      });
    } catch (error) {
      options.log.error({ err: error, week: digest.week.id }, "digest: the chart could not be rendered; sending without it");
    }
  }
  out.push({
    kind: "document",
    filename: digestCsvName(digest),
    data: digestCsvBytes(digest, lang),
    caption: lang === "en" ? "Every milestone × agency (CSV, opens in Excel)" : "Chi tiết từng mốc × cơ quan (CSV, mở bằng Excel)",
    source: { kind: "digest-csv", asOf: digest.generatedAt },
  });
  return out;
}

/** The full digest as replies: the text messages, then one message carrying the chart and the CSV. */
export async function digestReplies(digest: Digest, options: { charts?: DigestCharts; log: Logger; lang?: Lang }): Promise<Reply[]> {
  const lang = options.lang ?? "vi";
  const attachments = await digestAttachments(digest, options);
  return [
    ...renderDigestMessages(digest, lang),
    reply(lang === "en" ? "📎 Chart and table of this digest:" : "📎 Biểu đồ và bảng chi tiết của bản tổng hợp:", { attachments }),
  ];
}

/**
 * Sends this week's digest once: claims `digest|<ISO week of now>` in `store.runs` (with the
 * snapshot for next week's comparison) before sending, so a restart never sends it twice,
 * then sends to {@link digestRecipients} and records every delivery under that key.
 * Without recipients nothing is claimed, so the digest still goes out once someone is registered.
 */
export async function sendWeeklyDigest(deps: DigestSendDeps, now: Date): Promise<DigestSendOutcome> {
  const key = digestRunKey(now);
  // A cheap early exit only: the claim below is what makes the digest go once.
  if (await deps.store.runs.get(key)) return { status: "already-sent", key };
  const recipients = await digestRecipients(deps.store, deps.settings.adminKeys);
  if (recipients.length === 0) {
    deps.log.warn({ key }, "digest: no coordinator and no admin to send the weekly digest to; add ADMIN_IDS or invite a coordinator");
    return { status: "no-recipients", key };
  }
  const digest = await digestFromStore(deps.content, deps.store, now);
  const replies = await digestReplies(digest, { charts: deps.charts, log: deps.log });
  const at = now.toISOString();
  // The week is claimed together with the intents of its messages: a crash before a send repeats that message after the restart.
  const planned = recipients.flatMap((chatKey) => replies.map((r) => planMessage(chatKey, r, key, at)));
  if (!(await deps.store.runs.claim({ key, at, data: digest.snapshot }, planned.map((p) => p.intent)))) return { status: "already-sent", key };
  // Each recipient's messages go in order (the text first, then the files).
  const results = (
    await Promise.all(recipients.map((chatKey) => sendInOrder(deps, planned.filter((p) => p.intent.chatKey === chatKey), at)))
  ).flat();
  const failed = results.filter((r) => r.result !== "ok").length;
  deps.log.info({ key, recipients: recipients.length, messages: planned.length, failed }, "digest: weekly digest sent");
  return { status: "sent", key, recipients, results };
}

async function sendInOrder(deps: DigestSendDeps, planned: readonly PlannedMessage[], at: string): Promise<SendResult[]> {
  const out: SendResult[] = [];
  for (const p of planned) out.push(...(await sendPlanned(deps, [p], at)));
  return out;
}
