/**
 * Sends a rendered reply through the Bot API: text messages in order (the first may reply to the
 * user's message or replace the pressed button's message), then attachments. Used for answers
 * and by the outbox.
 */
import { type Api, GrammyError, InputFile } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Logger } from "../../core/ports.js";
import { escapeHtml, type RenderedReply } from "./render.js";

/** Where and how to send. */
export interface SendTarget {
  chatId: number | string;
  /** Reply to this message (groups: so people see what is being answered). */
  replyToMessageId?: number;
  /** With `editOriginal`, this message is edited instead of sending the first text. */
  editMessageId?: number;
}

/**
 * Sends one rendered reply; returns the ids of the messages sent or edited, in order.
 * `ids` may be passed in to see what went out before a failure (the outbox retries only untouched replies).
 */
export async function sendRendered(api: Api, target: SendTarget, rendered: RenderedReply, log?: Logger, ids: number[] = []): Promise<number[]> {
  const { chatId } = target;
  let first = true;
  for (const message of rendered.messages) {
    const canEdit = first && rendered.editOriginal && target.editMessageId !== undefined && (!message.markup || "inline_keyboard" in message.markup);
    if (canEdit) {
      const edited = await editOrNull(api, chatId, target.editMessageId!, message.html, message.markup as InlineKeyboardMarkup | undefined, log);
      if (edited !== null) {
        ids.push(edited);
        first = false;
        continue;
      }
    }
    const sent = await api.sendMessage(chatId, message.html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: message.markup,
      reply_parameters: first && target.replyToMessageId !== undefined ? { message_id: target.replyToMessageId, allow_sending_without_reply: true } : undefined,
    });
    ids.push(sent.message_id);
    first = false;
  }
  for (const file of rendered.attachments) {
    const input = new InputFile(file.data, file.filename);
    const other = file.caption ? { caption: file.caption, parse_mode: "HTML" as const } : {};
    try {
      const sent = file.kind === "photo" ? await api.sendPhoto(chatId, input, other) : await api.sendDocument(chatId, input, other);
      ids.push(sent.message_id);
    } catch (error) {
      // The text already arrived: a file that fails (after auto-retry) is reported in the chat, not as a general error.
      if (error instanceof GrammyError && error.error_code === 403) throw error;
      log?.warn({ chatId, file: file.filename, err: error }, "telegram: an attachment could not be sent");
      const notice = `Không gửi được tệp đính kèm ${escapeHtml(file.filename)}. Xin vui lòng thử lại sau ít phút.`;
      const sent = await api.sendMessage(chatId, notice, { parse_mode: "HTML" }).catch(() => null);
      if (sent) ids.push(sent.message_id);
    }
  }
  return ids;
}

/**
 * Edits a message's text and keyboard. Returns its id, the id unchanged when Telegram says nothing
 * changed, or null when the message can no longer be edited (too old, deleted), so the caller sends anew.
 */
async function editOrNull(
  api: Api,
  chatId: number | string,
  messageId: number,
  html: string,
  markup: InlineKeyboardMarkup | undefined,
  log?: Logger,
): Promise<number | null> {
  try {
    await api.editMessageText(chatId, messageId, html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: markup ?? { inline_keyboard: [] },
    });
    return messageId;
  } catch (error) {
    if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
    if (/not modified/i.test(error.description)) return messageId;
    log?.debug({ chatId, messageId, err: error.description }, "telegram: message could not be edited, sending a new one");
    return null;
  }
}
