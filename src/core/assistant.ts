import { type Actor, canRun, type CommandContext, type CommandDef, type Incoming, type Services, t } from "./command.js";
import type { Lang } from "./dates.js";
import { UserError } from "./errors.js";
import { fold } from "./fold.js";
import { detectLanguage } from "./language.js";
import type { ChatKey, UserKey } from "./ports.js";
import { type Button, flatButtons, reply, type Reply } from "./reply.js";
import { stripInvisible } from "./text.js";
import { dayOf } from "./time.js";

/**
 * Handles free text before it is treated as a question: e.g. the note a lead types after
 * "Vướng mắc", or a bare "1".."4" after a reminder. Returns null to let the next handler try.
 */
export type TextHook = (ctx: CommandContext, text: string) => Promise<Reply[] | null>;

/** Answers free text as a question. */
export type QuestionHandler = (ctx: CommandContext, question: string) => Promise<Reply[]>;

/** The platform-free assistant: one message in, replies out. */
export interface Assistant {
  handle(message: Incoming): Promise<Reply[]>;
  /** Finds a command by its Vietnamese name or English alias. */
  findCommand(name: string): CommandDef | undefined;
  /** Resolves who is writing. */
  actorOf(message: Incoming): Actor;
}

/** Longest accepted message; longer text is refused politely rather than searched. */
export const MAX_TEXT_LENGTH = 2000;
/** How long numbered options stay valid for channels without buttons. */
const OPTIONS_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Creates the assistant: routes commands through the one registry, checks roles,
 * turns {@link UserError}s into replies, and answers free text as questions.
 * Other errors are rethrown for the channel's error boundary to log and apologise.
 */
