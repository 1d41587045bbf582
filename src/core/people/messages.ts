/**
 * The replies of the people model: an issued invitation, and what a person can do after registering.
 * Shared by /moi, /dangky and /start <code>.
 */
import { capabilitiesOf } from "../channel.js";
import { type CommandContext, t } from "../command.js";
import { formatMoment } from "../dates.js";
import { agencyLabel } from "../milestones.js";
import { bold, code, lines, link, reply, type Reply, type Span } from "../reply.js";
import type { IssuedInvitation, Redemption } from "./invitations.js";
import { commandsGained, roleLabel } from "./roles.js";

/** The reply to /moi: who the invitation is for, the deep link, the code and how long it lasts. */
export function invitationReply(ctx: CommandContext, issued: IssuedInvitation): Reply {
  const { lang, services } = ctx;
  const { invitation, code: secret } = issued;
  const who =
    invitation.kind === "coordinator"
      ? t(lang, "một điều phối viên", "a coordinator")
      : t(lang, `đầu mối của ${agencyLabel(services.content, invitation.agencyId!)}`, `a lead of ${agencyLabel(services.content, invitation.agencyId!)}`);
  const until = formatMoment(new Date(invitation.expiresAt));
  const groupHint =
    invitation.kind === "lead"
      ? t(
          lang,
          "Cũng có thể dùng mã này trong nhóm trò chuyện của cơ quan (/dangky <mã>) để nhóm nhận nhắc việc; người gõ lệnh phải là đầu mối đã đăng ký của cơ quan hoặc điều phối viên.",
          "The code can also be used in the agency's group chat (/register <code>) so the group receives reminders; whoever types it must be a registered lead of the agency or a coordinator.",
        )
      : null;
  return reply(
    lines(
      bold(t(lang, `Đã tạo mã mời cho ${who}.`, `Invitation created for ${who}.`)),
      issued.link ? [t(lang, "Liên kết: ", "Link: "), link(issued.link, issued.link)] : null,
      [t(lang, "Mã mời: ", "Code: "), code(secret)],
      t(lang, `Hiệu lực đến ${until}, chỉ dùng một lần.`, `Valid until ${until}, for one use only.`),
      "",
      // Speak of a link only when there is one; "bấm" only where something can be pressed.
      issued.link
        ? t(
            lang,
            `Xin vui lòng gửi riêng liên kết (hoặc mã) cho người được mời. Người đó ${capabilitiesOf(ctx.message).buttons ? "bấm" : "mở"} liên kết, hoặc gõ /dangky ${secret} trong trò chuyện riêng với trợ lý.`,
            `Please send the link (or the code) privately to the person invited. They open the link, or type /register ${secret} in a private chat with the assistant.`,
          )
        : t(
            lang,
            `Xin vui lòng gửi riêng mã này cho người được mời. Người đó gõ /dangky ${secret} trong trò chuyện riêng với trợ lý (trên Zalo hoặc Telegram).`,
            `Please send this code privately to the person invited. They type /register ${secret} in a private chat with the assistant (on Zalo or Telegram).`,
          ),
      groupHint,
    ),
  );
}

/** The reply after a code was used: the new role, and the commands that came with it. */
export function redemptionReply(ctx: CommandContext, result: Redemption): Reply {
  const { lang, services } = ctx;
  if (result.kind === "group") {
    const name = agencyLabel(services.content, result.agencyId);
    return reply(
      lines(
        bold(t(lang, `Đã đăng ký nhóm này cho ${name}.`, `This group is now registered for ${name}.`)),
        t(
          lang,
          `Nhóm sẽ nhận nhắc việc về các mốc thời hạn của ${name}. Trong nhóm, trợ lý chỉ trả lời khi được gọi lệnh (ví dụ /hoi@tên_bot …), được nhắc tên hoặc được trả lời tin nhắn.`,
          `The group will receive reminders about ${name}'s deadlines. In groups, the assistant only answers commands (e.g. /ask@bot_name …), mentions and replies to its messages.`,
        ),
      ),
    );
  }
  if (result.kind === "admin") {
    return reply(
      lines(
        bold(t(lang, `Chào mừng ${ctx.actor.name}, quản trị viên!`, `Welcome ${ctx.actor.name}, admin!`)),
        t(
          lang,
          "Anh/chị đã được đăng ký là quản trị viên bằng mã khởi tạo. Bước tiếp theo: mời điều phối viên bằng /moi dieuphoi.",
          "You are now an admin, registered with the start-up code. Next step: invite a coordinator with /invite coordinator.",
        ),
        t(lang, "Gõ /toi để xem vai trò của mình, /help để xem tất cả các lệnh.", "Type /me to see your role, /help for all commands."),
      ),
    );
  }
  const role = result.kind === "lead" ? "lead" : "coordinator";
  const gained = commandsGained(services.commands, role).map(
    (c): Span[] => ["• ", bold(`/${lang === "en" ? c.alias : c.name}`), `: ${lang === "en" ? c.description.en : c.description.vi}`],
  );
  const what =
    result.kind === "lead"
      ? t(
          lang,
          `Anh/chị đã được đăng ký là đầu mối của ${agencyLabel(services.content, result.agencyId)}. Trợ lý sẽ gửi nhắc việc về các mốc thời hạn của cơ quan, đơn vị vào trò chuyện này.`,
          `You are now registered as a lead of ${agencyLabel(services.content, result.agencyId)}. The assistant will send reminders about the agency's deadlines to this chat.`,
        )
      : t(
          lang,
          "Anh/chị đã được đăng ký là điều phối viên: anh/chị có thể mời đầu mối của các cơ quan, đơn vị và theo dõi tiến độ chung.",
          "You are now registered as a coordinator: you can invite agency leads and follow the overall progress.",
        );
  return reply(
    lines(
      bold(t(lang, `Chào mừng ${ctx.actor.name}, ${roleLabel(role, lang)}!`, `Welcome ${ctx.actor.name}, ${roleLabel(role, lang)}!`)),
      what,
      gained.length > 0 ? t(lang, "Các lệnh anh/chị có thể dùng thêm:", "Commands you can now use:") : null,
      ...gained,
      t(lang, "Gõ /toi để xem vai trò của mình, /help để xem tất cả các lệnh.", "Type /me to see your role, /help for all commands."),
    ),
  );
}
