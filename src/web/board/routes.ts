/**
 * The board's routes on the one web server: the signed board pages (`/bang/<token>/…`), their downloads,
 * the Telegram Web App entry (`/bang/telegram`), calendar subscriptions (`/lich/<token>.ics`) and the
 * local assets (`/assets/…`, fonts included). Thin: the model is built in the core, the HTML in render.ts.
 *
 * Every signed page is checked twice at every request: the token (forged or expired: 403) and the role
 * of the person it names, as it stands now (revoked: 403). Signed answers are never cached
 * (`Cache-Control: no-store`); every answer carries a strict CSP with `frame-ancestors 'none'`; each
 * client (remote address) has a request budget per minute.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { IncomingMessage, ServerResponse } from "node:http";
import { type BoardScope, buildBoard, digestForScope, parseBoardFilters } from "../../core/board/model.js";
import type { Content } from "../../core/content/schema.js";
import { digestFromStore } from "../../core/digest/build.js";
import { digestCsvBytes } from "../../core/digest/render-csv.js";
import type { Digest, DigestCharts } from "../../core/digest/types.js";
import { renderDeadlinesIcs } from "../../core/exports/ics.js";
import { renderDigestXlsx } from "../../core/exports/xlsx.js";
import { boardScopeOf } from "../../core/people/access.js";
import type { Logger, Store, UserKey } from "../../core/ports.js";
import { dayOf, localParts, type Clock } from "../../core/time.js";
import { BodyTooLargeError, readBody } from "../body.js";
import { BOARD_PATH, type BoardLinkSigner, CALENDAR_PATH } from "../board-links.js";
import { FILE_TYPES } from "../files.js";
import { createRateLimiter, type RateLimiter } from "../rate-limit.js";
import type { Route } from "../server.js";
import { validateInitData } from "../telegram-init-data.js";
import { renderBoardPage, renderHistory, renderMessagePage, renderTelegramLaunchPage } from "./render.js";

/** The CSP of every board answer: only this server's own files, no inline code, never framed. */
export const BOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Requests per client and minute on the board's pages and files. */
export const BOARD_RATE_LIMIT = 120;
/** Attempts per client and minute at the Telegram Web App entry. */
export const WEB_APP_RATE_LIMIT = 20;

/** What the board routes need. */
export interface BoardRouteDeps {
  content: Content;
  store: Store;
  clock: Clock;
  log: Logger;
  /** Admins from config (ADMIN_IDS, and the console user in console mode). */
  adminKeys: readonly UserKey[];
  links: BoardLinkSigner;
  /** The absolute calendar subscription URL of an agency (undefined: the whole plan), shown on the board. */
  subscriptionUrl(agencyId: string | undefined): string;
  charts?: DigestCharts;
  /** The Telegram bot token, to validate Web App initData; absent: no `/bang/telegram`. */
  botToken?: string;
  /**
   * TRUST_PROXY: the instances sit behind a reverse proxy, so the client is the address the proxy saw (the last entry
   * of X-Forwarded-For), not the proxy's own address, which every visitor would otherwise share.
   */
  trustProxy?: boolean;
  /** Per-client limits; injected by tests. */
  limiter?: RateLimiter;
  webAppLimiter?: RateLimiter;
}

const SIGNED_HEADERS = {
  "Content-Security-Policy": BOARD_CSP,
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex, nofollow",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
} as const;

/** Text answers above this size are gzipped when the client accepts it (a province's page is ~300 KB of HTML). */
const GZIP_FROM_BYTES = 2048;

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array, extra: Record<string, string> = {}): void {
  let data = typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body);
  const headers: Record<string, string> = { ...SIGNED_HEADERS, "Content-Type": type, Vary: "Accept-Encoding", ...extra };
  if (data.byteLength >= GZIP_FROM_BYTES && /^(text\/|application\/json)/.test(type) && /\bgzip\b/.test(String(res.req?.headers["accept-encoding"] ?? ""))) {
    data = gzipSync(data);
    headers["Content-Encoding"] = "gzip";
  }
  res.writeHead(status, { ...headers, "Content-Length": String(data.byteLength) }).end(data);
}

const HTML = "text/html; charset=utf-8";

