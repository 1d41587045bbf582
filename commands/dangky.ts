import { defineCommand, t } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import { redeemInvitation } from "../src/core/people/invitations.js";
import { redemptionReply } from "../src/core/people/messages.js";

/**
 * /dangky <mã> (alias /register): uses an invitation code. In a private chat it registers the person
 * (agency lead or coordinator); in a group it registers the group for the agency's reminders.
 */
export default defineCommand({
  name: "dangky",
  alias: "register",
  access: "everyone",
  description: { vi: "Đăng ký bằng mã mời", en: "Register with an invitation code" },
  usage: { vi: "/dangky <mã mời>", en: "/register <code>" },
  parse(args, ctx) {
    if (args.length === 0) {
      throw new UserError(
        t(
          ctx.lang,
          "Xin vui lòng gõ mã mời sau lệnh, ví dụ: /dangky ABCD2345EFGH. Mã mời do điều phối viên cấp.",
          "Please type the invitation code after the command, e.g. /register ABCD2345EFGH. Coordinators give out the codes.",
        ),
      );
    }
    return args;
  },
  async run(ctx, code) {
    return redemptionReply(ctx, await redeemInvitation(ctx, code));
  },
});
