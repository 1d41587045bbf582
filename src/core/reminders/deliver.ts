/**
 * Sending reminders and escalations through the outbox, with the store as the record:
 * a reminder key is claimed before anything is sent, so no reminder ever goes out twice,
 * and every recipient's outcome is stored.
 */
import type { WorkingCalendar } from "../calendar.js";
import type { Content, Milestone } from "../content/schema.js";
import type { ChatKey, Logger, Outbox, SendResult, SentReminder, Store, UserKey } from "../ports.js";
import type { Reply } from "../reply.js";
import { deliverMessages } from "../deliver.js";
import { reminderMessage } from "./message.js";

/** What sending needs: the ports, the content and the calendar. */
export interface DeliverDeps {
  content: Content;
  calendar: WorkingCalendar;
  store: Store;
  outbox: Outbox;
  log: Logger;
}

/** How long a bare "1".."4" reply in a private chat applies to the last reminder there. */
export const REMINDER_PROMPT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** A recipient of an agency's reminders: a registered lead's private chat or an active agency group. */
export interface Recipient {
  chatKey: ChatKey;
  type: "private" | "group";
  /** For leads: who answers in that chat. */
  userKey?: UserKey;
}

/**
 * The chats an agency's reminders go to: each registered lead's private chat (unless it blocked
 * the assistant) and each active group registered to the agency, without duplicates.
 */
export function recipientsFor(store: Store, agencyId: string): Recipient[] {
  const out = new Map<ChatKey, Recipient>();
  for (const p of store.people.list({ role: "lead", agencyId })) {
    if (store.chats.get(p.chatKey)?.active === false) continue;
    out.set(p.chatKey, { chatKey: p.chatKey, type: "private", userKey: p.userKey });
  }
  for (const c of store.chats.list({ agencyId, active: true })) {
    if (!out.has(c.chatKey)) out.set(c.chatKey, { chatKey: c.chatKey, type: c.type });
  }
  return [...out.values()];
}

/** One reminder to deliver. */
export interface ReminderToSend {
  key: string;
  milestone: Milestone;
  agencyId: string;
  kind: SentReminder["kind"];
  step: number;
  /** The day the ladder planned it for (for manual ones: today). */
  plannedFor: string;
  today: string;
  now: Date;
  sentBy?: UserKey;
}

/** What happened to one reminder. */
export interface ReminderOutcome {
  /** False when the key was already claimed: nothing was sent. */
  claimed: boolean;
  recipients: Recipient[];
  results: SendResult[];
}

/**
 * Claims the reminder's key, then sends it to every recipient and stores each outcome.
 * A key claimed before (by another tick, a restart, another process) sends nothing.
 * Delivery is at most once: a crash between the claim and the send loses that one reminder
 * rather than risking a duplicate.
 */
export async function deliverReminder(deps: DeliverDeps, r: ReminderToSend): Promise<ReminderOutcome> {
  const at = r.now.toISOString();
  const claimed = await deps.store.reminders.claim({
    key: r.key,
    milestoneId: r.milestone.id,
    agencyId: r.agencyId,
    kind: r.kind,
    step: r.step,
    plannedFor: r.plannedFor,
    sentAt: at,
    ...(r.sentBy ? { sentBy: r.sentBy } : {}),
  });
  const recipients = claimed ? recipientsFor(deps.store, r.agencyId) : [];
  if (!claimed || recipients.length === 0) return { claimed, recipients, results: [] };

  const message = reminderMessage({
    content: deps.content,
    calendar: deps.calendar,
    milestone: r.milestone,
    agencyId: r.agencyId,
    kind: r.kind,
    step: r.step,
    today: r.today,
  });
  const results = await sendAndRecord(deps, recipients.map((x) => x.chatKey), message, r.key, at);
  for (const [i, result] of results.entries()) {
    const recipient = recipients[i]!;
    if (result.result !== "ok" || recipient.type !== "private") continue;
    await deps.store.prompts.set({
      chatKey: recipient.chatKey,
      ...(recipient.userKey ? { userKey: recipient.userKey } : {}),
      kind: "reminder",
      ref: r.key,
      ...(result.messageId ? { messageId: result.messageId } : {}),
      createdAt: at,
      expiresAt: new Date(r.now.getTime() + REMINDER_PROMPT_TTL_MS).toISOString(),
    });
  }
  return { claimed, recipients, results };
}

/**
 * Sends one reply to several chats and appends a delivery record per chat. An outbox that throws
 * counts as a failed delivery for every chat; a blocked chat is marked inactive.
 */
export async function sendAndRecord(deps: Pick<DeliverDeps, "store" | "outbox" | "log">, chatKeys: readonly ChatKey[], message: Reply, ref: string, at: string): Promise<SendResult[]> {
  return deliverMessages(deps, chatKeys.map((chatKey) => ({ chatKey, reply: message, ref })), at);
}

/** The private chats of the active coordinators who have not blocked the assistant. */
export function coordinatorChats(store: Store): ChatKey[] {
  const keys = store.people
    .list({ role: "coordinator" })
    .map((p) => p.chatKey)
    .filter((k) => store.chats.get(k)?.active !== false);
  return [...new Set(keys)];
}
