import { capabilitiesOf } from "../src/core/channel.js";
import { type CommandContext, defineCommand, t } from "../src/core/command.js";
import type { Agency, Milestone } from "../src/core/content/schema.js";
import { formatDay } from "../src/core/dates.js";
import { UserError } from "../src/core/errors.js";
import { agencyLabel, byDeadline, dueWithCountdown, findAgency, milestoneTitle } from "../src/core/milestones.js";
import { bold, code, italic, LABEL_LIMIT, lines, reply, type Reply, type Rich, shortenLabel } from "../src/core/reply.js";
import { statusButtons, statusLabel, STATUSES } from "../src/core/status/kinds.js";
import { matchMilestones } from "../src/core/status/parse.js";
import { type LatestLookup, loadLatest } from "../src/core/status/aggregate.js";
import { latestStatusText, notReportedText } from "../src/core/status/render.js";

/** At most this many milestones are shown with their own buttons; the rest are listed with a hint to filter. */
const MAX_CARDS = 8;

/**
 * /viec [từ khóa] (alias /tasks): a lead's agency milestones with the latest status, due date and
 * countdown; each open one comes with the four status buttons. A coordinator names the agency
 * (`/viec @sokhcn-brvt email` or `/viec Sở KH&CN Bình Dương`); without one they get an overview.
 */
export default defineCommand({
  name: "viec",
  alias: "tasks",
  access: "lead",
  description: { vi: "Các mốc công việc của đơn vị và trạng thái mới nhất", en: "Your agency's milestones and their latest status" },
  usage: { vi: "/viec [@đơn vị] [từ khóa]", en: "/tasks [@agency] [keyword]" },
  parse(args) {
    const words = args.split(/\s+/).filter((w) => w.length > 0);
    const at = words.find((w) => w.startsWith("@") && w.length > 1);
    return { agencyText: at?.slice(1), rest: words.filter((w) => w !== at).join(" ").slice(0, 100) };
  },
  async run(ctx, { agencyText, rest }) {
    const { content } = ctx.services;
    const { lang, actor } = ctx;
    let agency: Agency | undefined;
    let filter = rest;
    if (agencyText !== undefined) {
      agency = findAgency(content, agencyText);
      if (!agency) throw new UserError(t(lang, `Không tìm thấy đơn vị "${agencyText}". Các mã đơn vị: ${content.agencies.map((a) => a.id).join(", ")}.`, `No agency "${agencyText}". Agency ids: ${content.agencies.map((a) => a.id).join(", ")}.`));
    } else if (actor.role !== "lead" && rest.length > 0 && findAgency(content, rest)) {
      agency = findAgency(content, rest);
      filter = "";
    }
    if (actor.role === "lead") {
      const own = content.agencies.find((a) => a.id === actor.agencyId);
      if (!own) throw new UserError(t(lang, "Tài khoản đầu mối của anh/chị chưa gắn với đơn vị nào. Xin vui lòng liên hệ điều phối viên.", "Your lead account has no agency. Please contact a coordinator."));
      if (agency && agency.id !== own.id) {
        throw new UserError(t(lang, `Anh/chị là đầu mối của ${agencyLabel(content, own.id)}, nên chỉ xem được tiến độ của đơn vị mình.`, `You lead ${agencyLabel(content, own.id)}, so you can only see your own agency's statuses.`));
      }
      agency = own;
    }
    // A number typed next answers this list, not an older reminder: the assistant gives it to whatever asked last.
    // The renderers below are pure: the statuses they show are loaded once, here.
    const latest = await loadLatest(ctx.services.store);
    if (!agency) return overview(ctx, latest);
    return agencyTasks(ctx, agency, filter, latest);
  },
});

function agencyTasks(ctx: CommandContext, agency: Agency, filter: string, latest: LatestLookup): Reply[] {
  const { content } = ctx.services;
  const { lang, today } = ctx;
  const own = content.milestones.filter((m) => m.responsible.includes(agency.id));
  const exact = own.find((m) => m.id === filter);
  const matching = exact ? new Set([exact.id]) : filter ? new Set(matchMilestones(content, filter).map((m) => m.id)) : undefined;
  const chosen = byDeadline(matching ? own.filter((m) => matching.has(m.id)) : own);
  const label = agencyLabel(content, agency.id);
  if (chosen.length === 0) {
    return [
      reply(
        filter
          ? t(lang, `${label} không có mốc công việc nào khớp với "${filter}". Gõ /viec để xem tất cả.`, `${label} has no milestone matching "${filter}". Type /tasks to see them all.`)
          : t(lang, `${label} chưa được giao mốc công việc nào trong kế hoạch.`, `${label} has no milestone in the plan.`),
      ),
    ];
  }
  const latestOf = (m: Milestone) => latest(m.id, agency.id);
  if (!capabilitiesOf(ctx.message).buttons) return textTasks(ctx, agency, chosen, filter, latest);
  const open = chosen.filter((m) => latestOf(m)?.status !== "done");
  const done = chosen.filter((m) => latestOf(m)?.status === "done");
  const cards = open.slice(0, MAX_CARDS);
  const rest = open.slice(MAX_CARDS);
  const row = (m: Milestone): Rich => [`• ${milestoneTitle(m, lang)} (`, code(m.id), `): ${dueWithCountdown(m, today, lang)}, ${latestStatusText(latestOf(m), lang)}`];
  const header = reply(
    lines(
      bold(t(lang, `Việc của ${label}`, `Tasks of ${label}`)),
      t(lang, `${chosen.length} mốc: ${done.length} đã hoàn thành, ${open.length} đang mở.`, `${chosen.length} milestones: ${done.length} done, ${open.length} open.`),
      cards.length > 0 && t(lang, "Bấm một nút dưới mỗi mốc để cập nhật trạng thái.", "Press a button under each milestone to update it."),
      rest.length > 0 && bold(t(lang, `Các mốc đang mở khác (gõ /viec <từ khóa> để cập nhật):`, `Other open milestones (type /tasks <keyword> to update):`)),
      ...rest.map(row),
      done.length > 0 && bold(t(lang, "Đã hoàn thành:", "Done:")),
      ...done.map(row),
    ),
  );
  return [header, ...cards.map((m) => card(ctx, m, agency.id, latest))];
}