function refusePage(res: ServerResponse, status: number, title: string, text: string, extra: Record<string, string> = {}): void {
  send(res, status, HTML, renderMessagePage(title, text), extra);
}

/**
 * Who is asking, for the rate limits: the socket's address, or behind a trusted proxy the last X-Forwarded-For entry
 * (the one the proxy appended; earlier entries come from the visitor and could be forged).
 */
export function clientOf(req: IncomingMessage, trustProxy = false): string {
  const forwarded = trustProxy ? req.headers["x-forwarded-for"] : undefined;
  const last = (Array.isArray(forwarded) ? forwarded.join(",") : forwarded)?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  return last ?? req.socket.remoteAddress ?? "unknown";
}

/**
 * The digest behind the board, rebuilt only when something it reads changed (a status, a person, a chat)
 * or the hour turned: building it for a province takes a quarter of a second, rendering a page much less.
 */
export function createDigestCache(content: Content, store: Store): (now: Date) => Promise<Digest> {
  let cached: { key: string; digest: Promise<Digest> } | undefined;
  return async (now) => {
    const { hour } = localParts(now);
    const [statuses, people, chats] = await Promise.all([store.statuses.count(), store.people.list(), store.chats.list()]);
    const key = `${statuses}|${people.length}|${chats.length}|${dayOf(now)}T${hour}`;
    // The promise is cached, so concurrent requests share one build; a failed build is not kept.
    if (cached?.key !== key) {
      const digest = digestFromStore(content, store, now);
      const entry = { key, digest };
      cached = entry;
      digest.catch(() => {
        if (cached === entry) cached = undefined;
      });
    }
    return cached.digest;
  };
}

/** The Be Vietnam Pro files inside node_modules, by the names the stylesheet asks for. */
function fontFile(weight: "400" | "700"): string {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("@expo-google-fonts/be-vietnam-pro/package.json"));
  return weight === "400" ? join(root, "400Regular", "BeVietnamPro_400Regular.ttf") : join(root, "700Bold", "BeVietnamPro_700Bold.ttf");
}

const ASSET_DIR = join(dirname(fileURLToPath(import.meta.url)), "assets");

/** The local assets: the stylesheet, the two scripts and the font, read once and kept in memory. */
export function assetRoute(): Route {
  const files: Record<string, { path: string; type: string }> = {
    "board.css": { path: join(ASSET_DIR, "board.css"), type: "text/css; charset=utf-8" },
    "board.js": { path: join(ASSET_DIR, "board.js"), type: "text/javascript; charset=utf-8" },
    "telegram.js": { path: join(ASSET_DIR, "telegram.js"), type: "text/javascript; charset=utf-8" },
    "favicon.svg": { path: join(ASSET_DIR, "favicon.svg"), type: "image/svg+xml" },
    "fonts/be-vietnam-pro-400.ttf": { path: fontFile("400"), type: "font/ttf" },
    "fonts/be-vietnam-pro-700.ttf": { path: fontFile("700"), type: "font/ttf" },
  };
  const loaded = new Map<string, Promise<Buffer>>();
  return {
    method: "GET",
    path: "/assets/",
    prefix: true,
    async handle(_req, res, url) {
      const name = url.pathname.slice("/assets/".length);
      const file = Object.hasOwn(files, name) ? files[name] : undefined;
      if (!file) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
        return;
      }
      if (!loaded.has(name)) loaded.set(name, readFile(file.path));
      const data = await loaded.get(name)!;
      res
        .writeHead(200, { "Content-Type": file.type, "Content-Length": String(data.byteLength), "Cache-Control": "public, max-age=3600", "Content-Security-Policy": BOARD_CSP })
        .end(data);
    },
  };
}

