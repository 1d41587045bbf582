import { createConfig } from "../config.js";
import { systemClock } from "../core/time.js";
import { backupStore, defaultBackupsDir, pruneBackups } from "../store/backup.js";
import { parseFlags, type CliCommand } from "./types.js";

/**
 * `backup [--to DIR]`: a consistent copy of DATA_FILE and its segment folders in DIR (default `backups/` next to
 * the data file), safe while the assistant runs; also removes backups older than 7 days there.
 */
export const backupCommand: CliCommand = {
  name: "backup",
  summary: "copy DATA_FILE and its segment folders into a new backup folder (safe while the assistant runs)",
  usage: "backup [--to DIR]",
  async run({ args, env, stdout, stderr }) {
    let parsed: ReturnType<typeof parseFlags>;
    try {
      parsed = parseFlags(args, { to: "value" });
    } catch (error) {
      stderr.write(`backup: ${(error as Error).message}. Usage: npm run cli -- ${backupCommand.usage}\n`);
      return 1;
    }
    const config = createConfig(env);
    if (config.DATABASE_URL) {
      stderr.write("backup: the store is PostgreSQL (DATABASE_URL is set); back it up with pg_dump instead, e.g. pg_dump -Fc -f trolyhopnhat.dump \"$DATABASE_URL\"\n");
      return 1;
    }
    const dir = typeof parsed.flags.to === "string" ? parsed.flags.to : defaultBackupsDir(config.DATA_FILE);
    const now = systemClock.now();
    const folder = await backupStore(config.DATA_FILE, dir, now);
    const removed = await pruneBackups(config.DATA_FILE, dir, now);
    stdout.write(`${folder}\n`);
    if (removed.length > 0) stderr.write(`backup: removed ${removed.length} backup(s) older than 7 days\n`);
    return 0;
  },
};
