import { dirname } from "node:path";
import type {
  ChatRecord,
  DeliveryRecord,
  LatestStatus,
  Listing,
  OutboxIntent,
  PairRef,
  PendingAsker,
  PendingPrompt,
  SentReminder,
  ClosableStore,
  StatusRecord,
  UnansweredQuestion,
} from "../core/ports.js";
import { StoreWriteError } from "../core/errors.js";
import { coalesceWrites } from "./coalesce.js";
import { type Backing, type DurableLow, ensureFolder, openLow, type WriteOptions } from "./files.js";
import { acquireLock, type HeldLock } from "./lock.js";
import { askerKey, createHelpDeskRepos, HELP_DESK_LIMITS } from "./help-desk.js";
import { KeyedJournal } from "./keyed-journal.js";
import {
  deliverySchema,
  emptyMainFile,
  inboundSchema,
  type InboundKey,
  type MainFile,
  mainFileSchema,
  pendingAskerSchema,
  type QuestionDay,
  questionDaySchema,
  statusRecordSchema,
  type Topic,
  topicSchema,
} from "./schema.js";
import { SegmentLog } from "./segment-log.js";

/** Limits that keep the data file bounded whatever people type. */
export const LIMITS = {
  /** Distinct unanswered questions kept; the least asked, oldest ones are dropped first. */
  unanswered: 500,
  /** Days of question statistics kept. */
  questionDays: 400,
  /** Longest example text kept per unanswered question. */
  exampleLength: 300,
  /** Chats whose last topic is remembered; the oldest are forgotten first. */
  topics: 2000,
  /** Numbered listings kept per chat (the newest). */
  listingsPerChat: 10,
  /** How long an expired listing is kept, so a late number can be told it expired. */
  listingGraceMs: 7 * 24 * 60 * 60 * 1000,
  /** Handled update keys remembered for de-duplication (the oldest are forgotten first). */
  inbound: 5000,
};

/** Options of {@link openStore}. */
export interface StoreOptions {
  /** The main data file (e.g. `data/db.json`), or `":memory:"` for a store that is never written to disk. */
  file: string;
  /**
   * Open for reading only (e.g. the CLI's digest while the bot runs): no lock is taken,
   * nothing is ever written, and every change is refused.
   */
  readOnly?: boolean;
  /** fsync every acknowledged write, file and folder (default true). Off only for benchmarks that compare the cost. */
  fsync?: boolean;
  /** Test hook: called before every file write; throwing from it fails that write as a full disk would. */
  beforeWrite?: WriteOptions["beforeWrite"];
  /** How long a lock without heartbeat counts as held (default 10 s); see src/store/lock.ts. */
  lockStaleMs?: number;
  /**
   * Called once if another process took the data file's lock over (this one froze for longer than the stale time).
   * From then on every change is refused; the caller should stop the process.
   */
  onLockLost?: (error: Error) => void;
}

/** Re-exported for the callers that open a store here. */
export type { ClosableStore } from "../core/ports.js";

/**
 * Opens the lowdb-backed store. The main file holds small collections; status records and
 * delivery outcomes are append-only logs in segment folders beside it (`db.statuses/`, `db.deliveries/`).
 * Refuses, without writing anything, a file that is corrupt or of another schema version.
 */
