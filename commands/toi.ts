import { canRun, defineCommand, t } from "../src/core/command.js";
import { agencyLabel } from "../src/core/milestones.js";
import { describeRole, personRef } from "../src/core/people/roles.js";
import type { Person } from "../src/core/ports.js";
import { bold, code, lines, reply, type Rich } from "../src/core/reply.js";

/**
 * /toi (alias /me): the person's role and agency. Coordinators also see the registered leads
 * per agency and the agency groups, with the ids /thuhoi takes; admins also see the coordinators.
 */
export default defineCommand({
  name: "toi",
  alias: "me",
  access: "everyone",
  description: { vi: "Vai trò và cơ quan của tôi", en: "My role and agency" },
  parse: () => undefined,
  async run(ctx) {
    const { lang, actor, services } = ctx;
    const { store, content } = services;
    // People do not know their own Zalo id: show it, so an operator can put it in ADMIN_IDS.
    const head: Rich = lines(
      [t(lang, "Vai trò của anh/chị: ", "Your role: "), bold(describeRole(ctx, actor))],
      [t(lang, "Mã người dùng của anh/chị: ", "Your user id: "), code(actor.userKey)],
    );
    if (actor.role === "member") {
      return reply(
        lines(
          head,
          t(
            lang,
            "Anh/chị có thể hỏi về kế hoạch hợp nhất và xem các mốc thời hạn. Đầu mối của cơ quan, đơn vị được điều phối viên mời bằng mã; khi có mã, gõ /dangky <mã>.",
            "You can ask about the merger plan and see the deadlines. Agency leads are invited by a coordinator with a code; once you have one, type /register <code>.",
          ),
        ),
      );
    }
    if (!canRun(actor.role, "coordinator")) {
      const groups = (await store.chats.list({ agencyId: actor.agencyId, active: true })).filter((c) => c.type === "group");
      return reply(
        lines(
          head,
          groups.length > 0
            ? t(lang, `Nhóm nhận nhắc việc: ${groups.map((g) => g.title ?? g.chatKey).join(", ")}.`, `Groups receiving reminders: ${groups.map((g) => g.title ?? g.chatKey).join(", ")}.`)
            : t(lang, "Chưa có nhóm nào của cơ quan đăng ký nhận nhắc việc.", "No group of the agency is registered for reminders yet."),
          t(lang, "Gõ /help để xem các lệnh anh/chị có thể dùng.", "Type /help to see the commands you can use."),
        ),
      );
    }
    const channel = ctx.message.channel;
    const who = (p: Person): Rich => ["  • ", p.name, " (", code(personRef(p.userKey, channel)), ")"];
    // Loaded once and grouped here, rather than two reads per agency.
    const [allLeads, activeChats, coordinators] = await Promise.all([
      store.people.list({ role: "lead" }),
      store.chats.list({ active: true }),
      actor.isAdmin ? store.people.list({ role: "coordinator" }) : Promise.resolve([]),
    ]);
    const agencyRows: Rich[] = content.agencies.map((a) => {
      const leads = allLeads.filter((p) => p.agencyId === a.id);
      const groups = activeChats.filter((c) => c.agencyId === a.id && c.type === "group");
      const groupNote = groups.length > 0 ? t(lang, `, ${groups.length} nhóm`, `, ${groups.length} group(s)`) : "";
      const title: Rich = [bold(agencyLabel(content, a.id)), `: ${leads.length} ${t(lang, "đầu mối", "lead(s)")}${groupNote}`];
      return lines(title, ...leads.map(who));
    });
    return reply(
      lines(
        head,
        "",
        bold(t(lang, "Đầu mối theo cơ quan, đơn vị:", "Leads per agency:")),
        ...agencyRows,
        actor.isAdmin ? "" : null,
        actor.isAdmin ? bold(t(lang, `Điều phối viên: ${coordinators.length}`, `Coordinators: ${coordinators.length}`)) : null,
        ...coordinators.map(who),
        "",
        t(lang, "Thu hồi quyền: /thuhoi <mã người dùng>. Mời đầu mối: /moi <cơ quan>.", "Revoke a role: /revoke <user id>. Invite a lead: /invite <agency>."),
      ),
    );
  },
});
