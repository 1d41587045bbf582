import type { Incoming } from "../../../src/core/command.js";
import type { Store, UserKey } from "../../../src/core/ports.js";
import { toPlain, type Reply } from "../../../src/core/reply.js";
import { textFrom } from "../../helpers/app.js";

/** Telegram-style user ids used across the status tests. */
export const USERS = {
  leadBrvt: "201",
  leadBinhduong: "202",
  leadTtcds: "203",
  coordinator: "301",
  member: "401",
} as const;

const GRANTED = { grantedBy: "telegram:1" as UserKey, grantedAt: "2025-04-20T02:00:00.000Z" };

/** Grants a lead role directly in the store, with the lead's private chat. */
export async function grantLead(store: Store, userId: string, agencyId: string, name = `Đầu mối ${userId}`): Promise<void> {
  await store.people.grant({ userKey: `telegram:${userId}`, name, role: "lead", agencyId, chatKey: `telegram:${userId}`, ...GRANTED });
}

/** Grants a coordinator role directly in the store. */
export async function grantCoordinator(store: Store, userId: string, name = `Điều phối viên ${userId}`): Promise<void> {
  await store.people.grant({ userKey: `telegram:${userId}`, name, role: "coordinator", chatKey: `telegram:${userId}`, ...GRANTED });
}

/** The usual cast: leads of Sở KH&CN BR-VT, Bình Dương and TTCĐS, and one coordinator. */
export async function grantCast(store: Store): Promise<void> {
  await grantLead(store, USERS.leadBrvt, "sokhcn-brvt", "Nguyễn Văn An");
  await grantLead(store, USERS.leadBinhduong, "sokhcn-binhduong", "Trần Thị Bình");
  await grantLead(store, USERS.leadTtcds, "ttcds-hcm", "Lê Văn Cường");
  await grantCoordinator(store, USERS.coordinator, "Phạm Thu Dung");
}

/** A text message in a Telegram private chat (buttons supported). */
export function tgText(userId: string, text: string, extra: Partial<Incoming> = {}): Incoming {
  return textFrom(userId, text, { channel: "telegram", supportsButtons: true, ...extra });
}

/** A button press in a Telegram private chat. */
export function tgPress(userId: string, payload: string, extra: Partial<Incoming> = {}): Incoming {
  return { ...tgText(userId, "", extra), text: undefined, payload };
}

/** The plain text of a reply. */
export function plain(r: Reply | undefined): string {
  return r ? toPlain(r.text) : "";
}
