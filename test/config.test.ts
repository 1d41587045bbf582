import { describe, expect, it } from "vitest";
import { createConfig } from "../src/config.js";
import { FileProblemError } from "../src/core/errors.js";

describe("createConfig", () => {
  it("gives safe defaults and console mode when nothing is set", () => {
    const c = createConfig({});
    expect(c.mode).toBe("console");
    expect(c.DATA_FILE).toBe("data/db.json");
    expect(c.CONTENT_DIR).toBe("content");
    expect(c.REMINDER_TIME).toBe("08:30");
    expect(c.DIGEST_CRON).toBe("0 8 * * 1");
    expect(c.TELEGRAM_API_ROOT).toBe("https://api.telegram.org");
    expect(c.timeZone).toBe("Asia/Ho_Chi_Minh");
    expect(c.ADMIN_IDS).toEqual([]);
  });

  it("chooses polling with a token and webhook with a token, URL and secret", () => {
    const token = "123456:ABCdefGhIJKlmnoPQRstuVWXyz_0123";
    expect(createConfig({ BOT_TOKEN: token }).mode).toBe("polling");
    const c = createConfig({ BOT_TOKEN: token, WEBHOOK_URL: "https://bot.example.vn/tg", WEBHOOK_SECRET: "s3cret-s3cret-s3cret" });
    expect(c.mode).toBe("webhook");
  });

  it("parses admin ids from a comma-separated list", () => {
    expect(createConfig({ ADMIN_IDS: "12, 34,56" }).ADMIN_IDS).toEqual(["12", "34", "56"]);
  });

  it("names every wrong variable and says why", () => {
    let error: unknown;
    try {
      createConfig({ REMINDER_TIME: "8h75", PORT: "http", ADMIN_IDS: "alice", BOT_TOKEN: "nope" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FileProblemError);
    const problems = (error as FileProblemError).problems.join("\n");
    expect(problems).toMatch(/REMINDER_TIME="8h75": must be a time HH:mm, e.g. 08:30 \(8:30 and 8h30 work too\)/);
    expect(problems).toMatch(/PORT="http"/);
    expect(problems).toMatch(/ADMIN_IDS="alice": must be a comma-separated list of numeric Telegram user ids/);
    expect(problems).toMatch(/BOT_TOKEN=\(hidden, 4 characters\): does not look like a Telegram bot token/);
    expect(problems).not.toContain("nope");
  });

  it("requires a webhook secret when a webhook URL is set", () => {
    expect(() => createConfig({ BOT_TOKEN: "123456:ABCdefGhIJKlmnoPQRstuVWXyz_0123", WEBHOOK_URL: "https://x.vn/tg" })).toThrow(
      /WEBHOOK_SECRET is required with WEBHOOK_URL/,
    );
  });

  it("reads reminder times as people write them", () => {
    for (const [typed, time] of [["8:30", "08:30"], ["08:30", "08:30"], ["8h30", "08:30"], ["8H30", "08:30"], ["8h", "08:00"], ["8.30", "08:30"], [" 17:05 ", "17:05"]]) {
      expect(createConfig({ REMINDER_TIME: typed }).REMINDER_TIME, typed).toBe(time);
    }
    for (const bad of ["25:00", "8:3", "8h300", "noon"]) expect(() => createConfig({ REMINDER_TIME: bad }), bad).toThrow(FileProblemError);
  });

  it("requires https for WEBHOOK_URL, as the README says, except on localhost for tests", () => {
    const base = { BOT_TOKEN: "123456:ABCdefGhIJKlmnoPQRstuVWXyz_0123", WEBHOOK_SECRET: "s3cret-s3cret-s3cret" };
    let error: unknown;
    try {
      createConfig({ ...base, WEBHOOK_URL: "http://bot.example.vn/tg" });
    } catch (e) {
      error = e;
    }
    expect((error as FileProblemError).problems).toEqual([
      'WEBHOOK_URL="http://bot.example.vn/tg": must start with https:// (the webhook Telegram calls must be https); plain http:// is accepted only for localhost or 127.0.0.1, in tests',
    ]);
    expect(createConfig({ ...base, WEBHOOK_URL: "http://127.0.0.1:8443/tg" }).mode).toBe("webhook");
    expect(createConfig({ ...base, WEBHOOK_URL: "http://localhost:8443/tg" }).mode).toBe("webhook");
  });

  it("treats empty strings as unset, as an .env file with blank lines gives them", () => {
    expect(createConfig({ BOT_TOKEN: "", WEBHOOK_URL: "", WEBHOOK_SECRET: "" }).mode).toBe("console");
  });
});
