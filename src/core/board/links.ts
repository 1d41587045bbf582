/** Absolute links to the web server's pages, for commands that hand out links (the board, calendars). */
import type { UserKey } from "../ports.js";

/** Made in the composition root from PUBLIC_URL and the link secret; absent when PUBLIC_URL is not set. */
export interface BoardLinks {
  /** The board for `userKey`, valid 24 h from `now`; what it shows follows the person's role at each request. */
  boardUrl(userKey: UserKey, now: Date): string;
  /** The calendar subscription of one agency (undefined: the whole plan); it does not expire. */
  calendarUrl(agencyId: string | undefined): string;
  /** The Telegram Web App entry (`…/bang/telegram`), when a Telegram bot is configured. */
  webAppUrl?: string;
}
