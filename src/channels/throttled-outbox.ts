/**
 * An outbox that keeps within a messenger's rate limits, for any channel: give it a function
 * that sends one message, and it paces the calls. Telegram's limits are the defaults: about
 * 30 messages per second overall, 1 per second per chat, 20 per minute per group.
 */
import { prepareSend } from "../core/delivery.js";
import type { ChatKey, OutgoingMessage, Outbox, SendResult } from "../core/ports.js";

/** "Slow down": the platform refused the message and asked to wait `retryAfter` seconds (Telegram's 429). */
export interface RetryAfter {
  retryAfter: number;
}

/** What sending one message may return: its outcome, or a request to retry later. */
export type SendOneResult = SendResult | RetryAfter;

/** Sends one message once. Return {@link retryAfter} for a 429; other errors may be thrown or returned as `failed`. */
export type SendOne = (message: OutgoingMessage) => Promise<SendOneResult>;

/** Builds the "retry after N seconds" result, e.g. from grammY's `error.parameters.retry_after`. */
export function retryAfter(seconds: number): RetryAfter {
  return { retryAfter: seconds };
}

/** Whether a result asks to retry later. */
export function isRetryAfter(result: SendOneResult): result is RetryAfter {
  return typeof (result as RetryAfter).retryAfter === "number";
}

/** The limits, and how to tell a group chat from a private one. */
export interface ThrottleOptions {
  /** Messages started per second, all chats together. */
  perSecond: number;
  /** Messages started per second to one chat. */
  perChatPerSecond: number;
  /** Messages started per minute to one group chat. */
  perGroupPerMinute: number;
  /**
   * Extra milliseconds added to every window (default 0). The platform counts a message when it
   * arrives, not when it was started here: network jitter can bring two sends that were a window
   * apart closer together, and a margin of a few dozen milliseconds keeps them apart.
   */
  windowMarginMs?: number;
  /** How many 429s one message may receive before it counts as failed. Default 5. */
  maxRetries?: number;
  /** Whether a chat is a group. Default: a negative chat id, as Telegram gives groups (`telegram:-100…`). */
  isGroup?: (chatKey: ChatKey) => boolean;
}

/** Telegram's documented limits. */
export const TELEGRAM_LIMITS: ThrottleOptions = { perSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };

/**
 * What production sends with: Telegram's limits, each window 100 ms longer. Sending exactly at the
 * limit draws 429s (bench/fanout.ts against a strict fake Bot API: 931 refusals for 500 chats
 * without a margin, none with 100 ms), and every 429 costs the waiting time it asks for.
 */
export const TELEGRAM_SENDING: ThrottleOptions = { ...TELEGRAM_LIMITS, windowMarginMs: 100 };

/** The time source; the defaults use the global timers, so vitest fake timers drive them. */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const globalTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The throttled outbox, with a count of messages still waiting or in flight. */
export interface ThrottledOutbox extends Outbox {
  pending(): number;
}

interface Task {
  message: OutgoingMessage;
  retries: number;
  resolve(result: SendResult): void;
}

