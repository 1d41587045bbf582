import { describe, expect, it } from "vitest";
import type { ZaloUpdate } from "../../../src/channels/zalo/client.js";
import { stripMention, toInbound, updateFromBody } from "../../../src/channels/zalo/incoming.js";
import { ZALO_CAPABILITIES } from "../../../src/core/channel.js";

const ME = { id: "1459232241454765289", name: "Trợ lý Hợp nhất" };

function textUpdate(over: { text?: string; from?: Record<string, unknown>; chat?: Record<string, unknown>; message_id?: string; event_name?: string } = {}): ZaloUpdate {
  return {
    event_name: over.event_name ?? "message.text.received",
    message: {
      from: { id: "6ede9afa66b88fe6d6a9", display_name: "Ted", is_bot: false, ...over.from },
      chat: { id: "6ede9afa66b88fe6d6a9", chat_type: "PRIVATE", ...over.chat },
      text: over.text ?? "Xin chào",
      message_id: over.message_id ?? "2d758cb5e222177a4e35",
      date: 1750316131602,
    },
  } as ZaloUpdate;
}

describe("updateFromBody", () => {
  it("takes the update out of the documented { ok, result } body", () => {
    const update = textUpdate();
    expect(updateFromBody({ ok: true, result: update })).toEqual(update);
  });

  it("accepts a bare { event_name, message } body", () => {
    const update = textUpdate();
    expect(updateFromBody(update)).toEqual(update);
  });

  it("returns null for bodies that carry no update", () => {
    for (const body of [null, undefined, 42, "text", [], {}, { ok: true }, { ok: true, result: {} }, { ok: true, result: "x" }, { event_name: 7 }, { result: { event_name: null } }]) {
      expect(updateFromBody(body), JSON.stringify(body)).toBeNull();
    }
  });
});

