import type { Content, Milestone } from "../content/schema.js";
import { daysUntil } from "../dates.js";
import { agencyLabel, byDeadline, statusDoubt } from "../milestones.js";
import type { ChatRecord, LatestStatus, Person, RunRecord, StatusRecord, StatusRepo, Store } from "../ports.js";
import { addDays, atLocal, dayOf, isoWeekday, isoWeekId } from "../time.js";
import type {
  AgencyResponse,
  AttentionItem,
  DeliveryFailure,
  Digest,
  DigestInput,
  DigestMilestone,
  DigestPair,
  DigestSnapshot,
  InactiveChat,
  Light,
  PairState,
  Share,
} from "./types.js";
import { PAIR_STATES } from "./types.js";
import { NOTICE_REF_PREFIX } from "../questions/notify.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Window of the response rate: a status in the last 14 days counts as a response. */
export const RESPONSE_WINDOW_DAYS = 14;
/** "Coming up" lists deadlines today or within this many days. */
export const COMING_UP_DAYS = 14;
/** At-risk pairs need attention when the deadline is today or within this many days. */
export const AT_RISK_SOON_DAYS = 7;
/** Unanswered questions older than this are left out (the content may have caught up since). */
const UNANSWERED_WINDOW_DAYS = 28;

/**
 * The week a digest built at `now` covers: Monday to Sunday of the previous week, in Asia/Ho_Chi_Minh.
 * Sunday 23:59 still belongs to the current week, so a digest then covers the week before it;
 * from Monday 00:00 it covers the week that just ended.
 */
export function digestWeek(now: Date): { id: string; from: string; to: string } {
  const today = dayOf(now);
  const thisMonday = addDays(today, 1 - isoWeekday(today));
  const from = addDays(thisMonday, -7);
  return { id: isoWeekId(atLocal(from)), from, to: addDays(thisMonday, -1) };
}

/** The key of a (milestone × agency) pair in snapshots: `milestoneId|agencyId`. */
export function pairKey(milestoneId: string, agencyId: string): string {
  return `${milestoneId}|${agencyId}`;
}

/**
 * The traffic light of a milestone, checked in this order:
 * - 🔴 red: some pair is blocked or overdue (due date passed, not done);
 * - 🟡 yellow: some pair is at risk, or the deadline is within 7 days and some pair has not reported;
 * - ⚪ white: some pair has not reported yet (deadline further away): not enough information;
 * - 🟢 green: every pair reported done or on track, and nothing is overdue.
 */
export function milestoneLight(pairs: readonly Pick<DigestPair, "state" | "overdue">[], daysLeft: number): Light {
  if (pairs.some((p) => p.state === "blocked" || p.overdue)) return "red";
  const missing = pairs.some((p) => p.state === "none");
  if (pairs.some((p) => p.state === "at-risk") || (missing && daysLeft <= AT_RISK_SOON_DAYS)) return "yellow";
  if (missing) return "white";
  return "green";
}

/**
 * Builds the weekly digest. Pure: everything comes from the arguments.
 *
 * Definitions (all counted over (milestone × responsible agency) pairs):
 * - done / on-track / at-risk / blocked: the pair's latest status; "not yet reported" (`none`): no status at all.
 *   These five buckets partition the pairs and add up to 100 % (up to rounding).
 * - overdue: the milestone's deadline (the last day of a month or range) is before today and the latest
 *   status is not `done`, including pairs that never reported. Counted apart: an overdue pair is also in its bucket.
 *   Milestones whose reminders are switched off in content (`reminders.enabled: false`) are never overdue:
 *   their date only orders them (e.g. `party-systems`, for which the plan gives no deadline).
 * - response rate of an agency: the share of its milestones with a status or note recorded in the 14 days before `now`
 *   (`input.active`, read by `digestInputFrom` as the store's {@link StatusRepo.picture}).
 * - changes: pairs whose state differs from `previous` (the snapshot stored by the previous digest run).
 *
 * ```ts
 * const digest = buildDigest(content, await digestInputFrom(store, now), now, previousSnapshot);
 * ```
 */
