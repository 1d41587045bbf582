import type { Lang } from "../dates.js";
import type { StatusKind } from "../ports.js";
import type { Button } from "../reply.js";

/** The four statuses in their fixed order (1–4), with the same label and emoji everywhere. */
export const STATUSES: readonly { kind: StatusKind; number: 1 | 2 | 3 | 4; emoji: string; vi: string; en: string }[] = [
  { kind: "done", number: 1, emoji: "✅", vi: "Đã hoàn thành", en: "Done" },
  { kind: "on-track", number: 2, emoji: "🟢", vi: "Đúng tiến độ", en: "On track" },
  { kind: "at-risk", number: 3, emoji: "🟠", vi: "Có nguy cơ chậm", en: "At risk" },
  { kind: "blocked", number: 4, emoji: "⛔", vi: "Vướng mắc", en: "Blocked" },
];

/** "✅ Đã hoàn thành": a status as people read it. */
export function statusLabel(kind: StatusKind, lang: Lang = "vi"): string {
  const s = STATUSES.find((x) => x.kind === kind)!;
  return `${s.emoji} ${lang === "en" ? s.en : s.vi}`;
}

/** The hidden command that status buttons send: `tt <milestoneId> <agencyId> <1-4>`. */
export const STATUS_BUTTON_COMMAND = "tt";

/**
 * The four status buttons for one milestone and agency, in two rows.
 * Their payloads are verified against the store when pressed.
 */
export function statusButtons(milestoneId: string, agencyId: string, lang: Lang = "vi"): Button[][] {
  const buttons = STATUSES.map((s) => ({
    label: statusLabel(s.kind, lang),
    payload: `${STATUS_BUTTON_COMMAND} ${milestoneId} ${agencyId} ${s.number}`,
  }));
  return [buttons.slice(0, 2), buttons.slice(2)];
}
