import { readContentFiles } from "../content/load.js";
import type { CalendarFile } from "../core/content/schema.js";
import { validateContent } from "../core/content/validate.js";
import { dayOf, systemClock } from "../core/time.js";
import { storeDuplicateWarnings } from "./faq.js";
import type { CliCommand } from "./types.js";

/** `check [dir]`: validates content and prints every problem with file and path; exit 1 if any. */
export const check: CliCommand = {
  name: "check",
  summary: "validate content/ (schemas and cross-references); exit 1 on any problem",
  usage: "check [CONTENT_DIR]",
  async run({ args, env, stdout, stderr }) {
    const dir = args[0] ?? env.CONTENT_DIR ?? "content";
    const files = await readContentFiles(dir);
    const result = validateContent(files);
    if (!result.ok) {
      stderr.write(`content: ${result.problems.length} problem(s) in ${dir}\n`);
      for (const p of result.problems) stderr.write(`  - content: ${p}\n`);
      return 1;
    }
    const c = result.content;
    stdout.write(
      `content: OK (${dir}): ${c.agencies.length} agencies, ${c.milestones.length} milestones, ${c.faq.length} FAQ entries, ` +
        `${c.glossary.length} glossary groups, ${c.calendar.holidays.length} holidays, ${c.sources.length} sources\n`,
    );
    for (const warning of calendarWarnings(c.calendar, Number(dayOf(systemClock.now()).slice(0, 4)))) stderr.write(`content: warning: ${warning}\n`);
    // Coordinator answers (issue 13): what the store still holds that content/ now has too.
    for (const warning of await storeDuplicateWarnings(c, files, env)) stderr.write(`content: warning: ${warning}\n`);
    return 0;
  },
};

/**
 * Warnings (not errors) when the working calendar does not cover this year or the next:
 * without the holidays, reminders would fall on Tết or National Day.
 */
export function calendarWarnings(calendar: CalendarFile, thisYear: number): string[] {
  return [thisYear, thisYear + 1]
    .filter((year) => !calendar.years.includes(year))
    .map(
      (year) =>
        `calendar.yaml has no holidays for ${year}: add that year's public holidays and make-up working days (and ${year} to "years") ` +
        "so reminders skip them; until then only weekends are days off",
    );
}
