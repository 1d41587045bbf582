import type { Readable, Writable } from "node:stream";
import { parseArgs } from "node:util";

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
  /** What `<name> --help` prints under the usage line: the options, one per line, and an example. */
  help?: string;
  run(io: CliIo): Promise<number>;
}

/** How an option is read: `"value"` takes the next argument, `"boolean"` takes none; `short` adds a one-letter form. */
export type FlagKind = "value" | "boolean" | { type: "value" | "boolean"; short: string };

/**
 * Parses options with `node:util` `parseArgs`, strictly: an unknown option (`-j` where only `--json`
 * exists) is an error, never a question. `--help`/`-h` is always known. Options may come before or
 * after positionals; everything after `--` is positional. Throws one line that names the problem,
 * for the command to print with its usage.
 *
 * ```ts
 * parseFlags(["--json", "q1", "q2"], { json: { type: "boolean", short: "j" } }); // { flags: { json: true }, rest: ["q1", "q2"] }
 * ```
 */
export function parseFlags(args: string[], known: Record<string, FlagKind>): { flags: Record<string, string | true>; rest: string[] } {
  const options: Record<string, { type: "string" | "boolean"; short?: string }> = { help: { type: "boolean", short: "h" } };
  for (const [name, kind] of Object.entries(known)) {
    const k = typeof kind === "string" ? { type: kind, short: undefined } : kind;
    options[name] = { type: k.type === "value" ? "string" : "boolean", ...(k.short !== undefined && { short: k.short }) };
  }
  const names = Object.keys(known).map((k) => `--${k}`).join(", ") || "none";
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    const e = error as Error & { code?: string };
    const option = /'([^']+)'/.exec(e.message)?.[1] ?? "";
    if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new Error(`unknown option ${option.split(" ")[0]} (known: ${names}, --help)`);
    if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      throw new Error(/argument missing/.test(e.message) ? `option ${option.split(" ")[0]} needs a value` : `option ${option.split(" ")[0]} takes no value`);
    }
    throw new Error(e.message.split("\n")[0]!);
  }
  const flags: Record<string, string | true> = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value === "string") flags[name] = value;
    else if (value === true) flags[name] = true;
  }
  return { flags, rest: parsed.positionals };
}
