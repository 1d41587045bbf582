import { describe, expect, it } from "vitest";
import { toPlain, type Reply } from "../../src/core/reply.js";
import { filterMilestones } from "../../commands/lich.js";
import { createTestApp, realContent, textFrom } from "../helpers/app.js";

const plain = (r: Reply | undefined) => toPlain(r?.text ?? []);
const ids = async (filter: string) => filterMilestones(await realContent(), filter).map((m) => m.id);

describe("/lich", () => {
  it("lists upcoming and past milestones with countdowns relative to today", async () => {
    const app = await createTestApp({ now: "2025-06-01T09:00:00+07:00" });
    const text = plain((await app.assistant.handle(textFrom("u1", "/lich")))[0]);
    expect(text).toContain("Sắp tới:");
    expect(text).toContain("Đã qua:");
    expect(text).toContain("15/06/2025 (còn 14 ngày)");
    expect(text).toContain("10/05/2025 (đã qua 22 ngày)");
  });

  it("filters by a glossary synonym: 'thư điện tử' finds the same milestones as 'email'", async () => {
    const email = await ids("email");
    expect(email).toContain("email-accounts");
    expect(email).not.toContain("hotline-1022-official");
    expect(await ids("thư điện tử")).toEqual(email);
  });

  it("filters by a number and by a locality typed without diacritics", async () => {
    expect(await ids("1022")).toEqual(expect.arrayContaining(["hotline-1022-plan", "hotline-1022-official"]));
    const bd = await ids("binh duong");
    expect(bd).toContain("email-lists");
    expect(bd).not.toContain("phase2-advise-ubnd");
  });

  it("ignores question words in the filter", async () => {
    expect(await ids("QLVB khi nào")).toEqual(await ids("QLVB"));
  });

  it("says nothing matched and suggests filters when no milestone matches", async () => {
    const app = await createTestApp();
    const text = plain((await app.assistant.handle(textFrom("u1", "/lich giá vàng")))[0]);
    expect(text).toContain('Không tìm thấy mốc thời hạn nào khớp với "giá vàng"');
  });

  it("answers /deadlines in English for an English-speaking user", async () => {
    const app = await createTestApp({ now: "2025-06-01T09:00:00+07:00" });
    const text = plain((await app.assistant.handle(textFrom("u1", "/deadlines 1022", { user: { id: "u1", name: "A", languageCode: "en" } })))[0]);
    expect(text).toContain("days left");
  });
});
