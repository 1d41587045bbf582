/**
 * Numbered choices for channels without buttons (the terminal, Zalo): the pure rules.
 * A listing is stored with an identity; a typed number refers to the newest listing of the chat
 * until it expires; long listings are shown a page at a time ("thêm" shows the next page).
 * Numbers are stable within a listing family, so a number never starts meaning another item
 * while an earlier listing that showed it can still be typed from.
 */
import { t } from "./command.js";
import type { Lang } from "./dates.js";
import { fold } from "./fold.js";
import type { Listing, ListingOption } from "./ports.js";
import { type Button, type Rich, shortenLabel } from "./reply.js";

/** How long a listing's numbers can be typed. */
export const LISTING_TTL_MS = 24 * 60 * 60 * 1000;
/** Options shown at once; the rest come with "thêm". */
export const PAGE_SIZE = 10;

/** The words that ask for the next page (folded). */
const MORE_WORDS = new Set(["them", "xem them", "xem tiep", "tiep", "more", "next"]);

/** What a typed text means for a listing: a number, the next page, or nothing. */
export type ChoiceInput = { kind: "number"; number: number } | { kind: "more" } | null;

/** Reads "7", "7.", "số 7" or "thêm"; anything else is not a choice. */
export function parseChoice(text: string): ChoiceInput {
  const folded = fold(text).replace(/[.)!]+$/, "").trim();
  const m = /^(?:so\s*)?(\d{1,3})$/.exec(folded);
  if (m) return { kind: "number", number: Number(m[1]) };
  if (MORE_WORDS.has(folded)) return { kind: "more" };
  return null;
}

/**
 * Numbers for new options, given the unexpired listings of the same family (newest first):
 * an option whose payload an earlier listing showed keeps that number; any other option gets the
 * smallest number no earlier listing of the family used. So within a family a number means one
 * item for as long as it can be typed. The options keep their order.
 */
export function assignNumbers(buttons: readonly Button[], earlier: readonly Listing[]): ListingOption[] {
  const reserved = new Set<number>();
  const known = new Map<string, number>();
  for (const listing of earlier) {
    for (const o of listing.options) {
      reserved.add(o.number);
      if (!known.has(o.payload)) known.set(o.payload, o.number);
    }
  }
  const taken = new Set<number>();
  const numbers = buttons.map((b) => {
    const n = known.get(b.payload);
    if (n === undefined || taken.has(n)) return undefined;
    taken.add(n);
    return n;
  });
  let next = 1;
  return buttons.map((b, i) => {
    let n = numbers[i];
    if (n === undefined) {
      while (reserved.has(next) || taken.has(next)) next += 1;
      n = next;
      taken.add(n);
    }
    return { number: n, label: b.label, payload: b.payload };
  });
}

/** "1–8" or "1, 2, 5": the numbers a person may type now, in words they can act on. */
export function validNumbers(options: readonly ListingOption[]): string {
  const ns = options.map((o) => o.number).sort((a, b) => a - b);
  if (ns.length === 0) return "";
  const contiguous = ns.every((n, i) => i === 0 || n === ns[i - 1]! + 1);
  if (contiguous && ns.length > 2) return `${ns[0]}–${ns.at(-1)}`;
  return ns.join(", ");
}

/** The lines of numbered options, each label shortened by the one shared rule. */
export function optionLines(options: readonly ListingOption[], lang: Lang): Rich {
  const head = t(lang, "Trả lời bằng số để chọn:", "Reply with a number to choose:");
  return [head, ...options.map((o) => `\n  ${o.number}. ${shortenLabel(o.label)}`)];
}

/** "Còn 22 lựa chọn nữa: gõ "thêm" để xem tiếp." when a listing has unshown options. */
export function moreHint(listing: Pick<Listing, "options" | "shown">, lang: Lang): string | null {
  const left = listing.options.length - listing.shown;
  if (left <= 0) return null;
  return t(lang, `Còn ${left} lựa chọn nữa: gõ "thêm" để xem tiếp.`, `${left} more: type "more" to see them.`);
}

/** Whether the listing can still be typed from at `now` (ISO). */
export function isLive(listing: Pick<Listing, "expiresAt">, now: string): boolean {
  return listing.expiresAt > now;
}

/** The options already shown, which are the only numbers a person may type. */
export function shownOptions(listing: Pick<Listing, "options" | "shown">): ListingOption[] {
  return listing.options.slice(0, listing.shown);
}

/** The last page shown, to show again with a refusal so the menu is never lost. */
export function lastPage(listing: Pick<Listing, "options" | "shown">): ListingOption[] {
  const start = Math.max(0, Math.floor((listing.shown - 1) / PAGE_SIZE) * PAGE_SIZE);
  return listing.options.slice(start, listing.shown);
}
