import { describe, expect, it } from "vitest";
import { createMenuSync, installDefaultMenu } from "../../../src/channels/telegram/menu.js";
import { createBot } from "../../../src/channels/telegram/bot.js";
import { createTestApp } from "../../helpers/app.js";
import { type ApiCall, BOT_INFO, buttonPress, createTelegramTestBot, groupText, privateText, recordingTransformer, TOKEN, type TgUser } from "../../helpers/telegram.js";

const admin: TgUser = { id: 1001, first_name: "Quản trị" };
const lead: TgUser = { id: 2002, first_name: "Nguyễn Văn", language_code: "vi" };
const member: TgUser = { id: 3003, first_name: "Trần Thị" };
const group = { id: -100777, title: "Sở KH&CN Bình Dương — điều hành" };

const setup = () => createTelegramTestBot({ admins: ["telegram:1001"] });
type TestBot = Awaited<ReturnType<typeof setup>>;

/** The code shown in the last /moi reply to `chatId`. */
function codeFrom(t: TestBot, chatId: number): string {
  const text = t.textsTo(chatId).at(-1) ?? "";
  const m = /<code>([A-Z0-9]{12})<\/code>/.exec(text);
  if (!m) throw new Error(`no invitation code in: ${text}`);
  return m[1]!;
}

async function inviteLead(t: TestBot, agency = "binh duong"): Promise<string> {
  await t.send(privateText(admin, `/moi ${agency}`));
  return codeFrom(t, admin.id);
}

describe("Telegram bot: questions", () => {
  it("answers a free-text question in a private chat with an HTML message to that chat", async () => {
    const t = await setup();
    await t.send(privateText(member, "Khi nào có tài khoản email mới?"));
    const sent = t.callsOf("sendMessage", member.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload.parse_mode).toBe("HTML");
    expect(sent[0]!.payload.text).toMatch(/tài khoản thư điện tử công vụ/);
  });

  it("answers /hoi@bot in a group as a reply to the asker's message", async () => {
    const t = await setup();
    const update = groupText(member, group, `/hoi@${BOT_INFO.username} khi nào có tài khoản email mới?`);
    await t.send(update);
    const sent = t.callsOf("sendMessage", group.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload.text).toMatch(/tài khoản thư điện tử công vụ/);
    expect(sent[0]!.payload.reply_parameters?.message_id).toBe(update.message!.message_id);
  });

  it("answers a group message that mentions the bot, with the mention stripped from the question", async () => {
    const t = await setup();
    await t.send(groupText(member, group, `@${BOT_INFO.username} khi nào có tài khoản email mới?`));
    expect(t.textsTo(group.id).join("\n")).toMatch(/tài khoản thư điện tử công vụ/);
  });

  it("answers a group message that replies to one of the bot's messages", async () => {
    const t = await setup();
    const botMessage = { message_id: 55, date: 1, chat: { id: group.id, type: "supergroup" as const, title: group.title }, from: BOT_INFO, text: "…" };
    await t.send(groupText(member, group, "khi nào có tài khoản email mới?", { reply_to_message: botMessage as never }));
    expect(t.callsOf("sendMessage", group.id)).toHaveLength(1);
  });

  it("stays silent on ordinary group chatter, other bots' commands and unknown commands", async () => {
    const t = await setup();
    await t.send(groupText(member, group, "Khi nào có tài khoản email mới?"));
    await t.send(groupText(member, group, "/hoi@another_bot khi nào có email?"));
    await t.send(groupText(member, group, "/weather"));
    await t.send(groupText(member, group, "gửi @someone_else xem giúp"));
    expect(t.calls).toEqual([]);
  });
});

