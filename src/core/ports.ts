/**
 * Ports: what the core needs from the outside world, as interfaces.
 * `src/store/` implements the store on lowdb; tests may use the in-memory store.
 * A server database can replace lowdb later by implementing {@link Store}.
 */
import type { Reply } from "./reply.js";

/** Channels the assistant talks on. */
export type ChannelName = "telegram" | "zalo" | "console";

/** The four roles, from least to most powerful (admins come from config, not the store). */
export type Role = "member" | "lead" | "coordinator" | "admin";

/** The four statuses an agency can report for a milestone. */
export type StatusKind = "done" | "on-track" | "at-risk" | "blocked";

/** A chat address: channel plus the channel's chat id, e.g. `telegram:-1001234`. */
export type ChatKey = `${ChannelName}:${string}`;
/** A person's address: channel plus the channel's user id, e.g. `telegram:42`. */
export type UserKey = `${ChannelName}:${string}`;

/** A person with a role granted in the store (leads and coordinators). */
export interface Person {
  userKey: UserKey;
  name: string;
  role: "lead" | "coordinator";
  /** For leads: the agency they lead. */
  agencyId?: string;
  /** Their private chat with the bot, where reminders go. */
  chatKey: ChatKey;
  grantedBy: UserKey;
  grantedAt: string;
  /** Set when a coordinator or admin revoked the role. Revoked people are kept, for attribution. */
  revokedAt?: string;
  revokedBy?: UserKey;
}

/** A one-time invitation. Only the hash of the code is stored. */
export interface Invitation {
  codeHash: string;
  kind: "lead" | "coordinator";
  agencyId?: string;
  createdBy: UserKey;
  createdAt: string;
  expiresAt: string;
  usedBy?: UserKey;
  usedAt?: string;
}

/** A chat the assistant knows: private chats of registered people and agency groups. */
export interface ChatRecord {
  chatKey: ChatKey;
  type: "private" | "group";
  title?: string;
  /** For groups registered to receive an agency's reminders. */
  agencyId?: string;
  registeredBy?: UserKey;
  registeredAt?: string;
  /** False once the chat blocked the bot (Telegram 403). */
  active: boolean;
  inactiveSince?: string;
}

/**
 * One append-only status record. A note added later is a new record of kind `note`
 * pointing at the status it completes (`noteFor`); nothing is ever rewritten.
 */
export interface StatusRecord {
  id: string;
  kind: "status" | "note";
  milestoneId: string;
  agencyId: string;
  /** The status (for a `note` record: the status it completes). */
  status: StatusKind;
  note?: string;
  /** For `note` records: the id of the status record the note belongs to. */
  noteFor?: string;
  userKey: UserKey;
  userName?: string;
  role: Role;
  /** Set when a coordinator or admin recorded it on behalf of the agency. */
  onBehalfOf?: string;
  channel: ChannelName;
  at: string;
  /** The reminder key it answered, if any. */
  reminderKey?: string;
}

/** The latest status of one milestone for one agency, derived from the records. */
export interface LatestStatus {
  milestoneId: string;
  agencyId: string;
  status: StatusKind;
  note?: string;
  at: string;
  role: Role;
  onBehalfOf?: string;
  recordId: string;
}

/** Result of delivering one message to one chat. */
export type DeliveryResult = "ok" | "blocked" | "failed";

/** A reminder that was sent (or attempted), keyed by milestone, agency and ladder step. */
export interface SentReminder {
  /** Deterministic: `${milestoneId}|${agencyId}|${kind}:${step}` (manual ones add the time). */
  key: string;
  milestoneId: string;
  agencyId: string;
  kind: "before" | "due" | "overdue" | "manual";
  step: number;
  /** The day the ladder planned it for (YYYY-MM-DD). */
  plannedFor: string;
  sentAt: string;
  sentBy?: UserKey;
}

/** One delivery attempt's outcome, appended after the send. */
export interface DeliveryRecord {
  /** What was delivered: a reminder key, `escalation|YYYY-MM-DD`, `digest|2025-W23`, `alert|…`. */
  ref: string;
  chatKey: ChatKey;
  result: DeliveryResult;
  messageId?: string;
  error?: string;
  at: string;
}

/** An aggregated question nobody could answer, by folded text. */
export interface UnansweredQuestion {
  folded: string;
  example: string;
  count: number;
  firstAsked: string;
  lastAsked: string;
}

/** Questions asked on one day, for the digest. */
export interface QuestionDay {
  day: string;
  asked: number;
  answered: number;
  /** Count of answered questions per FAQ topic. */
  topics: Record<string, number>;
}

/** A record that a job ran for a period, so a restart never runs it twice (digest per ISO week, escalation per day). */
export interface RunRecord {
  key: string;
  at: string;
  /** Anything the job wants to compare against next time (e.g. the digest snapshot). */
  data?: unknown;
}

/** Something that waits for the user's next message: a note after "at risk"/"blocked", or a bare 1–4 after a reminder. */
export interface PendingPrompt {
  chatKey: ChatKey;
  userKey?: UserKey;
  kind: "note" | "reminder";
  /** For `note`: the status record id. For `reminder`: the reminder key. */
  ref: string;
  /** The message id of the prompt or reminder, for replies. */
  messageId?: string;
  expiresAt: string;
  createdAt: string;
}

