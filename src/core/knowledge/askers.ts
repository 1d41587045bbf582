import type { CommandContext } from "../command.js";
import type { ChatKey } from "../ports.js";

/** How long someone waits to hear back about an unanswered question before their record is deleted. */
export const ASKER_RETENTION_DAYS = 30;

/**
 * Remembers who asked a question nobody could answer, so they hear back when a coordinator answers:
 * only their own chat and their question (see README, "Dữ liệu lưu ở đâu"). Runs in the background,
 * like the question statistics: it must never cost the person their answer.
 * `folded` must be the key the question statistics use for the same question.
 */
export function recordAsker(ctx: CommandContext, question: string, folded: string): void {
  if (folded.length === 0) return;
  void ctx.services.store.askers
    .add({ chatKey: ownChat(ctx), folded, question, askedAt: ctx.now.toISOString(), lang: ctx.lang })
    .catch((error: unknown) => ctx.services.log.warn({ err: error }, "knowledge: could not remember who asked"));
}

/** The person's private chat: where they asked if it was private, otherwise their own chat on that channel. */
function ownChat(ctx: CommandContext): ChatKey {
  const { message, actor } = ctx;
  return message.chat.type === "private" ? actor.chatKey : `${message.channel}:${message.user.id}`;
}
