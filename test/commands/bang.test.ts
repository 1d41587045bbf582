import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { XLSX_SHEETS } from "../../src/core/exports/xlsx.js";
import { renderReply } from "../../src/channels/telegram/render.js";
import { renderZaloReply } from "../../src/channels/zalo/render.js";
import { toPlain } from "../../src/core/reply.js";
import { createLinkSigner } from "../../src/web/signed-links.js";
import { createAttachmentLinker, createDigestFileMaker } from "../../src/web/files.js";
import { BOARD_SECRET, COORDINATOR, LEAD, startBoard } from "../helpers/board.js";
import { createTestApp, textFrom } from "../helpers/app.js";
import { parseIcs } from "../helpers/ics.js";

describe("/bang", () => {
  it("gives a coordinator a 24-hour link to the whole board, and a lead one to their agency", async () => {
    const board = await startBoard();
    try {
      const [coordinator] = await board.app.assistant.handle(textFrom("coord", "/bang"));
      const text = toPlain(coordinator!.text);
      expect(text).toContain("tiến độ của tất cả cơ quan, đơn vị");
      expect(text).toContain("24 giờ");
      expect(coordinator!.webApp).toBeUndefined();
      const [lead] = await board.app.assistant.handle(textFrom("lead-bd", "/board"));
      expect(toPlain(lead!.text)).toContain("tiến độ của Sở KH&CN Bình Dương");
      expect(await board.boardLinkFor(LEAD)).not.toBe(await board.boardLinkFor(COORDINATOR));
    } finally {
      await board.close();
    }
  });

  it("gives no link in a group chat, where everyone could open it", async () => {
    const board = await startBoard();
    try {
      const [r] = await board.app.assistant.handle(textFrom("coord", "/bang", { chat: { id: "-100", type: "group", title: "Nhóm" } }));
      const text = toPlain(r!.text);
      expect(text).toContain("chỉ được gửi trong chat riêng");
      expect(text).not.toContain("/bang/");
    } finally {
      await board.close();
    }
  });

  it("is refused to people without a role", async () => {
    const board = await startBoard();
    try {
      const [r] = await board.app.assistant.handle(textFrom("someone", "/bang"));
      expect(toPlain(r!.text)).not.toContain("/bang/");
    } finally {
      await board.close();
    }
  });

  it("adds a Telegram Web App button in a private Telegram chat, rendered as web_app", async () => {
    const board = await startBoard();
    try {
      await board.store.people.grant({ userKey: "telegram:5", name: "C", role: "coordinator", chatKey: "telegram:5", grantedBy: "console:admin", grantedAt: board.clock.now().toISOString() });
      const [r] = await board.app.assistant.handle(textFrom("5", "/bang", { channel: "telegram", supportsButtons: true }));
      expect(r!.webApp).toEqual({ label: "📊 Mở bảng trong Telegram", url: `${board.base()}/bang/telegram` });
      const markup = renderReply(r!).messages.at(-1)!.markup as { inline_keyboard: unknown[][] };
      expect(markup.inline_keyboard.at(-1)).toEqual([{ text: "📊 Mở bảng trong Telegram", web_app: { url: `${board.base()}/bang/telegram` } }]);
      // Zalo has no Web Apps: the link in the text is what people open.
      expect(renderZaloReply(r!).texts.join("\n")).toContain(`${board.base()}/bang/`);
    } finally {
      await board.close();
    }
  });

  it("says how to enable the board when PUBLIC_URL is not set", async () => {
    const app = await createTestApp();
    const [r] = await app.assistant.handle(textFrom("admin", "/bang"));
    expect(toPlain(r!.text)).toContain("PUBLIC_URL");
  });
});

describe("/tonghop xlsx and /lich ics", () => {
  it("/tonghop xlsx attaches the workbook with a source, so Zalo gets a signed link that makes it again", async () => {
    const board = await startBoard();
    try {
      const [r] = await board.app.assistant.handle(textFrom("coord", "/tonghop xlsx"));
      const [a] = r!.attachments!;
      expect(a!.filename).toMatch(/^tong-hop-\d{4}-W\d{2}\.xlsx$/);
      expect(a!.source?.kind).toBe("digest-xlsx");
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(a!.data) as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(Object.values(XLSX_SHEETS));
      const links = createLinkSigner(BOARD_SECRET);
      const url = createAttachmentLinker("https://bot.example.gov.vn", links, board.clock)(a!)!;
      const checked = links.verify(new URL(url).pathname + new URL(url).search, board.clock.now());
      expect(checked.ok).toBe(true);
      const made = await createDigestFileMaker({ content: board.content, store: board.store })(a!.source!);
      expect(made.contentType).toContain("spreadsheetml");
      const again = new ExcelJS.Workbook();
      await again.xlsx.load(Buffer.from(made.data) as unknown as ArrayBuffer);
      expect(again.getWorksheet(XLSX_SHEETS.perMilestone)!.rowCount).toBe(book.getWorksheet(XLSX_SHEETS.perMilestone)!.rowCount);
    } finally {
      await board.close();
    }
  });

  it("/lich ics gives a lead their agency's calendar with the subscription address; a name picks another agency", async () => {
    const board = await startBoard();
    try {
      const [own] = await board.app.assistant.handle(textFrom("lead-bd", "/lich ics"));
      expect(own!.attachments![0]!.filename).toBe("lich-sokhcn-binhduong.ics");
      expect(own!.attachments![0]!.source).toMatchObject({ kind: "calendar-ics", agencyId: "sokhcn-binhduong" });
      const subscription = /(http:\/\/127\.0\.0\.1:\d+\/lich\/\S+\.ics)/.exec(toPlain(own!.text))![1]!;
      const served = parseIcs(await (await fetch(subscription)).text());
      const attached = parseIcs(new TextDecoder().decode(own!.attachments![0]!.data));
      expect(served.events.map((e) => e.props.UID)).toEqual(attached.events.map((e) => e.props.UID));
      const [other] = await board.app.assistant.handle(textFrom("someone", "/lich ics Sở KH&CN Bà Rịa - Vũng Tàu"));
      expect(other!.attachments![0]!.filename).toBe("lich-sokhcn-brvt.ics");
      const [plan] = await board.app.assistant.handle(textFrom("someone", "/lich ics"));
      expect(plan!.attachments![0]!.filename).toBe("lich-ke-hoach.ics");
      const [unknown] = await board.app.assistant.handle(textFrom("someone", "/lich ics Sở Không Có"));
      expect(toPlain(unknown!.text)).toContain("Không tìm thấy cơ quan");
      const [plain] = await board.app.assistant.handle(textFrom("someone", "/lich email"));
      expect(plain!.attachments).toBeUndefined();
    } finally {
      await board.close();
    }
  });
});
