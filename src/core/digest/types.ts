import type { Due } from "../content/schema.js";
import type { StatusDoubt } from "../milestones.js";
import type {
  ChatRecord,
  CoordinatorAnswer,
  DeliveryRecord,
  LatestStatus,
  PairRef,
  Person,
  QuestionDay,
  Role,
  SentReminder,
  StatusKind,
  UnansweredQuestion,
} from "../ports.js";

/** A status of one (milestone × agency) pair, with `none` for "not yet reported". */
export type PairState = StatusKind | "none";

/** Every pair state in display order. */
export const PAIR_STATES: readonly PairState[] = ["done", "on-track", "at-risk", "blocked", "none"];

/**
 * The traffic light of a milestone, derived from its pairs and its deadline (see `milestoneLight`):
 * red 🔴 needs action, yellow 🟡 needs watching, green 🟢 fine, white ⚪ not enough information yet.
 */
export type Light = "red" | "yellow" | "green" | "white";

/**
 * Plain data the digest is built from, read from the store by `digestInputFrom`.
 * Keeping it plain keeps {@link Digest} building pure and testable without a store.
 */
export interface DigestInput {
  latest: readonly LatestStatus[];
  /** Pairs with a status or note recorded in the response window (the 14 days before the digest). */
  active: readonly PairRef[];
  reminders: readonly SentReminder[];
  deliveries: readonly DeliveryRecord[];
  chats: readonly ChatRecord[];
  /** Active (not revoked) people. Only their roles, agencies and chats are used, never their names. */
  people: readonly Person[];
  /** Question statistics; days outside the covered week are ignored. */
  questionDays: readonly QuestionDay[];
  unanswered: readonly UnansweredQuestion[];
  /** Coordinator answers (/giaidap), with their versions; absent means none. */
  coordinatorAnswers?: readonly CoordinatorAnswer[];
  /** Zalo quota pauses (runs `zalo-quota|<at>` with `data.until`); optional for inputs built before Zalo. */
  quotaPauses?: readonly { at: string; until?: string }[];
}

/**
 * What a digest run stores (in `store.runs`, key `digest|<ISO week>`) so the next digest
 * can say what changed.
 */
export interface DigestSnapshot {
  version: 1;
  /** The covered week of the digest that stored it ("2025-W24"). */
  weekId: string;
  generatedAt: string;
  /** The state of every pair, keyed `milestoneId|agencyId`. */
  pairs: Record<string, PairState>;
  /** The light of every milestone, keyed by milestone id. */
  lights: Record<string, Light>;
}

/** One (milestone × responsible agency) pair, as it stands now. */
export interface DigestPair {
  agencyId: string;
  agencyName: string;
  state: PairState;
  note?: string;
  /** When the latest status was recorded (ISO). */
  at?: string;
  /** The role of whoever recorded it (never their name). */
  role?: Role;
  /** True when a coordinator or admin recorded it on the agency's behalf. */
  onBehalf: boolean;
  /** Due date passed and the latest status is not `done` (a pair with no status counts too). */
  overdue: boolean;
  /** A status or note was recorded for this pair in the 14 days before the digest. */
  recent: boolean;
}

/** A pair whose state differs from the previous digest. */
export interface DigestChange {
  agencyId: string;
  agencyName: string;
  from: PairState;
  to: PairState;
}

/** One milestone of the digest. */
export interface DigestMilestone {
  id: string;
  title: string;
  due: Due;
  /** Calendar days from the digest's day to the deadline (negative once it has passed). */
  daysLeft: number;
  light: Light;
  counts: Record<PairState, number>;
  pairs: DigestPair[];
  /** Pairs that changed since the previous digest; undefined when there is no previous digest. */
  changes?: DigestChange[];
  /** The light in the previous digest, when there was one and the milestone was in it. */
  previousLight?: Light;
}

/** A count with its share of all pairs, in whole percent. */
export interface Share {
  count: number;
  percent: number;
}

