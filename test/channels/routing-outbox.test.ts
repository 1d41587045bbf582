import { describe, expect, it } from "vitest";
import { createRoutingOutbox } from "../../src/channels/routing-outbox.js";
import type { ChatKey, OutgoingMessage, Outbox } from "../../src/core/ports.js";
import { reply } from "../../src/core/reply.js";

const msg = (chatKey: ChatKey, text = "x"): OutgoingMessage => ({ chatKey, reply: reply(text), ref: `ref|${chatKey}` });

/** An outbox that records what it got and answers ok with an id naming its channel; `delayMs` makes it slow. */
function channelOutbox(name: string, delayMs = 0): Outbox & { got: OutgoingMessage[][] } {
  const got: OutgoingMessage[][] = [];
  return {
    got,
    async send(messages) {
      got.push(messages);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      return messages.map((m, i) => ({ chatKey: m.chatKey, result: "ok", messageId: `${name}-${i}` }));
    },
  };
}

describe("createRoutingOutbox", () => {
  it("sends each message to the outbox of the channel its chat key names, in one batch per channel", async () => {
    const telegram = channelOutbox("tg");
    const zalo = channelOutbox("zl");
    const outbox = createRoutingOutbox({ telegram, zalo });
    await outbox.send([msg("telegram:1"), msg("zalo:a"), msg("telegram:2")]);
    expect(telegram.got).toEqual([[msg("telegram:1"), msg("telegram:2")]]);
    expect(zalo.got).toEqual([[msg("zalo:a")]]);
  });

  it("returns the results in the order of the messages, whichever channel answers first", async () => {
    const outbox = createRoutingOutbox({ telegram: channelOutbox("tg", 30), zalo: channelOutbox("zl", 0) });
    const results = await outbox.send([msg("telegram:1"), msg("zalo:a"), msg("telegram:2"), msg("zalo:b")]);
    expect(results).toEqual([
      { chatKey: "telegram:1", result: "ok", messageId: "tg-0" },
      { chatKey: "zalo:a", result: "ok", messageId: "zl-0" },
      { chatKey: "telegram:2", result: "ok", messageId: "tg-1" },
      { chatKey: "zalo:b", result: "ok", messageId: "zl-1" },
    ]);
  });

  it("fails a message for a channel that is not running, with a reason that names it", async () => {
    const outbox = createRoutingOutbox({ telegram: channelOutbox("tg") });
    const results = await outbox.send([msg("zalo:a"), msg("telegram:1")]);
    expect(results[0]).toEqual({ chatKey: "zalo:a", result: "failed", error: expect.stringMatching(/zalo channel is not running/) });
    expect(results[1]).toMatchObject({ result: "ok" });
  });

  it("fails a message whose chat key names no channel", async () => {
    const outbox = createRoutingOutbox({ telegram: channelOutbox("tg") });
    const [result] = await outbox.send([msg("nowhere" as ChatKey)]);
    expect(result).toMatchObject({ chatKey: "nowhere", result: "failed", error: expect.stringMatching(/not running/) });
  });

  it("fails only the messages of a channel whose outbox throws", async () => {
    const broken: Outbox = { send: async () => Promise.reject(new Error("zalo: outbox crashed")) };
    const outbox = createRoutingOutbox({ telegram: channelOutbox("tg"), zalo: broken });
    const results = await outbox.send([msg("zalo:a"), msg("telegram:1"), msg("zalo:b")]);
    expect(results).toEqual([
      { chatKey: "zalo:a", result: "failed", error: "zalo: outbox crashed" },
      { chatKey: "telegram:1", result: "ok", messageId: "tg-0" },
      { chatKey: "zalo:b", result: "failed", error: "zalo: outbox crashed" },
    ]);
  });

  it("returns no results for no messages", async () => {
    await expect(createRoutingOutbox({}).send([])).resolves.toEqual([]);
  });
});
