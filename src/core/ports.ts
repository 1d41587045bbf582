/**
 * Ports: what the core needs from the outside world, as interfaces.
 * `src/store/` implements the store on lowdb; tests may use the in-memory store.
 * `src/store/postgres/` implements it on PostgreSQL (chosen by DATABASE_URL). Every read returns a promise,
 * so a store that is not in memory can serve it.
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
  /** `admin` is granted in the store only by the one-time first-admin code; other admins come from ADMIN_IDS. */
  role: "lead" | "coordinator" | "admin";
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
  /** `admin`: the one-time first-admin code printed at start-up when no admin is configured. */
  kind: "lead" | "coordinator" | "admin";
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

/** One (milestone × agency) pair. */
export interface PairRef {
  milestoneId: string;
  agencyId: string;
}

/**
 * What the digest and the board read of the status log at one moment, instead of every record: a store answers it
 * from an index (a province holds about a million records, a few thousand pairs).
 */
export interface StatusPicture {
  /** The latest status per pair among records at or before `until`, notes merged by the rule of {@link StatusRepo.latest}. */
  latest: LatestStatus[];
  /** Each pair, once, with a record (a status or a note) at or after `since` and at or before `until`. */
  active: PairRef[];
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
  /** Set when this was a message sent again after a restart, marked "(gửi lại)". */
  repeat?: boolean;
  /**
   * The intent whose send this records, so recovery knows exactly which messages went out: a digest sends several
   * messages with one ref to one chat. Absent in records written before it was kept.
   */
  intentId?: string;
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

/**
 * Something that waits for the user's next message: a note after "at risk"/"blocked", a bare 1–4 after
 * a reminder, or "A 1", "B 4 …" after a day's bundled reminders (Zalo).
 */
export interface PendingPrompt {
  chatKey: ChatKey;
  userKey?: UserKey;
  kind: "note" | "reminder" | "bundle";
  /** For `note`: the status record id. For `reminder`: the reminder key. For `bundle`: the bundle's ref. */
  ref: string;
  /** For `bundle`: the reminder keys of items A, B, C… in order. */
  items?: string[];
  /** The message id of the prompt or reminder, for replies. */
  messageId?: string;
  expiresAt: string;
  createdAt: string;
}

/** One numbered option of a {@link Listing}: what the person reads, and the command line it runs. */
export interface ListingOption {
  number: number;
  label: string;
  /** A command line without the slash, as a button payload (e.g. `tt email-accounts sokhcn-hcm 2`). */
  payload: string;
}

/**
 * Numbered options shown on a channel without buttons, with an identity. A typed number refers to
 * the chat's newest listing until it expires; listings of the same `family` keep an option's number,
 * so a number never comes to mean another item while an earlier listing that showed it is still valid.
 */
export interface Listing {
  id: string;
  chatKey: ChatKey;
  userKey?: UserKey;
  /** What produced it (the command line), e.g. `viec @sokhcn-hcm`; numbers are stable within a family. */
  family: string;
  options: ListingOption[];
  /** How many options have been shown so far (the rest come with "thêm"). */
  shown: number;
  createdAt: string;
  /** When options were last shown (creation, or the latest "thêm"). */
  shownAt: string;
  expiresAt: string;
}

/** Numbered listings of channels without buttons. */
export interface ListingRepo {
  /** Stores a new listing; drops listings long expired and keeps a bounded number per chat. */
  add(listing: Listing): Promise<void>;
  /**
   * Makes a new listing from the chat's unexpired listings of one family (newest first) and stores it as {@link add}
   * does, in one step: no listing of the chat is added in between, so two made at once still number alike.
   *
   * ```ts
   * const listing = await listings.addToFamily({ chatKey, family: "viec", now }, (family) => numberFrom(family));
   * ```
   */
  addToFamily(target: { chatKey: ChatKey; family: string; now: string }, make: (family: readonly Listing[]) => Listing): Promise<Listing>;
  /** Replaces a stored listing (e.g. after "thêm" showed more of it). */
  update(listing: Listing): Promise<void>;
  /** The newest listing of this chat (and user, if given), expired or not: the caller tells the person when it expired. */
  latest(chatKey: ChatKey, userKey: UserKey | undefined): Promise<Listing | undefined>;
  /** Unexpired listings of one family in this chat, newest first. */
  family(chatKey: ChatKey, family: string, now: string): Promise<Listing[]>;
}

/**
 * One step in the life of a coordinator answer. Versions are only ever appended: the current text is
 * the latest `answer`/`edit`, and a `withdraw` retires the answer without erasing what was said.
 */
export interface AnswerVersion {
  action: "answer" | "link" | "edit" | "withdraw";
  /** The answer text (for `answer` and `edit`). */
  text?: string;
  /** The FAQ entry the question was attached to (for `link`). */
  entryId?: string;
  by: UserKey;
  byName: string;
  role: Role;
  at: string;
}

/**
 * What a coordinator did with questions the assistant could not answer (`/giaidap`): either an answer
 * of their own (`kind: "answer"`), or a link making the questions new ways of asking an existing FAQ entry.
 */
export interface CoordinatorAnswer {
  /** Short and typed by coordinators: `gd1`, `gd2`, … */
  id: string;
  kind: "answer" | "link";
  /** The unanswered questions it resolved (the first is the one chosen from /cauhoi), as they were then. */
  questions: UnansweredQuestion[];
  /** The FAQ topic it is grouped under (digest, export). */
  topic: string;
  /** Oldest first; at least one. */
  versions: AnswerVersion[];
}

/**
 * Someone waiting to hear back about a question nobody could answer yet. Only what notifying needs is
 * kept: the person's own chat and their question. Deleted once they are told, or after 30 days.
 */
export interface PendingAsker {
  chatKey: ChatKey;
  /** The folded question (the key of {@link UnansweredQuestion}). */
  folded: string;
  /** Their own words. */
  question: string;
  askedAt: string;
  lang?: "vi" | "en";
  /** Set once a coordinator answered it: the answer to send (an answer in force that resolved this question). */
  answerId?: string;
}

/** The numbered list of unanswered questions last shown in a chat, so `/giaidap 3` means what the coordinator saw. */
export interface QuestionListing {
  chatKey: ChatKey;
  folded: string[];
  at: string;
}

/** People and roles. */
export interface PeopleRepo {
  get(userKey: UserKey): Promise<Person | undefined>;
  /** Active (not revoked) people; with `includeRevoked`, every grant ever made. */
  list(filter?: { role?: Person["role"]; agencyId?: string; includeRevoked?: boolean }): Promise<Person[]>;
  /** Grants a role (replaces an earlier active grant of the same person). */
  grant(person: Person): Promise<void>;
  revoke(userKey: UserKey, by: UserKey, at: string): Promise<boolean>;
}

/** One-time invitations. */
export interface InvitationRepo {
  add(invitation: Invitation): Promise<void>;
  findByHash(codeHash: string): Promise<Invitation | undefined>;
  /** Marks it used; returns false if it was already used (single use, even under races). */
  markUsed(codeHash: string, by: UserKey, at: string): Promise<boolean>;
  list(): Promise<Invitation[]>;
}

/** Known chats. */
export interface ChatRepo {
  get(chatKey: ChatKey): Promise<ChatRecord | undefined>;
  upsert(chat: ChatRecord): Promise<void>;
  /** Stores the chat only if it is unknown, in one step; resolves false (changing nothing) when it was known. */
  add(chat: ChatRecord): Promise<boolean>;
  /**
   * Changes some fields of a chat in one step, keeping the others (a concurrent change to them is not lost); a field
   * given as `undefined` is removed. An unknown chat is created (`type` "private" and `active` true unless given).
   */
  merge(chatKey: ChatKey, patch: Partial<Omit<ChatRecord, "chatKey">>): Promise<void>;
  list(filter?: { agencyId?: string; active?: boolean }): Promise<ChatRecord[]>;
  markInactive(chatKey: ChatKey, at: string): Promise<void>;
  markActive(chatKey: ChatKey): Promise<void>;
}

/** Append-only status records. */
export interface StatusRepo {
  /** Appends a record; resolves once it is on disk. */
  append(record: StatusRecord): Promise<void>;
  get(id: string): Promise<StatusRecord | undefined>;
  /** All records for a milestone and agency, oldest first. */
  history(milestoneId: string, agencyId: string): Promise<StatusRecord[]>;
  /** The latest status per milestone and agency (notes merged into their status). */
  latest(): Promise<LatestStatus[]>;
  latestFor(milestoneId: string, agencyId: string): Promise<LatestStatus | undefined>;
  /**
   * The picture as of `until` (ISO; records after it do not count), with the pairs active since `since`:
   * what `latest()` and a scan of `all()` would give, without reading every record.
   *
   * ```ts
   * const { latest, active } = await store.statuses.picture({ since: twoWeeksAgo, until: now.toISOString() });
   * ```
   */
  picture(window: { since: string; until: string }): Promise<StatusPicture>;
  /** Every record, oldest first. */
  all(): Promise<readonly StatusRecord[]>;
  count(): Promise<number>;
}

/**
 * A message the assistant decided to send and has not yet seen delivered: written before the send
 * (in the same write as the claim of what it delivers), removed once the outcome is recorded. One left
 * over after a crash is sent again, marked "(gửi lại)", so nothing intended is silently dropped.
 */
export interface OutboxIntent {
  id: string;
  chatKey: ChatKey;
  /** What it delivers (a reminder key, `digest|…`, `alert|…`, `escalation|…`, `bundle|…`). */
  ref: string;
  /** For a message that carries several reminders (a Zalo bundle): their keys; outcomes are recorded per key. */
  covers?: string[];
  /** The text to send again if the process stops before the outcome is known (attachments are not kept). */
  text: Reply["text"];
  at: string;
  /**
   * Set (durably) just before the message was handed to the messenger. Only an intent with it may have reached the
   * person: after a crash, those are sent again marked "(gửi lại)", the others go out as first copies.
   */
  attemptedAt?: string;
}

/** Messages intended and not yet known to be delivered. */
export interface IntentRepo {
  add(intents: readonly OutboxIntent[]): Promise<void>;
  /**
   * Marks an intent attempted ({@link OutboxIntent.attemptedAt}), resolving once that is durable: call it right before
   * the send. Keeps the first mark; an unknown id (already done) is ignored. One small write per message.
   */
  attempt(id: string, at: string): Promise<void>;
  /** Removes intents whose outcome is recorded. */
  done(ids: readonly string[]): Promise<void>;
  list(): Promise<readonly OutboxIntent[]>;
}

/** Sent reminders and delivery outcomes. */
export interface ReminderRepo {
  has(key: string): Promise<boolean>;
  get(key: string): Promise<SentReminder | undefined>;
  /**
   * Records the reminders as sent, with the intents of the messages that deliver them, in one write.
   * Returns false, writing nothing, if any key was already recorded (never send twice).
   */
  claim(reminder: SentReminder | readonly SentReminder[], intents?: readonly OutboxIntent[]): Promise<boolean>;
  list(): Promise<readonly SentReminder[]>;
  addDelivery(delivery: DeliveryRecord): Promise<void>;
  deliveries(filter?: { ref?: string; since?: string }): Promise<readonly DeliveryRecord[]>;
}

/** Question statistics and unanswered questions (bounded in size). */
export interface QuestionRepo {
  record(q: { folded: string; text: string; answered: boolean; topic?: string; at: string; day: string }): Promise<void>;
  unanswered(limit?: number): Promise<UnansweredQuestion[]>;
  days(from: string, to: string): Promise<QuestionDay[]>;
}

/** Coordinator answers and links, with their append-only history, and the numbered listings shown. */
export interface CoordinatorAnswerRepo {
  list(): Promise<readonly CoordinatorAnswer[]>;
  get(id: string): Promise<CoordinatorAnswer | undefined>;
  /**
   * Stores a new answer under the next free id, and in the same write removes its questions from the
   * unanswered list and points their waiting askers at it.
   */
  add(answer: Omit<CoordinatorAnswer, "id">): Promise<CoordinatorAnswer>;
  /**
   * Appends a version. Withdrawing puts the answer's questions back among the unanswered and
   * detaches the askers not yet told. Returns undefined when the id is unknown.
   */
  append(id: string, version: AnswerVersion): Promise<CoordinatorAnswer | undefined>;
  setListing(listing: QuestionListing): Promise<void>;
  listing(chatKey: ChatKey): Promise<QuestionListing | undefined>;
}

/** People waiting to hear back, and the per-day notice record that caps channels with a quota. */
export interface AskerRepo {
  /** Adds an asker; the same chat asking the same folded question again is kept once. */
  add(asker: PendingAsker): Promise<void>;
  list(): Promise<readonly PendingAsker[]>;
  /**
   * Removes and returns this chat's askers for the given answers. Removal happens before the write is
   * awaited, so two concurrent runs never take the same asker: each is told at most once.
   */
  take(chatKey: ChatKey, answerIds: readonly string[]): Promise<PendingAsker[]>;
  /** Puts askers back (a delivery that failed and will be retried). */
  restore(askers: readonly PendingAsker[]): Promise<void>;
  /** Deletes askers who asked before `before` (ISO); returns how many. */
  prune(before: string): Promise<number>;
  /** Records that `chatKey` got its notice of `day`; false if it had one already (same-tick safe). */
  claimNotice(chatKey: ChatKey, day: string, at: string): Promise<boolean>;
  releaseNotice(chatKey: ChatKey, day: string): Promise<void>;
}

/** Idempotency records of scheduled jobs. */
export interface RunRepo {
  get(key: string): Promise<RunRecord | undefined>;
  /** Records the run, with the intents of the messages it sends, in one write; returns false (writing nothing) if the key exists already. */
  claim(run: RunRecord, intents?: readonly OutboxIntent[]): Promise<boolean>;
  list(prefix?: string): Promise<RunRecord[]>;
}

/** Prompts awaiting the user's next message. */
export interface PromptRepo {
  set(prompt: PendingPrompt): Promise<void>;
  /** The latest unexpired prompt for this chat (and user, if given), optionally of one kind only. */
  find(chatKey: ChatKey, userKey: UserKey | undefined, now: string, kind?: PendingPrompt["kind"]): Promise<PendingPrompt | undefined>;
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
  get(chatKey: ChatKey): Promise<TopicRecord | undefined>;
  set(topic: TopicRecord): Promise<void>;
}

/**
 * Updates and button presses already handled, so a redelivered update or a repeated press has one effect,
 * also across a restart. Bounded in size: the oldest keys are forgotten first.
 */
export interface InboundRepo {
  /**
   * Records the key and resolves true once that is on disk; resolves false, recording nothing, if it was recorded
   * before (within the last `withinMs` before `at`, when given: a repeated button press).
   */
  claim(key: string, at: string, withinMs?: number): Promise<boolean>;
}

/** The whole store. Reads resolve with the data; writes resolve once the change is durable (on disk or committed). */
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
  readonly listings: ListingRepo;
  readonly answers: CoordinatorAnswerRepo;
  readonly askers: AskerRepo;
  readonly inbound: InboundRepo;
  readonly intents: IntentRepo;
  /** Waits for every pending write. */
  flush(): Promise<void>;
}

