import { randomBytes } from "node:crypto";
import { type Actor, type CommandContext, t } from "../command.js";
import type { Agency, Content, Milestone } from "../content/schema.js";
import type { Lang } from "../dates.js";
import { UserError } from "../errors.js";
import { agencyLabel, findMilestoneById, statusDoubt } from "../milestones.js";
import type { StatusKind, StatusRecord } from "../ports.js";
import type { Reply } from "../reply.js";
import { sendBlockedAlert } from "./alert.js";
import { cleanNote } from "./parse.js";
import { confirmationReply, notePromptReply, recordedBannerReply } from "./render.js";

/** How long a lead has to type the note after "at risk" or "blocked". */
export const NOTE_PROMPT_TTL_MS = 24 * 60 * 60 * 1000;

/** Why a status update was refused, for the logs. */
export type RefusalReason = "malformed" | "unknown-milestone" | "unknown-agency" | "not-responsible" | "not-allowed";

/** A refused status update: a {@link UserError} whose message is safe to show, with a reason for the logs. */
export class StatusRefusal extends UserError {
  constructor(
    message: string,
    readonly reason: RefusalReason,
  ) {
    super(message);
  }
}

/** What may be recorded, once checked against the content and the actor's role. */
export interface Authorized {
  milestone: Milestone;
  agency: Agency;
  /** Set when a coordinator or admin records for the agency. */
  onBehalfOf?: string;
}

/**
 * The rules of who may record a status: a lead of that agency, or a coordinator or admin acting on
 * behalf of it; and only for a milestone that lists the agency as responsible.
 * Throws a {@link StatusRefusal} otherwise.
 */
export function authorize(content: Content, actor: Actor, milestoneId: string, agencyId: string, lang: Lang): Authorized {
  const milestone = findMilestoneById(content, milestoneId);
  if (!milestone) {
    throw new StatusRefusal(
      t(
        lang,
        "Không tìm thấy mốc công việc này trong kế hoạch (lựa chọn đã cũ hoặc không hợp lệ). Xin vui lòng dùng /viec để xem các mốc hiện tại.",
        "This milestone is not in the plan (the choice is stale or invalid). Please use /tasks to see the current milestones.",
      ),
      "unknown-milestone",
    );
  }
  const agency = content.agencies.find((a) => a.id === agencyId);
  if (!agency) {
    throw new StatusRefusal(
      t(
        lang,
        "Không tìm thấy cơ quan, đơn vị này trong danh sách (lựa chọn đã cũ hoặc không hợp lệ). Xin vui lòng dùng /viec để cập nhật.",
        "This agency is not known (the choice is stale or invalid). Please use /tasks to update.",
      ),
      "unknown-agency",
    );
  }
  if (!milestone.responsible.includes(agency.id)) {
    throw new StatusRefusal(
      t(
        lang,
        `${agencyLabel(content, agency.id)} không phải là đơn vị thực hiện mốc "${milestone.title}" theo kế hoạch, nên không thể ghi nhận tiến độ cho mốc này.`,
        `${agencyLabel(content, agency.id)} is not responsible for "${milestone.title}" in the plan, so no status can be recorded for it.`,
      ),
      "not-responsible",
    );
  }
  if (actor.role === "coordinator" || actor.role === "admin") return { milestone, agency, onBehalfOf: agency.id };
  if (actor.role === "lead" && actor.agencyId === agency.id) return { milestone, agency };
  throw new StatusRefusal(
    actor.role === "lead"
      ? t(
          lang,
          `Xin lỗi, anh/chị là đầu mối của ${agencyLabel(content, actor.agencyId ?? "")}, nên chỉ cập nhật được tiến độ của đơn vị mình, không cập nhật thay ${agencyLabel(content, agency.id)}.`,
          `Sorry, you are the lead of ${agencyLabel(content, actor.agencyId ?? "")}, so you can only update your own agency, not ${agencyLabel(content, agency.id)}.`,
        )
      : t(
          lang,
          `Xin lỗi, chỉ đầu mối của ${agencyLabel(content, agency.id)} hoặc điều phối viên mới được cập nhật tiến độ của đơn vị. Nếu anh/chị là đầu mối, vui lòng liên hệ điều phối viên để được mời.`,
          `Sorry, only the lead of ${agencyLabel(content, agency.id)} or a coordinator may update its status. If you are the lead, please ask a coordinator for an invitation.`,
        ),
    "not-allowed",
  );
}

