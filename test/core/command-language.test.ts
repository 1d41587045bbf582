import { describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.js";
import { askIn } from "../helpers/knowledge.js";

describe("the language of a command's reply", () => {
  it("follows the chat's recent questions when typed by its English name: /help, /deadlines after an English question", async () => {
    const app = await createTestApp({ now: "2026-12-04T10:00:00+07:00" });
    await askIn(app, "who signed the joint plan?");
    expect(await askIn(app, "/help")).toMatch(/commands/i);
    expect(await askIn(app, "/deadlines")).toMatch(/Upcoming|Past|deadlines/);
    // Its Vietnamese name is Vietnamese, whatever the chat asked before.
    expect(await askIn(app, "/trợ giúp")).toContain("các lệnh");
    await app.store.close();
  });

  it("stays Vietnamese in a chat with no recent English question, and returns to Vietnamese after a Vietnamese one", async () => {
    const app = await createTestApp({ now: "2026-12-04T10:00:00+07:00" });
    expect(await askIn(app, "/help")).toContain("các lệnh");
    await askIn(app, "who signed the joint plan?", "u2");
    await askIn(app, "kế hoạch do ai ký", "u2");
    expect(await askIn(app, "/help", "u2")).toContain("các lệnh");
    await app.store.close();
  });

  it("keeps the chat's language and logs a warning when the last topic cannot be read", async () => {
    const app = await createTestApp({ now: "2026-12-04T10:00:00+07:00" });
    await askIn(app, "who signed the joint plan?");
    app.store.topics.get = () => Promise.reject(new Error("disk read failed"));
    expect(await askIn(app, "/help")).toContain("các lệnh");
    expect(app.log.entries.some((e) => e.level === "warn" && /last topic could not be read/.test(e.msg ?? ""))).toBe(true);
    await app.store.close();
  });
});
