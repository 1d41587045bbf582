import { defineCommand, t } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import { MORE_COMMAND, renderEntry, renderMore } from "../src/core/knowledge/answer.js";
import { loadLatest } from "../src/core/status/aggregate.js";

/**
 * xemthem <mã mục> [more] (alias more): the target of "Xem thêm" and "Có phải anh/chị muốn hỏi" buttons.
 * With `more` it shows the entry's longer text; without, the entry's answer. Hidden from /help.
 */
export default defineCommand({
  name: MORE_COMMAND,
  alias: "more",
  access: "everyone",
  hidden: true,
  description: { vi: "Xem thêm nội dung của một câu trả lời", en: "Show more of an answer" },
  usage: { vi: "/xemthem <mã mục>", en: "/more <entry id>" },
  parse(args, ctx) {
    const [id = "", mode] = args.trim().split(/\s+/);
    const entry = ctx.services.knowledge.entry(id.toLowerCase());
    if (!entry) {
      throw new UserError(
        t(
          ctx.lang,
          "Không tìm thấy nội dung này (có thể kho kiến thức vừa được cập nhật). Xin vui lòng đặt lại câu hỏi.",
          "This item no longer exists (the knowledge base may have changed). Please ask your question again.",
        ),
      );
    }
    return { entry, more: mode === "more" };
  },
  run: async (ctx, { entry, more }) => (more ? renderMore(ctx, entry) : renderEntry(ctx, entry, await loadLatest(ctx.services.store))),
});
