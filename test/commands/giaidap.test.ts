import { describe, expect, it } from "vitest";
import type { Incoming } from "../../src/core/command.js";
import { grantCast, plain, tgText, USERS } from "../core/status/fixtures.js";
import { createTestApp, textFrom } from "../helpers/app.js";

const SALARY = "Lương tháng 7 của cán bộ phường được chi trả khi nào?";
const SALARY_AGAIN = "lương tháng 7 chi trả khi nào vậy";
const PARKING = "Cán bộ chuyển về trụ sở mới có được gửi xe miễn phí không?";
const NOTICE = "answer-notice|";

/** A message from a Zalo user (no buttons). */
function zaloText(userId: string, text: string, extra: Partial<Incoming> = {}): Incoming {
  return textFrom(userId, text, { channel: "zalo", ...extra });
}

async function setup() {
  const app = await createTestApp({ admins: ["telegram:1"] });
  await grantCast(app.store);
  return app;
}
type App = Awaited<ReturnType<typeof setup>>;

async function send(app: App, message: Incoming): Promise<string> {
  const replies = await app.assistant.handle(message);
  await app.store.flush();
  return replies.map(plain).join("\n");
}

const coordinator = (text: string) => tgText(USERS.coordinator, text);
const notices = (app: App) => app.outbox.sent.filter((m) => m.ref.startsWith(NOTICE));

