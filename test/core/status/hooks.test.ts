import { describe, expect, it } from "vitest";
import { grantCast, plain, tgPress, tgText, USERS } from "./fixtures.js";
import { createTestApp } from "../../helpers/app.js";

async function setup() {
  const app = await createTestApp({ admins: ["telegram:1"] });
  await grantCast(app.store);
  return app;
}

const NOW = "2025-05-01T02:00:00.000Z";

async function setReminderPrompt(app: Awaited<ReturnType<typeof setup>>, ref = "email-lists|sokhcn-brvt|before:3", chatKey: `telegram:${string}` = "telegram:201") {
  await app.store.prompts.set({ kind: "reminder", ref, chatKey, createdAt: "2025-05-01T01:30:00.000Z", expiresAt: "2025-05-02T01:30:00.000Z" });
}

describe("the note after at risk or blocked", () => {
  it("attaches the next message as a note record pointing at the status, without rewriting it", async () => {
    const app = await setup();
    await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 3"));
    const status = (await app.store.statuses.all())[0]!;
    const replies = await app.assistant.handle(tgText(USERS.leadBrvt, "Chờ danh sách của phòng Tổ chức"));
    const [first, second] = await app.store.statuses.history("email-lists", "sokhcn-brvt");
    expect(first).toEqual(status);
    expect(second).toMatchObject({ kind: "note", noteFor: status.id, status: "at-risk", note: "Chờ danh sách của phòng Tổ chức", userKey: "telegram:201" });
    expect(await app.store.statuses.latestFor("email-lists", "sokhcn-brvt")).toMatchObject({ status: "at-risk", note: "Chờ danh sách của phòng Tổ chức", recordId: status.id });
    expect(plain(replies[0])).toContain("Đã ghi nhận ghi chú");
    expect(plain(replies[0])).toContain("Ghi chú: Chờ danh sách của phòng Tổ chức");
    expect(plain(replies[0])).toContain("Người xem được: điều phối viên và đầu mối của đơn vị.");
  });

  it("clears the prompt once the note is recorded, so the next message is a question again", async () => {
    const app = await setup();
    await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 3"));
    await app.assistant.handle(tgText(USERS.leadBrvt, "Chờ danh sách"));
    await app.assistant.handle(tgText(USERS.leadBrvt, "Khi nào có email mới?"));
    expect(await app.store.statuses.count()).toBe(2);
  });

  it("sends the coordinators the note of a blocked status when it arrives", async () => {
    const app = await setup();
    await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 4"));
    const id = (await app.store.statuses.all())[0]!.id;
    await app.assistant.handle(tgText(USERS.leadBrvt, "Thiếu máy chủ"));
    expect(app.outbox.sent.map((m) => m.ref)).toEqual([`alert|${id}`, `alert|${id}|note`]);
    expect(plain(app.outbox.sent[1]!.reply)).toContain("Ghi chú: Thiếu máy chủ");
  });

  it("does not save a question as the note: it asks which it is, and keeps waiting for the note", async () => {
    const app = await setup();
    await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 3"));
    const replies = await app.assistant.handle(tgText(USERS.leadBrvt, "khi nao co email moi"));
    expect(await app.store.statuses.count()).toBe(1);
    expect(plain(replies[0])).toMatch(/giống một câu hỏi, nên trợ lý chưa ghi làm ghi chú/);
    expect(plain(replies[0])).toContain('bắt đầu bằng "ghi chú:"');
    expect(plain(replies[0])).toContain("/hoi khi nao co email moi");
    await app.assistant.handle(tgText(USERS.leadBrvt, "ghi chú: khi nào có máy chủ thì làm tiếp?"));
    const [, note] = await app.store.statuses.history("email-lists", "sokhcn-brvt");
    expect(note).toMatchObject({ kind: "note", note: "khi nào có máy chủ thì làm tiếp?" });
  });

  it("takes a reply to the note prompt as the note even when it ends with a question mark", async () => {
    const app = await setup();
    await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 4"));
    const prompt = (await app.store.prompts.find("telegram:201", "telegram:201", NOW, "note"))!;
    // The channel records which message asked for the note.
    await app.store.prompts.set({ ...prompt, messageId: "77" });
    await app.assistant.handle(tgText(USERS.leadBrvt, "Chờ Sở Nội vụ duyệt, không biết bao giờ?", { replyToBotMessageId: "77" }));
    expect(await app.store.statuses.count()).toBe(2);
    expect((await app.store.statuses.all())[1]).toMatchObject({ kind: "note", note: "Chờ Sở Nội vụ duyệt, không biết bao giờ?" });
  });

  it("lets the lead skip the note with 'bỏ qua'", async () => {
    const app = await setup();
    await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 4"));
    const replies = await app.assistant.handle(tgText(USERS.leadBrvt, "Bỏ qua"));
    expect(plain(replies[0])).toContain("Đã bỏ qua ghi chú");
    expect(await app.store.statuses.count()).toBe(1);
    expect(await app.store.prompts.find("telegram:201", "telegram:201", NOW, "note")).toBeUndefined();
  });

  it("stops waiting for the note after 24 hours", async () => {
    const app = await setup();
    await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 4"));
    app.clock.set("2025-05-02T09:00:01+07:00");
    await app.assistant.handle(tgText(USERS.leadBrvt, "Thiếu máy chủ"));
    expect(await app.store.statuses.count()).toBe(1);
  });

  it("does not take another person's message in the same group as the note", async () => {
    const app = await setup();
    const group = { chat: { id: "-100500", type: "group" as const } };
    await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 4", group));
    await app.assistant.handle(tgText(USERS.member, "Khi nào có email mới?", group));
    expect(await app.store.statuses.count()).toBe(1);
  });

  it("refuses a note longer than 500 characters and keeps waiting for a shorter one", async () => {
    const app = await setup();
    await app.assistant.handle(tgPress(USERS.leadBrvt, "tt email-lists sokhcn-brvt 3"));
    const replies = await app.assistant.handle(tgText(USERS.leadBrvt, "x".repeat(501)));
    expect(plain(replies[0])).toContain("vượt quá giới hạn 500 ký tự");
    await app.assistant.handle(tgText(USERS.leadBrvt, "Ngắn gọn"));
    expect((await app.store.statuses.latestFor("email-lists", "sokhcn-brvt"))?.note).toBe("Ngắn gọn");
  });
});