/** People and roles. */
export interface PeopleRepo {
  get(userKey: UserKey): Person | undefined;
  /** Active (not revoked) people; with `includeRevoked`, every grant ever made. */
  list(filter?: { role?: Person["role"]; agencyId?: string; includeRevoked?: boolean }): Person[];
  /** Grants a role (replaces an earlier active grant of the same person). */
  grant(person: Person): Promise<void>;
  revoke(userKey: UserKey, by: UserKey, at: string): Promise<boolean>;
}

/** One-time invitations. */
export interface InvitationRepo {
  add(invitation: Invitation): Promise<void>;
  findByHash(codeHash: string): Invitation | undefined;
  /** Marks it used; returns false if it was already used (single use, even under races). */
  markUsed(codeHash: string, by: UserKey, at: string): Promise<boolean>;
  list(): Invitation[];
}

/** Known chats. */
export interface ChatRepo {
  get(chatKey: ChatKey): ChatRecord | undefined;
  upsert(chat: ChatRecord): Promise<void>;
  list(filter?: { agencyId?: string; active?: boolean }): ChatRecord[];
  markInactive(chatKey: ChatKey, at: string): Promise<void>;
  markActive(chatKey: ChatKey): Promise<void>;
}

/** Append-only status records. */
export interface StatusRepo {
  /** Appends a record; resolves once it is on disk. */
  append(record: StatusRecord): Promise<void>;
  get(id: string): StatusRecord | undefined;
  /** All records for a milestone and agency, oldest first. */
  history(milestoneId: string, agencyId: string): StatusRecord[];
  /** The latest status per milestone and agency (notes merged into their status). */
  latest(): LatestStatus[];
  latestFor(milestoneId: string, agencyId: string): LatestStatus | undefined;
  /** Every record, oldest first. */
  all(): readonly StatusRecord[];
  count(): number;
}

/** Sent reminders and delivery outcomes. */
export interface ReminderRepo {
  has(key: string): boolean;
  get(key: string): SentReminder | undefined;
  /** Records the reminder as sent; returns false if the key was already recorded (never send twice). */
  claim(reminder: SentReminder): Promise<boolean>;
  list(): readonly SentReminder[];
  addDelivery(delivery: DeliveryRecord): Promise<void>;
  deliveries(filter?: { ref?: string; since?: string }): readonly DeliveryRecord[];
}

/** Question statistics and unanswered questions (bounded in size). */
export interface QuestionRepo {
  record(q: { folded: string; text: string; answered: boolean; topic?: string; at: string; day: string }): Promise<void>;
  unanswered(limit?: number): UnansweredQuestion[];
  days(from: string, to: string): QuestionDay[];
}

/** Idempotency records of scheduled jobs. */
export interface RunRepo {
  get(key: string): RunRecord | undefined;
  /** Records the run; returns false if the key exists already. */
  claim(run: RunRecord): Promise<boolean>;
  list(prefix?: string): RunRecord[];
}

/** Prompts awaiting the user's next message. */
export interface PromptRepo {
  set(prompt: PendingPrompt): Promise<void>;
  /** The latest unexpired prompt for this chat (and user, if given), optionally of one kind only. */
  find(chatKey: ChatKey, userKey: UserKey | undefined, now: string, kind?: PendingPrompt["kind"]): PendingPrompt | undefined;
  clear(chatKey: ChatKey, ref: string): Promise<void>;
}

/** The topic a chat last asked about, so an elliptical follow-up ("còn Vũng Tàu thì sao?") is read within it. */
export interface TopicRecord {
  chatKey: ChatKey;
  /** The FAQ entry that answered the question. */
  entryId: string;
  /** The question as typed. */
  question: string;
  lang: "vi" | "en";
  at: string;
}

/** Each chat's last topic (one per chat, bounded in number; readers decide how old is too old). */
export interface TopicRepo {
  get(chatKey: ChatKey): TopicRecord | undefined;
  set(topic: TopicRecord): Promise<void>;
}

/** The whole store. Reads are synchronous (data is in memory); writes resolve once on disk. */
export interface Store {
  readonly people: PeopleRepo;
  readonly invitations: InvitationRepo;
  readonly chats: ChatRepo;
  readonly statuses: StatusRepo;
  readonly reminders: ReminderRepo;
  readonly questions: QuestionRepo;
  readonly runs: RunRepo;
  readonly prompts: PromptRepo;
  readonly topics: TopicRepo;
  /** Waits for every pending write. */
  flush(): Promise<void>;
}

/** A message to send to a chat other than the one being answered (reminders, alerts, digests). */
export interface OutgoingMessage {
  chatKey: ChatKey;
  reply: Reply;
  /** What this is, for delivery records (a reminder key, `alert|…`, `digest|…`). */
  ref: string;
}

/** The outcome of one outgoing message. */
export interface SendResult {
  chatKey: ChatKey;
  result: DeliveryResult;
  messageId?: string;
  error?: string;
}

/** Sends messages to chats, within the channel's rate limits. Implemented by each channel. */
export interface Outbox {
  send(messages: OutgoingMessage[]): Promise<SendResult[]>;
}

/** The minimal logger the core uses (pino satisfies it). */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
