import { reportFatal } from "../boot.js";
import { askCommand } from "./ask.js";
import { check } from "./check.js";
import { consoleCommand } from "./console.js";
import { digestCommand } from "./digest.js";
import { faqCommand } from "./faq.js";
import { planCommand } from "./plan.js";
import type { CliCommand, CliIo } from "./types.js";

/** Every CLI command, in the order `--help` lists them. */
export const cliCommands: readonly CliCommand[] = [check, consoleCommand, planCommand, digestCommand, askCommand, faqCommand];

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
  try {
    return await cmd.run({ ...io, args });
  } catch (error) {
    return reportFatal(error, (t) => io.stderr.write(t));
  }
}