describe("a bare 1–4 after a reminder", () => {
  for (const [text, kind] of [["1", "done"], ["2", "on-track"], ["3", "at-risk"], ["4", "blocked"]] as const) {
    it(`records "${text}" as ${kind} for the reminder's milestone and agency, with the reminder key`, async () => {
      const app = await setup();
      await setReminderPrompt(app);
      await app.assistant.handle(tgText(USERS.leadBrvt, text));
      expect(await app.store.statuses.all()).toEqual([
        expect.objectContaining({ milestoneId: "email-lists", agencyId: "sokhcn-brvt", status: kind, reminderKey: "email-lists|sokhcn-brvt|before:3" }),
      ]);
    });
  }

  it("takes the words after the number as the note", async () => {
    const app = await setup();
    await setReminderPrompt(app);
    const replies = await app.assistant.handle(tgText(USERS.leadBrvt, "4. thiếu máy chủ"));
    expect(await app.store.statuses.latestFor("email-lists", "sokhcn-brvt")).toMatchObject({ status: "blocked", note: "thiếu máy chủ" });
    expect(replies.some((r) => r.forceReply)).toBe(false);
  });

  for (const [text, kind, note] of [
    ["xong", "done", undefined],
    ["Đã hoàn thành rồi.", "done", undefined],
    ["đang làm, còn 2 phòng", "on-track", "còn 2 phòng"],
    ["Vướng mắc: thiếu máy chủ", "blocked", "thiếu máy chủ"],
  ] as const) {
    it(`records the status in words "${text}" as ${kind}${note ? ` with the note "${note}"` : ""}`, async () => {
      const app = await setup();
      await setReminderPrompt(app);
      await app.assistant.handle(tgText(USERS.leadBrvt, text));
      const [record, ...more] = await app.store.statuses.all();
      expect(more).toEqual([]);
      expect(record).toMatchObject({ milestoneId: "email-lists", agencyId: "sokhcn-brvt", status: kind, reminderKey: "email-lists|sokhcn-brvt|before:3" });
      expect(record?.note).toBe(note);
    });
  }

  it("leaves a question or a message about something else to the assistant, recording nothing", async () => {
    const app = await setup();
    await setReminderPrompt(app);
    for (const text of ["xong chưa?", "chậm thì sao", "kết nối mạng ổn định chưa", "kẹt xe quá"]) await app.assistant.handle(tgText(USERS.leadBrvt, text));
    expect(await app.store.statuses.count()).toBe(0);
  });

  it("applies once: the reminder prompt is cleared after the status is recorded", async () => {
    const app = await setup();
    await setReminderPrompt(app);
    await app.assistant.handle(tgText(USERS.leadBrvt, "2"));
    await app.assistant.handle(tgText(USERS.leadBrvt, "1"));
    expect(await app.store.statuses.count()).toBe(1);
  });

  it("is ignored when no reminder is waiting", async () => {
    const app = await setup();
    await app.assistant.handle(tgText(USERS.leadBrvt, "1"));
    expect(await app.store.statuses.count()).toBe(0);
  });

  it("does not read '12' or '3.5' as a status", async () => {
    const app = await setup();
    await setReminderPrompt(app);
    await app.assistant.handle(tgText(USERS.leadBrvt, "12"));
    await app.assistant.handle(tgText(USERS.leadBrvt, "3.5"));
    expect(await app.store.statuses.count()).toBe(0);
  });

  it("refuses a member replying to a reminder in an agency group", async () => {
    const app = await setup();
    await setReminderPrompt(app, "email-lists|sokhcn-brvt|due:0", "telegram:-100700");
    const replies = await app.assistant.handle(tgText(USERS.member, "1", { chat: { id: "-100700", type: "group" } }));
    expect(plain(replies[0])).toContain("chỉ đầu mối của Sở KH&CN Bà Rịa - Vũng Tàu hoặc điều phối viên");
    expect(await app.store.statuses.count()).toBe(0);
  });

  it("prefers a newer reminder over an older unanswered note prompt", async () => {
    const app = await setup();
    await app.assistant.handle(tgPress(USERS.leadBrvt, "tt video-conference-state sokhcn-brvt 4"));
    app.clock.set("2025-05-01T10:00:00+07:00");
    await app.store.prompts.set({ kind: "reminder", ref: "email-lists|sokhcn-brvt|before:3", chatKey: "telegram:201", createdAt: "2025-05-01T03:00:00.000Z", expiresAt: "2025-05-02T03:00:00.000Z" });
    await app.assistant.handle(tgText(USERS.leadBrvt, "2"));
    expect((await app.store.statuses.latestFor("email-lists", "sokhcn-brvt"))?.status).toBe("on-track");
    expect((await app.store.statuses.latestFor("video-conference-state", "sokhcn-brvt"))?.note).toBeUndefined();
  });
});
