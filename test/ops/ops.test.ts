import { describe, expect, it } from "vitest";
import { healthReport } from "../../src/ops/health.js";
import { createMetrics } from "../../src/ops/metrics.js";

const now = new Date("2025-06-02T03:00:00.000Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("healthReport", () => {
  it("is 200 when the store is writable, the scheduler ticked today and the channel answered lately", () => {
    const r = healthReport({ now, storeWritable: true, startedAt: minutesAgo(600), lastSchedulerTick: minutesAgo(120), channels: { telegram: { lastContact: minutesAgo(1) } } });
    expect(r).toMatchObject({ ok: true, status: 200 });
  });

  it.each([
    ["the store cannot save", { storeWritable: false }, "store"],
    ["the scheduler stopped ticking", { lastSchedulerTick: minutesAgo(27 * 60) }, "scheduler"],
    ["the channel has not reached its platform", { channels: { telegram: { lastContact: minutesAgo(6) } } }, "channel:telegram"],
  ])("is 503 when %s, and names the check", (_what, change, check) => {
    const r = healthReport({ now, storeWritable: true, startedAt: minutesAgo(600), lastSchedulerTick: minutesAgo(120), channels: { telegram: { lastContact: minutesAgo(1) } }, ...change });
    expect(r.status).toBe(503);
    expect(r.checks[check]?.ok).toBe(false);
  });

  it("counts a follower that never ticks as healthy (another instance runs the scheduled jobs), but not a leader", () => {
    const facts = { now, storeWritable: true, startedAt: minutesAgo(600), channels: { telegram: { lastContact: minutesAgo(1) } } };
    const follower = healthReport({ ...facts, schedulerRole: "following" });
    expect(follower.status).toBe(200);
    expect(follower.checks.scheduler).toEqual({ ok: true, detail: "another instance runs the scheduled jobs" });
    expect(healthReport({ ...facts, schedulerRole: "leading" }).checks.scheduler?.ok).toBe(false);
  });

  it("gives a process that just started time to connect", () => {
    expect(healthReport({ now, storeWritable: true, startedAt: minutesAgo(1), channels: { telegram: {} } }).status).toBe(200);
  });
});

describe("metrics", () => {
  it("reports at each scrape whether this instance runs the scheduled jobs", async () => {
    const m = createMetrics();
    let leading = false;
    m.leading(() => leading);
    expect(await m.registry.metrics()).toMatch(/^assistant_scheduler_leader 0$/m);
    leading = true;
    expect(await m.registry.metrics()).toMatch(/^assistant_scheduler_leader 1$/m);
  });

  it("counts sends, failures and 429s and reports the backlog in Prometheus format", async () => {
    const m = createMetrics();
    m.sent("telegram");
    m.sent("telegram");
    m.failed("telegram", "blocked");
    m.rateLimited("telegram");
    m.backlog("telegram", 7);
    const text = await m.registry.metrics();
    expect(text).toContain('assistant_messages_sent_total{channel="telegram"} 2');
    expect(text).toContain('assistant_messages_failed_total{channel="telegram",result="blocked"} 1');
    expect(text).toContain('assistant_rate_limited_total{channel="telegram"} 1');
    expect(text).toContain('assistant_outbox_backlog{channel="telegram"} 7');
  });
});
