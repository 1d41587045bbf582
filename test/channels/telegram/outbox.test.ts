import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import { createTelegramSender } from "../../../src/channels/telegram/outbox.js";
import { isRetryAfter } from "../../../src/channels/throttled-outbox.js";
import { openStore } from "../../../src/store/open-store.js";
import { createFixedClock } from "../../../src/core/time.js";
import { createMemoryLogger } from "../../helpers/app.js";
import { type ApiCall, type FailRule, recordingTransformer, TOKEN } from "../../helpers/telegram.js";

async function sender(fail: FailRule) {
  const calls: ApiCall[] = [];
  const api = new Api(TOKEN);
  api.config.use(recordingTransformer(calls, { nextMessageId: 10, fail }));
  const store = await openStore({ file: ":memory:" });
  return { calls, sendOne: createTelegramSender({ api, store, clock: createFixedClock("2025-05-09T08:30:00+07:00"), log: createMemoryLogger() }) };
}

const tooMany = { error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } };

describe("the Telegram sender", () => {
  it("hands a 429 back to the throttled outbox when nothing of the message was sent", async () => {
    const { sendOne } = await sender(() => tooMany);
    const outcome = await sendOne({ chatKey: "telegram:5", ref: "r", reply: { text: ["Nhắc việc"] } });
    expect(isRetryAfter(outcome) && outcome.retryAfter).toBe(3);
  });

  it("reports a 429 after a partial send as failed, so the parts that arrived are never sent twice", async () => {
    let texts = 0;
    const { sendOne } = await sender((c) => (c.method === "sendMessage" && ++texts === 2 ? tooMany : undefined));
    const long = Array.from({ length: 80 }, (_, i) => `Dòng ${i} ${"x".repeat(80)}`).join("\n");
    const outcome = await sendOne({ chatKey: "telegram:5", ref: "r", reply: { text: [long] } });
    expect(isRetryAfter(outcome)).toBe(false);
    expect(outcome).toMatchObject({ result: "failed" });
  });
});
