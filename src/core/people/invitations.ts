/**
 * One-time invitations: a coordinator invites an agency lead, an admin invites a coordinator.
 * Codes are random, only their SHA-256 hash is stored, they expire after seven days and work once.
 * A lead code used in a group registers that group as the agency's reminder group.
 */
import { createHash, randomInt } from "node:crypto";
import { type Actor, canRun, type CommandContext, t } from "../command.js";
import type { Lang } from "../dates.js";
import { UserError } from "../errors.js";
import { agencyLabel } from "../milestones.js";
import type { ChatRecord, Invitation, Person, Store } from "../ports.js";
import { roleLabel } from "./roles.js";

/** How long an invitation stays valid. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Letters and digits that cannot be mistaken for each other when copied by hand (no 0/O, 1/I/L). */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/** 12 symbols of a 31-letter alphabet: about 59 bits, far beyond guessing within seven days. */
const CODE_LENGTH = 12;

/** What an invitation grants. */
export type InvitationTarget = { kind: "lead"; agencyId: string } | { kind: "coordinator" };

/** A freshly issued invitation: the code is shown once and never stored. */
export interface IssuedInvitation {
  code: string;
  invitation: Invitation;
  /** `https://t.me/<bot>?start=<code>` when the bot's username is known. */
  link?: string;
}

/** What using a code did. */
export type Redemption =
  | { kind: "admin"; person: Person }
  | { kind: "lead"; agencyId: string; person: Person }
  | { kind: "coordinator"; person: Person }
  | { kind: "group"; agencyId: string; chat: ChatRecord };

/** A new random invitation code (12 characters of A–Z and 2–9, safe in a deep link). */
export function generateCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** The code as stored for comparison: upper case, without spaces, dashes or other separators people add. */
export function normalizeCode(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** The SHA-256 hash (hex) under which a code is stored. */
export function hashCode(code: string): string {
  return createHash("sha256").update(normalizeCode(code)).digest("hex");
}

/** Whether this person may issue this kind of invitation: coordinators invite leads, only admins invite coordinators. */
export function canInvite(actor: Actor, target: InvitationTarget): boolean {
  return target.kind === "coordinator" ? actor.isAdmin : canRun(actor.role, "coordinator");
}

/**
 * Issues an invitation and stores its hash. Throws a {@link UserError} when the person may not.
 *
 * ```ts
 * const { code, link } = await issueInvitation(ctx, { kind: "lead", agencyId: "sokhcn-binhduong" });
 * ```
 */
export async function issueInvitation(ctx: CommandContext, target: InvitationTarget): Promise<IssuedInvitation> {
  const { actor, lang, services, now } = ctx;
  if (!canInvite(actor, target)) {
    throw new UserError(
      target.kind === "coordinator"
        ? t(lang, "Xin lỗi, chỉ quản trị viên mới được mời điều phối viên.", "Sorry, only admins may invite coordinators.")
        : t(lang, "Xin lỗi, chỉ điều phối viên mới được mời đầu mối của cơ quan, đơn vị.", "Sorry, only coordinators may invite agency leads."),
    );
  }
  const code = generateCode();
  const invitation: Invitation = {
    codeHash: hashCode(code),
    kind: target.kind,
    agencyId: target.kind === "lead" ? target.agencyId : undefined,
    createdBy: actor.userKey,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
  };
  await services.store.invitations.add(invitation);
  // Deep links exist only on Telegram; on Zalo and in the terminal the code is shown as text.
  const bot = ctx.message.channel === "telegram" ? services.settings.botUsername?.replace(/^@/, "") : undefined;
  return { code, invitation, link: bot ? `https://t.me/${bot}?start=${code}` : undefined };
}

/**
 * Uses a code. In a private chat it grants the invited role to the person; in a group, a lead code
 * registers the group as the agency's reminder group, and only a lead of that agency or a coordinator may do it.
 * Every refusal is a {@link UserError} and leaves the code unused, except a code used twice.
 */
export async function redeemInvitation(ctx: CommandContext, rawCode: string): Promise<Redemption> {
  const { actor, lang, services, now, message } = ctx;
  const code = normalizeCode(rawCode);
  const invitation = code.length > 0 ? await services.store.invitations.findByHash(hashCode(code)) : undefined;
  if (!invitation) {
    throw new UserError(
      t(
        lang,
        "Mã mời không đúng. Xin vui lòng kiểm tra lại mã (12 ký tự) hoặc xin mã mới từ điều phối viên.",
        "This invitation code is not valid. Please check it (12 characters) or ask a coordinator for a new one.",
      ),
    );
  }
  if (invitation.usedAt) throw usedError(lang);
  if (invitation.expiresAt <= now.toISOString()) {
    throw new UserError(
      t(
        lang,
        "Mã mời đã hết hạn (mã có hiệu lực 7 ngày). Xin vui lòng đề nghị điều phối viên cấp mã mới.",
        "This invitation has expired (codes are valid for 7 days). Please ask a coordinator for a new one.",
      ),
    );
  }
  const at = now.toISOString();
  if (message.chat.type === "group") {
    const agencyId = groupAgency(invitation, ctx);
    if (!(await services.store.invitations.markUsed(invitation.codeHash, actor.userKey, at))) throw usedError(lang);
    // One merge, not a read then a write: a change another update makes to this chat meanwhile is kept.
    const registration = {
      type: "group" as const,
      ...(message.chat.title !== undefined && { title: message.chat.title }),
      agencyId,
      registeredBy: actor.userKey,
      registeredAt: at,
      active: true,
      inactiveSince: undefined,
    };
    await services.store.chats.merge(actor.chatKey, registration);
    const chat: ChatRecord = (await services.store.chats.get(actor.chatKey)) ?? { chatKey: actor.chatKey, ...registration };
    return { kind: "group", agencyId, chat };
  }
  checkPersonCanTake(invitation, ctx);
  if (!(await services.store.invitations.markUsed(invitation.codeHash, actor.userKey, at))) throw usedError(lang);
  const person: Person = {
    userKey: actor.userKey,
    name: actor.name,
    role: invitation.kind,
    agencyId: invitation.kind === "lead" ? invitation.agencyId : undefined,
    chatKey: actor.chatKey,
    grantedBy: invitation.createdBy,
    grantedAt: at,
  };
  await services.store.people.grant(person);
  await services.store.chats.merge(actor.chatKey, { type: "private", active: true, inactiveSince: undefined });
  if (invitation.kind === "admin") return { kind: "admin", person };
  return invitation.kind === "lead" ? { kind: "lead", agencyId: invitation.agencyId!, person } : { kind: "coordinator", person };
}

/**
 * The first-admin code: when no admin is configured (ADMIN_IDS empty) and nobody holds the admin role
 * in the store, a one-time code is issued for the operator to read in the start-up log. Whoever sends
 * `/dangky <code>` first, from any channel, becomes admin. Returns null when an admin exists.
 * Every start without an admin issues a fresh code; older unused ones stay valid until they expire.
 */
export async function issueFirstAdminCode(
  store: Pick<Store, "people" | "invitations">,
  adminKeys: readonly string[],
  now: Date,
): Promise<{ code: string; expiresAt: string } | null> {
  if (adminKeys.length > 0 || (await store.people.list({ role: "admin" })).length > 0) return null;
  const code = generateCode();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS).toISOString();
  await store.invitations.add({ codeHash: hashCode(code), kind: "admin", createdBy: "console:start-up", createdAt: now.toISOString(), expiresAt });
  return { code, expiresAt };
}

