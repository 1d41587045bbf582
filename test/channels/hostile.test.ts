import { PassThrough } from "node:stream";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { runConsole } from "../../src/channels/console/console.js";
import { grantCast, USERS } from "../core/status/fixtures.js";
import { createTestApp } from "../helpers/app.js";
import { buttonPress, createTelegramTestBot, groupText, privateText, type TgUser } from "../helpers/telegram.js";

const member: TgUser = { id: Number(USERS.member), first_name: "Thành viên" };
const lead: TgUser = { id: Number(USERS.leadBrvt), first_name: "Đầu mối" };
const coordinator: TgUser = { id: Number(USERS.coordinator), first_name: "Điều phối" };
const group = { id: -100555, title: "<b>Nhóm</b> & \u202eđiều hành" };

/** Hostile texts: markup, control and bidi characters, floods, lookalikes, injections, edge numbers. */
const TEXTS: string[] = [
  "<b>đậm</b> <script>alert(1)</script>",
  "</code></b></i><a href='javascript:alert(1)'>x</a>",
  "&amp; &lt; &gt; &#x27; &#0;",
  "a".repeat(5000),
  "x ".repeat(1999),
  "\u202eơ chữ ngược \u202c",
  "zero\u200bwidth\u200d\ufeff",
  "null\u0000byte\u0007bell",
  "\ud800 lone surrogate",
  "🧑‍💻🏳️‍🌈".repeat(200),
  "   ",
  "\n\n\n",
  "\r\n\r\n/help\r\n",
  "/lich " + "<".repeat(300),
  "/lich '; DROP TABLE statuses; --",
  "/lich ${process.env.BOT_TOKEN}",
  "/hoi {{constructor.constructor('return process')()}}",
  "/capnhat email-lists 4 <i>ghi chú</i>",
  "/capnhat ../../etc/passwd 1",
  "/capnhat email-lists 99",
  "/capnhat email-lists sokhcn-brvt -1 ghi chú",
  "/viec " + "z".repeat(3000),
  "/batdau AAAAAAAAAAAA",
  "/batdau <img src=x>",
  "/batdau " + "9".repeat(500),
  "/moi dieuphoi",
  "/thuhoi telegram:1",
  "/traloi telegram:201 <b>không</b>",
  "/nhac email-lists @sokhcn-brvt",
  "/ｌich",
  "/LICH EMAIL",
  "/lich@other_bot email",
  "/unknown_command_xyz",
  "/",
  "//",
  "0",
  "99",
  "-1",
  "1e9",
  "bỏ qua",
  "*_`[markdown](http://x)`_*",
  "https://evil.example/?q=<b>",
];

/** Every tag opened is closed in order, only Telegram's tags appear, and no raw `<` is left. */
function safeHtml(html: string): boolean {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z]+)\b[^>]*>/g)) {
    if (!["b", "i", "code", "a", "pre", "u", "s", "blockquote"].includes(m[2]!)) return false;
    if (m[1] === "") stack.push(m[2]!);
    else if (stack.pop() !== m[2]) return false;
  }
  return stack.length === 0 && !/<(?![/a-z])/.test(html);
}

describe("hostile input through the real Telegram handler", () => {
  it(`survives ${TEXTS.length} hostile texts from each role, in private and in a group, with safe HTML and no internal error`, async () => {
    const t = await createTelegramTestBot({ admins: ["telegram:1"], rateLimit: { limit: 10_000, windowMs: 60_000 } });
    await grantCast(t.store);
    const updates: Update[] = [];
    for (const text of TEXTS) {
      for (const user of [member, lead, coordinator]) updates.push(privateText(user, text));
      updates.push(groupText(lead, group, `@${"tro_ly_hop_nhat_bot"} ${text}`));
      updates.push(groupText(lead, group, text));
    }
    for (const u of updates) await t.send(u);
    const sent = t.callsOf("sendMessage").concat(t.callsOf("editMessageText"));
    expect(sent.length).toBeGreaterThan(TEXTS.length);
    for (const call of sent) {
      const text = String(call.payload.text);
      expect(text.length, text.slice(0, 80)).toBeGreaterThan(0);
      expect(text.length).toBeLessThanOrEqual(4096);
      expect(safeHtml(text), text.slice(0, 200)).toBe(true);
      expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0000]/);
    }
    expect(t.log.entries.filter((e) => e.level === "error")).toEqual([]);
  }, 120_000);

  it("survives forged, oversized and mismatched button data", async () => {
    const t = await createTelegramTestBot({ admins: ["telegram:1"] });
    await grantCast(t.store);
    const forged = ["", " ", "tt", "tt email-lists", "tt email-lists sokhcn-brvt 9", "tt email-lists sokhcn-binhduong 4", "xemthem ../../", "moi dieuphoi", "x".repeat(300), "\u0000", "/start AAAA", "tt email-lists sokhcn-brvt 1; rm -rf /"];
    let messageId = 50;
    for (const data of forged) await t.send(buttonPress(lead, data, { chatId: lead.id, messageId: messageId++ }));
    // Every press is answered (no spinning button), none recorded a status for another agency.
    expect(t.callsOf("answerCallbackQuery").length).toBeGreaterThanOrEqual(forged.length);
    expect((await t.store.statuses.all()).filter((r) => r.agencyId !== "sokhcn-brvt")).toEqual([]);
    expect(t.log.entries.filter((e) => e.level === "error")).toEqual([]);
  });
});

describe("hostile input through the console", () => {
  it(`answers all ${TEXTS.length} hostile lines without an internal error`, async () => {
    const { assistant, log } = await createTestApp({ admins: ["console:local"] });
    const input = new PassThrough();
    const output = new PassThrough();
    let out = "";
    output.on("data", (chunk) => (out += String(chunk)));
    const done = runConsole({ assistant, input, output, log, interactive: false });
    input.end(TEXTS.map((l) => `${l.replace(/[\r\n]/g, " ")}\n`).join(""));
    await done;
    expect(out).not.toMatch(/Xin lỗi, đã có lỗi khi xử lý yêu cầu/);
    expect(out).not.toMatch(/[\u202a-\u202e\u0000]/);
    expect(log.entries.filter((e) => e.level === "error")).toEqual([]);
  });
});
