import type { TextHook } from "../assistant.js";
import { type CommandContext, t } from "../command.js";
import { fold } from "../fold.js";
import { isLikelyQuestion } from "../question-words.js";
import { reply, type Reply } from "../reply.js";
import { bundleIndex, bundleLetter, parseBundleReply, parseStatusReply, parseStatusWords } from "./bundle-reply.js";
import { cleanNote, statusByNumber } from "./parse.js";
import { addNote, recordAndConfirm } from "./record.js";
import { SKIP_NOTE_WORDS } from "./render.js";

/** "ghi chú: …" / "ghi chu - …" / "note: …": the text after it is the note, whatever it looks like. */
const NOTE_PREFIX = /^\s*(?:ghi\s*ch[uú]|note)\s*[:\-–—]\s*([\s\S]+)$/iu;

async function pendingNote(ctx: CommandContext) {
  const prompt = await ctx.services.store.prompts.find(ctx.actor.chatKey, ctx.actor.userKey, ctx.now.toISOString(), "note");
  return prompt && prompt.userKey === ctx.actor.userKey ? prompt : undefined;
}

async function pendingBundle(ctx: CommandContext) {
  return ctx.services.store.prompts.find(ctx.actor.chatKey, ctx.actor.userKey, ctx.now.toISOString(), "bundle");
}

async function pendingReminder(ctx: CommandContext) {
  return ctx.services.store.prompts.find(ctx.actor.chatKey, ctx.actor.userKey, ctx.now.toISOString(), "reminder");
}

/**
 * The note after "at risk" or "blocked": the next message of the same person in the same chat
 * (within 24 hours) is attached to that status as a `note` record. "bỏ qua" skips it.
 * A status reply ("1".."4", "xong") answering a newer reminder is left to the reminder hook.
 */
export const noteHook: TextHook = async (ctx, text) => {
  const prompt = await pendingNote(ctx);
  if (!prompt) return null;
  const repliedTo = ctx.message.replyToBotMessageId;
  if (prompt.messageId !== undefined && repliedTo !== undefined && repliedTo !== prompt.messageId) return null;
  if (parseStatusReply(text)) {
    // A status answers a reminder (or a day's bundle) sent after the note was asked for.
    const reminder = await pendingReminder(ctx);
    if (reminder && reminder.createdAt > prompt.createdAt) return null;
    const bundle = await pendingBundle(ctx);
    if (bundle && bundle.createdAt > prompt.createdAt) return null;
  }
  // "B 1" while a bundle of reminders waits answers the bundle; it is not the note.
  const bundleReply = parseBundleReply(text);
  if (bundleReply?.letter !== undefined && (await pendingBundle(ctx))) return null;
  // "ghi chú: …" is always a note; a reply to the prompt is one too. Anything else that reads as a question is
  // not saved as the note: the person is asked which it is (the prompt stays open).
  const explicit = NOTE_PREFIX.exec(text);
  if (explicit) return addNote(ctx, prompt.ref, explicit[1]!);
  const answersPrompt = prompt.messageId !== undefined && repliedTo === prompt.messageId;
  if (!answersPrompt && isLikelyQuestion(text)) {
    return [
      reply(
        t(
          ctx.lang,
          `Tin nhắn này giống một câu hỏi, nên trợ lý chưa ghi làm ghi chú cho vướng mắc.\n` +
            `• Nếu đây là ghi chú, xin vui lòng gửi lại bắt đầu bằng "ghi chú:", ví dụ: ghi chú: thiếu máy chủ.\n` +
            `• Nếu là câu hỏi, xin vui lòng gõ /hoi rồi câu hỏi, ví dụ: /hoi ${text.slice(0, 80)}`,
          `This message looks like a question, so it was not saved as the note.\n` +
            `• If it is the note, please send it again starting with "note:", e.g. note: the server is missing.\n` +
            `• If it is a question, please type /ask and the question, e.g. /ask ${text.slice(0, 80)}`,
        ),
      ),
    ];
  }
  if (SKIP_NOTE_WORDS.includes(fold(text))) {
    await ctx.services.store.prompts.clear(ctx.actor.chatKey, prompt.ref);
    return [
      reply(
        t(
          ctx.lang,
          "Đã bỏ qua ghi chú. Trạng thái vẫn được giữ nguyên; anh/chị có thể bổ sung sau bằng /capnhat <mốc> <trạng thái> <ghi chú>.",
          "Note skipped. The status stays recorded; you can add details later with /update <milestone> <status> <note>.",
        ),
      ),
    ];
  }
  return addNote(ctx, prompt.ref, text);
};

/**
 * A bare "1".."4" or the status in words ("xong", "vướng mắc - thiếu máy chủ"), with an optional note, right after
 * a reminder in this chat records that status for the reminder's milestone and agency, with the reminder key.
 * Other text (a question among it) goes on to the next handler.
 */
export const reminderReplyHook: TextHook = async (ctx, text): Promise<Reply[] | null> => {
  const parsed = parseStatusReply(text);
  if (!parsed) return null;
  const prompt = await pendingReminder(ctx);
  if (!prompt) return null;
  const [milestoneId, agencyId] = prompt.ref.split("|");
  const status = statusByNumber(parsed.number);
  if (!milestoneId || !agencyId || !status) return null;
  const note = cleanNote(parsed.note, ctx.lang);
  return recordAndConfirm(ctx, { milestoneId, agencyId, status, note, reminderKey: prompt.ref }, { editOriginal: false });
};

/**
 * "A 1", "B 4 thiếu máy chủ", "B xong" (or a bare "1".."4" or "xong" for a one-item bundle) after a day's bundled reminders
 * in this chat (Zalo): records that status for the lettered item, with its reminder key. A letter that is
 * not in the bundle, or a bare number when there are several items, gets a reply saying what to type.
 */
export const bundleReplyHook: TextHook = async (ctx, text): Promise<Reply[] | null> => {
  const parsed: { letter?: string; number: 1 | 2 | 3 | 4; note?: string } | null = parseBundleReply(text) ?? parseStatusWords(text);
  if (!parsed) return null;
  const prompt = await pendingBundle(ctx);
  const items = prompt?.items ?? [];
  if (!prompt || items.length === 0) return null;
  const index = parsed.letter === undefined ? (items.length === 1 ? 0 : -1) : bundleIndex(parsed.letter);
  const key = items[index];
  if (key === undefined) {
    const letters = items.map((_, i) => bundleLetter(i)).join(", ");
    return [
      reply(
        t(
          ctx.lang,
          `Xin vui lòng ghi chữ cái của mục trước số tình trạng, ví dụ «A ${parsed.number}». Các mục trong lời nhắc hôm nay: ${letters}.`,
          `Please put the item's letter before the status number, e.g. "A ${parsed.number}". Items in today's reminder: ${letters}.`,
        ),
      ),
    ];
  }
  const [milestoneId, agencyId] = key.split("|");
  const status = statusByNumber(parsed.number);
  if (!milestoneId || !agencyId || !status) return null;
  const note = cleanNote(parsed.note, ctx.lang);
  return recordAndConfirm(ctx, { milestoneId, agencyId, status, note, reminderKey: key }, { editOriginal: false });
};

/** The text hooks of status replies, in order: a pending note first, then a bare "1".."4" after a reminder, then a bundle reply. */
export function statusHooks(): TextHook[] {
  return [noteHook, reminderReplyHook, bundleReplyHook];
}