export function createAssistant(
  services: Services,
  options: { ask: QuestionHandler; hooks?: TextHook[] },
): Assistant {
  const byName = new Map<string, CommandDef>();
  for (const cmd of services.commands) {
    for (const n of [cmd.name, cmd.alias]) {
      if (byName.has(n)) throw new Error(`commands: the name "${n}" is used twice; every name and alias must be unique`);
      byName.set(n, cmd);
    }
  }
  // Numbered options shown to channels without buttons, per chat.
  const optionMemory = new Map<ChatKey, { payloads: string[]; at: number }>();

  const actorOf = (message: Incoming): Actor => {
    const userKey: UserKey = `${message.channel}:${message.user.id}`;
    const chatKey: ChatKey = `${message.channel}:${message.chat.id}`;
    const isAdmin = services.settings.adminKeys.includes(userKey);
    const person = services.store.people.get(userKey);
    return {
      userKey,
      chatKey,
      name: message.user.name,
      isAdmin,
      role: isAdmin ? "admin" : (person?.role ?? "member"),
      agencyId: person?.role === "lead" ? person.agencyId : undefined,
    };
  };

  const runLine = async (ctx: CommandContext, line: string): Promise<Reply[]> => {
    const m = /^\/?([\p{L}\p{M}\p{N}_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/u.exec(line.trim());
    if (!m) throw new UserError(t(ctx.lang, "Lệnh không hợp lệ. Gõ /help để xem các lệnh.", "Invalid command. Type /help to see the commands."));
    // Names are folded, so "/lịch" is /lich; a name typed as two words ("/cập nhật", "/trợ giúp") is joined.
    let name = fold(m[1]!).replace(/\s+/g, "");
    let rest = m[2] ?? "";
    if (!byName.has(name)) {
      const [next = "", ...after] = rest.trim().split(/\s+/);
      const joined = `${name}${fold(next).replace(/\s+/g, "")}`;
      if (next && byName.has(joined)) {
        name = joined;
        rest = after.join(" ");
      }
    }
    const cmd = byName.get(name);
    if (!cmd) {
      throw new UserError(
        t(ctx.lang, `Không có lệnh /${name}. Gõ /help để xem các lệnh hiện có.`, `There is no /${name} command. Type /help to see the commands.`),
      );
    }
    if (!canRun(ctx.actor.role, cmd.access)) throw new UserError(deniedMessage(cmd, ctx.lang));
    const args = cmd.parse(rest.trim(), ctx);
    const out = await cmd.run(ctx, args);
    return Array.isArray(out) ? out : [out];
  };

  const handle = async (message: Incoming): Promise<Reply[]> => {
    const now = services.clock.now();
    const actor = actorOf(message);
    const chatLang: Lang = message.user.languageCode?.toLowerCase().startsWith("en") ? "en" : "vi";
    // Free text is answered in the language it is written in ("When is…" gets English in a Vietnamese chat).
    const typed = message.payload === undefined && !message.text?.trim().startsWith("/") ? detectLanguage(message.text ?? "") : undefined;
    const lang: Lang = typed ?? chatLang;
    const ctx: CommandContext = {
      message,
      actor,
      lang,
      services,
      now,
      today: dayOf(now),
      via: message.payload !== undefined ? "button" : "text",
    };
    let replies: Reply[];
    try {
      replies = await route(ctx);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      replies = [reply(error.message)];
    }
    return message.supportsButtons ? replies : numberOptions(actor.chatKey, replies, lang, now);
  };

  const route = async (ctx: CommandContext): Promise<Reply[]> => {
    const { message } = ctx;
    if (message.payload !== undefined) return runLine(ctx, message.payload);
    // Control and bidi characters never reach search, the store or an echo of the text.
    const text = stripInvisible(message.text ?? "").trim();
    if (text.length === 0) {
      return [reply(t(ctx.lang, "Xin vui lòng gửi câu hỏi bằng chữ, hoặc gõ /help để xem các lệnh.", "Please send your question as text, or type /help."))];
    }
    if (text.length > MAX_TEXT_LENGTH) {
      throw new UserError(
        t(ctx.lang, `Tin nhắn quá dài (hơn ${MAX_TEXT_LENGTH} ký tự). Xin vui lòng hỏi ngắn gọn hơn.`, `The message is too long (over ${MAX_TEXT_LENGTH} characters). Please keep it shorter.`),
      );
    }
    if (text.startsWith("/")) return runLine(ctx, text);
    for (const hook of options.hooks ?? []) {
      const out = await hook(ctx, text);
      if (out) return out;
    }
    if (/^\d{1,2}$/.test(text)) {
      const remembered = message.supportsButtons ? undefined : optionMemory.get(ctx.actor.chatKey);
      const payload = remembered && ctx.now.getTime() - remembered.at < OPTIONS_TTL_MS ? remembered.payloads[Number(text) - 1] : undefined;
      if (payload) return runLine({ ...ctx, via: "button" }, payload);
      // A bare number with nothing to choose is not a question: searching "1" would match "giai đoạn 1".
      return [
        reply(
          t(
            ctx.lang,
            `Hiện không có lựa chọn số ${text} nào đang chờ. Xin vui lòng gõ câu hỏi, hoặc /help để xem các lệnh.`,
            `There is no choice ${text} waiting. Please type your question, or /help for the commands.`,
          ),
        ),
      ];
    }
    return options.ask(ctx, text);
  };

  // Numbered options expire on the injected clock, like everything else that depends on time.
  const numberOptions = (chatKey: ChatKey, replies: Reply[], lang: Lang, now: Date): Reply[] => {
    const payloads: string[] = [];
    const out = replies.map((r) => {
      const buttons = flatButtons(r);
      if (buttons.length === 0) return r;
      const start = payloads.length;
      payloads.push(...buttons.map((b) => b.payload));
      return { ...r, buttons: undefined, text: [...r.text, "\n", ...optionLines(buttons, start, lang)] };
    });
    // Numbers always refer to the latest reply: a reply without options forgets the older ones.
    if (payloads.length > 0) optionMemory.set(chatKey, { payloads, at: now.getTime() });
    else optionMemory.delete(chatKey);
    return out;
  };

  return { handle, findCommand: (name) => byName.get(fold(name).replace(/\s+/g, "")), actorOf };
}

function optionLines(buttons: Button[], start: number, lang: Lang): string[] {
  const head = t(lang, "Trả lời bằng số để chọn:", "Reply with a number to choose:");
  return [head, ...buttons.map((b, i) => `\n  ${start + i + 1}. ${b.label}`)];
}

function deniedMessage(cmd: CommandDef, lang: Lang): string {
  const who: Record<CommandDef["access"], [string, string]> = {
    everyone: ["mọi người", "everyone"],
    lead: ["đầu mối của cơ quan, đơn vị và điều phối viên", "agency leads and coordinators"],
    coordinator: ["điều phối viên", "coordinators"],
    admin: ["quản trị viên", "admins"],
  };
  const [vi, en] = who[cmd.access];
  return t(
    lang,
    `Xin lỗi, lệnh /${cmd.name} chỉ dành cho ${vi}. Nếu anh/chị cần quyền này, vui lòng liên hệ điều phối viên để được mời.`,
    `Sorry, /${cmd.alias} is only for ${en}. If you need it, please ask a coordinator for an invitation.`,
  );
}
