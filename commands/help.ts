import { canRun, defineCommand, t } from "../src/core/command.js";
import { bold, lines, reply } from "../src/core/reply.js";

/** /help (alias /trogiup): the commands this person may use, from the one registry. */
export default defineCommand({
  name: "trogiup",
  alias: "help",
  access: "everyone",
  description: { vi: "Danh sách lệnh và cách dùng", en: "Commands and how to use them" },
  parse: () => undefined,
  run(ctx) {
    const { lang } = ctx;
    const visible = ctx.services.commands.filter((c) => !c.hidden && canRun(ctx.actor.role, c.access));
    const rows = visible.map((c) => {
      const usage = c.usage ? (lang === "en" ? c.usage.en : c.usage.vi) : `/${lang === "en" ? c.alias : c.name}`;
      const other = lang === "en" ? c.name : c.alias;
      return [bold(usage), ` (/${other}): ${lang === "en" ? c.description.en : c.description.vi}`];
    });
    return reply(
      lines(
        bold(t(lang, "Trợ lý Hợp nhất: các lệnh anh/chị có thể dùng", "Trợ lý Hợp nhất: commands you can use")),
        ...rows,
        "",
        t(
          lang,
          "Trong trò chuyện riêng, anh/chị cứ gõ câu hỏi, ví dụ: \"Khi nào có tài khoản thư điện tử mới?\"",
          "In a private chat, just type your question, e.g. \"When do the new e-mail accounts come?\"",
        ),
      ),
    );
  },
});
