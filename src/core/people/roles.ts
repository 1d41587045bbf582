/**
 * Roles in words, and the rules for taking a role away. Platform-free, so every channel
 * gets the same checks.
 */
import { type Actor, canRun, type CommandContext, type CommandDef, t } from "../command.js";
import type { Lang } from "../dates.js";
import { UserError } from "../errors.js";
import { agencyLabel } from "../milestones.js";
import type { ChannelName, Person, Role, Store, UserKey } from "../ports.js";
import { roleWord } from "../words.js";

/** The role's name for people, e.g. "đầu mối của cơ quan, đơn vị". */
export function roleLabel(role: Role, lang: Lang): string {
  return roleWord(role, lang, "long");
}

/** The commands a role gains over the role below it (what to tell a person after they register). Hidden ones are left out. */
export function commandsGained(commands: readonly CommandDef[], role: Role): CommandDef[] {
  return commands.filter((c) => !c.hidden && c.access !== "everyone" && canRun(role, c.access));
}

/** The part of a user key people type: `123` for `telegram:123` (the key itself for other channels). */
export function personRef(userKey: UserKey, channel: ChannelName): string {
  return userKey.startsWith(`${channel}:`) ? userKey.slice(channel.length + 1) : userKey;
}

/**
 * Finds an active person from what a coordinator typed: the id shown by /toi (`123`),
 * a full key (`telegram:123`), or a unique name.
 */
export async function findPerson(store: Store, channel: ChannelName, text: string): Promise<Person | undefined> {
  const ref = text.trim().replace(/^@/, "");
  if (ref.length === 0) return undefined;
  const key = (ref.includes(":") ? ref : `${channel}:${ref}`) as UserKey;
  const byKey = await store.people.get(key);
  if (byKey) return byKey;
  const byName = (await store.people.list()).filter((p) => p.name.toLowerCase() === ref.toLowerCase());
  return byName.length === 1 ? byName[0] : undefined;
}

/** Whether `actor` may take away the role of `person`: coordinators revoke leads, admins revoke anyone. */
export function canRevoke(actor: Actor, person: Person): boolean {
  if (person.role === "coordinator" || person.role === "admin") return actor.isAdmin;
  return canRun(actor.role, "coordinator");
}

/**
 * Revokes the role of the person `text` refers to. The record is kept (marked revoked) for attribution.
 * Throws a {@link UserError} when the person is unknown or the actor may not.
 */
export async function revokePerson(ctx: CommandContext, text: string): Promise<Person> {
  const { actor, lang, services, now } = ctx;
  const person = await findPerson(services.store, ctx.message.channel, text);
  if (!person) {
    throw new UserError(
      t(
        lang,
        `Không tìm thấy đầu mối hoặc điều phối viên "${text}". Gõ /toi để xem danh sách và mã người dùng.`,
        `No lead or coordinator "${text}" was found. Type /me to see the list and the user ids.`,
      ),
    );
  }
  if (person.userKey === actor.userKey) {
    throw new UserError(t(lang, "Anh/chị không thể tự thu hồi quyền của mình. Xin vui lòng nhờ quản trị viên.", "You cannot revoke your own role. Please ask an admin."));
  }
  if (!canRevoke(actor, person)) {
    throw new UserError(t(lang, "Xin lỗi, chỉ quản trị viên mới được thu hồi quyền điều phối viên.", "Sorry, only admins may revoke a coordinator."));
  }
  await services.store.people.revoke(person.userKey, actor.userKey, now.toISOString());
  return person;
}

/** A person's role and agency in one line, e.g. "đầu mối của cơ quan, đơn vị — Sở KH&CN Bình Dương". */
export function describeRole(ctx: CommandContext, person: { role: Role; agencyId?: string }): string {
  const label = roleLabel(person.role, ctx.lang);
  return person.agencyId ? `${label} — ${agencyLabel(ctx.services.content, person.agencyId)}` : label;
}
