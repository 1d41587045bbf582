/**
 * A local fake of the Zalo Bot Platform API (bot-api.zaloplatforms.com), written from
 * /work/shared/reference/zalo-bot-api.md, for tests that drive a Zalo client over real HTTP on 127.0.0.1.
 * Point the client's ZALO_API_ROOT at `fake.url`. Node builtins only; every server stops in `close()`.
 *
 * What it models: `/bot<TOKEN>/<method>` routes (case-sensitive methods, GET or POST, JSON, form-urlencoded,
 * multipart or query-string parameters), one update per getUpdates with an idle 408, webhooks that are checked
 * when set and then receive every update, the 1–2000 character text limit, photos fetched from their URL,
 * the bot's own messages coming back as updates, quota refusals (429) and one-off failures.
 *
 * Offline by design: photo and webhook URLs are only called on loopback hosts (127.0.0.1, localhost, ::1);
 * any other host is refused with a 400 that says so, instead of reaching the network.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Options for startFakeZaloApi; every field has a default that matches the reference's examples. */
export interface FakeZaloOptions {
  /** The only token the fake accepts; default "1459232241454765289:fake-secret-AbC_dEf-123". */
  token?: string;
  /** The bot id that getMe reports and own messages come from; must equal the token's prefix. */
  botId?: string;
  /** getMe's account_name; default "Trợ lý Hợp nhất". */
  botName?: string;
  /** How long an idle getUpdates waits before its 408; default min(timeout parameter, 1 s), never the full 30 s. */
  pollIdleMs?: number;
  /** Default true: each accepted sendMessage/sendPhoto comes back as an update from the bot itself. */
  echoOwnMessages?: boolean;
  /** How long the fake waits for a photo URL (and a webhook check) to answer; default 3000 ms. */
  photoFetchTimeoutMs?: number;
}

/** A message from a Zalo user, turned into an update by `userSends`. */
export interface FakeUserMessage {
  /** The sender's Zalo user id (a string, e.g. "6ede9afa66b88fe6d6a9"). */
  userId: string;
  /** The sender's name; default "Người dùng". */
  name?: string;
  /** The chat id; defaults to userId (a private chat). */
  chatId?: string;
  /** Default "PRIVATE". */
  chatType?: "PRIVATE" | "GROUP";
  /** The text, or the caption of an image. */
  text?: string;
  /** Default "text". */
  kind?: "text" | "image" | "sticker" | "unsupported";
  /** Default: a generated 20-digit hex id, like the platform's. */
  messageId?: string;
  /** Which field carries the sender's name; the platform uses all three. Default "display_name". */
  nameField?: "display_name" | "first_name" | "name";
}

/** One update as the platform sends it: `{ event_name, message }` (wrapped in `{ ok, result }` on the wire). */
export interface ZaloUpdate {
  event_name: string;
  message: Record<string, unknown>;
}

/** One recorded send* call, accepted (status 200) or refused. */
export interface SentCall {
  method: "sendMessage" | "sendPhoto" | "sendSticker" | "sendChatAction";
  chatId: string;
  text?: string;
  photo?: string;
  caption?: string;
  /** The sticker id of a sendSticker call. */
  sticker?: string;
  action?: string;
  /** The message_id the fake gave an accepted message. */
  messageId?: string;
  /** Date.now() when the call was answered. */
  at: number;
  /** The HTTP status of the answer (equal to error_code for errors). */
  status: number;
  /** The JSON body of the answer. */
  body: unknown;
}

/** One attempt of the fake to download a sendPhoto URL; status is null when no HTTP answer came. */
export interface PhotoFetch {
  url: string;
  status: number | null;
  contentType?: string;
  bytes: number;
  error?: string;
}

