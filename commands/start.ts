import { defineCommand, t } from "../src/core/command.js";
import { loadTopicDays, topicButtons } from "../src/core/onboarding.js";
import { redeemInvitation } from "../src/core/people/invitations.js";
import { redemptionReply } from "../src/core/people/messages.js";
import { bold, lines, reply } from "../src/core/reply.js";

/**
 * /start (alias /batdau): greets the user and shows the most asked topics as buttons.
 * `/start <code>`, from an invitation's deep link, registers the user like /dangky <code>.
 */
export default defineCommand({
  name: "batdau",
  alias: "start",
  access: "everyone",
  description: { vi: "Giới thiệu trợ lý", en: "What this assistant does" },
  parse: (args) => args,
  async run(ctx, code) {
    if (code.length > 0) return redemptionReply(ctx, await redeemInvitation(ctx, code));
    const { lang } = ctx;
    const topics = topicButtons(ctx.services, await loadTopicDays(ctx.services.store, ctx.today));
    return reply(
      lines(
        bold(t(lang, `Kính chào ${ctx.actor.name}!`, `Hello ${ctx.actor.name}!`)),
        t(
          lang,
          "Trợ lý Hợp nhất hỗ trợ cán bộ, công chức TP.HCM, Bình Dương và Bà Rịa - Vũng Tàu trong quá trình hợp nhất các hệ thống thông tin: thư điện tử công vụ, tổng đài 1022, hội nghị truyền hình, quản lý văn bản, chữ ký số và hạ tầng.",
          "Trợ lý Hợp nhất helps civil servants of HCMC, Bình Dương and Bà Rịa - Vũng Tàu through the merger of their information systems.",
        ),
        t(lang, "Anh/chị có thể gõ câu hỏi, hoặc dùng /lich để xem các mốc thời hạn, /help để xem các lệnh.", "Type a question, or use /deadlines for the deadlines and /help for the commands."),
        topics.length > 0 ? t(lang, "Các câu hỏi thường gặp:", "Frequently asked:") : null,
      ),
      {
        buttons: [
          ...topics.map((b) => [b]),
          [
            { label: t(lang, "Các mốc thời hạn", "Deadlines"), payload: "lich" },
            { label: t(lang, "Các lệnh", "Commands"), payload: "help" },
          ],
        ],
      },
    );
  },
});
