/**
 * Delivering the messages the assistant sends on its own (reminders, escalations, digests, alerts)
 * exactly once you can check: each message is first recorded as intended (in the same write as the
 * claim of what it delivers), marked attempted right before the outbox hands it to the messenger, then
 * its outcome is appended to the delivery log and the intent removed. An intent left after a crash is
 * sent at start-up: marked "(gửi lại)" if it had been attempted (the person may have it), as a first
 * copy if not (it was still waiting in the outbox's queue).
 */
import { randomBytes } from "node:crypto";
import type { ChatKey, Logger, OutboxIntent, Outbox, OutgoingMessage, SendResult, Store } from "./ports.js";
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
      // The outbox calls it when the message leaves its queue, so a crash before then leaves an intent that was
      // never attempted, and its first copy goes out unmarked after the restart.
      const beforeSend = () => deps.store.intents.attempt(intent.id, at);
      try {
        [result] = (await deps.outbox.send([{ chatKey: intent.chatKey, reply, ref: intent.ref, beforeSend }])) as [SendResult];
      } catch (error) {
        deps.log.error({ err: error, ref: intent.ref }, "delivery: the outbox failed; recorded as failed");
        result = { chatKey: intent.chatKey, result: "failed", error: (error as Error)?.message ?? String(error) };
      }
      await recordOutcome(deps, intent, result, at, options.repeat === true);
      return result;
    }),
  );
}

/**
 * What an outbox does with a message's {@link OutgoingMessage.beforeSend} before handing it to the messenger:
 * awaits it, and returns the failed outcome to report instead of sending when it rejected (the attempt could not be
 * recorded, so sending could later repeat the message unmarked). Returns undefined when the send may go ahead.
 *
 * ```ts
 * const refused = await prepareSend(message);
 * if (refused) return refused;
 * ```
 */
export async function prepareSend(message: OutgoingMessage): Promise<SendResult | undefined> {
  if (!message.beforeSend) return undefined;
  try {
    await message.beforeSend();
    return undefined;
  } catch (error) {
    return { chatKey: message.chatKey, result: "failed", error: `not sent: the attempt could not be recorded (${(error as Error)?.message ?? String(error)})` };
  }
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
 * Sends every message that was intended but whose outcome was never recorded (the process stopped in
 * between). One that was attempted goes again marked "(gửi lại)", so the person knows it may be a repeat,
 * and its outcome is recorded with `repeat: true`; one never attempted (still queued when the process
 * stopped) goes out as it was planned, as its first copy. Call it at start-up, before the scheduled jobs.
 * Returns how many were sent.
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
  const attempted = left.filter((i) => i.attemptedAt !== undefined);
  const queued = left.filter((i) => i.attemptedAt === undefined);
  deps.log.warn(
    { count: left.length, attempted: attempted.length, neverAttempted: queued.length },
    "delivery: messages intended before a restart were not confirmed; sending those attempted again marked (gửi lại), the others as first copies",
  );
  await Promise.all([
    sendPlanned(deps, attempted.map((intent) => ({ intent, reply: { text: [REPEAT_MARK, ...intent.text] } satisfies Reply })), at, { repeat: true }),
    sendPlanned(deps, queued.map((intent) => ({ intent, reply: { text: intent.text } satisfies Reply })), at),
  ]);
  return left.length;
}

/**
 * Whether every delivery the intent carries has its outcome recorded: by the intent's id, or for a record written
 * before ids were kept, for its chat at or after the intent. (By chat alone, the first of a digest's four messages to a
 * coordinator would settle the other three, which were then never sent: `npm run test:faults` found it.)
 */
async function outcomeRecorded(deps: DeliveryDeps, intent: OutboxIntent): Promise<boolean> {
  for (const ref of intent.covers ?? [intent.ref]) {
    const records = await deps.store.reminders.deliveries({ ref });
    if (!records.some((d) => d.chatKey === intent.chatKey && (d.intentId !== undefined ? d.intentId === intent.id : d.at >= intent.at))) return false;
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
        intentId: intent.id,
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
