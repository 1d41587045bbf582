import { defineCommand, t } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import { answerQuestion } from "../src/core/knowledge/answer.js";

/** /hoi <câu hỏi> (alias /ask): asks the knowledge base; in a private chat plain text does the same. */
export default defineCommand({
  name: "hoi",
  alias: "ask",
  access: "everyone",
  description: { vi: "Hỏi về kế hoạch hợp nhất các hệ thống thông tin", en: "Ask about the information-systems merger plan" },
  usage: { vi: "/hoi <câu hỏi>", en: "/ask <question>" },
  parse(args, ctx) {
    if (args.length === 0) {
      throw new UserError(
        t(ctx.lang, "Xin vui lòng gõ câu hỏi sau lệnh, ví dụ: /hoi khi nào có email công vụ mới?", "Please type your question after the command, e.g. /ask when do the new e-mail accounts come?"),
      );
    }
    return args;
  },
  run: (ctx, question) => answerQuestion(ctx, question),
});
