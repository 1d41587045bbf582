import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAssistant } from "../../src/core/assistant.js";
import { TELEGRAM_CAPABILITIES, ZALO_CAPABILITIES } from "../../src/core/channel.js";
import { assignNumbers, parseChoice, validNumbers } from "../../src/core/listing.js";
import type { Listing } from "../../src/core/ports.js";
import { type Reply, toPlain } from "../../src/core/reply.js";
import { openStore } from "../../src/store/open-store.js";
import { createTestApp, textFrom } from "../helpers/app.js";

const plain = (replies: Reply[]) => replies.map((r) => toPlain(r.text)).join("\n");
/** The number shown in front of a label in a numbered list ("  7. label"). */
const numberOf = (text: string, label: string): number | undefined => {
  const line = text.split("\n").find((l) => /^\s+\d+\. /.test(l) && l.includes(label));
  return line ? Number(/^\s+(\d+)\./.exec(line)![1]) : undefined;
};
/** Every "number → label" line of a numbered list. */
const optionsOf = (text: string): Map<number, string> =>
  new Map([...text.matchAll(/^\s+(\d+)\. (.+)$/gm)].map((m) => [Number(m[1]), m[2]!]));

describe("numbered choices: the pure rules", () => {
  it("reads a number, 'số 7' and 'thêm' as choices, and nothing else", () => {
    expect(parseChoice("7")).toEqual({ kind: "number", number: 7 });
    expect(parseChoice("số 7.")).toEqual({ kind: "number", number: 7 });
    expect(parseChoice("thêm")).toEqual({ kind: "more" });
    expect(parseChoice("'Thêm'")).toEqual({ kind: "more" });
    expect(parseChoice("3.5")).toBeNull();
    expect(parseChoice("giai đoạn 1")).toBeNull();
  });

  it("keeps an option's number within a family and never gives a number an earlier listing used to another item", () => {
    const first: Listing = {
      id: "a",
      chatKey: "console:1",
      family: "f",
      options: assignNumbers(["A", "B", "C"].map((p) => ({ label: p, payload: p })), []),
      shown: 3,
      createdAt: "2025-05-01T00:00:00.000Z",
      shownAt: "2025-05-01T00:00:00.000Z",
      expiresAt: "2025-05-02T00:00:00.000Z",
    };
    expect(first.options.map((o) => o.number)).toEqual([1, 2, 3]);
    const second = assignNumbers(["C", "D", "A"].map((p) => ({ label: p, payload: p })), [first]);
    expect(second.map((o) => [o.payload, o.number])).toEqual([["C", 3], ["D", 4], ["A", 1]]);
    expect(validNumbers(second)).toBe("1, 3, 4");
  });
});

