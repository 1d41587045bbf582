import { describe, expect, it } from "vitest";
import { digestFromStore } from "../../../src/core/digest/build.js";
import { renderDigestText } from "../../../src/core/digest/render-messages.js";
import { grantCast, plain, tgText, USERS } from "../status/fixtures.js";
import { createTestApp } from "../../helpers/app.js";

const SALARY = "Lương tháng 7 của cán bộ phường được chi trả khi nào?";
const PARKING = "Cán bộ chuyển về trụ sở mới có được gửi xe miễn phí không?";

describe("the weekly digest and coordinator answers", () => {
  it("lists the questions coordinators answered in the week, how many askers were told, and what is still unanswered", async () => {
    // Wednesday of ISO week 2025-W19; the digest of Monday 12/05 covers it.
    const app = await createTestApp({ now: "2025-05-07T09:00:00+07:00", admins: ["telegram:1"] });
    await grantCast(app.store);
    const say = async (id: string, text: string) => {
      const r = await app.assistant.handle(tgText(id, text));
      await app.store.flush();
      return r.map(plain).join("\n");
    };
    await say(USERS.member, SALARY);
    await say("402", SALARY);
    await say("403", PARKING);
    await say(USERS.coordinator, "/cauhoi lương");
    await say(USERS.coordinator, "/giaidap 1 Trước ngày 10/08/2025.");

    const digest = await digestFromStore(app.content, app.store, new Date("2025-05-12T08:00:00+07:00"));
    expect(digest.questions.coordinatorAnswered).toEqual([{ id: "gd1", example: SALARY, kind: "answer" }]);
    expect(digest.questions.askersTold).toBe(2);
    const text = renderDigestText(digest);
    expect(text).toContain("Điều phối viên đã trả lời trong tuần: 1 câu hỏi; đã báo cho 2 người hỏi.");
    expect(text).toContain(`“${SALARY}” → gd1`);
    expect(text).toContain(`“${PARKING}” – 1 lần`);
  });
});
