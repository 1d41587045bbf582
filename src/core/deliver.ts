/**
 * The one "send, then record" step for messages to other chats: reminders and answer notices use it
 * (the alert, digest and /traloi paths still have their own copies, to be moved here).
 */
import type { Logger, OutgoingMessage, Outbox, SendResult, Store } from "./ports.js";

/** What delivering needs. */
export interface DeliverMessagesDeps {
  store: Store;
  outbox: Outbox;
  log: Logger;
}

/**
 * Sends the messages and appends one delivery record per message (with its own `ref`), in order.
 * An outbox that throws counts as a failed delivery for every message; a blocked chat is marked
 * inactive. Resolves to one result per message, in the order given.
 */
export async function deliverMessages(deps: DeliverMessagesDeps, messages: readonly OutgoingMessage[], at: string): Promise<SendResult[]> {
  if (messages.length === 0) return [];
  let results: SendResult[];
  try {
    results = await deps.outbox.send([...messages]);
  } catch (error) {
    deps.log.error({ err: error, refs: [...new Set(messages.map((m) => m.ref))] }, "delivery: the outbox failed; deliveries recorded as failed");
    results = messages.map((m) => ({ chatKey: m.chatKey, result: "failed", error: (error as Error)?.message ?? String(error) }));
  }
  const out = messages.map((m, i): SendResult => results[i] ?? { chatKey: m.chatKey, result: "failed", error: "the outbox returned no result for this message" });
  for (const [i, res] of out.entries()) {
    const ref = messages[i]!.ref;
    await deps.store.reminders.addDelivery({
      ref,
      chatKey: res.chatKey,
      result: res.result,
      ...(res.messageId ? { messageId: res.messageId } : {}),
      ...(res.error ? { error: res.error } : {}),
      at,
    });
    if (res.result === "blocked" && deps.store.chats.get(res.chatKey)?.active !== false) await deps.store.chats.markInactive(res.chatKey, at);
    if (res.result !== "ok") deps.log.warn({ ref, chatKey: res.chatKey, result: res.result, error: res.error }, "delivery: a message did not go through");
  }
  return out;
}
