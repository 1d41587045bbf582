/**
 * The health report behind `/healthz` (and the container's HEALTHCHECK): a pure builder over facts the
 * caller gathers, so every mode (polling, webhook, console) reports the same way.
 */

/** What the report is built from. */
export interface HealthFacts {
  now: Date;
  /** Whether the store can save changes now (lock held, last write succeeded): `ClosableStore.writable()`. */
  storeWritable: boolean;
  /** When the scheduler last ran a job tick (reminders run every day; undefined before the first). */
  lastSchedulerTick?: Date;
  /**
   * With several instances on one database: whether this one runs the scheduled jobs. A follower does not tick,
   * and that is healthy. Undefined means it leads (a single process always does).
   */
  schedulerRole?: "leading" | "following";
  /** When the process started. */
  startedAt: Date;
  /** Per channel: when the channel last heard from its platform (a poll answered, a webhook received, getMe). */
  channels: Record<string, { lastContact?: Date }>;
}

/** Limits of {@link healthReport}. */
export const HEALTH_LIMITS = {
  /** The daily reminder tick must have run within this long (plus the start-up grace). */
  schedulerMs: 26 * 60 * 60 * 1000,
  /** A channel that has not reached its platform for this long is down (long polls answer every 25 s). */
  channelMs: 5 * 60 * 1000,
  /** Right after start, missing ticks and contacts are not failures yet. */
  startupGraceMs: 2 * 60 * 1000,
};

/** A health report: `ok` only if every check passes; HTTP status 200 or 503. */
export interface HealthReport {
  ok: boolean;
  status: 200 | 503;
  checks: Record<string, { ok: boolean; detail: string }>;
}

/**
 * Builds the health report from `facts`.
 *
 * ```ts
 * const report = healthReport({ now, storeWritable: store.writable(), startedAt, channels: { telegram: { lastContact } } });
 * res.writeHead(report.status, { "Content-Type": "application/json" }).end(JSON.stringify(report));
 * ```
 */
export function healthReport(facts: HealthFacts): HealthReport {
  const now = facts.now.getTime();
  const starting = now - facts.startedAt.getTime() < HEALTH_LIMITS.startupGraceMs;
  const age = (d: Date | undefined) => (d ? Math.round((now - d.getTime()) / 1000) : undefined);
  const checks: HealthReport["checks"] = {
    store: { ok: facts.storeWritable, detail: facts.storeWritable ? "writable" : "cannot save changes (disk full, read-only, or lock lost)" },
  };
  const tick = facts.lastSchedulerTick;
  const tickOk = tick ? now - tick.getTime() <= HEALTH_LIMITS.schedulerMs : starting;
  checks.scheduler =
    facts.schedulerRole === "following"
      ? { ok: true, detail: "another instance runs the scheduled jobs" }
      : { ok: tickOk, detail: tick ? `last tick ${age(tick)} s ago` : starting ? "starting" : "no tick since start" };
  for (const [name, { lastContact }] of Object.entries(facts.channels)) {
    const ok = lastContact ? now - lastContact.getTime() <= HEALTH_LIMITS.channelMs : starting;
    checks[`channel:${name}`] = { ok, detail: lastContact ? `last contact ${age(lastContact)} s ago` : starting ? "connecting" : "never reached" };
  }
  const ok = Object.values(checks).every((c) => c.ok);
  return { ok, status: ok ? 200 : 503, checks };
}