/** Logs a refused update with who tried what, then rethrows it for the person to see. */
export function logRefusal(ctx: CommandContext, error: unknown, attempt: Record<string, unknown>): never {
  if (error instanceof StatusRefusal) {
    ctx.services.log.warn(
      { event: "status-refused", reason: error.reason, userKey: ctx.actor.userKey, role: ctx.actor.role, chatKey: ctx.actor.chatKey, ...attempt },
      "status: update refused",
    );
  }
  throw error;
}

/** A new, short, unique record id such as `st-9f3a1c7b`. */
async function newRecordId(ctx: CommandContext): Promise<string> {
  for (;;) {
    const id = `st-${randomBytes(4).toString("hex")}`;
    if (!(await ctx.services.store.statuses.get(id))) return id;
  }
}

/** A status to record. */
export interface StatusInput {
  milestoneId: string;
  agencyId: string;
  status: StatusKind;
  note?: string;
  /** The reminder the status answers, when known. */
  reminderKey?: string;
}

/**
 * Checks the rules and appends the status record. Resolves only once the record is on disk,
 * so the caller acknowledges nothing that could still be lost. Refusals are logged and rethrown.
 */
export async function recordStatus(ctx: CommandContext, input: StatusInput): Promise<{ record: StatusRecord; auth: Authorized }> {
  let auth: Authorized;
  try {
    auth = authorize(ctx.services.content, ctx.actor, input.milestoneId, input.agencyId, ctx.lang);
  } catch (error) {
    logRefusal(ctx, error, { milestoneId: input.milestoneId, agencyId: input.agencyId, status: input.status });
  }
  const record: StatusRecord = {
    id: await newRecordId(ctx),
    kind: "status",
    milestoneId: auth.milestone.id,
    agencyId: auth.agency.id,
    status: input.status,
    ...(input.note !== undefined && { note: input.note }),
    ...attribution(ctx, auth.onBehalfOf),
    ...(input.reminderKey !== undefined && { reminderKey: input.reminderKey }),
  };
  await ctx.services.store.statuses.append(record);
  ctx.services.log.info(
    { event: "status-recorded", id: record.id, milestoneId: record.milestoneId, agencyId: record.agencyId, status: record.status, userKey: record.userKey, onBehalfOf: record.onBehalfOf },
    "status: recorded",
  );
  await clearAnsweredReminder(ctx, record.milestoneId, record.agencyId);
  return { record, auth };
}

/** Who recorded something, in which role and channel, when, and on whose behalf. */
function attribution(ctx: CommandContext, onBehalfOf: string | undefined): Pick<StatusRecord, "userKey" | "userName" | "role" | "onBehalfOf" | "channel" | "at"> {
  return {
    userKey: ctx.actor.userKey,
    userName: ctx.actor.name,
    role: ctx.actor.role,
    ...(onBehalfOf !== undefined && { onBehalfOf }),
    channel: ctx.message.channel,
    at: ctx.now.toISOString(),
  };
}

/**
 * The pending reminder prompt of this chat for a milestone and agency, if any: a status given
 * any other way answers the reminder too, so a later bare "1".."4" is not applied twice.
 */
export async function pendingReminderFor(ctx: CommandContext, milestoneId: string, agencyId: string): Promise<string | undefined> {
  const prompt = await ctx.services.store.prompts.find(ctx.actor.chatKey, ctx.actor.userKey, ctx.now.toISOString(), "reminder");
  return prompt && prompt.ref.startsWith(`${milestoneId}|${agencyId}|`) ? prompt.ref : undefined;
}

async function clearAnsweredReminder(ctx: CommandContext, milestoneId: string, agencyId: string): Promise<void> {
  const ref = await pendingReminderFor(ctx, milestoneId, agencyId);
  if (ref) await ctx.services.store.prompts.clear(ctx.actor.chatKey, ref);
}

