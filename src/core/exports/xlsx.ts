/**
 * The digest as an Excel workbook, one sheet per view: overview (one row per milestone), per milestone
 * (one row per milestone × agency), history (every status record) and response rate per agency.
 * Vietnamese headers, a frozen header row with filters, column widths, and dates as real Excel dates
 * (the Asia/Ho_Chi_Minh wall time, since Excel has no time zones). exceljs is loaded on first use.
 */
import type { Content } from "../content/schema.js";
import { formatDue } from "../dates.js";
import { lightName, roleName, stateName } from "../digest/sections.js";
import type { Digest } from "../digest/types.js";
import { PAIR_STATES } from "../digest/types.js";
import { agencyLabel } from "../milestones.js";
import type { StatusRecord } from "../ports.js";
import { localParts } from "../time.js";

/** The sheet names, in order. */
export const XLSX_SHEETS = { overview: "Tổng quan", perMilestone: "Theo mốc", history: "Lịch sử", responses: "Phản hồi" } as const;
/** Most history rows written; older records are left out (the sheet says so). */
export const XLSX_HISTORY_LIMIT = 50_000;

/** A day (YYYY-MM-DD) as an Excel date. */
export function excelDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** A moment as an Excel date-time showing the Asia/Ho_Chi_Minh wall time. */
export function excelMoment(iso: string): Date {
  const p = localParts(iso);
  return new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)));
}

interface Column {
  header: string;
  key: string;
  width: number;
  numFmt?: string;
}

const DAY_FMT = "dd/mm/yyyy";
const MOMENT_FMT = "dd/mm/yyyy hh:mm";

/**
 * The workbook's bytes. `records` are the status records to list in the history sheet (already limited
 * to what the reader may see), oldest first.
 *
 * ```ts
 * const bytes = await renderDigestXlsx(content, digest, store.statuses.all());
 * ```
 */
export async function renderDigestXlsx(content: Content, digest: Digest, records: readonly StatusRecord[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  book.creator = "Trợ lý Hợp nhất";
  book.created = new Date(digest.generatedAt);
  book.modified = new Date(digest.generatedAt);
  const sheet = (name: string, columns: Column[]) => {
    const ws = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.numFmt && { style: { numFmt: c.numFmt } }) }));
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.alignment = { vertical: "middle", wrapText: true };
    head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    return ws;
  };
  const phaseOf = new Map(content.milestones.map((m) => [m.id, m.phase]));

  const overview = sheet(XLSX_SHEETS.overview, [
    { header: "Mã mốc", key: "id", width: 26 },
    { header: "Mốc", key: "title", width: 60 },
    { header: "Giai đoạn", key: "phase", width: 10 },
    { header: "Thời hạn", key: "due", width: 24 },
    { header: "Hạn chót", key: "deadline", width: 12, numFmt: DAY_FMT },
    { header: "Số ngày còn lại", key: "daysLeft", width: 14 },
    { header: "Đèn", key: "light", width: 24 },
    ...PAIR_STATES.map((s) => ({ header: stateName(s), key: s, width: 14 })),
    { header: "Quá hạn", key: "overdue", width: 10 },
  ]);
  for (const m of digest.milestones) {
    overview.addRow({
      id: m.id,
      title: m.title,
      phase: phaseOf.get(m.id) ?? null,
      due: formatDue(m.due),
      deadline: excelDay(m.due.end),
      daysLeft: m.daysLeft,
      light: lightName(m.light),
      ...m.counts,
      overdue: m.pairs.filter((p) => p.overdue).length,
    });
  }

  const perMilestone = sheet(XLSX_SHEETS.perMilestone, [
    { header: "Mã mốc", key: "id", width: 26 },
    { header: "Mốc", key: "title", width: 50 },
    { header: "Hạn chót", key: "deadline", width: 12, numFmt: DAY_FMT },
    { header: "Mã cơ quan", key: "agencyId", width: 22 },
    { header: "Cơ quan", key: "agency", width: 30 },
    { header: "Tình trạng", key: "state", width: 18 },
    { header: "Quá hạn", key: "overdue", width: 10 },
    { header: "Ghi chú", key: "note", width: 50 },
    { header: "Cập nhật lúc", key: "at", width: 17, numFmt: MOMENT_FMT },
    { header: "Vai trò người cập nhật", key: "role", width: 20 },
    { header: "Cập nhật thay cơ quan", key: "onBehalf", width: 12 },
  ]);
  for (const m of digest.milestones) {
    for (const p of m.pairs) {
      perMilestone.addRow({
        id: m.id,
        title: m.title,
        deadline: excelDay(m.due.end),
        agencyId: p.agencyId,
        agency: p.agencyName,
        state: stateName(p.state),
        overdue: p.overdue ? "có" : "",
        note: p.note ?? "",
        at: p.at ? excelMoment(p.at) : null,
        role: p.role ? roleName(p.role) : "",
        onBehalf: p.onBehalf ? "có" : "",
      });
    }
  }

  const history = sheet(XLSX_SHEETS.history, [
    { header: "Thời điểm", key: "at", width: 17, numFmt: MOMENT_FMT },
    { header: "Mã mốc", key: "milestoneId", width: 26 },
    { header: "Cơ quan", key: "agency", width: 30 },
    { header: "Loại", key: "kind", width: 12 },
    { header: "Tình trạng", key: "state", width: 18 },
    { header: "Vai trò", key: "role", width: 18 },
    { header: "Cập nhật thay cơ quan", key: "onBehalf", width: 26 },
    { header: "Ghi chú", key: "note", width: 60 },
  ]);
  const shown = records.length > XLSX_HISTORY_LIMIT ? records.slice(records.length - XLSX_HISTORY_LIMIT) : records;
  for (const r of shown) {
    history.addRow({
      at: excelMoment(r.at),
      milestoneId: r.milestoneId,
      agency: agencyLabel(content, r.agencyId),
      kind: r.kind === "note" ? "Ghi chú thêm" : "Tình trạng",
      state: stateName(r.status),
      role: roleName(r.role),
      onBehalf: r.onBehalfOf ? agencyLabel(content, r.onBehalfOf) : "",
      note: r.note ?? "",
    });
  }
  if (shown.length < records.length) history.addRow({ note: `(Chỉ liệt kê ${shown.length} bản ghi mới nhất trong ${records.length}.)` });

  const responses = sheet(XLSX_SHEETS.responses, [
    { header: "Mã cơ quan", key: "agencyId", width: 22 },
    { header: "Cơ quan", key: "agency", width: 30 },
    { header: "Số mốc phụ trách", key: "milestones", width: 16 },
    { header: "Đã phản hồi (14 ngày)", key: "responded", width: 20 },
    { header: "Tỷ lệ phản hồi", key: "rate", width: 14, numFmt: "0%" },
    { header: "Có nơi nhận nhắc việc", key: "recipient", width: 20 },
  ]);
  for (const a of digest.agencies) {
    responses.addRow({ agencyId: a.agencyId, agency: a.agencyName, milestones: a.milestones, responded: a.responded, rate: a.milestones === 0 ? 0 : a.responded / a.milestones, recipient: a.hasRecipient ? "có" : "không" });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The file name of the workbook: `tong-hop-2025-W24.xlsx`. */
export function digestXlsxName(digest: Digest): string {
  return `tong-hop-${digest.week.id}.xlsx`;
}
