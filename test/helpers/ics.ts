/** A minimal iCalendar reader for tests: unfolds lines and returns each VEVENT's properties (and its alarms). */
export interface ParsedEvent {
  props: Record<string, string>;
  alarms: Record<string, string>[];
}

/** Parses the VEVENTs of an .ics text. Property names keep their parameters (`DTSTART;VALUE=DATE`). */
export function parseIcs(text: string): { calendar: Record<string, string>; events: ParsedEvent[] } {
  const lines = text.replace(/\r\n[ \t]/g, "").split(/\r\n/).filter((l) => l.length > 0);
  const calendar: Record<string, string> = {};
  const events: ParsedEvent[] = [];
  let event: ParsedEvent | undefined;
  let alarm: Record<string, string> | undefined;
  for (const line of lines) {
    const i = line.indexOf(":");
    const [name, value] = [line.slice(0, i), line.slice(i + 1)];
    if (name === "BEGIN" && value === "VEVENT") event = { props: {}, alarms: [] };
    else if (name === "END" && value === "VEVENT") {
      if (event) events.push(event);
      event = undefined;
    } else if (name === "BEGIN" && value === "VALARM") alarm = {};
    else if (name === "END" && value === "VALARM") {
      if (alarm && event) event.alarms.push(alarm);
      alarm = undefined;
    } else if (alarm) alarm[name] = value;
    else if (event) event.props[name] = value;
    else calendar[name] = value;
  }
  return { calendar, events };
}