export function buildDigest(content: Content, input: DigestInput, now: Date, previous?: DigestSnapshot): Digest {
  const today = dayOf(now);
  const week = digestWeek(now);
  const weekStart = atLocal(week.from).getTime();
  const weekEnd = atLocal(addDays(week.to, 1)).getTime();
  const inWeek = (iso: string) => {
    const t = Date.parse(iso);
    return t >= weekStart && t < weekEnd;
  };

  const latestByPair = new Map<string, LatestStatus>(input.latest.map((l) => [pairKey(l.milestoneId, l.agencyId), l]));
  const recentPairs = new Set(input.active.map((p) => pairKey(p.milestoneId, p.agencyId)));

  const milestones = byDeadline(content.milestones).map((m) => buildMilestone(content, m, today, latestByPair, recentPairs, previous));
  const allPairs = milestones.flatMap((m) => m.pairs.map((p) => ({ m, p })));
  const total = allPairs.length;
  const share = (count: number): Share => ({ count, percent: total === 0 ? 0 : Math.round((count * 100) / total) });

  const byState = Object.fromEntries(
    PAIR_STATES.map((s) => [s, share(allPairs.filter(({ p }) => p.state === s).length)]),
  ) as Record<PairState, Share>;

  const item = (m: DigestMilestone, p: DigestPair): AttentionItem => ({
    milestoneId: m.id,
    title: m.title,
    due: m.due,
    daysLeft: m.daysLeft,
    agencyId: p.agencyId,
    agencyName: p.agencyName,
    state: p.state,
    note: p.note,
    at: p.at,
  });

  const snapshot: DigestSnapshot = {
    version: 1,
    weekId: week.id,
    generatedAt: now.toISOString(),
    pairs: Object.fromEntries(allPairs.map(({ m, p }) => [pairKey(m.id, p.agencyId), p.state])),
    lights: Object.fromEntries(milestones.map((m) => [m.id, m.light])),
  };

  return {
    generatedAt: now.toISOString(),
    today,
    week,
    previous: previous ? { weekId: previous.weekId, generatedAt: previous.generatedAt } : undefined,
    overview: {
      pairs: total,
      byState,
      overdue: share(allPairs.filter(({ p }) => p.overdue).length),
      changes: previous ? milestones.reduce((n, m) => n + (m.changes?.length ?? 0), 0) : undefined,
    },
    milestones,
    attention: {
      blocked: allPairs.filter(({ p }) => p.state === "blocked").map(({ m, p }) => item(m, p)),
      overdue: allPairs.filter(({ p }) => p.overdue).map(({ m, p }) => item(m, p)),
      atRiskSoon: allPairs
        .filter(({ m, p }) => p.state === "at-risk" && m.daysLeft >= 0 && m.daysLeft <= AT_RISK_SOON_DAYS)
        .map(({ m, p }) => item(m, p)),
      doubtful: allPairs.flatMap(({ m, p }) => {
        const milestone = content.milestones.find((x) => x.id === m.id);
        const doubt = milestone && p.at ? statusDoubt(milestone, p.state, dayOf(new Date(p.at))) : null;
        return doubt ? [{ ...item(m, p), doubt }] : [];
      }),
    },
    comingUp: milestones
      .filter((m) => m.daysLeft >= 0 && m.daysLeft <= COMING_UP_DAYS)
      .map((m) => ({
        milestoneId: m.id,
        title: m.title,
        due: m.due,
        daysLeft: m.daysLeft,
        done: m.counts.done,
        total: m.pairs.length,
        light: m.light,
      })),
    agencies: agencyResponses(content, milestones, input),
    delivery: deliveryProblems(content, input, inWeek),
    questions: questionStats(input, week, now, inWeek),
    snapshot,
  };
}

