/**
 * The board in a real browser (headless Chromium): opened from a link made by /bang on a seeded store.
 * Skips, saying why, only when Chromium cannot run on this machine.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { COORDINATOR, LEAD, LEAD_AGENCY, startBoard } from "../helpers/board.js";
import { chromiumProblem, launchChromium } from "../helpers/chromium.js";

const problem = await chromiumProblem();
/** Screenshots replace the committed ones in docs/ only when asked (`UPDATE_SCREENSHOTS=1 npx vitest run test/web/board.browser.test.ts`). */
const SHOTS = process.env.UPDATE_SCREENSHOTS === "1" ? "docs" : tmpdir();
if (problem) console.warn(`board browser tests skipped: ${problem}`);

describe.skipIf(problem !== undefined)("the board in headless Chromium", () => {
  let board: Awaited<ReturnType<typeof startBoard>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;
  let link: string;
  const pages: Page[] = [];
  const errors: string[] = [];

  const open = async (url: string, width = 1280, height = 900) => {
    const page = await context.newPage();
    pages.push(page);
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.setViewportSize({ width, height });
    const response = await page.goto(url);
    return { page, status: response?.status() };
  };

  beforeAll(async () => {
    board = await startBoard();
    browser = await launchChromium();
    context = browser.context;
    link = await board.boardLinkFor(COORDINATOR);
  }, 60_000);

  afterAll(async () => {
    for (const p of pages) await p.close().catch(() => undefined);
    await browser?.close();
    await board?.close();
  });

  it("shows the seeded statuses in the grid, each with its emoji and a text label", async () => {
    const { page, status } = await open(link);
    expect(status).toBe(200);
    const cell = page.locator('tr[data-milestone="video-conference-state"] a.cell[href*="/sokhcn-binhduong"]');
    await expect.poll(() => cell.getAttribute("class")).toContain("s-blocked");
    expect(await cell.locator(".label").innerText()).toBe("Vướng mắc");
    expect(await cell.locator(".e").innerText()).toBe("⛔");
    const done = page.locator('tr[data-milestone="video-conference-state"] a.cell[href*="/ttcds-hcm"] .label');
    expect(await done.innerText()).toBe("Đã hoàn thành");
    expect(await page.locator("tr[data-milestone] .countdown").first().innerText()).toMatch(/còn \d+ ngày|đã qua \d+ ngày|hôm nay/);
    // The page's own font was loaded from this server.
    expect(await page.evaluate(`document.fonts.ready.then(() => document.fonts.check('16px "Be Vietnam Pro"'))`)).toBe(true);
    expect(errors).toEqual([]);
  });

  it("changes what is shown when a filter is chosen (the form applies itself on change)", async () => {
    const { page } = await open(link);
    const before = await page.locator("tbody tr[data-milestone]").count();
    await Promise.all([page.waitForURL(/tinh_trang=blocked/), page.selectOption('select[name="tinh_trang"]', "blocked")]);
    const rows = page.locator("tbody tr[data-milestone]");
    expect(await rows.count()).toBe(1);
    expect(before).toBeGreaterThan(1);
    expect(await rows.first().getAttribute("data-milestone")).toBe("video-conference-state");
    expect(await page.locator("a.cell:not(.muted)").evaluateAll((els) => els.map((e) => e.querySelector(".label")!.textContent))).toEqual(["Vướng mắc"]);
    await Promise.all([page.waitForURL(/dia_phuong=brvt/), page.selectOption('select[name="dia_phuong"]', "brvt")]);
    expect(await page.locator("p.empty").innerText()).toContain("Không có mốc nào khớp");
  });

  it("opens a cell's history in a dialog, and moves between cells with the arrow keys", async () => {
    const { page } = await open(link);
    const cell = page.locator('tr[data-milestone="video-conference-state"] a.cell[href*="/sokhcn-binhduong"]');
    await cell.focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate("document.activeElement?.getAttribute('href')")).toContain("/video-conference-state/sokhcn-brvt");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    const dialog = page.locator("dialog#lich-su");
    await expect.poll(() => dialog.evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(true);
    await expect.poll(() => dialog.innerText()).toContain("Thiếu đường truyền tại trụ sở mới");
    const text = await dialog.innerText();
    expect(text).toContain("điều phối viên (cập nhật thay Sở KH&CN Bình Dương)");
    expect(text).toMatch(/11:00 29\/04\/2025/);
    expect(await dialog.locator("ol.history li").count()).toBe(2);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(false);
    expect(await page.evaluate("document.activeElement?.getAttribute('href')")).toContain("/video-conference-state/sokhcn-binhduong");
  });

  it("opens the history as a page when JavaScript is off", async () => {
    const noJs = await browser.context.browser()?.newContext({ javaScriptEnabled: false });
    const page = noJs ? await noJs.newPage() : (await open("about:blank")).page;
    await page.goto(link);
    await page.click('tr[data-milestone="video-conference-state"] a.cell[href*="/sokhcn-binhduong"]');
    expect(await page.locator("h2").first().innerText()).toContain("Lịch sử");
    expect(await page.locator("ol.history li").count()).toBe(2);
    await noJs?.close();
  });

  it("prints without its controls, keeping the grid and the lists", async () => {
    const { page } = await open(link);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("form.filters").isVisible()).toBe(false);
    expect(await page.locator("nav.downloads").isVisible()).toBe(false);
    expect(await page.locator("table.grid").isVisible()).toBe(true);
    expect(await page.locator("#vuong-mac").isVisible()).toBe(true);
    expect(await page.locator(".print-only").first().isVisible()).toBe(true);
  });

  it("refuses a forged link and an expired link with 403", async () => {
    const forged = link.replace(/(.)\/$/, (_m, c: string) => `${c === "A" ? "B" : "A"}/`);
    const a = await open(forged);
    expect(a.status).toBe(403);
    expect(await a.page.locator("h1").innerText()).toBe("Liên kết không hợp lệ");
    const soon = await board.boardLinkFor(LEAD);
    const saved = board.clock.now();
    board.clock.set(new Date(saved.getTime() + 25 * 3_600_000));
    const b = await open(soon);
    board.clock.set(saved);
    expect(b.status).toBe(403);
    expect(await b.page.locator("h1").innerText()).toBe("Liên kết đã hết hạn");
  });

  it("fits a 375 px phone without horizontal scrolling, and a desktop; with a screenshot of each", async () => {
    const phone = await open(link, 375, 812);
    const widths = (await phone.page.evaluate("({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })")) as { scroll: number; client: number };
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(widths.client).toBe(375);
    // On a phone each cell names its agency, since the column headers are not visible.
    expect(await phone.page.locator('tr[data-milestone="video-conference-state"] a.cell[href*="/sokhcn-binhduong"] .agency').isVisible()).toBe(true);
    await phone.page.locator("#tong-quan").evaluate((e) => e.scrollIntoView());
    await phone.page.screenshot({ path: join(SHOTS, "board-phone.png"), fullPage: false });
    const desktop = await open(link, 1280, 900);
    expect(await desktop.page.locator("table.grid thead").isVisible()).toBe(true);
    await desktop.page.screenshot({ path: join(SHOTS, "board-desktop.png"), fullPage: false });
    const lead = await open(await board.boardLinkFor(LEAD), 375, 812);
    expect(await lead.page.locator("a.cell").evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute("href")!.split("/").at(-1)))])).toEqual([LEAD_AGENCY]);
  });
});
