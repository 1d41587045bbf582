/**
 * Signed links to the board and to calendar subscriptions, made with the same MAC as file links
 * ({@link createLinkMac}). Pure: the secret and the moment are passed in.
 *
 * - Board: `/bang/<token>/…`, where the token names the person and its expiry (24 h). The role is
 *   checked at every request, so revoking the role revokes the link.
 * - Calendar: `/lich/<token>.ics`, naming the agency (or the whole plan). It does not expire, so
 *   calendar apps can keep polling it; it holds only the plan's public deadlines, never statuses.
 */
import type { UserKey } from "../core/ports.js";
import { createLinkMac, LINK_TTL_MS, type LinkRefusal } from "./signed-links.js";

/** Where the board lives on the web server. */
export const BOARD_PATH = "/bang/";
/** Where calendar subscriptions live on the web server. */
export const CALENDAR_PATH = "/lich/";

/** A valid board token. */
export interface BoardGrant {
  userKey: UserKey;
  expiresAt: Date;
  /** The token itself, to build links to the board's sub-pages. */
  token: string;
}

/** Signs and checks board and calendar links. */
export interface BoardLinkSigner {
  /** The path of the board for `userKey`, valid for 24 h from `now` (e.g. `/bang/eyJ1Ijoi….Xb3…/`). */
  board(userKey: UserKey, now: Date): string;
  /** The person and expiry of a board token (the path segment after `/bang/`), or why it is refused. */
  verifyBoard(token: string, now: Date): { ok: true; grant: BoardGrant } | { ok: false; reason: LinkRefusal };
  /** The path of the calendar of `agencyId` (undefined: every milestone), e.g. `/lich/eyJh….sig.ics`. */
  calendar(agencyId: string | undefined): string;
  /** The agency a calendar token names (`null`: the whole plan), or why it is refused. */
  verifyCalendar(token: string): { ok: true; agencyId: string | null } | { ok: false; reason: LinkRefusal };
}

const USER_KEY = /^(telegram|zalo|console):[A-Za-z0-9_-]{1,64}$/;
const AGENCY_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Creates the signer from the link secret (at least 32 characters).
 *
 * ```ts
 * const links = createBoardLinkSigner(secret);
 * const url = `${publicUrl}${links.board("telegram:42", clock.now())}`;
 * ```
 */
export function createBoardLinkSigner(secret: string, ttlMs = LINK_TTL_MS): BoardLinkSigner {
  const mac = createLinkMac(secret);
  const encode = (data: object) => Buffer.from(JSON.stringify(data)).toString("base64url");
  const decode = (payload: string): Record<string, unknown> | undefined => {
    try {
      const value = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown;
      return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  };
  const split = (token: string): [string, string] | undefined => {
    const m = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})$/.exec(token);
    return m ? [m[1]!, m[2]!] : undefined;
  };
  return {
    board(userKey, now) {
      const payload = encode({ u: userKey, e: Math.floor((now.getTime() + ttlMs) / 1000) });
      return `${BOARD_PATH}${payload}.${mac.sign(`board|${payload}`)}/`;
    },
    verifyBoard(token, now) {
      const parts = split(token);
      if (!parts) return { ok: false, reason: "malformed" };
      const [payload, sig] = parts;
      if (!mac.verify(`board|${payload}`, sig)) return { ok: false, reason: "forged" };
      const data = decode(payload);
      if (!data || typeof data.u !== "string" || !USER_KEY.test(data.u) || typeof data.e !== "number") return { ok: false, reason: "malformed" };
      const expiresAt = new Date(data.e * 1000);
      if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
      return { ok: true, grant: { userKey: data.u as UserKey, expiresAt, token } };
    },
    calendar(agencyId) {
      const payload = encode({ a: agencyId ?? null });
      return `${CALENDAR_PATH}${payload}.${mac.sign(`calendar|${payload}`)}.ics`;
    },
    verifyCalendar(token) {
      const parts = split(token.replace(/\.ics$/, ""));
      if (!parts) return { ok: false, reason: "malformed" };
      const [payload, sig] = parts;
      if (!mac.verify(`calendar|${payload}`, sig)) return { ok: false, reason: "forged" };
      const data = decode(payload);
      if (!data || !(data.a === null || (typeof data.a === "string" && AGENCY_ID.test(data.a)))) return { ok: false, reason: "malformed" };
      return { ok: true, agencyId: data.a };
    },
  };
}