function buildMilestone(
  content: Content,
  m: Milestone,
  today: string,
  latestByPair: Map<string, LatestStatus>,
  recentPairs: Set<string>,
  previous: DigestSnapshot | undefined,
): DigestMilestone {
  const daysLeft = daysUntil(today, m.dueParsed.end);
  // Milestones with reminders switched off carry a date only for ordering (e.g. a plan item without a
  // deadline of its own, or a period): their date passing does not make anyone overdue.
  const canBeOverdue = m.reminders?.enabled !== false;
  const pairs: DigestPair[] = m.responsible.map((agencyId) => {
    const key = pairKey(m.id, agencyId);
    const latest = latestByPair.get(key);
    const state: PairState = latest?.status ?? "none";
    return {
      agencyId,
      agencyName: agencyLabel(content, agencyId),
      state,
      note: latest?.note,
      at: latest?.at,
      role: latest?.role,
      onBehalf: latest?.onBehalfOf !== undefined,
      overdue: canBeOverdue && daysLeft < 0 && state !== "done",
      recent: recentPairs.has(key),
    };
  });
  const counts = Object.fromEntries(PAIR_STATES.map((s) => [s, pairs.filter((p) => p.state === s).length])) as Record<PairState, number>;
  const light = milestoneLight(pairs, daysLeft);
  const changes = previous
    ? pairs
        .map((p) => ({ agencyId: p.agencyId, agencyName: p.agencyName, from: previous.pairs[pairKey(m.id, p.agencyId)] ?? "none", to: p.state }))
        .filter((c) => c.from !== c.to)
    : undefined;
  return { id: m.id, title: m.title, due: m.dueParsed, daysLeft, light, counts, pairs, changes, previousLight: previous?.lights[m.id] };
}

/** Whether a chat can receive messages: unknown chats (never failed) count as reachable. */
function isReachable(chats: readonly ChatRecord[], chatKey: string): boolean {
  return chats.find((c) => c.chatKey === chatKey)?.active !== false;
}

function agencyResponses(content: Content, milestones: DigestMilestone[], input: DigestInput): AgencyResponse[] {
  const out: AgencyResponse[] = [];
  for (const agency of content.agencies) {
    const own = milestones.flatMap((m) => m.pairs.filter((p) => p.agencyId === agency.id));
    if (own.length === 0) continue;
    const responded = own.filter((p) => p.recent).length;
    const hasLead = input.people.some((p) => p.role === "lead" && p.agencyId === agency.id && isReachable(input.chats, p.chatKey));
    const hasGroup = input.chats.some((c) => c.type === "group" && c.agencyId === agency.id && c.active);
    out.push({
      agencyId: agency.id,
      agencyName: agencyLabel(content, agency.id),
      milestones: own.length,
      responded,
      percent: Math.round((responded * 100) / own.length),
      hasRecipient: hasLead || hasGroup,
    });
  }
  return out;
}

/** Describes a chat by its group title, or by the role and agency of the person behind it: never by name. */
function describeChat(content: Content, people: readonly Person[], chat: Pick<ChatRecord, "chatKey" | "type" | "title" | "agencyId">): InactiveChat {
  if (chat.type === "group") {
    return {
      chatKey: chat.chatKey,
      kind: "group",
      title: chat.title,
      agencyId: chat.agencyId,
      agencyName: chat.agencyId ? agencyLabel(content, chat.agencyId) : undefined,
    };
  }
  const person = people.find((p) => p.chatKey === chat.chatKey);
  const agencyId = person?.agencyId ?? chat.agencyId;
  return {
    chatKey: chat.chatKey,
    kind: "private",
    role: person?.role,
    agencyId,
    agencyName: agencyId ? agencyLabel(content, agencyId) : undefined,
  };
}

