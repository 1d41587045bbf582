/**
 * The Telegram command menu, built from the one command registry: Vietnamese names by default,
 * English aliases for English-speaking users. Everyone's commands apply in all chats; leads,
 * coordinators and admins get their fuller menu in their private chat with the bot.
 * Every failure here is only a warning: the menu is a convenience, never a reason to stop.
 */
import type { Api } from "grammy";
import type { BotCommand, BotCommandScope } from "grammy/types";
import { canRun, type CommandDef } from "../../core/command.js";
import type { Lang } from "../../core/dates.js";
import type { Logger, Role, Store, UserKey } from "../../core/ports.js";
import type { Clock } from "../../core/time.js";

/** Telegram's rule for command names in menus. */
const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;
/** After a failed menu update, wait this long before trying the same chat again. */
const RETRY_AFTER_MS = 10 * 60 * 1000;

/** The menu a role sees, in one language. Hidden commands and names Telegram would refuse are left out. */
export function menuFor(commands: readonly CommandDef[], role: Role, lang: Lang): BotCommand[] {
  return commands
    .filter((c) => !c.hidden && canRun(role, c.access))
    .map((c) => ({ command: lang === "en" ? c.alias : c.name, description: (lang === "en" ? c.description.en : c.description.vi).slice(0, 256) }))
    .filter((c) => COMMAND_NAME.test(c.command) && c.description.length > 0);
}

/** Sets one scope's menu in Vietnamese (default) and English. Throws what Telegram answers. */
async function setScope(api: Api, commands: readonly CommandDef[], role: Role, scope: BotCommandScope): Promise<void> {
  await api.setMyCommands(menuFor(commands, role, "vi"), { scope });
  await api.setMyCommands(menuFor(commands, role, "en"), { scope, language_code: "en" });
}

/** Sets everyone's menu for all chats. Returns false (after a warning) if Telegram refused. */
export async function installDefaultMenu(api: Api, commands: readonly CommandDef[], log: Logger): Promise<boolean> {
  try {
    await setScope(api, commands, "member", { type: "default" });
    return true;
  } catch (error) {
    log.warn({ err: errorText(error) }, "telegram: could not set the command menu (the bot keeps running; commands still work)");
    return false;
  }
}

/** Keeps per-chat menus in step with roles; see {@link createMenuSync}. */
export interface MenuSync {
  /**
   * Sets or removes the menus of people whose role changed since the last call. Never throws.
   * Calls that overlap share one pass (plus one more pass if roles changed meanwhile): a chat's menu is never set twice.
   */
  sync(): Promise<void>;
  /** Starts a {@link MenuSync.sync} in the background: what the reply path calls, so no reply waits for a menu. */
  request(): void;
  /** Resolves when no sync is running or requested (tests, shutdown). */
  idle(): Promise<void>;
}

/**
 * Tracks which private chats have which role-specific menu, and updates only what changed:
 * a newly registered lead gets the lead menu, a revoked one gets the default menu back.
 * Admins (from config) get the full menu in their private chat.
 */
export function createMenuSync(deps: {
  api: Api;
  store: Store;
  commands: readonly CommandDef[];
  adminKeys: readonly UserKey[];
  clock: Clock;
  log: Logger;
}): MenuSync {
  const { api, store, commands, adminKeys, clock, log } = deps;
  const applied = new Map<string, Role>();
  const failedAt = new Map<string, number>();
  let started = false;

  const desired = async (): Promise<Map<string, Role>> => {
    const out = new Map<string, Role>();
    for (const person of await store.people.list()) {
      if (person.chatKey.startsWith("telegram:")) out.set(person.chatKey.slice("telegram:".length), person.role);
    }
    for (const key of adminKeys) {
      // In Telegram a private chat's id is the user's id.
      if (key.startsWith("telegram:")) out.set(key.slice("telegram:".length), "admin");
    }
    return out;
  };

  const apply = async (chatId: string, role: Role | undefined): Promise<void> => {
    const last = failedAt.get(chatId);
    const now = clock.now().getTime();
    if (last !== undefined && now - last < RETRY_AFTER_MS) return;
    const scope: BotCommandScope = { type: "chat", chat_id: Number(chatId) };
    try {
      if (role) await setScope(api, commands, role, scope);
      else {
        await api.deleteMyCommands({ scope });
        await api.deleteMyCommands({ scope, language_code: "en" });
      }
      failedAt.delete(chatId);
      if (role) applied.set(chatId, role);
      else applied.delete(chatId);
    } catch (error) {
      failedAt.set(chatId, now);
      log.warn({ chatId, role, err: errorText(error) }, "telegram: could not update a chat's command menu (will retry later)");
    }
  };

  const pass = async (): Promise<void> => {
    const want = await desired();
    if (!started) {
      // After a restart nothing is known to be applied: menus of people revoked earlier are removed once.
      started = true;
      for (const person of await store.people.list({ includeRevoked: true })) {
        const chatId = person.chatKey.startsWith("telegram:") ? person.chatKey.slice("telegram:".length) : undefined;
        if (person.revokedAt && chatId && !want.has(chatId)) applied.set(chatId, person.role);
      }
    }
    for (const [chatId, role] of want) if (applied.get(chatId) !== role) await apply(chatId, role);
    for (const chatId of [...applied.keys()]) if (!want.has(chatId)) await apply(chatId, undefined);
  };

  // Single flight: one pass at a time; requests during a pass ask for exactly one more pass after it.
  let running: Promise<void> | null = null;
  let again = false;
  const sync = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await pass();
        } while (again);
      } catch (error) {
        log.warn({ err: errorText(error) }, "telegram: command menu sync failed (will try again on the next change)");
      } finally {
        running = null;
      }
    })();
    return running;
  };
  return {
    sync,
    request: () => void sync(),
    idle: async () => {
      while (running) await running;
    },
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