/** A running fake Zalo Bot API; see startFakeZaloApi. */
export interface FakeZaloApi {
  /** "http://127.0.0.1:PORT": use it as ZALO_API_ROOT. */
  readonly url: string;
  /** The token the fake accepts. */
  readonly token: string;
  /** The bot id (the token's prefix). */
  readonly botId: string;
  /** Every send* call (accepted or refused), in order. */
  readonly sent: SentCall[];
  /** Every API call with its HTTP status, in order (unknown methods and wrong tokens included). */
  readonly calls: { method: string; status: number }[];
  /** Every download of a sendPhoto URL, in order. */
  readonly photoFetches: PhotoFetch[];
  /** The webhook currently set, or null in polling mode. */
  readonly webhook: { url: string; secret: string } | null;
  /**
   * Builds the update for a user's message and delivers it: queued for getUpdates, or POSTed to the webhook
   * (in the background, in order) when one is set. Returns the update, e.g. to deliver it again.
   */
  userSends(m: FakeUserMessage): ZaloUpdate;
  /**
   * Delivers an exact update (again, to test de-duplication). Resolves with the webhook's HTTP status, or null
   * when it was queued for polling; rejects when the webhook could not be reached.
   */
  deliver(update: ZaloUpdate): Promise<number | null>;
  /** While on, sendMessage/sendPhoto/sendSticker answer HTTP 429 `{ ok: false, error_code: 429, description: "Quota exceeded" }`. */
  setQuotaExceeded(on: boolean): void;
  /**
   * Makes the next call of `method` fail with that error_code (also the HTTP status). Calls stack: two
   * failNext("sendMessage", …) fail the next two. Throws for a method the API does not have.
   * @example fake.failNext("sendMessage", 403) // the platform's "Internal server error"
   */
  failNext(method: string, code: number, description?: string): void;
  /**
   * Resolves with the first accepted (status 200) send* call that matches, already sent or future; rejects after
   * timeoutMs (default 5000) with a message that lists what was sent.
   */
  waitForSent(predicate: (c: SentCall) => boolean, timeoutMs?: number): Promise<SentCall>;
  /** Closes the server and every connection: pending long polls end at once (their requests fail). */
  close(): Promise<void>;
}

const DEFAULT_TOKEN = "1459232241454765289:fake-secret-AbC_dEf-123";
const DEFAULT_BOT_NAME = "Trợ lý Hợp nhất";
const METHODS = [
  "getMe",
  "getUpdates",
  "setWebhook",
  "deleteWebhook",
  "getWebhookInfo",
  "sendMessage",
  "sendPhoto",
  "sendSticker",
  "sendChatAction",
] as const;
type Method = (typeof METHODS)[number];
type SendMethod = SentCall["method"];
const QUOTA_METHODS: ReadonlySet<string> = new Set(["sendMessage", "sendPhoto", "sendSticker"]);
const CHAT_ACTIONS: ReadonlySet<string> = new Set(["typing", "upload_photo"]);
const MAX_TEXT = 2000;
const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Internal server error",
  404: "Not Found",
  408: "Request timeout",
  429: "Quota exceeded",
  500: "Internal server error",
};
/** A 1×1 transparent PNG, served for the photos and stickers of fake users' messages. */
const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

type Params = Record<string, unknown>;
type Answer = { status: number; body: ApiBody };
type ApiBody = { ok: boolean; result?: unknown; description?: string; error_code?: number };
interface Poll {
  timer: NodeJS.Timeout;
  answer: (a: Answer) => void;
}

/** Thrown inside a handler to answer an API error. */
class ApiError extends Error {
  constructor(
    readonly code: number,
    description: string,
  ) {
    super(description);
  }
}

function ok(result: unknown): Answer {
  return { status: 200, body: { ok: true, result } };
}

function fail(code: number, description?: string): Answer {
  return { status: code, body: { ok: false, error_code: code, description: description ?? DEFAULT_DESCRIPTIONS[code] ?? "Error" } };
}

function isSendMethod(method: string): method is SendMethod {
  return method === "sendMessage" || method === "sendPhoto" || method === "sendSticker" || method === "sendChatAction";
}

