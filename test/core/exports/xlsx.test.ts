import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { digestFromStore } from "../../../src/core/digest/build.js";
import { renderDigestXlsx, XLSX_SHEETS } from "../../../src/core/exports/xlsx.js";
import { startBoard } from "../../helpers/board.js";

async function readBack(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

describe("renderDigestXlsx", () => {
  it("writes one sheet per view with Vietnamese headers, a frozen header row, widths and real dates", async () => {
    const board = await startBoard();
    try {
      const digest = await digestFromStore(board.content, board.store, board.clock.now());
      const book = await readBack(await renderDigestXlsx(board.content, digest, await board.store.statuses.all()));
      expect(book.worksheets.map((w) => w.name)).toEqual(Object.values(XLSX_SHEETS));
      for (const ws of book.worksheets) {
        expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
        expect(ws.getColumn(1).width).toBeGreaterThan(8);
      }
      const overview = book.getWorksheet(XLSX_SHEETS.overview)!;
      expect(overview.getRow(1).values).toEqual(expect.arrayContaining(["Mã mốc", "Mốc", "Hạn chót", "Vướng mắc", "Chưa báo cáo"]));
      expect(overview.rowCount).toBe(1 + board.content.milestones.length);

      const per = book.getWorksheet(XLSX_SHEETS.perMilestone)!;
      const rows = per.getSheetValues().slice(2) as unknown[][];
      const blocked = rows.find((r) => r[1] === "video-conference-state" && r[4] === "sokhcn-binhduong")!;
      expect(blocked[6]).toBe("Vướng mắc");
      expect(blocked[8]).toBe("Thiếu đường truyền tại trụ sở mới");
      expect(blocked[10]).toBe("điều phối viên");
      expect(blocked[11]).toBe("có");
      // The deadline is a real date (15/05/2025), shown dd/mm/yyyy.
      expect(blocked[3]).toBeInstanceOf(Date);
      expect((blocked[3] as Date).toISOString()).toBe("2025-05-15T00:00:00.000Z");
      expect(per.getColumn(3).numFmt).toBe("dd/mm/yyyy");
      // The update time is the Asia/Ho_Chi_Minh wall time (11:00 on 29/04/2025).
      expect((blocked[9] as Date).toISOString()).toBe("2025-04-29T11:00:00.000Z");

      const history = book.getWorksheet(XLSX_SHEETS.history)!;
      expect(history.rowCount).toBe(1 + await board.store.statuses.count());
      expect(history.getRow(1).values).toEqual(expect.arrayContaining(["Thời điểm", "Vai trò", "Cập nhật thay cơ quan", "Ghi chú"]));
    } finally {
      await board.close();
    }
  });
});
