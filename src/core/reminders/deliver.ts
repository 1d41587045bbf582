/**
 * Sending reminders and escalations through the outbox, with the store as the record:
 * a reminder key is claimed, with the intents of its messages, before anything is sent, so no
 * reminder goes out twice unmarked and none is silently lost; every recipient's outcome is stored.
 */
import type { WorkingCalendar } from "../calendar.js";
import type { Content, Milestone } from "../content/schema.js";
import { deliver, type PlannedMessage, planMessage, sendPlanned } from "../delivery.js";
import type { ChatKey, Logger, Outbox, PendingPrompt, SendResult, SentReminder, Store, UserKey } from "../ports.js";
import type { Reply } from "../reply.js";
import { bundleMessage } from "./bundle.js";
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
export async function recipientsFor(store: Store, agencyId: string): Promise<Recipient[]> {
  const out = new Map<ChatKey, Recipient>();
  const [leads, groups] = await Promise.all([store.people.list({ role: "lead", agencyId }), store.chats.list({ agencyId, active: true })]);
  const leadChats = await Promise.all(leads.map((p) => store.chats.get(p.chatKey)));
  for (const [i, p] of leads.entries()) {
    const chat = leadChats[i];
    if (chat?.active === false) continue;
    // A Zalo bot can only write to someone who wrote to it: until then the lead is unreachable.
    if (bundlesReminders(p.chatKey) && !chat) continue;
    out.set(p.chatKey, { chatKey: p.chatKey, type: "private", userKey: p.userKey });
  }
  for (const c of groups) {
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

/** Chats whose channel counts every message (Zalo): a day's reminders go there as one lettered message. */
export function bundlesReminders(chatKey: ChatKey): boolean {
  return chatKey.startsWith("zalo:");
}

/**
 * Claims the reminder's key, then sends it to every recipient and stores each outcome.
 * A key claimed before (by another tick, a restart, another process) sends nothing.
 */
export async function deliverReminder(deps: DeliverDeps, r: ReminderToSend): Promise<ReminderOutcome> {
  return (await deliverReminders(deps, [r])).get(r.key)!;
}

/**
 * Delivers the reminders of one run: Telegram and console chats get one message per reminder; a Zalo
 * chat gets one message with all of its reminders, lettered A, B, C… Every key is claimed together
 * with the intents of the messages that carry it, in one write; then the messages go out, each outcome
 * is stored per key, and the reply prompts are set (a bare 1–4 after a reminder, "A 1" after a bundle).
 * Keys claimed before send nothing.
 */
export async function deliverReminders(deps: DeliverDeps, reminders: readonly ReminderToSend[]): Promise<Map<string, ReminderOutcome>> {
  const outcomes = new Map<string, ReminderOutcome>();
  // Skipping keys sent before saves planning work only: the claim below is what prevents a second send.
  const sentBefore = await Promise.all(reminders.map((r) => deps.store.reminders.has(r.key)));
  const fresh = reminders.filter((r, i) => {
    if (!sentBefore[i]) return true;
    outcomes.set(r.key, { claimed: false, recipients: [], results: [] });
    return false;
  });
  if (fresh.length === 0) return outcomes;
  const now = fresh[0]!.now;
  const at = now.toISOString();
  const today = fresh[0]!.today;
  // Recipients are read once per agency, however many of its reminders go in this run.
  const byAgency = new Map<string, Promise<Recipient[]>>();
  for (const r of fresh) if (!byAgency.has(r.agencyId)) byAgency.set(r.agencyId, recipientsFor(deps.store, r.agencyId));
  const recipients = new Map(await Promise.all(fresh.map(async (r) => [r.key, await byAgency.get(r.agencyId)!] as const)));

  // Plan the messages: individual ones, and one bundle per Zalo chat.
  const planned: { message: PlannedMessage; keys: string[]; recipient: Recipient }[] = [];
  const bundles = new Map<ChatKey, { recipient: Recipient; items: ReminderToSend[] }>();
  for (const r of fresh) {
    for (const recipient of recipients.get(r.key)!) {
      if (bundlesReminders(recipient.chatKey)) {
        const bundle = bundles.get(recipient.chatKey) ?? { recipient, items: [] };
        bundle.items.push(r);
        bundles.set(recipient.chatKey, bundle);
        continue;
      }
      const body = reminderMessage({ content: deps.content, calendar: deps.calendar, milestone: r.milestone, agencyId: r.agencyId, kind: r.kind, step: r.step, today });
      planned.push({ message: planMessage(recipient.chatKey, body, r.key, at), keys: [r.key], recipient });
    }
  }
  // A second bundle the same day (a coordinator's /nhac, a later run) continues the lettering of the first,
  // so every letter shown today keeps meaning the item it was shown with.
  const bundlePrompts: PendingPrompt[] = [];
  for (const [chatKey, { recipient, items }] of bundles) {
    const ref = `bundle|${today}|${chatKey}`;
    const earlier = await deps.store.prompts.find(chatKey, recipient.userKey, at, "bundle");
    const before = earlier?.ref === ref ? (earlier.items ?? []) : [];
    const body = bundleMessage({ content: deps.content, calendar: deps.calendar, items: items.map((i) => ({ ...i })), today, startIndex: before.length });
    const keys = items.map((i) => i.key);
    planned.push({ message: planMessage(chatKey, body, ref, at, keys), keys, recipient });
    bundlePrompts.push({
      chatKey,
      ...(recipient.userKey ? { userKey: recipient.userKey } : {}),
      kind: "bundle",
      ref,
      items: [...before, ...keys.filter((k) => !before.includes(k))],
      createdAt: at,
      expiresAt: new Date(now.getTime() + REMINDER_PROMPT_TTL_MS).toISOString(),
    });
  }

  const claims: SentReminder[] = fresh.map((r) => ({
    key: r.key,
    milestoneId: r.milestone.id,
    agencyId: r.agencyId,
    kind: r.kind,
    step: r.step,
    plannedFor: r.plannedFor,
    sentAt: at,
    ...(r.sentBy ? { sentBy: r.sentBy } : {}),
  }));
  if (!(await deps.store.reminders.claim(claims, planned.map((p) => p.message.intent)))) {
    // Another run claimed one of them in the meantime: fall back to one claim per key.
    if (fresh.length === 1) return outcomes.set(fresh[0]!.key, { claimed: false, recipients: [], results: [] });
    for (const r of fresh) for (const [k, v] of await deliverReminders(deps, [r])) outcomes.set(k, v);
    return outcomes;
  }
  for (const r of fresh) outcomes.set(r.key, { claimed: true, recipients: recipients.get(r.key)!, results: [] });
  // Bundle prompts are set before the send (Zalo has no reply-to, so no message id is needed): a bundle sent
  // again after a crash, marked "(gửi lại)", is answered by the same letters.
  for (const prompt of bundlePrompts) await deps.store.prompts.set(prompt);

  const results = await sendPlanned(deps, planned.map((p) => p.message), at);
  for (const [i, result] of results.entries()) {
    const { message, keys, recipient } = planned[i]!;
    for (const k of keys) outcomes.get(k)!.results.push(result);
    if (result.result !== "ok" || message.intent.covers !== undefined || recipient.type !== "private") continue;
    await deps.store.prompts.set({
      chatKey: recipient.chatKey,
      ...(recipient.userKey ? { userKey: recipient.userKey } : {}),
      kind: "reminder",
      ref: keys[0]!,
      ...(result.messageId ? { messageId: result.messageId } : {}),
      createdAt: at,
      expiresAt: new Date(now.getTime() + REMINDER_PROMPT_TTL_MS).toISOString(),
    });
  }
  return outcomes;
}

/**
 * Sends one reply to several chats and stores a delivery record per chat, through {@link deliver}:
 * intents first, outcomes after. An outbox that throws counts as a failed delivery for every chat;
 * a blocked chat is marked inactive.
 */
export async function sendAndRecord(deps: Pick<DeliverDeps, "store" | "outbox" | "log">, chatKeys: readonly ChatKey[], message: Reply, ref: string, at: string): Promise<SendResult[]> {
  return deliver(deps, chatKeys.map((chatKey) => ({ chatKey, reply: message, ref })), at);
}

/** The private chats of the active coordinators who have not blocked the assistant. */
export async function coordinatorChats(store: Store): Promise<ChatKey[]> {
  const keys = [...new Set((await store.people.list({ role: "coordinator" })).map((p) => p.chatKey))];
  const active = await Promise.all(keys.map(async (k) => (await store.chats.get(k))?.active !== false));
  return keys.filter((_, i) => active[i]);
}
