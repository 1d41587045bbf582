import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../../src/core/language.js";
import { toPlain } from "../../../src/core/reply.js";
import { createTestApp, textFrom } from "../../helpers/app.js";
import { runCliCaptured } from "../../helpers/cli.js";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
async function ask(app: TestApp, text: string, user = "u1"): Promise<string> {
  return (await app.assistant.handle(textFrom(user, text))).map((r) => toPlain(r.text)).join("\n");
}
const NOW = "2026-12-01T09:00:00+07:00";

describe("the language of a follow-up", () => {
  it("reads unmarked Vietnamese as Vietnamese, and leaves a bare name or one ambiguous word undecided", () => {
    expect(detectLanguage("no thuoc tinh nao truoc day")).toBe("vi");
    expect(detectLanguage("toc do?")).toBe("vi");
    expect(detectLanguage("Binh Duong?")).toBeUndefined();
    expect(detectLanguage("the 2026?")).toBeUndefined();
    expect(detectLanguage("When will the new e-mail accounts be ready?")).toBe("en");
  });

  it("answers a bare place after an English question in English", async () => {
    const app = await createTestApp({ now: NOW });
    await ask(app, "When was the HCMC Digital Transformation Center set up?");
    const text = await ask(app, "Binh Duong?");
    expect(text).toMatch(/Source:|Please contact/);
  });

  it("answers an unmarked Vietnamese follow-up in Vietnamese", async () => {
    const app = await createTestApp({ now: NOW });
    await ask(app, "mang truyen so lieu chuyen dung ket noi bao nhieu diem");
    expect(await ask(app, "toc do?")).toMatch(/Nguồn:/);
  });
});

describe("follow-ups within a topic", () => {
  it("swaps to a sibling entry of the same topic ('còn nghị quyết sắp xếp cấp xã?')", async () => {
    const app = await createTestApp({ now: NOW });
    await ask(app, "nq 202 thong qua ngay nao");
    const text = await ask(app, "còn nghị quyết sắp xếp cấp xã?");
    expect(text).toContain("1685");
  });

  it("holds a follow-up read with the previous question to its own numbers", async () => {
    const app = await createTestApp({ now: NOW });
    await ask(app, "van hanh thu 102 phuong xa la ngay nao");
    expect(await ask(app, "and the full 168-unit run?")).toContain("25 June 2025");
  });

  it("answers a calendar follow-up of a holiday question ('rơi vào thứ mấy, có nghỉ bù ko')", async () => {
    const app = await createTestApp({ now: NOW });
    await ask(app, "gio to hung vuong 2026 la ngay nao");
    expect(await ask(app, "roi vao thu may, co nghi bu ko")).toContain("thứ Hai, 27/04/2026");
  });

  it("counts down within the topic in English ('how many days left?'), never reading 'left' as Telex", async () => {
    const app = await createTestApp({ now: "2025-05-01T09:00:00+07:00" });
    await ask(app, "hntt deadline khi nao vay");
    expect(await ask(app, "how many days left?")).toContain("15 May 2025 (14 days left)");
  });

  it("works the same through the console (ask --conversation)", async () => {
    const { out } = await runCliCaptured(["ask", "--json", "--conversation", "--now", "2026-12-01"], { input: "nq 202 thong qua ngay nao\ncòn nghị quyết sắp xếp cấp xã?\n" });
    const [, second] = out.trim().split("\n").map((l) => JSON.parse(l));
    expect(second.answered).toBe(true);
    expect(second.answer).toContain("1685");
  });
});

describe("where the plan stands", () => {
  it("puts milestones that share a deadline on one line, so the next five deadlines show", async () => {
    const app = await createTestApp({ now: "2025-07-15T09:00:00+07:00" });
    const text = await ask(app, "kế hoạch hợp nhất giờ tới đâu rồi");
    expect(text).toContain("Tiếp nhận, phối hợp triển khai trung tâm dữ liệu; Tiếp nhận, phối hợp triển khai chữ ký số");
    expect(text).toMatch(/Vận hành chính thức hệ thống quản lý văn bản, chỉ đạo điều hành; .*: 01\/09\/2025/);
  });
});

describe("English paraphrases in the lexicon", () => {
  it.each([
    ["When was the HCMC Digital Transformation Center set up?", "30 January 2024"],
    ["When did the National Assembly pass the resolution on reorganising provinces?", "12 June 2025"],
    ["By when must the document management system reach every ward and commune?", "15 August 2025"],
  ])("answers %j", async (q, must) => {
    const app = await createTestApp({ now: NOW });
    expect(await ask(app, q)).toContain(must);
  });
});

describe("follow-ups from the brief of round 4", () => {
  it.each([
    ["hạn gửi danh sách cbcc làm email", "còn tập huấn thì sao", "tập huấn sử dụng thư điện tử"],
    ["who's the director of the Digital Transformation Center?", "when was it set up?", "30 January 2024"],
    ["NQ 202 thông qua ngày nào", "sau đó cả nước còn mấy tỉnh thành", "34"],
    ["Tổng đài 1022 vận hành chính thức khi nào?", "chay chua", "01/09/2025"],
  ])("after %j, answers %j within the topic", async (first, second, must) => {
    const app = await createTestApp({ now: NOW });
    await ask(app, first);
    expect(await ask(app, second)).toContain(must);
  });
});
