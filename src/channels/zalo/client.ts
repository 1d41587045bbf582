/**
 * A thin client of the Zalo Bot Platform API (`<root>/bot<TOKEN>/<method>`), one typed function per method.
 * No maintained npm client exists for this API, so this is ours. Every call is a POST with a JSON body
 * and a timeout; the token is part of every URL, so no error this module throws ever contains the URL.
 */

/** What getMe returns: the bot's own identity. */
export interface ZaloBotInfo {
  id: string;
  account_name?: string;
  account_type?: string;
  can_join_groups?: boolean;
}

/** One update as Zalo sends it (polling result, or a webhook body's `result`). */
export interface ZaloUpdate {
  event_name: string;
  message?: ZaloMessage;
}

/** The message inside an update. Fields vary by event; names may come as `display_name`, `first_name` or `name`. */
export interface ZaloMessage {
  from?: { id?: string | number; display_name?: string; first_name?: string; name?: string; is_bot?: boolean };
  chat?: { id?: string | number; chat_type?: string };
  text?: string;
  caption?: string;
  photo?: unknown;
  photo_url?: string;
  sticker?: string;
  url?: string;
  message_id?: string | number;
  date?: number;
}

/** What sendMessage, sendPhoto and sendSticker return. */
export interface ZaloSent {
  message_id: string;
  date?: number;
}

/** The Zalo API refused a call (`ok: false`): `errorCode` is the documented code (400, 401, 403, 404, 408, 429). */
export class ZaloApiError extends Error {
  override readonly name = "ZaloApiError";
  constructor(
    readonly method: string,
    readonly errorCode: number,
    readonly description: string,
  ) {
    super(`zalo: ${method} failed with ${errorCode}: ${description}`);
  }
}

/** The Zalo API could not be reached (DNS, refused connection, reset, timeout). Never carries the request URL. */
export class ZaloNetworkError extends Error {
  override readonly name = "ZaloNetworkError";
  constructor(
    readonly method: string,
    readonly reason: string,
  ) {
    super(`zalo: ${method} could not reach the Zalo API (${reason})`);
  }
}

/** The client's methods: the whole official set. */
export interface ZaloClient {
  getMe(): Promise<ZaloBotInfo>;
  /** One update, or null when the poll ended idle (the API's normal 408). */
  getUpdates(options?: { timeoutSeconds?: number; signal?: AbortSignal }): Promise<ZaloUpdate | null>;
  setWebhook(params: { url: string; secret_token: string }): Promise<{ url: string; updated_at?: number }>;
  /** Removes the webhook; "no webhook was set" (a 400 from some setups) counts as success. */
  deleteWebhook(): Promise<void>;
  getWebhookInfo(): Promise<{ url: string; updated_at?: number }>;
  sendMessage(params: { chat_id: string; text: string }): Promise<ZaloSent>;
  sendPhoto(params: { chat_id: string; photo: string; caption?: string }): Promise<ZaloSent>;
  sendSticker(params: { chat_id: string; sticker: string }): Promise<ZaloSent>;
  sendChatAction(params: { chat_id: string; action: "typing" | "upload_photo" }): Promise<void>;
}

/** Options of {@link createZaloClient}. */
export interface ZaloClientOptions {
  token: string;
  /** `https://bot-api.zaloplatforms.com`, or a local fake in tests. */
  apiRoot: string;
  /** Timeout of every call except getUpdates, in ms. Default 15 s. */
  timeoutMs?: number;
  /** The long-poll timeout asked of getUpdates, in seconds. Default 30. Its HTTP timeout is 10 s above it. */
  pollTimeoutSeconds?: number;
  fetch?: typeof globalThis.fetch;
}

/**
 * Creates the client.
 *
 * ```ts
 * const zalo = createZaloClient({ token: config.ZALO_BOT_TOKEN, apiRoot: config.ZALO_API_ROOT });
 * const me = await zalo.getMe();
 * ```
 */
