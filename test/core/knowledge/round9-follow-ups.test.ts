import { describe, expect, it } from "vitest";
import { swapDay } from "../../../src/core/knowledge/calendar-question.js";
import { countSwap, refersBack } from "../../../src/core/knowledge/follow-up.js";
import { toPlain } from "../../../src/core/reply.js";
import { createTestApp, textFrom } from "../../helpers/app.js";
import { runCliCaptured } from "../../helpers/cli.js";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
async function ask(app: TestApp, text: string, user = "u1"): Promise<string> {
  return (await app.assistant.handle(textFrom(user, text))).map((r) => toPlain(r.text)).join("\n");
}
const NOW = "2026-12-01T09:00:00+07:00";

describe("the readings a follow-up is made of", () => {
  it("swaps the one count of the previous question, and leaves years, dates and systems alone", () => {
    expect(countSwap("when was the 102 ward trial", "the full 168")).toEqual({ text: "when was the 168 ward trial", value: ["168"] });
    expect(countSwap("ke hoach nam 2025 co may giai doan", "2026")).toBeUndefined();
    expect(countSwap("han 10/6 gui danh sach", "15")).toBeUndefined();
    expect(countSwap("hop truc tuyen 102 phuong", "1022")).toBeUndefined();
    expect(countSwap("102 phuong xa", "102")).toBeUndefined();
  });

  it("swaps the day of a calendar question, carrying the year and dropping the old weekday", () => {
    expect(swapDay("is saturday 10 january 2026 a working day", "and 22 august")).toBe("is 22 august 2026 a working day");
    expect(swapDay("thu 7 ngay 10/1/2026 co phai di lam ko", "con 22/8")).toBe("ngay 22/8/2026 co phai di lam ko");
    expect(swapDay("tet 2026 nghi may ngay", "con 22/8")).toBeUndefined();
  });

  it("hears a pronoun pointing back in the language of the message", () => {
    expect(refersBack("when was it launched", "en")).toBe(true);
    expect(refersBack("no thanh lap khi nao", "vi")).toBe(true);
    expect(refersBack("no, thanks", "en")).toBe(false);
  });
});

describe("follow-ups answered through the core", () => {
  it("asks the previous question of another count ('còn 168 thì sao?')", async () => {
    const app = await createTestApp({ now: NOW });
    await ask(app, "chạy thử 102 phường xã là ngày nào");
    expect(await ask(app, "còn 168 thì sao?")).toContain("25/06/2025");
  });

  it("asks the previous calendar question of another day, in the year it named", async () => {
    const app = await createTestApp({ now: NOW });
    await ask(app, "Is 10 January 2026 a working day?");
    const text = await ask(app, "what about 22 August?");
    expect(text).toContain("22 August 2026");
    expect(text).toContain("31 August 2026");
  });

  it("reads a pronoun after a question that got no answer within that question's words", async () => {
    const app = await createTestApp({ now: NOW });
    expect(await ask(app, "How many employees does the Digital Transformation Center have?")).toMatch(/no information/);
    expect(await ask(app, "when was it launched?")).toContain("30 January 2024");
  });

  it("answers a question both phases match from the one that gives what is asked", async () => {
    const app = await createTestApp({ now: "2025-11-01T09:00:00+07:00" });
    expect(await ask(app, "When does phase 2 end?")).toContain("December 2025");
  });

  it("never answers a swapped place from an entry that speaks only of the old one", async () => {
    const app = await createTestApp({ now: NOW });
    expect(await ask(app, "mail cu bd dung bao lau")).toContain("3 tháng");
    expect(await ask(app, "con brvt thi sao")).not.toContain("Cán bộ tỉnh Bình Dương dùng song song");
  });
});

describe("follow-ups that add to the previous question, or leave it for a sibling", () => {
  it("adds a bare phase to the previous question even though the phase alone has an answer", async () => {
    const app = await createTestApp({ now: NOW });
    await ask(app, "app quản lý chính quyền số bắt đầu thử nghiệm khi nào");
    expect(await ask(app, "giai đoạn 2?")).toContain("quý 1/2026");
  });

  it("answers a marked follow-up with new words from the sibling entry they are about, not the previous one", async () => {
    const app = await createTestApp({ now: NOW });
    expect(await ask(app, "hạn đưa qlvb xuống tất cả phường xã là ngày nào")).toContain("15/08/2025");
    expect(await ask(app, "thế còn vận hành chính thức?")).toContain("01/09/2025");
  });

  it("reads 'hôm đó' as pointing back at the previous answer's day, even in a longer message", async () => {
    const app = await createTestApp({ now: NOW });
    await ask(app, "ngày nào chạy thử đồng loạt cả 168 phường xã");
    expect(await ask(app, "hôm đó thử những hệ thống gì vậy ạ")).toContain("25/06/2025");
  });
});

describe("follow-ups through `ask --json --conversation`", () => {
  it("reads the second line as a follow-up of the first, and each line alone without the flag", async () => {
    const input = "When was the 102-ward trial?\nand the full 168?\n";
    const { out } = await runCliCaptured(["ask", "--json", "--conversation", "--now", "2026-12-01"], { input });
    const [, second] = out.trim().split("\n").map((l) => JSON.parse(l));
    expect(second.answered).toBe(true);
    expect(second.answer).toContain("25 June 2025");
    const alone = await runCliCaptured(["ask", "--json", "--now", "2026-12-01"], { input });
    const [, standalone] = alone.out.trim().split("\n").map((l) => JSON.parse(l));
    expect(standalone.answer).not.toContain("25 June 2025");
  });
});
