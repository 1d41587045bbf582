import { defineCommand, t } from "../src/core/command.js";
import { digestFromStore } from "../src/core/digest/build.js";
import { lightEmoji, lightName, roleName, shortNote, stateEmoji, stateName } from "../src/core/digest/sections.js";
import type { DigestMilestone, DigestPair } from "../src/core/digest/types.js";
import { PAIR_STATES } from "../src/core/digest/types.js";
import { formatCountdown, formatDue, formatMoment, type Lang } from "../src/core/dates.js";
import { UserError } from "../src/core/errors.js";
import { agencyLabel, milestoneTitle } from "../src/core/milestones.js";
import { bold, code, italic, lines, reply, type Rich } from "../src/core/reply.js";
import { matchMilestones } from "../src/core/status/parse.js";

/** Longest note shown per agency. */
const NOTE_LIMIT = 1000;
/** Candidates offered as buttons when the text matches several milestones. */
const CHOICES = 8;

/**
 * /tinhhinh <mốc> (alias /progress): one milestone across all its responsible agencies, for
 * coordinators: the light, the deadline, each agency's latest status with its note, when and by
 * which role it was recorded, and what changed since the last weekly digest.
 */
export default defineCommand({
  name: "tinhhinh",
  alias: "progress",
  access: "coordinator",
  description: { vi: "Tình hình một mốc ở tất cả cơ quan phụ trách", en: "One milestone across all its agencies" },
  usage: { vi: "/tinhhinh <mã mốc hoặc từ khóa>", en: "/progress <milestone id or keyword>" },
  parse(args, ctx) {
    const text = args.trim().slice(0, 100);
    if (text.length === 0) {
      throw new UserError(
        t(
          ctx.lang,
          "Xin vui lòng ghi mốc cần xem sau lệnh, ví dụ: /tinhhinh email-lists hoặc /tinhhinh 1022. Xem mã các mốc bằng /lich.",
          "Please give the milestone after the command, e.g. /progress email-lists or /progress 1022. See the ids with /deadlines.",
        ),
      );
    }
    return text;
  },
  async run(ctx, text) {
    const { content, store } = ctx.services;
    const lang = ctx.lang;
    const found = matchMilestones(content, text);
    if (found.length === 0) {
      throw new UserError(
        t(
          lang,
          `Không tìm thấy mốc nào khớp với "${text}". Xin vui lòng ghi mã mốc (xem /lich), ví dụ: /tinhhinh email-lists.`,
          `No milestone matches "${text}". Please give the milestone id (see /deadlines), e.g. /progress email-lists.`,
        ),
      );
    }
    if (found.length > 1) {
      const shown = found.slice(0, CHOICES);
      return reply(
        lines(
          t(lang, `Có ${found.length} mốc khớp với "${text}". Xin vui lòng chọn một mốc:`, `${found.length} milestones match "${text}". Please choose one:`),
          ...shown.map((m): Rich => [`• ${milestoneTitle(m, lang)} (`, code(m.id), ")"]),
          found.length > shown.length && t(lang, `… và ${found.length - shown.length} mốc khác.`, `… and ${found.length - shown.length} more.`),
        ),
        { buttons: shown.map((m) => [{ label: milestoneTitle(m, lang).slice(0, 60), payload: `tinhhinh ${m.id}` }]) },
      );
    }
    const digest = await digestFromStore(content, store, ctx.now);
    const m = digest.milestones.find((x) => x.id === found[0]!.id)!;
    const source = found[0]!;
    return reply(
      lines(
        [`${lightEmoji(m.light)} `, bold(milestoneTitle(source, lang)), " (", code(m.id), ")"],
        `${t(lang, "Hạn", "Due")}: ${formatDue(m.due, lang)} (${formatCountdown(digest.today, m.due.end, lang)}) · ${t(lang, "Đèn", "Light")}: ${lightName(m.light, lang)}`,
        `${t(lang, "Đầu mối điều phối", "Coordinated by")}: ${agencyLabel(content, source.coordinator)}`,
        PAIR_STATES.filter((s) => m.counts[s] > 0)
          .map((s) => `${stateEmoji(s)} ${stateName(s, lang)}: ${m.counts[s]}`)
          .join(" · "),
        "",
        ...m.pairs.map((p) => pairLine(p, lang)),
        changesLine(m, lang),
        "",
        italic(t(lang, "Cập nhật thay cơ quan: /capnhat <mốc> <trạng thái> @<cơ quan>.", "Record for an agency: /update <milestone> <status> @<agency>.")),
      ),
    );
  },
});

function pairLine(p: DigestPair, lang: Lang): Rich {
  const out: Rich = ["• ", bold(p.agencyName), `: ${stateEmoji(p.state)} ${stateName(p.state, lang)}`];
  if (p.overdue) out.push(t(lang, " ⏰ quá hạn", " ⏰ overdue"));
  if (p.note) out.push(` – “${shortNote(p.note, NOTE_LIMIT)}”`);
  if (p.at) {
    const by = p.role ? `, ${roleName(p.role, lang)}${p.onBehalf ? t(lang, " cập nhật thay", " on behalf") : ""}` : "";
    out.push(italic(` (${formatMoment(new Date(p.at))}${by})`));
  }
  return out;
}

function changesLine(m: DigestMilestone, lang: Lang): Rich | null {
  if (!m.changes) return null;
  if (m.changes.length === 0) return [italic(t(lang, "Không thay đổi so với bản tổng hợp tuần trước.", "No change since the last weekly digest."))];
  const parts = m.changes.map((c) => `${c.agencyName} ${stateEmoji(c.from)}→${stateEmoji(c.to)}`).join("; ");
  return [t(lang, "Thay đổi so với bản tổng hợp tuần trước: ", "Changes since the last weekly digest: "), parts];
}
