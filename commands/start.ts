import { defineCommand, t } from "../src/core/command.js";
import { bold, lines, reply } from "../src/core/reply.js";

/** /start (alias /batdau): greets the user and shows the most asked topics. */
export default defineCommand({
  name: "batdau",
  alias: "start",
  access: "everyone",
  description: { vi: "Giới thiệu trợ lý", en: "What this assistant does" },
  parse: (args) => args,
  run(ctx) {
    const { lang } = ctx;
    return reply(
      lines(
        bold(t(lang, `Kính chào ${ctx.actor.name}!`, `Hello ${ctx.actor.name}!`)),
        t(
          lang,
          "Trợ lý Hợp nhất hỗ trợ cán bộ, công chức TP.HCM, Bình Dương và Bà Rịa - Vũng Tàu trong quá trình hợp nhất các hệ thống thông tin: thư điện tử công vụ, tổng đài 1022, hội nghị truyền hình, quản lý văn bản, chữ ký số và hạ tầng.",
          "Trợ lý Hợp nhất helps civil servants of HCMC, Bình Dương and Bà Rịa - Vũng Tàu through the merger of their information systems.",
        ),
        t(lang, "Anh/chị có thể gõ câu hỏi, hoặc dùng /lich để xem các mốc thời hạn, /help để xem các lệnh.", "Type a question, or use /deadlines for the deadlines and /help for the commands."),
      ),
    );
  },
});
