/**
 * Maps Telegram updates to the core's {@link Incoming}, and decides whether a group message is
 * meant for the bot at all. Pure functions over the update and the bot's own user.
 */
import type { Message, MessageEntity, Update, UserFromGetMe } from "grammy/types";
import { TELEGRAM_CAPABILITIES } from "../../core/channel.js";
import type { Incoming } from "../../core/command.js";

/** The bot's identity, as getMe returns it. */
export type BotIdentity = Pick<UserFromGetMe, "id" | "username">;

/**
 * The core message for an update, or null when the bot should stay quiet.
 * - Private chats: every text (or caption) goes to the core; free text is a question.
 * - Groups: only commands for this bot (`/hoi@bot …`, or a known command without a suffix),
 *   mentions of the bot and replies to the bot's own messages. The mention is stripped.
 * - Button presses: the callback data becomes the payload.
 *
 * `isKnownCommand` tells whether a command name (without "/") is in the registry, so that in a group
 * the bot leaves other bots' commands alone.
 */
export function toIncoming(update: Update, me: BotIdentity, isKnownCommand: (name: string) => boolean): Incoming | null {
  const query = update.callback_query;
  if (query) {
    if (query.data === undefined) return null;
    const chat = query.message?.chat;
    return {
      channel: "telegram",
      chat: chat ? chatOf(chat) : { id: String(query.from.id), type: "private" },
      user: userOf(query.from),
      payload: query.data,
      supportsButtons: true,
      capabilities: TELEGRAM_CAPABILITIES,
    };
  }
  const message = update.message;
  if (!message || !message.from || message.from.is_bot) return null;
  const replyToBot = message.reply_to_message?.from?.id === me.id ? String(message.reply_to_message.message_id) : undefined;
  const raw = message.text ?? message.caption;
  const entities = (message.text !== undefined ? message.entities : message.caption_entities) ?? [];
  const base: Incoming = {
    channel: "telegram",
    chat: chatOf(message.chat),
    user: userOf(message.from),
    supportsButtons: true,
    capabilities: TELEGRAM_CAPABILITIES,
    replyToBotMessageId: replyToBot,
  };
  if (message.chat.type === "private") {
    if (raw === undefined) return base;
    return { ...base, text: stripBotAddress(raw, entities, me) };
  }
  // A group: stay quiet unless addressed.
  if (raw === undefined) return null;
  const command = leadingCommand(raw, entities);
  if (command) {
    if (command.target !== undefined) {
      if (!sameName(command.target, me.username)) return null;
    } else if (!isKnownCommand(command.name)) {
      return null;
    }
    return { ...base, text: stripBotAddress(raw, entities, me) };
  }
  const mentioned = entities.some((e) => isMentionOf(e, raw, me));
  if (!mentioned && !replyToBot) return null;
  return { ...base, text: stripBotAddress(raw, entities, me) };
}

/** The command at the start of a text: its name and the bot it names (`/hoi@tro_ly_bot` → hoi, tro_ly_bot). */
export function leadingCommand(text: string, entities: readonly MessageEntity[]): { name: string; target?: string } | null {
  const entity = entities.find((e) => e.type === "bot_command" && e.offset === 0);
  const token = entity ? text.slice(0, entity.length) : /^\/[\p{L}\p{N}_]+(?:@\w+)?/u.exec(text)?.[0];
  if (!token) return null;
  const m = /^\/([^@\s]+)(?:@(\w+))?$/u.exec(token);
  if (!m) return null;
  return { name: m[1]!.toLowerCase(), target: m[2] };
}

/** Removes the bot's @username from a command and the bot's mentions from the text, and tidies the spaces. */
export function stripBotAddress(text: string, entities: readonly MessageEntity[], me: BotIdentity): string {
  let out = text;
  // Cut from the end so earlier offsets stay valid.
  const cuts = entities
    .filter((e) => isMentionOf(e, text, me))
    .sort((a, b) => b.offset - a.offset);
  for (const e of cuts) out = out.slice(0, e.offset) + out.slice(e.offset + e.length);
  if (me.username) {
    const suffix = new RegExp(`^(/[^\\s@]+)@${escapeRegExp(me.username)}(?=\\s|$)`, "i");
    out = out.replace(suffix, "$1");
  }
  // "@bot, khi nào…" leaves ", khi nào…": drop the punctuation that addressed the bot.
  return out.replace(/[ \t]{2,}/g, " ").replace(/^[\s,:]+/, "").trim();
}

function isMentionOf(e: MessageEntity, text: string, me: BotIdentity): boolean {
  if (e.type === "text_mention") return e.user.id === me.id;
  if (e.type !== "mention") return false;
  return sameName(text.slice(e.offset + 1, e.offset + e.length), me.username);
}

function sameName(a: string, b: string | undefined): boolean {
  return b !== undefined && a.toLowerCase() === b.toLowerCase();
}

function chatOf(chat: Message["chat"]): Incoming["chat"] {
  if (chat.type === "private") return { id: String(chat.id), type: "private" };
  return { id: String(chat.id), type: "group", title: "title" in chat ? chat.title : undefined };
}

function userOf(user: { id: number; first_name: string; last_name?: string; username?: string; language_code?: string }): Incoming["user"] {
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ").trim() || user.username || "anh/chị";
  return { id: String(user.id), name, languageCode: user.language_code };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
