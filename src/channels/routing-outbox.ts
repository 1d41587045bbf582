/**
 * One outbox for every channel: each message goes to the outbox of the channel its chat key names
 * (`telegram:…`, `zalo:…`, `console:…`), so an alert raised on Zalo reaches a coordinator on Telegram.
 */
import type { ChannelName, OutgoingMessage, Outbox, SendResult } from "../core/ports.js";

/**
 * Routes by the chat key's prefix. A message for a channel that is not running fails with a reason
 * (it is recorded like any failed delivery), never silently.
 *
 * ```ts
 * const outbox = createRoutingOutbox({ telegram: telegramOutbox, zalo: zaloOutbox });
 * ```
 */
export function createRoutingOutbox(outboxes: Partial<Record<ChannelName, Outbox>>): Outbox {
  return {
    async send(messages: OutgoingMessage[]): Promise<SendResult[]> {
      const groups = new Map<ChannelName, number[]>();
      const results: SendResult[] = new Array(messages.length);
      messages.forEach((m, i) => {
        const channel = m.chatKey.slice(0, m.chatKey.indexOf(":")) as ChannelName;
        if (!outboxes[channel]) {
          results[i] = { chatKey: m.chatKey, result: "failed", error: `the ${channel || "unknown"} channel is not running in this process` };
          return;
        }
        groups.set(channel, [...(groups.get(channel) ?? []), i]);
      });
      await Promise.all(
        [...groups].map(async ([channel, indexes]) => {
          let out: SendResult[];
          try {
            out = await outboxes[channel]!.send(indexes.map((i) => messages[i]!));
          } catch (error) {
            out = indexes.map((i) => ({ chatKey: messages[i]!.chatKey, result: "failed", error: (error as Error)?.message ?? String(error) }));
          }
          indexes.forEach((i, j) => (results[i] = out[j]!));
        }),
      );
      return results;
    },
  };
}
