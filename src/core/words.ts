/**
 * The one vocabulary for roles and for "not reported", shared by every domain (people, status,
 * digest) so /dangky, /toi, confirmations and the digest name things the same way.
 */
import { t } from "./command.js";
import type { Lang } from "./dates.js";
import type { Role } from "./ports.js";

const ROLE_NAMES: Record<Role, { short: [string, string]; long: [string, string] }> = {
  member: { short: ["người dùng", "member"], long: ["người dùng", "member"] },
  lead: { short: ["đầu mối", "lead"], long: ["đầu mối của cơ quan, đơn vị", "agency lead"] },
  coordinator: { short: ["điều phối viên", "coordinator"], long: ["điều phối viên", "coordinator"] },
  admin: { short: ["quản trị viên", "admin"], long: ["quản trị viên", "admin"] },
};

/**
 * A role as people read it. `long` spells out whose lead ("đầu mối của cơ quan, đơn vị"), for
 * /toi and welcomes; `short` ("đầu mối") fits inside a sentence or a table.
 */
export function roleWord(role: Role, lang: Lang, form: "short" | "long" = "short"): string {
  const [vi, en] = ROLE_NAMES[role][form];
  return t(lang, vi, en);
}

/** "chưa báo cáo": the one phrase for a milestone nobody reported on. */
export function notReportedWord(lang: Lang): string {
  return t(lang, "chưa báo cáo", "not reported yet");
}
