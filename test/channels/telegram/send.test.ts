import { Api, InputFile } from "grammy";
import { describe, expect, it } from "vitest";
import { renderReply } from "../../../src/channels/telegram/render.js";
import { sendRendered } from "../../../src/channels/telegram/send.js";
import { reply } from "../../../src/core/reply.js";
import { type ApiCall, type FailRule, recordingTransformer, TOKEN } from "../../helpers/telegram.js";

function recordingApi(fail?: FailRule) {
  const calls: ApiCall[] = [];
  const api = new Api(TOKEN);
  api.config.use(recordingTransformer(calls, { nextMessageId: 100, fail }));
  return { api, calls };
}

describe("sendRendered", () => {
  it("edits the pressed message instead of sending a new one when the reply asks for it", async () => {
    const { api, calls } = recordingApi();
    const rendered = renderReply(reply("Đã ghi nhận: Hoàn thành", { editOriginal: true, buttons: [[{ label: "Ghi chú", payload: "lich" }]] }));
    const ids = await sendRendered(api, { chatId: 5, editMessageId: 42 }, rendered);
    expect(ids).toEqual([42]);
    expect(calls.map((c) => c.method)).toEqual(["editMessageText"]);
    expect(calls[0]!.payload).toMatchObject({ chat_id: 5, message_id: 42, parse_mode: "HTML", reply_markup: { inline_keyboard: [[{ text: "Ghi chú", callback_data: "lich" }]] } });
  });

  it("treats 'message is not modified' as done, and sends anew when the message can no longer be edited", async () => {
    const notModified = recordingApi((c) => (c.method === "editMessageText" ? { error_code: 400, description: "Bad Request: message is not modified" } : undefined));
    const rendered = renderReply(reply("x", { editOriginal: true }));
    expect(await sendRendered(notModified.api, { chatId: 5, editMessageId: 42 }, rendered)).toEqual([42]);
    const tooOld = recordingApi((c) => (c.method === "editMessageText" ? { error_code: 400, description: "Bad Request: message can't be edited" } : undefined));
    expect(await sendRendered(tooOld.api, { chatId: 5, editMessageId: 42 }, rendered)).toEqual([100]);
    expect(tooOld.calls.map((c) => c.method)).toEqual(["editMessageText", "sendMessage"]);
  });

  it("sends attachments as documents and photos from bytes, after the text", async () => {
    const { api, calls } = recordingApi();
    const rendered = renderReply(
      reply("Tổng hợp tuần", {
        attachments: [
          { kind: "document", filename: "tong-hop.csv", data: new TextEncoder().encode("a,b\n1,2\n"), caption: "CSV" },
          { kind: "photo", filename: "bieu-do.png", data: new Uint8Array([137, 80, 78, 71]) },
        ],
      }),
    );
    const ids = await sendRendered(api, { chatId: 5 }, rendered);
    expect(calls.map((c) => c.method)).toEqual(["sendMessage", "sendDocument", "sendPhoto"]);
    expect(ids).toEqual([100, 101, 102]);
    expect(calls[1]!.payload.document).toBeInstanceOf(InputFile);
    expect(calls[1]!.payload.document.filename).toBe("tong-hop.csv");
    expect(calls[1]!.payload.caption).toBe("CSV");
    expect(calls[2]!.payload.photo).toBeInstanceOf(InputFile);
  });

  it("tells the chat when a file cannot be sent, keeps the text, and still fails on a 403", async () => {
    const failing = recordingApi((c) => (c.method === "sendPhoto" ? { error_code: 500, description: "Internal Server Error" } : undefined));
    const rendered = renderReply(reply("Tổng hợp tuần", { attachments: [{ kind: "photo", filename: "bieu-do.png", data: new Uint8Array([137, 80, 78, 71]) }] }));
    const ids = await sendRendered(failing.api, { chatId: 5 }, rendered);
    expect(failing.calls.map((c) => c.method)).toEqual(["sendMessage", "sendPhoto", "sendMessage"]);
    expect(failing.calls[2]!.payload.text).toBe("Không gửi được tệp đính kèm bieu-do.png. Xin vui lòng thử lại sau ít phút.");
    expect(ids).toHaveLength(2);
    const blocked = recordingApi((c) => (c.method === "sendPhoto" ? { error_code: 403, description: "Forbidden: bot was blocked by the user" } : undefined));
    await expect(sendRendered(blocked.api, { chatId: 5 }, rendered)).rejects.toThrow(/blocked/);
  });

  it("replies to the user's message with the first chunk only", async () => {
    const { api, calls } = recordingApi();
    const rendered = renderReply(reply(Array.from({ length: 5 }, () => "y".repeat(60)).join("\n")), 130);
    await sendRendered(api, { chatId: -100, replyToMessageId: 7 }, rendered);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls[0]!.payload.reply_parameters).toEqual({ message_id: 7, allow_sending_without_reply: true });
    expect(calls.slice(1).every((c) => c.payload.reply_parameters === undefined)).toBe(true);
  });
});
