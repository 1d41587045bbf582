import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Assistant } from "../../core/assistant.js";
import type { Incoming } from "../../core/command.js";
import type { Logger, OutgoingMessage, Outbox, SendResult } from "../../core/ports.js";
import { type Reply, toPlain } from "../../core/reply.js";

/** The console user's identity: one local person, chatting in one private chat. */
export const CONSOLE_USER_ID = "local";

/** Plain-text rendering of replies for the terminal. Buttons were already turned into numbered options by the core. */
export function renderPlain(replies: Reply[]): string {
  return replies
    .map((r) => {
      const files = (r.attachments ?? []).map((a) => `[tệp đính kèm: ${a.filename}]`);
      return [toPlain(r.text), ...files].join("\n");
    })
    .join("\n\n");
}

/**
 * Runs the terminal chat: one message per line in, replies out. With a TTY it shows a prompt;
 * otherwise it answers each line and resolves at the end of input, so `printf '/help\n' | npm start` works.
 */
export async function runConsole(options: {
  assistant: Assistant;
  input: Readable;
  output: Writable;
  log: Logger;
  interactive: boolean;
  userName?: string;
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
      const message: Incoming = {
        channel: "console",
        chat: { id: CONSOLE_USER_ID, type: "private" },
        user: { id: CONSOLE_USER_ID, name: options.userName ?? "anh/chị" },
        text,
        supportsButtons: false,
      };
      try {
        write(renderPlain(await assistant.handle(message)));
      } catch (error) {
        log.error({ err: error }, "console: unhandled error while answering");
        write("Xin lỗi, đã có lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.");
      }
      write("");
    }
    if (interactive) rl.prompt();
  }
}

/** An outbox that prints messages for the console chat and records the rest as undeliverable (no channel for them). */
export function createConsoleOutbox(output: Writable): Outbox {
  return {
    async send(messages: OutgoingMessage[]): Promise<SendResult[]> {
      return messages.map((m) => {
        if (m.chatKey.startsWith("console:")) {
          output.write(`${renderPlain([m.reply])}\n\n`);
          return { chatKey: m.chatKey, result: "ok" as const };
        }
        return { chatKey: m.chatKey, result: "failed" as const, error: "no channel running for this chat" };
      });
    },
  };
}
