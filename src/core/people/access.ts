/**
 * What a person may see outside the chat (the board, its downloads), decided from their role as it
 * stands now. Links name the person, never a role, so revoking the role revokes every link at once.
 */
import type { BoardScope } from "../board/model.js";
import type { Store, UserKey } from "../ports.js";

/**
 * The board scope of `userKey` now: everything for admins (ADMIN_IDS or a stored admin grant) and
 * coordinators, their own agency for a lead, and undefined for anyone else (or a revoked role).
 */
export async function boardScopeOf(store: Store, adminKeys: readonly UserKey[], userKey: UserKey): Promise<BoardScope | undefined> {
  if (adminKeys.includes(userKey)) return { kind: "all" };
  const person = await store.people.get(userKey);
  if (!person || person.revokedAt) return undefined;
  if (person.role === "admin" || person.role === "coordinator") return { kind: "all" };
  if (person.role === "lead" && person.agencyId) return { kind: "agency", agencyId: person.agencyId };
  return undefined;
}
