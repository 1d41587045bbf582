import { defineCommand, t } from "../src/core/command.js";
import { agencyLabel } from "../src/core/milestones.js";
import { bold, lines, link, reply } from "../src/core/reply.js";

/**
 * /bang (alias /board): a link to the status board, valid 24 hours. Coordinators and admins see every
 * agency, a lead sees their own. The link names the person: what it shows follows their role at each
 * request, so revoking the role revokes the link. On Telegram, in a private chat, a button also opens
 * the board inside Telegram (a Web App).
 */
export default defineCommand({
  name: "bang",
  alias: "board",
  access: "lead",
  description: { vi: "Bảng theo dõi tiến độ trên web (mốc × cơ quan)", en: "Progress board on the web (milestone × agency)" },
  usage: { vi: "/bang", en: "/board" },
  parse: () => undefined,
  run(ctx) {
    const { boardLinks, content } = ctx.services;
    const { lang, actor } = ctx;
    if (!boardLinks) {
      return reply(
        t(
          lang,
          "Bảng theo dõi trên web chưa được bật: cần thiết lập địa chỉ công khai PUBLIC_URL cho máy chủ của trợ lý. Xin vui lòng đề nghị quản trị viên cấu hình. Trong lúc chờ, anh/chị có thể dùng /tinhhinh hoặc /tonghop.",
          "The web board is not enabled: the assistant's server needs its public address (PUBLIC_URL). Please ask the admin to set it. Meanwhile, use /status or /digest.",
        ),
      );
    }
    // The link is personal: in a group everyone could open it, so it is only given in a private chat.
    if (ctx.message.chat.type === "group") {
      return reply(
        t(
          lang,
          "Liên kết bảng theo dõi là của riêng từng người, nên chỉ được gửi trong chat riêng. Xin vui lòng nhắn /bang cho trợ lý trong chat riêng.",
          "The board link is personal, so it is only sent in a private chat. Please send /board to the assistant privately.",
        ),
      );
    }
    const url = boardLinks.boardUrl(actor.userKey, ctx.now);
    const scope =
      actor.role === "lead" && actor.agencyId
        ? t(lang, `tiến độ của ${agencyLabel(content, actor.agencyId)}`, `the progress of ${agencyLabel(content, actor.agencyId)}`)
        : t(lang, "tiến độ của tất cả cơ quan, đơn vị", "the progress of every agency");
    const inTelegram = ctx.message.channel === "telegram" && ctx.message.chat.type === "private" && boardLinks.webAppUrl;
    return reply(
      lines(
        bold(t(lang, "📊 Bảng theo dõi tiến độ", "📊 Progress board")),
        t(lang, `Bảng cho thấy ${scope}: từng mốc × cơ quan, lọc theo địa phương, giai đoạn, tình trạng; tải về Excel và lịch.`, `It shows ${scope}: each milestone × agency, filters by locality, phase and status; Excel and calendar downloads.`),
        [link(t(lang, "Mở bảng theo dõi", "Open the board"), url)],
        t(
          lang,
          "Liên kết có hiệu lực trong 24 giờ và chỉ dành cho anh/chị; xin vui lòng không chuyển tiếp. Gõ /bang để nhận liên kết mới.",
          "The link is valid for 24 hours and only for you; please do not forward it. Type /board for a new one.",
        ),
      ),
      inTelegram ? { webApp: { label: t(lang, "📊 Mở bảng trong Telegram", "📊 Open in Telegram"), url: boardLinks.webAppUrl! } } : {},
    );
  },
});
