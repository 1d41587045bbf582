/**
 * Talking to the telegram-test-api emulator from end-to-end tests: what the bot sent to a chat, edits
 * included, read one request at a time. See ../shared/reference/telegram-testing.md for its limits.
 */
import emulator from "telegram-test-api";
import type { TelegramServer as Emulator } from "telegram-test-api/lib/telegramServer.js";

/** The emulator's token for tests. */
export const TOKEN = "123456:E2E-token-for-the-local-emulator-only";

// The package is CommonJS with `module.exports = TelegramServer`; its typings describe an ES default export.
/** The emulator's server class. */
export const TelegramServer = emulator as unknown as typeof Emulator;
/** A running emulator. */
export type EmulatorServer = Emulator;

/** A message the bot sent, as the emulator stores it: its id and the body of the sendMessage call. */
export interface BotMessage {
  messageId: number;
  message: {
    chat_id?: number | string;
    text?: string;
    reply_markup?: { inline_keyboard?: { text: string; callback_data?: string }[][]; force_reply?: boolean };
  };
}

async function emulatorCall<T>(server: EmulatorServer, route: string, body: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${server.config.apiURL}/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: TOKEN, ...body }),
    signal: AbortSignal.timeout(5_000),
  });
  return ((await res.json()) as { result: T }).result;
}

/** Messages fetched from the emulator but not yet consumed, per chat, in the order the bot sent them. */
const inbox = new Map<number, BotMessage[]>();

/**
 * Waits until the bot sends `chatId` a message whose text matches `pattern`, and returns it. Earlier messages
 * in that chat (a digest or reminders sent at start-up) are skipped; later ones stay for the next wait, since the
 * emulator marks every message of a getUpdates answer read. Asks the emulator directly, one request at a time:
 * the package's client keeps polling in the background after its own timeout, which would swallow messages.
 */
export async function waitForMessage(server: EmulatorServer, chatId: number, pattern: RegExp, ms = 15_000): Promise<BotMessage> {
  const deadline = Date.now() + ms;
  const seen: string[] = [];
  const pending = inbox.get(chatId) ?? [];
  inbox.set(chatId, pending);
  for (;;) {
    while (pending.length > 0) {
      const next = pending.shift()!;
      const text = String(next.message.text ?? "");
      if (pattern.test(text)) return next;
      seen.push(text.slice(0, 80));
    }
    if (Date.now() >= deadline) break;
    const updates = await emulatorCall<BotMessage[]>(server, "getUpdates", { chatId });
    if (updates.length > 0) pending.push(...updates);
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no message matching ${pattern} within ${ms} ms; saw: ${JSON.stringify(seen)}`);
}

/** Like {@link waitForMessage}, for the text only. */
export async function waitForText(server: EmulatorServer, chatId: number, pattern: RegExp, ms = 15_000): Promise<string> {
  return String((await waitForMessage(server, chatId, pattern, ms)).message.text);
}

/**
 * The bot's message `messageId` in `chatId` as it is now, edits included: edits are not delivered
 * to getUpdates, only to the emulator's history.
 */
export async function currentMessage(server: EmulatorServer, chatId: number, messageId: number): Promise<BotMessage | undefined> {
  const history = await emulatorCall<BotMessage[]>(server, "getUpdatesHistory", {});
  // User updates share the id counter; only the bot's messages carry `chat_id`.
  return history.find((u) => u.messageId === messageId && u.message?.chat_id !== undefined && String(u.message.chat_id) === String(chatId));
}

/** The callback data of the inline button labelled `label`. */
export function buttonData(message: BotMessage, label: string): string {
  const button = (message.message.reply_markup?.inline_keyboard ?? []).flat().find((b) => b.text === label);
  if (!button?.callback_data) throw new Error(`no button "${label}" in ${JSON.stringify(message.message.reply_markup)}`);
  return button.callback_data;
}

