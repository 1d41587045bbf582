import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { Document, isSeq } from "yaml";
import { type Config, createConfig } from "../config.js";
import { readContentFiles } from "../content/load.js";
import type { Content } from "../core/content/schema.js";
import type { RawContentFile } from "../core/content/validate.js";
import { formatMoment } from "../core/dates.js";
import { duplicatesWithContent, type FaqExport, exportAnswers } from "../core/questions/export.js";
import { systemClock } from "../core/time.js";
import type { ClosableStore } from "../core/ports.js";
import { openConfiguredStore, storeLocation } from "../store/open-configured.js";
import { parseFlags, type CliCommand } from "./types.js";

/**
 * `faq export [--out FILE]`: the coordinator answers of DATA_FILE as a YAML list of FAQ entries, ready to
 * review and save as `content/faq/<name>.yaml`, with the linked questions listed (as comments) for the
 * entries they belong to. The store is opened read-only: this works while the bot runs.
 */
export const faqCommand: CliCommand = {
  name: "faq",
  summary: "faq export: coordinator answers from DATA_FILE as a YAML file for content/faq/ (stdout or --out FILE)",
  usage: "faq export [--out FILE]",
  async run({ args, env, stdout, stderr }) {
    let parsed: ReturnType<typeof parseFlags>;
    try {
      parsed = parseFlags(args, { out: "value" });
    } catch (error) {
      stderr.write(`faq: ${(error as Error).message}. Usage: npm run cli -- ${faqCommand.usage}\n`);
      return 1;
    }
    if (parsed.rest[0] !== "export" || parsed.rest.length > 1) {
      stderr.write(`faq: expected "export". Usage: npm run cli -- ${faqCommand.usage}\n`);
      return 1;
    }
    const config = createConfig(env);
    const store = await openConfiguredStore(config, { readOnly: true });
    let exported: FaqExport;
    try {
      exported = exportAnswers(await store.answers.list());
    } finally {
      await store.close();
    }
    const files = await entryFiles(config.CONTENT_DIR);
    const text = renderExportYaml(exported, { dataFile: config.DATA_FILE, now: systemClock.now(), fileOf: (id) => files.get(id) });
    const out = typeof parsed.flags.out === "string" ? parsed.flags.out : undefined;
    if (out) {
      await writeFile(out, text);
      stderr.write(`faq: wrote ${exported.entries.length} answer(s) and ${exported.links.length} link(s) to ${out}\n`);
    } else stdout.write(text);
    return 0;
  },
};

/**
 * The export as YAML: a header saying what to do with it, each entry with a comment naming the
 * answer id, its author and date, and the linked questions as trailing comments (they belong to
 * existing entries, so they cannot be entries of this file).
 */
export function renderExportYaml(exported: FaqExport, meta: { dataFile: string; now: Date; fileOf?: (entryId: string) => string | undefined }): string {
  const doc = new Document(exported.entries.map((e) => e.entry));
  doc.commentBefore = [
    ` Coordinator answers exported from ${meta.dataFile} at ${formatMoment(meta.now)} (Asia/Ho_Chi_Minh).`,
    " Review each entry (wording, topic, keywords, related milestones), then save this file as",
    " content/faq/coordinator-answers.yaml and run `npm run cli -- check`. Once merged, withdraw the",
    " store copies in chat (/giaidap rut <mã>): `check` lists them.",
  ].join("\n");
  if (isSeq(doc.contents)) {
    doc.contents.items.forEach((item, i) => {
      const e = exported.entries[i]!;
      (item as { commentBefore?: string }).commentBefore = ` ${e.answerId}: ${e.by}, ${formatMoment(new Date(e.at))}${e.versions > 1 ? `, ${e.versions} versions` : ""}`;
    });
  }
  if (exported.links.length > 0) {
    doc.comment = [
      " Linked questions (/giaidap <số> =<mã mục>): add them to the `questions` of these entries:",
      ...exported.links.flatMap((l) => [`   ${l.entryId}${meta.fileOf?.(l.entryId) ? ` (${meta.fileOf(l.entryId)})` : ""}, from ${l.answerId}:`, ...l.questions.map((q) => `     - ${JSON.stringify(q)}`)]),
    ].join("\n");
  }
  // With no answers this is `[]`: still a valid (empty) list of entries.
  return doc.toString();
}

/** Which content file each FAQ entry id lives in (`faq/email.yaml`). */
async function entryFiles(dir: string): Promise<Map<string, string>> {
  try {
    return entryFileMap(await readContentFiles(dir));
  } catch {
    // Without the content folder the export still works; it just cannot name the files.
    return new Map();
  }
}

function entryFileMap(files: readonly RawContentFile[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of files) {
    if (!f.file.startsWith("faq/") || !Array.isArray(f.data)) continue;
    for (const item of f.data as { id?: unknown }[]) if (typeof item?.id === "string") out.set(item.id, f.file);
  }
  return out;
}

/**
 * `check`'s warnings about the store: active coordinator answers and links that `content/` now holds
 * as well. Reads DATA_FILE read-only, and only if it exists; a store that cannot be read is reported
 * as a warning, never as a content problem.
 */
export async function storeDuplicateWarnings(content: Content, files: readonly RawContentFile[], env: Record<string, string | undefined>): Promise<string[]> {
  let config: Config;
  try {
    config = createConfig(env);
  } catch {
    return [];
  }
  if (!config.DATABASE_URL && !existsSync(config.DATA_FILE)) return [];
  let store: ClosableStore;
  try {
    store = await openConfiguredStore(config, { readOnly: true });
  } catch (error) {
    return [`store: could not read ${storeLocation(config)} to compare coordinator answers with content (${(error as Error).message.split("\n")[0]})`];
  }
  try {
    const fileOf = entryFileMap(files);
    return duplicatesWithContent(content, await store.answers.list(), (id) => fileOf.get(id));
  } finally {
    await store.close();
  }
}