export async function openStore(options: StoreOptions): Promise<ClosableStore> {
  const memory = options.file === ":memory:";
  const base = options.file.replace(/\.json$/i, "");
  const backing = (path: string): Backing => (memory ? { kind: "memory" } : { kind: "file", path });
  const readOnly = options.readOnly ?? false;
  const io: WriteOptions = { fsync: options.fsync, beforeWrite: options.beforeWrite };
  let lock: HeldLock | undefined;
  if (!memory && !readOnly) {
    await ensureFolder(dirname(options.file));
    lock = await acquireLock(options.file, { staleMs: options.lockStaleMs, onCompromised: (error) => options.onLockLost?.(error) });
  }
  try {
    const main = await openLow<MainFile>(backing(options.file), mainFileSchema, emptyMainFile, { pretty: true, readOnly, ...io });
    const statusLog = await SegmentLog.open<StatusRecord>(backing(`${base}.statuses`), statusRecordSchema, { readOnly, ...io });
    const deliveryLog = await SegmentLog.open<DeliveryRecord>(backing(`${base}.deliveries`), deliverySchema, { readOnly, ...io });
    const journals = await openJournals(main, (name) => backing(`${base}.${name}.jsonl`), { readOnly, ...io });
    return createStore({ main, statusLog, deliveryLog, journals, lock, readOnly, file: options.file });
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

/** The collections that change with nearly every message, each in its own journal beside the main file. */
export interface Journals {
  topics: KeyedJournal<Topic>;
  inbound: KeyedJournal<InboundKey>;
  askers: KeyedJournal<PendingAsker>;
  questionDays: KeyedJournal<QuestionDay>;
}

/**
 * Opens the journals (`db.topics.jsonl`, `db.inbound.jsonl`, `db.askers.jsonl`, `db.questionDays.jsonl`). A data file written before they
 * existed holds these collections itself: they are moved into the journals (written first) and only then out of
 * the main file, so a crash in between leaves them in both places, which the next start merges again.
 */
export async function openJournals(
  main: DurableLow<MainFile>,
  backing: (name: string) => Backing,
  options: { readOnly: boolean } & WriteOptions,
): Promise<Journals> {
  const journals: Journals = {
    topics: await KeyedJournal.open(backing("topics"), topicSchema, { ...options, name: "topics", keyOf: (t) => t.chatKey, cap: LIMITS.topics }),
    inbound: await KeyedJournal.open(backing("inbound"), inboundSchema, { ...options, name: "inbound", keyOf: (p) => p.key, cap: LIMITS.inbound }),
    askers: await KeyedJournal.open(backing("askers"), pendingAskerSchema, { ...options, name: "askers", keyOf: askerKey, cap: HELP_DESK_LIMITS.askers }),
    questionDays: await KeyedJournal.open(backing("questionDays"), questionDaySchema, { ...options, name: "questionDays", keyOf: (d) => d.day, cap: LIMITS.questionDays, victim: earliestKey }),
  };
  const data = main.data;
  const legacy = data.topics.length + data.inbound.length + data.askers.length + data.questionDays.length > 0;
  if (!legacy) return journals;
  journals.topics.seed(data.topics);
  journals.inbound.seed(data.inbound);
  journals.askers.seed(data.askers);
  journals.questionDays.seed([...data.questionDays].sort((a, b) => a.day.localeCompare(b.day)));
  if (options.readOnly) return journals;
  await Promise.all(Object.values(journals).map((j: KeyedJournal<unknown>) => j.compact()));
  data.topics = [];
  data.inbound = [];
  data.askers = [];
  data.questionDays = [];
  try {
    await main.write();
  } catch (error) {
    main.rollback();
    throw error;
  }
  return journals;
}

/** The smallest key (for days, the earliest). */
function earliestKey(live: ReadonlyMap<string, unknown>): string {
  let min: string | undefined;
  for (const k of live.keys()) if (min === undefined || k < min) min = k;
  return min!;
}

interface Parts {
  main: DurableLow<MainFile>;
  statusLog: SegmentLog<StatusRecord>;
  deliveryLog: SegmentLog<DeliveryRecord>;
  journals: Journals;
  lock: HeldLock | undefined;
  readOnly: boolean;
  file: string;
}

function createStore({ main, statusLog, deliveryLog, journals, lock, readOnly, file }: Parts): ClosableStore {
  const data = main.data;
  let lastWriteFailed = false;
  // Writes of the main file are serialized and coalesced: concurrent changes share one write. A failed write
  // puts memory back as it is on disk, so the change is gone and trying again records it once.
  const writer = coalesceWrites(() => main.write(), {
    onFailure: () => main.rollback(),
  });
  const tracked = async (write: Promise<void>): Promise<void> => {
    try {
      await write;
      lastWriteFailed = false;
    } catch (error) {
      lastWriteFailed = true;
      throw error instanceof StoreWriteError ? error : new StoreWriteError(`store: could not save a change to ${file} (${(error as Error).message})`, { cause: error });
    }
  };
  const refusal = (): Error | undefined => {
    if (readOnly) return new Error("store: this store was opened read-only; open it without readOnly to change it");
    if (lock && !lock.held) return new StoreWriteError(`store: ${file} is no longer locked by this process (another process took it over); changes are refused. Stop this process.`);
    return undefined;
  };
  const save = (): Promise<void> => {
    const refused = refusal();
    if (refused) {
      main.rollback();
      return Promise.reject(refused);
    }
    return tracked(writer.write());
  };
  /** Makes a journal change, if the store may change now; its failure is reported as the main file's. */
  const journalled = (change: () => Promise<void>): Promise<void> => {
    const refused = refusal();
    return refused ? Promise.reject(refused) : tracked(change());
  };
  const appendTo = <T>(log: SegmentLog<T>, record: T): Promise<void> => {
    const refused = refusal();
    if (refused) return Promise.reject(refused);
    return tracked(log.append(record));
  };

  let statusIndex = createStatusIndex(statusLog.all());
  const insertListing = (listing: Listing) => {
    const cutoff = new Date(new Date(listing.createdAt).getTime() - LIMITS.listingGraceMs).toISOString();
    const kept = data.listings.filter((l) => l.expiresAt > cutoff);
    const own = kept.filter((l) => l.chatKey === listing.chatKey).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const dropped = new Set(own.slice(LIMITS.listingsPerChat - 1).map((l) => l.id));
    data.listings = [...kept.filter((l) => !dropped.has(l.id)), listing];
  };
  const helpDesk = createHelpDeskRepos(data, save, journals.askers, journalled);

  const store: ClosableStore = {
    people: {
      get: async (userKey) => data.people.find((p) => p.userKey === userKey && !p.revokedAt),
      list: async (filter = {}) =>
        data.people.filter(
          (p) =>
            (filter.includeRevoked === true || !p.revokedAt) &&
            (filter.role === undefined || p.role === filter.role) &&
            (filter.agencyId === undefined || p.agencyId === filter.agencyId),
        ),
      async grant(person) {
        for (const p of data.people) {
          if (p.userKey === person.userKey && !p.revokedAt) {
            p.revokedAt = person.grantedAt;
            p.revokedBy = person.grantedBy;
          }
        }
        data.people.push(person);
        await save();
      },
      async revoke(userKey, by, at) {
        const p = data.people.find((x) => x.userKey === userKey && !x.revokedAt);
        if (!p) return false;
        p.revokedAt = at;
        p.revokedBy = by;
        await save();
        return true;
      },
    },
    invitations: {
      async add(invitation) {
        data.invitations.push(invitation);
        await save();
      },
      findByHash: async (codeHash) => data.invitations.find((i) => i.codeHash === codeHash),
      async markUsed(codeHash, by, at) {
        const inv = data.invitations.find((i) => i.codeHash === codeHash);
        if (!inv || inv.usedAt) return false;
        inv.usedAt = at;
        inv.usedBy = by;
        await save();
        return true;
      },
      list: async () => data.invitations,
    },
    chats: {
      get: async (chatKey) => data.chats.find((c) => c.chatKey === chatKey),
      list: async (filter = {}) =>
        data.chats.filter(
          (c) =>
            (filter.agencyId === undefined || c.agencyId === filter.agencyId) &&
            (filter.active === undefined || c.active === filter.active),
        ),
      async upsert(chat: ChatRecord) {
        const i = data.chats.findIndex((c) => c.chatKey === chat.chatKey);
        if (i >= 0) data.chats[i] = chat;
        else data.chats.push(chat);
        await save();
      },
      async add(chat) {
        if (data.chats.some((c) => c.chatKey === chat.chatKey)) return false;
        data.chats.push(chat);
        await save();
        return true;
      },
      async merge(chatKey, patch) {
        let chat = data.chats.find((c) => c.chatKey === chatKey);
        if (!chat) {
          chat = { chatKey, type: "private", active: true };
          data.chats.push(chat);
        }
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined) delete (chat as unknown as Record<string, unknown>)[k];
          else (chat as unknown as Record<string, unknown>)[k] = v;
        }
        await save();
      },
      async markInactive(chatKey, at) {
        const chat = data.chats.find((c) => c.chatKey === chatKey);
        if (chat) {
          chat.active = false;
          chat.inactiveSince = at;
        } else {
          data.chats.push({ chatKey, type: "private", active: false, inactiveSince: at });
        }
        await save();
      },
      async markActive(chatKey) {
        const chat = data.chats.find((c) => c.chatKey === chatKey);
        if (!chat || chat.active) return;
        chat.active = true;
        delete chat.inactiveSince;
        await save();
      },
    },
    statuses: {
      async append(record) {
        statusIndex.add(record);
        try {
          await appendTo(statusLog, record);
        } catch (error) {
          // The log took back what it could not write; the indexes follow it.
          statusIndex = createStatusIndex(statusLog.all());
          throw error;
        }
      },
      get: async (id) => statusIndex.byId.get(id),
      history: async (milestoneId, agencyId) => statusIndex.history.get(pairKey(milestoneId, agencyId)) ?? [],
      latest: async () => [...statusIndex.latest.values()],
      latestFor: async (milestoneId, agencyId) => statusIndex.latest.get(pairKey(milestoneId, agencyId)),
      async picture({ since, until }) {
        // Nothing recorded after `until` (the digest of now): the indexes are the picture. Otherwise (a digest of
        // an earlier day) the records up to `until` are indexed again.
        const index = statusIndex.maxAt <= until ? statusIndex : createStatusIndex(statusLog.all().filter((r) => r.at <= until));
        const active: PairRef[] = [];
        for (const [k, lastAt] of index.lastAt) {
          if (lastAt >= since) active.push(unpackPair(k));
        }
        return { latest: [...index.latest.values()], active };
      },
      all: async () => statusLog.all(),
      count: async () => statusLog.all().length,
    },
    reminders: {
      has: async (key) => data.reminders.some((r) => r.key === key),
      get: async (key) => data.reminders.find((r) => r.key === key),
      async claim(reminder, intents = []) {
        const list = Array.isArray(reminder) ? reminder : [reminder as SentReminder];
        const keys = new Set(list.map((r) => r.key));
        if (keys.size !== list.length || data.reminders.some((r) => keys.has(r.key))) return false;
        data.reminders.push(...list);
        data.intents.push(...intents);
        await save();
        return true;
      },
      list: async () => data.reminders,
      async addDelivery(delivery) {
        await appendTo(deliveryLog, delivery);
      },
      deliveries: async (filter = {}) =>
        deliveryLog
          .all()
          .filter((d) => (filter.ref === undefined || d.ref === filter.ref) && (filter.since === undefined || d.at >= filter.since)),
    },
    questions: {
      async record(q) {
        // The day's counts are a journal line; only an unanswered question rewrites the main file (once it is saved,
        // so a failed save leaves the day's counts as they were).
        if (!q.answered && q.folded.length > 0) {
          recordUnanswered(data.unanswered, q.folded, q.text, q.at);
          await save();
        }
        const day = journals.questionDays.get(q.day) ?? { day: q.day, asked: 0, answered: 0, topics: {} };
        const topics = q.answered && q.topic ? { ...day.topics, [q.topic]: (day.topics[q.topic] ?? 0) + 1 } : day.topics;
        await journalled(() => journals.questionDays.put({ day: q.day, asked: day.asked + 1, answered: day.answered + (q.answered ? 1 : 0), topics }));
      },
      unanswered: async (limit = 10) =>
        [...data.unanswered].sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked)).slice(0, limit),
      days: async (from, to) =>
        journals.questionDays
          .values()
          .filter((d) => d.day >= from && d.day <= to)
          .sort((a, b) => a.day.localeCompare(b.day)),
    },
    runs: {
      get: async (key) => data.runs.find((r) => r.key === key),
      async claim(run, intents = []) {
        if (data.runs.some((r) => r.key === run.key)) return false;
        data.runs.push(run);
        data.intents.push(...intents);
        await save();
        return true;
      },
      list: async (prefix = "") => data.runs.filter((r) => r.key.startsWith(prefix)),
    },
    prompts: {
      async set(prompt: PendingPrompt) {
        // Drop expired prompts and any earlier prompt of the same chat and user: one pending prompt at a time.
        data.prompts = data.prompts.filter(
          (p) => p.expiresAt > prompt.createdAt && !(p.chatKey === prompt.chatKey && p.userKey === prompt.userKey && p.kind === prompt.kind),
        );
        data.prompts.push(prompt);
        await save();
      },
      async find(chatKey, userKey, now, kind) {
        const candidates = data.prompts.filter(
          (p) =>
            p.chatKey === chatKey &&
            p.expiresAt > now &&
            (kind === undefined || p.kind === kind) &&
            (p.userKey === undefined || userKey === undefined || p.userKey === userKey),
        );
        return candidates.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      },
      async clear(chatKey, ref) {
        const before = data.prompts.length;
        data.prompts = data.prompts.filter((p) => !(p.chatKey === chatKey && p.ref === ref));
        if (data.prompts.length !== before) await save();
      },
    },
    topics: {
      get: async (chatKey) => journals.topics.get(chatKey),
      set: (topic) => journalled(() => journals.topics.put({ ...topic, question: topic.question.slice(0, LIMITS.exampleLength) })),
    },
    listings: {
      async add(listing) {
        insertListing(listing);
        await save();
      },
      async addToFamily({ chatKey, family, now }, make) {
        // Read, make and insert in one synchronous step: no other listing can come in between.
        const listing = make(data.listings.filter((l) => l.chatKey === chatKey && l.family === family && l.expiresAt > now).reverse());
        insertListing(listing);
        await save();
        return listing;
      },
      async update(listing) {
        const i = data.listings.findIndex((l) => l.id === listing.id);
        if (i < 0) return;
        data.listings[i] = listing;
        await save();
      },
      // Listings are appended in the order they were shown, so the last match is the newest, even at one instant.
      latest: async (chatKey, userKey) =>
        data.listings.findLast((l) => l.chatKey === chatKey && (l.userKey === undefined || userKey === undefined || l.userKey === userKey)),
      family: async (chatKey, family, now) => data.listings.filter((l) => l.chatKey === chatKey && l.family === family && l.expiresAt > now).reverse(),
    },
    answers: helpDesk.answers,
    askers: helpDesk.askers,
    intents: {
      async add(intents) {
        if (intents.length === 0) return;
        data.intents.push(...intents);
        await save();
      },
      async attempt(id, at) {
        const intent = data.intents.find((i) => i.id === id);
        if (!intent || intent.attemptedAt !== undefined) return;
        intent.attemptedAt = at;
        await save();
      },
      async done(ids) {
        const gone = new Set(ids);
        const before = data.intents.length;
        data.intents = data.intents.filter((i) => !gone.has(i.id));
        if (data.intents.length !== before) await save();
      },
      list: async () => data.intents as OutboxIntent[],
    },
    inbound: {
      async claim(key, at, withinMs) {
        const seen = journals.inbound.get(key);
        if (seen && (withinMs === undefined || Date.parse(at) - Date.parse(seen.at) < withinMs)) return false;
        await journalled(() => journals.inbound.put({ key, at }));
        return true;
      },
    },
    async flush() {
      await writer.idle();
      await Promise.all([statusLog.flush(), deliveryLog.flush(), ...Object.values(journals).map((j: KeyedJournal<unknown>) => j.flush())]);
    },
    async close() {
      await store.flush();
      await lock?.release();
    },
    async abandon() {
      await lock?.abandon();
    },
    writable: () => !readOnly && (lock === undefined || lock.held) && !lastWriteFailed,
  };
  return store;
}

