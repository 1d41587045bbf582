import { type CommandContext, defineCommand, t } from "../src/core/command.js";
import type { Milestone } from "../src/core/content/schema.js";
import type { Lang } from "../src/core/dates.js";
import { UserError } from "../src/core/errors.js";
import { agencyLabel, findAgency, milestoneTitle } from "../src/core/milestones.js";
import { deliverReminder, type ReminderOutcome } from "../src/core/reminders/deliver.js";
import { bold, lines, reply, type Rich } from "../src/core/reply.js";
import { matchMilestones } from "../src/core/status/parse.js";
import { statusLabel } from "../src/core/status/kinds.js";

/** What /nhac is asked to remind: a milestone, and one agency or all the responsible ones. */
interface NhacArgs {
  milestone: Milestone;
  agencyIds: string[];
  /** Whether the coordinator named the agency (then it is reminded whatever its status). */
  named: boolean;
}

/**
 * /nhac <mốc> [đơn vị] (alias /remind): a coordinator sends a reminder now, to one responsible agency
 * or to all of them (those that reported "done" are left out). It is recorded like ladder reminders,
 * with kind "manual" and a key of its own, so the ladder goes on unchanged.
 */
export default defineCommand({
  name: "nhac",
  alias: "remind",
  access: "coordinator",
  description: { vi: "Gửi nhắc hạn ngay cho đơn vị thực hiện", en: "Send a deadline reminder now" },
  usage: { vi: "/nhac <mốc> [đơn vị]", en: "/remind <milestone> [agency]" },
  parse: (args, ctx) => readArgs(args, ctx),
  async run(ctx, args) {
    const { lang } = ctx;
    const { content, store } = ctx.services;
    const m = args.milestone;
    const rows: Rich[] = [];
    for (const agencyId of args.agencyIds) {
      const name = agencyLabel(content, agencyId);
      const latest = await store.statuses.latestFor(m.id, agencyId);
      if (!args.named && latest?.status === "done") {
        rows.push([`• ${name}: `, t(lang, "đã báo hoàn thành, không nhắc.", "reported done, not reminded.")]);
        continue;
      }
      const outcome = await sendManual(ctx, m, agencyId);
      const statusNote = latest ? ` (${t(lang, "tình trạng gần nhất", "latest status")}: ${statusLabel(latest.status, lang)})` : "";
      rows.push([`• ${name}: `, outcomeText(outcome, lang), statusNote]);
    }
    return reply(
      lines(
        [bold(t(lang, `Nhắc hạn: ${milestoneTitle(m, lang)}`, `Reminder: ${milestoneTitle(m, lang)}`))],
        ...rows,
        t(lang, "Lời nhắc này không thay đổi lịch nhắc tự động.", "This reminder does not change the automatic schedule."),
      ),
    );
  },
});

/** Sends one manual reminder with a key of its own (`…|manual:<n>@<time>`). */
async function sendManual(ctx: CommandContext, m: Milestone, agencyId: string): Promise<ReminderOutcome> {
  const { store } = ctx.services;
  // A starting step only: each key below is claimed, and a taken one moves on to the next step.
  const earlier = (await store.reminders.list()).filter((r) => r.kind === "manual" && r.milestoneId === m.id && r.agencyId === agencyId).length;
  // Two coordinators in the same millisecond would share a key: take the next step instead.
  for (let step = earlier + 1; step < earlier + 10; step++) {
    const outcome = await deliverReminder(ctx.services, {
      key: `${m.id}|${agencyId}|manual:${step}@${ctx.now.toISOString()}`,
      milestone: m,
      agencyId,
      kind: "manual",
      step,
      plannedFor: ctx.today,
      today: ctx.today,
      now: ctx.now,
      sentBy: ctx.actor.userKey,
    });
    if (outcome.claimed) return outcome;
  }
  throw new Error(`nhac: could not record a manual reminder for ${m.id}|${agencyId}; the reminder store refused every key`);
}