describe("Telegram bot: command menu", () => {
  it("sets everyone's menu in Vietnamese by default and in English for English users, from the registry", async () => {
    const t = await setup();
    expect(await installDefaultMenu(t.api, t.services.commands, t.log)).toBe(true);
    const [vi, en] = t.callsOf("setMyCommands");
    expect(vi!.payload.scope).toEqual({ type: "default" });
    expect(vi!.payload.language_code).toBeUndefined();
    expect(vi!.payload.commands.map((c: { command: string }) => c.command)).toEqual(expect.arrayContaining(["hoi", "lich", "dangky", "toi"]));
    expect(vi!.payload.commands.map((c: { command: string }) => c.command)).not.toContain("moi");
    expect(en!.payload.language_code).toBe("en");
    expect(en!.payload.commands.map((c: { command: string }) => c.command)).toEqual(expect.arrayContaining(["ask", "deadlines", "register", "me"]));
  });

  it("only warns when Telegram refuses the menu, and reports it", async () => {
    const t = await setup();
    t.failWhen((c) => (c.method === "setMyCommands" ? { error_code: 500, description: "Internal Server Error" } : undefined));
    expect(await installDefaultMenu(t.api, t.services.commands, t.log)).toBe(false);
    expect(t.log.entries.some((e) => e.level === "warn" && /command menu/.test(e.msg ?? ""))).toBe(true);
  });

  it("gives a newly registered lead the lead menu in their private chat, and admins the full menu", async () => {
    const t = await setup();
    const code = await inviteLead(t);
    expect(t.callsOf("setMyCommands").some((c) => c.payload.scope?.chat_id === lead.id)).toBe(false);
    await t.send(privateText(lead, `/start ${code}`));
    const scoped = t.callsOf("setMyCommands").filter((c) => c.payload.scope?.type === "chat");
    const forLead = scoped.find((c) => c.payload.scope.chat_id === lead.id && c.payload.language_code === undefined);
    expect(forLead).toBeDefined();
    const forAdmin = scoped.find((c) => c.payload.scope.chat_id === admin.id && c.payload.language_code === undefined);
    expect(forAdmin!.payload.commands.map((c: { command: string }) => c.command)).toContain("moi");
    expect(forLead!.payload.commands.map((c: { command: string }) => c.command)).not.toContain("moi");
  });

  it("removes, after a restart, the lead menu of someone revoked before it", async () => {
    const t = await setup();
    await t.store.people.grant({ userKey: `telegram:${lead.id}`, name: "Lan", role: "lead", agencyId: "sokhcn-binhduong", chatKey: `telegram:${lead.id}`, grantedBy: `telegram:${admin.id}`, grantedAt: "2025-05-01T00:00:00.000Z" });
    await t.store.people.revoke(`telegram:${lead.id}`, `telegram:${admin.id}`, "2025-05-02T00:00:00.000Z");
    // A new process: a fresh menu tracker over the same store.
    const restarted = createMenuSync({ api: t.api, store: t.store, commands: t.services.commands, adminKeys: t.services.settings.adminKeys, clock: t.clock, log: t.log });
    t.clearCalls();
    await restarted.sync();
    const removed = t.callsOf("deleteMyCommands").filter((c) => c.payload.scope?.chat_id === lead.id);
    expect(removed.map((c) => c.payload.language_code ?? "vi")).toEqual(["vi", "en"]);
    t.clearCalls();
    await restarted.sync();
    expect(t.callsOf("deleteMyCommands")).toHaveLength(0);
  });

  it("greets /start with buttons for the most asked topics, each within 64 bytes and routable", async () => {
    const t = await setup();
    await t.send(privateText(member, "/start"));
    const [greeting] = t.callsOf("sendMessage", member.id);
    expect(greeting!.payload.text).toMatch(/Kính chào/);
    const buttons = greeting!.payload.reply_markup.inline_keyboard.flat() as { text: string; callback_data: string }[];
    expect(buttons.length).toBeGreaterThanOrEqual(3);
    for (const b of buttons) {
      expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
      expect(t.assistant.findCommand(b.callback_data.split(" ")[0]!)).toBeDefined();
    }
    t.clearCalls();
    await t.send(buttonPress(member, buttons[0]!.callback_data, { chatId: member.id, messageId: 1 }));
    expect(t.callsOf("answerCallbackQuery")).toHaveLength(1);
    expect(t.callsOf("sendMessage", member.id)).toHaveLength(1);
  });
});

