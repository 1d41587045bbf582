import { dirname, join } from "node:path";
import { reportFatal } from "../boot.js";
import { askCommand } from "./ask.js";
import { check } from "./check.js";
import { consoleCommand } from "./console.js";
import { backupCommand } from "./backup.js";
import { digestCommand } from "./digest.js";
import { faqCommand } from "./faq.js";
import { planCommand } from "./plan.js";
import { storeCommand } from "./store.js";
import type { CliCommand, CliIo } from "./types.js";

/** Every CLI command, in the order `--help` lists them. */
export const cliCommands: readonly CliCommand[] = [check, consoleCommand, planCommand, digestCommand, askCommand, faqCommand, backupCommand, storeCommand];

function help(): string {
  const width = Math.max(...cliCommands.map((c) => c.usage.length));
  return [
    "Trợ lý Hợp nhất: operator CLI",
    "",
    "Usage: npm run cli -- <command> [options]",
    "",
    ...cliCommands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    "",
    "Settings come from the environment (see .env.example).",
  ].join("\n");
}

/** Runs the CLI with the given io; resolves to the exit code. */
export async function runCli(io: CliIo): Promise<number> {
  const [name, ...args] = io.args;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(`${help()}\n`);
    return name ? 0 : 1;
  }
  const cmd = cliCommands.find((c) => c.name === name);
  if (!cmd) {
    io.stderr.write(`cli: unknown command "${name}". Run \`npm run cli -- --help\` to list the commands.\n`);
    return 1;
  }
  const end = args.indexOf("--");
  const own = end < 0 ? args : args.slice(0, end);
  if (own.includes("--help") || own.includes("-h")) {
    io.stdout.write(`${commandHelp(cmd)}\n`);
    return 0;
  }
  try {
    return await cmd.run({ ...io, args });
  } catch (error) {
    const line = systemErrorLine(error);
    if (line) {
      io.stderr.write(`${cmd.name}: ${line}\n`);
      return 1;
    }
    return reportFatal(error, (t) => io.stderr.write(t));
  }
}

/** `<command> --help`: usage, what it does, and its options. */
export function commandHelp(cmd: CliCommand): string {
  return [`Usage: npm run cli -- ${cmd.usage}`, "", `${cmd.name}: ${cmd.summary}`, ...(cmd.help ? ["", cmd.help] : [])].join("\n");
}

/**
 * One line for a file-system mistake a person can fix (a missing folder, no permission), instead of
 * a stack trace; null for anything else, which is a bug and keeps its stack.
 */
export function systemErrorLine(error: unknown): string | null {
  const e = error as NodeJS.ErrnoException;
  if (!e || typeof e.code !== "string" || typeof e.syscall !== "string") return null;
  const path = e.path ?? "";
  const fixes: Record<string, string> = {
    ENOENT: `${path}: no such file or folder (check the path, or create the folder first, e.g. mkdir -p ${dirname(path) || "."})`,
    EACCES: `${path}: permission denied (choose a path you can write to, or fix its permissions)`,
    EPERM: `${path}: operation not permitted (choose another path)`,
    EISDIR: `${path} is a folder (give a file name inside it, e.g. ${join(path, "digest.txt")})`,
    ENOTDIR: `${path}: a part of this path is a file, not a folder (check the path)`,
    ENOSPC: `${path}: the disk is full (free some space and try again)`,
  };
  return fixes[e.code] ?? null;
}

