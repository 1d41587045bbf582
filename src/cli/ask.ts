import { createInterface } from "node:readline";
import { createApp } from "../app.js";
import { loadContent } from "../content/load.js";
import { CONSOLE_CAPABILITIES } from "../core/channel.js";
import type { CommandContext, Incoming } from "../core/command.js";
import { composeAnswer, loadAnswerData, rememberTopic } from "../core/knowledge/answer.js";
import type { Logger, Outbox } from "../core/ports.js";
import { flatButtons, type Reply, shortenLabel, toPlain } from "../core/reply.js";
import { atLocal, type Clock, createFixedClock, dayOf, parseDay, systemClock } from "../core/time.js";
import { openStore } from "../store/open-store.js";
import { parseFlags, type CliCommand } from "./types.js";

/** One line of `ask --json` output. */
export interface AskLine {
  question: string;
  answered: boolean;
  /** The plain text a person would read (no markup); buttons appear as numbered options. */
  answer: string;
  entryId: string | null;
  score: number | null;
  /** When the question was not answered: the topics the reply suggests instead (empty otherwise). */
  suggestions: string[];
}

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const noOutbox: Outbox = { send: async (messages) => messages.map((m) => ({ chatKey: m.chatKey, result: "failed" as const, error: "ask: no channel" })) };

/**
 * `ask [--json] [--now YYYY-MM-DD] [question…]`: answers questions from CONTENT_DIR, one per
 * stdin line, or one per argument (quote each question). With `--json`, prints one JSON object per
 * question: `{"question","answered","answer","entryId","score","suggestions"}`. `--now` sets today (09:00 Asia/Ho_Chi_Minh)
 * for countdowns. `--conversation` treats the questions as one chat, so an elliptical one ("còn Vũng Tàu thì sao?")
 * is read within the previous answer's topic; without it each stands alone. It uses an in-memory store, so it never
 * writes the data file.
 */
export const askCommand: CliCommand = {
  name: "ask",
  summary: "answer questions (one per stdin line, or one per quoted argument); --json prints one JSON object per question",
  usage: 'ask [--json] [--conversation] [--now YYYY-MM-DD] ["QUESTION" …]',
  help: [
    "Options:",
    "  -j, --json            one JSON object per question: question, answered, answer, entryId, score, suggestions",
    "      --now YYYY-MM-DD  answer as of that day (09:00 Asia/Ho_Chi_Minh), for countdowns",
    "      --conversation    the questions are one chat: follow-ups are read within the previous answer's topic",
    "  -h, --help            this help",
    "",
    "Each argument is one question (quote it); without arguments, each line of stdin is one.",
    'Example: npm run cli -- ask --json "Khi nào có email mới?" "Tổng đài 1022 hợp nhất khi nào?"',
  ].join("\n"),
  async run({ args, env, stdin, stdout, stderr }) {
    let parsed: ReturnType<typeof parseFlags>;
    try {
      parsed = parseFlags(args, { json: { type: "boolean", short: "j" }, now: "value", conversation: "boolean" });
    } catch (error) {
      stderr.write(`ask: ${(error as Error).message}. Usage: npm run cli -- ${askCommand.usage} (ask --help for more)\n`);
      return 1;
    }
    const { flags, rest } = parsed;
    let clock: Clock = systemClock;
    if (flags.now !== undefined) {
      const day = typeof flags.now === "string" ? parseDay(flags.now) : null;
      if (!day) {
        stderr.write(`ask: --now "${String(flags.now)}" is not a day (use YYYY-MM-DD, e.g. --now 2025-06-01)\n`);
        return 1;
      }
      clock = createFixedClock(atLocal(day, "09:00"));
    }
    const content = await loadContent(env.CONTENT_DIR ?? "content");
    const store = await openStore({ file: ":memory:" });
    const app = createApp({ content, store, clock, outbox: noOutbox, log: silent, settings: { adminKeys: [], reminderTime: "08:30" } });
    const message: Incoming = {
      channel: "console",
      chat: { id: "ask", type: "private" },
      user: { id: "ask", name: "CLI" },
      supportsButtons: false,
      capabilities: CONSOLE_CAPABILITIES,
    };
    const answer = async (question: string): Promise<AskLine> => {
      const now = clock.now();
      const ctx: CommandContext = {
        message: { ...message, text: question },
        actor: await app.assistant.actorOf(message),
        lang: "vi",
        services: app.services,
        now,
        today: dayOf(now),
        via: "text",
      };
      const outcome = composeAnswer(ctx, question, await loadAnswerData(ctx));
      const { replies, result, answered } = outcome;
      if (flags.conversation) await rememberTopic(ctx, question, outcome);
      const best = answered ? result.best : undefined;
      // A refusal's buttons are the topics it suggests: JSON carries them as a field, and the text lists them,
      // so "…một trong các nội dung sau:" is never left hanging.
      const suggestions = answered ? [] : replies.flatMap(flatButtons).map((b) => b.label);
      const jsonText = (r: Reply) => (answered ? toPlain(r.text) : [toPlain(r.text), ...flatButtons(r).map((b) => `  • ${b.label}`)].join("\n"));
      return {
        question,
        answered,
        // JSON carries only the text a user reads; buttons ("Xem thêm", the runner-up) are not part of an answer.
        answer: replies.map((r) => (flags.json ? jsonText(r) : plainWithOptions(r))).join("\n\n"),
        entryId: best?.entry.id ?? null,
        score: best ? Math.round(best.score * 1000) / 1000 : null,
        suggestions,
      };
    };
    const print = (line: AskLine) => {
      if (flags.json) stdout.write(`${JSON.stringify(line)}\n`);
      else stdout.write(`? ${line.question}\n${line.answer}\n\n`);
    };
    try {
      // Several arguments are several questions, answered one by one.
      const questions = rest.map((q) => q.trim()).filter((q) => q.length > 0);
      if (questions.length > 0) for (const q of questions) print(await answer(q));
      else {
        for await (const raw of createInterface({ input: stdin, terminal: false })) {
          const question = raw.trim();
          if (question.length > 0) print(await answer(question));
        }
      }
    } finally {
      await store.close();
    }
    return 0;
  },
};

/** A reply as plain text, with its buttons as numbered options the way text-only channels show them. */
function plainWithOptions(r: Reply): string {
  const buttons = flatButtons(r);
  const options = buttons.map((b, i) => `  ${i + 1}. ${shortenLabel(b.label)}`);
  return [toPlain(r.text), ...options].join("\n");
}