describe("numbered choices through the assistant (terminal and Zalo rules)", () => {
  it("keeps the /start menu when a number is out of range, says which numbers are valid, and takes the next pick", async () => {
    const { assistant } = await createTestApp();
    const menu = plain(await assistant.handle(textFrom("u", "/start")));
    const options = optionsOf(menu);
    expect(options.size).toBeGreaterThanOrEqual(3);
    const wrong = plain(await assistant.handle(textFrom("u", String(options.size + 1))));
    expect(wrong).toContain(`Số ${options.size + 1} không có trong danh sách đang chờ. Xin vui lòng chọn một trong các số 1–${options.size}.`);
    expect(optionsOf(wrong)).toEqual(options);
    const picked = plain(await assistant.handle(textFrom("u", "2")));
    expect(picked).toMatch(new RegExp(`^Đã chọn 2: ${options.get(2)!.slice(0, 15).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  });

  it("pages a long list ('thêm'), accepts only numbers already shown, and keeps the list after a pick", async () => {
    const { assistant, content } = await createTestApp();
    const total = content.milestones.filter((m) => m.responsible.includes("sokhcn-binhduong")).length;
    expect(total).toBeGreaterThan(10);
    const first = plain(await assistant.handle(textFrom("admin", "/viec @sokhcn-binhduong")));
    expect([...optionsOf(first).keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(first).toContain(`Còn ${total - 10} lựa chọn nữa: gõ "thêm" để xem tiếp.`);
    expect(plain(await assistant.handle(textFrom("admin", "11")))).toContain('chọn một trong các số 1–10 (hoặc gõ "thêm" để xem tiếp)');
    const more = plain(await assistant.handle(textFrom("admin", "thêm")));
    expect([...optionsOf(more).keys()]).toEqual(Array.from({ length: total - 10 }, (_, i) => 11 + i));
    expect(plain(await assistant.handle(textFrom("admin", "thêm")))).toContain(`Đã hiển thị hết các lựa chọn (1–${total}).`);
    const card = plain(await assistant.handle(textFrom("admin", "11")));
    expect(card).toMatch(/^Đã chọn 11: /);
    expect(card).toContain("5. Quay lại danh sách các mốc");
    // Back to the list: the same milestones under the same numbers.
    const again = plain(await assistant.handle(textFrom("admin", "5")));
    expect(optionsOf(again).get(3)?.split(" · ")[0]).toBe(optionsOf(first).get(3)?.split(" · ")[0]);
  });

  it("never records a different milestone than the one shown for a number, however statuses change between listings", async () => {
    const { assistant, store } = await createTestApp();
    const shown = optionsOf(plain(await assistant.handle(textFrom("admin", "/viec @sokhcn-hcm"))));
    expect(shown.size).toBeGreaterThan(2);
    // Pick each number of the FIRST listing, in reverse, after other statuses changed and the list was shown again.
    for (const n of [...shown.keys()].reverse()) {
      await assistant.handle(textFrom("admin", "/viec @sokhcn-hcm")); // a fresh listing: statuses differ now
      const card = plain(await assistant.handle(textFrom("admin", String(n))));
      const title = shown.get(n)!.split(" · ")[0]!.replace(/…$/, "");
      expect(card, `number ${n}`).toContain(title);
      await assistant.handle(textFrom("admin", "1")); // ✅ done, on the card just shown
      const recorded = (await store.statuses.all()).at(-1)!;
      expect(card).toContain(`(${recorded.milestoneId})`);
    }
    expect(new Set((await store.statuses.all()).map((r) => r.milestoneId)).size).toBe(shown.size);
  });

  it("refuses a pick from an outdated listing whose number now means nothing, instead of choosing another item", async () => {
    const { services } = await createTestApp();
    let round = 0;
    const assistant = createAssistant(services, {
      ask: async () => {
        round += 1;
        const items = round === 1 ? ["lich email", "lich 1022", "help"] : ["help", "lich tructuyen"];
        return [{ text: ["Chọn"], buttons: items.map((p) => [{ label: p, payload: p }]) }];
      },
    });
    const one = plain(await assistant.handle(textFrom("u", "câu hỏi")));
    expect(numberOf(one, "lich email")).toBe(1);
    const two = plain(await assistant.handle(textFrom("u", "câu hỏi")));
    expect(numberOf(two, "help")).toBe(3); // kept its number
    expect(numberOf(two, "lich tructuyen")).toBe(4); // never 1 or 2: those meant other items a moment ago
    const stale = plain(await assistant.handle(textFrom("u", "1")));
    expect(stale).toContain("Số 1 không có trong danh sách đang chờ. Xin vui lòng chọn một trong các số 3, 4.");
  });

  it("survives a restart: the listing is in the data file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tlhn-listing-"));
    try {
      const file = join(dir, "db.json");
      const first = await createTestApp({ store: await openStore({ file }) });
      const shown = optionsOf(plain(await first.assistant.handle(textFrom("admin", "/viec @sokhcn-hcm"))));
      await first.store.close();
      const second = await createTestApp({ store: await openStore({ file }) });
      const card = plain(await second.assistant.handle(textFrom("admin", "2")));
      expect(card).toContain(shown.get(2)!.split(" · ")[0]!.replace(/…$/, ""));
      await second.store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("gives a number to whatever asked for one last: a reminder after the list, or the list after a reminder", async () => {
    const { assistant, store } = await createTestApp();
    await store.people.grant({ userKey: "console:lead", name: "Lead", role: "lead", agencyId: "sokhcn-brvt", chatKey: "console:lead", grantedBy: "console:admin", grantedAt: "2025-04-20T02:00:00.000Z" });
    const reminder = { kind: "reminder" as const, chatKey: "console:lead" as const, userKey: "console:lead" as const, ref: "email-lists|sokhcn-brvt|before:3" };
    await store.prompts.set({ ...reminder, createdAt: "2025-05-01T01:00:00.000Z", expiresAt: "2025-05-02T01:00:00.000Z" });
    await assistant.handle(textFrom("lead", "/viec")); // 09:00 ICT = 02:00Z, after the reminder
    const picked = plain(await assistant.handle(textFrom("lead", "2")));
    expect(picked).toMatch(/^Đã chọn 2: /);
    expect(await store.statuses.count()).toBe(0);
    // A reminder sent after the card: its 1–4 wins.
    await store.prompts.set({ ...reminder, createdAt: "2025-05-01T02:00:01.000Z", expiresAt: "2025-05-02T02:00:01.000Z" });
    await assistant.handle(textFrom("lead", "2"));
    expect(await store.statuses.all()).toEqual([expect.objectContaining({ milestoneId: "email-lists", status: "on-track", reminderKey: reminder.ref })]);
  });
});

describe("the same rules on every channel without buttons", () => {
  const zalo = (text: string) => textFrom("z1", text, { channel: "zalo", capabilities: ZALO_CAPABILITIES });

  it("keeps the menu and numbers it the same way on Zalo", async () => {
    const { assistant } = await createTestApp({ admins: ["zalo:z1"] });
    const menu = plain(await assistant.handle(zalo("/start")));
    const size = optionsOf(menu).size;
    expect(plain(await assistant.handle(zalo("99")))).toContain(`Số 99 không có trong danh sách đang chờ. Xin vui lòng chọn một trong các số 1–${size}.`);
    expect(plain(await assistant.handle(zalo("1")))).toMatch(/^Đã chọn 1: /);
    const list = plain(await assistant.handle(zalo("/viec @sokhcn-binhduong")));
    expect(list).toContain('gõ "thêm" để xem tiếp');
  });

  it("never says 'bấm' or 'nút' where nothing can be pressed", async () => {
    const { assistant } = await createTestApp({ admins: ["zalo:z1", "console:c1"] });
    const lines = ["/start", "/help", "/viec", "/viec @sokhcn-hcm", "1", "/lich", "/moi sokhcn-hcm", "/toi", "/tonghop", "Khi nào có email mới?", "/capnhat email-lists xong"];
    for (const message of [(t: string) => zalo(t), (t: string) => textFrom("c1", t)]) {
      for (const line of lines) expect(plain(await assistant.handle(message(line))), line).not.toMatch(/\bbấm\b|\bnút\b/i);
    }
  });

  it("keeps Telegram's buttons as buttons, and answers a bare number there without searching for it", async () => {
    const { assistant } = await createTestApp();
    const tg = (text: string) => textFrom("t1", text, { channel: "telegram", supportsButtons: true, capabilities: TELEGRAM_CAPABILITIES });
    const start = await assistant.handle(tg("/start"));
    expect(start[0]!.buttons?.flat().length).toBeGreaterThan(0);
    expect(plain(start)).not.toContain("Trả lời bằng số");
    expect(plain(await assistant.handle(tg("2")))).toBe("Hiện không có lựa chọn số 2 nào đang chờ. Xin vui lòng gõ câu hỏi, hoặc /help để xem các lệnh.");
  });
});
