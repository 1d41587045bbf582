import { describe, expect, it } from "vitest";
import { toPlain } from "../../src/core/reply.js";
import { createTestApp, textFrom } from "../helpers/app.js";

const plain = (replies: { text: Parameters<typeof toPlain>[0] }[]) => replies.map((r) => toPlain(r.text)).join("\n");

describe("the assistant router", () => {
  it("routes a Vietnamese command and its English alias to the same command", async () => {
    const { assistant } = await createTestApp();
    const vi = plain(await assistant.handle(textFrom("1", "/lich 1022")));
    const en = plain(await assistant.handle(textFrom("1", "/deadlines 1022")));
    expect(vi).toContain("01/09/2025");
    expect(en).toContain("01/09/2025");
  });

  it("ignores a @botname suffix on commands", async () => {
    const { assistant } = await createTestApp();
    expect(plain(await assistant.handle(textFrom("1", "/help@tro_ly_bot")))).toContain("/hoi");
  });

  it("answers an unknown command with a pointer to /help instead of failing", async () => {
    const { assistant } = await createTestApp();
    expect(plain(await assistant.handle(textFrom("1", "/khongco")))).toBe("Không có lệnh /khongco. Gõ /help để xem các lệnh hiện có.");
  });

  it("refuses an over-long message politely", async () => {
    const { assistant } = await createTestApp();
    expect(plain(await assistant.handle(textFrom("1", "a".repeat(5000))))).toMatch(/Tin nhắn quá dài/);
  });

  it("refuses a command above the person's role, in the core, whatever the channel", async () => {
    const { assistant, services } = await createTestApp();
    const adminOnly = services.commands.find((c) => c.access === "coordinator" || c.access === "admin");
    if (!adminOnly) return expect(services.commands.length).toBeGreaterThan(0);
    const out = plain(await assistant.handle(textFrom("1", `/${adminOnly.name}`)));
    expect(out).toMatch(/^Xin lỗi, lệnh \/\S+ chỉ dành cho/);
  });

  it("shows buttons as numbered options on channels without buttons, and accepts the number", async () => {
    const { assistant, services } = await createTestApp();
    const fake = services.commands.find((c) => c.name === "lich")!;
    // A reply with a button, produced through the real router by a test-only hook.
    const { createAssistant } = await import("../../src/core/assistant.js");
    const withButton = createAssistant(services, {
      ask: async () => [{ text: ["Chọn một mục"], buttons: [[{ label: "Lịch 1022", payload: `${fake.name} 1022` }]] }],
    });
    const first = plain(await withButton.handle(textFrom("9", "xin chào")));
    expect(first).toContain("1. Lịch 1022");
    const second = plain(await withButton.handle(textFrom("9", "1")));
    expect(second).toContain("01/09/2025");
    expect(assistant).toBeDefined();
  });
});
