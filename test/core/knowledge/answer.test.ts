import { describe, expect, it } from "vitest";
import type { CommandContext } from "../../../src/core/command.js";
import { answerQuestion } from "../../../src/core/knowledge/answer.js";
import { toPlain } from "../../../src/core/reply.js";
import { createTestApp, textFrom } from "../../helpers/app.js";
import { followUpAnswer } from "../../helpers/knowledge.js";

async function contextWith(record: () => Promise<void>) {
  const app = await createTestApp();
  const store = { ...app.store, questions: { ...app.store.questions, record } };
  const message = textFrom("u1", "Khi nào có tài khoản email mới?");
  const now = app.clock.now();
  const ctx: CommandContext = {
    message,
    actor: await app.assistant.actorOf(message),
    lang: "vi",
    services: { ...app.services, store },
    now,
    today: "2025-05-01",
    via: "text",
  };
  return { app, ctx };
}

describe("answerQuestion and the question statistics", () => {
  it("answers without waiting for the statistics write to finish", async () => {
    const { ctx } = await contextWith(() => new Promise<void>(() => undefined));
    const outcome = await Promise.race([
      answerQuestion(ctx, "Khi nào có tài khoản email mới?"),
      new Promise<"waited">((resolve) => setImmediate(() => resolve("waited"))),
    ]);
    expect(outcome).not.toBe("waited");
    expect(toPlain((outcome as Awaited<ReturnType<typeof answerQuestion>>)[0]!.text)).toContain("tài khoản thư điện tử");
  });

  it("still answers, and logs a warning, when the statistics cannot be written", async () => {
    const { app, ctx } = await contextWith(() => Promise.reject(new Error("disk full")));
    const replies = await answerQuestion(ctx, "Khi nào có tài khoản email mới?");
    expect(replies).toHaveLength(1);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(app.log.entries.some((e) => e.level === "warn" && e.msg === "knowledge: could not record the question")).toBe(true);
  });
});

describe("a marked follow-up that alone leans to a sibling of the previous entry", () => {
  it("answers the sibling ('and the trial in all units?' after the 102-ward trial), not the previous entry again", async () => {
    const answer = await followUpAnswer("when did the 102-ward trial run happen", "and the trial in all units?", "2026-12-04");
    expect(answer).toContain("25 June 2025");
    expect(answer).toContain("168");
  });
});
