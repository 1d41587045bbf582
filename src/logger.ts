import { dirname } from "node:path";
import { pino, type DestinationStream, type Logger as PinoLogger } from "pino";

/** Settings whose values are secrets: never logged, whatever field or message they end up in. */
export const SECRET_SETTINGS = ["DATABASE_URL", "BOT_TOKEN", "WEBHOOK_SECRET", "ZALO_BOT_TOKEN", "ZALO_WEBHOOK_SECRET", "LINK_SECRET"] as const;

/** Field paths pino removes from every log line, wherever a secret is likely to be passed by name. */
const REDACT_PATHS = [
  "token",
  "*.token",
  "secret",
  "*.secret",
  "secret_token",
  "*.secret_token",
  "headers.authorization",
  "*.headers.authorization",
  'headers["x-telegram-bot-api-secret-token"]',
  '*.headers["x-telegram-bot-api-secret-token"]',
  'headers["x-bot-api-secret-token"]',
  '*.headers["x-bot-api-secret-token"]',
  ...SECRET_SETTINGS,
  ...SECRET_SETTINGS.map((s) => `*.${s}`),
];

/** A Bot API token inside a URL path (Telegram `bot123:AA…`, Zalo `bot<id>:<secret>`), or standing alone. */
const TOKEN_IN_URL = /bot\d{3,}:[^/\s"'<>?#&]+/g;
const BARE_TOKEN = /\b\d{5,}:[A-Za-z0-9_-]{20,}\b/g;

/**
 * Removes every secret from a text: Bot API tokens in URLs (`…/bot<id>:<secret>/sendDocument` becomes
 * `…/bot<redacted>/sendDocument`), anything shaped like a bot token, and each configured secret value
 * (also in its JSON-escaped form). Use it on any text that leaves the process: log lines, stored error strings.
 *
 * ```ts
 * scrubSecrets("POST https://api.telegram.org/bot123:ABC/sendMessage failed", []); // "… /bot<redacted>/sendMessage failed"
 * ```
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text.replace(TOKEN_IN_URL, "bot<redacted>").replace(BARE_TOKEN, "<redacted>");
  for (const secret of secrets) {
    if (secret.length < 6) continue; // too short to tell apart from ordinary text
    out = out.split(secret).join("<redacted>");
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) out = out.split(escaped).join("<redacted>");
  }
  return out;
}

/** The configured secret values of `config` (whichever of {@link SECRET_SETTINGS} it has), for {@link createLogger}. */
export function secretsOf(config: object): string[] {
  const values: string[] = [];
  for (const name of SECRET_SETTINGS) {
    const value = (config as Record<string, unknown>)[name];
    if (typeof value === "string" && value.length > 0) values.push(value);
  }
  // The password inside DATABASE_URL, also when an error quotes it without the rest of the URL.
  const url = (config as Record<string, unknown>).DATABASE_URL;
  if (typeof url === "string") {
    try {
      const password = decodeURIComponent(new URL(url).password);
      if (password.length > 0) values.push(password);
    } catch {
      // not a URL: config validation reports it
    }
  }
  return values;
}

/**
 * Serializes an error for a log line: name, message, code, stack and causes (grammY's HttpError keeps the
 * network error, whose message carries the request URL, in `error`), all with secrets removed.
 */
export function serializeError(error: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (!(error instanceof Error)) return typeof error === "string" ? scrubSecrets(error, secrets) : error;
  const e = error as Error & { code?: unknown; error?: unknown; cause?: unknown; description?: unknown; error_code?: unknown; method?: unknown };
  const out: Record<string, unknown> = { type: e.name, message: scrubSecrets(e.message, secrets) };
  if (e.stack) out.stack = scrubSecrets(e.stack, secrets);
  for (const key of ["code", "error_code", "description", "method"] as const) {
    if (e[key] !== undefined) out[key] = typeof e[key] === "string" ? scrubSecrets(e[key] as string, secrets) : e[key];
  }
  if (depth < 3) {
    if (e.error !== undefined) out.error = serializeError(e.error, secrets, depth + 1);
    if (e.cause !== undefined) out.cause = serializeError(e.cause, secrets, depth + 1);
  }
  return out;
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Secret values to remove from every line (see {@link secretsOf}). */
  secrets?: readonly string[];
  /** Write to this file (created with its folder) instead of stderr: the console chat uses it to keep the terminal clean. */
  file?: string;
  /** Write to this stream instead (tests). */
  stream?: DestinationStream;
}

/**
 * The process logger: JSON lines on stderr, so stdout stays free for the console chat
 * and for the CLI's machine-readable output. Secrets never reach a line: known fields are redacted,
 * errors are serialized without tokens, and as a last guard every finished line is scrubbed.
 */
export function createLogger(level: string, options: LoggerOptions = {}): PinoLogger {
  const secrets = options.secrets ?? [];
  const destination =
    options.stream ?? (options.file ? pino.destination({ dest: options.file, mkdir: true, sync: true }) : pino.destination(2));
  const errorSerializer = (error: unknown) => serializeError(error, secrets);
  return pino(
    {
      level,
      base: { app: "tro-ly-hop-nhat" },
      redact: { paths: REDACT_PATHS, censor: "<redacted>" },
      serializers: { err: errorSerializer, error: errorSerializer },
      hooks: { streamWrite: (line) => scrubSecrets(line, secrets) },
    },
    destination,
  );
}

/** Where the console chat logs: a file next to the data file, so no JSON line lands in the conversation. */
export function consoleLogFile(dataFile: string): string {
  return `${dirname(dataFile)}/console.log`;
}