/**
 * /viec where nothing can be pressed (terminal, Zalo): one numbered option per milestone, always in
 * deadline order with the done ones too, so a milestone keeps its number however statuses change;
 * a single milestone comes as its card with the four statuses and a way back to the list.
 */
function textTasks(ctx: CommandContext, agency: Agency, chosen: Milestone[], filter: string, latestFor: LatestLookup): Reply[] {
  const { content } = ctx.services;
  const { lang } = ctx;
  if (chosen.length === 1) {
    const only = card(ctx, chosen[0]!, agency.id, latestFor);
    const back = { label: t(lang, "Quay lại danh sách các mốc", "Back to the list of milestones"), payload: `viec @${agency.id}` };
    return [{ ...only, buttons: [...(only.buttons ?? []), [back]] }];
  }
  const label = agencyLabel(content, agency.id);
  const done = chosen.filter((m) => latestFor(m.id, agency.id)?.status === "done").length;
  const options = chosen.map((m) => {
    const latest = latestFor(m.id, agency.id);
    // The deadline and status always fit; the title gives way when the label is too long.
    const status = latest ? statusLabel(latest.status, lang) : `❔ ${notReportedText(lang)}`;
    const tail = ` · ${t(lang, "hạn", "due")} ${formatDay(m.dueParsed.end)} · ${status}`;
    return { label: `${shortenLabel(milestoneTitle(m, lang), LABEL_LIMIT - tail.length)}${tail}`, payload: `viec @${agency.id} ${m.id}` };
  });
  return [
    reply(
      lines(
        bold(t(lang, `Việc của ${label}`, `Tasks of ${label}`)),
        t(lang, `${chosen.length} mốc: ${done} đã hoàn thành, ${chosen.length - done} đang mở.`, `${chosen.length} milestones: ${done} done, ${chosen.length - done} open.`),
        filter ? t(lang, `Lọc theo "${filter}".`, `Filtered by "${filter}".`) : null,
        t(lang, "Chọn một mốc bằng số để xem chi tiết và báo trạng thái.", "Choose a milestone by its number to see it and report its status."),
      ),
      { buttons: options.map((o) => [o]) },
    ),
  ];
}

function card(ctx: CommandContext, m: Milestone, agencyId: string, latestFor: LatestLookup): Reply {
  const { lang, today } = ctx;
  const latest = latestFor(m.id, agencyId);
  return reply(
    lines(
      [bold(milestoneTitle(m, lang)), " (", code(m.id), ")"],
      t(lang, `Hạn: ${dueWithCountdown(m, today, lang)}`, `Due: ${dueWithCountdown(m, today, lang)}`),
      [t(lang, "Trạng thái: ", "Status: "), latest ? bold(latestStatusText(latest, lang)) : italic(latestStatusText(undefined, lang))],
      latest?.note !== undefined && [t(lang, "Ghi chú: ", "Note: "), latest.note],
    ),
    { buttons: statusButtons(m.id, agencyId, lang) },
  );
}

/** For coordinators without an agency: one line per agency with its latest statuses counted. */
function overview(ctx: CommandContext, latestFor: LatestLookup): Reply {
  const { content } = ctx.services;
  const { lang } = ctx;
  const rows: Rich[] = [];
  let example: string | undefined;
  for (const agency of content.agencies) {
    const own = content.milestones.filter((m) => m.responsible.includes(agency.id));
    if (own.length === 0) continue;
    example ??= agency.id;
    const counts = new Map<string, number>();
    let unreported = 0;
    for (const m of own) {
      const latest = latestFor(m.id, agency.id);
      if (latest) counts.set(latest.status, (counts.get(latest.status) ?? 0) + 1);
      else unreported += 1;
    }
    const parts = STATUSES.filter((s) => counts.has(s.kind)).map((s) => `${counts.get(s.kind)} ${statusLabel(s.kind, lang)}`);
    if (unreported > 0) parts.push(`${unreported} ${notReportedText(lang)}`);
    rows.push([`• ${agencyLabel(content, agency.id)} `, code(`@${agency.id}`), `: ${own.length} ${t(lang, "mốc", "milestones")} (${parts.join(", ")})`]);
  }
  return reply(
    lines(
      bold(t(lang, "Tiến độ các đơn vị", "Status by agency")),
      ...rows,
      "",
      t(lang, `Xem chi tiết và cập nhật thay đơn vị: /viec @<mã đơn vị>, ví dụ /viec @${example ?? ""}.`, `Details and updates on behalf of an agency: /tasks @<agency-id>, e.g. /tasks @${example ?? ""}.`),
    ),
  );
}
