import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createThrottledOutbox, retryAfter, type SendOneResult, TELEGRAM_LIMITS } from "../../src/channels/throttled-outbox.js";
import type { ChatKey, OutgoingMessage } from "../../src/core/ports.js";
import { reply } from "../../src/core/reply.js";

const T0 = Date.parse("2025-05-09T01:30:00Z");

function msg(chatKey: ChatKey, n = 0): OutgoingMessage {
  return { chatKey, reply: reply(`tin ${n}`), ref: `test|${n}` };
}

/** A sendOne that records the fake time of each call and answers ok (or what `answer` says). */
function recorder(answer?: (m: OutgoingMessage, call: number) => SendOneResult | Promise<SendOneResult>) {
  const calls: { chatKey: ChatKey; ref: string; at: number }[] = [];
  const sendOne = async (m: OutgoingMessage): Promise<SendOneResult> => {
    calls.push({ chatKey: m.chatKey, ref: m.ref, at: Date.now() - T0 });
    return (await answer?.(m, calls.length)) ?? { chatKey: m.chatKey, result: "ok", messageId: String(calls.length) };
  };
  return { calls, sendOne };
}

describe("createThrottledOutbox", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("starts at most 30 messages in any second across chats, and the 31st exactly one second after the first", async () => {
    const { calls, sendOne } = recorder();
    const outbox = createThrottledOutbox(sendOne, TELEGRAM_LIMITS);
    const done = outbox.send(Array.from({ length: 65 }, (_, i) => msg(`telegram:${1000 + i}`, i)));
    await vi.advanceTimersByTimeAsync(5_000);
    const results = await done;
    expect(results.every((r) => r.result === "ok")).toBe(true);
    const times = calls.map((c) => c.at);
    expect(times.filter((t) => t === 0)).toHaveLength(30);
    expect(times.filter((t) => t === 1000)).toHaveLength(30);
    expect(times.filter((t) => t === 2000)).toHaveLength(5);
    for (const t of times) expect(times.filter((s) => s > t - 1000 && s <= t).length).toBeLessThanOrEqual(30);
  });

  it("sends to one private chat at most once per second, in order", async () => {
    const { calls, sendOne } = recorder();
    const outbox = createThrottledOutbox(sendOne, TELEGRAM_LIMITS);
    const done = outbox.send([0, 1, 2, 3].map((i) => msg("telegram:42", i)));
    await vi.advanceTimersByTimeAsync(10_000);
    await done;
    expect(calls.map((c) => [c.ref, c.at])).toEqual([
      ["test|0", 0],
      ["test|1", 1000],
      ["test|2", 2000],
      ["test|3", 3000],
    ]);
  });

  it("sends at most 20 messages per minute to one group: the 21st waits until a minute after the first", async () => {
    const { calls, sendOne } = recorder();
    const outbox = createThrottledOutbox(sendOne, TELEGRAM_LIMITS);
    const done = outbox.send(Array.from({ length: 22 }, (_, i) => msg("telegram:-1001234", i)));
    await vi.advanceTimersByTimeAsync(120_000);
    await done;
    const times = calls.map((c) => c.at);
    expect(times.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => i * 1000));
    expect(times[20]).toBe(60_000);
    expect(times[21]).toBe(61_000);
  });

  it("lets chats take turns, so a long batch to one chat does not hold up a message to another", async () => {
    const { calls, sendOne } = recorder();
    const outbox = createThrottledOutbox(sendOne, { ...TELEGRAM_LIMITS, perSecond: 2 });
    const a = outbox.send([0, 1, 2, 3, 4].map((i) => msg("telegram:1", i)));
    const b = outbox.send([msg("telegram:2", 9)]);
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all([a, b]);
    expect(calls.find((c) => c.chatKey === "telegram:2")?.at).toBe(0);
  });

  it("honours a 429: waits the seconds asked before any further send, then retries and reports ok", async () => {
    const { calls, sendOne } = recorder((m, call) => (call === 1 ? retryAfter(7) : { chatKey: m.chatKey, result: "ok", messageId: "5" }));
    const outbox = createThrottledOutbox(sendOne, TELEGRAM_LIMITS);
    const done = outbox.send([msg("telegram:1", 1)]);
    await vi.advanceTimersByTimeAsync(0);
    const later = outbox.send([msg("telegram:2", 2)]);
    await vi.advanceTimersByTimeAsync(6_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    const [results, laterResults] = await Promise.all([done, later]);
    expect(calls.map((c) => [c.chatKey, c.at])).toEqual([
      ["telegram:1", 0],
      ["telegram:1", 7000],
      ["telegram:2", 7000],
    ]);
    expect(results).toEqual([{ chatKey: "telegram:1", result: "ok", messageId: "5" }]);
    expect(laterResults[0]?.result).toBe("ok");
  });

  it("awaits each message's beforeSend when the message leaves the queue, once even across a 429, and sends nothing when it rejects", async () => {
    const { calls, sendOne } = recorder((m, call) => (call === 1 ? retryAfter(2) : { chatKey: m.chatKey, result: "ok", messageId: String(call) }));
    const outbox = createThrottledOutbox(sendOne, TELEGRAM_LIMITS);
    const marks: [string, number][] = [];
    const marked = (m: OutgoingMessage): OutgoingMessage => ({ ...m, beforeSend: async () => void marks.push([m.ref, Date.now() - T0]) });
    const refused: OutgoingMessage = { ...msg("telegram:3", 3), beforeSend: () => Promise.reject(new Error("store down")) };
    const done = outbox.send([marked(msg("telegram:1", 1)), marked(msg("telegram:1", 2)), refused]);
    await vi.advanceTimersByTimeAsync(0);
    // The second message to the same chat is still queued: it is not marked yet.
    expect(marks).toEqual([["test|1", 0]]);
    await vi.advanceTimersByTimeAsync(5_000);
    const results = await done;
    expect(marks).toEqual([["test|1", 0], ["test|2", 3000]]);
    expect(calls.map((c) => [c.ref, c.at])).toEqual([["test|1", 0], ["test|1", 2000], ["test|2", 3000]]);
    expect(results.map((r) => r.result)).toEqual(["ok", "ok", "failed"]);
    expect(results[2]!.error).toMatch(/^not sent: the attempt could not be recorded \(store down\)/);
  });

  it("reports failed, not a crash, after too many 429s or when sendOne throws", async () => {
    const { sendOne } = recorder((m) => {
      if (m.chatKey === "telegram:1") return retryAfter(1);
      throw new Error("network down");
    });
    const outbox = createThrottledOutbox(sendOne, { ...TELEGRAM_LIMITS, maxRetries: 2 });
    const done = outbox.send([msg("telegram:1"), msg("telegram:2")]);
    await vi.advanceTimersByTimeAsync(10_000);
    const results = await done;
    expect(results[0]).toMatchObject({ chatKey: "telegram:1", result: "failed" });
    expect(results[0]?.error).toMatch(/rate-limited after 2 retries/);
    expect(results[1]).toEqual({ chatKey: "telegram:2", result: "failed", error: "network down" });
    expect(outbox.pending()).toBe(0);
  });

  it("keeps every window a margin longer when asked: the 31st message starts one second plus the margin after the first", async () => {
    const { calls, sendOne } = recorder();
    const outbox = createThrottledOutbox(sendOne, { ...TELEGRAM_LIMITS, windowMarginMs: 100 });
    const done = outbox.send([...Array.from({ length: 31 }, (_, i) => msg(`telegram:${1000 + i}`, i)), msg("telegram:1000", 99)]);
    await vi.advanceTimersByTimeAsync(5_000);
    await done;
    const times = calls.map((c) => c.at);
    expect(times.filter((t) => t === 0)).toHaveLength(30);
    expect(times.slice(30)).toEqual([1100, 1100]);
  });

  it("returns results in the order of the messages, whatever order they were sent in", async () => {
    const { sendOne } = recorder();
    const outbox = createThrottledOutbox(sendOne, TELEGRAM_LIMITS);
    const done = outbox.send([msg("telegram:1", 1), msg("telegram:1", 2), msg("telegram:2", 3)]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect((await done).map((r) => r.chatKey)).toEqual(["telegram:1", "telegram:1", "telegram:2"]);
  });
});
