import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { createConfig } from "../config.js";
import { loadContent } from "../content/load.js";
import { digestFromStore } from "../core/digest/build.js";
import { renderDigestCsv } from "../core/digest/render-csv.js";
import { renderDigestMarkdown } from "../core/digest/render-markdown.js";
import { renderDigestDocument } from "../core/digest/render-document.js";
import { renderDigestText } from "../core/digest/render-messages.js";
import { atLocal, parseDay, systemClock } from "../core/time.js";
import { openConfiguredStore } from "../store/open-configured.js";
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
  help: [
    "Options:",
    "      --now YYYY-MM-DD   build it as of that day, 08:00 Asia/Ho_Chi_Minh (the scheduled time)",
    "      --format FORMAT    text (default, as in chat), md, csv, html (a complete print-friendly page) or png (the chart; needs --out)",
    "      --out FILE         write to FILE instead of printing (its folder must exist)",
    "  -h, --help             this help",
    "",
    "Example: npm run cli -- digest --now 2025-06-16 --format html --out digest.html",
  ].join("\n"),
  async run({ args, env, stdout, stderr }) {
    let parsed: ReturnType<typeof parseFlags>;
    try {
      parsed = parseFlags(args, { now: "value", format: "value", out: "value" });
    } catch (error) {
      stderr.write(`digest: ${(error as Error).message}. Usage: npm run cli -- ${digestCommand.usage} (digest --help for more)\n`);
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
    const store = await openConfiguredStore(config, { readOnly: true });
    let output: string | Uint8Array;
    try {
      const digest = await digestFromStore(content, store, now);
      if (format === "png") {
        const { renderStatusChart } = await import("../digest-chart/chart.js");
        output = await renderStatusChart(digest);
      } else if (format === "md") output = renderDigestMarkdown(digest);
      else if (format === "csv") output = renderDigestCsv(digest);
      else if (format === "html") output = renderDigestDocument(digest);
      else output = renderDigestText(digest);
    } finally {
      await store.close();
    }
    if (out) {
      if (!existsSync(dirname(resolve(out)))) {
        stderr.write(`digest: cannot write ${out}: the folder ${dirname(out)} does not exist (create it first, e.g. mkdir -p ${dirname(out)}, or choose another --out)\n`);
        return 1;
      }
      await writeFile(out, output);
      stderr.write(`digest: wrote ${format} to ${out}\n`);
    } else {
      stdout.write(output);
    }
    return 0;
  },
};