describe("Telegram bot: invitations and registration", () => {
  it("lets an admin invite a lead with a deep link and a 12-character code, stored only as a hash", async () => {
    const t = await setup();
    const code = await inviteLead(t);
    const text = t.textsTo(admin.id).at(-1)!;
    expect(text).toContain(`https://t.me/tro_ly_hop_nhat_bot?start=${code}`);
    const stored = await t.store.invitations.list();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.agencyId).toBe("sokhcn-binhduong");
    expect(JSON.stringify(stored)).not.toContain(code);
  });

  it("registers a lead through /start <code> and says what they can now do", async () => {
    const t = await setup();
    const code = await inviteLead(t);
    await t.send(privateText(lead, `/start ${code}`));
    expect(await t.store.people.get("telegram:2002")).toMatchObject({ role: "lead", agencyId: "sokhcn-binhduong", chatKey: "telegram:2002" });
    const reply = t.textsTo(lead.id).at(-1)!;
    expect(reply).toMatch(/đầu mối của Sở KH&amp;CN Bình Dương/);
    expect(reply).toMatch(/\/toi/);
  });

  it("refuses a code used a second time", async () => {
    const t = await setup();
    const code = await inviteLead(t);
    await t.send(privateText(lead, `/dangky ${code}`));
    await t.send(privateText(member, `/dangky ${code}`));
    expect(t.textsTo(member.id).at(-1)).toMatch(/đã được sử dụng/);
    expect(await t.store.people.get("telegram:3003")).toBeUndefined();
  });

  it("refuses an expired code after seven days", async () => {
    const t = await setup();
    const code = await inviteLead(t);
    t.clock.set("2025-05-08T09:00:01+07:00");
    await t.send(privateText(lead, `/dangky ${code}`));
    expect(t.textsTo(lead.id).at(-1)).toMatch(/hết hạn/);
    expect(await t.store.people.get("telegram:2002")).toBeUndefined();
  });

  it("refuses a wrong code", async () => {
    const t = await setup();
    await inviteLead(t);
    await t.send(privateText(lead, "/dangky ABCDEFGHJKMN"));
    expect(t.textsTo(lead.id).at(-1)).toMatch(/Mã mời không đúng/);
  });

  it("refuses /moi from a member, with the reason, and creates no invitation", async () => {
    const t = await setup();
    await t.send(privateText(member, "/moi binh duong"));
    expect(t.textsTo(member.id).at(-1)).toMatch(/chỉ dành cho điều phối viên/);
    expect(await t.store.invitations.list()).toHaveLength(0);
  });

  it("lets only admins invite coordinators: a coordinator's /moi dieuphoi is refused", async () => {
    const t = await setup();
    await t.send(privateText(admin, "/moi dieuphoi"));
    const code = codeFrom(t, admin.id);
    await t.send(privateText(member, `/start ${code}`));
    expect((await t.store.people.get("telegram:3003"))?.role).toBe("coordinator");
    await t.send(privateText(member, "/moi dieuphoi"));
    expect(t.textsTo(member.id).at(-1)).toMatch(/chỉ quản trị viên/);
    await t.send(privateText(member, "/moi sokhcn-brvt"));
    expect(t.textsTo(member.id).at(-1)).toMatch(/Đã tạo mã mời/);
  });

  it("registers a group for the agency when its registered lead uses a new code there", async () => {
    const t = await setup();
    await t.send(privateText(lead, `/start ${await inviteLead(t)}`));
    const groupCode = await inviteLead(t);
    await t.send(groupText(lead, group, `/dangky@${BOT_INFO.username} ${groupCode}`));
    expect(await t.store.chats.get(`telegram:${group.id}`)).toMatchObject({ type: "group", agencyId: "sokhcn-binhduong", title: group.title, active: true });
    expect(t.textsTo(group.id).at(-1)).toMatch(/Đã đăng ký nhóm này/);
  });

  it("refuses a group registration by someone who is neither the agency's lead nor a coordinator, and keeps the code", async () => {
    const t = await setup();
    const code = await inviteLead(t);
    await t.send(groupText(member, group, `/dangky@${BOT_INFO.username} ${code}`));
    expect(t.textsTo(group.id).at(-1)).toMatch(/Chỉ đầu mối đã đăng ký/);
    expect(await t.store.chats.get(`telegram:${group.id}`)).toBeUndefined();
    expect((await t.store.invitations.list())[0]!.usedAt).toBeUndefined();
  });

  it("shows a coordinator the leads per agency in /toi, and /thuhoi revokes one", async () => {
    const t = await setup();
    await t.send(privateText(lead, `/start ${await inviteLead(t)}`));
    await t.send(privateText(admin, "/toi"));
    expect(t.textsTo(admin.id).at(-1)).toMatch(new RegExp(`Nguyễn Văn \\(<code>${lead.id}</code>\\)`));
    await t.send(privateText(admin, `/thuhoi ${lead.id}`));
    expect(t.textsTo(admin.id).at(-1)).toMatch(/Đã thu hồi quyền của Nguyễn Văn/);
    expect(await t.store.people.get("telegram:2002")).toBeUndefined();
    expect(t.callsOf("deleteMyCommands").map((c) => c.payload.scope)).toContainEqual({ type: "chat", chat_id: lead.id });
    await t.send(privateText(lead, "/toi"));
    expect(t.textsTo(lead.id).at(-1)).toMatch(/người dùng/);
  });
});

