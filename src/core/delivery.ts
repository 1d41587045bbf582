/**
 * Delivering the messages the assistant sends on its own (reminders, escalations, digests, alerts)
 * exactly once you can check: each message is first recorded as intended (in the same write as the
 * claim of what it delivers), then sent, then its outcome is appended to the delivery log and the
 * intent removed. An intent left after a crash is sent again at start-up, marked "(gửi lại)".
 */
import { randomBytes } from "node:crypto";
import type { ChatKey, Logger, OutboxIntent, Outbox, SendResult, Store } from "./ports.js";
import type { Reply } from "./reply.js";

/** What delivering needs. */
export interface DeliveryDeps {
  store: Store;
  outbox: Outbox;
  log: Logger;
}

/** A message with its intent, ready to be claimed and sent. */
export interface PlannedMessage {
  intent: OutboxIntent;
  reply: Reply;
}

/** The line that marks a message sent again after a restart. */
export const REPEAT_MARK = "(gửi lại) ";

/**
 * Plans one message: the intent to store before sending. `covers` lists the reminder keys a bundled
 * message carries (outcomes are recorded per key).
 */
export function planMessage(chatKey: ChatKey, reply: Reply, ref: string, at: string, covers?: readonly string[]): PlannedMessage {
  const intent: OutboxIntent = {
    id: `${at}|${randomBytes(6).toString("hex")}`,
    chatKey,
    ref,
    ...(covers && covers.length > 0 ? { covers: [...covers] } : {}),
    text: reply.text,
    at,
  };
  return { intent, reply };
}

/**
 * Sends planned messages whose intents are stored already. Each outcome is appended to the delivery
 * log (once per covered key for a bundle) and its intent removed as soon as it is known, so a crash
 * in the middle of a long fan-out repeats only what was not confirmed. A blocked chat is marked
 * inactive. An outbox that throws counts as a failed delivery. Never throws for a failed send.
 */
export async function sendPlanned(deps: DeliveryDeps, planned: readonly PlannedMessage[], at: string, options: { repeat?: boolean } = {}): Promise<SendResult[]> {
  return Promise.all(
    planned.map(async ({ intent, reply }) => {
      let result: SendResult;
      try {
        [result] = (await deps.outbox.send([{ chatKey: intent.chatKey, reply, ref: intent.ref }])) as [SendResult];
      } catch (error) {
        deps.log.error({ err: error, ref: intent.ref }, "delivery: the outbox failed; recorded as failed");
        result = { chatKey: intent.chatKey, result: "failed", error: (error as Error)?.message ?? String(error) };
      }
      await recordOutcome(deps, intent, result, at, options.repeat === true);
      return result;
    }),
  );
}

/** Stores the intents, then sends: for messages whose sending needs no claim (alerts, answers to leads). */
export async function deliver(
  deps: DeliveryDeps,
  messages: readonly { chatKey: ChatKey; reply: Reply; ref: string; covers?: readonly string[] }[],
  at: string,
): Promise<SendResult[]> {
  const planned = messages.map((m) => planMessage(m.chatKey, m.reply, m.ref, at, m.covers));
  await deps.store.intents.add(planned.map((p) => p.intent));
  return sendPlanned(deps, planned, at);
}

/**
 * Sends again every message that was intended but whose outcome was never recorded (the process
 * stopped in between), marked "(gửi lại)" so the person knows it may be a repeat. Call it at start-up,
 * before the scheduled jobs. Returns how many were sent again.
 *
 * `before` (ISO) leaves younger intents alone: with several instances on one store, a live instance may be
 * sending them right now, and will record their outcome itself.
 */
export async function recoverIntents(deps: DeliveryDeps, now: Date, options: { before?: string } = {}): Promise<number> {
  const before = options.before;
  const candidates = (await deps.store.intents.list()).filter((i) => before === undefined || i.at < before);
  // The process may have stopped after recording a message's outcome but before clearing its intent: that message's
  // fate is known, so it is not sent again, only cleared.
  const settled: OutboxIntent[] = [];
  const left: OutboxIntent[] = [];
  for (const intent of candidates) ((await outcomeRecorded(deps, intent)) ? settled : left).push(intent);
  if (settled.length > 0) await deps.store.intents.done(settled.map((i) => i.id));
  if (left.length === 0) return 0;
  const at = now.toISOString();
  deps.log.warn({ count: left.length }, "delivery: messages intended before a restart were not confirmed; sending them again marked (gửi lại)");
  const planned = left.map((intent) => ({ intent, reply: { text: [REPEAT_MARK, ...intent.text] } satisfies Reply }));
  await sendPlanned(deps, planned, at, { repeat: true });
  return left.length;
}

/** Whether every delivery the intent carries has an outcome recorded for its chat, at or after the intent. */
async function outcomeRecorded(deps: DeliveryDeps, intent: OutboxIntent): Promise<boolean> {
  for (const ref of intent.covers ?? [intent.ref]) {
    const records = await deps.store.reminders.deliveries({ ref });
    if (!records.some((d) => d.chatKey === intent.chatKey && d.at >= intent.at)) return false;
  }
  return true;
}

async function recordOutcome(deps: DeliveryDeps, intent: OutboxIntent, res: SendResult, at: string, repeat: boolean): Promise<void> {
  const { store, log } = deps;
  try {
    for (const ref of intent.covers ?? [intent.ref]) {
      await store.reminders.addDelivery({
        ref,
        chatKey: intent.chatKey,
        result: res.result,
        ...(res.messageId ? { messageId: res.messageId } : {}),
        ...(res.error ? { error: res.error } : {}),
        ...(repeat ? { repeat: true } : {}),
        at,
      });
    }
    if (res.result === "blocked" && (await store.chats.get(intent.chatKey))?.active !== false) await store.chats.markInactive(intent.chatKey, at);
    await store.intents.done([intent.id]);
  } catch (error) {
    // The message went out (or failed) but its outcome could not be saved: the intent stays, so it is repeated after a restart.
    log.error({ err: error, ref: intent.ref, chatKey: intent.chatKey }, "delivery: the outcome could not be recorded");
  }
  if (res.result !== "ok") log.warn({ ref: intent.ref, chatKey: intent.chatKey, result: res.result, error: res.error }, "delivery: a message did not go through");
}
