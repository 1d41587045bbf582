import { describe, expect, it } from "vitest";
import { formatCountdown, formatDay } from "../../../src/core/dates.js";
import { detectLanguage } from "../../../src/core/language.js";
import { smallTalkKind } from "../../../src/core/knowledge/small-talk.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { toPlain } from "../../../src/core/reply.js";
import { openStore } from "../../../src/store/open-store.js";
import { createTestApp, realContent, textFrom } from "../../helpers/app.js";

const content = await realContent();
const kb = createKnowledge(content);

async function ask(app: Awaited<ReturnType<typeof createTestApp>>, text: string, user = "u1"): Promise<string> {
  return (await app.assistant.handle(textFrom(user, text))).map((r) => toPlain(r.text)).join("\n");
}

describe("small talk", () => {
  it.each([
    ["xin chào", "greeting"],
    ["hello", "greeting"],
    ["cảm ơn bạn nhiều nha", "thanks"],
    ["thanks a lot", "thanks"],
    ["bạn là ai vậy", "who"],
    ["bạn làm được gì", "help"],
    ["???", "empty"],
    ["👍", "empty"],
  ])("reads %j as %s", (text, kind) => {
    expect(smallTalkKind(text)).toBe(kind);
  });

  it("does not take a question that starts with a greeting for small talk", () => {
    expect(smallTalkKind("Chào bạn, cho mình hỏi khi nào có email mới?")).toBeUndefined();
  });

  it("is neither an answer nor an unanswered question in the statistics", async () => {
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    expect(await ask(app, "xin chào")).toContain("Ví dụ, anh/chị có thể hỏi:");
    expect(await app.store.questions.days("2026-12-01", "2026-12-01")).toEqual([]);
    expect(await app.store.questions.unanswered()).toEqual([]);
  });
});

describe("follow-ups", () => {
  it("answers an elliptical question within the chat's last topic, for 30 minutes", async () => {
    const app = await createTestApp({ now: "2025-06-01T09:00:00+07:00" });
    await ask(app, "Hạn thử nghiệm quản lý văn bản là khi nào?");
    app.clock.set("2025-06-01T09:20:00+07:00");
    expect(await ask(app, "còn bao nhiêu ngày?")).toContain("15/06/2025 (còn 14 ngày)");
    // Another chat has no topic: the same words are not answered there.
    expect(await ask(app, "còn bao nhiêu ngày?", "u2")).toContain("Chưa có thông tin");
    app.clock.set("2025-06-01T10:00:00+07:00");
    expect(await ask(app, "còn bao nhiêu ngày?")).toContain("Chưa có thông tin");
  });

  it("keeps the topic in the store, so a restart does not lose it", async () => {
    const store = await openStore({ file: ":memory:" });
    const first = await createTestApp({ store, now: "2026-12-01T09:00:00+07:00" });
    await ask(first, "Khi nào có tài khoản email mới?");
    const second = await createTestApp({ store, now: "2026-12-01T09:05:00+07:00" });
    expect(await ask(second, "ai làm?")).toContain("Trung tâm Chuyển đổi số TP.HCM tạo tài khoản");
    expect(await store.topics.get("console:u1")).toMatchObject({ entryId: "email-accounts-when", lang: "vi" });
  });

  it("moves to a new topic when the follow-up names another system", async () => {
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    await ask(app, "When does the 1022 hotline start officially?");
    expect(await ask(app, "and document management?")).toContain("The document management and executive direction system runs officially");
  });
});

describe("dates that know today", () => {
  it("writes English dates as '10 June 2025'", () => {
    expect(formatDay("2025-06-10", "en")).toBe("10 June 2025");
    expect(formatDay("2025-06-10")).toBe("10/06/2025");
  });

  it("says long spans in the past naturally", () => {
    expect(formatCountdown("2025-05-20", "2025-05-10")).toBe("đã qua 10 ngày");
    expect(formatCountdown("2025-08-20", "2025-05-10")).toBe("đã qua hơn 3 tháng");
    expect(formatCountdown("2026-12-01", "2025-06-10")).toBe("đã qua hơn 1 năm");
    expect(formatCountdown("2026-12-01", "2025-06-10", "en")).toBe("passed over 1 year ago");
  });

  it("answers where the plan stands from the milestones and today's date", async () => {
    const during = await createTestApp({ now: "2025-06-01T09:00:00+07:00" });
    const early = await ask(during, "Kế hoạch đã xong chưa?");
    expect(early).toContain("kế hoạch đang ở giai đoạn 1");
    expect(early).toContain("Các mốc sắp tới:");
    const after = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    const late = await ask(after, "hiện nay kế hoạch đang ở giai đoạn nào?");
    expect(late).toContain("mọi mốc của kế hoạch liên tịch đều đã qua");
    expect(late).toContain("Chưa có đơn vị nào báo tiến độ qua trợ lý.");
  });

  it("answers holidays from calendar.yaml, with the make-up working day", async () => {
    const app = await createTestApp({ now: "2026-12-01T09:00:00+07:00" });
    expect(await ask(app, "lễ 2/9 năm 2025 cbcc đc nghỉ mấy ngày")).toContain("30/08/2025 – 02/09/2025 (4 ngày)");
    expect(await ask(app, "Nghỉ lễ 30/4 năm 2025 có phải làm bù không?")).toContain("Làm bù: thứ Bảy, 26/04/2025");
  });
});

describe("precision on near-topic questions", () => {
  it.each(["Dân số Côn Đảo là bao nhiêu?", "Long An sáp nhập với tỉnh nào?", "Ai sẽ làm chủ tịch UBND phường mới?", "Số điện thoại của Sở Y tế TP.HCM là gì?", "Lịch nghỉ Tết 2027 thế nào?"])(
    "refuses %j: a place, office or number in it does not agree with any entry",
    (q) => {
      expect(kb.search(q).decision).toBe("none");
    },
  );

  it("scores the best window of a long message, so greetings and context do not dilute it", () => {
    const r = kb.search("Dạ chào anh chị, em mới chuyển công tác về phường Bà Rịa, cho em hỏi khi nào em có tài khoản email công vụ mới ạ?");
    expect(r.best?.entry.id).toBe("email-accounts-when");
  });

  it("reads chat shorthand and Telex residue", () => {
    expect(kb.search("bh thì tk email mới dc cấp a/c").best?.entry.id).toBe("email-accounts-when");
    expect(kb.search("phan mem quan ly vna ban thu nghiem truoc ngay nao").best?.entry.id).toBe("document-management-pilot");
  });
});

describe("detectLanguage", () => {
  it("tells English from Vietnamese typed with or without marks", () => {
    expect(detectLanguage("When will the new e-mail accounts be ready?")).toBe("en");
    expect(detectLanguage("khi nao co mail moi vay ad")).toBe("vi");
    expect(detectLanguage("Khi nào có email mới?")).toBe("vi");
    expect(detectLanguage("1022")).toBeUndefined();
  });

  it("reads unaccented Vietnamese thanks and greetings as Vietnamese, though 'on' is also an English word", async () => {
    expect(detectLanguage("cam on ban")).toBe("vi");
    expect(detectLanguage("xin chao")).toBe("vi");
    expect(detectLanguage("thank you")).toBe("en");
    const app = await createTestApp();
    const [answer] = await app.assistant.handle(textFrom("lan", "cam on ban"));
    expect(toPlain(answer!.text)).toMatch(/^Dạ, không có gì ạ/);
  });
});