describe("Telegram bot: safety", () => {
  it("escapes hostile text from users before it reaches Telegram HTML", async () => {
    const t = await setup();
    const hostile: TgUser = { id: 4004, first_name: "<b>Hacker</b> & <a href='x'>" };
    await t.send(privateText(hostile, "/start"));
    await t.send(privateText(hostile, "/lich <script>alert(1)</script>"));
    const [greeting, lich] = t.textsTo(hostile.id);
    expect(greeting).toContain("&lt;b&gt;Hacker&lt;/b&gt; &amp; &lt;a href='x'&gt;");
    expect(lich).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(lich).not.toContain("<script>");
  });

  it("ignores forged callback data that names no command, answering the press without calling the core", async () => {
    const t = await setup();
    await t.send(buttonPress(member, "drop_all_tables now", { chatId: member.id, messageId: 9 }));
    const answers = t.callsOf("answerCallbackQuery");
    expect(answers).toHaveLength(1);
    expect(answers[0]!.payload.show_alert).toBe(true);
    expect(t.callsOf("sendMessage")).toHaveLength(0);
    expect(t.log.entries.some((e) => e.level === "warn" && /unknown callback data/.test(e.msg ?? ""))).toBe(true);
  });

  it("still checks roles when a button payload names a command the presser may not run", async () => {
    const t = await setup();
    await t.send(buttonPress(member, "moi dieuphoi", { chatId: member.id, messageId: 9 }));
    expect(t.callsOf("answerCallbackQuery")).toHaveLength(1);
    expect(t.textsTo(member.id).at(-1)).toMatch(/chỉ dành cho điều phối viên/);
    expect(await t.store.invitations.list()).toHaveLength(0);
  });

  it("answers the button press even when handling it fails, and apologises", async () => {
    const t = await setup();
    t.failWhen((c) => (c.method === "sendMessage" && !String(c.payload.text).startsWith("Xin lỗi") ? { error_code: 400, description: "Bad Request: boom" } : undefined));
    await t.send(buttonPress(member, "lich", { chatId: member.id, messageId: 9 }));
    expect(t.callsOf("answerCallbackQuery")).toHaveLength(1);
    expect(t.textsTo(member.id).at(-1)).toMatch(/^Xin lỗi, đã có lỗi/);
    expect(t.log.entries.some((e) => e.level === "error" && "update_id" in e.obj)).toBe(true);
  });

  it("marks a chat inactive when Telegram answers 403 (the user blocked the bot)", async () => {
    const t = await setup();
    t.failWhen((c) => (c.method === "sendMessage" ? { error_code: 403, description: "Forbidden: bot was blocked by the user" } : undefined));
    await t.send(privateText(member, "/lich"));
    expect(await t.store.chats.get("telegram:3003")).toMatchObject({ active: false });
    expect(t.callsOf("sendMessage")).toHaveLength(1);
  });

  it("answers a flood once, politely, then stays quiet until the window passes", async () => {
    const t = await createTelegramTestBot({ rateLimit: { limit: 2, windowMs: 60_000 } });
    for (let i = 0; i < 5; i++) await t.send(privateText(member, "/lich email"));
    const texts = t.textsTo(member.id);
    expect(texts).toHaveLength(3);
    expect(texts[2]).toMatch(/gửi hơi nhanh/);
  });
});