/** A pair listed under "needs attention". */
export interface AttentionItem {
  milestoneId: string;
  title: string;
  due: Due;
  daysLeft: number;
  agencyId: string;
  agencyName: string;
  state: PairState;
  note?: string;
  at?: string;
}

/** How well an agency answers: the share of its milestones with a status in the last 14 days. */
export interface AgencyResponse {
  agencyId: string;
  agencyName: string;
  milestones: number;
  responded: number;
  percent: number;
  /** Whether the agency has somewhere reminders can go: an active lead or a registered, active group. */
  hasRecipient: boolean;
}

/** A chat that stopped receiving messages, described without naming anyone. */
export interface InactiveChat {
  chatKey: string;
  /** Group title, or the role and agency behind a private chat (e.g. "chat riêng của đầu mối Sở X"). */
  kind: "group" | "private";
  title?: string;
  role?: Role;
  agencyId?: string;
  agencyName?: string;
  since?: string;
}

/** A failed or blocked delivery in the covered week. */
export interface DeliveryFailure {
  ref: string;
  /** What the ref was about, e.g. the milestone title of a reminder; undefined when unknown. */
  about?: string;
  chatKey: string;
  chatLabel?: string;
  result: "blocked" | "failed";
  error?: string;
  at: string;
}

/** The weekly digest: the past week's activity and the state of the plan now. */
export interface Digest {
  /** When it was built (ISO). */
  generatedAt: string;
  /** The day it was built, Asia/Ho_Chi_Minh (YYYY-MM-DD); countdowns count from it. */
  today: string;
  /** The covered week: Monday to Sunday before `today`'s week, Asia/Ho_Chi_Minh. */
  week: { id: string; from: string; to: string };
  /** The previous digest compared against, if any. */
  previous?: { weekId: string; generatedAt: string };
  overview: {
    /** Number of (milestone × responsible agency) pairs. */
    pairs: number;
    /** The status buckets partition the pairs: they add up to `pairs`. */
    byState: Record<PairState, Share>;
    /** Counted apart from the buckets: due date passed and latest status not `done`. */
    overdue: Share;
    /** Pairs whose state changed since the previous digest. */
    changes?: number;
  };
  /** Every milestone, by deadline. */
  milestones: DigestMilestone[];
  attention: {
    blocked: AttentionItem[];
    overdue: AttentionItem[];
    /** At risk with the deadline today or in the next 7 days. */
    atRiskSoon: AttentionItem[];
    /**
     * Latest statuses that contradicted the plan's dates on the day they were given ("on track"
     * after the deadline, "done" before the start), for a coordinator to check.
     */
    doubtful: (AttentionItem & { doubt: StatusDoubt })[];
  };
  /** Milestones with a deadline today or in the next 14 days. */
  comingUp: { milestoneId: string; title: string; due: Due; daysLeft: number; done: number; total: number; light: Light }[];
  /** Agencies responsible for at least one milestone, in content order (never ranked). */
  agencies: AgencyResponse[];
  delivery: {
    /** Reminders sent in the covered week. */
    remindersSent: number;
    delivered: number;
    inactiveChats: InactiveChat[];
    /** All failures of the week; renderers show the first few. */
    failures: DeliveryFailure[];
    /** Times Zalo answered 429 "quota exceeded" in the week, and until when sending paused. */
    quotaPauses: { at: string; until?: string }[];
  };
  questions: {
    asked: number;
    answered: number;
    topics: { topic: string; count: number }[];
    /** The most asked questions nobody could answer, asked in the last 4 weeks. */
    unanswered: { example: string; count: number; lastAsked: string }[];
    /** Questions coordinators answered or linked in the covered week (still in force). */
    coordinatorAnswered: { id: string; example: string; kind: "answer" | "link"; entryId?: string }[];
    /** People told in the covered week that their question was answered. */
    askersTold: number;
  };
  /** What to store for the next digest's comparison. */
  snapshot: DigestSnapshot;
}

/** Renders a digest's status chart (PNG bytes). Injected so the core never loads the native renderer. */
export interface DigestCharts {
  statusChart(digest: Digest): Promise<Uint8Array>;
}
