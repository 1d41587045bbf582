import { createHmac } from "node:crypto";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { XLSX_SHEETS } from "../../src/core/exports/xlsx.js";
import { BOARD_CSP } from "../../src/web/board/routes.js";
import { BOT_TOKEN, COORDINATOR, LEAD, LEAD_AGENCY, startBoard } from "../helpers/board.js";
import { parseIcs } from "../helpers/ics.js";

let board: Awaited<ReturnType<typeof startBoard>> | undefined;
afterEach(async () => {
  await board?.close();
  board = undefined;
});

const cellsOf = (html: string) => [...html.matchAll(/<a class="cell ([^"]+)" href="(?:[^"]*\/)?o\/([^/]+)\/([^"?/]+)/g)].map((m) => ({ classes: m[1]!, milestoneId: m[2]!, agencyId: m[3]! }));

describe("the board over HTTP", () => {
  it("answers a link from /bang with the grid, a strict CSP, no-store and no framing", async () => {
    board = await startBoard();
    const res = await fetch(await board.boardLinkFor(COORDINATOR));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toBe(BOARD_CSP);
    expect(BOARD_CSP).toContain("frame-ancestors 'none'");
    expect(BOARD_CSP).toContain("default-src 'self'");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-encoding")).toBe("gzip");
    const html = await res.text();
    expect(html).not.toMatch(/<script>|<style|style="|on(click|load)=/);
    const blocked = cellsOf(html).find((c) => c.milestoneId === "video-conference-state" && c.agencyId === "sokhcn-binhduong")!;
    expect(blocked.classes).toContain("s-blocked");
    expect(html).toContain("<span class=\"label\">Vướng mắc</span>");
  });

  it("filters without JavaScript through the query string: status, locality, phase and overdue", async () => {
    board = await startBoard();
    const url = await board.boardLinkFor(COORDINATOR);
    const all = cellsOf(await (await fetch(url)).text());
    const blocked = cellsOf(await (await fetch(`${url}?tinh_trang=blocked`)).text());
    expect(blocked.length).toBeLessThan(all.length);
    expect(blocked.filter((c) => !c.classes.includes("muted")).every((c) => c.classes.includes("s-blocked"))).toBe(true);
    expect(new Set(blocked.map((c) => c.milestoneId))).toEqual(new Set(["video-conference-state"]));
    const bd = cellsOf(await (await fetch(`${url}?dia_phuong=binhduong`)).text());
    const bdAgencies = new Set(board.content.agencies.filter((a) => a.locality === "binhduong").map((a) => a.id));
    expect(bd.length).toBeGreaterThan(0);
    expect(bd.every((c) => bdAgencies.has(c.agencyId))).toBe(true);
    const phase2 = cellsOf(await (await fetch(`${url}?giai_doan=2`)).text());
    const phase2Ids = new Set(board.content.milestones.filter((m) => m.phase === 2).map((m) => m.id));
    expect(phase2.every((c) => phase2Ids.has(c.milestoneId))).toBe(true);
    // On 1 May 2025 nothing is overdue yet; two months later the May deadlines are.
    expect(cellsOf(await (await fetch(`${url}?qua_han=1`)).text())).toHaveLength(0);
    expect(await (await fetch(`${url}?qua_han=1`)).text()).toContain("Không có mốc nào khớp với bộ lọc");
    board.clock.set("2025-07-01T09:00:00+07:00");
    const later = await board.boardLinkFor(COORDINATOR);
    const overdue = cellsOf(await (await fetch(`${later}?qua_han=1`)).text()).filter((c) => !c.classes.includes("muted"));
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((c) => c.classes.includes("overdue") && !c.classes.includes("s-done"))).toBe(true);
  });

  it("shows a lead only their own agency, and refuses another agency's history", async () => {
    board = await startBoard();
    const url = await board.boardLinkFor(LEAD);
    const cells = cellsOf(await (await fetch(url)).text());
    expect(cells.length).toBeGreaterThan(0);
    expect(new Set(cells.map((c) => c.agencyId))).toEqual(new Set([LEAD_AGENCY]));
    expect((await fetch(`${url}o/video-conference-state/sokhcn-brvt`)).status).toBe(404);
    expect((await fetch(`${url}o/video-conference-state/${LEAD_AGENCY}`)).status).toBe(200);
  });

  it("refuses a forged link, an expired link and the link of a revoked person with 403", async () => {
    board = await startBoard();
    const url = await board.boardLinkFor(LEAD);
    const forged = url.replace(/(.)\/$/, (_m, c: string) => `${c === "A" ? "B" : "A"}/`);
    expect((await fetch(forged)).status).toBe(403);
    await board.store.people.revoke(LEAD, COORDINATOR, board.clock.now().toISOString());
    const revoked = await fetch(url);
    expect(revoked.status).toBe(403);
    expect(await revoked.text()).toContain("không còn là điều phối viên hoặc đầu mối");
    const coordinator = await board.boardLinkFor(COORDINATOR);
    board.clock.set(new Date(board.clock.now().getTime() + 24 * 3_600_000 + 1000));
    const expired = await fetch(coordinator);
    expect(expired.status).toBe(403);
    expect(expired.headers.get("cache-control")).toBe("no-store");
    expect(await expired.text()).toContain("hết hạn");
  });

  it("opens a cell's history with time, role, on-behalf-of and note, newest first", async () => {
    board = await startBoard();
    const url = await board.boardLinkFor(COORDINATOR);
    const html = await (await fetch(`${url}o/video-conference-state/sokhcn-binhduong?manh=1`)).text();
    expect(html).toMatch(/11:00 29\/04\/2025[\s\S]*Vướng mắc[\s\S]*điều phối viên \(cập nhật thay Sở KH&amp;CN Bình Dương\)[\s\S]*Thiếu đường truyền[\s\S]*09:00 28\/04\/2025[\s\S]*Đúng tiến độ/);
    expect(html).not.toContain("<html");
  });

  it("downloads the XLSX, CSV and .ics the board links to, scoped to the lead's agency", async () => {
    board = await startBoard();
    const url = await board.boardLinkFor(LEAD);
    const xlsx = await fetch(`${url}tai/tong-hop.xlsx`);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const rows = book.getWorksheet(XLSX_SHEETS.perMilestone)!.getSheetValues().slice(2) as unknown[][];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r[4]))).toEqual(new Set([LEAD_AGENCY]));
    const csv = await (await fetch(`${url}tai/tong-hop.csv`)).text();
    expect(csv).toContain("Vướng mắc");
    expect(csv).not.toContain("ttcds-hcm,");
    const ics = parseIcs(await (await fetch(`${url}tai/lich.ics`)).text());
    expect(ics.calendar["X-WR-CALNAME"]).toContain("Bình Dương");
  });

  it("serves the calendar subscription shown on the board, and refuses a forged one", async () => {
    board = await startBoard();
    const html = await (await fetch(await board.boardLinkFor(LEAD))).text();
    const subscription = /<code>(http[^<]+\.ics)<\/code>/.exec(html)![1]!;
    const res = await fetch(subscription);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(parseIcs(await res.text()).events.length).toBeGreaterThan(0);
    expect((await fetch(subscription.replace(/(.)\.ics$/, (_m, c: string) => `${c === "A" ? "B" : "A"}.ics`))).status).toBe(403);
  });

  it("serves its assets, the Vietnamese font included, from the same server", async () => {
    board = await startBoard();
    const css = await (await fetch(`${board.base()}/assets/board.css`)).text();
    const fonts = [...css.matchAll(/url\("(\/assets\/fonts\/[^"]+)"\)/g)].map((m) => m[1]!);
    expect(fonts).toHaveLength(2);
    for (const f of fonts) {
      const res = await fetch(`${board.base()}${f}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("font/ttf");
    }
    expect(css).not.toMatch(/https?:\/\//);
    expect((await fetch(`${board.base()}/assets/../package.json`)).status).toBe(404);
  });

  it("limits each client to its budget per minute with 429 and Retry-After", async () => {
    board = await startBoard({ rateLimit: 3 });
    const url = await board.boardLinkFor(COORDINATOR);
    for (let i = 0; i < 3; i++) expect((await fetch(url)).status).toBe(200);
    const limited = await fetch(url);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    board.clock.set(new Date(board.clock.now().getTime() + 61_000));
    expect((await fetch(url)).status).toBe(200);
  });

  it("opens the board from Telegram's Web App once initData checks out with the bot token and the person has a role", async () => {
    board = await startBoard({ botToken: BOT_TOKEN });
    await board.store.people.grant({ userKey: "telegram:777", name: "Hoa", role: "coordinator", chatKey: "telegram:777", grantedBy: "console:admin", grantedAt: board.clock.now().toISOString() });
    const sign = (userId: number) => {
      const fields = { auth_date: String(Math.floor(board!.clock.now().getTime() / 1000)), user: JSON.stringify({ id: userId, first_name: "Hoa" }) };
      const check = Object.keys(fields).sort().map((k) => `${k}=${fields[k as keyof typeof fields]}`).join("\n");
      const secret = createHmac("sha256", "WebAppData").update(BOT_TOKEN).digest();
      return new URLSearchParams({ ...fields, hash: createHmac("sha256", secret).update(check).digest("hex") }).toString();
    };
    const launch = await fetch(`${board.base()}/bang/telegram`);
    expect(launch.status).toBe(200);
    expect(await launch.text()).toContain("/assets/telegram.js");
    const ok = await fetch(`${board.base()}/bang/telegram`, { method: "POST", body: sign(777) });
    expect(ok.status).toBe(200);
    const { url } = (await ok.json()) as { url: string };
    expect((await fetch(`${board.base()}${url}`)).status).toBe(200);
    expect((await fetch(`${board.base()}/bang/telegram`, { method: "POST", body: sign(778) })).status).toBe(403);
    expect((await fetch(`${board.base()}/bang/telegram`, { method: "POST", body: sign(777).replace("777", "776") })).status).toBe(403);
  });
});
