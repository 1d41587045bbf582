import { t } from "../command.js";
import type { Agency, CalendarFile, Content, FaqEntry } from "../content/schema.js";
import { sourceTitle } from "../content/schema.js";
import { formatDay, formatDue, type Lang } from "../dates.js";
import { fold } from "../fold.js";
import { byDeadline, milestoneTitle } from "../milestones.js";
import { diffDays } from "../time.js";
import { dayWithWeekday, holidayName, relativeYear } from "./calendar-question.js";

/**
 * Answers computed from `content/` and today's date rather than written once: where the plan stands, the public
 * holidays of `calendar.yaml`, the agencies of `agencies.yaml`. An FAQ entry opts in with `render:`; its `answer`
 * is what the search indexes and the fallback text.
 */
export type LiveKind = NonNullable<FaqEntry["render"]>;

/** What a live answer needs: the content, today, the language, the question, and the progress lines per milestone. */
export interface LiveInput {
  content: Content;
  today: string;
  lang: Lang;
  question: string;
  /** Reported progress of a milestone ("3/5 đơn vị đã báo hoàn thành"), or null when nobody has reported. */
  progress(milestoneId: string): string | null;
}

/** The text of a live answer. */
export function renderLive(kind: LiveKind, input: LiveInput): string {
  switch (kind) {
    case "plan-status":
      return planStatus(input);
    case "holidays":
      return holidays(input);
    case "agencies":
      return agencies(input);
  }
}

/** Extra text the search indexes for a live entry, so "Tết 2026" or "Sở KH&CN Bình Dương" finds it. */
export function liveIndexText(kind: LiveKind, content: Content): string {
  if (kind === "holidays") {
    const rows = holidayRows(content.calendar).map((h) => `${h.name} ${h.from} ${h.to} ${dm(h.from)} ${dm(h.to)}`);
    const swaps = content.calendar.workingDays.map((w) => `làm bù ${w.name} ${dm(w.date)}`);
    return [...rows, ...swaps].join(" \n ");
  }
  if (kind === "agencies") return content.agencies.map((a) => [a.name, ...a.shortNames].join(" ")).join(" \n ");
  return "";
}

function dm(day: string): string {
  const [y, m, d] = day.split("-");
  return `${Number(d)}/${Number(m)}/${y}`;
}

/** Where the plan stands today: its phase, what is past and what is coming, reported progress. */
function planStatus({ content, today, lang, progress }: LiveInput): string {
  const all = byDeadline(content.milestones);
  const upcoming = all.filter((m) => m.dueParsed.end >= today);
  const past = all.filter((m) => m.dueParsed.end < today);
  const last = all[all.length - 1];
  const lines: string[] = [];
  const todayText = formatDay(today, lang);
  if (upcoming.length === 0 && last) {
    lines.push(
      t(
        lang,
        `Tính đến hôm nay (${todayText}), mọi mốc của kế hoạch liên tịch đều đã qua: giai đoạn 1 (các mốc từ tháng 5/2025 đến 01/09/2025) và giai đoạn 2, giai đoạn cuối, dự kiến hoàn thành tháng 12/2025 (mốc cuối: ${milestoneTitle(last, lang)}, ${formatDue(last.dueParsed, lang)}).`,
        `As of today (${todayText}), every milestone of the joint plan has passed: phase 1 (milestones from May 2025 to 1 September 2025) and phase 2, the last phase, expected to be completed in December 2025 (last milestone: ${milestoneTitle(last, lang)}, ${formatDue(last.dueParsed, lang)}).`,
      ),
      t(
        lang,
        "Trợ lý chưa có nguồn chính thức xác nhận kế hoạch đã hoàn thành toàn bộ; các hệ thống chính (hội nghị truyền hình, quản lý văn bản, 1022, thủ tục hành chính) được báo chí đưa tin vận hành thông suốt từ đợt chạy thử 168 đơn vị ngày 25/06/2025.",
        "The assistant has no official source confirming that the whole plan is complete; the press reported the main systems (video conferencing, document management, 1022, administrative procedures) running smoothly since the trial of all 168 units on 25 June 2025.",
      ),
    );
  } else {
    const phase = upcoming.some((m) => m.phase === 1) ? 1 : 2;
    lines.push(
      t(lang, `Tính đến hôm nay (${todayText}), kế hoạch đang ở giai đoạn ${phase}; ${past.length}/${all.length} mốc đã qua.`, `As of today (${todayText}), the plan is in phase ${phase}; ${past.length} of ${all.length} milestones have passed.`),
      t(lang, "Các mốc sắp tới:", "Coming milestones:"),
      // Milestones with the same deadline share one line, so the next five deadlines fit in five lines.
      ...groupByDue(upcoming, lang)
        .slice(0, 5)
        .map((g) => `• ${g.titles.join("; ")}: ${g.due}`),
    );
  }
  const reported = all.flatMap((m) => {
    const line = progress(m.id);
    return line ? [`• ${milestoneTitle(m, lang)} — ${line}`] : [];
  });
  if (reported.length > 0) lines.push(t(lang, "Tiến độ các đơn vị đã báo qua trợ lý:", "Progress reported through the assistant:"), ...reported);
  else lines.push(t(lang, "Chưa có đơn vị nào báo tiến độ qua trợ lý.", "No agency has reported progress through the assistant yet."));
  lines.push(t(lang, "Gõ /lich để xem từng mốc.", "Type /deadlines for each milestone."));
  return lines.join("\n");
}

