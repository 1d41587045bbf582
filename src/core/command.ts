import type { BoardLinks } from "./board/links.js";
import type { WorkingCalendar } from "./calendar.js";
import type { ChannelCapabilities } from "./channel.js";
import type { Content } from "./content/schema.js";
import type { Lang } from "./dates.js";
import type { DigestCharts } from "./digest/types.js";
import type { Knowledge } from "./knowledge/types.js";
import type { ChannelName, ChatKey, Logger, Outbox, Role, Store, UserKey } from "./ports.js";
import type { Reply } from "./reply.js";
import type { Clock } from "./time.js";

/** Who may run a command. Each level includes the ones above it: admin ⊃ coordinator ⊃ lead ⊃ everyone. */
export type Access = "everyone" | "lead" | "coordinator" | "admin";

/** A message coming from any channel, already stripped of platform details. */
export interface Incoming {
  channel: ChannelName;
  chat: { id: string; type: "private" | "group"; title?: string };
  user: { id: string; name: string; languageCode?: string };
  /** The text typed (commands keep their leading "/", without any @botname). */
  text?: string;
  /** The payload of a pressed button. */
  payload?: string;
  /** The id of the message the user replied to, when it was one of the assistant's. */
  replyToBotMessageId?: string;
  /** False for channels without buttons (console, Zalo): buttons are then offered as numbered text options. */
  supportsButtons: boolean;
  /**
   * What the channel can do (buttons, edits, files, links, longest message). Absent: the channel's
   * defaults from `src/core/channel.ts`. Read it with `capabilitiesOf(message)`, never directly.
   */
  capabilities?: ChannelCapabilities;
}

/** The person behind a message, with their role resolved from config and the store. */
export interface Actor {
  userKey: UserKey;
  chatKey: ChatKey;
  name: string;
  role: Role;
  isAdmin: boolean;
  /** For agency leads: their agency. */
  agencyId?: string;
}

/** Settings the core needs from config. */
export interface CoreSettings {
  /** Admin user keys (`telegram:123`, `console:local`). */
  adminKeys: readonly UserKey[];
  /** The bot's username, for deep links (`https://t.me/<bot>?start=<code>`). */
  botUsername?: string;
  /** When reminders go out, HH:mm Asia/Ho_Chi_Minh. */
  reminderTime: string;
}

/** Everything a command may use. Built once in the composition root. */
export interface Services {
  content: Content;
  calendar: WorkingCalendar;
  store: Store;
  clock: Clock;
  knowledge: Knowledge;
  outbox: Outbox;
  log: Logger;
  settings: CoreSettings;
  /** The command registry, for /help and menus. */
  commands: readonly CommandDef[];
  /** Renders the digest chart (PNG); injected so the core never loads the native renderer. Absent: no chart. */
  charts?: DigestCharts;
  /** Links to the board and calendar subscriptions; absent when PUBLIC_URL is not set. */
  boardLinks?: BoardLinks;
}

/** What a command receives when it runs. */
export interface CommandContext {
  message: Incoming;
  actor: Actor;
  lang: Lang;
  services: Services;
  now: Date;
  /** Today in Asia/Ho_Chi_Minh, YYYY-MM-DD. */
  today: string;
  /** Whether the command came from a typed line or a pressed button. */
  via: "text" | "button";
}

/**
 * A chat command: one file in `commands/`, platform-free.
 *
 * ```ts
 * export default defineCommand({
 *   name: "lich", alias: "deadlines", access: "everyone",
 *   description: { vi: "Các mốc thời hạn sắp tới", en: "Upcoming deadlines" },
 *   parse: (args) => args.trim(),
 *   run: (ctx, filter) => reply(...),
 * });
 * ```
 */
export interface CommandDef<A = unknown> {
  /** The Vietnamese name, without "/" (e.g. "hoi"). */
  name: string;
  /** The English alias, without "/" (e.g. "ask"). */
  alias: string;
  description: { vi: string; en: string };
  /** How to call it, shown in /help (e.g. "/hoi <câu hỏi>"). */
  usage?: { vi: string; en: string };
  access: Access;
  /** Hidden commands (button targets such as "xemthem") are left out of /help and menus. */
  hidden?: boolean;
  /** Parses the text after the command; throws a UserError with a usage hint when it is wrong. */
  parse(args: string, ctx: CommandContext): A;
  run(ctx: CommandContext, args: A): Promise<Reply | Reply[]> | Reply | Reply[];
}

/** Declares a command with its argument type inferred from `parse`. */
export function defineCommand<A>(def: CommandDef<A>): CommandDef<A> {
  if (def.name.startsWith("/") || def.alias.startsWith("/")) {
    throw new Error(`command: do not include '/' in command names (use 'hoi' not '/hoi'): ${def.name}`);
  }
  return def;
}

const RANK: Record<Role, number> = { member: 0, lead: 1, coordinator: 2, admin: 3 };
const NEEDED: Record<Access, number> = { everyone: 0, lead: 1, coordinator: 2, admin: 3 };

/** Whether a person with `role` may run a command with `access`. */
export function canRun(role: Role, access: Access): boolean {
  return RANK[role] >= NEEDED[access];
}

/** Picks the Vietnamese or English string. */
export function t(lang: Lang, vi: string, en: string): string {
  return lang === "en" ? en : vi;
}
