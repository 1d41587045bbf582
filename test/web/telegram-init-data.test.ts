import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dataCheckString, validateInitData } from "../../src/web/telegram-init-data.js";

const TOKEN = "7000000001:AAH-known-vector-token_for_tests_only";
const USER = JSON.stringify({ id: 4242, first_name: "Lan", language_code: "vi" });
const AUTH_DATE = 1746064800; // 2025-05-01T02:00:00Z

/** The known vector, built by hand from Telegram's documented steps (not with the code under test). */
function signedInitData(fields: Record<string, string>, token = TOKEN): string {
  const check = Object.keys(fields)
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join("\n");
  const secret = createHmac("sha256", "WebAppData").update(token).digest();
  const hash = createHmac("sha256", secret).update(check).digest("hex");
  return new URLSearchParams({ ...fields, hash }).toString();
}

const FIELDS = { query_id: "AAHdF6IQAAAAAN0XohDhrOrc", user: USER, auth_date: String(AUTH_DATE) };
const NOW = new Date((AUTH_DATE + 60) * 1000);

describe("validateInitData", () => {
  it("accepts initData signed with the bot token as Telegram documents, and returns the user", () => {
    const checked = validateInitData(signedInitData(FIELDS), TOKEN, NOW);
    expect(checked).toEqual({ ok: true, user: { id: 4242, first_name: "Lan", language_code: "vi" }, authDate: new Date(AUTH_DATE * 1000) });
  });

  it("builds the data-check-string from every field but hash, sorted by key and joined with new lines", () => {
    const params = new URLSearchParams(signedInitData(FIELDS));
    expect(dataCheckString(params)).toBe(`auth_date=${AUTH_DATE}\nquery_id=AAHdF6IQAAAAAN0XohDhrOrc\nuser=${USER}`);
  });

  it("refuses a changed user id as forged", () => {
    const tampered = signedInitData(FIELDS).replace("4242", "4243");
    expect(validateInitData(tampered, TOKEN, NOW)).toEqual({ ok: false, reason: "forged" });
  });

  it("refuses data signed with another bot's token as forged", () => {
    expect(validateInitData(signedInitData(FIELDS, "7000000002:other-token-xxxxxxxxxxxxxxxx"), TOKEN, NOW)).toEqual({ ok: false, reason: "forged" });
  });

  it("refuses data older than a day as expired", () => {
    expect(validateInitData(signedInitData(FIELDS), TOKEN, new Date((AUTH_DATE + 86_401) * 1000))).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses data without a hash, or with a user that is not JSON, as malformed", () => {
    expect(validateInitData(new URLSearchParams(FIELDS).toString(), TOKEN, NOW)).toEqual({ ok: false, reason: "malformed" });
    expect(validateInitData(signedInitData({ ...FIELDS, user: "not json" }), TOKEN, NOW)).toEqual({ ok: false, reason: "malformed" });
  });
});
