import { z } from "zod";
import { FileProblemError } from "./core/errors.js";

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
  const m = /^(\d{1,2})\s*(?:[:.hH]\s*(\d{2})?)$|^(\d{1,2})$/.exec(value.trim());
  if (!m) return value;
  const hour = m[1] ?? m[3]!;
  return `${hour.padStart(2, "0")}:${m[2] ?? "00"}`;
}

const time = z
  .string()
  .transform(normalizeTime)
  .pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "must be a time HH:mm, e.g. 08:30 (8:30 and 8h30 work too)" }));

/** Hosts a test may serve over plain http; everything public must be https. */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** A URL that must be https (Telegram only calls https webhooks), except on localhost for tests. Exported for other public URLs. */
export const httpsUrl = (what: string) =>
  z.url({ protocol: /^https?$/, error: `must be the public https URL of ${what}` }).refine(
    (v) => {
      const u = new URL(v);
      return u.protocol === "https:" || LOCAL_HOSTS.has(u.hostname);
    },
    { error: `must start with https:// (${what} must be https); plain http:// is accepted only for localhost or 127.0.0.1, in tests` },
  );

const baseSchema = z.object({
  DATA_FILE: z.string().trim().min(1).default("data/db.json"),
  CONTENT_DIR: z.string().trim().min(1).default("content"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
    error: "must be one of fatal, error, warn, info, debug, trace, silent",
  }).default("info"),
  ADMIN_IDS: z
    .string()
    .default("")
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(z.string().regex(/^-?\d+$/, { error: "must be a comma-separated list of numeric Telegram user ids, e.g. 12345,67890" }))),
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
  WEBHOOK_URL: optionalText.pipe(httpsUrl("the webhook Telegram calls").optional()),
  WEBHOOK_SECRET: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, { error: "must be 16–256 characters of A–Z, a–z, 0–9, _ or -" })
      .optional(),
  ),
  PORT: z.coerce.number({ error: "must be a port number" }).int().min(1).max(65535).default(8080),
  HOST: z.string().default("0.0.0.0"),
  ZALO_BOT_TOKEN: optionalText,
  ZALO_API_ROOT: z.url().default("https://bot-api.zaloplatforms.com"),
});

/** Settings whose values are never printed, even when they are wrong. */
const SECRETS = new Set(["BOT_TOKEN", "WEBHOOK_SECRET", "ZALO_BOT_TOKEN"]);

function shown(name: string, value: string | undefined): string {
  if (SECRETS.has(name) && value) return `(hidden, ${value.length} characters)`;
  return JSON.stringify(value ?? "");
}

/** The validated settings of the assistant. Time zone is always Asia/Ho_Chi_Minh. */
export type Config = z.infer<typeof baseSchema> & {
  /** How the assistant talks to people: the terminal, Telegram long polling or a Telegram webhook. */
  mode: "console" | "polling" | "webhook";
  timeZone: "Asia/Ho_Chi_Minh";
};

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
  }
  if (problems.length > 0 || !parsed.success) throw new FileProblemError("config: invalid settings", problems);
  const c = parsed.data;
  const mode = c.BOT_TOKEN ? (c.WEBHOOK_URL ? "webhook" : "polling") : "console";
  return { ...c, mode, timeZone: "Asia/Ho_Chi_Minh" };
}
