import { createConfig } from "../config.js";
import { loadContent } from "../content/load.js";
import { createWorkingCalendar } from "../core/calendar.js";
import type { Content } from "../core/content/schema.js";
import { formatDay } from "../core/dates.js";
import { agencyLabel } from "../core/milestones.js";
import { formatDayWithWeekday } from "../core/reminders/message.js";
import { type CalendarRow, reminderCalendar } from "../core/reminders/planner.js";
import { parseDay } from "../core/time.js";
import { parseFlags, type CliCommand } from "./types.js";

/**
 * `plan [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]`: the reminder calendar of the bundled content,
 * assuming nobody reports anything. With `--json`, one object per line:
 * `{"date","time","milestoneId","agencyId","kind","step"}`; otherwise a table grouped by date.
 * Escalation rows are one per milestone and agency; the coordinators get them as one message per day.
 */
export const planCommand: CliCommand = {
  name: "plan",
  summary: "print the reminder calendar (assuming nobody reports anything); --json for one object per line",
  usage: "plan [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]",
  help: [
    "Options:",
    "      --from YYYY-MM-DD  first day to show (default: the start of the plan)",
    "      --to YYYY-MM-DD    last day to show (default: the end of the plan)",
    "      --json             one object per line: date, time, milestoneId, agencyId, kind, step",
    "  -h, --help             this help",
    "",
    "Example: npm run cli -- plan --from 2025-05-01 --to 2025-05-31",
  ].join("\n"),
  async run({ args, env, stdout, stderr }) {
    let flags: Record<string, string | true>;
    try {
      ({ flags } = parseFlags(args, { from: "value", to: "value", json: "boolean" }));
    } catch (error) {
      stderr.write(`plan: ${(error as Error).message}. Usage: npm run cli -- ${planCommand.usage} (plan --help for more)\n`);
      return 1;
    }
    const range: { from: string; to: string } = { ...OPEN };
    for (const name of ["from", "to"] as const) {
      const value = flags[name];
      if (value === undefined) continue;
      const day = typeof value === "string" ? parseDay(value) : null;
      if (!day) {
        stderr.write(`plan: --${name} "${String(value)}" is not a date (use YYYY-MM-DD, e.g. 2025-04-20)\n`);
        return 1;
      }
      range[name] = day;
    }
    if (range.from > range.to) {
      stderr.write(`plan: --from ${range.from} is after --to ${range.to}; swap them\n`);
      return 1;
    }
    const config = createConfig(env);
    const content = await loadContent(config.CONTENT_DIR);
    const rows = reminderCalendar(content.milestones, createWorkingCalendar(content.calendar), range, config.REMINDER_TIME);
    // A reader that stops early (`| head`) closes the pipe: that is not an error of ours.
    stdout.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
    const text = flags.json ? rows.map((r) => `${JSON.stringify(jsonRow(r))}\n`).join("") : renderTable(content, rows, range);
    stdout.write(text);
    return 0;
  },
};

/** The row with its keys in the documented order. */
function jsonRow(r: CalendarRow): CalendarRow {
  return { date: r.date, time: r.time, milestoneId: r.milestoneId, agencyId: r.agencyId, kind: r.kind, step: r.step };
}

/** The bounds of a range nobody limited; never shown to a person. */
const OPEN = { from: "0000-01-01", to: "9999-12-31" } as const;

const KIND_LABEL: Record<CalendarRow["kind"], (step: number) => string> = {
  before: (n) => `trước hạn ${n} ngày làm việc`,
  due: () => "hạn chót",
  overdue: (n) => `quá hạn, nhắc lần ${n}`,
  escalation: (n) => `báo điều phối viên (sau ${n} lần nhắc quá hạn)`,
};

/** The range as people say it: "từ 01/12/2026 trở đi", "đến hết 31/05/2025", "trong toàn bộ kế hoạch". */
export function rangeInWords(range: { from: string; to: string }): string {
  const from = range.from === OPEN.from ? undefined : formatDay(range.from);
  const to = range.to === OPEN.to ? undefined : formatDay(range.to);
  if (from && to) return `từ ${from} đến ${to}`;
  if (from) return `từ ${from} trở đi`;
  if (to) return `đến hết ${to}`;
  return "trong toàn bộ kế hoạch";
}

function renderTable(content: Content, rows: readonly CalendarRow[], range: { from: string; to: string }): string {
  const out: string[] = ["Lịch nhắc hạn (giả định chưa cơ quan, đơn vị nào báo tình trạng)", ""];
  if (rows.length === 0) {
    out.push(`Không có lời nhắc nào ${rangeInWords(range)}.`, "");
    return out.join("\n");
  }
  const kindWidth = Math.max(...rows.map((r) => KIND_LABEL[r.kind](r.step).length));
  const idWidth = Math.max(...rows.map((r) => r.milestoneId.length));
  let day = "";
  for (const r of rows) {
    if (r.date !== day) {
      if (day !== "") out.push("");
      day = r.date;
      out.push(`${formatDayWithWeekday(r.date)} lúc ${r.time}`);
    }
    out.push(`  ${KIND_LABEL[r.kind](r.step).padEnd(kindWidth)}  ${r.milestoneId.padEnd(idWidth)}  ${agencyLabel(content, r.agencyId)}`);
  }
  const reminders = rows.filter((r) => r.kind !== "escalation").length;
  const days = new Set(rows.map((r) => r.date)).size;
  out.push("", `Tổng: ${reminders} lời nhắc và ${rows.length - reminders} mục báo điều phối viên, trong ${days} ngày làm việc.`, "");
  return out.join("\n");
}