function outcomeText(outcome: ReminderOutcome, lang: Lang): string {
  if (outcome.recipients.length === 0) {
    return t(
      lang,
      "chưa có đầu mối hoặc nhóm nào đăng ký nhận nhắc hạn, nên chưa gửi được. Xin vui lòng mời đầu mối bằng /moi.",
      "no lead or group is registered for reminders, so nothing was sent. Please invite a lead with /invite.",
    );
  }
  const ok = outcome.results.filter((r) => r.result === "ok").length;
  const bad = outcome.results.length - ok;
  const sent = t(lang, `đã gửi tới ${ok}/${outcome.results.length} nơi nhận`, `sent to ${ok} of ${outcome.results.length} recipients`);
  return bad > 0 ? `${sent}${t(lang, ` (${bad} nơi không nhận được: đã chặn trợ lý hoặc lỗi gửi)`, ` (${bad} failed: blocked or delivery error)`)}.` : `${sent}.`;
}

/**
 * Reads "<mốc> [đơn vị]": the agency may be written `@id`, or as the words after the milestone
 * ("email-lists binh duong"). The milestone is an id or loose words, as in /capnhat.
 */
function readArgs(args: string, ctx: CommandContext): NhacArgs {
  const { content } = ctx.services;
  const { lang } = ctx;
  const usage = t(
    lang,
    "Cách dùng: /nhac <mốc> [đơn vị], ví dụ: /nhac email-lists hoặc /nhac email-lists @sokhcn-brvt. Xem mã mốc bằng /lich.",
    "Usage: /remind <milestone> [agency], e.g. /remind email-lists or /remind email-lists @sokhcn-brvt. See milestone ids with /deadlines.",
  );
  const tokens = args.split(/\s+/).filter(Boolean);
  if (tokens.length === 0) throw new UserError(usage);

  const at = tokens.findIndex((w) => w.startsWith("@"));
  const splits: { milestoneText: string; agencyText?: string }[] =
    at >= 0
      ? [{ milestoneText: [...tokens.slice(0, at), ...tokens.slice(at + 1)].join(" "), agencyText: tokens[at]!.slice(1) }]
      : tokens.map((_, i) => ({ milestoneText: tokens.slice(0, i + 1).join(" "), agencyText: tokens.slice(i + 1).join(" ") || undefined }));

  let candidates: Milestone[] = [];
  for (const s of splits) {
    if (s.milestoneText.length === 0) continue;
    const agency = s.agencyText === undefined ? undefined : findAgency(content, s.agencyText);
    if (s.agencyText !== undefined && !agency) {
      if (at >= 0) throw new UserError(t(lang, `Không tìm thấy đơn vị "${s.agencyText}". ${usage}`, `No agency "${s.agencyText}". ${usage}`));
      continue;
    }
    const matches = matchMilestones(content, s.milestoneText);
    const fitting = agency ? matches.filter((m) => m.responsible.includes(agency.id)) : matches;
    if (fitting.length === 1) {
      const milestone = fitting[0]!;
      if (agency) return { milestone, agencyIds: [agency.id], named: true };
      return { milestone, agencyIds: [...milestone.responsible], named: false };
    }
    if (matches.length > 0 && agency && fitting.length === 0) {
      throw new UserError(
        t(
          lang,
          `${agencyLabel(content, agency.id)} không phải là đơn vị thực hiện mốc "${s.milestoneText}". Các đơn vị thực hiện: ${matches[0]!.responsible.join(", ")}.`,
          `${agencyLabel(content, agency.id)} is not responsible for "${s.milestoneText}". Responsible: ${matches[0]!.responsible.join(", ")}.`,
        ),
      );
    }
    if (fitting.length > 1 && candidates.length === 0) candidates = fitting;
  }
  if (candidates.length > 1) {
    throw new UserError(
      [
        t(lang, `Có ${candidates.length} mốc khớp với "${args}". Xin vui lòng ghi rõ mã mốc:`, `${candidates.length} milestones match "${args}". Please give the id:`),
        ...candidates.slice(0, 8).map((m) => `• ${m.id}: ${milestoneTitle(m, lang)}`),
      ].join("\n"),
    );
  }
  throw new UserError(t(lang, `Không tìm thấy mốc công việc nào khớp với "${args}". ${usage}`, `No milestone matches "${args}". ${usage}`));
}
