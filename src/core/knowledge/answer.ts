import type { CommandContext } from "../command.js";
import { lines, reply, type Reply } from "../reply.js";

/** Answers a question from the knowledge base. (Foundation version.) */
export async function answerQuestion(ctx: CommandContext, question: string): Promise<Reply[]> {
  const result = ctx.services.knowledge.search(question);
  if (!result.best) return [reply("Chưa có thông tin về nội dung này.")];
  return [reply(lines(result.best.entry.answer))];
}
