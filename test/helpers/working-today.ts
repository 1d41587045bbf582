import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse, stringify } from "yaml";

/**
 * Makes `today` (YYYY-MM-DD) a working day in the copy of content/ at `contentDir`: the year is covered, a holiday
 * on that day is dropped, and a weekend day becomes a make-up working day. For end-to-end tests that make something
 * due "today" whatever day the suite runs.
 */
export async function makeTodayWorking(contentDir: string, today: string): Promise<void> {
  const calendarFile = join(contentDir, "calendar.yaml");
  const calendar = parse(await readFile(calendarFile, "utf8")) as {
    years: number[];
    holidays: { date?: string; from?: string; to?: string }[];
    workingDays: { date: string; name: string }[];
  };
  const year = Number(today.slice(0, 4));
  calendar.years = [...new Set([...calendar.years, year, year + 1])];
  calendar.holidays = calendar.holidays.filter((h) => !(h.date === today || (h.from && h.to && h.from <= today && today <= h.to)));
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) calendar.workingDays.push({ date: today, name: "Ngày làm việc của bài kiểm thử" });
  await writeFile(calendarFile, stringify(calendar));
}