describe("Telegram outbox", () => {
  it("sends a reply to telegram:<chatId> and returns the message id", async () => {
    const t = await setup();
    const [result] = await t.telegramOutbox.send([{ chatKey: "telegram:3003", ref: "alert|x", reply: { text: ["Nhắc việc"] } }]);
    expect(result).toMatchObject({ chatKey: "telegram:3003", result: "ok" });
    expect(t.callsOf("sendMessage", 3003)).toHaveLength(1);
    expect(result!.messageId).toBe("1");
  });

  it("reports 403 as blocked and marks the chat inactive; other errors as failed", async () => {
    const t = await setup();
    t.failWhen((c) =>
      Number(c.payload.chat_id) === 3003
        ? { error_code: 403, description: "Forbidden: bot was blocked by the user" }
        : { error_code: 400, description: "Bad Request: chat not found" },
    );
    const results = await t.telegramOutbox.send([
      { chatKey: "telegram:3003", ref: "r", reply: { text: ["a"] } },
      { chatKey: "telegram:-100555", ref: "r", reply: { text: ["b"] } },
      { chatKey: "zalo:1", ref: "r", reply: { text: ["c"] } },
    ]);
    expect(results.map((r) => r.result)).toEqual(["blocked", "failed", "failed"]);
    expect((await t.store.chats.get("telegram:3003"))?.active).toBe(false);
    expect(results[1]!.error).toMatch(/chat not found/);
  });

  it("splits a message over 4096 characters into several messages on line boundaries", async () => {
    const t = await setup();
    const line = "Mốc thời hạn: gửi danh sách cán bộ, công chức để tạo thư điện tử công vụ. ";
    const text = Array.from({ length: 120 }, (_, i) => `${i + 1}. ${line}`).join("\n");
    const [result] = await t.telegramOutbox.send([{ chatKey: "telegram:3003", ref: "long", reply: { text: [text], buttons: [[{ label: "OK", payload: "lich" }]] } }]);
    const sent = t.callsOf("sendMessage", 3003);
    expect(sent.length).toBeGreaterThan(1);
    for (const s of sent) expect(s.payload.text.length).toBeLessThanOrEqual(4096);
    expect(sent.map((s) => s.payload.text).join("\n")).toBe(text);
    expect(sent.at(-1)!.payload.reply_markup).toBeDefined();
    expect(sent[0]!.payload.reply_markup).toBeUndefined();
    expect(Number(result!.messageId)).toBe(sent.length);
  });
});

describe("Telegram bot: menu syncs", () => {
  it("sets each chat's menu once however many syncs overlap", async () => {
    const t = await setup();
    for (const id of [501, 502, 503]) {
      await t.store.people.grant({ userKey: `telegram:${id}`, name: `Lead ${id}`, role: "lead", agencyId: "sokhcn-binhduong", chatKey: `telegram:${id}`, grantedBy: `telegram:${admin.id}`, grantedAt: "2025-05-01T00:00:00.000Z" });
    }
    t.clearCalls();
    await Promise.all([t.menus.sync(), t.menus.sync(), t.menus.sync(), t.menus.sync()]);
    const scoped = t.callsOf("setMyCommands").filter((c) => c.payload.scope?.type === "chat");
    // Three leads and the admin, each in Vietnamese and English: 8 calls, not 32.
    expect(scoped).toHaveLength(8);
    expect(new Set(scoped.map((c) => `${c.payload.scope.chat_id}|${c.payload.language_code ?? "vi"}`)).size).toBe(8);
  });
});

describe("Telegram bot: the reply path", () => {
  it("answers without waiting for a menu sync that hangs", async () => {
    const app = await createTestApp({ admins: ["telegram:1001"] });
    let requested = 0;
    const hanging = { sync: () => new Promise<void>(() => undefined), request: () => void requested++, idle: () => new Promise<void>(() => undefined) };
    const bot = createBot({ assistant: app.assistant, services: app.services, menus: hanging }, { token: TOKEN, botInfo: BOT_INFO, retry: { maxRetryAttempts: 0 } });
    const calls: ApiCall[] = [];
    bot.api.config.use(recordingTransformer(calls, { nextMessageId: 1 }));
    await bot.handleUpdate(privateText(member, "/lich email"));
    expect(calls.filter((c) => c.method === "sendMessage")).toHaveLength(1);
    expect(requested).toBe(1);
  });
});
