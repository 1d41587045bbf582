/**
 * Offline Telegram testing: the real bot from createBot with a preset botInfo, fed updates through
 * bot.handleUpdate, with every Bot API call recorded by a transformer that answers like Telegram
 * (messages get increasing message_ids). Any call can be made to fail, e.g. with a 403.
 */
import { Api, type Transformer } from "grammy";
import type { Message, MessageEntity, Update, UserFromGetMe } from "grammy/types";
import { createBot } from "../../src/channels/telegram/bot.js";
import { createMenuSync } from "../../src/channels/telegram/menu.js";
import { createTelegramOutbox } from "../../src/channels/telegram/outbox.js";
import type { UserKey } from "../../src/core/ports.js";
import { createTestApp } from "./app.js";

/** The test bot's identity. */
export const BOT_INFO: UserFromGetMe = {
  id: 777000111,
  is_bot: true,
  first_name: "Trợ lý Hợp nhất",
  username: "tro_ly_hop_nhat_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};
export const TOKEN = "123456:TEST-token-for-offline-tests-only";

/** One recorded Bot API call. */
export interface ApiCall {
  method: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  payload: any;
}

/** An error answer for a call, or undefined to let it succeed. */
export type FailRule = (call: ApiCall) => { error_code: number; description: string; parameters?: { retry_after?: number } } | undefined;

/**
 * A transformer that records calls and answers like the Bot API, never touching the network.
 * `state.nextMessageId` increases with every message sent.
 */
export function recordingTransformer(calls: ApiCall[], state: { nextMessageId: number; fail?: FailRule }): Transformer {
  return (async (_prev: unknown, method: string, payload: Record<string, unknown>) => {
    const call = { method, payload };
    calls.push(call);
    const failure = state.fail?.(call);
    if (failure) return { ok: false, ...failure };
    return { ok: true, result: fakeResult(method, payload ?? {}, state) };
  }) as unknown as Transformer;
}

function fakeResult(method: string, payload: Record<string, unknown>, state: { nextMessageId: number }): unknown {
  const chatId = Number(payload.chat_id);
  const chat = chatId < 0 ? { id: chatId, type: "supergroup", title: "Nhóm" } : { id: chatId, type: "private", first_name: "Người dùng" };
  const message = (id: number) => ({ message_id: id, date: 1_746_064_800, chat, from: BOT_INFO, text: payload.text });
  switch (method) {
    case "sendMessage":
    case "sendDocument":
    case "sendPhoto":
      return message(state.nextMessageId++);
    case "editMessageText":
      return message(Number(payload.message_id));
    case "getMe":
      return BOT_INFO;
    case "getUpdates":
      return [];
    default:
      return true;
  }
}

/** A Telegram user for updates. */
export interface TgUser {
  id: number;
  first_name: string;
  language_code?: string;
}

let nextUpdateId = 1;
let nextIncomingMessageId = 10_000;

/** Entities Telegram would attach: a leading bot_command, and @mentions. */
export function entitiesFor(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const command = /^\/[^\s]+/.exec(text);
  if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  for (const m of text.matchAll(/(?<![\w/])@\w+/g)) entities.push({ type: "mention", offset: m.index, length: m[0].length });
  return entities;
}

/** A text message in the private chat of `user`. */
export function privateText(user: TgUser, text: string, extra: Partial<Message> = {}): Update {
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextIncomingMessageId++,
      date: 1_746_064_800,
      chat: { id: user.id, type: "private", first_name: user.first_name },
      from: { ...user, is_bot: false },
      text,
      entities: entitiesFor(text),
      ...extra,
    } as Update["message"],
  };
}

/** A text message from `user` in a group. */
export function groupText(user: TgUser, group: { id: number; title: string }, text: string, extra: Partial<Message> = {}): Update {
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextIncomingMessageId++,
      date: 1_746_064_800,
      chat: { id: group.id, type: "supergroup", title: group.title },
      from: { ...user, is_bot: false },
      text,
      entities: entitiesFor(text),
      ...extra,
    } as Update["message"],
  };
}

/** A button press by `user` on the bot's message `messageId` in chat `chatId`. */
export function buttonPress(user: TgUser, data: string, at: { chatId: number; messageId: number }): Update {
  const chat = at.chatId < 0 ? { id: at.chatId, type: "supergroup" as const, title: "Nhóm" } : { id: at.chatId, type: "private" as const, first_name: user.first_name };
  return {
    update_id: nextUpdateId++,
    callback_query: {
      id: String(nextUpdateId * 7),
      from: { ...user, is_bot: false },
      chat_instance: "ci",
      data,
      message: { message_id: at.messageId, date: 1_746_064_800, chat, from: BOT_INFO, text: "…" } as Message,
    },
  };
}

/**
 * The whole Telegram side over a test app: bot, a separate outbox/menu API (as in main.ts),
 * and one list of recorded calls for both.
 */
export async function createTelegramTestBot(options: { now?: string; admins?: UserKey[]; rateLimit?: { limit: number; windowMs: number } } = {}) {
  const app = await createTestApp({ now: options.now, admins: options.admins });
  const calls: ApiCall[] = [];
  const state: { nextMessageId: number; fail?: FailRule } = { nextMessageId: 1 };
  const api = new Api(TOKEN);
  api.config.use(recordingTransformer(calls, state));
  const menus = createMenuSync({ api, store: app.store, commands: app.services.commands, adminKeys: app.services.settings.adminKeys, clock: app.clock, log: app.log });
  const bot = createBot(
    { assistant: app.assistant, services: app.services, menus },
    { token: TOKEN, botInfo: BOT_INFO, rateLimit: options.rateLimit ?? { limit: 1000, windowMs: 60_000 }, retry: { maxRetryAttempts: 0 } },
  );
  bot.api.config.use(recordingTransformer(calls, state));
  const outbox = createTelegramOutbox({ api, store: app.store, clock: app.clock, log: app.log });
  return {
    ...app,
    bot,
    api,
    calls,
    telegramOutbox: outbox,
    /** Make calls fail (or succeed again with undefined). */
    failWhen(rule: FailRule | undefined) {
      state.fail = rule;
    },
    menus,
    /** Feeds one update to the bot, and waits for the menu sync it may have started. */
    send: async (update: Update) => {
      await bot.handleUpdate(update);
      await menus.idle();
    },
    /** Calls of one method, optionally to one chat. */
    callsOf(method: string, chatId?: number): ApiCall[] {
      return calls.filter((c) => c.method === method && (chatId === undefined || Number(c.payload.chat_id) === chatId));
    },
    /** Texts the bot sent to a chat, in order. */
    textsTo(chatId: number): string[] {
      return calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId).map((c) => String(c.payload.text));
    },
    clearCalls() {
      calls.length = 0;
    },
  };
}