interface ChatState {
  queue: Task[];
  /** Start times of recent sends to this chat (the last minute). */
  starts: number[];
  inFlight: boolean;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * Wraps `sendOne` so that sends never exceed the limits, counted exactly over sliding windows.
 * Chats take turns (round robin), so a long batch to one chat does not hold up the others;
 * within a chat, messages go one at a time and in order. A 429 pauses every send for the time
 * asked, then the message is retried first in its chat's queue.
 *
 * ```ts
 * const outbox = createThrottledOutbox((m) => sendViaTelegram(m), TELEGRAM_LIMITS);
 * const results = await outbox.send(messages);
 * ```
 */
export function createThrottledOutbox(sendOne: SendOne, options: ThrottleOptions = TELEGRAM_LIMITS, timers: Timers = globalTimers): ThrottledOutbox {
  if (!(options.perSecond > 0 && options.perChatPerSecond > 0 && options.perGroupPerMinute > 0)) {
    throw new Error("throttled-outbox: every limit must be a positive number (e.g. { perSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 })");
  }
  const maxRetries = options.maxRetries ?? 5;
  const margin = Math.max(0, options.windowMarginMs ?? 0);
  const isGroup = options.isGroup ?? ((chatKey: ChatKey) => chatKey.slice(chatKey.indexOf(":") + 1).startsWith("-"));
  const chats = new Map<ChatKey, ChatState>();
  /** Chats with waiting messages, in turn order. */
  let order: ChatKey[] = [];
  let globalStarts: number[] = [];
  let pausedUntil = 0;
  let timer: unknown;
  let waiting = 0;

  /** The earliest time a new send fits in a window holding `starts`, or `now` if it fits already. */
  const freeAt = (starts: readonly number[], limit: number, windowMs: number, now: number): number => {
    const recent = starts.filter((s) => s > now - windowMs);
    return recent.length < limit ? now : recent[recent.length - limit]! + windowMs;
  };

  const chatFreeAt = (chatKey: ChatKey, state: ChatState, now: number): number => {
    let at = freeAt(state.starts, options.perChatPerSecond, SECOND + margin, now);
    if (isGroup(chatKey)) at = Math.max(at, freeAt(state.starts, options.perGroupPerMinute, MINUTE + margin, now));
    return at;
  };

  const start = (chatKey: ChatKey, state: ChatState, now: number) => {
    const task = state.queue.shift()!;
    state.inFlight = true;
    state.starts = [...state.starts.filter((s) => s > now - MINUTE - margin), now];
    globalStarts = [...globalStarts.filter((s) => s > now - SECOND - margin), now];
    void attempt(task).then((outcome) => {
      state.inFlight = false;
      if (isRetryAfter(outcome) && task.retries < maxRetries) {
        task.retries += 1;
        state.queue.unshift(task);
        if (!order.includes(chatKey)) order.unshift(chatKey);
        pausedUntil = Math.max(pausedUntil, timers.now() + Math.max(0, outcome.retryAfter) * SECOND);
      } else {
        waiting -= 1;
        task.resolve(
          isRetryAfter(outcome)
            ? { chatKey, result: "failed", error: `throttled-outbox: still rate-limited after ${maxRetries} retries` }
            : outcome,
        );
      }
      if (state.queue.length === 0 && !state.inFlight) order = order.filter((k) => k !== chatKey);
      pump();
    });
  };

  const attempt = async (task: Task): Promise<SendOneResult> => {
    // The message leaves the queue now: its delivery marks it attempted first (once; a retry after a 429 is the same attempt).
    if (task.retries === 0) {
      const refused = await prepareSend(task.message);
      if (refused) return refused;
    }
    try {
      return await sendOne(task.message);
    } catch (error) {
      return { chatKey: task.message.chatKey, result: "failed", error: (error as Error)?.message ?? String(error) };
    }
  };

  function pump(): void {
    if (timer !== undefined) {
      timers.clearTimeout(timer);
      timer = undefined;
    }
    const now = timers.now();
    let wakeAt = Number.POSITIVE_INFINITY;
    if (now < pausedUntil) wakeAt = pausedUntil;
    else {
      // One pass over the chats in turn order; a chat that sends moves to the back of the line.
      for (const chatKey of [...order]) {
        const state = chats.get(chatKey)!;
        if (state.inFlight || state.queue.length === 0) continue;
        const globalAt = freeAt(globalStarts, options.perSecond, SECOND + margin, now);
        if (globalAt > now) {
          wakeAt = Math.min(wakeAt, globalAt);
          break;
        }
        const at = chatFreeAt(chatKey, state, now);
        if (at > now) {
          wakeAt = Math.min(wakeAt, at);
          continue;
        }
        order = [...order.filter((k) => k !== chatKey), chatKey];
        start(chatKey, state, now);
      }
    }
    if (Number.isFinite(wakeAt)) timer = timers.setTimeout(pump, wakeAt - now);
    // Forget chats that are idle and whose windows have passed, so memory stays bounded.
    for (const [chatKey, state] of chats) {
      if (!state.inFlight && state.queue.length === 0 && state.starts.every((s) => s <= now - MINUTE - margin)) chats.delete(chatKey);
    }
  }

  return {
    pending: () => waiting,
    send(messages) {
      const results = messages.map(
        (message) =>
          new Promise<SendResult>((resolve) => {
            let state = chats.get(message.chatKey);
            if (!state) {
              state = { queue: [], starts: [], inFlight: false };
              chats.set(message.chatKey, state);
            }
            state.queue.push({ message, retries: 0, resolve });
            waiting += 1;
            if (!order.includes(message.chatKey)) order.push(message.chatKey);
          }),
      );
      pump();
      return Promise.all(results);
    },
  };
}
