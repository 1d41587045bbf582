import { localParts } from "../core/time.js";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** One cron field as the set of values it allows, or null for "*" (anything). */
function parseField(field: string, min: number, max: number, names?: string[]): Set<number> | null {
  if (field === "*" || field === "?") return null;
  const value = (text: string): number => {
    const byName = names?.indexOf(text.toLowerCase()) ?? -1;
    const n = byName >= 0 ? byName + (names === MONTHS ? 1 : 0) : Number(text);
    if (!Number.isInteger(n)) throw new Error(`cron: "${text}" is not a number in "${field}" (use e.g. 0 8 * * 1)`);
    return n;
  };
  const out = new Set<number>();
  for (const part of field.split(",")) {
    const [range, stepText] = part.split("/") as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`cron: bad step in "${field}" (use e.g. */5)`);
    let from: number;
    let to: number;
    if (range === "*") [from, to] = [min, max];
    else if (range.includes("-")) {
      const [a, b] = range.split("-") as [string, string];
      [from, to] = [value(a), value(b)];
    } else {
      from = value(range);
      to = stepText === undefined ? from : max;
    }
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

/**
 * A matcher for a cron rule (5 fields, or 6 with leading seconds, which are ignored),
 * evaluated in Asia/Ho_Chi_Minh like the scheduler. Used to find runs missed while the
 * process was down; node-schedule itself only looks forward.
 */
export function createCronMatcher(rule: string): (date: Date) => boolean {
  const fields = rule.trim().split(/\s+/);
  if (fields.length === 6) fields.shift();
  if (fields.length !== 5) throw new Error(`cron: "${rule}" needs 5 fields (minute hour day month weekday), e.g. "0 8 * * 1"`);
  const [minute, hour, dom, month, dow] = [
    parseField(fields[0]!, 0, 59),
    parseField(fields[1]!, 0, 23),
    parseField(fields[2]!, 1, 31),
    parseField(fields[3]!, 1, 12, MONTHS),
    parseField(fields[4]!, 0, 7, DAYS),
  ];
  const has = (set: Set<number> | null, v: number) => set === null || set.has(v);
  return (date) => {
    const d = localParts(date);
    if (!has(minute, Number(d.minute)) || !has(hour, Number(d.hour)) || !has(month, Number(d.month))) return false;
    const weekday = d.weekday;
    const dowOk = dow === null || dow.has(weekday) || (weekday === 0 && dow.has(7));
    const domOk = has(dom, Number(d.day));
    // Standard cron: when both day fields are restricted, either one matching is enough.
    return dom !== null && dow !== null ? domOk || dowOk : domOk && dowOk;
  };
}

/** The first minute in [from, to] that the rule matches, or null. Steps minute by minute (a week is 10,080 steps). */
export function firstMatchBetween(rule: string, from: Date, to: Date): Date | null {
  const matches = createCronMatcher(rule);
  const start = Math.ceil(from.getTime() / 60_000) * 60_000;
  for (let t = start; t <= to.getTime(); t += 60_000) {
    const d = new Date(t);
    if (matches(d)) return d;
  }
  return null;
}
