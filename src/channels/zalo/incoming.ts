/**
 * Maps Zalo updates to the core's {@link Incoming}. Pure functions over the update and the bot's identity:
 * which updates to answer, which to drop (the bot's own echoes), and which get the polite
 * "I can only read text" reply (images, stickers, unsupported content).
 */
import { ZALO_CAPABILITIES } from "../../core/channel.js";
import type { Incoming } from "../../core/command.js";
import { stripInvisible } from "../../core/text.js";
import type { ZaloMessage, ZaloUpdate } from "./client.js";

/** The bot as getMe describes it. */
export interface ZaloIdentity {
  id: string;
  name?: string;
}

/** What to do with one update. */
export type ZaloInbound =
  /** Text for the core. `dedupeKey` identifies the delivery (event name + message id). */
  | { kind: "text"; incoming: Incoming; dedupeKey: string }
  /** An image, a sticker, a file or withheld content: answered kindly, never with an error. */
  | { kind: "non-text"; incoming: Incoming; dedupeKey: string; event: "image" | "sticker" | "unsupported" }
  /** Nothing to do: the bot's own message coming back, or an update without a sender or chat. */
  | { kind: "ignore"; reason: "own-message" | "malformed" | "unknown-event" };

/** Longest display name kept; Zalo names are short, anything longer is cut. */
const MAX_NAME = 80;

/**
 * The update inside a webhook body or a getUpdates result. Zalo documents `{ ok, result: { event_name, message } }`;
 * a bare `{ event_name, message }` is accepted too. Anything else is null.
 */
export function updateFromBody(body: unknown): ZaloUpdate | null {
  if (!body || typeof body !== "object") return null;
  const b = body as { result?: unknown; event_name?: unknown };
  const candidate = b.result && typeof b.result === "object" ? (b.result as { event_name?: unknown }) : b;
  return typeof candidate.event_name === "string" ? (candidate as ZaloUpdate) : null;
}

/**
 * Decides what an update means. Own messages (from the bot's id, or `is_bot`) are dropped, as the
 * reference says they come back in some setups. In a group the bot's @mention is removed from the text.
 */
export function toInbound(update: ZaloUpdate, me: ZaloIdentity): ZaloInbound {
  const message = update.message;
  const fromId = message?.from?.id === undefined ? "" : String(message.from.id);
  const chatId = message?.chat?.id === undefined ? fromId : String(message.chat.id);
  if (!message || fromId === "" || chatId === "") return { kind: "ignore", reason: "malformed" };
  if (message.from?.is_bot === true || fromId === me.id) return { kind: "ignore", reason: "own-message" };

  const group = String(message.chat?.chat_type ?? "PRIVATE").toUpperCase() === "GROUP";
  const base: Incoming = {
    channel: "zalo",
    chat: { id: chatId, type: group ? "group" : "private" },
    user: { id: fromId, name: nameOf(message) },
    supportsButtons: false,
    capabilities: ZALO_CAPABILITIES,
  };
  const dedupeKey = `${update.event_name}|${message.message_id ?? `${fromId}@${message.date ?? ""}`}`;
  switch (update.event_name) {
    case "message.text.received": {
      const text = group ? stripMention(message.text ?? "", me) : (message.text ?? "");
      return { kind: "text", incoming: { ...base, text }, dedupeKey };
    }
    case "message.image.received":
      return { kind: "non-text", incoming: base, dedupeKey, event: "image" };
    case "message.sticker.received":
      return { kind: "non-text", incoming: base, dedupeKey, event: "sticker" };
    case "message.unsupported.received":
      return { kind: "non-text", incoming: base, dedupeKey, event: "unsupported" };
    default:
      return { kind: "ignore", reason: "unknown-event" };
  }
}

/** The sender's name from whichever field carries it, cleaned like any text a person typed. */
function nameOf(message: ZaloMessage): string {
  // An empty display_name falls back to the other fields.
  const raw = message.from?.display_name || message.from?.first_name || message.from?.name || "";
  const clean = stripInvisible(String(raw)).replace(/\s+/g, " ").trim().slice(0, MAX_NAME);
  return clean || "anh/chị";
}

/** Removes "@<bot name>" (the mention arrives inside the text in groups) and the punctuation that addressed the bot. */
export function stripMention(text: string, me: ZaloIdentity): string {
  let out = text;
  if (me.name) {
    const escaped = me.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out.replace(new RegExp(`@${escaped}`, "giu"), " ");
  }
  return out.replace(/[ \t]{2,}/g, " ").replace(/^[\s,:]+/, "").trim();
}
