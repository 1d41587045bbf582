import { type CommandContext, t } from "../command.js";
import type { Milestone } from "../content/schema.js";
import { formatMoment, type Lang } from "../dates.js";
import { agencyLabel, dueWithCountdown, milestoneTitle, type StatusDoubt, statusDoubtText } from "../milestones.js";
import type { Role, StatusKind, StatusRecord } from "../ports.js";
import { bold, italic, lines, reply, type Reply } from "../reply.js";
import { statusLabel } from "./kinds.js";
import { MAX_NOTE_LENGTH } from "./parse.js";
import { notReportedWord, roleWord } from "../words.js";

/** The words people use to skip the note prompt (folded). */
export const SKIP_NOTE_WORDS: readonly string[] = ["bo qua", "boqua", "khong", "khong co", "skip", "no", "none"];

/** Who sees a recorded status: said in every confirmation. */
export function visibilityText(lang: Lang): string {
  return t(lang, "điều phối viên và đầu mối của đơn vị", "coordinators and the agency's leads");
}

/** A role as people read it ("đầu mối", "điều phối viên"). */
export function roleName(role: Role, lang: Lang): string {
  return roleWord(role, lang);
}

/** "Nguyễn Văn A (điều phối viên, thay mặt đơn vị)": who recorded it and in what capacity. */
export function reporterText(record: StatusRecord, lang: Lang): string {
  const name = record.userName ?? record.userKey;
  const capacity = record.onBehalfOf
    ? t(lang, `${roleName(record.role, lang)}, thay mặt đơn vị`, `${roleName(record.role, lang)}, on behalf of the agency`)
    : roleName(record.role, lang);
  return `${name} (${capacity})`;
}

/**
 * The confirmation after a status or a note is recorded: milestone, agency, status, note, time,
 * who recorded it, and who will see it. The note is plain text; the channel escapes it.
 */
export function confirmationReply(
  ctx: CommandContext,
  record: StatusRecord,
  milestone: Milestone,
  options: { noteComing: boolean; noteAdded?: boolean; doubt?: StatusDoubt | null; alerted?: AlertOutcome },
): Reply {
  const { lang } = ctx;
  const { content } = ctx.services;
  const noteText =
    record.note ??
    (options.noteComing
      ? t(lang, "chưa có (xin vui lòng gửi ghi chú ngắn ở tin nhắn tiếp theo)", "none yet (please send a short note next)")
      : t(lang, "không có", "none"));
  const title = options.noteAdded
    ? t(lang, "📝 Đã ghi nhận ghi chú", "📝 Note recorded")
    : t(lang, "Đã ghi nhận cập nhật tiến độ", "Status update recorded");
  return reply(
    lines(
      bold(title),
      [t(lang, "Mốc: ", "Milestone: "), bold(milestoneTitle(milestone, lang)), ` (${milestone.id})`],
      t(lang, `Đơn vị: ${agencyLabel(content, record.agencyId)}`, `Agency: ${agencyLabel(content, record.agencyId)}`),
      [t(lang, "Trạng thái: ", "Status: "), bold(statusLabel(record.status, lang))],
      [t(lang, "Ghi chú: ", "Note: "), record.note ? record.note : italic(noteText)],
      t(lang, `Thời gian: ${formatMoment(new Date(record.at))}`, `Time: ${formatMoment(new Date(record.at))}`),
      t(lang, `Người cập nhật: ${reporterText(record, lang)}`, `Recorded by: ${reporterText(record, lang)}`),
      t(lang, `Người xem được: ${visibilityText(lang)}.`, `Visible to: ${visibilityText(lang)}.`),
      options.doubt
        ? t(
            lang,
            `⚠️ Xin lưu ý: ${statusDoubtText(milestone.dueParsed, options.doubt, lang)}. Trạng thái vẫn được ghi nhận, và điều phối viên sẽ thấy mục này trong bản tổng hợp để xem lại. Nếu chưa đúng, xin vui lòng cập nhật: /capnhat ${milestone.id} <trạng thái>.`,
            `⚠️ Please note: ${statusDoubtText(milestone.dueParsed, options.doubt, lang)}. The status is recorded, and coordinators will see it flagged in the digest. If it is wrong, please update it: /update ${milestone.id} <status>.`,
          )
        : null,
      options.alerted?.kind === "nobody"
        ? t(
            lang,
            `⚠️ Chưa báo được cho ai: hiện chưa có điều phối viên hay quản trị viên nào nhận được cảnh báo này. Xin vui lòng liên hệ trực tiếp đơn vị điều phối mốc này, ${agencyLabel(content, milestone.coordinator)}, để được hỗ trợ.`,
            `⚠️ Nobody could be alerted: no coordinator or admin can receive this alert yet. Please contact the milestone's coordinating agency, ${agencyLabel(content, milestone.coordinator)}, directly.`,
          )
        : options.alerted?.kind === "sent"
          ? t(
              lang,
              `Đã gửi cảnh báo ngay cho ${options.alerted.count} ${roleWord(options.alerted.to, lang)}.`,
              `An alert went at once to ${options.alerted.count} ${roleWord(options.alerted.to, lang)}(s).`,
            )
          : null,
    ),
  );
}

