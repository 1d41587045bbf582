import { defineCommand, t } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import { agencyLabel, findMilestoneById, milestoneTitle } from "../src/core/milestones.js";
import { deliver } from "../src/core/delivery.js";
import type { ChatKey } from "../src/core/ports.js";
import { bold, lines, reply } from "../src/core/reply.js";
import { statusLabel } from "../src/core/status/kinds.js";
import { cleanNote } from "../src/core/status/parse.js";

/** The longest reply a coordinator may send to a lead. */
const MAX_REPLY_LENGTH = 1000;

/**
 * /traloi <mã cập nhật> <nội dung> (alias /respond): a coordinator answers the lead who reported a
 * status, from the "blocked" alert. The message goes to the person who reported it, or, when a
 * coordinator reported on the agency's behalf, to the agency's leads.
 */
export default defineCommand({
  name: "traloi",
  alias: "respond",
  access: "coordinator",
  description: { vi: "Trả lời đầu mối về một cập nhật tiến độ (từ cảnh báo vướng mắc)", en: "Reply to the lead about a status update (from a blocked alert)" },
  usage: { vi: "/traloi <mã cập nhật> <nội dung>", en: "/respond <update id> <message>" },
  parse(args, ctx) {
    const m = /^(\S+)\s+([\s\S]+)$/.exec(args.trim());
    const text = m ? cleanNote(m[2], ctx.lang, MAX_REPLY_LENGTH) : undefined;
    if (!m || !text) {
      throw new UserError(
        t(ctx.lang, "Xin vui lòng ghi mã cập nhật (trong cảnh báo) và nội dung, ví dụ: /traloi st-1a2b3c4d Chiều nay tôi sẽ gọi anh/chị.", "Please give the update id (from the alert) and the message, e.g. /respond st-1a2b3c4d I will call you this afternoon."),
      );
    }
    return { id: m[1]!, text };
  },
  async run(ctx, { id, text }) {
    const { store, content } = ctx.services;
    const { lang } = ctx;
    const record = await store.statuses.get(id);
    if (!record) throw new UserError(t(lang, `Không tìm thấy cập nhật có mã "${id}". Xin vui lòng kiểm tra lại mã trong cảnh báo.`, `No update with id "${id}". Please check the id in the alert.`));
    const reporter = await store.people.get(record.userKey);
    const targets: ChatKey[] =
      record.role === "lead"
        ? [reporter?.chatKey ?? record.userKey]
        : (await store.people.list({ role: "lead", agencyId: record.agencyId })).map((p) => p.chatKey);
    if (targets.length === 0) {
      throw new UserError(t(lang, `${agencyLabel(content, record.agencyId)} chưa có đầu mối đăng ký, nên chưa gửi được. Xin vui lòng liên hệ trực tiếp.`, `${agencyLabel(content, record.agencyId)} has no registered lead yet. Please contact them directly.`));
    }
    const milestone = findMilestoneById(content, record.milestoneId);
    const body = reply(
      lines(
        bold("💬 Điều phối viên trả lời về cập nhật tiến độ"),
        `Mốc: ${milestone ? milestoneTitle(milestone, "vi") : record.milestoneId} (${statusLabel(record.status)})`,
        `Từ: ${ctx.actor.name} (điều phối viên)`,
        "",
        text,
      ),
    );
    const ref = `reply|${record.id}`;
    const results = await deliver(ctx.services, [...new Set(targets)].map((chatKey) => ({ chatKey, reply: body, ref })), ctx.now.toISOString());
    const ok = results.filter((r) => r.result === "ok").length;
    return reply(
      ok > 0
        ? t(lang, `Đã gửi trả lời tới đầu mối của ${agencyLabel(content, record.agencyId)}.`, `Your reply was sent to the lead of ${agencyLabel(content, record.agencyId)}.`)
        : t(lang, "Chưa gửi được trả lời (đầu mối có thể đã chặn trợ lý). Xin vui lòng liên hệ trực tiếp.", "The reply could not be delivered (the lead may have blocked the assistant). Please contact them directly."),
    );
  },
});
