/**
 * Telling the askers. When a coordinator answers (or links) a question, everyone who asked it gets one
 * message on their own chat: their question, the answer and its date. Several answers waiting for the
 * same person go out bundled in one message.
 *
 * The cap is generic and per channel ({@link NOTICE_POLICIES}): a channel with `oncePerDay` (Zalo, whose
 * official accounts have a quota of messages the user did not ask for) gets at most one bundled notice
 * per person per day (Asia/Ho_Chi_Minh); the rest waits for the next day's run.
 *
 * Each asker is told once: their record is taken out of the store before the send (so two runs never
 * both send it), the message goes through {@link deliver} (its intent is stored first, so a crash
 * before the outcome is recorded sends it again at start-up, marked "(gửi lại)"), and the record is only
 * put back if the delivery failed, to retry later. Records are deleted once told, or after 30 days.
 */
import { t } from "../command.js";
import type { Content } from "../content/schema.js";
import { sourceTitle } from "../content/schema.js";
import { formatDay, type Lang } from "../dates.js";
import { answerMark, currentVersion, isActive } from "../knowledge/coordinator-answers.js";
import { ASKER_RETENTION_DAYS } from "../knowledge/askers.js";
import { deliver } from "../delivery.js";
import type { ChannelName, ChatKey, CoordinatorAnswer, Logger, OutgoingMessage, Outbox, PendingAsker, Store } from "../ports.js";
import { bold, italic, lines, reply, type Reply, type Rich } from "../reply.js";
import { dayOf } from "../time.js";

/** How each channel may be used for notices. */
export interface NoticePolicy {
  /** At most one (bundled) notice per person per day. */
  oncePerDay: boolean;
  /** For capped channels: the longest bundle, so it stays one message (Zalo: 2,000 characters). The rest waits. */
  maxLength?: number;
}

/** Zalo has a quota of messages the user did not ask for: one bundled notice a day. The others have none. */
export const NOTICE_POLICIES: Record<ChannelName, NoticePolicy> = {
  zalo: { oncePerDay: true, maxLength: 1900 },
  telegram: { oncePerDay: false },
  console: { oncePerDay: false },
};

/** The prefix of the delivery records of notices (`answer-notice|gd1,gd3`). */
export const NOTICE_REF_PREFIX = "answer-notice|";

/** One person's notice to send: their waiting questions and the answers to them. */
export interface NoticePlan {
  chatKey: ChatKey;
  answerIds: string[];
  oncePerDay: boolean;
  maxLength?: number;
}

/** Groups the askers whose question has an active answer by chat: one notice per chat. Pure. */
export function planNotices(askers: readonly PendingAsker[], answers: readonly CoordinatorAnswer[], policies = NOTICE_POLICIES): NoticePlan[] {
  const active = new Set(answers.filter(isActive).map((a) => a.id));
  const byChat = new Map<ChatKey, Set<string>>();
  for (const a of askers) {
    if (a.answerId === undefined || !active.has(a.answerId)) continue;
    const set = byChat.get(a.chatKey) ?? new Set<string>();
    set.add(a.answerId);
    byChat.set(a.chatKey, set);
  }
  return [...byChat].map(([chatKey, ids]) => {
    // An unknown channel is treated like the strictest one.
    const policy = policies[chatKey.slice(0, chatKey.indexOf(":")) as ChannelName] ?? { oncePerDay: true };
    return { chatKey, answerIds: [...ids].sort(byNumber), oncePerDay: policy.oncePerDay, ...(policy.maxLength ? { maxLength: policy.maxLength } : {}) };
  });
}

/**
 * The notice itself: for each question, the person's own words and the day they asked, the answer
 * (a coordinator's text, or the curated entry it was linked to, with its source) and its date. Pure.
 */
export function noticeMessage(content: Content, items: readonly { asker: PendingAsker; answer: CoordinatorAnswer }[], lang: Lang): Reply {
  const many = items.length > 1;
  const blocks = items.flatMap(({ asker, answer }, i) => {
    const version = currentVersion(answer);
    const entry = answer.kind === "link" ? content.faq.find((e) => e.id === version.entryId) : undefined;
    const source = entry ? content.sources.find((s) => s.id === entry.source) : undefined;
    const asked = formatDay(dayOf(new Date(asker.askedAt)));
    const question: Rich = [bold(t(lang, `Câu hỏi ngày ${asked}: `, `Your question of ${asked}: `)), `“${asker.question}”`];
    const mark: Rich = [italic(answerMark(answer, lang))];
    const text = entry
      ? entry.answer.trim()
      : answer.kind === "link"
        ? t(lang, "Nội dung trả lời đã được cập nhật; xin anh/chị hỏi lại bằng /hoi để xem bản mới nhất.", "The answer has been updated; please ask again with /ask to see the latest.")
        : (version.text ?? "");
    return [i > 0 && "", question, text, source && `${t(lang, "Nguồn", "Source")}: ${sourceTitle(source, lang)}`, mark];
  });
  return reply(
    lines(
      bold(
        many
          ? t(lang, "📬 Đã có câu trả lời cho các câu hỏi anh/chị gửi trợ lý", "📬 Your questions to the assistant have been answered")
          : t(lang, "📬 Đã có câu trả lời cho câu hỏi anh/chị gửi trợ lý", "📬 Your question to the assistant has been answered"),
      ),
      "",
      ...blocks,
      "",
      t(lang, "Anh/chị có thể hỏi tiếp bất cứ lúc nào bằng /hoi.", "You can ask more at any time with /ask."),
    ),
  );
}

