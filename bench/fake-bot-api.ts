/**
 * A fake Telegram Bot API on 127.0.0.1 (node:http) that enforces Telegram's sending limits
 * strictly, counted on arrival: at most `perSecond` messages in any sliding second overall and
 * `perChatPerSecond` per chat. A message over a limit is refused with HTTP 429 and
 * `parameters.retry_after` (whole seconds, as Telegram sends it) and is not delivered.
 * Every delivered message is recorded, so a benchmark can count lost and duplicated ones.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

/** One delivered message, as the server saw it. */
export interface Delivered {
  chatId: number;
  text: string;
  /** performance.now() on arrival. */
  at: number;
}

/** The running server and what it saw. */
export interface FakeBotApi {
  /** The apiRoot to give grammY, e.g. `http://127.0.0.1:41234`. */
  apiRoot: string;
  delivered: Delivered[];
  /** Requests refused with 429. */
  refused: number;
  /** Faults injected, by kind (see {@link FakeFaults}). */
  injected: Record<"429" | "500" | "reset" | "timeout", number>;
  /** The most messages delivered within any sliding second, overall. */
  maxPerSecond(): number;
  close(): Promise<void>;
}

/** Limits, by default Telegram's: 30 messages per second overall, 1 per second per chat. */
export interface FakeLimits {
  perSecond: number;
  perChatPerSecond: number;
}

const SECOND = 1000;

/** The bot's identity for getMe. */
const ME = { id: 777000222, is_bot: true, first_name: "Bench bot", username: "bench_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };

/**
 * Injected faults for sendMessage, before anything is delivered: with probability `rate` a request gets, in turn,
 * a 429 with retry_after 1, a 500, a connection reset, or no answer at all (a timeout for the client).
 */
export interface FakeFaults {
  rate: number;
  /** A seeded random source in [0, 1). */
  random: () => number;
}

/** Starts the server on a free port of 127.0.0.1. Stop it with `close()`. */
export async function startFakeBotApi(limits: FakeLimits = { perSecond: 30, perChatPerSecond: 1 }, faults?: FakeFaults): Promise<FakeBotApi> {
  let faultTurn = 0;
  const injected = { "429": 0, "500": 0, reset: 0, timeout: 0 };
  const delivered: Delivered[] = [];
  const recent: number[] = [];
  const lastByChat = new Map<number, number[]>();
  let refused = 0;
  let nextMessageId = 1;

  const answer = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  };

  /** Seconds until a new message fits in a window holding `starts`, or 0 if it fits now. */
  const waitFor = (starts: number[], limit: number, now: number): number => {
    while (starts.length > 0 && starts[0]! <= now - SECOND) starts.shift();
    return starts.length < limit ? 0 : Math.max(1, Math.ceil((starts[starts.length - limit]! + SECOND - now) / SECOND));
  };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const method = (req.url ?? "").split("/").at(-1) ?? "";
    let payload: Record<string, unknown> = {};
    try {
      payload = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      answer(res, 400, { ok: false, error_code: 400, description: "Bad Request: the fake Bot API accepts JSON bodies only" });
      return;
    }
    if (method === "getMe") return answer(res, 200, { ok: true, result: ME });
    if (method !== "sendMessage") return answer(res, 200, { ok: true, result: true });
    if (faults && faults.random() < faults.rate) {
      const kind = (["429", "500", "reset", "timeout"] as const)[faultTurn++ % 4]!;
      injected[kind] += 1;
      if (kind === "429") return answer(res, 429, { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
      if (kind === "500") return answer(res, 500, { ok: false, error_code: 500, description: "Internal Server Error" });
      if (kind === "reset") return void req.socket.destroy();
      return; // no answer: the client's timeout fires
    }
    const now = performance.now();
    const chatId = Number(payload.chat_id);
    const chatStarts = lastByChat.get(chatId) ?? [];
    const wait = Math.max(waitFor(recent, limits.perSecond, now), waitFor(chatStarts, limits.perChatPerSecond, now));
    if (wait > 0) {
      refused += 1;
      return answer(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${wait}`, parameters: { retry_after: wait } });
    }
    recent.push(now);
    chatStarts.push(now);
    lastByChat.set(chatId, chatStarts);
    delivered.push({ chatId, text: String(payload.text ?? ""), at: now });
    const chat = chatId < 0 ? { id: chatId, type: "supergroup", title: "Nhóm" } : { id: chatId, type: "private", first_name: "Cán bộ" };
    answer(res, 200, { ok: true, result: { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat, from: ME, text: payload.text } });
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => handle(req, res, Buffer.concat(chunks).toString("utf8")));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    delivered,
    get refused() {
      return refused;
    },
    injected,
    maxPerSecond() {
      const times = delivered.map((d) => d.at).sort((a, b) => a - b);
      let best = 0;
      for (let i = 0, j = 0; i < times.length; i++) {
        while (times[i]! - times[j]! >= SECOND) j++;
        best = Math.max(best, i - j + 1);
      }
      return best;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