export function createZaloClient(options: ZaloClientOptions): ZaloClient {
  const { token } = options;
  const root = options.apiRoot.replace(/\/+$/, "");
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const pollTimeout = options.pollTimeoutSeconds ?? 30;

  const call = async <T>(method: string, params: object, limitMs: number, signal?: AbortSignal): Promise<T> => {
    const timeout = AbortSignal.timeout(limitMs);
    const abort = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    let text: string;
    try {
      response = await doFetch(`${root}/bot${token}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(params),
        signal: abort,
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw new ZaloNetworkError(method, "aborted");
      if (timeout.aborted) throw new ZaloNetworkError(method, limitMs < 1000 ? `no answer within ${limitMs} ms` : `no answer within ${Math.round(limitMs / 1000)} s`);
      throw new ZaloNetworkError(method, redact(networkReason(error), token));
    }
    let body: { ok?: boolean; result?: unknown; description?: string; error_code?: number };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new ZaloApiError(method, response.status, `the answer was not JSON (HTTP ${response.status})`);
    }
    if (body.ok !== true) {
      const code = typeof body.error_code === "number" ? body.error_code : response.status;
      throw new ZaloApiError(method, code, redact(String(body.description ?? `HTTP ${response.status}`), token));
    }
    return body.result as T;
  };

  return {
    getMe: () => call<ZaloBotInfo>("getMe", {}, timeoutMs).then((me) => ({ ...me, id: String(me.id) })),
    async getUpdates({ timeoutSeconds = pollTimeout, signal } = {}) {
      try {
        const result = await call<ZaloUpdate | ZaloUpdate[] | null>("getUpdates", { timeout: String(timeoutSeconds) }, (timeoutSeconds + 10) * 1000, signal);
        // The documented result is one update; accept a one-element array too.
        if (Array.isArray(result)) return result[0] ?? null;
        return result && typeof result === "object" && "event_name" in result ? result : null;
      } catch (error) {
        if (error instanceof ZaloApiError && error.errorCode === 408) return null;
        throw error;
      }
    },
    setWebhook: (params) => call("setWebhook", params, timeoutMs),
    async deleteWebhook() {
      try {
        await call("deleteWebhook", {}, timeoutMs);
      } catch (error) {
        if (error instanceof ZaloApiError && error.errorCode === 400) return;
        throw error;
      }
    },
    getWebhookInfo: () => call("getWebhookInfo", {}, timeoutMs),
    sendMessage: (params) => call<ZaloSent>("sendMessage", params, timeoutMs).then(sentOf),
    // The platform downloads the photo before answering, so this one may take longer.
    sendPhoto: (params) => call<ZaloSent>("sendPhoto", params, timeoutMs * 2).then(sentOf),
    sendSticker: (params) => call<ZaloSent>("sendSticker", params, timeoutMs).then(sentOf),
    sendChatAction: (params) => call<unknown>("sendChatAction", params, timeoutMs).then(() => undefined),
  };
}

function sentOf(result: ZaloSent): ZaloSent {
  return { ...result, message_id: String(result?.message_id ?? "") };
}

/** The cause of a failed fetch, short: `ECONNREFUSED`, `ENOTFOUND bot-api.zaloplatforms.com`, … */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string; hostname?: string } })?.cause;
  if (cause?.code) return cause.hostname ? `${cause.code} ${cause.hostname}` : cause.code;
  return cause?.message ?? (error as Error)?.message ?? String(error);
}

/** Removes the token (and its secret half) from a text that might echo it. */
export function redact(text: string, token: string): string {
  if (!token) return text;
  const secret = token.slice(token.indexOf(":") + 1);
  let out = text.split(token).join("<token>");
  if (secret.length >= 6) out = out.split(secret).join("<secret>");
  return out;
}

/**
 * The same client, calling `onContact` after every call the API answered (an idle 408 poll included),
 * so /healthz can tell when the platform was last reached.
 */
export function withContact(client: ZaloClient, onContact: () => void): ZaloClient {
  const wrap =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        const result = await fn(...args);
        onContact();
        return result;
      } catch (error) {
        if (error instanceof ZaloApiError) onContact();
        throw error;
      }
    };
  return {
    getMe: wrap(client.getMe),
    getUpdates: wrap(client.getUpdates),
    setWebhook: wrap(client.setWebhook),
    deleteWebhook: wrap(client.deleteWebhook),
    getWebhookInfo: wrap(client.getWebhookInfo),
    sendMessage: wrap(client.sendMessage),
    sendPhoto: wrap(client.sendPhoto),
    sendSticker: wrap(client.sendSticker),
    sendChatAction: wrap(client.sendChatAction),
  };
}