/** What became of the "blocked" alert: sent to some people, or to nobody (no coordinator, every chat unreachable). */
export type AlertOutcome = { kind: "sent"; count: number; to: "coordinator" | "admin" } | { kind: "nobody" };

/**
 * The text that replaces the reminder (or /viec entry) whose button was pressed: the recorded
 * status instead of the buttons, so they are not pressed twice by mistake.
 */
export function recordedBannerReply(ctx: CommandContext, record: StatusRecord, milestone: Milestone): Reply {
  const { lang, today } = ctx;
  return reply(
    lines(
      bold(milestoneTitle(milestone, lang)),
      t(lang, `Đơn vị: ${agencyLabel(ctx.services.content, record.agencyId)}`, `Agency: ${agencyLabel(ctx.services.content, record.agencyId)}`),
      t(lang, `Hạn: ${dueWithCountdown(milestone, today, lang)}`, `Due: ${dueWithCountdown(milestone, today, lang)}`),
      [
        t(lang, "Đã ghi nhận: ", "Recorded: "),
        bold(statusLabel(record.status, lang)),
        ` (${formatMoment(new Date(record.at))}, ${record.userName ?? record.userKey})`,
      ],
      italic(t(lang, `Muốn đổi trạng thái: /capnhat ${milestone.id} <trạng thái> hoặc /viec`, `To change it: /update ${milestone.id} <status> or /tasks`)),
    ),
    { editOriginal: true },
  );
}

/** The force-reply prompt asking for a short note after "at risk" or "blocked". */
export function notePromptReply(lang: Lang, status: StatusKind): Reply {
  const why =
    status === "blocked"
      ? t(lang, "Anh/chị đang gặp vướng mắc gì? Điều phối viên sẽ đọc ghi chú này để hỗ trợ.", "What is blocking you? Coordinators will read this note to help.")
      : t(lang, "Điều gì có thể làm chậm tiến độ?", "What could delay it?");
  return reply(
    lines(
      why,
      t(
        lang,
        `Xin vui lòng trả lời tin này bằng một ghi chú ngắn (tối đa ${MAX_NOTE_LENGTH} ký tự) trong vòng 24 giờ, hoặc gõ "bỏ qua" nếu không có ghi chú.`,
        `Please reply to this message with a short note (at most ${MAX_NOTE_LENGTH} characters) within 24 hours, or type "skip".`,
      ),
    ),
    { forceReply: { placeholder: t(lang, "Ghi chú ngắn về tình hình…", "A short note…") } },
  );
}

/** "chưa báo cáo": the one word for a milestone nobody reported on, everywhere (/viec, the digest, reminders). */
export function notReportedText(lang: Lang): string {
  return notReportedWord(lang);
}

/** One line of a milestone's latest status for an agency, for /viec: "✅ Đã hoàn thành (08:30 05/05/2025)". */
export function latestStatusText(record: { status: StatusKind; at: string } | undefined, lang: Lang): string {
  if (!record) return notReportedText(lang);
  return `${statusLabel(record.status, lang)} (${formatMoment(new Date(record.at))})`;
}
