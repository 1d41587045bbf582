import { t } from "../command.js";
import { formatCountdown, formatDay, formatDue, formatMoment, type Lang } from "../dates.js";
import { statusDoubtText } from "../milestones.js";
import type { Role } from "../ports.js";
import { bold, code, italic, type Rich } from "../reply.js";
import { STATUSES } from "../status/kinds.js";
import { dayOf } from "../time.js";
import { roleWord } from "../words.js";
import { chatLabel } from "./build.js";
import type { AttentionItem, Digest, DigestMilestone, Light, PairState } from "./types.js";
import { PAIR_STATES } from "./types.js";

/** One line of a digest section: a paragraph, a list item, or a nested item under the previous one. */
export interface Line {
  kind: "p" | "li" | "sub";
  text: Rich;
}

/** A titled part of the digest. Level 1 is the digest's own title. */
export interface Section {
  title?: string;
  level: 1 | 2;
  lines: Line[];
}

/** The digest as sections: `head` (overview and needs attention, the first message) and `details`. */
export interface DigestSections {
  head: Section[];
  details: Section[];
}

/** Longest note shown in a chat message; the CSV carries the full text. */
const NOTE_LIMIT = 400;
/** Delivery failures listed one by one; the rest are counted. */
const FAILURES_SHOWN = 10;

const p = (...text: Rich): Line => ({ kind: "p", text });
const li = (...text: Rich): Line => ({ kind: "li", text });
const sub = (...text: Rich): Line => ({ kind: "sub", text });

/** The emoji of a pair state (the status emoji, ❔ for "not yet reported"). */
export function stateEmoji(state: PairState): string {
  return state === "none" ? "❔" : STATUSES.find((s) => s.kind === state)!.emoji;
}

/** A pair state as people read it, without emoji: "Vướng mắc", "Chưa báo cáo". */
export function stateName(state: PairState, lang: Lang = "vi"): string {
  if (state === "none") return t(lang, "Chưa báo cáo", "Not reported yet");
  const s = STATUSES.find((x) => x.kind === state)!;
  return lang === "en" ? s.en : s.vi;
}

/** "✅ đã hoàn thành · 🟢 đúng tiến độ · … · ❔ chưa báo cáo": the status words of every other reply. */
function statusLegend(lang: Lang): string {
  return PAIR_STATES.map((s) => `${stateEmoji(s)} ${stateName(s, lang).toLowerCase()}`).join(" · ");
}

/** The emoji of a traffic light. */
export function lightEmoji(light: Light): string {
  return { red: "🔴", yellow: "🟡", green: "🟢", white: "⚪" }[light];
}

/** A traffic light in words: "đỏ (cần xử lý)". */
export function lightName(light: Light, lang: Lang = "vi"): string {
  const names: Record<Light, [string, string]> = {
    red: ["đỏ (cần xử lý)", "red (needs action)"],
    yellow: ["vàng (cần theo dõi)", "yellow (watch)"],
    green: ["xanh (ổn)", "green (fine)"],
    white: ["trắng (chưa đủ thông tin)", "white (not enough information)"],
  };
  return t(lang, ...names[light]);
}

/** The role of whoever recorded a status, never their name. */
export function roleName(role: Role, lang: Lang = "vi"): string {
  return roleWord(role, lang);
}

