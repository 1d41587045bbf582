import { createConfig } from "../config.js";
import { storeLocation } from "../store/open-configured.js";
import { copyFileToPostgres, readDataFile } from "../store/postgres/copy.js";
import { openPostgresStore } from "../store/postgres/open.js";
import { parseFlags, type CliCommand } from "./types.js";

/**
 * `store copy --from FILE --to URL`: moves a lowdb data file (and its status and delivery logs) into PostgreSQL,
 * verifying every collection; `store migrate [--to URL]`: applies the migrations (as the schema owner).
 */
export const storeCommand: CliCommand = {
  name: "store",
  summary: "store copy: move DATA_FILE into PostgreSQL (verified, idempotent); store migrate: apply the migrations",
  usage: "store copy --from FILE --to URL | store migrate [--to URL]",
  help: [
    "  copy      copies every collection of FILE (default DATA_FILE) and its db.statuses/ and db.deliveries/ logs",
    "            into the database at URL (default DATABASE_URL), in one transaction; prints the records per",
    "            collection in the file and in the database. Running it again copies nothing and reports equal",
    "            counts; a database with other data is refused. Stop the assistant first (or copy a backup).",
    "  migrate   applies the migrations this version knows to URL (default DATABASE_URL): run it with the schema",
    "            owner's URL when the assistant logs in as the application role (see README \"PostgreSQL\").",
    "",
    "Example: npm run cli -- store copy --from data/db.json --to postgres://owner@127.0.0.1:5432/trolyhopnhat",
  ].join("\n"),
  async run({ args, env, stdout, stderr }) {
    let parsed: ReturnType<typeof parseFlags>;
    try {
      parsed = parseFlags(args, { from: "value", to: "value" });
    } catch (error) {
      stderr.write(`store: ${(error as Error).message}. Usage: npm run cli -- ${storeCommand.usage}\n`);
      return 1;
    }
    const [action, ...extra] = parsed.rest;
    if ((action !== "copy" && action !== "migrate") || extra.length > 0) {
      stderr.write(`store: expected "copy" or "migrate". Usage: npm run cli -- ${storeCommand.usage}\n`);
      return 1;
    }
    const config = createConfig(env);
    const url = typeof parsed.flags.to === "string" ? parsed.flags.to : config.DATABASE_URL;
    if (!url || !/^postgres(?:ql)?:\/\//.test(url)) {
      stderr.write(`store ${action}: give the database with --to postgres://user:password@host:5432/database (or set DATABASE_URL)\n`);
      return 1;
    }
    const where = storeLocation({ DATA_FILE: "", DATABASE_URL: url });
    if (action === "migrate") {
      const store = await openPostgresStore(url);
      await store.close();
      stdout.write(`store migrate: ${where} is up to date\n`);
      return 0;
    }
    if (parsed.flags.from === true) {
      stderr.write("store copy: --from needs the data file, e.g. --from data/db.json\n");
      return 1;
    }
    const from = typeof parsed.flags.from === "string" ? parsed.flags.from : config.DATA_FILE;
    const source = await readDataFile(from);
    const store = await openPostgresStore(url, { max: 2 });
    try {
      const outcome = await copyFileToPostgres(source, store.pool);
      const width = Math.max(...outcome.counts.map((c) => c.collection.length), "collection".length);
      stdout.write(`${"collection".padEnd(width)}  ${"file".padStart(8)}  ${"database".padStart(8)}\n`);
      for (const c of outcome.counts) stdout.write(`${c.collection.padEnd(width)}  ${String(c.file).padStart(8)}  ${String(c.database).padStart(8)}\n`);
      const total = outcome.counts.reduce((n, c) => n + c.file, 0);
      stdout.write(
        outcome.result === "copied"
          ? `store copy: copied ${total} records from ${from} into ${where}; every collection reads back as in the file\n`
          : `store copy: ${where} already holds exactly the data of ${from}; nothing copied\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