describe("/cauhoi and /giaidap: closing the knowledge gap", () => {
  it("takes an unknown question from refusal to a listed, answered question, tells each asker once, then answers similar questions with it", async () => {
    const app = await setup();
    expect(await send(app, tgText(USERS.member, `/hoi ${SALARY}`))).toContain("Chưa có thông tin");
    await send(app, tgText(USERS.member, `/hoi ${SALARY}`));
    await send(app, zaloText("z-77", SALARY));

    const listing = await send(app, coordinator("/cauhoi"));
    expect(listing).toContain("❓ Câu hỏi trợ lý chưa trả lời được: 1");
    expect(listing).toContain(`1. “${SALARY}”`);
    // Three questions from two people: counts only, never who.
    expect(listing).toContain("3 lượt hỏi · 2 người đang chờ");
    expect(listing).not.toContain("401");

    const done = await send(app, coordinator("/giaidap 1 Lương tháng 7 được chi trả trước ngày 10/08/2025."));
    expect(done).toContain("Đã lưu câu trả lời (mã gd1)");
    expect(done).toContain("Đã báo cho 2 người đã hỏi.");
    expect(notices(app).map((m) => m.chatKey).sort()).toEqual(["telegram:401", "zalo:z-77"]);
    const notice = plain(notices(app)[0]!.reply);
    expect(notice).toContain(`Câu hỏi ngày 01/05/2025: “${SALARY}”`);
    expect(notice).toContain("Lương tháng 7 được chi trả trước ngày 10/08/2025.");
    expect(notice).toContain("Điều phối viên trả lời ngày 01/05/2025");

    // Answered questions leave the list, and nobody is told twice.
    expect(await send(app, coordinator("/cauhoi"))).toContain("Hiện không có câu hỏi nào");
    expect(await app.store.askers.list()).toHaveLength(0);

    const similar = await send(app, tgText("402", `/hoi ${SALARY_AGAIN}`));
    expect(similar).toContain("Lương tháng 7 được chi trả trước ngày 10/08/2025.");
    expect(similar).toContain("Điều phối viên trả lời ngày 01/05/2025");
    expect(await app.store.questions.unanswered()).toHaveLength(0);
    expect(notices(app)).toHaveLength(2);
  });

  it("stores the answer attributed to the coordinator, with their role and the time", async () => {
    const app = await setup();
    await send(app, tgText(USERS.member, SALARY));
    await send(app, coordinator("/cauhoi"));
    await send(app, coordinator("/giaidap 1 Trước ngày 10/08/2025."));
    const [answer] = await app.store.answers.list();
    expect(answer).toMatchObject({ id: "gd1", kind: "answer", questions: [{ example: SALARY, count: 1 }] });
    expect(answer!.versions).toEqual([
      { action: "answer", text: "Trước ngày 10/08/2025.", by: "telegram:301", byName: "Người dùng 301", role: "coordinator", at: "2025-05-01T02:00:00.000Z" },
    ]);
  });

  it("links a falsely refused question to an existing entry, which then answers that way of asking", async () => {
    const app = await setup();
    const entry = app.content.faq.find((e) => e.id === "email-accounts-when") ?? app.content.faq[0]!;
    const odd = "cái hộp thư công vụ mới bao giờ mới xài được đây trời";
    await send(app, tgText(USERS.member, odd));
    expect(await app.store.questions.unanswered()).toHaveLength(1);
    await send(app, coordinator("/cauhoi"));
    const done = await send(app, coordinator(`/giaidap 1 =${entry.id}`));
    expect(done).toContain(`Đã gắn câu hỏi vào mục ${entry.id} (mã gd1)`);
    expect(plain(notices(app)[0]!.reply)).toContain(entry.answer.trim().slice(0, 40));

    const again = await send(app, tgText("402", odd));
    expect(again).toContain(entry.answer.trim().slice(0, 40));
    expect(again).not.toContain("Chưa có thông tin");
  });

  it("refuses a link to an entry that does not exist, and keeps the question listed", async () => {
    const app = await setup();
    await send(app, tgText(USERS.member, SALARY));
    await send(app, coordinator("/cauhoi"));
    expect(await send(app, coordinator("/giaidap 1 =khong-co-muc-nay"))).toContain("Không có mục nào mã “khong-co-muc-nay”");
    expect(await app.store.answers.list()).toHaveLength(0);
    expect(await app.store.questions.unanswered()).toHaveLength(1);
  });

  it("corrects an answer as a new version: later answers use the new text, the old one stays in the history", async () => {
    const app = await setup();
    await send(app, tgText(USERS.member, SALARY));
    await send(app, coordinator("/cauhoi"));
    await send(app, coordinator("/giaidap 1 Trước ngày 10/08/2025."));
    app.clock.set("2025-05-03T10:00:00+07:00");
    expect(await send(app, tgText("1", "/giaidap sửa gd1 Trước ngày 05/08/2025."))).toContain("Đã sửa gd1 (phiên bản 2)");

    const answered = await send(app, tgText("402", SALARY_AGAIN));
    expect(answered).toContain("Trước ngày 05/08/2025.");
    expect(answered).toContain("Điều phối viên trả lời ngày 01/05/2025, cập nhật ngày 03/05/2025");
    const history = await send(app, coordinator("/giaidap xem gd1"));
    expect(history).toContain("1. 09:00 01/05/2025 — Người dùng 301 (điều phối viên) trả lời: Trước ngày 10/08/2025.");
    expect(history).toMatch(/2\. 10:00 03\/05\/2025 — Người dùng 1 \(quản trị viên\) sửa: Trước ngày 05\/08\/2025\./);
  });

  it("withdraws an answer: similar questions are refused again, the question is back in /cauhoi, and the history is kept", async () => {
    const app = await setup();
    await send(app, tgText(USERS.member, SALARY));
    await send(app, coordinator("/cauhoi"));
    await send(app, coordinator("/giaidap 1 Trước ngày 10/08/2025."));
    expect(await send(app, coordinator("/giaidap rút gd1 Thông tin chưa chính xác"))).toContain("Đã rút gd1");

    expect(await send(app, tgText("402", SALARY_AGAIN))).toContain("Chưa có thông tin");
    const listing = await send(app, coordinator("/cauhoi"));
    expect(listing).toContain(`“${SALARY}”`);
    expect(listing).toContain("1 lượt hỏi");
    expect(await send(app, coordinator("/giaidap ds"))).toMatch(/gd1 “Lương tháng 7.*đã rút 01\/05\/2025/);
    expect((await app.store.answers.get("gd1"))!.versions.map((v) => v.action)).toEqual(["answer", "withdraw"]);
    expect(await send(app, coordinator("/giaidap sua gd1 khác"))).toContain("gd1 đã được rút");
  });

  it("answers similar unanswered questions together and tells their askers too", async () => {
    const app = await setup();
    await send(app, tgText(USERS.member, SALARY));
    await send(app, zaloText("z-9", SALARY_AGAIN));
    await send(app, tgText("402", PARKING));
    const listing = await send(app, coordinator("/cauhoi lương"));
    expect(listing).toContain("khớp với “lương”: 2");
    expect(listing).not.toContain("gửi xe");
    const done = await send(app, coordinator("/giaidap 1 Trước ngày 10/08/2025."));
    expect(done).toContain("Gộp thêm 1 câu hỏi tương tự");
    expect(notices(app).map((m) => m.chatKey).sort()).toEqual(["telegram:401", "zalo:z-9"]);
    expect((await app.store.questions.unanswered()).map((q) => q.example)).toEqual([PARKING]);
  });

  it("lists every coordinator answer, and says which numbers are stale", async () => {
    const app = await setup();
    expect(await send(app, coordinator("/giaidap 1 gì đó"))).toContain("gõ /cauhoi trước");
    await send(app, tgText(USERS.member, SALARY));
    await send(app, coordinator("/cauhoi"));
    expect(await send(app, coordinator("/giaidap 4 gì đó"))).toContain("không có câu số 4");
    await send(app, coordinator("/giaidap 1 Trước ngày 10/08/2025."));
    expect(await send(app, coordinator("/giaidap 1 lại"))).toContain("Câu số 1 đã được trả lời (mã gd1)");
    const english = tgText(USERS.coordinator, "/answer list", { user: { id: USERS.coordinator, name: "Dung", languageCode: "en" } });
    expect(await send(app, english)).toContain("Coordinator answers: 1 in use, 0 withdrawn");
    expect(await send(app, coordinator("/giaidap"))).toContain("Cách dùng: /giaidap <số> <câu trả lời>");
  });

  it("never lets a coordinator answer override the plan: the curated entry answers, and the coordinator is told", async () => {
    const app = await setup();
    // A question the plan answers, recorded as unanswered (e.g. before the entry was added to content/).
    const question = app.content.faq[0]!.questions[0]!;
    await app.store.questions.record({ folded: "x", text: question, answered: false, at: "2025-05-01T01:00:00.000Z", day: "2025-05-01" });
    await send(app, coordinator("/cauhoi"));
    const done = await send(app, coordinator("/giaidap 1 Một câu trả lời khác."));
    expect(done).toContain(`Lưu ý: mục ${app.content.faq[0]!.id} của kế hoạch hiện đã trả lời câu hỏi này`);
    const answered = await send(app, tgText("402", question));
    expect(answered).toContain(app.content.faq[0]!.answer.trim().slice(0, 40));
    expect(answered).not.toContain("Một câu trả lời khác.");
  });
});

describe("who may list and answer questions", () => {
  const cases = [
    { who: "a member", id: USERS.member, allowed: false },
    { who: "an agency lead", id: USERS.leadBrvt, allowed: false },
    { who: "a coordinator", id: USERS.coordinator, allowed: true },
    { who: "an admin", id: "1", allowed: true },
  ];
  for (const { who, id, allowed } of cases) {
    for (const command of ["/cauhoi", "/questions", "/giaidap ds", "/answer 1 Trước ngày 10/08/2025."]) {
      it(`${allowed ? "lets" : "refuses"} ${who} ${command.split(" ")[0]}${command.includes(" ") ? ` ${command.split(" ")[1]}` : ""}`, async () => {
        const app = await setup();
        await send(app, tgText("499", SALARY));
        if (command.startsWith("/answer")) await send(app, tgText(id, "/cauhoi"));
        const text = await send(app, tgText(id, command));
        if (allowed) expect(text).not.toContain("chỉ dành cho");
        else expect(text).toMatch(/chỉ dành cho điều phối viên|only for coordinators/);
        expect(await app.store.answers.list()).toHaveLength(allowed && command.startsWith("/answer") ? 1 : 0);
      });
    }
  }
});
