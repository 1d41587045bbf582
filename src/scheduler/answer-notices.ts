import { type NoticeDeps, type NoticeReport, notifyAskers } from "../core/questions/notify.js";
import type { Clock } from "../core/time.js";
import type { Scheduler } from "./scheduler.js";

/** The name of the job that tells askers their question was answered. */
export const ANSWER_NOTICE_JOB = "answer-notices";
/**
 * Every 30 minutes from 07:00 to 20:30 Asia/Ho_Chi_Minh: retries failed notices, sends the Zalo notices
 * held back by the one-a-day cap, and deletes askers older than 30 days. Nobody is messaged at night.
 * (Most notices go at once, right after /giaidap.)
 */
export const ANSWER_NOTICE_CRON = "*/30 7-20 * * *";

/** What the job needs. */
export interface AnswerNoticeJobDeps extends NoticeDeps {
  clock: Clock;
}

/**
 * Schedules the notice job and runs it once now (start-up catch-up). Each run is idempotent: askers
 * are taken out of the store before their notice is sent. Resolves to the catch-up run's report.
 *
 * ```ts
 * await startAnswerNoticeJob(scheduler, app.services);
 * ```
 */
export async function startAnswerNoticeJob(scheduler: Scheduler, deps: AnswerNoticeJobDeps, cron = ANSWER_NOTICE_CRON): Promise<NoticeReport | null> {
  let last: NoticeReport | null = null;
  scheduler.add(ANSWER_NOTICE_JOB, cron, async () => {
    last = await notifyAskers(deps, deps.clock.now());
    if (last.told.length + last.failed.length + last.expired > 0) deps.log.info({ ...last }, "questions: answer notices sent");
  });
  await scheduler.runNow(ANSWER_NOTICE_JOB);
  return last;
}
