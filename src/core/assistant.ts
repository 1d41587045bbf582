import { capabilitiesOf } from "./channel.js";
import { numberOptions } from "./choices.js";
import { type Actor, canRun, type CommandContext, type CommandDef, type Incoming, type Services, t } from "./command.js";
import { formatMoment, type Lang } from "./dates.js";
import { StoreWriteError, UserError } from "./errors.js";
import { type ChoiceInput, isLive, lastPage, moreHint, optionLines, PAGE_SIZE, parseChoice, shownOptions, validNumbers } from "./listing.js";
import type { ChatKey, Listing, UserKey } from "./ports.js";
import { reply, type Reply, shortenLabel } from "./reply.js";
import { fold } from "./fold.js";
import { freshTopic } from "./knowledge/follow-up.js";
import { detectLanguage, languageAsked } from "./language.js";
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
  actorOf(message: Incoming): Promise<Actor>;
}

/** Longest accepted message; longer text is refused politely rather than searched. */
export const MAX_TEXT_LENGTH = 2000;

/**
 * Creates the assistant: routes commands through the one registry, checks roles,
 * turns {@link UserError}s into replies, and answers free text as questions.
 * On channels without buttons, options become a stored, numbered {@link Listing}.
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

  const actorOf = async (message: Incoming): Promise<Actor> => {
    const userKey: UserKey = `${message.channel}:${message.user.id}`;
    const chatKey: ChatKey = `${message.channel}:${message.chat.id}`;
    const person = await services.store.people.get(userKey);
    // Admins come from ADMIN_IDS, or from the one-time first-admin code (a grant in the store).
    const isAdmin = services.settings.adminKeys.includes(userKey) || person?.role === "admin";
    return {
      userKey,
      chatKey,
      name: message.user.name,
      isAdmin,
      role: isAdmin ? "admin" : (person?.role ?? "member"),
      agencyId: person?.role === "lead" ? person.agencyId : undefined,
    };
  };

  /** What produced the replies of one message: the command line, which names the listing family. */
  interface Origin {
    family: string;
  }

  /** The command name a line types and the rest of it, or undefined when it is no command line. */
  const nameOf = (line: string): { name: string; rest: string } | undefined => {
    const m = /^\/?([\p{L}\p{M}\p{N}_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/u.exec(line.trim());
    if (!m) return undefined;
    // Names are folded, so "/lịch" is /lich; a name typed as two words ("/cập nhật", "/trợ giúp") is joined.
    const name = fold(m[1]!).replace(/\s+/g, "");
    const rest = m[2] ?? "";
    if (byName.has(name)) return { name, rest };
    const [next = "", ...after] = rest.trim().split(/\s+/);
    const joined = `${name}${fold(next).replace(/\s+/g, "")}`;
    return next && byName.has(joined) ? { name: joined, rest: after.join(" ") } : { name, rest };
  };

  const runLine = async (ctx: CommandContext, line: string, origin: Origin): Promise<Reply[]> => {
    const typed = nameOf(line);
    if (!typed) throw new UserError(t(ctx.lang, "Lệnh không hợp lệ. Gõ /help để xem các lệnh.", "Invalid command. Type /help to see the commands."));
    const { name, rest } = typed;
    const cmd = byName.get(name);
    if (!cmd) {
      throw new UserError(
        t(ctx.lang, `Không có lệnh /${name}. Gõ /help để xem các lệnh hiện có.`, `There is no /${name} command. Type /help to see the commands.`),
      );
    }
    if (!canRun(ctx.actor.role, cmd.access)) throw new UserError(deniedMessage(cmd, ctx.lang));
    const trimmed = rest.trim();
    origin.family = [cmd.name, trimmed].filter(Boolean).join(" ");
    const args = cmd.parse(trimmed, ctx);
    const out = await cmd.run(ctx, args);
    return Array.isArray(out) ? out : [out];
  };

  /** The chat's last topic, as a hint only: one that cannot be read is logged and left out, never an error. */
  const recentTopic = (chatKey: ChatKey) =>
    services.store.topics.get(chatKey).catch((error: unknown) => {
      services.log.warn({ err: error instanceof Error ? error.message : String(error) }, "topics: the chat's last topic could not be read; the command keeps the chat's language");
      return undefined;
    });

  const handle = async (message: Incoming): Promise<Reply[]> => {
    const now = services.clock.now();
    const actor = await actorOf(message);
    const chatLang: Lang = message.user.languageCode?.toLowerCase().startsWith("en") ? "en" : "vi";
    // Free text is answered in the language it is written in ("When is…" gets English in a Vietnamese chat).
    // A language asked for ("…, in English pls", "trả lời bằng tiếng Anh") wins over the one it is written in.
    const free = message.payload === undefined && !message.text?.trim().startsWith("/");
    const typed = free ? (languageAsked(message.text ?? "") ?? detectLanguage(message.text ?? "")) : undefined;
    // A command typed by its English name in a chat that has just been asking in one language ("/help" after English
    // questions) is answered in that language; its Vietnamese name ("/trợ giúp") or no recent topic leaves the chat's
    // own. Only a hint: a store that cannot be read here leaves the chat's language too.
    const named = free || message.payload !== undefined ? undefined : nameOf(message.text ?? "")?.name;
    const recent = named !== undefined && byName.get(named)?.alias === named ? freshTopic(await recentTopic(actor.chatKey), now)?.lang : undefined;
    const lang: Lang = typed ?? recent ?? chatLang;
    const ctx: CommandContext = {
      message,
      actor,
      lang,
      services,
      now,
      today: dayOf(now),
      via: message.payload !== undefined ? "button" : "text",
    };
    const origin: Origin = { family: "hoi" };
    let replies: Reply[];
    try {
      replies = await route(ctx, origin);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      if (error instanceof StoreWriteError) {
        services.log.error({ userKey: actor.userKey, err: error.detail }, "store: a change could not be saved; the person was asked to try again");
      }
      replies = [reply(error.message)];
    }
    if (capabilitiesOf(message).buttons) return replies;
    return numberOptions(services.store.listings, { chatKey: actor.chatKey, userKey: actor.userKey, family: origin.family, lang, now }, replies);
  };

  const route = async (ctx: CommandContext, origin: Origin): Promise<Reply[]> => {
    const { message } = ctx;
    if (message.payload !== undefined) return runLine(ctx, message.payload, origin);
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
    if (text.startsWith("/")) return runLine(ctx, text, origin);
    const choice = capabilitiesOf(message).buttons ? null : parseChoice(text);
    // A number answers whatever asked for one last: a listing shown after a reminder or a note prompt wins over them.
    if (choice && (await listingIsNewest(ctx))) return choose(ctx, choice, origin);
    for (const hook of options.hooks ?? []) {
      const out = await hook(ctx, text);
      if (out) return out;
    }
    if (choice) return choose(ctx, choice, origin);
    if (/^\d{1,3}$/.test(text)) return [noChoiceWaiting(ctx, text)];
    origin.family = `hoi ${text}`;
    return options.ask(ctx, text);
  };

  const listingIsNewest = async (ctx: CommandContext): Promise<boolean> => {
    const { store } = ctx.services;
    const listing = await store.listings.latest(ctx.actor.chatKey, ctx.actor.userKey);
    if (!listing || !isLive(listing, ctx.now.toISOString())) return false;
    const prompt = await store.prompts.find(ctx.actor.chatKey, ctx.actor.userKey, ctx.now.toISOString());
    return !prompt || listing.shownAt >= prompt.createdAt;
  };

  /** A typed number or "thêm" against the chat's newest listing. */
  const choose = async (ctx: CommandContext, choice: NonNullable<ChoiceInput>, origin: Origin): Promise<Reply[]> => {
    const { store } = ctx.services;
    const { lang } = ctx;
    const nowIso = ctx.now.toISOString();
    const listing = await store.listings.latest(ctx.actor.chatKey, ctx.actor.userKey);
    const typed = choice.kind === "number" ? String(choice.number) : t(lang, "thêm", "more");
    if (!listing) return [noChoiceWaiting(ctx, typed)];
    if (!isLive(listing, nowIso)) {
      origin.family = listing.family;
      return [
        reply(
          t(
            lang,
            `Danh sách lựa chọn gửi lúc ${formatMoment(new Date(listing.createdAt))} đã hết hạn (mỗi danh sách dùng được 24 giờ), nên "${typed}" không được thực hiện. Xin vui lòng gõ lại /${listing.family} để xem danh sách mới.`,
            `The list of choices sent at ${formatMoment(new Date(listing.createdAt))} has expired (each list lasts 24 hours), so "${typed}" was not applied. Please type /${listing.family} again for a fresh list.`,
          ),
        ),
      ];
    }
    if (choice.kind === "more") {
      const page = listing.options.slice(listing.shown, listing.shown + PAGE_SIZE);
      if (page.length === 0) {
        return [
          reply([
            t(lang, `Đã hiển thị hết các lựa chọn (${validNumbers(listing.options)}).`, `All choices are shown already (${validNumbers(listing.options)}).`),
            "\n",
            ...optionLines(lastPage(listing), lang),
          ]),
        ];
      }
      const next: Listing = { ...listing, shown: listing.shown + page.length, shownAt: nowIso };
      await store.listings.update(next);
      const hint = moreHint(next, lang);
      return [reply([...optionLines(page, lang), ...(hint ? ["\n", hint] : [])])];
    }
    const option = shownOptions(listing).find((o) => o.number === choice.number);
    if (!option) {
      const hint = moreHint(listing, lang);
      return [
        reply([
          t(
            lang,
            `Số ${choice.number} không có trong danh sách đang chờ. Xin vui lòng chọn một trong các số ${validNumbers(shownOptions(listing))}${hint ? ` (hoặc gõ "thêm" để xem tiếp)` : ""}.`,
            `${choice.number} is not in the waiting list. Please choose one of ${validNumbers(shownOptions(listing))}${hint ? ` (or type "more")` : ""}.`,
          ),
          "\n",
          ...optionLines(lastPage(listing), lang),
        ]),
      ];
    }
    const out = await runLine({ ...ctx, via: "button" }, option.payload, origin);
    // Say what the number did, so the person can check it against what they meant.
    const echo = t(lang, `Đã chọn ${option.number}: ${shortenLabel(option.label)}`, `Chose ${option.number}: ${shortenLabel(option.label)}`);
    return [reply(echo), ...out];
  };

  const noChoiceWaiting = (ctx: CommandContext, typed: string): Reply =>
    // A bare number with nothing to choose is not a question: searching "1" would match "giai đoạn 1".
    reply(
      t(
        ctx.lang,
        `Hiện không có lựa chọn số ${typed} nào đang chờ. Xin vui lòng gõ câu hỏi, hoặc /help để xem các lệnh.`,
        `There is no choice ${typed} waiting. Please type your question, or /help for the commands.`,
      ),
    );

  return { handle, findCommand: (name) => byName.get(fold(name).replace(/\s+/g, "")), actorOf };
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
