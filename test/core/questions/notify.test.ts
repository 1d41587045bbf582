import { describe, expect, it } from "vitest";
import type { Incoming } from "../../../src/core/command.js";
import type { OutgoingMessage, SendResult } from "../../../src/core/ports.js";
import { notifyAskers, planNotices } from "../../../src/core/questions/notify.js";
import { createScheduler } from "../../../src/scheduler/scheduler.js";
import { ANSWER_NOTICE_JOB, startAnswerNoticeJob } from "../../../src/scheduler/answer-notices.js";
import { grantCast, plain, tgText, USERS } from "../status/fixtures.js";
import { createTestApp, textFrom } from "../../helpers/app.js";

const SALARY = "Lương tháng 7 của cán bộ phường được chi trả khi nào?";
const PARKING = "Cán bộ chuyển về trụ sở mới có được gửi xe miễn phí không?";
const NOTICE = "answer-notice|";

const zalo = (id: string, text: string): Incoming => textFrom(id, text, { channel: "zalo" });

async function setup() {
  const app = await createTestApp({ admins: ["telegram:1"] });
  await grantCast(app.store);
  const send = async (m: Incoming) => {
    const r = await app.assistant.handle(m);
    await app.store.flush();
    return r.map(plain).join("\n");
  };
  /** Lists, then answers the most asked question. */
  const answerTop = async (text: string) => {
    await send(tgText(USERS.coordinator, "/cauhoi"));
    return send(tgText(USERS.coordinator, `/giaidap 1 ${text}`));
  };
  const notices = () => app.outbox.sent.filter((m) => m.ref.startsWith(NOTICE));
  return { app, send, answerTop, notices };
}

