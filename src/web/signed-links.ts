/**
 * Signed, expiring links to files the assistant makes on request (the digest CSV and chart), for
 * channels that cannot upload files (Zalo). Pure: the secret and the moment are passed in.
 * A link names what to generate, never a stored file, so nothing can be listed or guessed.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { FileSource } from "../core/reply.js";

/**
 * The one HMAC of every signed link (files, the board, calendar subscriptions): SHA-256 keyed with the
 * link secret, base64url, compared in constant time. Each kind of link signs its own prefix so a
 * signature made for one kind never verifies as another.
 */
export interface LinkMac {
  sign(text: string): string;
  /** Whether `signature` is the MAC of `text`, compared in constant time. */
  verify(text: string, signature: string): boolean;
}

/** Creates the MAC. The secret must be at least 32 characters. */
export function createLinkMac(secret: string): LinkMac {
  if (secret.length < 32) throw new Error("signed-links: the secret must be at least 32 characters (set LINK_SECRET, e.g. `openssl rand -hex 32`)");
  const sign = (text: string) => createHmac("sha256", secret).update(text).digest("base64url");
  return {
    sign,
    verify(text, signature) {
      const expected = Buffer.from(sign(text));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/** How long a link stays valid. */
export const LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** Where signed file links live on the web server. */
export const FILES_PATH = "/files/";

/** What a valid link asks for. */
export interface SignedFile {
  source: FileSource;
  filename: string;
  expiresAt: Date;
}

/** Why a link was refused. */
export type LinkRefusal = "malformed" | "forged" | "expired";

/** Signs and checks file links with one secret. */
export interface LinkSigner {
  /** The path and query of a link to `filename` made from `source`, valid for {@link LINK_TTL_MS} from `now`. */
  sign(source: FileSource, filename: string, now: Date): string;
  /** The file a link asks for, or why it is refused. Compares signatures in constant time. */
  verify(pathAndQuery: string, now: Date): { ok: true; file: SignedFile } | { ok: false; reason: LinkRefusal };
}

const KINDS: readonly FileSource["kind"][] = ["digest-csv", "digest-chart", "digest-xlsx", "calendar-ics"];

/**
 * Creates a signer. The secret must be at least 32 characters (LINK_SECRET, or the one generated beside the data file).
 *
 * ```ts
 * const links = createLinkSigner(secret);
 * const path = links.sign({ kind: "digest-csv", asOf: now.toISOString() }, "tong-hop-2025-W24.csv", now);
 * ```
 */
export function createLinkSigner(secret: string, ttlMs = LINK_TTL_MS): LinkSigner {
  const mac = createLinkMac(secret);
  return {
    sign(source, filename, now) {
      const s = Buffer.from(JSON.stringify({ k: source.kind, a: source.asOf, ...(source.agencyId && { g: source.agencyId }) })).toString("base64url");
      const e = String(Math.floor((now.getTime() + ttlMs) / 1000));
      const name = safeName(filename);
      return `${FILES_PATH}${encodeURIComponent(name)}?s=${s}&e=${e}&sig=${mac.sign(`${name}|${s}|${e}`)}`;
    },
    verify(pathAndQuery, now) {
      const url = new URL(pathAndQuery, "http://localhost");
      if (!url.pathname.startsWith(FILES_PATH)) return { ok: false, reason: "malformed" };
      let name: string;
      try {
        name = decodeURIComponent(url.pathname.slice(FILES_PATH.length));
      } catch {
        return { ok: false, reason: "malformed" };
      }
      const s = url.searchParams.get("s");
      const e = url.searchParams.get("e");
      const sig = url.searchParams.get("sig");
      if (!s || !e || !sig || !/^\d{1,12}$/.test(e) || name !== safeName(name)) return { ok: false, reason: "malformed" };
      if (!mac.verify(`${name}|${s}|${e}`, sig)) return { ok: false, reason: "forged" };
      const expiresAt = new Date(Number(e) * 1000);
      if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
      let decoded: { k?: unknown; a?: unknown; g?: unknown };
      try {
        decoded = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as typeof decoded;
      } catch {
        return { ok: false, reason: "malformed" };
      }
      if (!KINDS.includes(decoded.k as FileSource["kind"]) || typeof decoded.a !== "string" || Number.isNaN(Date.parse(decoded.a))) {
        return { ok: false, reason: "malformed" };
      }
      if (decoded.g !== undefined && (typeof decoded.g !== "string" || !/^[a-z0-9-]{1,64}$/.test(decoded.g))) return { ok: false, reason: "malformed" };
      const source: FileSource = { kind: decoded.k as FileSource["kind"], asOf: decoded.a, ...(typeof decoded.g === "string" && { agencyId: decoded.g }) };
      return { ok: true, file: { source, filename: name, expiresAt } };
    },
  };
}

/** A file name safe in a URL path and a Content-Disposition header: letters, digits, dot, dash, underscore. */
function safeName(filename: string): string {
  return filename.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 100);
}
