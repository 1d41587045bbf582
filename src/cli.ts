/**
 * Operator CLI: `npm run cli -- <command> [options]`. `--help` lists the commands.
 */
import { loadDotEnv } from "./boot.js";
import { runCli } from "./cli/run.js";

loadDotEnv();

runCli({ args: process.argv.slice(2), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
);
