/**
 * Numbered choices with their store: turns the buttons of replies into one stored listing and the
 * text a person reads. The assistant uses it for answers; an outbox of a channel without buttons
 * (the terminal, Zalo) uses it for reminders and alerts, so a number means the same there.
 */
import { randomBytes } from "node:crypto";
import type { Lang } from "./dates.js";
import { assignNumbers, LISTING_TTL_MS, moreHint, optionLines, PAGE_SIZE } from "./listing.js";
import type { ChatKey, Listing, ListingRepo, UserKey } from "./ports.js";
import { flatButtons, type Reply, type Rich } from "./reply.js";

/** Who the listing is for and when it is shown. */
export interface ListingTarget {
  chatKey: ChatKey;
  userKey?: UserKey;
  /** What produced it (a command line without the slash, or a reminder key): numbers are stable per family. */
  family: string;
  lang: Lang;
  now: Date;
}

/**
 * Stores the buttons of `replies` as one listing (numbers stable within the family, the first
 * {@link PAGE_SIZE} shown, "thêm" for the rest) and returns the replies with numbered lines instead
 * of buttons. Replies without buttons come back unchanged and leave the current listing alone.
 */
export async function numberOptions(listings: ListingRepo, target: ListingTarget, replies: readonly Reply[]): Promise<Reply[]> {
  const buttons = replies.flatMap(flatButtons);
  if (buttons.length === 0) return [...replies];
  const nowIso = target.now.toISOString();
  // Numbered against the family and stored in one step of the store, so two listings of one family made at once
  // (two updates of the chat side by side) never give one item two numbers or one number two items.
  const listing = await listings.addToFamily({ chatKey: target.chatKey, family: target.family, now: nowIso }, (family): Listing => {
    const options = assignNumbers(buttons, family);
    return {
      id: `ls-${randomBytes(4).toString("hex")}`,
      chatKey: target.chatKey,
      ...(target.userKey !== undefined && { userKey: target.userKey }),
      family: target.family,
      options,
      shown: Math.min(options.length, PAGE_SIZE),
      createdAt: nowIso,
      shownAt: nowIso,
      expiresAt: new Date(target.now.getTime() + LISTING_TTL_MS).toISOString(),
    };
  });
  const numbered = listing.options;
  let index = 0;
  const lastWithButtons = replies.findLastIndex((r) => flatButtons(r).length > 0);
  return replies.map((r, i) => {
    const count = flatButtons(r).length;
    if (count === 0) return r;
    const mine = numbered.slice(index, index + count).filter((_, k) => index + k < listing.shown);
    index += count;
    const hint = i === lastWithButtons ? moreHint(listing, target.lang) : null;
    const text: Rich = mine.length > 0 ? [...r.text, "\n\n", ...optionLines(mine, target.lang)] : [...r.text];
    return { ...r, buttons: undefined, text: hint ? [...text, "\n", hint] : text };
  });
}
