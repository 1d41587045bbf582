import { z } from "zod";
import { FileProblemError } from "./core/errors.js";
import type { UserKey } from "./core/ports.js";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/**
 * A time of day as people write it: "08:30", "8:30", "8h30", "8h", "8.30". Normalised to HH:mm;
 * anything else is left as typed so the error shows it.
 */
export function normalizeTime(value: string): string {
  const m = /^(\d{1,2})(?:\s*[:.]\s*(\d{2})|\s*[hH]\s*(\d{2})?)?$/.exec(value.trim());
  if (!m) return value;
  return `${m[1]!.padStart(2, "0")}:${m[2] ?? m[3] ?? "00"}`;
}

const time = z
  .string()
  .transform(normalizeTime)
  .pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "must be a time HH:mm, e.g. 08:30 (8:30 and 8h30 work too)" }));

const baseSchema = z.object({
  DATA_FILE: z.string().trim().min(1).default("data/db.json"),
  /** Set: the store is PostgreSQL at this URL instead of DATA_FILE (several instances may share it). */
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(?:ql)?:\/\/\S+$/, { error: "must be a PostgreSQL connection string, e.g. postgres://assistant:password@db:5432/trolyhopnhat" })
      .optional(),
  ),
  CONTENT_DIR: z.string().trim().min(1).default("content"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
    error: "must be one of fatal, error, warn, info, debug, trace, silent",
  }).default("info"),
  ADMIN_IDS: z
    .string()
    .default("")
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .pipe(
      z.array(
        z.string().regex(/^(?:(?:telegram:)?-?\d+|zalo:[A-Za-z0-9_-]+)$/, {
          error: "must be a comma-separated list of user ids: a bare number or telegram:<number> for Telegram, zalo:<id> for Zalo (e.g. 12345,zalo:6ede9afa66b88fe6d6a9)",
        }),
      ),
    ),
  REMINDER_TIME: time.default("08:30"),
  DIGEST_CRON: z
    .string()
    .trim()
    .default("0 8 * * 1")
    .refine((v) => v.split(/\s+/).length === 5 || v.split(/\s+/).length === 6, {
      error: "must be a cron expression with 5 fields (minute hour day month weekday), e.g. '0 8 * * 1'",
    }),
  BOT_TOKEN: optionalText.pipe(
    z.string().regex(/^\d+:[\w-]{20,}$/, { error: "does not look like a Telegram bot token (123456:ABC…); get one from @BotFather" }).optional(),
  ),
  BOT_USERNAME: optionalText,
  TELEGRAM_API_ROOT: z.url({ error: "must be a URL, e.g. https://api.telegram.org" }).default("https://api.telegram.org"),
  WEBHOOK_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: "must be the public https URL Telegram will call" }).optional()),
  WEBHOOK_SECRET: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, { error: "must be 16–256 characters of A–Z, a–z, 0–9, _ or -" })
      .optional(),
  ),
  PORT: z.coerce.number({ error: "must be a port number" }).int().min(1).max(65535).default(8080),
  HOST: z.string().default("0.0.0.0"),
  ZALO_BOT_TOKEN: optionalText.pipe(
    z
      .string()
      .regex(/^\d+:[\w-]{6,}$/, { error: "does not look like a Zalo bot token (<bot id>:<secret>); copy it again from Zalo Bot Creator" })
      .optional(),
  ),
  ZALO_API_ROOT: z.url({ error: "must be a URL, e.g. https://bot-api.zaloplatforms.com" }).default("https://bot-api.zaloplatforms.com"),
  ZALO_WEBHOOK_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: "must be the public https URL Zalo will call" }).optional()),
  ZALO_WEBHOOK_SECRET: optionalText.pipe(
    z
      .string()
      .regex(/^[\x21-\x7e]{8,256}$/, { error: "must be 8–256 printable characters without spaces, e.g. `openssl rand -hex 24`" })
      .optional(),
  ),
  PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: "must be the assistant's public https address, e.g. https://bot.example.gov.vn" }).optional()),
  METRICS: z.stringbool({ error: "must be true or false" }).default(false),
  TRUST_PROXY: z.stringbool({ error: "must be true or false" }).default(false),
  LINK_SECRET: optionalText.pipe(z.string().min(32, { error: "must be at least 32 characters, e.g. `openssl rand -hex 32`" }).optional()),
});

/** Settings whose values are never printed, even when they are wrong. */
const SECRETS = new Set(["DATABASE_URL", "BOT_TOKEN", "WEBHOOK_SECRET", "ZALO_BOT_TOKEN", "ZALO_WEBHOOK_SECRET", "LINK_SECRET"]);

function shown(name: string, value: string | undefined): string {
  if (SECRETS.has(name) && value) return `(hidden, ${value.length} characters)`;
  return JSON.stringify(value ?? "");
}

/** How one messenger channel receives updates: long polling, or a webhook at a public URL with a secret. */
export type ChannelTransport = { kind: "polling" } | { kind: "webhook"; url: string; secret: string };

