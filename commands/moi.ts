import { defineCommand, t } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import { fold } from "../src/core/fold.js";
import { findAgency } from "../src/core/milestones.js";
import { type InvitationTarget, issueInvitation } from "../src/core/people/invitations.js";
import { invitationReply } from "../src/core/people/messages.js";

/** Words that mean "invite a coordinator" rather than an agency lead. */
const COORDINATOR_WORDS = new Set(["dieuphoi", "dieu phoi", "dieu phoi vien", "coordinator"]);

/**
 * /moi <cơ quan> (alias /invite): a coordinator creates a one-time invitation for an agency lead;
 * `/moi dieuphoi` (admins only) invites a coordinator. Shows the deep link and the code.
 */
export default defineCommand({
  name: "moi",
  alias: "invite",
  access: "coordinator",
  description: { vi: "Mời đầu mối của cơ quan, đơn vị (mã dùng một lần)", en: "Invite an agency lead (one-time code)" },
  usage: { vi: "/moi <cơ quan> hoặc /moi dieuphoi", en: "/invite <agency> or /invite coordinator" },
  parse(args, ctx): InvitationTarget {
    const { lang, services } = ctx;
    const known = services.content.agencies.map((a) => `${a.id} (${a.shortNames[0]})`).join(", ");
    if (args.length === 0) {
      throw new UserError(
        t(
          lang,
          `Xin vui lòng ghi cơ quan, đơn vị sau lệnh, ví dụ: /moi sokhcn-binhduong. Các cơ quan: ${known}. Để mời điều phối viên: /moi dieuphoi.`,
          `Please name the agency after the command, e.g. /invite sokhcn-binhduong. Agencies: ${known}. To invite a coordinator: /invite coordinator.`,
        ),
      );
    }
    if (COORDINATOR_WORDS.has(fold(args))) return { kind: "coordinator" };
    const agency = findAgency(services.content, args);
    if (!agency) {
      throw new UserError(t(lang, `Không tìm thấy cơ quan "${args}". Các cơ quan: ${known}.`, `No agency "${args}" was found. Agencies: ${known}.`));
    }
    return { kind: "lead", agencyId: agency.id };
  },
  async run(ctx, target) {
    if (ctx.message.chat.type !== "private") {
      // A code shown in a group could be used by anyone in it.
      throw new UserError(
        t(
          ctx.lang,
          "Để giữ kín mã mời, xin vui lòng dùng lệnh /moi trong trò chuyện riêng với trợ lý.",
          "To keep invitation codes secret, please use /invite in a private chat with the assistant.",
        ),
      );
    }
    return invitationReply(ctx, await issueInvitation(ctx, target));
  },
});
