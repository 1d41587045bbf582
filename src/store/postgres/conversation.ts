import type { Listing, ListingRepo, PendingPrompt, PromptRepo, TopicRecord, TopicRepo } from "../../core/ports.js";
import { LIMITS } from "../open-store.js";
import { type Db, json, type Query } from "./db.js";

type Doc<T> = { doc: T };

/** Prompts awaiting a person's next message: one per chat, user and kind; expired ones are dropped as new ones come. */
export function createPromptRepo(db: Db): PromptRepo {
  return {
    async set(prompt: PendingPrompt) {
      await db.transaction(async (q) => {
        await q(
          `DELETE FROM prompts WHERE expires_at <= $1 OR (chat_key = $2 AND user_key IS NOT DISTINCT FROM $3 AND kind = $4)`,
          [prompt.createdAt, prompt.chatKey, prompt.userKey ?? null, prompt.kind],
        );
        await q(
          "INSERT INTO prompts (chat_key, user_key, kind, ref, expires_at, created_at, doc) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)",
          [prompt.chatKey, prompt.userKey ?? null, prompt.kind, prompt.ref, prompt.expiresAt, prompt.createdAt, json(prompt)],
        );
      });
    },
    async find(chatKey, userKey, now, kind) {
      const rows = await db.rows<Doc<PendingPrompt>>(
        `SELECT doc FROM prompts
         WHERE chat_key = $1 AND expires_at > $2 AND ($3::text IS NULL OR kind = $3)
           AND (user_key IS NULL OR $4::text IS NULL OR user_key = $4)
         ORDER BY created_at DESC, seq ASC LIMIT 1`,
        [chatKey, now, kind ?? null, userKey ?? null],
      );
      return rows[0]?.doc;
    },
    async clear(chatKey, ref) {
      await db.write("DELETE FROM prompts WHERE chat_key = $1 AND ref = $2", [chatKey, ref]);
    },
  };
}

/** Each chat's last topic; setting one makes it the newest, and the oldest beyond {@link LIMITS}.topics are forgotten. */
export function createTopicRepo(db: Db): TopicRepo {
  return {
    async get(chatKey) {
      return (await db.rows<Doc<TopicRecord>>("SELECT doc FROM topics WHERE chat_key = $1", [chatKey]))[0]?.doc;
    },
    async set(topic) {
      const kept: TopicRecord = { ...topic, question: topic.question.slice(0, LIMITS.exampleLength) };
      await db.transaction(async (q) => {
        // Under the lock the trim sees every committed topic, so the bound is exact even under concurrency.
        await db.lock(q, "topics");
        await q(
          "INSERT INTO topics (chat_key, doc) VALUES ($1, $2::jsonb) ON CONFLICT (chat_key) DO UPDATE SET doc = excluded.doc, seq = excluded.seq",
          [kept.chatKey, json(kept)],
        );
        await q("DELETE FROM topics WHERE seq <= (SELECT seq FROM topics ORDER BY seq DESC OFFSET $1 LIMIT 1)", [LIMITS.topics]);
      });
    },
  };
}

/**
 * Numbered listings of channels without buttons. Adding one drops listings expired longer ago than the grace
 * time and keeps the newest {@link LIMITS}.listingsPerChat of its chat, under a per-chat lock.
 */
/** Inserts a listing, dropping listings long expired and the chat's oldest beyond the bound (inside a transaction holding the chat's lock). */
async function insert(q: Query, listing: Listing): Promise<void> {
  const cutoff = new Date(new Date(listing.createdAt).getTime() - LIMITS.listingGraceMs).toISOString();
  await q("DELETE FROM listings WHERE expires_at <= $1", [cutoff]);
  await q(
    `DELETE FROM listings WHERE chat_key = $1 AND id NOT IN (
       SELECT id FROM listings WHERE chat_key = $1 ORDER BY created_at DESC, seq ASC LIMIT $2)`,
    [listing.chatKey, LIMITS.listingsPerChat - 1],
  );
  await q(
    "INSERT INTO listings (id, chat_key, user_key, family, created_at, expires_at, doc) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)",
    [listing.id, listing.chatKey, listing.userKey ?? null, listing.family, listing.createdAt, listing.expiresAt, json(listing)],
  );
}

export function createListingRepo(db: Db): ListingRepo {
  return {
    async add(listing) {
      await db.transaction(async (q) => {
        await db.lock(q, `listings:${listing.chatKey}`);
        await insert(q, listing);
      });
    },
    async addToFamily({ chatKey, family, now }, make) {
      // Under the chat's listing lock, which every add takes: the family read here is still the family at the insert.
      return db.transaction<Listing>(async (q) => {
        await db.lock(q, `listings:${chatKey}`);
        const rows = await q("SELECT doc FROM listings WHERE chat_key = $1 AND family = $2 AND expires_at > $3 ORDER BY seq DESC", [chatKey, family, now]);
        const listing = make((rows.rows as Doc<Listing>[]).map((r) => r.doc));
        await insert(q, listing);
        return listing;
      });
    },
    async update(listing) {
      // The listing keeps its place (seq): "thêm" does not make an older listing the newest.
      await db.write(
        "UPDATE listings SET chat_key = $2, user_key = $3, family = $4, created_at = $5, expires_at = $6, doc = $7::jsonb WHERE id = $1",
        [listing.id, listing.chatKey, listing.userKey ?? null, listing.family, listing.createdAt, listing.expiresAt, json(listing)],
      );
    },
    async latest(chatKey, userKey) {
      const rows = await db.rows<Doc<Listing>>(
        "SELECT doc FROM listings WHERE chat_key = $1 AND (user_key IS NULL OR $2::text IS NULL OR user_key = $2) ORDER BY seq DESC LIMIT 1",
        [chatKey, userKey ?? null],
      );
      return rows[0]?.doc;
    },
    async family(chatKey, family, now) {
      const rows = await db.rows<Doc<Listing>>(
        "SELECT doc FROM listings WHERE chat_key = $1 AND family = $2 AND expires_at > $3 ORDER BY seq DESC",
        [chatKey, family, now],
      );
      return rows.map((r) => r.doc);
    },
  };
}
