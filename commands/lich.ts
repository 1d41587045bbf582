import { type CommandContext, defineCommand, t } from "../src/core/command.js";
import type { Content, Milestone } from "../src/core/content/schema.js";
import { type Analyzer, createAnalyzer, INTENT_PREFIX } from "../src/core/knowledge/query.js";
import { formatCountdown, formatDay, formatDue } from "../src/core/dates.js";
import { calendarFileName, calendarMilestones, renderDeadlinesIcs } from "../src/core/exports/ics.js";
import { agencyLabel, byDeadline, findAgency, milestoneTitle } from "../src/core/milestones.js";
import { bold, code, link, lines, reply, type Reply, type Rich } from "../src/core/reply.js";

/**
 * /lich [từ khóa] (alias /deadlines): the milestones still to come, then the past ones, each with its code (what
 * /capnhat takes), its date and how far away it is; estimated dates say so. Optionally filtered.
 * `/lich ics [cơ quan]` sends the deadlines as a calendar file (a lead's own agency by default, the whole
 * plan otherwise) with the address of a calendar subscription that stays up to date.
 */
export default defineCommand({
  name: "lich",
  alias: "deadlines",
  access: "everyone",
  description: { vi: "Các mốc thời hạn sắp tới và đã qua", en: "Upcoming and past deadlines" },
  usage: { vi: "/lich [từ khóa] · /lich ics [cơ quan]", en: "/deadlines [keyword] · /deadlines ics [agency]" },
  parse: (args) => args.slice(0, 100),
  run(ctx, filter) {
    const ics = /^ics(?:\s+([\s\S]*))?$/i.exec(filter.trim());
    if (ics) return calendarReply(ctx, (ics[1] ?? "").trim());
    const { content } = ctx.services;
    const { lang, today } = ctx;
    const chosen = byDeadline(filterMilestones(content, filter));
    if (chosen.length === 0) {
      return reply(
        t(
          lang,
          `Không tìm thấy mốc thời hạn nào khớp với "${filter}". Thử /lich email, /lich 1022 hoặc /lich binh duong.`,
          `No deadline matches "${filter}". Try /deadlines email, /deadlines 1022 or /deadlines binh duong.`,
        ),
      );
    }
    const upcoming = chosen.filter((m) => m.dueParsed.end >= today);
    const past = chosen.filter((m) => m.dueParsed.end < today);
    // Each row shows the milestone's code: it is what /capnhat and /tinhhinh take.
    const row = (m: Milestone): Rich => [`• `, code(m.id), ` — ${milestoneTitle(m, lang)}: `, bold(dueText(m, today, lang))];
    const title = filter
      ? t(lang, `Mốc thời hạn về "${filter}"`, `Deadlines about "${filter}"`)
      : t(lang, "Các mốc thời hạn của kế hoạch liên tịch", "Deadlines of the joint plan");
    const example = (upcoming[0] ?? past[past.length - 1])!.id;
    return reply(
      lines(
        [bold(title), ` (${t(lang, "tính đến", "as of")} ${formatDay(today, lang)})`],
        bold(t(lang, "Sắp tới:", "Coming:")),
        ...(upcoming.length > 0 ? upcoming.map(row) : [t(lang, "• Không còn mốc nào sắp tới.", "• No milestone is still to come.")]),
        past.length > 0 && bold(t(lang, "Đã qua:", "Past:")),
        ...past.map(row),
        "",
        t(lang, `Mã mốc (ví dụ ${example}) dùng cho /capnhat, ví dụ: /capnhat ${example} xong.`, `Use the code (e.g. ${example}) with /update, e.g. /update ${example} done.`),
        chosen.some((m) => m.estimated) &&
          t(lang, "Ngày ghi \"ước tính\" là dự kiến hoặc do trợ lý tính, không phải hạn chính thức.", "Dates marked \"estimate\" are expected or computed by the assistant, not official deadlines."),
        t(
          lang,
          "Nguồn: Kế hoạch liên tịch của Sở KH&CN TP.HCM, Bình Dương, Bà Rịa - Vũng Tàu và TTCĐS TP.HCM (bản đăng lại trên Báo Mới).",
          "Source: the joint plan of the HCMC, Binh Duong and Ba Ria - Vung Tau DOSTs and the HCMC Digital Transformation Center (republished by Báo Mới).",
        ),
      ),
    );
  },
});

