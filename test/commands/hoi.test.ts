import { describe, expect, it } from "vitest";
import type { Incoming } from "../../src/core/command.js";
import type { StatusRecord } from "../../src/core/ports.js";
import { flatButtons, type Reply, toPlain } from "../../src/core/reply.js";
import { createTestApp, textFrom } from "../helpers/app.js";

const at = (day: string) => `${day}T09:00:00+07:00`;
const plain = (r: Reply | undefined) => toPlain(r?.text ?? []);
/** A Telegram-like message: buttons supported. */
const withButtons = (text: string, extra: Partial<Incoming> = {}): Incoming => textFrom("u1", text, { channel: "telegram", supportsButtons: true, ...extra });

describe("/hoi and free-text questions", () => {
  it("answers a plain-text question in a private chat with the deadline as dd/mm/yyyy and its countdown", async () => {
    const app = await createTestApp({ now: at("2025-06-01") });
    const [r] = await app.assistant.handle(withButtons("Còn bao nhiêu ngày nữa đến hạn thí điểm hệ thống quản lý văn bản?"));
    expect(plain(r)).toContain("15/06/2025 (còn 14 ngày)");
  });

  it("says 'hôm nay là hạn chót' on the deadline and 'đã qua N ngày' after it", async () => {
    const onDay = await createTestApp({ now: at("2025-06-15") });
    expect(plain((await onDay.assistant.handle(withButtons("Hạn thử nghiệm QLVB là ngày nào?")))[0])).toContain("hôm nay là hạn chót");
    const after = await createTestApp({ now: at("2025-06-20") });
    expect(plain((await after.assistant.handle(withButtons("Hạn thử nghiệm QLVB là ngày nào?")))[0])).toContain("đã qua 5 ngày");
  });

  it("writes month-precision deadlines as 'tháng 6/2025'", async () => {
    const app = await createTestApp({ now: at("2025-06-01") });
    const [r] = await app.assistant.handle(withButtons("Phương án 1022 cho địa bàn sau hợp nhất làm trong tháng mấy?"));
    expect(plain(r)).toMatch(/tháng 6\/2025 \(còn 29 ngày\)/);
  });

  it("ends the answer with its source line", async () => {
    const app = await createTestApp();
    const [r] = await app.assistant.handle(withButtons("/hoi Khi nào có tài khoản email mới?"));
    const last = plain(r).split("\n").at(-1)!;
    expect(last.startsWith("Nguồn: ")).toBe(true);
    expect(last).toContain(app.content.sources.find((s) => s.id === "plan")!.title);
  });

  it("puts the longer text behind a 'Xem thêm' button whose payload fits in 64 bytes and shows it when pressed", async () => {
    const app = await createTestApp();
    const [r] = await app.assistant.handle(withButtons("Khi nào thí điểm hệ thống quản lý văn bản?"));
    const more = flatButtons(r!).find((b) => b.label === "Xem thêm");
    expect(more?.payload).toBe("xemthem document-management-pilot more");
    expect(new TextEncoder().encode(more!.payload).length).toBeLessThanOrEqual(64);
    expect(plain(r)).not.toContain("Tân Bình");
    const [shown] = await app.assistant.handle({ ...withButtons(""), text: undefined, payload: more!.payload });
    expect(plain(shown)).toContain("Tân Bình");
  });

  it("says there is no information, names the coordinating agency and records the question as unanswered", async () => {
    const app = await createTestApp();
    const [r] = await app.assistant.handle(withButtons("Giá vàng hôm nay bao nhiêu?"));
    expect(plain(r)).toContain("Chưa có thông tin");
    expect(plain(r)).toContain("Trung tâm Chuyển đổi số");
    const [u] = await app.store.questions.unanswered();
    expect(u).toMatchObject({ folded: "gia vang hom nay bao nhieu", count: 1, example: "Giá vàng hôm nay bao nhiêu?" });
  });

  it("offers related topics after the contact line, as buttons, when a near-topic question has no answer", async () => {
    const app = await createTestApp();
    const [r] = await app.assistant.handle(withButtons("chữ ký số của tôi hết hạn"));
    const lines = plain(r).split("\n");
    expect(lines[0]).toMatch(/^Chưa có thông tin/);
    expect(lines.at(-1)).toBe("Có thể anh/chị muốn hỏi một trong các nội dung sau:");
    const topics = flatButtons(r!);
    expect(topics.length).toBeGreaterThan(0);
    expect(topics.length).toBeLessThanOrEqual(3);
  });

  it("counts answered questions per topic for the digest", async () => {
    const app = await createTestApp();
    await app.assistant.handle(withButtons("Khi nào có tài khoản email mới?"));
    expect((await app.store.questions.days("2025-05-01", "2025-05-01"))[0]).toMatchObject({ asked: 1, answered: 1, topics: { email: 1 } });
  });

  it("asks for the question when /hoi comes alone", async () => {
    const app = await createTestApp();
    const [r] = await app.assistant.handle(withButtons("/hoi"));
    expect(plain(r)).toContain("Xin vui lòng gõ câu hỏi sau lệnh");
  });

  it("answers /ask in a group", async () => {
    const app = await createTestApp();
    const [r] = await app.assistant.handle(withButtons("/ask QLVB chạy chính thức từ ngày nào?", { chat: { id: "-100", type: "group", title: "Nhóm" } }));
    expect(plain(r)).toContain("01/09/2025");
  });

  it("adds the reported progress of the related milestone in aggregate, without names or notes", async () => {
    const app = await createTestApp();
    const record: StatusRecord = {
      id: "s1",
      kind: "status",
      milestoneId: "email-accounts",
      agencyId: "ttcds-hcm",
      status: "done",
      note: "ghi chú riêng",
      userKey: "telegram:9",
      userName: "Nguyễn Văn A",
      role: "lead",
      channel: "telegram",
      at: "2025-05-01T01:00:00.000Z",
    };
    await app.store.statuses.append(record);
    const [r] = await app.assistant.handle(withButtons("Khi nào có tài khoản email mới?"));
    const text = plain(r);
    expect(text).toMatch(/1\/\d+ đơn vị đã báo hoàn thành/);
    expect(text).not.toContain("Nguyễn Văn A");
    expect(text).not.toContain("ghi chú riêng");
  });

  it("offers a runner-up as 'Có phải anh/chị muốn hỏi' and opens that entry from the button", async () => {
    const app = await createTestApp();
    const [r] = await app.assistant.handle(withButtons("thử nghiệm khi nào"));
    const other = flatButtons(r!).find((b) => b.label.startsWith("Có phải anh/chị muốn hỏi: "));
    expect(other).toBeDefined();
    expect(other!.payload).toMatch(/^xemthem [a-z0-9-]+$/);
    const [shown] = await app.assistant.handle({ ...withButtons(""), text: undefined, payload: other!.payload });
    expect(plain(shown)).toContain("Nguồn: ");
  });

  it("answers an unknown entry id in a stale button politely", async () => {
    const app = await createTestApp();
    const [r] = await app.assistant.handle({ ...withButtons(""), text: undefined, payload: "xemthem khong-con-nua" });
    expect(plain(r)).toContain("Không tìm thấy nội dung này");
  });
});
