/**
 * A running board on 127.0.0.1 over the real content and a seeded in-memory store: a coordinator,
 * a lead of Sở KH&CN Bình Dương, and statuses (one blocked with a note recorded on the agency's behalf).
 * Links come from `/bang` itself, through the assistant. Everything stops with `close()`.
 */
import type { Content } from "../../src/core/content/schema.js";
import type { StatusKind, StatusRecord, UserKey } from "../../src/core/ports.js";
import { toPlain } from "../../src/core/reply.js";
import { boardRoutes } from "../../src/web/board/routes.js";
import { createBoardLinkSigner } from "../../src/web/board-links.js";
import { createRateLimiter } from "../../src/web/rate-limit.js";
import { createWebServer } from "../../src/web/server.js";
import { createTestApp, textFrom } from "./app.js";

export const BOARD_SECRET = "board-test-secret-0123456789abcdef0123456789";
export const BOT_TOKEN = "123456:TEST-token-for-web-app-validation";
export const COORDINATOR: UserKey = "console:coord";
export const LEAD: UserKey = "console:lead-bd";
export const LEAD_AGENCY = "sokhcn-binhduong";

/** The statuses seeded: [milestone, agency, status, note?, on behalf?]. */
export const SEEDED: [string, string, StatusKind, string?, boolean?][] = [
  ["video-conference-state", "ttcds-hcm", "done"],
  ["video-conference-state", "sokhcn-binhduong", "blocked", "Thiếu đường truyền tại trụ sở mới", true],
  ["video-conference-state", "sokhcn-brvt", "at-risk", "Chờ thiết bị"],
  ["document-management-pilot", "ttcds-hcm", "on-track"],
];

/** Starts the board; `now` is the fixed clock's start (default 1 May 2025, 09:00 ICT). */
export async function startBoard(options: { now?: string; rateLimit?: number; botToken?: string } = {}) {
  const app = await createTestApp({ now: options.now ?? "2025-05-01T09:00:00+07:00", admins: ["console:admin"] });
  const { store, content, clock, log } = app;
  await seed(content, store, clock.now());
  const signer = createBoardLinkSigner(BOARD_SECRET);
  let base = "";
  const subscriptionUrl = (agencyId: string | undefined) => `${base}${signer.calendar(agencyId)}`;
  const web = createWebServer({
    routes: boardRoutes({
      content,
      store,
      clock,
      log,
      adminKeys: app.services.settings.adminKeys,
      links: signer,
      subscriptionUrl,
      ...(options.botToken && { botToken: options.botToken }),
      ...(options.rateLimit && { limiter: createRateLimiter({ limit: options.rateLimit, windowMs: 60_000 }) }),
    }),
    log,
  });
  const address = await web.listen(0, "127.0.0.1");
  base = `http://127.0.0.1:${address.port}`;
  app.services.boardLinks = {
    boardUrl: (userKey, now) => `${base}${signer.board(userKey, now)}`,
    calendarUrl: subscriptionUrl,
    webAppUrl: `${base}/bang/telegram`,
  };
  /** Runs /bang as `userKey` and returns the link it gave. */
  const boardLinkFor = async (userKey: UserKey): Promise<string> => {
    const id = userKey.slice("console:".length);
    const replies = await app.assistant.handle(textFrom(id, "/bang"));
    const text = replies.map((r) => toPlain(r.text)).join("\n");
    const url = /(http:\/\/127\.0\.0\.1:\d+\/bang\/\S+\/)/.exec(text)?.[1];
    if (!url) throw new Error(`board test: /bang gave no link: ${text}`);
    return url;
  };
  return { app, store, content, clock, log, signer, base: () => base, boardLinkFor, close: () => web.close() };
}

async function seed(content: Content, store: Awaited<ReturnType<typeof createTestApp>>["store"], now: Date): Promise<void> {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000).toISOString();
  await store.people.grant({ userKey: COORDINATOR, name: "Điều phối", role: "coordinator", chatKey: "console:coord", grantedBy: "console:admin", grantedAt: at(100) });
  await store.people.grant({ userKey: LEAD, name: "Đầu mối BD", role: "lead", agencyId: LEAD_AGENCY, chatKey: "console:lead-bd", grantedBy: COORDINATOR, grantedAt: at(99) });
  // An earlier status of the blocked pair, so its history has two records.
  await store.statuses.append({
    id: "seed-0",
    kind: "status",
    milestoneId: "video-conference-state",
    agencyId: "sokhcn-binhduong",
    status: "on-track",
    userKey: LEAD,
    role: "lead",
    channel: "console",
    at: at(72),
  });
  let n = 0;
  for (const [milestoneId, agencyId, status, note, onBehalf] of SEEDED) {
    if (!content.milestones.some((m) => m.id === milestoneId && m.responsible.includes(agencyId))) {
      throw new Error(`board test: ${milestoneId} × ${agencyId} is not a pair of the real content; update SEEDED`);
    }
    n += 1;
    const record: StatusRecord = {
      id: `seed-${n}`,
      kind: "status",
      milestoneId,
      agencyId,
      status,
      ...(note && { note }),
      userKey: onBehalf ? COORDINATOR : LEAD,
      role: onBehalf ? "coordinator" : "lead",
      ...(onBehalf && { onBehalfOf: agencyId }),
      channel: "console",
      at: at(48 - n),
    };
    await store.statuses.append(record);
  }
}
