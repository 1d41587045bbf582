import { describe, expect, it } from "vitest";
import { adminKeysFrom, createConfig } from "../src/config.js";
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
    const polling = createConfig({ BOT_TOKEN: token });
    expect(polling.mode).toBe("channels");
    expect(polling.channels.telegram?.transport).toEqual({ kind: "polling" });
    expect(polling.webServer).toBe(false);
    const c = createConfig({ BOT_TOKEN: token, WEBHOOK_URL: "https://bot.example.vn/tg", WEBHOOK_SECRET: "s3cret-s3cret-s3cret" });
    expect(c.channels.telegram?.transport).toEqual({ kind: "webhook", url: "https://bot.example.vn/tg", secret: "s3cret-s3cret-s3cret" });
    expect(c.webServer).toBe(true);
  });

  it("requires one LINK_SECRET for instances that share a database and sign links", () => {
    const url = "postgres://assistant:pw@db:5432/assistant";
    expect(createConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    expect(() => createConfig({ DATABASE_URL: url, PUBLIC_URL: "https://bot.example.gov.vn" })).toThrow(/LINK_SECRET is required with DATABASE_URL and PUBLIC_URL/);
    expect(createConfig({ DATABASE_URL: url, PUBLIC_URL: "https://bot.example.gov.vn", LINK_SECRET: "x".repeat(32) }).PUBLIC_URL).toBe("https://bot.example.gov.vn");
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
    expect(problems).toMatch(/ADMIN_IDS="alice": must be a comma-separated list of user ids: a bare number or telegram:<number> for Telegram, zalo:<id> for Zalo/);
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
    for (const bad of ["25:00", "8:3", "8:", "8h300", "noon"]) expect(() => createConfig({ REMINDER_TIME: bad }), bad).toThrow(FileProblemError);
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
      'WEBHOOK_URL="http://bot.example.vn/tg": must start with https:// (plain http is accepted only for localhost and 127.0.0.1)',
    ]);
    expect(createConfig({ ...base, WEBHOOK_URL: "http://127.0.0.1:8443/tg" }).WEBHOOK_URL).toBe("http://127.0.0.1:8443/tg");
    expect(createConfig({ ...base, WEBHOOK_URL: "http://localhost:8443/tg" }).WEBHOOK_URL).toBe("http://localhost:8443/tg");
  });

  it("treats empty strings as unset, as an .env file with blank lines gives them", () => {
    expect(createConfig({ BOT_TOKEN: "", WEBHOOK_URL: "", WEBHOOK_SECRET: "" }).mode).toBe("console");
  });

  it("turns Zalo on with ZALO_BOT_TOKEN, alone or beside Telegram, polling by default", () => {
    const zalo = createConfig({ ZALO_BOT_TOKEN: "1459232241454765289:abc-xyz_123" });
    expect(zalo.mode).toBe("channels");
    expect(zalo.channels).toEqual({ zalo: { token: "1459232241454765289:abc-xyz_123", apiRoot: "https://bot-api.zaloplatforms.com", transport: { kind: "polling" } } });
    const both = createConfig({
      ZALO_BOT_TOKEN: "1459232241454765289:abc-xyz_123",
      ZALO_WEBHOOK_URL: "https://bot.example.gov.vn/zalo",
      ZALO_WEBHOOK_SECRET: "zalo-secret-1",
      BOT_TOKEN: "123456:ABCdefGhIJKlmnoPQRstuVWXyz_0123",
    });
    expect(both.channels.zalo?.transport).toEqual({ kind: "webhook", url: "https://bot.example.gov.vn/zalo", secret: "zalo-secret-1" });
    expect(both.channels.telegram?.transport.kind).toBe("polling");
    expect(both.webServer).toBe(true);
  });

  it("requires https for webhook and public URLs, except on localhost and 127.0.0.1", () => {
    const zalo = { ZALO_BOT_TOKEN: "1459232241454765289:abc-xyz_123", ZALO_WEBHOOK_SECRET: "zalo-secret-1" };
    expect(() => createConfig({ ...zalo, ZALO_WEBHOOK_URL: "http://bot.example.gov.vn/zalo" })).toThrow(/ZALO_WEBHOOK_URL="http:\/\/bot.example.gov.vn\/zalo": must start with https:\/\//);
    expect(() => createConfig({ PUBLIC_URL: "http://bot.example.gov.vn" })).toThrow(/PUBLIC_URL=.*must start with https/);
    expect(() => createConfig({ BOT_TOKEN: "123456:ABCdefGhIJKlmnoPQRstuVWXyz_0123", WEBHOOK_URL: "http://x.vn/tg", WEBHOOK_SECRET: "s3cret-s3cret-s3cret" })).toThrow(/WEBHOOK_URL=.*must start with https/);
    expect(createConfig({ ...zalo, ZALO_WEBHOOK_URL: "http://127.0.0.1:8080/zalo" }).channels.zalo?.transport.kind).toBe("webhook");
    expect(createConfig({ PUBLIC_URL: "http://localhost:8080" }).webServer).toBe(true);
  });

  it("accepts namespaced admin ids, a bare number meaning Telegram", () => {
    const c = createConfig({ ADMIN_IDS: "12, telegram:34,zalo:6ede9afa66b88fe6d6a9" });
    expect(adminKeysFrom(c.ADMIN_IDS)).toEqual(["telegram:12", "telegram:34", "zalo:6ede9afa66b88fe6d6a9"]);
  });

  it("never prints the Zalo token, the Zalo webhook secret or the link secret, even when they are wrong", () => {
    let error: unknown;
    try {
      createConfig({ ZALO_BOT_TOKEN: "no-colon-here", ZALO_WEBHOOK_SECRET: "short", LINK_SECRET: "tiny-secret" });
    } catch (e) {
      error = e;
    }
    const text = (error as FileProblemError).message;
    expect(text).toMatch(/ZALO_BOT_TOKEN=\(hidden, 13 characters\): does not look like a Zalo bot token/);
    expect(text).toMatch(/ZALO_WEBHOOK_SECRET=\(hidden, 5 characters\)/);
    expect(text).toMatch(/LINK_SECRET=\(hidden, 11 characters\)/);
    for (const secret of ["no-colon-here", "short", "tiny-secret"]) expect(text).not.toContain(secret);
  });

  it("takes DATABASE_URL as a PostgreSQL connection string, and hides it when it is wrong", () => {
    expect(createConfig({ DATABASE_URL: "postgres://a:b@db:5432/x" }).DATABASE_URL).toBe("postgres://a:b@db:5432/x");
    expect(createConfig({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
    let error: unknown;
    try {
      createConfig({ DATABASE_URL: "mysql://root:hunter2@db/x" });
    } catch (e) {
      error = e;
    }
    const text = (error as FileProblemError).problems.join("\n");
    expect(text).toMatch(/DATABASE_URL=\(hidden, 25 characters\): must be a PostgreSQL connection string, e.g. postgres:\/\//);
    expect(text).not.toContain("hunter2");
  });
});
