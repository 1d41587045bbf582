import { defineCommand, t } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import { describeRole, revokePerson } from "../src/core/people/roles.js";
import { bold, lines, reply } from "../src/core/reply.js";

/** /thuhoi <người dùng> (alias /revoke): a coordinator takes away a lead's role; admins may also revoke coordinators. */
export default defineCommand({
  name: "thuhoi",
  alias: "revoke",
  access: "coordinator",
  description: { vi: "Thu hồi quyền của đầu mối", en: "Revoke a lead's role" },
  usage: { vi: "/thuhoi <mã người dùng>", en: "/revoke <user id>" },
  parse(args, ctx) {
    if (args.length === 0) {
      throw new UserError(
        t(ctx.lang, "Xin vui lòng ghi mã người dùng sau lệnh, ví dụ: /thuhoi 123456789. Gõ /toi để xem danh sách.", "Please give the user id, e.g. /revoke 123456789. Type /me to see the list."),
      );
    }
    return args;
  },
  async run(ctx, ref) {
    const person = await revokePerson(ctx, ref);
    return reply(
      lines(
        bold(t(ctx.lang, `Đã thu hồi quyền của ${person.name}.`, `${person.name}'s role was revoked.`)),
        t(ctx.lang, `Vai trò trước đây: ${describeRole(ctx, person)}. Người này không còn nhận nhắc việc.`, `Former role: ${describeRole(ctx, person)}. They no longer receive reminders.`),
      ),
    );
  },
});