/** A messenger channel that is switched on by its token. */
export interface ChannelConfig {
  token: string;
  apiRoot: string;
  transport: ChannelTransport;
}

/** The validated settings of the assistant. Time zone is always Asia/Ho_Chi_Minh. */
export type Config = z.infer<typeof baseSchema> & {
  /**
   * How the assistant talks to people: the terminal when no messenger token is set, otherwise
   * the messengers in `channels` (Telegram, Zalo or both, in one process).
   */
  mode: "console" | "channels";
  channels: { telegram?: ChannelConfig; zalo?: ChannelConfig };
  /** Whether the one HTTP server runs: any webhook or PUBLIC_URL needs it, in every mode. */
  webServer: boolean;
  timeZone: "Asia/Ho_Chi_Minh";
};

/** Whether a URL may be plain http: only loopback addresses, which tests use. */
function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

function needsHttps(name: string, url: string | undefined, problems: string[]): void {
  if (url && new URL(url).protocol !== "https:" && !isLoopback(url)) {
    problems.push(`${name}=${JSON.stringify(url)}: must start with https:// (plain http is accepted only for localhost and 127.0.0.1)`);
  }
}

/**
 * Validates the environment once, purely. Every setting has a safe default except secrets.
 * Throws a {@link FileProblemError} listing every wrong variable and why.
 *
 * ```ts
 * const config = createConfig(process.env);
 * ```
 */
export function createConfig(env: Record<string, string | undefined>): Config {
  const parsed = baseSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? "?");
      problems.push(`${name}=${shown(name, env[name])}: ${issue.message}`);
    }
  } else {
    const c = parsed.data;
    if (c.WEBHOOK_URL && !c.BOT_TOKEN) problems.push("WEBHOOK_URL is set but BOT_TOKEN is not: set BOT_TOKEN too, or remove WEBHOOK_URL");
    if (c.WEBHOOK_URL && !c.WEBHOOK_SECRET)
      problems.push("WEBHOOK_SECRET is required with WEBHOOK_URL: set 16+ random characters, e.g. `openssl rand -hex 24`");
    if (c.ZALO_WEBHOOK_URL && !c.ZALO_BOT_TOKEN) problems.push("ZALO_WEBHOOK_URL is set but ZALO_BOT_TOKEN is not: set ZALO_BOT_TOKEN too, or remove ZALO_WEBHOOK_URL");
    if (c.ZALO_WEBHOOK_URL && !c.ZALO_WEBHOOK_SECRET)
      problems.push("ZALO_WEBHOOK_SECRET is required with ZALO_WEBHOOK_URL: set 8–256 random characters, e.g. `openssl rand -hex 24`");
    // A generated secret lives beside one instance's data file: links signed by one instance would fail on the others.
    if (c.DATABASE_URL && c.PUBLIC_URL && !c.LINK_SECRET) {
      problems.push("LINK_SECRET is required with DATABASE_URL and PUBLIC_URL: every instance must sign links with the same secret; set 32+ random characters, e.g. `openssl rand -hex 32`");
    }
    needsHttps("WEBHOOK_URL", c.WEBHOOK_URL, problems);
    needsHttps("ZALO_WEBHOOK_URL", c.ZALO_WEBHOOK_URL, problems);
    needsHttps("PUBLIC_URL", c.PUBLIC_URL, problems);
  }
  if (problems.length > 0 || !parsed.success) throw new FileProblemError("config: invalid settings", problems);
  const c = parsed.data;
  const transport = (url: string | undefined, secret: string | undefined): ChannelTransport =>
    url && secret ? { kind: "webhook", url, secret } : { kind: "polling" };
  const channels: Config["channels"] = {
    ...(c.BOT_TOKEN && { telegram: { token: c.BOT_TOKEN, apiRoot: c.TELEGRAM_API_ROOT, transport: transport(c.WEBHOOK_URL, c.WEBHOOK_SECRET) } }),
    ...(c.ZALO_BOT_TOKEN && { zalo: { token: c.ZALO_BOT_TOKEN, apiRoot: c.ZALO_API_ROOT, transport: transport(c.ZALO_WEBHOOK_URL, c.ZALO_WEBHOOK_SECRET) } }),
  };
  const mode = channels.telegram || channels.zalo ? "channels" : "console";
  const webServer = Boolean(c.PUBLIC_URL || c.WEBHOOK_URL || c.ZALO_WEBHOOK_URL);
  return { ...c, mode, channels, webServer, timeZone: "Asia/Ho_Chi_Minh" };
}

/** The admins' user keys from ADMIN_IDS: a bare number is a Telegram id (`12345` → `telegram:12345`). */
export function adminKeysFrom(ids: readonly string[]): UserKey[] {
  return ids.map((id): UserKey => (id.startsWith("zalo:") || id.startsWith("telegram:") ? (id as UserKey) : `telegram:${id}`));
}