/** Every route of the board: assets, pages, downloads, the Telegram entry and calendar subscriptions. */
export function boardRoutes(deps: BoardRouteDeps): Route[] {
  const limiter = deps.limiter ?? createRateLimiter({ limit: BOARD_RATE_LIMIT, windowMs: 60_000 });
  const webAppLimiter = deps.webAppLimiter ?? createRateLimiter({ limit: WEB_APP_RATE_LIMIT, windowMs: 60_000 });
  const digestAt = createDigestCache(deps.content, deps.store);

  const limited = (req: IncomingMessage, res: ServerResponse, which: RateLimiter): boolean => {
    const decision = which.take(clientOf(req, deps.trustProxy), deps.clock.now().getTime());
    if (decision.ok) return false;
    refusePage(res, 429, "Quá nhiều yêu cầu", "Anh/chị đã mở trang quá nhiều lần trong một phút. Xin vui lòng chờ một lát rồi thử lại. / Too many requests, please wait a minute.", {
      "Retry-After": String(decision.retryAfterS),
    });
    return true;
  };

  const boardPages: Route = {
    method: "GET",
    path: BOARD_PATH,
    prefix: true,
    async handle(req, res, url) {
      if (limited(req, res, limiter)) return;
      const rest = url.pathname.slice(BOARD_PATH.length);
      if (rest === "telegram") {
        if (!deps.botToken) return refusePage(res, 404, "Không tìm thấy", "Trang này chỉ có khi trợ lý chạy trên Telegram. / Not found.");
        return send(res, 200, HTML, renderTelegramLaunchPage());
      }
      const [token = "", ...path] = rest.split("/");
      const now = deps.clock.now();
      const checked = deps.links.verifyBoard(token, now);
      if (!checked.ok) {
        deps.log.info({ reason: checked.reason }, "web: a board link was refused");
        return checked.reason === "expired"
          ? refusePage(res, 403, "Liên kết đã hết hạn", "Liên kết bảng theo dõi chỉ có hiệu lực 24 giờ. Xin vui lòng gõ /bang trong trò chuyện để nhận liên kết mới. / This link has expired.")
          : refusePage(res, 403, "Liên kết không hợp lệ", "Liên kết này không đúng. Xin vui lòng gõ /bang trong trò chuyện để nhận liên kết mới. / This link is not valid.");
      }
      const scope = await boardScopeOf(deps.store, deps.adminKeys, checked.grant.userKey);
      if (!scope) {
        deps.log.info({ userKey: checked.grant.userKey }, "web: a board link of a person without a role was refused");
        return refusePage(res, 403, "Không còn quyền xem", "Tài khoản trong liên kết này không còn là điều phối viên hoặc đầu mối, nên không xem được bảng. Xin vui lòng liên hệ điều phối viên. / This person no longer has a role.");
      }
      const base = `${BOARD_PATH}${token}/`;
      if (path.length === 0) {
        res.writeHead(301, { ...SIGNED_HEADERS, Location: `${base}${url.search}` }).end();
        return;
      }
      if (path.length === 1 && path[0] === "") {
        const view = buildBoard(deps.content, await digestAt(now), scope, parseBoardFilters(url.searchParams));
        const subscription = deps.subscriptionUrl(scope.kind === "agency" ? scope.agencyId : undefined);
        return send(res, 200, HTML, renderBoardPage(deps.content, view, { base, subscription }));
      }
      if (path[0] === "o" && path.length === 3) return history(res, url, scope, decodeURIComponent(path[1]!), decodeURIComponent(path[2]!), base);
      if (path[0] === "tai" && path.length === 2) return download(res, scope, path[1]!, now);
      return refusePage(res, 404, "Không tìm thấy", "Không có trang này trên bảng theo dõi. / Not found.");
    },
  };

  const history = async (res: ServerResponse, url: URL, scope: BoardScope, milestoneId: string, agencyId: string, base: string) => {
    const milestone = deps.content.milestones.find((m) => m.id === milestoneId);
    const visible = scope.kind === "all" || scope.agencyId === agencyId;
    if (!milestone || !milestone.responsible.includes(agencyId) || !visible) {
      return refusePage(res, 404, "Không tìm thấy", "Không có cặp mốc × cơ quan này trong phạm vi của anh/chị. / Not found.");
    }
    const records = (await deps.store.statuses.history(milestoneId, agencyId)).map((r) => ({
      at: r.at,
      kind: r.kind,
      status: r.status,
      role: r.role,
      ...(r.onBehalfOf !== undefined && { onBehalfOf: r.onBehalfOf }),
      ...(r.note !== undefined && { note: r.note }),
    }));
    const query = new URLSearchParams(url.searchParams);
    const fragment = query.get("manh") === "1";
    query.delete("manh");
    const back = `${base}${query.size > 0 ? `?${query}` : ""}`;
    return send(res, 200, HTML, renderHistory(deps.content, { milestoneId, agencyId, records, backHref: back, fragment }));
  };

  const download = async (res: ServerResponse, scope: BoardScope, name: string, now: Date) => {
    const agencyId = scope.kind === "agency" ? scope.agencyId : undefined;
    const suffix = agencyId ?? "tat-ca";
    const attach = (filename: string) => ({ "Content-Disposition": `attachment; filename="${filename}"` });
    if (name === "lich.ics") {
      return send(res, 200, FILE_TYPES["calendar-ics"], renderDeadlinesIcs(deps.content, agencyId, now), attach(`lich-${agencyId ?? "ke-hoach"}.ics`));
    }
    const digest = digestForScope(await digestAt(now), scope);
    if (name === "tong-hop.csv") return send(res, 200, FILE_TYPES["digest-csv"], digestCsvBytes(digest), attach(`tong-hop-${digest.week.id}-${suffix}.csv`));
    if (name === "tong-hop.xlsx") {
      const records = (await deps.store.statuses.all()).filter((r) => !agencyId || r.agencyId === agencyId);
      return send(res, 200, FILE_TYPES["digest-xlsx"], await renderDigestXlsx(deps.content, digest, records), attach(`tong-hop-${digest.week.id}-${suffix}.xlsx`));
    }
    if (name === "bieu-do.png" && deps.charts) {
      return send(res, 200, FILE_TYPES["digest-chart"], await deps.charts.statusChart(digest), { "Content-Disposition": `inline; filename="bieu-do-${digest.week.id}.png"` });
    }
    return refusePage(res, 404, "Không tìm thấy", "Không có tệp này. / Not found.");
  };

  const calendar: Route = {
    method: "GET",
    path: CALENDAR_PATH,
    prefix: true,
    handle(req, res, url) {
      if (limited(req, res, limiter)) return;
      const checked = deps.links.verifyCalendar(url.pathname.slice(CALENDAR_PATH.length));
      if (!checked.ok) return refusePage(res, 403, "Liên kết không hợp lệ", "Địa chỉ lịch này không đúng. Xin vui lòng gõ /lich ics trong trò chuyện. / This calendar address is not valid.");
      const agencyId = checked.agencyId ?? undefined;
      if (agencyId && !deps.content.agencies.some((a) => a.id === agencyId)) return refusePage(res, 404, "Không tìm thấy", "Cơ quan này không còn trong kế hoạch. / Not found.");
      return send(res, 200, FILE_TYPES["calendar-ics"], renderDeadlinesIcs(deps.content, agencyId, deps.clock.now()), {
        "Content-Disposition": `inline; filename="lich-${agencyId ?? "ke-hoach"}.ics"`,
      });
    },
  };

  const routes: Route[] = [assetRoute(), boardPages, calendar];
  const token = deps.botToken;
  if (token) {
    routes.push({
      method: "POST",
      path: `${BOARD_PATH}telegram`,
      async handle(req, res) {
        const json = (status: number, body: object) => send(res, status, "application/json; charset=utf-8", JSON.stringify(body));
        const decision = webAppLimiter.take(clientOf(req, deps.trustProxy), deps.clock.now().getTime());
        if (!decision.ok) return json(429, { message: "Quá nhiều lần thử. Xin vui lòng chờ một phút." });
        let body: Buffer;
        try {
          body = await readBody(req, 8192);
        } catch (error) {
          if (error instanceof BodyTooLargeError) return json(413, { message: "Dữ liệu quá lớn." });
          throw error;
        }
        const now = deps.clock.now();
        const checked = validateInitData(body.toString("utf8").trim(), token, now);
        if (!checked.ok) {
          deps.log.info({ reason: checked.reason }, "web: Telegram Web App data was refused");
          return json(403, { message: "Không xác minh được dữ liệu từ Telegram. Xin vui lòng gõ /bang trong trò chuyện để nhận liên kết." });
        }
        const userKey: UserKey = `telegram:${checked.user.id}`;
        if (!(await boardScopeOf(deps.store, deps.adminKeys, userKey))) {
          return json(403, { message: "Bảng theo dõi dành cho điều phối viên và đầu mối các cơ quan. Xin vui lòng liên hệ điều phối viên để được mời." });
        }
        return json(200, { url: deps.links.board(userKey, now) });
      },
    });
  }
  return routes;
}
