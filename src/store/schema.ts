import { z } from "zod";

/** The schema version this program writes. Files with another version are refused, never overwritten. */
export const SCHEMA_VERSION = 1;

const key = z.templateLiteral([z.enum(["telegram", "zalo", "console"]), ":", z.string().min(1)]);
const iso = z.string().min(10);
const statusKind = z.enum(["done", "on-track", "at-risk", "blocked"]);
const role = z.enum(["member", "lead", "coordinator", "admin"]);
const channel = z.enum(["telegram", "zalo", "console"]);

export const personSchema = z.object({
  userKey: key,
  name: z.string(),
  role: z.enum(["lead", "coordinator", "admin"]),
  agencyId: z.string().optional(),
  chatKey: key,
  grantedBy: key,
  grantedAt: iso,
  revokedAt: iso.optional(),
  revokedBy: key.optional(),
});

export const invitationSchema = z.object({
  codeHash: z.string().min(16),
  kind: z.enum(["lead", "coordinator", "admin"]),
  agencyId: z.string().optional(),
  createdBy: key,
  createdAt: iso,
  expiresAt: iso,
  usedBy: key.optional(),
  usedAt: iso.optional(),
});

export const chatSchema = z.object({
  chatKey: key,
  type: z.enum(["private", "group"]),
  title: z.string().optional(),
  agencyId: z.string().optional(),
  registeredBy: key.optional(),
  registeredAt: iso.optional(),
  active: z.boolean(),
  inactiveSince: iso.optional(),
});

export const statusRecordSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(["status", "note"]),
  milestoneId: z.string(),
  agencyId: z.string(),
  status: statusKind,
  note: z.string().optional(),
  noteFor: z.string().optional(),
  userKey: key,
  userName: z.string().optional(),
  role,
  onBehalfOf: z.string().optional(),
  channel,
  at: iso,
  reminderKey: z.string().optional(),
});

export const sentReminderSchema = z.object({
  key: z.string().min(1),
  milestoneId: z.string(),
  agencyId: z.string(),
  kind: z.enum(["before", "due", "overdue", "manual"]),
  step: z.number(),
  plannedFor: z.string(),
  sentAt: iso,
  sentBy: key.optional(),
});

export const deliverySchema = z.object({
  ref: z.string(),
  chatKey: key,
  result: z.enum(["ok", "blocked", "failed"]),
  messageId: z.string().optional(),
  error: z.string().optional(),
  repeat: z.boolean().optional(),
  intentId: z.string().optional(),
  at: iso,
});

export const unansweredSchema = z.object({
  folded: z.string(),
  example: z.string(),
  count: z.number().int().min(1),
  firstAsked: iso,
  lastAsked: iso,
});

export const questionDaySchema = z.object({
  day: z.string(),
  asked: z.number().int().min(0),
  answered: z.number().int().min(0),
  topics: z.record(z.string(), z.number()),
});
export type QuestionDay = z.infer<typeof questionDaySchema>;

export const runSchema = z.object({ key: z.string(), at: iso, data: z.unknown().optional() });

export const promptSchema = z.object({
  chatKey: key,
  userKey: key.optional(),
  kind: z.enum(["note", "reminder", "bundle"]),
  ref: z.string(),
  items: z.array(z.string()).optional(),
  messageId: z.string().optional(),
  expiresAt: iso,
  createdAt: iso,
});

export const topicSchema = z.object({
  chatKey: key,
  entryId: z.string().min(1),
  question: z.string(),
  lang: z.enum(["vi", "en"]),
  at: iso,
});
export type Topic = z.infer<typeof topicSchema>;

export const listingSchema = z.object({
  id: z.string().min(1),
  chatKey: key,
  userKey: key.optional(),
  family: z.string(),
  options: z.array(z.object({ number: z.number().int().min(1), label: z.string(), payload: z.string() })),
  shown: z.number().int().min(0),
  createdAt: iso,
  shownAt: iso,
  expiresAt: iso,
});

export const answerVersionSchema = z.object({
  action: z.enum(["answer", "link", "edit", "withdraw"]),
  text: z.string().optional(),
  entryId: z.string().optional(),
  by: key,
  byName: z.string(),
  role,
  at: iso,
});

export const coordinatorAnswerSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(["answer", "link"]),
  questions: z.array(unansweredSchema).min(1),
  topic: z.string().min(1),
  versions: z.array(answerVersionSchema).min(1),
});

export const pendingAskerSchema = z.object({
  chatKey: key,
  folded: z.string(),
  question: z.string(),
  askedAt: iso,
  lang: z.enum(["vi", "en"]).optional(),
  answerId: z.string().optional(),
});

export const questionListingSchema = z.object({ chatKey: key, folded: z.array(z.string()), at: iso });

export const askerNoticeSchema = z.object({ chatKey: key, day: z.string(), at: iso });

/** A handled update's key, for de-duplication. */
export const inboundSchema = z.object({ key: z.string(), at: iso });
export type InboundKey = z.infer<typeof inboundSchema>;

/**
 * The main data file (`data/db.json`): small collections that change rarely. `topics`, `askers`, `inbound` and
 * `questionDays` are read from older files only: they live in journals beside it now (see src/store/keyed-journal.ts).
 */
export const mainFileSchema = z.object({
  version: z.literal(SCHEMA_VERSION),
  people: z.array(personSchema),
  invitations: z.array(invitationSchema),
  chats: z.array(chatSchema),
  reminders: z.array(sentReminderSchema),
  unanswered: z.array(unansweredSchema),
  questionDays: z.array(questionDaySchema),
  runs: z.array(runSchema),
  prompts: z.array(promptSchema),
  /** Each chat's last question topic, for follow-ups (added later: older files load with none). */
  topics: z.array(topicSchema).default([]),
  listings: z.array(listingSchema).default([]),
  coordinatorAnswers: z.array(coordinatorAnswerSchema).default([]),
  askers: z.array(pendingAskerSchema).default([]),
  questionListings: z.array(questionListingSchema).default([]),
  askerNotices: z.array(askerNoticeSchema).default([]),
  /** Keys of updates already handled (Zalo: event name + message id), newest last, bounded. */
  inbound: z.array(inboundSchema).default([]),
  /** Messages intended and not yet known to be delivered (see OutboxIntent). */
  intents: z
    .array(
      z.object({
        id: z.string(),
        chatKey: key,
        ref: z.string(),
        covers: z.array(z.string()).optional(),
        text: z.array(z.unknown()),
        at: iso,
        attemptedAt: iso.optional(),
      }),
    )
    .default([]),
});
export type MainFile = z.infer<typeof mainFileSchema>;

/** A segment of an append-only log (statuses, deliveries): at most a fixed number of records. */
export function segmentFileSchema<T extends z.ZodType>(record: T) {
  return z.object({ version: z.literal(SCHEMA_VERSION), records: z.array(record) });
}

/** An empty main file. */
export function emptyMainFile(): MainFile {
  return {
    version: SCHEMA_VERSION,
    people: [],
    invitations: [],
    chats: [],
    reminders: [],
    unanswered: [],
    questionDays: [],
    runs: [],
    prompts: [],
    topics: [],
    listings: [],
    coordinatorAnswers: [],
    askers: [],
    questionListings: [],
    askerNotices: [],
    inbound: [],
    intents: [],
  };
}
