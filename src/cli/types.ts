import type { Readable, Writable } from "node:stream";

/** What an operator CLI command gets: its arguments, the environment and the standard streams. */
export interface CliIo {
  args: string[];
  env: Record<string, string | undefined>;
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
}

/** One `npm run cli -- <name>` command. Resolves to the process exit code. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(io: CliIo): Promise<number>;
}

/**
 * Parses `--flag value` and `--flag` options; the rest are positional.
 * Throws with a usage hint on an unknown flag.
 */
export function parseFlags(args: string[], known: Record<string, "value" | "boolean">): { flags: Record<string, string | true>; rest: string[] } {
  const flags: Record<string, string | true> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) {
      rest.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    const kind = known[name];
    if (!kind) throw new Error(`unknown option --${name} (known: ${Object.keys(known).map((k) => `--${k}`).join(", ") || "none"})`);
    if (kind === "boolean") flags[name] = true;
    else {
      const value = inline ?? args[++i];
      if (value === undefined) throw new Error(`option --${name} needs a value`);
      flags[name] = value;
    }
  }
  return { flags, rest };
}