describe("telling the askers", () => {
  it("tells each asker exactly once, however often the job runs afterwards", async () => {
    const { app, send, answerTop, notices } = await setup();
    await send(tgText(USERS.member, SALARY));
    await answerTop("Trước ngày 10/08/2025.");
    expect(notices()).toHaveLength(1);
    for (let i = 0; i < 3; i++) await notifyAskers(app.services, app.clock.now());
    expect(notices()).toHaveLength(1);
    expect(await app.store.reminders.deliveries({ ref: `${NOTICE}gd1` })).toMatchObject([{ chatKey: "telegram:401", result: "ok" }]);
  });

  it("keeps only the chat and the question, and deletes them once the person was told", async () => {
    const { app, send, answerTop } = await setup();
    await send(tgText(USERS.member, SALARY));
    expect(await app.store.askers.list()).toEqual([{ chatKey: "telegram:401", folded: expect.any(String), question: SALARY, askedAt: "2025-05-01T02:00:00.000Z", lang: "vi" }]);
    await answerTop("Trước ngày 10/08/2025.");
    expect(await app.store.askers.list()).toEqual([]);
  });

  it("tells someone who asked in a group on their own private chat, not in the group", async () => {
    const { send, answerTop, notices } = await setup();
    await send(tgText(USERS.member, `/hoi ${SALARY}`, { chat: { id: "-100500", type: "group", title: "Nhóm phường" } }));
    await answerTop("Trước ngày 10/08/2025.");
    expect(notices().map((m) => m.chatKey)).toEqual(["telegram:401"]);
  });

  it("sends a Zalo user at most one notice a day, bundling what waits, and the rest the next day", async () => {
    const { app, send, answerTop, notices } = await setup();
    await send(zalo("z-1", PARKING));
    await send(tgText(USERS.member, PARKING));
    await send(zalo("z-1", SALARY));
    await send(tgText("402", SALARY));
    // Both were asked twice at the same moment: PARKING, asked first, is listed first.
    await answerTop("Có, tại bãi xe của trụ sở.");
    const first = notices().map((m) => m.chatKey).sort();
    expect(first).toEqual(["telegram:401", "zalo:z-1"]);

    // A second answer the same day: Telegram hears at once, Zalo waits for tomorrow.
    app.clock.set("2025-05-01T15:00:00+07:00");
    const done = await answerTop("Trước ngày 10/08/2025.");
    expect(done).toContain("Đã báo cho 1 người đã hỏi.");
    expect(done).toContain("1 người dùng Zalo sẽ nhận vào ngày mai");
    expect(notices().slice(2).map((m) => m.chatKey)).toEqual(["telegram:402"]);
    await notifyAskers(app.services, app.clock.now());
    expect(notices()).toHaveLength(3);

    app.clock.set("2025-05-02T07:00:00+07:00");
    const report = await notifyAskers(app.services, app.clock.now());
    expect(report.told).toEqual(["zalo:z-1"]);
    expect(notices()).toHaveLength(4);
    expect(plain(notices()[3]!.reply)).toContain(SALARY);
  });

  it("bundles several answers for one person into one message", async () => {
    const { app, send, notices } = await setup();
    await send(zalo("z-2", SALARY));
    await send(zalo("z-2", PARKING));
    // Both answered before any notice went (e.g. through the store, by two coordinators at once).
    const unanswered = await app.store.questions.unanswered(10);
    const question = (q: string) => unanswered.find((u) => u.example === q)!;
    const at = "2025-05-01T02:00:00.000Z";
    const by = { by: "telegram:301" as const, byName: "Dung", role: "coordinator" as const, at };
    await app.store.answers.add({ kind: "answer", questions: [question(SALARY)], topic: "other", versions: [{ action: "answer", text: "Trước 10/08.", ...by }] });
    await app.store.answers.add({ kind: "answer", questions: [question(PARKING)], topic: "other", versions: [{ action: "answer", text: "Có.", ...by }] });
    await notifyAskers(app.services, app.clock.now());
    expect(notices()).toHaveLength(1);
    const text = plain(notices()[0]!.reply);
    expect(text).toContain("Đã có câu trả lời cho các câu hỏi");
    expect(text).toContain(SALARY);
    expect(text).toContain(PARKING);
    expect(notices()[0]!.ref).toBe(`${NOTICE}gd1,gd2`);
  });

  it("keeps a Zalo bundle to one message's length, and sends the rest another day", async () => {
    const { app, send, notices } = await setup();
    await send(zalo("z-5", SALARY));
    await send(zalo("z-5", PARKING));
    const unanswered = await app.store.questions.unanswered(10);
    const question = (q: string) => unanswered.find((u) => u.example === q)!;
    const by = { by: "telegram:301" as const, byName: "Dung", role: "coordinator" as const, at: "2025-05-01T02:00:00.000Z" };
    const long = "Nội dung dài. ".repeat(100).trim();
    await app.store.answers.add({ kind: "answer", questions: [question(SALARY)], topic: "other", versions: [{ action: "answer", text: long, ...by }] });
    await app.store.answers.add({ kind: "answer", questions: [question(PARKING)], topic: "other", versions: [{ action: "answer", text: long, ...by }] });
    await notifyAskers(app.services, app.clock.now());
    expect(notices().map((m) => m.ref)).toEqual([`${NOTICE}gd1`]);
    app.clock.set("2025-05-02T08:00:00+07:00");
    await notifyAskers(app.services, app.clock.now());
    expect(notices().map((m) => m.ref)).toEqual([`${NOTICE}gd1`, `${NOTICE}gd2`]);
  });

  it("deletes askers after 30 days, told or not", async () => {
    const { app, send, answerTop, notices } = await setup();
    await send(tgText(USERS.member, SALARY));
    await send(tgText("402", PARKING));
    app.clock.set("2025-05-31T08:59:00+07:00");
    await notifyAskers(app.services, app.clock.now());
    expect(await app.store.askers.list()).toHaveLength(2);
    app.clock.set("2025-05-31T09:01:00+07:00");
    const report = await notifyAskers(app.services, app.clock.now());
    expect(report.expired).toBe(2);
    expect(await app.store.askers.list()).toEqual([]);
    // The question stays listed (as a count), but nobody is waiting to be told any more.
    await answerTop("Trước ngày 10/08/2025.");
    expect(notices()).toHaveLength(0);
  });

  it("retries a failed delivery on the next run, and forgets a person who blocked the assistant", async () => {
    const { app, send, answerTop } = await setup();
    let failing = true;
    const sent: OutgoingMessage[] = [];
    app.services.outbox = {
      async send(messages): Promise<SendResult[]> {
        sent.push(...messages);
        return messages.map((m) => ({ chatKey: m.chatKey, result: m.chatKey === "telegram:402" ? "blocked" : failing ? "failed" : "ok" }));
      },
    };
    await send(tgText(USERS.member, SALARY));
    await send(tgText("402", SALARY));
    const done = await answerTop("Trước ngày 10/08/2025.");
    expect(done).toContain("1 tin chưa gửi được, trợ lý sẽ thử lại.");
    expect((await app.store.askers.list()).map((a) => a.chatKey)).toEqual(["telegram:401"]);
    expect((await app.store.chats.get("telegram:402"))?.active).toBe(false);
    failing = false;
    expect((await notifyAskers(app.services, app.clock.now())).told).toEqual(["telegram:401"]);
    expect(await app.store.askers.list()).toEqual([]);
    expect(sent.filter((m) => m.chatKey === "telegram:401")).toHaveLength(2);
  });

  it("does not tell anyone about an answer withdrawn before their notice went out", async () => {
    const { app, send, answerTop, notices } = await setup();
    await send(zalo("z-3", SALARY));
    await send(zalo("z-3", PARKING));
    await answerTop("Có, tại bãi xe của trụ sở.");
    await answerTop("Trước ngày 10/08/2025."); // held back: z-3 had today's notice already
    await send(tgText(USERS.coordinator, "/giaidap rut gd2"));
    app.clock.set("2025-05-02T08:00:00+07:00");
    await notifyAskers(app.services, app.clock.now());
    expect(notices()).toHaveLength(1);
    // They wait again, for the next answer.
    expect((await app.store.askers.list()).map((a) => [a.chatKey, a.answerId])).toEqual([["zalo:z-3", undefined]]);
  });

  it("plans one notice per chat and applies the daily cap to Zalo only", () => {
    const at = "2025-05-01T02:00:00.000Z";
    const v = { action: "answer" as const, text: "x", by: "telegram:1" as const, byName: "A", role: "admin" as const, at };
    const q = { folded: "a", example: "a", count: 1, firstAsked: at, lastAsked: at };
    const answers = [
      { id: "gd1", kind: "answer" as const, questions: [q], topic: "other", versions: [v] },
      { id: "gd2", kind: "answer" as const, questions: [q], topic: "other", versions: [v, { ...v, action: "withdraw" as const }] },
    ];
    const plans = planNotices(
      [
        { chatKey: "zalo:1", folded: "a", question: "a", askedAt: at, answerId: "gd1" },
        { chatKey: "telegram:2", folded: "a", question: "a", askedAt: at, answerId: "gd1" },
        { chatKey: "telegram:3", folded: "a", question: "a", askedAt: at, answerId: "gd2" },
        { chatKey: "telegram:4", folded: "a", question: "a", askedAt: at },
      ],
      answers,
    );
    expect(plans).toEqual([
      { chatKey: "zalo:1", answerIds: ["gd1"], oncePerDay: true, maxLength: 1900 },
      { chatKey: "telegram:2", answerIds: ["gd1"], oncePerDay: false },
    ]);
  });

  it("runs as a scheduled job that catches up at start-up", async () => {
    const { app, send } = await setup();
    await send(zalo("z-4", SALARY));
    await send(zalo("z-4", PARKING));
    const unanswered = await app.store.questions.unanswered(10);
    const question = (q: string) => unanswered.find((u) => u.example === q)!;
    const by = { by: "telegram:301" as const, byName: "Dung", role: "coordinator" as const, at: "2025-05-01T02:00:00.000Z" };
    await app.store.answers.add({ kind: "answer", questions: [question(SALARY)], topic: "other", versions: [{ action: "answer", text: "Trước 10/08.", ...by }] });
    const scheduler = createScheduler(app.log);
    try {
      const report = await startAnswerNoticeJob(scheduler, app.services);
      expect(scheduler.names()).toEqual([ANSWER_NOTICE_JOB]);
      expect(report?.told).toEqual(["zalo:z-4"]);
    } finally {
      await scheduler.stop();
    }
  });
});
