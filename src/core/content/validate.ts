import { z } from "zod";
import {
  agencySchema,
  calendarSchema,
  type Content,
  faqSchema,
  glossarySchema,
  lexiconSchema,
  type Milestone,
  milestoneSchema,
  parseDue,
  sourceSchema,
} from "./schema.js";

/** One content file as read from disk: its name relative to `content/`, and its parsed YAML (or a parse error). */
export interface RawContentFile {
  file: string;
  data?: unknown;
  parseError?: string;
}

/** The result of validating content: the content when there are no problems, and every problem found. */
export type ContentResult = { ok: true; content: Content } | { ok: false; problems: string[] };

const FILES = {
  agencies: "agencies.yaml",
  milestones: "milestones.yaml",
  glossary: "glossary.yaml",
  lexicon: "lexicon.yaml",
  calendar: "calendar.yaml",
  sources: "sources.yaml",
} as const;

/**
 * Validates every content file and the references between them. Pure: reading files is the caller's job.
 * Each problem reads `file › id › field: what is wrong (how to fix it)`.
 */
export function validateContent(files: RawContentFile[]): ContentResult {
  const problems: string[] = [];
  const byName = new Map(files.map((f) => [f.file, f]));
  for (const f of files) if (f.parseError) problems.push(`${f.file}: cannot be parsed as YAML (${f.parseError})`);

  // Ids of entries refused by their schema: references to them are not reported again, since the
  // entry's own problem (a bad date, say) is the root cause and fixing it fixes the references too.
  const rejected = new Map<string, Set<string>>();
  const rejectedIn = (file: string): Set<string> => rejected.get(file) ?? rejected.set(file, new Set()).get(file)!;
  const list = <T>(file: string, schema: z.ZodType<T>, required = true): T[] => {
    const raw = byName.get(file);
    if (!raw) {
      if (required) problems.push(`${file}: file is missing (create it in the content folder)`);
      return [];
    }
    if (raw.parseError) return [];
    return validateList(file, raw.data, schema, problems, rejectedIn(file));
  };

  const sources = list(FILES.sources, sourceSchema);
  const agencies = list(FILES.agencies, agencySchema);
  const rawMilestones = list(FILES.milestones, milestoneSchema);
  const glossary = list(FILES.glossary, glossarySchema);
  const lexicon = list(FILES.lexicon, lexiconSchema, false);
  const faqFiles = files.filter((f) => f.file.startsWith("faq/"));
  if (faqFiles.length === 0) problems.push("faq/: no FAQ files found (add content/faq/<topic>.yaml)");
  const faqByFile = faqFiles.map((f) => ({ file: f.file, entries: f.parseError ? [] : validateList(f.file, f.data, faqSchema, problems) }));
  const faq = faqByFile.flatMap((f) => f.entries);

  let calendar = { years: [] as number[], holidays: [], workingDays: [], unconfirmed: [] } as Content["calendar"];
  const calRaw = byName.get(FILES.calendar);
  if (!calRaw) problems.push(`${FILES.calendar}: file is missing (create it in the content folder)`);
  else if (!calRaw.parseError) {
    const parsed = calendarSchema.safeParse(calRaw.data);
    if (parsed.success) calendar = parsed.data;
    else for (const issue of parsed.error.issues) problems.push(`${FILES.calendar} › ${formatPath(issue.path)}: ${issue.message}`);
  }

  const milestones: Milestone[] = rawMilestones.map((m) => ({ ...m, dueParsed: parseDue(m.due)! }));

  // Cross-references and duplicates.
  checkUnique(FILES.sources, sources, problems);
  checkUnique(FILES.agencies, agencies, problems);
  checkUnique(FILES.milestones, milestones, problems);
  checkUnique("faq", faq, problems);
  const sourceIds = new Set([...sources.map((s) => s.id), ...rejectedIn(FILES.sources)]);
  const agencyIds = new Set([...agencies.map((a) => a.id), ...rejectedIn(FILES.agencies)]);
  const milestoneIds = new Set([...milestones.map((m) => m.id), ...rejectedIn(FILES.milestones)]);
  for (const m of milestones) {
    m.responsible.forEach((a, i) => {
      if (!agencyIds.has(a)) problems.push(`${FILES.milestones} › ${m.id} › responsible[${i}]: unknown agency "${a}" (add it to agencies.yaml or fix the id)`);
    });
    if (!agencyIds.has(m.coordinator))
      problems.push(`${FILES.milestones} › ${m.id} › coordinator: unknown agency "${m.coordinator}" (add it to agencies.yaml or fix the id)`);
    if (!sourceIds.has(m.source)) problems.push(`${FILES.milestones} › ${m.id} › source: unknown source "${m.source}" (add it to sources.yaml)`);
  }
  for (const f of faqByFile) {
    for (const entry of f.entries) {
      entry.milestones.forEach((id, i) => {
        if (!milestoneIds.has(id)) problems.push(`${f.file} › ${entry.id} › milestones[${i}]: unknown milestone "${id}" (see milestones.yaml for ids)`);
      });
      if (!sourceIds.has(entry.source)) problems.push(`${f.file} › ${entry.id} › source: unknown source "${entry.source}" (add it to sources.yaml)`);
    }
  }
  if (calendar.fixed && !sourceIds.has(calendar.fixed.source)) problems.push(`${FILES.calendar} › fixed › source: unknown source "${calendar.fixed.source}" (add it to sources.yaml)`);
  calendar.holidays.forEach((h, i) => {
    if ("from" in h && h.from > h.to) problems.push(`${FILES.calendar} › holidays[${i}]: "from" ${h.from} is after "to" ${h.to} (swap them)`);
    if (h.note && !sourceIds.has(h.note.source)) problems.push(`${FILES.calendar} › holidays[${i}] › note › source: unknown source "${h.note.source}" (add it to sources.yaml)`);
  });

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, content: { agencies, milestones, faq, glossary, lexicon, calendar, sources } };
}

function validateList<T>(file: string, data: unknown, schema: z.ZodType<T>, problems: string[], rejected?: Set<string>): T[] {
  if (!Array.isArray(data)) {
    problems.push(`${file}: must be a YAML list of entries (each starting with "- id: …")`);
    return [];
  }
  const out: T[] = [];
  data.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    const label = typeof (item as { id?: unknown })?.id === "string" ? (item as { id: string }).id : `[${index}]`;
    if (parsed.success) out.push(parsed.data);
    else if (label !== `[${index}]`) rejected?.add(label);
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push(`${file} › ${label} › ${formatPath(issue.path)}: ${describe(issue, item)}`);
  });
  return out;
}

function describe(issue: z.core.$ZodIssue, item: unknown): string {
  if (issue.code === "unrecognized_keys") return `unknown field(s) ${issue.keys.join(", ")} (check the spelling; see src/core/content/schema.ts)`;
  if (issue.code === "invalid_type" && getPath(item, issue.path) === undefined) return `is missing (add this field)`;
  return issue.message;
}

function getPath(item: unknown, path: PropertyKey[]): unknown {
  let cur: unknown = item;
  for (const p of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return "(entry)";
  return path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".").replace(/\.\[/g, "[");
}

function checkUnique(file: string, items: { id: string }[], problems: string[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) problems.push(`${file} › ${item.id}: duplicate id (each id must be unique; rename one of them)`);
    seen.add(item.id);
  }
}