describe("toInbound", () => {
  it("maps a private text message to the core's Incoming on channel zalo without buttons", () => {
    const inbound = toInbound(textUpdate({ text: "Khi nào có email mới?" }), ME);
    expect(inbound).toEqual({
      kind: "text",
      dedupeKey: "message.text.received|2d758cb5e222177a4e35",
      incoming: {
        channel: "zalo",
        chat: { id: "6ede9afa66b88fe6d6a9", type: "private" },
        user: { id: "6ede9afa66b88fe6d6a9", name: "Ted" },
        supportsButtons: false,
        capabilities: ZALO_CAPABILITIES,
        text: "Khi nào có email mới?",
      },
    });
  });

  it("drops the bot's own message coming back, recognised by the sender id", () => {
    expect(toInbound(textUpdate({ from: { id: ME.id, is_bot: false } }), ME)).toEqual({ kind: "ignore", reason: "own-message" });
  });

  it("drops any message whose sender is a bot (is_bot true)", () => {
    expect(toInbound(textUpdate({ from: { id: "other-bot", is_bot: true } }), ME)).toEqual({ kind: "ignore", reason: "own-message" });
  });

  it("compares a numeric sender id with the bot id as a string", () => {
    const update = textUpdate({ from: { id: 12345 }, chat: { id: 12345 } });
    expect(toInbound(update, { id: "12345" })).toEqual({ kind: "ignore", reason: "own-message" });
  });

  it("ignores an update without a message or a sender as malformed", () => {
    expect(toInbound({ event_name: "message.text.received" }, ME)).toEqual({ kind: "ignore", reason: "malformed" });
    expect(toInbound({ event_name: "message.text.received", message: { text: "x", chat: { id: "c" } } }, ME)).toEqual({ kind: "ignore", reason: "malformed" });
  });

  it("ignores an event it does not know", () => {
    expect(toInbound(textUpdate({ event_name: "message.reaction.received" }), ME)).toEqual({ kind: "ignore", reason: "unknown-event" });
  });

  it("strips the bot's @mention from a group message and marks the chat as a group", () => {
    const inbound = toInbound(textUpdate({ text: "@Trợ lý Hợp nhất, khi nào có email mới?", chat: { id: "group-1", chat_type: "GROUP" } }), ME);
    expect(inbound.kind).toBe("text");
    if (inbound.kind !== "text") return;
    expect(inbound.incoming.text).toBe("khi nào có email mới?");
    expect(inbound.incoming.chat).toEqual({ id: "group-1", type: "group" });
    expect(inbound.incoming.user.id).toBe("6ede9afa66b88fe6d6a9");
  });

  it("strips a mention in the middle of a group message, in any letter case", () => {
    const inbound = toInbound(textUpdate({ text: "Cho hỏi @trợ lý hợp nhất /lich", chat: { id: "g", chat_type: "group" } }), ME);
    expect(inbound.kind === "text" && inbound.incoming.text).toBe("Cho hỏi /lich");
  });

  it("keeps an @mention-like text in a private chat as it is", () => {
    const inbound = toInbound(textUpdate({ text: "@Trợ lý Hợp nhất xin chào" }), ME);
    expect(inbound.kind === "text" && inbound.incoming.text).toBe("@Trợ lý Hợp nhất xin chào");
  });

  it("treats an image as non-text of kind image (the caption is not read as a question)", () => {
    const update: ZaloUpdate = { event_name: "message.image.received", message: { ...textUpdate().message, text: undefined, photo_url: "https://x/p.png", caption: "ảnh" } };
    const inbound = toInbound(update, ME);
    expect(inbound).toMatchObject({ kind: "non-text", event: "image", dedupeKey: "message.image.received|2d758cb5e222177a4e35" });
    expect(inbound.kind === "non-text" && inbound.incoming.text).toBeUndefined();
  });

  it("treats a sticker and unsupported content as non-text of their kind", () => {
    expect(toInbound({ ...textUpdate(), event_name: "message.sticker.received" }, ME)).toMatchObject({ kind: "non-text", event: "sticker" });
    expect(toInbound({ ...textUpdate(), event_name: "message.unsupported.received" }, ME)).toMatchObject({ kind: "non-text", event: "unsupported" });
  });

  it("reads the sender's name from display_name, first_name or name", () => {
    const nameOf = (from: Record<string, unknown>) => {
      const inbound = toInbound(textUpdate({ from: { display_name: undefined, ...from } }), ME);
      return inbound.kind === "text" ? inbound.incoming.user.name : null;
    };
    expect(nameOf({ display_name: "Lan" })).toBe("Lan");
    expect(nameOf({ first_name: "Minh" })).toBe("Minh");
    expect(nameOf({ name: "Hùng" })).toBe("Hùng");
  });

  it("strips invisible and control characters from the sender's name and collapses its spaces", () => {
    const inbound = toInbound(textUpdate({ from: { display_name: "\u202eNguyễn\u0007  Văn\u200f\tAn\ufeff" } }), ME);
    expect(inbound.kind === "text" && inbound.incoming.user.name).toBe("Nguyễn Văn An");
  });

  it("calls a sender with no usable name anh/chị", () => {
    const inbound = toInbound(textUpdate({ from: { display_name: "\u202e\u200e  " } }), ME);
    expect(inbound.kind === "text" && inbound.incoming.user.name).toBe("anh/chị");
  });

  it("cuts a very long name to 80 characters", () => {
    const inbound = toInbound(textUpdate({ from: { display_name: "A".repeat(300) } }), ME);
    expect(inbound.kind === "text" && inbound.incoming.user.name).toHaveLength(80);
  });

  it("gives different deliveries different dedupe keys and the same delivery the same key", () => {
    const a = toInbound(textUpdate({ message_id: "m1" }), ME);
    const again = toInbound(textUpdate({ message_id: "m1" }), ME);
    const b = toInbound(textUpdate({ message_id: "m2" }), ME);
    const image = toInbound({ ...textUpdate({ message_id: "m1" }), event_name: "message.image.received" }, ME);
    const key = (x: ReturnType<typeof toInbound>) => (x.kind === "ignore" ? null : x.dedupeKey);
    expect(key(a)).toBe(key(again));
    expect(key(a)).not.toBe(key(b));
    expect(key(a)).not.toBe(key(image));
  });

  it("uses the sender id as the chat id when the chat is missing", () => {
    const update: ZaloUpdate = { event_name: "message.text.received", message: { from: { id: "u9" }, text: "hi", message_id: "m" } };
    const inbound = toInbound(update, ME);
    expect(inbound.kind === "text" && inbound.incoming.chat.id).toBe("u9");
  });
});

describe("stripMention", () => {
  it("escapes regex characters in the bot's name", () => {
    expect(stripMention("@Bot (test). hỏi", { id: "1", name: "Bot (test)." })).toBe("hỏi");
  });

  it("only trims when the bot has no name", () => {
    expect(stripMention("  @x hỏi ", { id: "1" })).toBe("@x hỏi");
  });
});
