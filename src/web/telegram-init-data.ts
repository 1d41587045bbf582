/**
 * Checks the initData Telegram gives a Web App, as Telegram documents it ("Validating data received via
 * the Mini App"): the data-check-string is every field except `hash`, as `key=value` sorted by key and
 * joined with "\n"; the secret key is HMAC-SHA256 of the bot token keyed with "WebAppData"; the hash is
 * the hex HMAC-SHA256 of the data-check-string keyed with that secret. Pure: the moment is passed in.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** The Telegram user who opened the Web App. */
export interface WebAppUser {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** Why initData was refused. */
export type InitDataRefusal = "malformed" | "forged" | "expired";

/** How old initData may be: a day, like every other link to the board. */
export const INIT_DATA_MAX_AGE_S = 24 * 60 * 60;

/** The data-check-string of initData: every field but `hash`, `key=value`, sorted by key, joined with "\n". */
export function dataCheckString(params: URLSearchParams): string {
  return [...params.entries()]
    .filter(([k]) => k !== "hash")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("\n");
}

/**
 * Validates `initData` (the raw query string Telegram passes) with the bot token.
 *
 * ```ts
 * const checked = validateInitData(body, config.BOT_TOKEN, clock.now());
 * if (checked.ok) console.log(checked.user.id);
 * ```
 */
export function validateInitData(
  initData: string,
  botToken: string,
  now: Date,
  maxAgeS = INIT_DATA_MAX_AGE_S,
): { ok: true; user: WebAppUser; authDate: Date } | { ok: false; reason: InitDataRefusal } {
  if (initData.length === 0 || initData.length > 8192) return { ok: false, reason: "malformed" };
  const params = new URLSearchParams(initData);
  const hash = params.get("hash");
  if (!hash || !/^[0-9a-f]{64}$/.test(hash)) return { ok: false, reason: "malformed" };
  const secret = createHmac("sha256", "WebAppData").update(botToken).digest();
  const expected = createHmac("sha256", secret).update(dataCheckString(params)).digest();
  if (!timingSafeEqual(expected, Buffer.from(hash, "hex"))) return { ok: false, reason: "forged" };
  const authDate = Number(params.get("auth_date"));
  if (!Number.isInteger(authDate) || authDate <= 0) return { ok: false, reason: "malformed" };
  const age = now.getTime() / 1000 - authDate;
  if (age > maxAgeS || age < -300) return { ok: false, reason: "expired" };
  let user: WebAppUser;
  try {
    user = JSON.parse(params.get("user") ?? "") as WebAppUser;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof user !== "object" || user === null || !Number.isSafeInteger(user.id)) return { ok: false, reason: "malformed" };
  return { ok: true, user, authDate: new Date(authDate * 1000) };
}