/**
 * Records a status and builds everything that follows: the edited reminder (for a button press),
 * the confirmation, and for "at risk"/"blocked" without a note, the note prompt (kept 24 hours).
 * A "blocked" status alerts the coordinators at once.
 */
export async function recordAndConfirm(ctx: CommandContext, input: StatusInput, options: { editOriginal: boolean }): Promise<Reply[]> {
  const { record, auth } = await recordStatus(ctx, input);
  const replies: Reply[] = [];
  if (options.editOriginal) replies.push(recordedBannerReply(ctx, record, auth.milestone));
  const wantsNote = (record.status === "at-risk" || record.status === "blocked") && record.note === undefined;
  // The alert goes first, so the confirmation can say whether anyone was reached.
  const alerted = record.status === "blocked" ? await sendBlockedAlert(ctx, record, auth.milestone, "new") : undefined;
  const doubt = statusDoubt(auth.milestone, record.status, ctx.today);
  if (doubt) {
    ctx.services.log.info({ event: "status-doubtful", id: record.id, milestoneId: record.milestoneId, doubt: doubt.kind }, "status: recorded, but it contradicts the plan's dates");
  }
  replies.push(confirmationReply(ctx, record, auth.milestone, { noteComing: wantsNote, doubt, alerted }));
  if (wantsNote) {
    const createdAt = ctx.now.toISOString();
    await ctx.services.store.prompts.set({
      kind: "note",
      ref: record.id,
      chatKey: ctx.actor.chatKey,
      userKey: ctx.actor.userKey,
      createdAt,
      expiresAt: new Date(ctx.now.getTime() + NOTE_PROMPT_TTL_MS).toISOString(),
    });
    replies.push(notePromptReply(ctx.lang, record.status));
  }
  return replies;
}

/**
 * Attaches a note to an earlier status as a new `note` record (nothing is rewritten),
 * confirms it, and for a "blocked" status sends the note to the coordinators.
 */
export async function addNote(ctx: CommandContext, statusRecordId: string, rawNote: string): Promise<Reply[]> {
  const { store, content } = ctx.services;
  const status = await store.statuses.get(statusRecordId);
  if (!status || status.kind !== "status") {
    throw new UserError(t(ctx.lang, "Không tìm thấy cập nhật cần ghi chú. Xin vui lòng dùng /capnhat để cập nhật lại.", "The update for this note was not found. Please use /update again."));
  }
  const note = cleanNoteOrThrow(rawNote, ctx.lang);
  let auth: Authorized;
  try {
    auth = authorize(content, ctx.actor, status.milestoneId, status.agencyId, ctx.lang);
  } catch (error) {
    logRefusal(ctx, error, { milestoneId: status.milestoneId, agencyId: status.agencyId, noteFor: status.id });
  }
  const record: StatusRecord = {
    id: await newRecordId(ctx),
    kind: "note",
    milestoneId: status.milestoneId,
    agencyId: status.agencyId,
    status: status.status,
    note,
    noteFor: status.id,
    ...attribution(ctx, auth.onBehalfOf),
    ...(status.reminderKey !== undefined && { reminderKey: status.reminderKey }),
  };
  await store.statuses.append(record);
  await store.prompts.clear(ctx.actor.chatKey, status.id);
  ctx.services.log.info({ event: "status-note", id: record.id, noteFor: status.id, userKey: record.userKey }, "status: note added");
  const shown: StatusRecord = { ...status, note, at: record.at };
  const replies = [confirmationReply(ctx, shown, auth.milestone, { noteComing: false, noteAdded: true })];
  if (status.status === "blocked") await sendBlockedAlert(ctx, { ...status, note }, auth.milestone, "note");
  return replies;
}

function cleanNoteOrThrow(text: string, lang: Lang): string {
  const note = cleanNote(text, lang);
  if (note === undefined) {
    throw new UserError(t(lang, "Ghi chú đang trống. Xin vui lòng gõ vài chữ về tình hình, hoặc gõ \"bỏ qua\".", "The note is empty. Please type a few words, or \"skip\"."));
  }
  return note;
}
