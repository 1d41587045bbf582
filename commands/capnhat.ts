import { type CommandContext, defineCommand, t } from "../src/core/command.js";
import type { Agency, Milestone } from "../src/core/content/schema.js";
import { UserError } from "../src/core/errors.js";
import { agencyLabel, findAgency, milestoneTitle } from "../src/core/milestones.js";
import { AmbiguousMilestoneError, cleanNote, readUpdate, resolveMilestone, type UpdateReading, updateUsage } from "../src/core/status/parse.js";
import { type Button, type Reply, reply } from "../src/core/reply.js";
import { pendingReminderFor, recordAndConfirm } from "../src/core/status/record.js";

/**
 * /capnhat <mốc> <trạng thái> [ghi chú] (alias /update): records a status by text, for channels
 * without buttons and for people who type. A coordinator names the agency with `@<đơn vị>`
 * (anywhere before the note) or a `<đơn vị>:` prefix, and is recorded as acting on its behalf.
 */
export default defineCommand({
  name: "capnhat",
  alias: "update",
  access: "lead",
  description: { vi: "Cập nhật tiến độ một mốc công việc của đơn vị", en: "Update your agency's status for a milestone" },
  usage: { vi: "/capnhat <mốc> <trạng thái> [@đơn vị] [ghi chú]", en: "/update <milestone> <status> [@agency] [note]" },
  parse(args, ctx) {
    if (args.trim().length === 0) throw new UserError(updateUsage(ctx.lang));
    return readUpdate(args, ctx.lang);
  },
  async run(ctx, readings) {
    let firstError: unknown;
    for (const reading of readings) {
      let target: { milestone: Milestone; agencyId: string };
      try {
        const agency = agencyOf(ctx, reading);
        if (agency === null) continue;
        target = resolveTarget(ctx, reading, agency);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        // "/capnhat email xong" matches several milestones: offer them as a choice rather than an error.
        if (error instanceof AmbiguousMilestoneError) return choiceReply(ctx, error, reading);
        firstError ??= error;
        continue;
      }
      const note = cleanNote(reading.note, ctx.lang);
      const reminderKey = await pendingReminderFor(ctx, target.milestone.id, target.agencyId);
      return recordAndConfirm(
        ctx,
        { milestoneId: target.milestone.id, agencyId: target.agencyId, status: reading.status, note, reminderKey },
        { editOriginal: false },
      );
    }
    throw firstError ?? new UserError(updateUsage(ctx.lang));
  },
});

/** The agency the reading names: undefined when none is named, null when a "<x>:" prefix turned out not to be an agency. */
function agencyOf(ctx: CommandContext, reading: UpdateReading): Agency | undefined | null {
  if (reading.agencyText === undefined) return undefined;
  const agency = findAgency(ctx.services.content, reading.agencyText);
  if (agency) return agency;
  if (reading.agencyFromPrefix) return null;
  throw new UserError(
    t(
      ctx.lang,
      `Không tìm thấy đơn vị "${reading.agencyText}". Các mã đơn vị: ${ctx.services.content.agencies.map((a) => a.id).join(", ")}.`,
      `No agency "${reading.agencyText}". Agency ids: ${ctx.services.content.agencies.map((a) => a.id).join(", ")}.`,
    ),
  );
}

/**
 * Which milestone and agency an update is for. A lead updates their own agency; a coordinator must
 * name one unless the milestone has a single responsible agency.
 */
function resolveTarget(ctx: CommandContext, reading: UpdateReading, agency: Agency | undefined): { milestone: Milestone; agencyId: string } {
  const { content } = ctx.services;
  const { lang, actor } = ctx;
  if (actor.role === "lead") {
    if (!actor.agencyId) throw new UserError(t(lang, "Tài khoản đầu mối của anh/chị chưa gắn với đơn vị nào. Xin vui lòng liên hệ điều phối viên.", "Your lead account has no agency. Please contact a coordinator."));
    // A lead naming another agency is refused (and logged) by the status rules.
    const agencyId = agency?.id ?? actor.agencyId;
    return { milestone: resolveMilestone(content, reading.milestoneText, agencyId, lang), agencyId };
  }
  if (agency) return { milestone: resolveMilestone(content, reading.milestoneText, agency.id, lang), agencyId: agency.id };
  const milestone = resolveMilestone(content, reading.milestoneText, undefined, lang);
  if (milestone.responsible.length === 1) return { milestone, agencyId: milestone.responsible[0]! };
  throw new UserError(
    [
      t(
        lang,
        `Mốc "${milestone.id}" có ${milestone.responsible.length} đơn vị thực hiện. Điều phối viên xin vui lòng ghi rõ đơn vị bằng @mã đơn vị:`,
        `"${milestone.id}" has ${milestone.responsible.length} responsible agencies. Please name one with @agency-id:`,
      ),
      ...milestone.responsible.map((id) => `• @${id}: ${agencyLabel(content, id)}`),
      t(lang, `Ví dụ: /capnhat ${milestone.id} xong @${milestone.responsible[0]}`, `For example: /update ${milestone.id} done @${milestone.responsible[0]}`),
    ].join("\n"),
  );
}

/** The digit each status is typed as: short, and the same in both languages. */
const STATUS_DIGIT: Record<UpdateReading["status"], string> = { done: "1", "on-track": "2", "at-risk": "3", blocked: "4" };
/** Button payloads are limited to 64 bytes (Telegram's callback data). */
const MAX_PAYLOAD_BYTES = 64;

/**
 * The matching milestones as options, each the full `/capnhat <id> <status> [@agency] [note]` line (the note is
 * kept when it fits in a button payload). Channels without buttons show them as a numbered choice.
 */
function choiceReply(ctx: CommandContext, error: AmbiguousMilestoneError, reading: UpdateReading): Reply {
  const agency = reading.agencyText ? ` @${reading.agencyText.replace(/\s+/g, "")}` : "";
  const buttons: Button[][] = error.candidates.flatMap((m) => {
    const base = `capnhat ${m.id} ${STATUS_DIGIT[reading.status]}${agency}`;
    const withNote = reading.note ? `${base} ${reading.note}` : base;
    const payload = new TextEncoder().encode(withNote).length <= MAX_PAYLOAD_BYTES ? withNote : base;
    if (new TextEncoder().encode(payload).length > MAX_PAYLOAD_BYTES) return [];
    return [[{ label: `${m.id}: ${milestoneTitle(m, ctx.lang)}`, payload }]];
  });
  const head = t(
    ctx.lang,
    `Có ${error.candidates.length} mốc khớp với "${reading.milestoneText}". Anh/chị muốn cập nhật mốc nào?`,
    `${error.candidates.length} milestones match "${reading.milestoneText}". Which one do you want to update?`,
  );
  return reply(head, { buttons });
}