function newMessageId(): string {
  return randomBytes(10).toString("hex");
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || hostname === "::1" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Parses a URL string, or returns null. */
function parseUrl(value: unknown): URL | null {
  if (typeof value !== "string") return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** A string parameter; ids may arrive as JSON numbers, so numbers are accepted and stringified. */
function stringParam(params: Params, name: string): string | undefined {
  const v = params[name];
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return undefined;
}

function requireChatId(params: Params): string {
  const chatId = stringParam(params, "chat_id");
  if (!chatId) throw new ApiError(400, "chat_id is required (the chat.id of an update)");
  return chatId;
}

/**
 * Checks a text or caption. Length is counted in UTF-16 code units (JS string length), which the platform
 * may count differently for emoji; Vietnamese text in NFC is one unit per letter either way.
 */
function checkText(value: unknown, field: string, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== "string") throw new ApiError(400, `${field} must be a string of 1-${MAX_TEXT} characters`);
  const min = required ? 1 : 0;
  if (value.length < min || value.length > MAX_TEXT) {
    throw new ApiError(400, `${field} must be ${min}-${MAX_TEXT} characters (got ${value.length}); split long text on line boundaries`);
  }
  return value;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(400, `request body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Query-string parameters, overridden by a JSON, form-urlencoded or multipart body. */
async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const params: Params = Object.fromEntries(url.searchParams);
  if (req.method !== "POST") return params;
  const raw = await readBody(req);
  if (raw.length === 0) return params;
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (type.startsWith("application/x-www-form-urlencoded")) {
    return { ...params, ...Object.fromEntries(new URLSearchParams(raw.toString("utf8"))) };
  }
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": type } }).formData().catch(() => {
      throw new ApiError(400, "multipart body could not be parsed");
    });
    const fields: Params = {};
    form.forEach((value, key) => {
      if (typeof value === "string") fields[key] = value;
    });
    return { ...params, ...fields };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new ApiError(400, "request body is not valid JSON (send UTF-8 JSON with content-type application/json)");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ApiError(400, "request body must be a JSON object of parameters");
  }
  return { ...params, ...(parsed as Params) };
}

/**
 * Starts a fake Zalo Bot API on 127.0.0.1 (a free port) and resolves once it listens.
 * Close it in afterEach. Idle polls use real timers, so keep vitest's fake timers off while it runs.
 * @example
 * const zalo = await startFakeZaloApi({ echoOwnMessages: false });
 * zalo.userSends({ userId: "6ede9afa66b88fe6d6a9", name: "Ted", text: "/help" });
 * const reply = await zalo.waitForSent((c) => c.method === "sendMessage");
 */
export async function startFakeZaloApi(options: FakeZaloOptions = {}): Promise<FakeZaloApi> {
  const token = options.token ?? DEFAULT_TOKEN;
  const botId = options.botId ?? token.split(":")[0] ?? "";
  if (token.split(":")[0] !== botId) {
    throw new Error(`fake-zalo: botId "${botId}" must equal the token's prefix (the part before ":")`);
  }
  const botName = options.botName ?? DEFAULT_BOT_NAME;
  const echoOwnMessages = options.echoOwnMessages ?? true;
  const fetchTimeoutMs = options.photoFetchTimeoutMs ?? 3000;

  const sent: SentCall[] = [];
  const calls: { method: string; status: number }[] = [];
  const photoFetches: PhotoFetch[] = [];
  const queue: ZaloUpdate[] = [];
  const polls: Poll[] = [];
  const failures = new Map<string, { code: number; description?: string }[]>();
  const chatTypes = new Map<string, string>();
  const sentWaiters = new Set<{ check: (c: SentCall) => void; fail: (e: Error) => void }>();
  const closing = new AbortController();
  let webhook: { url: string; secret: string } | null = null;
  let webhookUpdatedAt = Date.now();
  let quotaExceeded = false;
  let closed = false;
  // Webhook POSTs go out one after another, so the receiver sees updates in the order they happened.
  let webhookChain: Promise<unknown> = Promise.resolve();
  let baseUrl = "";

  function send(res: ServerResponse, a: Answer): void {
    if (closed || res.destroyed || res.writableEnded) return;
    const body = JSON.stringify(a.body);
    res.writeHead(a.status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
    res.end(body);
  }

  /** Hands an update to the oldest waiting poll, or queues it. */
  function enqueue(update: ZaloUpdate): void {
    const poll = polls.shift();
    if (poll) poll.answer(ok(update));
    else queue.push(update);
  }

  async function postJson(url: string, secret: string, body: unknown): Promise<number> {
    const target = parseUrl(url);
    if (!target || !isLoopback(target.hostname)) {
      throw new Error(`fake-zalo: not calling ${url}: tests stay offline (serve the webhook on 127.0.0.1)`);
    }
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "X-Bot-Api-Secret-Token": secret },
      body: JSON.stringify(body),
      signal: AbortSignal.any([AbortSignal.timeout(fetchTimeoutMs), closing.signal]),
    });
    await res.arrayBuffer();
    return res.status;
  }

  function deliver(update: ZaloUpdate): Promise<number | null> {
    if (closed) return Promise.reject(new Error("fake-zalo: deliver() after close()"));
    const copy = structuredClone(update);
    if (!webhook) {
      enqueue(copy);
      return Promise.resolve(null);
    }
    const { url, secret } = webhook;
    const delivery = webhookChain.then(() => postJson(url, secret, { ok: true, result: copy }));
    webhookChain = delivery.catch(() => undefined);
    return delivery;
  }

  function ownEcho(chatId: string, fields: Params, eventName: string): void {
    if (!echoOwnMessages) return;
    void deliver({
      event_name: eventName,
      message: {
        from: { id: botId, display_name: botName, is_bot: true },
        chat: { id: chatId, chat_type: chatTypes.get(chatId) ?? "PRIVATE" },
        ...fields,
        message_id: newMessageId(),
        date: Date.now(),
      },
    }).catch(() => undefined);
  }

  async function fetchPhoto(url: string): Promise<PhotoFetch> {
    const target = parseUrl(url);
    if (!target || !isLoopback(target.hostname)) {
      return { url, status: null, bytes: 0, error: "not fetched: tests stay offline (serve the photo on 127.0.0.1)" };
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.any([AbortSignal.timeout(fetchTimeoutMs), closing.signal]) });
      const bytes = (await res.arrayBuffer()).byteLength;
      const contentType = res.headers.get("content-type") ?? undefined;
      return contentType === undefined ? { url, status: res.status, bytes } : { url, status: res.status, contentType, bytes };
    } catch (error) {
      return { url, status: null, bytes: 0, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** A message-like send was accepted: echo it if asked, and answer `{ message_id, date }`. */
  function accepted(chatId: string, echo?: { fields: Params; event: string }): Answer {
    if (echo) ownEcho(chatId, echo.fields, echo.event);
    return ok({ message_id: newMessageId(), date: Date.now() });
  }

  /** Records a send* call with its answer (accepted or refused) and wakes the waitForSent callers it matches. */
  function recordSend(method: SendMethod, params: Params, answer: Answer): void {
    const entry: SentCall = { method, chatId: stringParam(params, "chat_id") ?? "", at: Date.now(), status: answer.status, body: answer.body };
    for (const key of ["text", "photo", "caption", "sticker", "action"] as const) {
      const v = stringParam(params, key);
      if (v !== undefined) entry[key] = v;
    }
    const result = answer.body.result as { message_id?: unknown } | undefined;
    if (typeof result?.message_id === "string") entry.messageId = result.message_id;
    sent.push(entry);
    if (entry.status !== 200) return;
    for (const waiter of sentWaiters) waiter.check(entry);
  }

  async function handleSend(method: SendMethod, params: Params): Promise<Answer> {
    const chatId = requireChatId(params);
    switch (method) {
      case "sendMessage": {
        const text = checkText(params.text, "text", true) as string;
        return accepted(chatId, { fields: { text }, event: "message.text.received" });
      }
      case "sendPhoto": {
        const photo = stringParam(params, "photo");
        const photoUrl = parseUrl(photo);
        if (!photo || !photoUrl || (photoUrl.protocol !== "https:" && photoUrl.protocol !== "http:")) {
          throw new ApiError(400, "photo must be an https URL that the platform can download (no uploads)");
        }
        const caption = checkText(params.caption, "caption", false);
        const got = await fetchPhoto(photo);
        photoFetches.push(got);
        if (got.status === null || got.status < 200 || got.status > 299) {
          const why = got.status === null ? got.error : `HTTP ${got.status}`;
          throw new ApiError(400, `photo could not be downloaded from the URL (${why})`);
        }
        if (!got.contentType?.toLowerCase().startsWith("image/")) {
          throw new ApiError(400, `photo URL did not return an image (content-type ${got.contentType ?? "missing"})`);
        }
        // The reference only says own messages come back; a photo comes back as the image event a user's photo makes.
        const fields: Params = { photo_url: photo, photo, ...(caption === undefined ? {} : { caption }) };
        return accepted(chatId, { fields, event: "message.image.received" });
      }
      case "sendSticker": {
        if (!stringParam(params, "sticker")) throw new ApiError(400, "sticker is required (a sticker id)");
        return accepted(chatId);
      }
      case "sendChatAction": {
        const action = stringParam(params, "action");
        if (!action || !CHAT_ACTIONS.has(action)) throw new ApiError(400, 'action must be "typing" or "upload_photo"');
        return ok(true);
      }
    }
  }

  async function handleSetWebhook(params: Params): Promise<Answer> {
    const url = stringParam(params, "url");
    const target = parseUrl(url);
    const allowed = target && (target.protocol === "https:" || (target.protocol === "http:" && isLoopback(target.hostname)));
    if (!url || !target || !allowed) {
      throw new ApiError(400, "url must be an https URL (http only for 127.0.0.1 or localhost in tests)");
    }
    const secret = stringParam(params, "secret_token");
    if (!secret || secret.length < 8 || secret.length > 256) {
      throw new ApiError(400, "secret_token must be 8-256 characters");
    }
    // The platform calls the URL before accepting it; the reference does not say with what body, so the fake
    // sends an empty JSON object with the secret header. A handler should answer 2xx to any JSON it ignores.
    let status: number;
    try {
      status = await postJson(url, secret, {});
    } catch (error) {
      throw new ApiError(400, `webhook url is not reachable (${error instanceof Error ? error.message : String(error)}); start the server before setWebhook`);
    }
    if (status < 200 || status > 299) {
      throw new ApiError(400, `webhook url is not reachable (it answered HTTP ${status}; it must answer 200)`);
    }
    webhook = { url, secret };
    webhookUpdatedAt = Date.now();
    // Polling and a webhook exclude each other: polls still waiting get the same refusal a new poll would.
    for (const poll of polls.splice(0)) poll.answer(webhookSetRefusal());
    return ok({ url, updated_at: webhookUpdatedAt });
  }

  function webhookSetRefusal(): Answer {
    return fail(400, "getUpdates does not work while a webhook is set (call deleteWebhook first)");
  }

  function handlePoll(params: Params, res: ServerResponse): Promise<Answer> {
    if (webhook) return Promise.resolve(webhookSetRefusal());
    const next = queue.shift();
    if (next) return Promise.resolve(ok(next));
    const seconds = Number(stringParam(params, "timeout") ?? "30");
    const idleMs = options.pollIdleMs ?? Math.min(Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 30_000, 1000);
    return new Promise<Answer>((resolve) => {
      const poll: Poll = {
        timer: setTimeout(() => {
          remove();
          resolve(fail(408, "Request timeout"));
        }, idleMs),
        answer: (a) => {
          clearTimeout(poll.timer);
          resolve(a);
        },
      };
      const remove = () => {
        const i = polls.indexOf(poll);
        if (i >= 0) polls.splice(i, 1);
      };
      polls.push(poll);
      // A client that gave up must not swallow the next update.
      res.on("close", () => {
        if (!res.writableFinished) {
          clearTimeout(poll.timer);
          remove();
        }
      });
    });
  }

  async function handleApi(method: Method, params: Params, res: ServerResponse): Promise<Answer> {
    const failure = failures.get(method)?.shift();
    if (failure) return fail(failure.code, failure.description);
    if (quotaExceeded && QUOTA_METHODS.has(method)) return fail(429, "Quota exceeded");
    switch (method) {
      case "getMe":
        return ok({ id: botId, account_name: botName, account_type: "BASIC", can_join_groups: true });
      case "getUpdates":
        return handlePoll(params, res);
      case "setWebhook":
        return handleSetWebhook(params);
      case "deleteWebhook":
        // The reference says some clients see a 400 when no webhook was set; the fake always answers ok.
        webhook = null;
        webhookUpdatedAt = Date.now();
        return ok({ url: "", updated_at: webhookUpdatedAt });
      case "getWebhookInfo":
        return ok({ url: webhook?.url ?? "", updated_at: webhookUpdatedAt });
      default:
        return handleSend(method, params);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", baseUrl);
    const file = /^\/files\/[\w.-]+\.png$/.exec(url.pathname);
    if (file && req.method === "GET") {
      res.writeHead(200, { "content-type": "image/png", "content-length": TINY_PNG.length });
      res.end(TINY_PNG);
      return;
    }
    const route = /^\/bot([^/]+)\/([^/]*)$/.exec(url.pathname);
    const methodName = route?.[2] ?? "";
    const finish = (a: Answer) => {
      calls.push({ method: methodName, status: a.status });
      send(res, a);
    };
    if (!route) return finish(fail(404, "Not Found (the path is /bot<TOKEN>/<method>)"));
    if (decodeURIComponent(route[1] ?? "") !== token) return finish(fail(401, "Unauthorized"));
    if (!(METHODS as readonly string[]).includes(methodName)) {
      return finish(fail(404, `Not Found (no method "${methodName}"; method names are case-sensitive)`));
    }
    let params: Params = {};
    let answer: Answer;
    try {
      if (req.method !== "GET" && req.method !== "POST") throw new ApiError(400, `HTTP ${req.method} is not supported (use POST with a JSON body)`);
      params = await readParams(req, url);
      answer = await handleApi(methodName as Method, params, res);
    } catch (error) {
      answer = error instanceof ApiError ? fail(error.code, error.message) : fail(500, `fake-zalo: ${String(error)}`);
    }
    if (isSendMethod(methodName)) recordSend(methodName, params, answer);
    finish(answer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) send(res, fail(500, `fake-zalo: ${String(error)}`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let messageCount = 0;
  function userSends(m: FakeUserMessage): ZaloUpdate {
    const chatId = m.chatId ?? m.userId;
    const chatType = m.chatType ?? "PRIVATE";
    chatTypes.set(chatId, chatType);
    const kind = m.kind ?? "text";
    const messageId = m.messageId ?? newMessageId();
    const file = `${baseUrl}/files/${kind}-${++messageCount}.png`;
    const content: Params =
      kind === "text"
        ? { text: m.text ?? "" }
        : kind === "image"
          ? { photo_url: file, photo: file, ...(m.text === undefined ? {} : { caption: m.text }) }
          : kind === "sticker"
            ? { sticker: `sticker-${messageCount}`, url: file }
            : {};
    const update: ZaloUpdate = {
      event_name: `message.${kind}.received`,
      message: {
        from: { id: m.userId, [m.nameField ?? "display_name"]: m.name ?? "Người dùng", is_bot: false },
        chat: { id: chatId, chat_type: chatType },
        ...content,
        message_id: messageId,
        date: Date.now(),
      },
    };
    // With a webhook the POST runs in the background; a failure is the receiver's to show (deliver() reports it).
    deliver(update).catch(() => undefined);
    return update;
  }

  function waitForSent(predicate: (c: SentCall) => boolean, timeoutMs = 5000): Promise<SentCall> {
    const found = sent.find((c) => c.status === 200 && predicate(c));
    if (found) return Promise.resolve(found);
    return new Promise<SentCall>((resolve, reject) => {
      const waiter = {
        check: (c: SentCall) => {
          if (!predicate(c)) return;
          done();
          resolve(c);
        },
        fail: (e: Error) => {
          done();
          reject(e);
        },
      };
      const timer = setTimeout(() => {
        const list = sent.map((c) => `  ${c.method} ${c.chatId} → ${c.status} ${JSON.stringify(c.text ?? c.caption ?? c.photo ?? c.sticker ?? c.action ?? "")}`);
        waiter.fail(new Error(`fake-zalo: no matching accepted send within ${timeoutMs} ms; sent so far:\n${list.join("\n") || "  (nothing)"}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        sentWaiters.delete(waiter);
      };
      sentWaiters.add(waiter);
    });
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    closing.abort(new Error("fake-zalo: closed"));
    for (const waiter of sentWaiters) waiter.fail(new Error("fake-zalo: closed while waiting for a send"));
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    // Destroying the sockets ends pending long polls at once; their handlers then finish without writing.
    server.closeAllConnections();
    for (const poll of polls.splice(0)) poll.answer(fail(408, "Request timeout"));
    await stopped;
  }

  return {
    url: baseUrl,
    token,
    botId,
    sent,
    calls,
    photoFetches,
    get webhook() {
      return webhook ? { ...webhook } : null;
    },
    userSends,
    deliver,
    setQuotaExceeded(on: boolean) {
      quotaExceeded = on;
    },
    failNext(method: string, code: number, description?: string) {
      if (!(METHODS as readonly string[]).includes(method)) {
        throw new Error(`fake-zalo: failNext("${method}"): no such method (one of ${METHODS.join(", ")})`);
      }
      const list = failures.get(method) ?? [];
      list.push(description === undefined ? { code } : { code, description });
      failures.set(method, list);
    },
    waitForSent,
    close,
  };
}