/** A note on one line, shortened for chat messages. */
export function shortNote(note: string, limit = NOTE_LIMIT): string {
  const flat = note.replace(/\s+/g, " ").trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

/** "09/06–15/06/2025" */
function weekRange(d: Digest): string {
  return `${formatDay(d.week.from).slice(0, 5)}–${formatDay(d.week.to)}`;
}

function dueText(d: Digest, item: { due: DigestMilestone["due"] }, lang: Lang): string {
  return `${formatDue(item.due, lang)}, ${formatCountdown(d.today, item.due.end, lang)}`;
}

function shortMoment(iso: string): string {
  return formatMoment(new Date(iso)).slice(6, 11);
}

// A digest is immutable once built, so its sections are built once per language and shared by every renderer.
const sectionCache = new WeakMap<Digest, Partial<Record<Lang, DigestSections>>>();

/** Builds the sections every text renderer (Telegram, plain text, HTML, Markdown) shares; cached per digest and language. */
export function digestSections(d: Digest, lang: Lang = "vi"): DigestSections {
  const cached = sectionCache.get(d) ?? {};
  const hit = cached[lang];
  if (hit) return hit;
  const built = buildSections(d, lang);
  sectionCache.set(d, { ...cached, [lang]: built });
  return built;
}

function buildSections(d: Digest, lang: Lang): DigestSections {
  return {
    head: [headSection(d, lang), overviewSection(d, lang), attentionSection(d, lang)],
    details: [
      milestonesSection(d, lang),
      comingUpSection(d, lang),
      agenciesSection(d, lang),
      deliverySection(d, lang),
      questionsSection(d, lang),
    ],
  };
}

function headSection(d: Digest, lang: Lang): Section {
  return {
    level: 1,
    title: t(lang, `📊 Tổng hợp tuần ${weekRange(d)} (${d.week.id})`, `📊 Weekly digest ${weekRange(d)} (${d.week.id})`),
    lines: [
      p(
        t(
          lang,
          `Tình hình đến ${formatMoment(new Date(d.generatedAt))}: ${d.milestones.length} mốc, ${d.overview.pairs} cặp mốc × cơ quan phụ trách.`,
          `State at ${formatMoment(new Date(d.generatedAt))}: ${d.milestones.length} milestones, ${d.overview.pairs} milestone × agency pairs.`,
        ),
      ),
    ],
  };
}

function overviewSection(d: Digest, lang: Lang): Section {
  const { byState, overdue } = d.overview;
  const row = (emoji: string, name: string, s: { count: number; percent: number }, extra = ""): Line =>
    li(`${emoji} ${name}: `, bold(String(s.count)), ` (${s.percent}%)${extra}`);
  const comparison = d.previous
    ? t(
        lang,
        `So với bản tổng hợp trước (${d.previous.weekId}): ${d.overview.changes ?? 0} thay đổi tình trạng.`,
        `Compared with the previous digest (${d.previous.weekId}): ${d.overview.changes ?? 0} status changes.`,
      )
    : t(lang, "Đây là bản tổng hợp đầu tiên: chưa có bản trước để so sánh.", "This is the first digest: nothing to compare with yet.");
  return {
    level: 2,
    title: t(lang, "Tổng quan", "Overview"),
    lines: [
      ...PAIR_STATES.map((s) => row(stateEmoji(s), stateName(s, lang), byState[s])),
      row("⏰", t(lang, "Quá hạn", "Overdue"), overdue, t(lang, ": đã qua hạn mà chưa hoàn thành, tính riêng", ": past the deadline and not done, counted apart")),
      p(comparison),
    ],
  };
}

function attentionSection(d: Digest, lang: Lang): Section {
  const { blocked, overdue, atRiskSoon, doubtful } = d.attention;
  const lines: Line[] = [];
  const noteOf = (i: AttentionItem): Rich =>
    i.note ? [`: “${shortNote(i.note)}”`] : [": ", italic(t(lang, "chưa có ghi chú", "no note yet"))];
  if (blocked.length > 0) {
    lines.push(p(bold(t(lang, `⛔ Vướng mắc (${blocked.length})`, `⛔ Blocked (${blocked.length})`))));
    for (const i of blocked) {
      const when = i.at ? t(lang, ` (cập nhật ${shortMoment(i.at)})`, ` (updated ${shortMoment(i.at)})`) : "";
      lines.push(li(bold(i.title), ` – ${i.agencyName}`, ...noteOf(i), when));
    }
  }
  if (overdue.length > 0) {
    lines.push(p(bold(t(lang, `⏰ Quá hạn (${overdue.length})`, `⏰ Overdue (${overdue.length})`))));
    const byMilestone = new Map<string, AttentionItem[]>();
    for (const i of overdue) byMilestone.set(i.milestoneId, [...(byMilestone.get(i.milestoneId) ?? []), i]);
    for (const items of byMilestone.values()) {
      const first = items[0]!;
      const who = items.map((i) => `${i.agencyName} (${stateEmoji(i.state)} ${stateName(i.state, lang).toLowerCase()})`).join("; ");
      lines.push(li(bold(first.title), ` (${t(lang, "hạn", "due")} ${dueText(d, first, lang)}): ${who}`));
    }
  }
  if (atRiskSoon.length > 0) {
    lines.push(
      p(bold(t(lang, `🟠 Có nguy cơ chậm, hạn trong 7 ngày (${atRiskSoon.length})`, `🟠 At risk, due within 7 days (${atRiskSoon.length})`))),
    );
    for (const i of atRiskSoon) lines.push(li(bold(i.title), ` (${t(lang, "hạn", "due")} ${dueText(d, i, lang)}) – ${i.agencyName}`, ...noteOf(i)));
  }
  if (doubtful.length > 0) {
    lines.push(p(bold(t(lang, `🔎 Trạng thái cần xem lại (${doubtful.length})`, `🔎 Statuses to check (${doubtful.length})`))));
    for (const i of doubtful) {
      const when = i.at ? t(lang, ` (báo ${shortMoment(i.at)})`, ` (reported ${shortMoment(i.at)})`) : "";
      lines.push(li(bold(i.title), ` – ${i.agencyName}: ${statusDoubtText(i.due, i.doubt, lang)}`, when));
    }
  }
  if (lines.length === 0) lines.push(p(t(lang, "Không có mục nào cần chú ý. 👍", "Nothing needs attention. 👍")));
  return { level: 2, title: t(lang, "⚠️ Cần chú ý", "⚠️ Needs attention"), lines };
}

function countsText(m: DigestMilestone): string {
  return PAIR_STATES.filter((s) => m.counts[s] > 0)
    .map((s) => `${stateEmoji(s)} ${m.counts[s]}`)
    .join(" · ");
}

function milestonesSection(d: Digest, lang: Lang): Section {
  const lines: Line[] = [
    p(
      italic(
        t(
          lang,
          `Đèn: 🔴 cần xử lý · 🟡 cần theo dõi · 🟢 ổn · ⚪ chưa đủ thông tin. Tình trạng: ${statusLegend("vi")}.`,
          `Light: 🔴 needs action · 🟡 watch · 🟢 fine · ⚪ not enough information. Status: ${statusLegend("en")}.`,
        ),
      ),
    ),
  ];
  for (const m of d.milestones) {
    lines.push(li(`${lightEmoji(m.light)} `, bold(m.title), " (", code(m.id), ")"));
    lines.push(sub(`${t(lang, "Hạn", "Due")} ${dueText(d, m, lang)} · ${countsText(m)}`));
    const changes = (m.changes ?? []).map((c) => `${c.agencyName} ${stateEmoji(c.from)}→${stateEmoji(c.to)}`);
    if (m.previousLight && m.previousLight !== m.light) {
      changes.push(t(lang, `đèn ${lightEmoji(m.previousLight)}→${lightEmoji(m.light)}`, `light ${lightEmoji(m.previousLight)}→${lightEmoji(m.light)}`));
    }
    if (changes.length > 0) lines.push(sub(`${t(lang, "Thay đổi", "Changes")}: ${changes.join("; ")}`));
  }
  return { level: 2, title: t(lang, "🚦 Theo từng mốc", "🚦 By milestone"), lines };
}

function comingUpSection(d: Digest, lang: Lang): Section {
  const lines = d.comingUp.map((c) =>
    li(
      `${lightEmoji(c.light)} ${dueText(d, c, lang)}: `,
      bold(c.title),
      t(lang, ` – ${c.done}/${c.total} cơ quan đã hoàn thành`, ` – ${c.done}/${c.total} agencies done`),
    ),
  );
  if (lines.length === 0) lines.push(p(t(lang, "Không có mốc nào đến hạn trong 14 ngày tới.", "No deadline in the next 14 days.")));
  return { level: 2, title: t(lang, "📅 Sắp đến hạn (14 ngày tới)", "📅 Coming up (next 14 days)"), lines };
}

function agenciesSection(d: Digest, lang: Lang): Section {
  const lines: Line[] = [
    p(t(lang, "Tỷ lệ mốc của mỗi cơ quan có cập nhật tình trạng trong 14 ngày qua:", "Share of each agency's milestones with a status in the last 14 days:")),
    ...d.agencies.map((a) =>
      li(`${a.agencyName}: `, bold(`${a.percent}%`), t(lang, ` (${a.responded}/${a.milestones} mốc)`, ` (${a.responded}/${a.milestones} milestones)`)),
    ),
  ];
  const missing = d.agencies.filter((a) => !a.hasRecipient);
  if (missing.length > 0) {
    lines.push(
      p(
        bold(t(lang, "Chưa có người hoặc nhóm nhận nhắc việc: ", "No registered recipient: ")),
        missing.map((a) => a.agencyName).join(", "),
        t(lang, ". Xin vui lòng mời đầu mối hoặc đăng ký nhóm của cơ quan.", ". Please invite a lead or register the agency's group."),
      ),
    );
  }
  return { level: 2, title: t(lang, "📨 Phản hồi của cơ quan", "📨 Agency responses"), lines };
}

function deliverySection(d: Digest, lang: Lang): Section {
  const { delivery } = d;
  const lines: Line[] = [
    li(
      t(
        lang,
        `Nhắc việc đã gửi: ${delivery.remindersSent}; tin gửi thành công: ${delivery.delivered}; gửi không thành công: ${delivery.failures.length}.`,
        `Reminders sent: ${delivery.remindersSent}; messages delivered: ${delivery.delivered}; failed: ${delivery.failures.length}.`,
      ),
    ),
  ];
  if (delivery.inactiveChats.length > 0) {
    lines.push(p(bold(t(lang, "Chat đã chặn hoặc rời bot:", "Chats that blocked or left the bot:"))));
    for (const c of delivery.inactiveChats) {
      lines.push(li(chatLabel(c), c.since ? t(lang, ` (từ ${formatDay(dayFromIso(c.since))})`, ` (since ${formatDay(dayFromIso(c.since))})`) : ""));
    }
  }
  for (const q of delivery.quotaPauses) {
    const until = q.until ? formatMoment(new Date(q.until)) : "";
    lines.push(
      li(
        t(
          lang,
          `⚠️ Zalo báo vượt hạn mức gửi tin (429) lúc ${formatMoment(new Date(q.at))}; trợ lý tạm dừng gửi qua Zalo${until ? ` đến ${until}` : ""}.`,
          `⚠️ Zalo answered 429 "quota exceeded" at ${formatMoment(new Date(q.at))}; sending on Zalo paused${until ? ` until ${until}` : ""}.`,
        ),
      ),
    );
  }
  if (delivery.failures.length > 0) {
    lines.push(p(bold(t(lang, "Gửi không thành công:", "Failed sends:"))));
    for (const f of delivery.failures.slice(0, FAILURES_SHOWN)) {
      const why = f.result === "blocked" ? t(lang, "bị chặn", "blocked") : t(lang, "lỗi", "error");
      lines.push(li(`${formatMoment(new Date(f.at)).slice(0, 11)} – ${f.chatLabel ?? f.chatKey}: ${f.about ?? f.ref} (${why}${f.error ? `: ${shortNote(f.error, 120)}` : ""})`));
    }
    const more = delivery.failures.length - FAILURES_SHOWN;
    if (more > 0) lines.push(li(t(lang, `… và ${more} lần khác.`, `… and ${more} more.`)));
  }
  return { level: 2, title: t(lang, "📮 Gửi tin trong tuần", "📮 Deliveries this week"), lines };
}

function questionsSection(d: Digest, lang: Lang): Section {
  const q = d.questions;
  const rate = q.asked === 0 ? 0 : Math.round((q.answered * 100) / q.asked);
  const lines: Line[] = [li(t(lang, `Đã hỏi: ${q.asked}; trả lời được: ${q.answered} (${rate}%).`, `Asked: ${q.asked}; answered: ${q.answered} (${rate}%).`))];
  if (q.topics.length > 0) {
    lines.push(li(t(lang, "Chủ đề được hỏi nhiều: ", "Top topics: "), q.topics.map((x) => `${x.topic} (${x.count})`).join(", ")));
  }
  if (q.unanswered.length > 0) {
    lines.push(p(bold(t(lang, "Câu hỏi chưa trả lời được (nên bổ sung vào content/):", "Unanswered questions (worth adding to content/):"))));
    for (const u of q.unanswered) lines.push(li(`“${shortNote(u.example, 200)}” – ${u.count} ${t(lang, "lần", u.count === 1 ? "time" : "times")}`));
  }
  if (q.coordinatorAnswered.length > 0 || q.askersTold > 0) {
    lines.push(
      p(
        bold(
          t(
            lang,
            `Điều phối viên đã trả lời trong tuần: ${q.coordinatorAnswered.length} câu hỏi; đã báo cho ${q.askersTold} người hỏi.`,
            `Answered by coordinators this week: ${q.coordinatorAnswered.length}; ${q.askersTold} asker(s) told.`,
          ),
        ),
      ),
    );
    for (const a of q.coordinatorAnswered) {
      const how = a.kind === "link" ? t(lang, `gắn vào mục ${a.entryId}`, `linked to ${a.entryId}`) : a.id;
      lines.push(li(`“${shortNote(a.example, 200)}” → ${how}`));
    }
  }
  lines.push(p(italic(t(lang, "Xem chi tiết một mốc: /tinhhinh <mã mốc>.", "One milestone in detail: /progress <milestone id>."))));
  return { level: 2, title: t(lang, "❓ Câu hỏi trong tuần", "❓ Questions this week"), lines };
}

function dayFromIso(iso: string): string {
  return dayOf(new Date(iso));
}