function usedError(lang: Lang): UserError {
  return new UserError(
    t(
      lang,
      "Mã mời này đã được sử dụng (mỗi mã chỉ dùng một lần). Xin vui lòng đề nghị điều phối viên cấp mã mới.",
      "This invitation has already been used (each code works once). Please ask a coordinator for a new one.",
    ),
  );
}

/** The agency a group is being registered for, after checking who is registering it. */
function groupAgency(invitation: Invitation, ctx: CommandContext): string {
  const { actor, lang, services } = ctx;
  if (invitation.kind !== "lead" || !invitation.agencyId) {
    throw new UserError(
      t(
        lang,
        "Mã mời điều phối viên chỉ dùng trong trò chuyện riêng với trợ lý. Xin vui lòng mở trò chuyện riêng và gõ lại lệnh.",
        "A coordinator invitation only works in a private chat with the assistant. Please open a private chat and try again.",
      ),
    );
  }
  const agencyId = invitation.agencyId;
  const allowed = canRun(actor.role, "coordinator") || (actor.role === "lead" && actor.agencyId === agencyId);
  if (!allowed) {
    const name = agencyLabel(services.content, agencyId);
    throw new UserError(
      t(
        lang,
        `Chỉ đầu mối đã đăng ký của ${name} hoặc điều phối viên mới được đăng ký nhóm này nhận nhắc việc. Anh/chị vui lòng đăng ký đầu mối trong trò chuyện riêng với trợ lý trước.`,
        `Only a registered lead of ${name} or a coordinator may register this group for reminders. Please register as a lead in a private chat with the assistant first.`,
      ),
    );
  }
  return agencyId;
}

/** "Anh/chị đã là quản trị viên (có mọi quyền của điều phối viên)": the role in the words /toi uses. */
function alreadyRole(actor: Actor, lang: Lang): string {
  const role = roleLabel(actor.role, lang);
  if (actor.role === "coordinator") return t(lang, `Anh/chị đã là ${role}`, `You are a ${role} already`);
  return t(lang, `Anh/chị đã là ${role} (có mọi quyền của điều phối viên)`, `You are an ${role} already (with every right of a coordinator)`);
}

/** Refuses a code that would not change anything, or would lower the person's role, without using it up. */
function checkPersonCanTake(invitation: Invitation, ctx: CommandContext): void {
  const { actor, lang, services } = ctx;
  if (invitation.kind === "admin" && actor.isAdmin) {
    throw new UserError(t(lang, "Anh/chị đã là quản trị viên; mã này không cần dùng nữa.", "You are an admin already; this code is not needed."));
  }
  if (invitation.kind === "coordinator" && canRun(actor.role, "coordinator")) {
    throw new UserError(
      t(
        lang,
        `${alreadyRole(actor, lang)}; mã mời này dành cho người khác.`,
        `${alreadyRole(actor, lang)}; this code is meant for someone else.`,
      ),
    );
  }
  if (invitation.kind === "lead" && canRun(actor.role, "coordinator")) {
    throw new UserError(
      t(
        lang,
        `${alreadyRole(actor, lang)}, nên không cần đăng ký đầu mối. Để đăng ký nhóm của cơ quan nhận nhắc việc, xin vui lòng dùng mã này trong nhóm đó.`,
        `${alreadyRole(actor, lang)}, so you need no lead registration. To register the agency's group for reminders, use this code in that group.`,
      ),
    );
  }
  if (invitation.kind === "lead" && actor.role === "lead" && actor.agencyId === invitation.agencyId) {
    const name = agencyLabel(services.content, invitation.agencyId!);
    throw new UserError(
      t(
        lang,
        `Anh/chị đã là đầu mối của ${name}. Để đăng ký nhóm của cơ quan nhận nhắc việc, xin vui lòng dùng mã này trong nhóm đó.`,
        `You are a lead of ${name} already. To register the agency's group for reminders, use this code in that group.`,
      ),
    );
  }
}