/** What notifying needs. */
export interface NoticeDeps {
  content: Content;
  store: Store;
  outbox: Outbox;
  log: Logger;
}

/** What one run did, for the coordinator's reply, logs and tests. */
export interface NoticeReport {
  /** People told (one message each). */
  told: ChatKey[];
  /** People whose notice waits for tomorrow (daily cap). */
  deferred: ChatKey[];
  /** Deliveries that failed and will be retried. */
  failed: ChatKey[];
  /** Asker records deleted because they were older than 30 days. */
  expired: number;
}

/**
 * Sends every notice that may go now and records each delivery. Safe to call any number of times,
 * from the scheduled job and right after /giaidap alike: askers are taken out of the store before
 * the send, so nobody is told twice.
 */
export async function notifyAskers(deps: NoticeDeps, now: Date): Promise<NoticeReport> {
  const { store } = deps;
  const at = now.toISOString();
  const day = dayOf(now);
  const expired = await store.askers.prune(new Date(now.getTime() - ASKER_RETENTION_DAYS * 86_400_000).toISOString());
  const report: NoticeReport = { told: [], deferred: [], failed: [], expired };
  const outgoing: { message: OutgoingMessage; taken: PendingAsker[]; capped: boolean }[] = [];
  // One snapshot plans the run; `take` below is what makes each asker told at most once.
  const [askers, answers] = await Promise.all([store.askers.list(), store.answers.list()]);
  const answerById = new Map(answers.map((a) => [a.id, a]));
  for (const plan of planNotices(askers, answers)) {
    if ((await store.chats.get(plan.chatKey))?.active === false) continue;
    if (plan.oncePerDay && !(await store.askers.claimNotice(plan.chatKey, day, at))) {
      report.deferred.push(plan.chatKey);
      continue;
    }
    const taken = await store.askers.take(plan.chatKey, fitting(deps.content, plan, answerById, askers));
    if (taken.length === 0) {
      if (plan.oncePerDay) await store.askers.releaseNotice(plan.chatKey, day);
      continue;
    }
    const items = taken.flatMap((asker) => {
      const answer = answerById.get(asker.answerId!);
      return answer ? [{ asker, answer }] : [];
    });
    const ids = [...new Set(items.map((x) => x.answer.id))].sort(byNumber);
    const lang = taken.find((a) => a.lang)?.lang ?? "vi";
    outgoing.push({
      message: { chatKey: plan.chatKey, reply: noticeMessage(deps.content, items, lang), ref: `${NOTICE_REF_PREFIX}${ids.join(",")}` },
      taken,
      capped: plan.oncePerDay,
    });
  }
  if (outgoing.length === 0) return report;

  const results = await deliver(deps, outgoing.map((o) => o.message), at);
  for (const [i, o] of outgoing.entries()) {
    const res = results[i]!;
    // Told, or blocked (nobody left to tell): either way their records are gone. A failure is retried.
    if (res.result === "ok") report.told.push(o.message.chatKey);
    else if (res.result === "failed") {
      report.failed.push(o.message.chatKey);
      await store.askers.restore(o.taken);
      if (o.capped) await store.askers.releaseNotice(o.message.chatKey, day);
    }
  }
  return report;
}

/**
 * The answers of a plan that fit in one message of the channel, oldest answer first (at least one):
 * a bundle split over several messages would spend the quota it is meant to save.
 */
function fitting(content: Content, plan: NoticePlan, answers: ReadonlyMap<string, CoordinatorAnswer>, askers: readonly PendingAsker[]): string[] {
  if (!plan.maxLength) return plan.answerIds;
  const out: string[] = [];
  let length = 200; // the title and the closing line
  for (const id of plan.answerIds) {
    const answer = answers.get(id);
    if (!answer) continue;
    const v = currentVersion(answer);
    const text = answer.kind === "link" ? (content.faq.find((e) => e.id === v.entryId)?.answer ?? "") : (v.text ?? "");
    const asked = askers.filter((a) => a.chatKey === plan.chatKey && a.answerId === id);
    const size = text.length + asked.reduce((n, a) => n + a.question.length + 120, 0);
    if (out.length > 0 && length + size > plan.maxLength) break;
    out.push(id);
    length += size;
  }
  return out;
}

/** gd2 before gd10. */
function byNumber(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
