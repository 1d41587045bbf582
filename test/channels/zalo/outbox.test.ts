import { afterEach, describe, expect, it } from "vitest";
import { createZaloClient, ZaloApiError, type ZaloClient } from "../../../src/channels/zalo/client.js";
import { createQuotaGuard, createZaloSender, type ZaloSenderDeps, zaloChatId } from "../../../src/channels/zalo/outbox.js";
import { createZaloOutbox } from "../../../src/channels/zalo/start.js";
import type { OutgoingMessage, SendResult } from "../../../src/core/ports.js";
import { type Attachment, reply } from "../../../src/core/reply.js";
import { isRetryAfter, type SendOneResult } from "../../../src/channels/throttled-outbox.js";
import { openStore } from "../../../src/store/open-store.js";
import { createMemoryLogger } from "../../helpers/app.js";
import { type FakeZaloApi, startFakeZaloApi } from "../../helpers/fake-zalo-api.js";

let fake: FakeZaloApi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const PAUSE_MS = 60_000;

async function setup(over: Partial<ZaloSenderDeps> = {}) {
  fake = await startFakeZaloApi({ echoOwnMessages: false });
  const client = createZaloClient({ token: fake.token, apiRoot: fake.url, timeoutMs: 3000 });
  const log = createMemoryLogger();
  let nowMs = Date.parse("2025-05-01T02:00:00Z");
  const sleeps: number[] = [];
  const pauses: { until: Date; chatKey: string; ref: string }[] = [];
  const deps: ZaloSenderDeps = {
    client,
    log,
    quota: createQuotaGuard(PAUSE_MS),
    now: () => nowMs,
    sleep: async (ms) => void sleeps.push(ms),
    onQuotaPause: (info) => void pauses.push(info),
    ...over,
  };
  const send = createZaloSender(deps);
  return {
    fake,
    log,
    sleeps,
    pauses,
    advance: (ms: number) => (nowMs += ms),
    send: async (m: OutgoingMessage): Promise<SendResult> => {
      const r: SendOneResult = await send(m);
      if (isRetryAfter(r)) throw new Error("the Zalo sender never asks to retry later");
      return r;
    },
  };
}