/** Milestones grouped by their deadline as said ("từ tháng 5/2025 đến tháng 8/2025"), in order. */
function groupByDue(milestones: readonly Content["milestones"][number][], lang: Lang): { due: string; titles: string[] }[] {
  const groups: { due: string; titles: string[] }[] = [];
  for (const m of milestones) {
    const due = formatDue(m.dueParsed, lang);
    const group = groups.find((g) => g.due === due);
    if (group) group.titles.push(milestoneTitle(m, lang));
    else groups.push({ due, titles: [milestoneTitle(m, lang)] });
  }
  return groups;
}

interface HolidayRow {
  name: string;
  from: string;
  to: string;
  note?: CalendarFile["holidays"][number]["note"];
}

function holidayRows(calendar: CalendarFile): HolidayRow[] {
  return calendar.holidays.map((h) => ({ name: h.name, ...("date" in h ? { from: h.date, to: h.date } : { from: h.from, to: h.to }), ...(h.note ? { note: h.note } : {}) }));
}

/** Which holiday a folded question is about, by the words people use for it. */
const HOLIDAY_WORDS: [RegExp, RegExp][] = [
  [/\b(nguyen dan|tet am|am lich|tet ta|lunar|tet)\b(?! duong)/, /nguyen dan/],
  [/\b(duong lich|tet tay|new year|1\/1)\b/, /duong lich/],
  [/\b(hung vuong|gio to|den hung|hung kings?|10\/3)\b/, /hung vuong/],
  [/\b(30\/4|1\/5|giai phong|thong nhat|lao dong|reunification|labou?r|may day)\b/, /30\/4/],
  [/\b(2\/9|quoc khanh|national day)\b/, /quoc khanh/],
];

