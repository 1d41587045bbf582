import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { TELEGRAM_CAPABILITIES } from "../../../src/core/channel.js";
import { stripBotAddress, toIncoming } from "../../../src/channels/telegram/incoming.js";
import { BOT_INFO, buttonPress, entitiesFor, groupText, privateText } from "../../helpers/telegram.js";

const me = { id: BOT_INFO.id, username: BOT_INFO.username };
const known = (name: string) => ["hoi", "ask", "lich", "start", "dangky"].includes(name);
const user = { id: 42, first_name: "Lê", language_code: "en" };
const group = { id: -100123, title: "Nhóm <điều hành>" };

describe("toIncoming", () => {
  it("maps a private text to a telegram message with user, language and buttons support", () => {
    const m = toIncoming(privateText({ ...user, last_name: "Văn A" } as never, "xin chào"), me, known);
    expect(m).toEqual({
      channel: "telegram",
      chat: { id: "42", type: "private" },
      user: { id: "42", name: "Lê Văn A", languageCode: "en" },
      text: "xin chào",
      supportsButtons: true,
      capabilities: TELEGRAM_CAPABILITIES,
      replyToBotMessageId: undefined,
    });
  });

  it("strips @botname from a command so the core sees /hoi …", () => {
    const m = toIncoming(groupText(user, group, `/hoi@${BOT_INFO.username} email`), me, known);
    expect(m?.text).toBe("/hoi email");
    expect(m?.chat).toEqual({ id: "-100123", type: "group", title: "Nhóm <điều hành>" });
  });

  it("keeps a known command without a suffix in a group, and drops unknown ones", () => {
    expect(toIncoming(groupText(user, group, "/lich email"), me, known)?.text).toBe("/lich email");
    expect(toIncoming(groupText(user, group, "/ban user"), me, known)).toBeNull();
  });

  it("sets replyToBotMessageId only for replies to the bot's own messages", () => {
    const other = { message_id: 8, date: 1, chat: { id: group.id, type: "supergroup", title: "x" }, from: { id: 5, is_bot: false, first_name: "B" } };
    const own = { ...other, message_id: 9, from: BOT_INFO };
    expect(toIncoming(groupText(user, group, "ok", { reply_to_message: own as never }), me, known)?.replyToBotMessageId).toBe("9");
    expect(toIncoming(groupText(user, group, "ok", { reply_to_message: other as never }), me, known)).toBeNull();
  });

  it("turns callback data into the payload, in the chat of the pressed message", () => {
    const m = toIncoming(buttonPress(user, "lich email", { chatId: group.id, messageId: 3 }), me, known);
    expect(m).toMatchObject({ payload: "lich email", chat: { id: "-100123", type: "group" }, user: { id: "42" } });
  });

  it("ignores messages from bots and updates it does not handle", () => {
    const fromBot = privateText({ id: 9, first_name: "Bot" }, "hi");
    fromBot.message!.from!.is_bot = true;
    expect(toIncoming(fromBot, me, known)).toBeNull();
    expect(toIncoming({ update_id: 1, edited_message: fromBot.message } as Update, me, known)).toBeNull();
  });
});

describe("stripBotAddress", () => {
  it("removes the mention and the punctuation that addressed the bot", () => {
    const text = `@${BOT_INFO.username}, khi nào có email?`;
    expect(stripBotAddress(text, entitiesFor(text), me)).toBe("khi nào có email?");
  });

  it("removes a mention in the middle and keeps other mentions", () => {
    const text = `hỏi @${BOT_INFO.username} giúp @ban_toi nhé`;
    expect(stripBotAddress(text, entitiesFor(text), me)).toBe("hỏi giúp @ban_toi nhé");
  });
});