const msg = (text: string, over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({ chatKey: "zalo:u1", reply: reply(text), ref: "test|1", ...over });

describe("createZaloSender", () => {
  it("sends a reply as one sendMessage and returns ok with its message id", async () => {
    const t = await setup();
    const r = await t.send(msg("Xin chào anh/chị"));
    expect(t.fake.sent).toHaveLength(1);
    expect(t.fake.sent[0]).toMatchObject({ method: "sendMessage", chatId: "u1", text: "Xin chào anh/chị", status: 200 });
    expect(r).toEqual({ chatKey: "zalo:u1", result: "ok", messageId: t.fake.sent[0]!.messageId });
  });

  it("splits a long reply into several sendMessage calls of at most 2000 characters, in order, and returns the last id", async () => {
    const t = await setup();
    const lines = Array.from({ length: 200 }, (_, i) => `Dòng số ${String(i).padStart(3, "0")}: ${"nội dung ".repeat(3)}`);
    const r = await t.send(msg(lines.join("\n")));
    expect(t.fake.sent.length).toBeGreaterThan(2);
    for (const c of t.fake.sent) {
      expect(c.status).toBe(200);
      expect(c.text!.length).toBeLessThanOrEqual(2000);
    }
    expect(t.fake.sent.flatMap((c) => c.text!.split("\n")).map((l) => l.trimEnd())).toEqual(lines.map((l) => l.trimEnd()));
    expect(r).toMatchObject({ result: "ok", messageId: t.fake.sent.at(-1)!.messageId });
  });

  it("refuses a chat key of another channel without calling the API", async () => {
    const t = await setup();
    const r = await t.send(msg("x", { chatKey: "telegram:42" }));
    expect(r).toMatchObject({ result: "failed", error: expect.stringMatching(/not a Zalo chat/) });
    expect(t.fake.calls).toHaveLength(0);
  });

  it("fails a message refused with 429 and reports the quota pause once", async () => {
    const t = await setup();
    t.fake.setQuotaExceeded(true);
    const r = await t.send(msg("a"));
    expect(r).toMatchObject({ result: "failed", error: expect.stringMatching(/429/) });
    expect(t.pauses).toHaveLength(1);
    expect(t.pauses[0]).toMatchObject({ chatKey: "zalo:u1", ref: "test|1" });
    expect(t.pauses[0]!.until.getTime()).toBe(Date.parse("2025-05-01T02:00:00Z") + PAUSE_MS);
    expect(t.log.entries.some((e) => e.level === "error" && /quota/.test(e.msg ?? ""))).toBe(true);
  });

  it("fails later sends at once during a quota pause, without calling the API or reporting again", async () => {
    const t = await setup();
    t.fake.setQuotaExceeded(true);
    await t.send(msg("a"));
    const callsAfterFirst = t.fake.calls.length;
    t.advance(PAUSE_MS - 1);
    const r = await t.send(msg("b", { chatKey: "zalo:u2" }));
    expect(r).toMatchObject({ chatKey: "zalo:u2", result: "failed", error: expect.stringMatching(/paused until/) });
    expect(t.fake.calls.length).toBe(callsAfterFirst);
    expect(t.pauses).toHaveLength(1);
  });

  it("sends again once the pause is over, and reports a new pause once more", async () => {
    const t = await setup();
    t.fake.setQuotaExceeded(true);
    await t.send(msg("a"));
    t.advance(PAUSE_MS);
    t.fake.setQuotaExceeded(false);
    expect(await t.send(msg("b"))).toMatchObject({ result: "ok" });
    t.fake.setQuotaExceeded(true);
    expect(await t.send(msg("c"))).toMatchObject({ result: "failed" });
    expect(t.pauses).toHaveLength(2);
  });

  it("does not retry a 429", async () => {
    const t = await setup();
    t.fake.setQuotaExceeded(true);
    await t.send(msg("a"));
    expect(t.fake.calls.filter((c) => c.method === "sendMessage")).toHaveLength(1);
    expect(t.sleeps).toEqual([]);
  });

  it("keeps sending the result when the quota report throws", async () => {
    const t = await setup({ onQuotaPause: () => Promise.reject(new Error("store is down")) });
    t.fake.setQuotaExceeded(true);
    expect(await t.send(msg("a"))).toMatchObject({ result: "failed" });
    expect(t.log.entries.some((e) => e.level === "warn" && /could not be reported/.test(e.msg ?? ""))).toBe(true);
  });

  it("retries a 403 (Zalo's internal error) after the injected delays and succeeds", async () => {
    const t = await setup();
    t.fake.failNext("sendMessage", 403);
    t.fake.failNext("sendMessage", 403);
    const r = await t.send(msg("a"));
    expect(r).toMatchObject({ result: "ok" });
    expect(t.sleeps).toEqual([1000, 3000]);
    expect(t.fake.sent.map((c) => c.status)).toEqual([403, 403, 200]);
  });

  it("gives up after three attempts of a 403", async () => {
    const t = await setup();
    for (let i = 0; i < 4; i++) t.fake.failNext("sendMessage", 403);
    const r = await t.send(msg("a"));
    expect(r).toMatchObject({ result: "failed", error: expect.stringMatching(/403/) });
    expect(t.fake.sent).toHaveLength(3);
  });

  it("does not retry a 400 and fails with its description", async () => {
    const t = await setup();
    t.fake.failNext("sendMessage", 400, "text must be 1-2000 characters");
    const r = await t.send(msg("a"));
    expect(r).toMatchObject({ result: "failed", error: expect.stringMatching(/400.*1-2000/) });
    expect(t.fake.sent).toHaveLength(1);
    expect(t.sleeps).toEqual([]);
  });

  it("does not retry a 401 and logs how to fix the token", async () => {
    const t = await setup();
    t.fake.failNext("sendMessage", 401);
    const r = await t.send(msg("a"));
    expect(r).toMatchObject({ result: "failed" });
    expect(t.fake.sent).toHaveLength(1);
    expect(t.log.entries.some((e) => e.level === "error" && /ZALO_BOT_TOKEN/.test(e.msg ?? ""))).toBe(true);
  });

  it("does not retry the rest of a reply after a part was sent, and says how many parts arrived", async () => {
    const t = await setup();
    let calls = 0;
    const real = createZaloClient({ token: t.fake.token, apiRoot: t.fake.url });
    const flaky: ZaloClient = {
      ...real,
      async sendMessage(p) {
        calls += 1;
        if (calls === 2) throw new ZaloApiError("sendMessage", 403, "Internal server error");
        return real.sendMessage(p);
      },
    };
    const send = createZaloSender({ client: flaky, log: t.log, quota: createQuotaGuard(), now: () => 0, sleep: async (ms) => void t.sleeps.push(ms) });
    const long = Array.from({ length: 300 }, (_, i) => `Dòng ${i} ${"x".repeat(20)}`).join("\n");
    const r = (await send(msg(long))) as SendResult;
    expect(r).toMatchObject({ result: "failed", error: expect.stringMatching(/after 1 part\(s\) were sent/) });
    expect(calls).toBe(2);
    expect(t.sleeps).toEqual([]);
  });

  it("sends a linked photo attachment with sendPhoto after the text", async () => {
    const t = await setup();
    const chart: Attachment = { kind: "photo", filename: "chart.png", data: new Uint8Array([1]), caption: "Biểu đồ", source: { kind: "digest-chart", asOf: "2025-05-01T02:00:00.000Z" } };
    const send = createZaloSender({
      client: createZaloClient({ token: t.fake.token, apiRoot: t.fake.url }),
      log: t.log,
      quota: createQuotaGuard(),
      now: () => 0,
      linkFor: () => `${t.fake.url}/files/chart.png`,
    });
    const r = (await send(msg("Tổng hợp", { reply: reply("Tổng hợp", { attachments: [chart] }) }))) as SendResult;
    expect(r.result).toBe("ok");
    expect(t.fake.sent.map((c) => c.method)).toEqual(["sendMessage", "sendPhoto"]);
    expect(t.fake.sent[1]).toMatchObject({ photo: `${t.fake.url}/files/chart.png`, caption: "Biểu đồ", status: 200 });
  });
});

describe("createQuotaGuard", () => {
  it("is not paused before any trip", () => {
    expect(createQuotaGuard(1000).pausedUntil(5)).toBeNull();
  });

  it("starts a pause on the first trip and reports it as new", () => {
    const g = createQuotaGuard(1000);
    expect(g.trip(100)).toBe(true);
    expect(g.pausedUntil(100)).toBe(1100);
    expect(g.pausedUntil(1099)).toBe(1100);
  });

  it("extends a running pause without reporting it as new", () => {
    const g = createQuotaGuard(1000);
    g.trip(100);
    expect(g.trip(600)).toBe(false);
    expect(g.pausedUntil(1500)).toBe(1600);
  });

  it("ends the pause at its end and reports the next trip as new", () => {
    const g = createQuotaGuard(1000);
    g.trip(100);
    expect(g.pausedUntil(1100)).toBeNull();
    expect(g.trip(1100)).toBe(true);
  });
});

describe("zaloChatId", () => {
  it("takes the chat id out of a zalo chat key and refuses other keys", () => {
    expect(zaloChatId("zalo:6ede9afa66b88fe6d6a9")).toBe("6ede9afa66b88fe6d6a9");
    expect(zaloChatId("telegram:42")).toBeNull();
    expect(zaloChatId("zalo:a/b" as "zalo:x")).toBeNull();
  });
});

describe("createZaloOutbox", () => {
  it("delivers through the throttled outbox to the fake API", async () => {
    fake = await startFakeZaloApi({ echoOwnMessages: false });
    const store = await openStore({ file: ":memory:" });
    const outbox = createZaloOutbox({ client: createZaloClient({ token: fake.token, apiRoot: fake.url }), store, log: createMemoryLogger(), now: () => Date.now() });
    const results = await outbox.send([msg("một", { chatKey: "zalo:u1" }), msg("hai", { chatKey: "zalo:u2" })]);
    expect(results.map((r) => r.result)).toEqual(["ok", "ok"]);
    expect(fake.sent.map((c) => [c.chatId, c.text]).sort()).toEqual([["u1", "một"], ["u2", "hai"]]);
    await store.close();
  });
});
