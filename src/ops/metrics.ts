/**
 * Optional Prometheus metrics (prom-client): sends, failures, 429s and the outbox backlog.
 * Nothing is collected unless {@link createMetrics} is called; the lead mounts {@link Metrics.handle} at `/metrics`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Outbox } from "../core/ports.js";
import { Counter, Gauge, Registry, collectDefaultMetrics } from "prom-client";

/** The assistant's metrics and their HTTP handler. */
export interface Metrics {
  readonly registry: Registry;
  /** A message went out (`channel`: telegram, zalo, console). */
  sent(channel: string): void;
  /** A message could not be delivered (`result`: blocked or failed). */
  failed(channel: string, result: string): void;
  /** The platform answered 429 (rate limited). */
  rateLimited(channel: string): void;
  /** Messages waiting in a channel's outbox now. */
  backlog(channel: string, waiting: number): void;
  /**
   * Reports at every scrape whether this instance runs the scheduled jobs (1) or not (0). Across instances on one
   * database the sum is 1; alert when it stays 0 (no leader) or above 1.
   */
  leading(read: () => boolean): void;
  /** Answers GET /metrics in Prometheus' text format. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** Creates the metrics on a registry of their own (with Node's default process metrics). */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const sends = new Counter({ name: "assistant_messages_sent_total", help: "Messages delivered", labelNames: ["channel"], registers: [registry] });
  const failures = new Counter({ name: "assistant_messages_failed_total", help: "Messages not delivered", labelNames: ["channel", "result"], registers: [registry] });
  const limited = new Counter({ name: "assistant_rate_limited_total", help: "429 answers from a platform", labelNames: ["channel"], registers: [registry] });
  const waiting = new Gauge({ name: "assistant_outbox_backlog", help: "Messages waiting in the outbox", labelNames: ["channel"], registers: [registry] });
  let isLeading: (() => boolean) | undefined;
  new Gauge({
    name: "assistant_scheduler_leader",
    help: "1 when this instance runs the scheduled jobs",
    registers: [registry],
    collect() {
      if (isLeading) this.set(isLeading() ? 1 : 0);
    },
  });
  return {
    registry,
    sent: (channel) => sends.inc({ channel }),
    failed: (channel, result) => failures.inc({ channel, result }),
    rateLimited: (channel) => limited.inc({ channel }),
    backlog: (channel, n) => waiting.set({ channel }, n),
    leading: (read) => {
      isLeading = read;
    },
    async handle(_req, res) {
      res.writeHead(200, { "Content-Type": registry.contentType }).end(await registry.metrics());
    },
  };
}

/**
 * Wraps a channel's outbox so every outcome is counted, and the backlog read after each batch when the
 * outbox can tell it (the throttled outbox's `pending()`).
 */
export function measureOutbox<O extends Outbox & { pending?: () => number }>(channel: string, outbox: O, metrics: Metrics): Outbox {
  return {
    async send(messages) {
      metrics.backlog(channel, (outbox.pending?.() ?? 0) + messages.length);
      const results = await outbox.send(messages);
      for (const r of results) {
        if (r.result === "ok") metrics.sent(channel);
        else {
          metrics.failed(channel, r.result);
          if (/\b429\b|rate-limited|quota/.test(r.error ?? "")) metrics.rateLimited(channel);
        }
      }
      metrics.backlog(channel, outbox.pending?.() ?? 0);
      return results;
    },
  };
}
