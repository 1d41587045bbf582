import { Writable } from "node:stream";
import { HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { createLogger, scrubSecrets, secretsOf, serializeError } from "../src/logger.js";

const TOKEN = "7654321:AAH-secret_value-0123456789abcdef";
const ZALO = "1459232241454765289:zalo-secret-abcdefghijkl";

function capture(secrets: string[] = []) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const log = createLogger("debug", { secrets, stream: stream as never });
  return { log, text: () => lines.join("") };
}

describe("scrubSecrets", () => {
  it.each([
    [`https://api.telegram.org/bot${TOKEN}/sendDocument`, "https://api.telegram.org/bot<redacted>/sendDocument"],
    [`https://bot-api.zaloplatforms.com/bot${ZALO}/sendMessage?x=1`, "https://bot-api.zaloplatforms.com/bot<redacted>/sendMessage?x=1"],
    [`token is ${TOKEN}.`, "token is <redacted>."],
  ])("removes the token from %s", (input, expected) => {
    expect(scrubSecrets(input, [])).toBe(expected);
  });

  it("removes configured secret values, also JSON-escaped", () => {
    const secret = 'webhook"secret\\value';
    expect(scrubSecrets(`a ${secret} b ${JSON.stringify(secret)}`, [secret])).not.toContain("secret");
  });

  it("collects the configured secrets of a config", () => {
    expect(secretsOf({ BOT_TOKEN: TOKEN, WEBHOOK_SECRET: "", LINK_SECRET: "link-secret-1", PORT: 1 })).toEqual([TOKEN, "link-secret-1"]);
  });

  it("counts DATABASE_URL and the password inside it as secrets, so neither is ever logged", () => {
    const url = "postgres://assistant:p%40ss-w0rd@db:5432/trolyhopnhat";
    expect(secretsOf({ DATABASE_URL: url })).toEqual([url, "p@ss-w0rd"]);
    expect(scrubSecrets(`connect failed for assistant with p@ss-w0rd`, secretsOf({ DATABASE_URL: url }))).not.toContain("p@ss-w0rd");
  });
});

describe("createLogger", () => {
  it("never writes the bot token of a failed file send, in the error, its cause or the message", () => {
    const { log, text } = capture([TOKEN]);
    const cause = new TypeError(`fetch failed: POST https://api.telegram.org/bot${TOKEN}/sendDocument ECONNRESET`);
    const error = new HttpError(`Network request for 'sendDocument' failed! (url https://api.telegram.org/bot${TOKEN}/sendDocument)`, cause);
    log.error({ err: error, url: `https://api.telegram.org/bot${TOKEN}/sendDocument` }, `send failed for bot${TOKEN}`);
    log.warn({ config: { BOT_TOKEN: TOKEN }, token: TOKEN, headers: { authorization: "Bearer x" } }, "settings");
    const out = text();
    expect(out).toContain("sendDocument");
    expect(out).toContain("<redacted>");
    expect(out).not.toContain("AAH-secret_value");
    expect(out).not.toContain("Bearer x");
  });

  it("keeps the stack and causes of an error, scrubbed", () => {
    const serialized = serializeError(Object.assign(new Error("outer"), { cause: new Error(`inner bot${TOKEN}/getMe`) }), []) as Record<string, unknown>;
    expect(serialized).toMatchObject({ type: "Error", message: "outer" });
    expect(JSON.stringify(serialized.cause)).toContain("bot<redacted>/getMe");
    expect(String(serialized.stack)).toMatch(/at /);
  });
});