/** "10/05/2025 (đã qua hơn 1 năm)", with "ước tính" for estimated dates. */
function dueText(m: Milestone, today: string, lang: "vi" | "en"): string {
  const countdown = formatCountdown(today, m.dueParsed.end, lang);
  const note = m.estimated ? `${t(lang, "ước tính", "estimate")}; ${countdown}` : countdown;
  return `${formatDue(m.dueParsed, lang)} (${note})`;
}

const LOCALITY_NAMES: Record<string, string> = { hcm: "TP.HCM", binhduong: "Bình Dương", brvt: "Bà Rịa - Vũng Tàu" };

/**
 * Milestones whose text, keywords, system or agencies contain every topic word of the filter.
 * The filter goes through the knowledge analyser: folded, glossary synonyms as one concept
 * ("email", "thư điện tử" and "mail" all match), fillers and question words dropped
 * ("/lich email khi nào" is "/lich email"). A filter of fillers only lists everything.
 */
export function filterMilestones(content: Content, filter: string, analyzer: Analyzer = createAnalyzer(content.glossary, content.lexicon)): Milestone[] {
  const wanted = [...new Set(analyzer.analyze(filter).units.filter((u) => !u.startsWith(INTENT_PREFIX)))];
  if (wanted.length === 0) return content.milestones;
  return content.milestones.filter((m) => {
    const agencies = content.agencies.filter((a) => m.responsible.includes(a.id) || m.coordinator === a.id);
    const texts = [
      m.id.replace(/-/g, " "),
      m.title,
      m.titleEn ?? "",
      m.system.replace(/-/g, " "),
      m.description,
      ...m.keywords,
      ...agencies.flatMap((a) => [a.name, ...a.shortNames, ...a.aliases, LOCALITY_NAMES[a.locality] ?? a.locality]),
    ];
    const have = new Set(texts.flatMap((text) => analyzer.analyze(text).units));
    return wanted.every((u) => have.has(u));
  });
}

/** The calendar file (and subscription address) of an agency named in `text`, the lead's own, or the whole plan. */
function calendarReply(ctx: CommandContext, text: string): Reply {
  const { content, boardLinks } = ctx.services;
  const { lang } = ctx;
  const agency = text ? findAgency(content, text) : undefined;
  if (text && !agency) {
    return reply(
      t(
        lang,
        `Không tìm thấy cơ quan "${text}". Xin vui lòng gõ tên hoặc tên viết tắt, ví dụ /lich ics Sở KH&CN Bình Dương, hoặc /lich ics để nhận lịch của cả kế hoạch.`,
        `No agency "${text}" was found. Please type its name, e.g. /deadlines ics Sở KH&CN Bình Dương, or /deadlines ics for the whole plan.`,
      ),
    );
  }
  const agencyId = agency?.id ?? ctx.actor.agencyId;
  const owner = agencyId ? agencyLabel(content, agencyId) : t(lang, "cả kế hoạch", "the whole plan");
  const count = calendarMilestones(content, agencyId).length;
  const data = new TextEncoder().encode(renderDeadlinesIcs(content, agencyId, ctx.now));
  const subscription = boardLinks?.calendarUrl(agencyId);
  return reply(
    lines(
      bold(t(lang, `📅 Lịch các mốc thời hạn của ${owner}`, `📅 Deadlines of ${owner}`)),
      t(
        lang,
        `${count} mốc, mỗi mốc là một sự kiện cả ngày vào hạn chót, có nhắc trước 3 ngày. Mở tệp .ics để thêm vào lịch; nhập lại không tạo trùng.`,
        `${count} deadlines, each an all-day event with a reminder 3 days ahead. Open the .ics file to add them; importing again does not duplicate.`,
      ),
      subscription && [t(lang, "Đăng ký lịch (tự cập nhật): ", "Subscribe (stays up to date): "), link(subscription, subscription)],
    ),
    {
      attachments: [
        {
          kind: "document",
          filename: calendarFileName(agencyId),
          data,
          caption: t(lang, `Lịch thời hạn – ${owner}`, `Deadlines – ${owner}`),
          source: { kind: "calendar-ics", asOf: ctx.now.toISOString(), ...(agencyId && { agencyId }) },
        },
      ],
    },
  );
}
