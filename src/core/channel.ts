/**
 * What a channel can do, so replies and their wording fit it: no "bấm" where nothing can be
 * pressed, no "liên kết" where no link can be opened. Each channel passes its capabilities on
 * every {@link Incoming}; renderers and wording read them through {@link capabilitiesOf}.
 */
import type { Incoming } from "./command.js";
import type { ChannelName } from "./ports.js";

/** The abilities of one channel. */
export interface ChannelCapabilities {
  /** Buttons a person can press (Telegram inline keyboards). Without them, options become numbered text. */
  buttons: boolean;
  /** The assistant can replace the text of a message it sent (Telegram's editMessageText). */
  edits: boolean;
  /** Files can be sent as files; without this they go as links (Zalo) or are only named. */
  files: boolean;
  /** Addresses the person can open (a printed URL counts in a terminal). */
  links: boolean;
  /** The longest text of one message, in characters. */
  maxLength: number;
}

/** Telegram: inline buttons, edits, uploads, links, 4096 characters per message. */
export const TELEGRAM_CAPABILITIES: ChannelCapabilities = Object.freeze({ buttons: true, edits: true, files: true, links: true, maxLength: 4096 });

/** The terminal: text only; files are saved to disk and printed URLs can be opened. */
export const CONSOLE_CAPABILITIES: ChannelCapabilities = Object.freeze({ buttons: false, edits: false, files: true, links: true, maxLength: 100_000 });

/** Zalo: text only, no edits, files only as links, 2000 characters per message. */
export const ZALO_CAPABILITIES: ChannelCapabilities = Object.freeze({ buttons: false, edits: false, files: false, links: true, maxLength: 2000 });

/** The usual capabilities of each channel, for messages that do not carry their own (outbox messages, old callers). */
export const DEFAULT_CAPABILITIES: Readonly<Record<ChannelName, ChannelCapabilities>> = Object.freeze({
  telegram: TELEGRAM_CAPABILITIES,
  console: CONSOLE_CAPABILITIES,
  zalo: ZALO_CAPABILITIES,
});

/**
 * The capabilities of the channel a message came from: `message.capabilities` when the channel set
 * them, else the channel's defaults, with `supportsButtons` still honoured (false always wins).
 *
 * ```ts
 * if (!capabilitiesOf(ctx.message).buttons) hint = "Trả lời bằng số để chọn";
 * ```
 */
export function capabilitiesOf(message: Pick<Incoming, "channel" | "supportsButtons" | "capabilities">): ChannelCapabilities {
  const base = message.capabilities ?? DEFAULT_CAPABILITIES[message.channel];
  return base.buttons && !message.supportsButtons ? { ...base, buttons: false } : base;
}