function deliveryProblems(content: Content, input: DigestInput, inWeek: (iso: string) => boolean): Digest["delivery"] {
  const inactiveChats = input.chats
    .filter((c) => !c.active)
    .map((c) => ({ ...describeChat(content, input.people, c), since: c.inactiveSince }));
  const weekDeliveries = input.deliveries.filter((d) => inWeek(d.at));
  const failures: DeliveryFailure[] = weekDeliveries
    .filter((d) => d.result !== "ok")
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((d) => {
      const chat = input.chats.find((c) => c.chatKey === d.chatKey) ?? { chatKey: d.chatKey, type: "private" as const };
      const described = describeChat(content, input.people, chat);
      return {
        ref: d.ref,
        about: describeRef(content, d.ref),
        chatKey: d.chatKey,
        chatLabel: chatLabel(described),
        result: d.result as "blocked" | "failed",
        error: d.error,
        at: d.at,
      };
    });
  return {
    remindersSent: input.reminders.filter((r) => inWeek(r.sentAt)).length,
    delivered: weekDeliveries.filter((d) => d.result === "ok").length,
    inactiveChats,
    failures,
    quotaPauses: (input.quotaPauses ?? []).filter((q) => inWeek(q.at)).map((q) => ({ ...q })),
  };
}

/**
 * A short Vietnamese label for a chat, without naming anyone:
 * `nhóm "Tên nhóm"`, `chat riêng của đầu mối Sở X`, `chat riêng của điều phối viên`.
 */
export function chatLabel(chat: InactiveChat): string {
  if (chat.kind === "group") return chat.title ? `nhóm "${chat.title}"` : `nhóm ${chat.agencyName ?? "chưa rõ tên"}`;
  if (chat.role === "lead") return `chat riêng của đầu mối ${chat.agencyName ?? "cơ quan"}`;
  if (chat.role === "coordinator") return "chat riêng của điều phối viên";
  return "chat riêng";
}

/** What a delivery ref was about: the milestone and agency of a reminder key, or the kind of message. */
function describeRef(content: Content, ref: string): string | undefined {
  const [first, second] = ref.split("|");
  if (first === "digest") return `bản tổng hợp ${second ?? ""}`.trim();
  if (first === "escalation") return "báo cáo quá hạn cho điều phối viên";
  if (first === "alert") return "thông báo";
  const milestone = content.milestones.find((m) => m.id === first);
  if (!milestone) return undefined;
  return second ? `nhắc việc "${milestone.title}" – ${agencyLabel(content, second)}` : `nhắc việc "${milestone.title}"`;
}

function questionStats(input: DigestInput, week: Digest["week"], now: Date, inWeek: (iso: string) => boolean): Digest["questions"] {
  const days = input.questionDays.filter((d) => d.day >= week.from && d.day <= week.to);
  const topics = new Map<string, number>();
  for (const d of days) for (const [topic, n] of Object.entries(d.topics)) topics.set(topic, (topics.get(topic) ?? 0) + n);
  const unansweredSince = now.getTime() - UNANSWERED_WINDOW_DAYS * DAY_MS;
  return {
    asked: days.reduce((n, d) => n + d.asked, 0),
    answered: days.reduce((n, d) => n + d.answered, 0),
    topics: [...topics.entries()]
      .map(([topic, count]) => ({ topic, count }))
      .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic))
      .slice(0, 5),
    unanswered: input.unanswered
      .filter((u) => Date.parse(u.lastAsked) >= unansweredSince && Date.parse(u.lastAsked) <= now.getTime())
      .sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked))
      .slice(0, 5)
      .map((u) => ({ example: u.example, count: u.count, lastAsked: u.lastAsked })),
    // Coordinator answers given this week and still in force, and the askers told of any answer this week.
    coordinatorAnswered: (input.coordinatorAnswers ?? [])
      .filter((a) => inWeek(a.versions[0]!.at) && a.versions.at(-1)!.action !== "withdraw")
      .map((a) => ({ id: a.id, example: a.questions[0]!.example, kind: a.kind, ...(a.kind === "link" ? { entryId: a.versions.findLast((v) => v.entryId)?.entryId } : {}) })),
    askersTold: input.deliveries.filter((d) => d.ref.startsWith(NOTICE_REF_PREFIX) && d.result === "ok" && inWeek(d.at)).length,
  };
}