/** The public holidays the question asks about (by name and year; else the coming ones, else the latest year). */
function holidays({ content, today, lang, question }: LiveInput): string {
  const q = fold(question);
  const rows = holidayRows(content.calendar);
  const relative = relativeYear(q, today);
  const years = [...new Set([...(q.match(/\b20\d\d\b/g) ?? []).map(Number), ...(relative === undefined ? [] : [relative])])];
  const kinds = HOLIDAY_WORDS.filter(([asked]) => asked.test(q)).map(([, named]) => named);
  let chosen = rows.filter((h) => (years.length === 0 || years.includes(Number(h.from.slice(0, 4)))) && (kinds.length === 0 || kinds.some((k) => k.test(fold(h.name)))));
  // "Tết Ất Tỵ": the year's name in the sexagenary cycle picks the row that carries it (when no year is given).
  const named = years.length > 0 ? [] : chosen.filter((h) => {
    const cycle = /\b(giap|at|binh|dinh|mau|ky|canh|tan|nham|quy) (ty|suu|dan|mao|thin|ty|ngo|mui|than|dau|tuat|hoi)$/.exec(fold(h.name));
    return cycle !== null && ` ${q} `.includes(` ${cycle[0]} `);
  });
  if (named.length > 0) chosen = named;
  if (years.length === 0 && named.length === 0 && chosen.length > 0) {
    const coming = chosen.filter((h) => h.to >= today);
    const latestYear = Math.max(...chosen.map((h) => Number(h.from.slice(0, 4))));
    chosen = coming.length > 0 ? coming.slice(0, kinds.length > 0 ? 1 : 6) : chosen.filter((h) => Number(h.from.slice(0, 4)) === latestYear);
  }
  if (chosen.length === 0) {
    const known = content.calendar.years.join(", ");
    return t(
      lang,
      `Trợ lý chỉ có lịch nghỉ lễ đã công bố của các năm ${known}; chưa có thông tin cho ngày nghỉ anh/chị hỏi. Anh/chị vui lòng theo thông báo chính thức của cơ quan.`,
      `The assistant only has the announced holidays of ${known}; there is no information for the day you ask about. Please follow your agency's official notice.`,
    );
  }
  const days = (h: HolidayRow) => diffDays(h.from, h.to) + 1;
  // A single day with its weekday, so "rơi vào Chủ nhật thì nghỉ bù ngày nào" reads its answer: "thứ Hai, 27/04/2026".
  const span = (h: HolidayRow) => (h.from === h.to ? dayWithWeekday(h.from, lang) : `${formatDay(h.from, lang)} – ${formatDay(h.to, lang)}`);
  const lines = [t(lang, "Lịch nghỉ lễ của cán bộ, công chức:", "Public holidays for civil servants:")];
  for (const h of chosen) {
    const n = days(h);
    lines.push(`• ${holidayName(h.name, lang)}: ${span(h)} (${t(lang, `${n} ngày`, `${n} day${n === 1 ? "" : "s"}`)})`);
  }
  // A holiday asked by name brings its sourced remark ("lễ hội kéo dài từ ngày nào"); a plain listing stays short.
  const notes = kinds.length > 0 ? chosen.flatMap((h) => (h.note ? [h.note] : [])) : [];
  for (const n of notes) {
    const source = content.sources.find((s) => s.id === n.source);
    lines.push(`${t(lang, n.vi, n.en)}${source ? ` (${t(lang, "Nguồn", "Source")}: ${sourceTitle(source, lang)}${source.url ? `, ${source.url}` : ""})` : ""}`);
  }
  const near = content.calendar.workingDays.filter((w) => chosen.some((h) => Math.abs(diffDays(w.date, h.from)) <= 14 || Math.abs(diffDays(w.date, h.to)) <= 14));
  for (const w of near) lines.push(t(lang, `• Làm bù: ${dayWithWeekday(w.date, "vi")} (${w.name})`, `• Make-up working day: ${dayWithWeekday(w.date, lang)}`));
  if (near.length === 0) lines.push(t(lang, "Không có ngày làm bù kèm theo.", "No make-up working day goes with it."));
  return lines.join("\n");
}

const KIND_LABEL: Record<Agency["kind"], [string, string]> = {
  department: ["Sở", "department"],
  center: ["Trung tâm", "center"],
  "party-office": ["Văn phòng cấp ủy", "Party office"],
  "people-committee": ["Ủy ban nhân dân", "People's Committee"],
  unit: ["Đơn vị", "unit"],
};

/** The agencies of the plan, with the short names people know them by. */
function agencies({ content, lang }: LiveInput): string {
  const lines = [t(lang, "Các cơ quan trong kế hoạch liên tịch:", "Agencies in the joint plan:")];
  for (const a of content.agencies) {
    const [vi, en] = KIND_LABEL[a.kind];
    const english = a.aliases.find((x) => /\b(Department|Center|Centre|Committee|Office)\b/.test(x) && x.split(" ").length >= 3);
    lines.push(lang === "en" && english ? `• ${english} (${en})` : `• ${a.name} (${a.shortNames[0]}; ${t(lang, vi.toLowerCase(), en)})`);
  }
  lines.push(
    t(
      lang,
      "Bốn cơ quan ban hành kế hoạch: Sở KH&CN TP.HCM, Sở KH&CN Bình Dương, Sở KH&CN Bà Rịa - Vũng Tàu và Trung tâm Chuyển đổi số TP.HCM.",
      "The four bodies that issued the plan: the HCMC, Binh Duong and Ba Ria - Vung Tau Departments of Science and Technology, and the HCMC Digital Transformation Center.",
    ),
  );
  return lines.join("\n");
}
