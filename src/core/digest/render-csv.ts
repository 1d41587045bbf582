import { stringify } from "csv-stringify/sync";
import { t } from "../command.js";
import { formatDue, type Lang } from "../dates.js";
import { localParts } from "../time.js";
import { lightName, roleName, stateName } from "./sections.js";
import type { Digest } from "./types.js";

/**
 * Keeps a spreadsheet from running a cell as a formula: text starting with = + - @ (or a tab/CR)
 * gets a leading apostrophe, the usual defence against CSV injection.
 */
export function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The digest as CSV: one row per milestone × responsible agency, with the latest status,
 * its note, when and by which role it was recorded. UTF-8 with a byte-order mark, so Excel
 * shows Vietnamese correctly; CRLF line ends.
 */
export function renderDigestCsv(digest: Digest, lang: Lang = "vi"): string {
  const header = [
    t(lang, "Mã mốc", "Milestone id"),
    t(lang, "Mốc", "Milestone"),
    t(lang, "Hạn", "Due"),
    t(lang, "Hạn chót", "Deadline"),
    t(lang, "Đèn", "Light"),
    t(lang, "Mã cơ quan", "Agency id"),
    t(lang, "Cơ quan", "Agency"),
    t(lang, "Tình trạng", "Status"),
    t(lang, "Quá hạn", "Overdue"),
    t(lang, "Ghi chú", "Note"),
    t(lang, "Cập nhật lúc", "Updated at"),
    t(lang, "Vai trò người cập nhật", "Updated by role"),
    t(lang, "Cập nhật thay cơ quan", "Recorded on behalf"),
  ];
  const yes = t(lang, "có", "yes");
  const rows = digest.milestones.flatMap((m) =>
    m.pairs.map((p) => [
      m.id,
      m.title,
      formatDue(m.due, lang),
      m.due.end,
      lightName(m.light, lang),
      p.agencyId,
      p.agencyName,
      stateName(p.state, lang),
      p.overdue ? yes : "",
      p.note ?? "",
      p.at ? csvMoment(p.at) : "",
      p.role ? roleName(p.role, lang) : "",
      p.onBehalf ? yes : "",
    ]),
  );
  return stringify([header, ...rows.map((r) => r.map(safeCell))], { bom: true, record_delimiter: "windows" });
}

/** The CSV as bytes, ready to attach. */
export function digestCsvBytes(digest: Digest, lang: Lang = "vi"): Uint8Array {
  return new TextEncoder().encode(renderDigestCsv(digest, lang));
}

/** The file name of the digest CSV: `tong-hop-2025-W24.csv`. */
export function digestCsvName(digest: Digest): string {
  return `tong-hop-${digest.week.id}.csv`;
}

/** "2025-05-09 08:30" in Asia/Ho_Chi_Minh: sortable in a spreadsheet. */
function csvMoment(at: string): string {
  const { year, month, day, hour, minute } = localParts(at);
  return `${year}-${month}-${day} ${hour}:${minute}`;
}
