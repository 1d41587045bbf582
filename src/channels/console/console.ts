import { mkdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Assistant } from "../../core/assistant.js";
import { CONSOLE_CAPABILITIES } from "../../core/channel.js";
import type { Incoming } from "../../core/command.js";
import { numberOptions } from "../../core/choices.js";
import { prepareSend } from "../../core/delivery.js";
import type { ListingRepo, Logger, OutgoingMessage, Outbox, SendResult } from "../../core/ports.js";
import { stripInvisible } from "../../core/text.js";
import type { Clock } from "../../core/time.js";
import { type Reply, toPlain } from "../../core/reply.js";

/** The console user's identity: one local person, chatting in one private chat. */
export const CONSOLE_USER_ID = "local";

/**
 * Plain-text rendering of replies for the terminal. Buttons were already turned into numbered options
 * by the core. Attachments show where they were saved (`saved`: attachment file name → path), or their name.
 */
export function renderPlain(replies: Reply[], saved: ReadonlyMap<string, string> = new Map()): string {
  return replies
    .map((r) => {
      const files = (r.attachments ?? []).map((a) => {
        const path = saved.get(a.filename);
        return path ? `[đã lưu tệp đính kèm: ${path}]` : `[tệp đính kèm: ${a.filename}]`;
      });
      return [toPlain(r.text), ...files].join("\n");
    })
    .join("\n\n");
}

/** Saves every attachment of the replies into `dir` (created if needed); returns file name → path. */
export async function saveAttachments(replies: Reply[], dir: string): Promise<Map<string, string>> {
  const saved = new Map<string, string>();
  for (const a of replies.flatMap((r) => r.attachments ?? [])) {
    await mkdir(dir, { recursive: true });
    const path = join(dir, basename(a.filename));
    await writeFile(path, a.data);
    saved.set(a.filename, path);
  }
  return saved;
}

/** What the terminal says when the input ends (Ctrl-D, or the end of a piped file). */
export const CONSOLE_GOODBYE = "Tạm biệt anh/chị. Hẹn gặp lại!";

/**
 * Runs the terminal chat: one message per line in, replies out. With a TTY it shows a prompt;
 * otherwise it echoes each line as "> line" before its answer, so a piped session reads as a
 * transcript, and resolves at the end of input (`printf '/help\n' | npm start` works).
 * Either way it ends with a goodbye on a line of its own.
 */
export async function runConsole(options: {
  assistant: Assistant;
  input: Readable;
  output: Writable;
  log: Logger;
  interactive: boolean;
  userName?: string;
  /** Where files the assistant sends (the digest CSV and chart) are saved; without it they are only named. */
  filesDir?: string;
}): Promise<void> {
  const { assistant, input, output, log, interactive } = options;
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const write = (text: string) => output.write(`${text}\n`);
  if (interactive) {
    write("Trợ lý Hợp nhất — gõ câu hỏi hoặc /help. Nhấn Ctrl+D để thoát.");
    rl.setPrompt("> ");
    rl.prompt();
  }
  for await (const line of rl) {
    const text = line.trim();
    if (text.length > 0) {
      // The echo of a piped line carries no control or bidi characters either.
      if (!interactive) write(`> ${stripInvisible(text)}`);
      const message: Incoming = {
        channel: "console",
        chat: { id: CONSOLE_USER_ID, type: "private" },
        user: { id: CONSOLE_USER_ID, name: options.userName ?? "anh/chị" },
        text,
        supportsButtons: false,
        capabilities: CONSOLE_CAPABILITIES,
      };
      try {
        const replies = await assistant.handle(message);
        const saved = options.filesDir ? await saveAttachments(replies, options.filesDir) : undefined;
        write(renderPlain(replies, saved));
      } catch (error) {
        log.error({ err: error }, "console: unhandled error while answering");
        write("Xin lỗi, đã có lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.");
      }
      write("");
    }
    if (interactive) rl.prompt();
  }
  // After Ctrl-D the cursor still sits on the "> " prompt: end that line first.
  if (interactive) write("");
  write(CONSOLE_GOODBYE);
}

/**
 * An outbox that prints messages for the console chat and records the rest as undeliverable (no channel
 * for them). With the store's listings and a clock, a message's buttons become numbered options stored
 * like an answer's, so a reminder's numbers can be typed; without them the buttons are left out.
 */
export function createConsoleOutbox(output: Writable, numbering?: { listings: ListingRepo; clock: Clock }): Outbox {
  return {
    async send(messages: OutgoingMessage[]): Promise<SendResult[]> {
      const results: SendResult[] = [];
      for (const m of messages) {
        if (!m.chatKey.startsWith("console:")) {
          results.push({ chatKey: m.chatKey, result: "failed", error: "no channel running for this chat" });
          continue;
        }
        const refused = await prepareSend(m);
        if (refused) {
          results.push(refused);
          continue;
        }
        const replies = numbering
          ? await numberOptions(numbering.listings, { chatKey: m.chatKey, userKey: m.chatKey, family: m.ref, lang: "vi", now: numbering.clock.now() }, [m.reply])
          : [m.reply];
        output.write(`${renderPlain(replies)}\n\n`);
        results.push({ chatKey: m.chatKey, result: "ok" });
      }
      return results;
    },
  };
}