function pairKey(milestoneId: string, agencyId: string): string {
  return `${milestoneId}|${agencyId}`;
}

function unpackPair(key: string): PairRef {
  // Split at the first "|": milestone ids are kebab-case (content/ is validated), so they never contain one.
  const bar = key.indexOf("|");
  return { milestoneId: key.slice(0, bar), agencyId: key.slice(bar + 1) };
}

/**
 * In-memory indexes over the status log: by id, history per pair, the latest status per pair, the time of each
 * pair's newest record (`lastAt`, compared as ISO strings, as every `at` filter of the store) and the newest of all.
 */
function createStatusIndex(records: readonly StatusRecord[]) {
  const byId = new Map<string, StatusRecord>();
  const history = new Map<string, StatusRecord[]>();
  const latest = new Map<string, LatestStatus>();
  const lastAt = new Map<string, string>();
  const index = { byId, history, latest, lastAt, maxAt: "", add: (r: StatusRecord) => add(r) };
  const add = (r: StatusRecord) => {
    byId.set(r.id, r);
    const k = pairKey(r.milestoneId, r.agencyId);
    const list = history.get(k);
    if (list) list.push(r);
    else history.set(k, [r]);
    const last = lastAt.get(k);
    if (last === undefined || r.at > last) lastAt.set(k, r.at);
    if (r.at > index.maxAt) index.maxAt = r.at;
    if (r.kind === "status") {
      latest.set(k, {
        milestoneId: r.milestoneId,
        agencyId: r.agencyId,
        status: r.status,
        note: r.note,
        at: r.at,
        role: r.role,
        onBehalfOf: r.onBehalfOf,
        recordId: r.id,
      });
    } else {
      // A note completes its status only if that status is still the latest one.
      const current = latest.get(k);
      if (current && current.recordId === r.noteFor) latest.set(k, { ...current, note: r.note });
    }
  };
  for (const r of records) add(r);
  return index;
}

function recordUnanswered(list: UnansweredQuestion[], folded: string, text: string, at: string): void {
  const existing = list.find((u) => u.folded === folded);
  if (existing) {
    existing.count += 1;
    existing.lastAsked = at;
    return;
  }
  if (list.length >= LIMITS.unanswered) {
    // Evict the least asked, least recent question, so the file stays bounded under a flood.
    let victim = 0;
    for (let i = 1; i < list.length; i++) {
      const a = list[i]!;
      const v = list[victim]!;
      if (a.count < v.count || (a.count === v.count && a.lastAsked < v.lastAsked)) victim = i;
    }
    list.splice(victim, 1);
  }
  list.push({ folded, example: text.slice(0, LIMITS.exampleLength), count: 1, firstAsked: at, lastAsked: at });
}
