import type { CommandContext, Services } from "../command.js";
import type { Milestone } from "../content/schema.js";
import { formatMoment } from "../dates.js";
import { agencyLabel, dueWithCountdown, milestoneTitle } from "../milestones.js";
import { deliver } from "../delivery.js";
import type { ChatKey, StatusRecord, UserKey } from "../ports.js";
import { bold, code, italic, lines, link, reply, type Reply, type Span } from "../reply.js";
import { adminChats } from "../people/admins.js";
import { statusLabel } from "./kinds.js";
import { type AlertOutcome, reporterText } from "./render.js";

/**
 * Where alerts go: the private chats of active coordinators; the admins when there is no
 * coordinator yet (`to` says which). The person who caused the alert and chats that blocked the bot are left out.
 */
export async function alertRecipients(services: Services, exclude?: UserKey): Promise<{ to: "coordinator" | "admin"; chats: ChatKey[] }> {
  const { store, settings } = services;
  const coordinators = await store.people.list({ role: "coordinator" });
  const keys =
    coordinators.length > 0
      ? coordinators.filter((p) => p.userKey !== exclude).map((p) => p.chatKey)
      : (await adminChats(store, settings)).filter((k) => k !== exclude);
  const unique = [...new Set(keys)];
  const active = await Promise.all(unique.map(async (k) => (await store.chats.get(k))?.active !== false));
  return { to: coordinators.length > 0 ? "coordinator" : "admin", chats: unique.filter((_, i) => active[i]) };
}

/** The reporter's name, as a Telegram mention link when they are on Telegram, so a coordinator can write to them directly. */
function contact(record: StatusRecord): Span {
  const text = reporterText(record, "vi");
  const [channel, id] = record.userKey.split(":");
  return channel === "telegram" && id && /^\d+$/.test(id) ? link(text, `tg://user?id=${id}`) : text;
}

/** The alert coordinators get for a "blocked" status (`new`), or when its note arrives later (`note`). */
export function blockedAlertReply(services: Services, record: StatusRecord, milestone: Milestone, kind: "new" | "note", today: string): Reply {
  const { content } = services;
  return reply(
    lines(
      bold(kind === "new" ? `${statusLabel("blocked")}: cần điều phối viên hỗ trợ` : "📝 Ghi chú bổ sung cho vướng mắc"),
      ["Mốc: ", bold(milestoneTitle(milestone, "vi")), ` (${milestone.id})`],
      `Hạn: ${dueWithCountdown(milestone, today, "vi")}`,
      ["Đơn vị: ", bold(agencyLabel(content, record.agencyId))],
      ["Ghi chú: ", record.note ? record.note : italic("chưa có ghi chú")],
      ["Người báo: ", contact(record)],
      `Thời gian: ${formatMoment(new Date(record.at))}`,
      "",
      ["Trả lời đầu mối: ", code(`/traloi ${record.id} <nội dung>`)],
      ["Xem tiến độ của đơn vị: ", code(`/viec @${record.agencyId}`)],
    ),
  );
}

/**
 * Sends the "blocked" alert to the coordinators at once, through the outbox, with ref
 * `alert|<recordId>`, and records each delivery. A failed send is logged, never thrown:
 * the status is already recorded and the person must still get their confirmation, which says
 * from the outcome whether anyone was reached.
 */
export async function sendBlockedAlert(ctx: CommandContext, record: StatusRecord, milestone: Milestone, kind: "new" | "note"): Promise<AlertOutcome> {
  const { services } = ctx;
  const { to, chats: recipients } = await alertRecipients(services, ctx.actor.userKey);
  if (recipients.length === 0) {
    services.log.warn({ event: "alert-no-recipient", recordId: record.id }, "status: no coordinator or admin to alert");
    return { kind: "nobody" };
  }
  const ref = kind === "new" ? `alert|${record.id}` : `alert|${record.id}|note`;
  const body = blockedAlertReply(services, record, milestone, kind, ctx.today);
  let delivered = 0;
  try {
    const results = await deliver(services, recipients.map((chatKey) => ({ chatKey, reply: body, ref })), ctx.now.toISOString());
    delivered = results.filter((r) => r.result === "ok").length;
  } catch (error) {
    services.log.error({ event: "alert-failed", err: error, recordId: record.id, ref }, "status: the blocked alert could not be sent");
  }
  return delivered > 0 ? { kind: "sent", count: delivered, to } : { kind: "nobody" };
}
