import { writeFile } from "node:fs/promises";
import { createConfig } from "../config.js";
import { loadContent } from "../content/load.js";
import { digestFromStore } from "../core/digest/build.js";
import { renderDigestCsv } from "../core/digest/render-csv.js";
import { renderDigestMarkdown } from "../core/digest/render-markdown.js";
import { renderDigestHtml, renderDigestText } from "../core/digest/render-messages.js";
import { atLocal, parseDay, systemClock } from "../core/time.js";
import { openStore } from "../store/open-store.js";
import { parseFlags, type CliCommand } from "./types.js";

const FORMATS = ["text", "md", "csv", "html", "png"] as const;
type Format = (typeof FORMATS)[number];

/**
 * `digest [--now YYYY-MM-DD] [--format text|md|csv|html|png] [--out FILE]`: builds the digest from
 * DATA_FILE and CONTENT_DIR and prints it, or writes it to FILE. `--now` builds it as of that day at
 * 08:00 Asia/Ho_Chi_Minh (the scheduled time). The store is opened and closed without writing.
 */
export const digestCommand: CliCommand = {
  name: "digest",
  summary: "build the weekly digest from DATA_FILE and print it (or write --out FILE); png needs --out",
  usage: "digest [--now YYYY-MM-DD] [--format text|md|csv|html|png] [--out FILE]",
  async run({ args, env, stdout, stderr }) {
    let parsed: ReturnType<typeof parseFlags>;
    try {
      parsed = parseFlags(args, { now: "value", format: "value", out: "value" });
    } catch (error) {
      stderr.write(`digest: ${(error as Error).message}. Usage: npm run cli -- ${digestCommand.usage}\n`);
      return 1;
    }
    const { flags, rest } = parsed;
    if (rest.length > 0) {
      stderr.write(`digest: unexpected argument "${rest[0]}". Usage: npm run cli -- ${digestCommand.usage}\n`);
      return 1;
    }
    const format = (flags.format ?? "text") as Format;
    if (!FORMATS.includes(format)) {
      stderr.write(`digest: unknown format "${String(flags.format)}" (use one of ${FORMATS.join(", ")})\n`);
      return 1;
    }
    const out = typeof flags.out === "string" ? flags.out : undefined;
    if (format === "png" && !out) {
      stderr.write("digest: --format png writes an image; add --out FILE (e.g. --out digest.png)\n");
      return 1;
    }
    let now = systemClock.now();
    if (flags.now !== undefined) {
      const day = typeof flags.now === "string" ? parseDay(flags.now) : null;
      if (!day) {
        stderr.write(`digest: --now "${String(flags.now)}" is not a day (use YYYY-MM-DD, e.g. --now 2025-06-16)\n`);
        return 1;
      }
      now = atLocal(day, "08:00");
    }

    const config = createConfig(env);
    const content = await loadContent(config.CONTENT_DIR);
    const store = await openStore({ file: config.DATA_FILE, readOnly: true });
    let output: string | Uint8Array;
    try {
      const digest = digestFromStore(content, store, now);
      if (format === "png") {
        const { renderStatusChart } = await import("../digest-chart/chart.js");
        output = await renderStatusChart(digest);
      } else if (format === "md") output = renderDigestMarkdown(digest);
      else if (format === "csv") output = renderDigestCsv(digest);
      else if (format === "html") output = `${renderDigestHtml(digest).join("\n\n")}\n`;
      else output = renderDigestText(digest);
    } finally {
      await store.close();
    }
    if (out) {
      await writeFile(out, output);
      stderr.write(`digest: wrote ${format} to ${out}\n`);
    } else {
      stdout.write(output);
    }
    return 0;
  },
};