/** A store that can be closed: flushes writes and releases the file lock or the database connections. */
export interface ClosableStore extends Store {
  close(): Promise<void>;
  /** Whether changes can be saved now (not read-only, lock or connection held, last write did not fail): for health checks. */
  writable(): boolean;
  /**
   * Crash tests only: stops everything as a killed process would, without flushing or releasing the lock,
   * which another opener can take over once it is stale (after `lockStaleMs`).
   */
  abandon(): Promise<void>;
}

/**
 * Which of several instances sharing one store runs the scheduled jobs. With the embedded file store
 * there is one process (the file lock sees to that), so it always leads; with PostgreSQL an advisory
 * lock held on one connection decides, and another instance takes over when that connection is gone.
 */
export interface Leadership {
  /** Tries to hold the scheduler lease (or confirms it is still held); resolves true while this instance holds it. */
  tryAcquire(): Promise<boolean>;
  /** Whether this instance held the lease at the last check and has not lost its connection since. */
  held(): boolean;
  /** Gives the lease up (at shutdown), so another instance can take over at once. */
  release(): Promise<void>;
}

/** A message to send to a chat other than the one being answered (reminders, alerts, digests). */
export interface OutgoingMessage {
  chatKey: ChatKey;
  reply: Reply;
  /** What this is, for delivery records (a reminder key, `alert|…`, `digest|…`). */
  ref: string;
  /**
   * Awaited by the outbox right before it hands the message to the messenger (once, not again for a retry after a
   * 429): the delivery marks its intent attempted here. When it rejects, the message is not sent and counts as failed.
   */
  beforeSend?: () => Promise<void>;
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