/** Whether `data` stored by an earlier run is a {@link DigestSnapshot} this code can compare with. */
export function isDigestSnapshot(data: unknown): data is DigestSnapshot {
  const d = data as Partial<DigestSnapshot> | null;
  return (
    typeof d === "object" && d !== null && d.version === 1 && typeof d.weekId === "string" &&
    typeof d.generatedAt === "string" && typeof d.pairs === "object" && d.pairs !== null &&
    typeof d.lights === "object" && d.lights !== null
  );
}

/** The run key of the digest sent in the ISO week of `now`: `digest|2025-W25`. */
export function digestRunKey(now: Date): string {
  return `digest|${isoWeekId(now)}`;
}

/**
 * The snapshot of the latest digest run stored before the week of `now`, if any.
 * Re-running a digest in the same week therefore compares with the week before, not with itself.
 */
export function previousSnapshot(runs: readonly RunRecord[], now: Date): DigestSnapshot | undefined {
  const current = digestRunKey(now);
  const earlier = runs
    .filter((r) => r.key.startsWith("digest|") && r.key < current && isDigestSnapshot(r.data))
    .sort((a, b) => b.key.localeCompare(a.key));
  return earlier[0]?.data as DigestSnapshot | undefined;
}

/** Reads the plain data a digest needs from the store (the adapter between {@link Store} and {@link buildDigest}). */
export async function digestInputFrom(store: Store, now: Date): Promise<DigestInput> {
  const week = digestWeek(now);
  // "As of now": nothing recorded after `now` counts, so `digest --now 2025-06-16` shows that Monday's picture.
  const until = now.toISOString();
  // One round of reads, all at once: a server store answers them in parallel. Of the status log only the picture:
  // the latest status per pair and the pairs that responded in the window, never every record.
  const since = new Date(now.getTime() - RESPONSE_WINDOW_DAYS * DAY_MS).toISOString();
  const [picture, reminders, deliveries, chats, people, questionDays, unanswered, coordinatorAnswers, quotaRuns] = await Promise.all([
    store.statuses.picture({ since, until }),
    store.reminders.list(),
    store.reminders.deliveries({ since: atLocal(week.from).toISOString() }),
    store.chats.list(),
    store.people.list(),
    store.questions.days(week.from, week.to),
    store.questions.unanswered(100),
    store.answers.list(),
    store.runs.list("zalo-quota|"),
  ]);
  return {
    latest: picture.latest,
    active: picture.active,
    reminders: reminders.filter((r) => r.sentAt <= until),
    deliveries: deliveries.filter((d) => d.at <= until),
    chats,
    people,
    questionDays,
    unanswered,
    coordinatorAnswers,
    quotaPauses: quotaRuns.map((r) => ({ at: r.at, ...((r.data as { until?: string } | undefined)?.until ? { until: (r.data as { until: string }).until } : {}) })),
  };
}

/**
 * The latest status of each pair from status records in log order, by the store's rule: a status replaces the
 * pair's latest; a note completes it only if it belongs to the status that is still the latest. The definition
 * that {@link StatusRepo.picture} answers from an index (the store contract compares the two).
 */
export function latestAsOf(records: readonly StatusRecord[]): LatestStatus[] {
  const latest = new Map<string, LatestStatus>();
  for (const r of records) {
    const k = pairKey(r.milestoneId, r.agencyId);
    if (r.kind === "status") {
      latest.set(k, { milestoneId: r.milestoneId, agencyId: r.agencyId, status: r.status, note: r.note, at: r.at, role: r.role, onBehalfOf: r.onBehalfOf, recordId: r.id });
    } else {
      const current = latest.get(k);
      if (current && current.recordId === r.noteFor) latest.set(k, { ...current, note: r.note });
    }
  }
  return [...latest.values()];
}

/** Builds the digest at `now` from the store, compared with the previous stored digest. */
export async function digestFromStore(content: Content, store: Store, now: Date): Promise<Digest> {
  const [input, runs] = await Promise.all([digestInputFrom(store, now), store.runs.list("digest|")]);
  return buildDigest(content, input, now, previousSnapshot(runs, now));
}
