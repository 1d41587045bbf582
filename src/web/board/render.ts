/**
 * The board as server-rendered HTML, in Vietnamese. Pure string building from a {@link BoardView}:
 * no client framework, no inline script or style (the CSP forbids them), every text escaped.
 * Colour is never the only signal: each cell carries the status emoji and its name in words.
 */
import { FILTER_PARAMS, filtersQuery, LOCALITY_LABELS, type BoardRow, type BoardView } from "../../core/board/model.js";
import type { Content } from "../../core/content/schema.js";
import { formatDay, formatMoment } from "../../core/dates.js";
import { escapeHtml as esc } from "../../core/digest/html.js";
import { lightEmoji, lightName, roleName, stateEmoji, stateName } from "../../core/digest/sections.js";
import type { AttentionItem, PairState } from "../../core/digest/types.js";
import { PAIR_STATES } from "../../core/digest/types.js";
import { agencyLabel } from "../../core/milestones.js";
import type { StatusRecord } from "../../core/ports.js";
import { LOCALITIES } from "../../core/content/schema.js";

/** The class of a state, for colour: `s-done`, `s-on-track`, `s-at-risk`, `s-blocked`, `s-none`. */
const stateClass = (state: PairState) => `s-${state}`;

/** Where the board's pages live for one token: `/bang/<token>/`. */
export interface BoardPaths {
  /** The board itself, e.g. `/bang/<token>/`. */
  base: string;
  /** The calendar subscription of the scope (absolute URL), when links can be made. */
  subscription?: string;
}

function head(title: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="color-scheme" content="light">
<title>${esc(title)}</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/board.css">
<script src="/assets/board.js" defer></script>
</head>
<body>
<a class="skip" href="#luoi">Bỏ qua, đến bảng tiến độ</a>
`;
}

function scopeText(content: Content, view: BoardView): string {
  return view.scope.kind === "all" ? "tất cả cơ quan, đơn vị" : agencyLabel(content, view.scope.agencyId);
}

function option(value: string, label: string, selected: boolean): string {
  return `<option value="${esc(value)}"${selected ? " selected" : ""}>${esc(label)}</option>`;
}

function filtersForm(view: BoardView): string {
  const f = view.filters;
  const localities = view.scope.kind === "all"
    ? `<label>Địa phương <select name="${FILTER_PARAMS.locality}">${option("", "Tất cả", !f.locality)}${LOCALITIES.map((l) => option(l, LOCALITY_LABELS[l], f.locality === l)).join("")}</select></label>`
    : "";
  return `<form class="filters" method="get" role="search" aria-label="Lọc bảng">
${localities}
<label>Giai đoạn <select name="${FILTER_PARAMS.phase}">${option("", "Tất cả", !f.phase)}${option("1", "Giai đoạn 1", f.phase === 1)}${option("2", "Giai đoạn 2", f.phase === 2)}</select></label>
<label>Tình trạng <select name="${FILTER_PARAMS.status}">${option("", "Tất cả", !f.status)}${PAIR_STATES.map((s) => option(s, `${stateEmoji(s)} ${stateName(s)}`, f.status === s)).join("")}</select></label>
<label class="check"><input type="checkbox" name="${FILTER_PARAMS.overdue}" value="1"${f.overdue ? " checked" : ""}> Chỉ quá hạn</label>
<button type="submit">Lọc</button>
<a class="reset" href="?">Bỏ lọc</a>
</form>`;
}

function activeFilters(view: BoardView): string {
  const f = view.filters;
  const parts = [
    f.locality && `địa phương ${LOCALITY_LABELS[f.locality]}`,
    f.phase && `giai đoạn ${f.phase}`,
    f.status && `tình trạng “${stateName(f.status)}”`,
    f.overdue && "chỉ quá hạn",
  ].filter(Boolean);
  return parts.length > 0 ? `Đang lọc: ${esc(parts.join(", "))}.` : "Không lọc.";
}

/** The overall chart: one stacked bar of the five states (SVG, presentation attributes only), with a legend in words. */
function overallChart(view: BoardView): string {
  const { byState, overdue, pairs } = view.overview;
  let x = 0;
  const rects = PAIR_STATES.map((s) => {
    const w = pairs === 0 ? 0 : (byState[s].count * 1000) / pairs;
    const rect = w > 0 ? `<rect class="${stateClass(s)}" x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="40"/>` : "";
    x += w;
    return rect;
  }).join("");
  const legend = PAIR_STATES.map(
    (s) => `<li><span class="swatch ${stateClass(s)}" aria-hidden="true"></span>${stateEmoji(s)} ${esc(stateName(s))}: <b>${byState[s].count}</b> (${byState[s].percent}%)</li>`,
  ).join("");
  return `<section class="summary" aria-labelledby="tong-quan">
<h2 id="tong-quan">Tổng quan</h2>
<figure>
<svg class="bar" viewBox="0 0 1000 40" preserveAspectRatio="none" role="img" aria-label="Tỷ lệ các tình trạng trên ${pairs} cặp mốc × cơ quan">${rects}</svg>
<figcaption><ul class="legend">${legend}<li>⏰ Quá hạn: <b>${overdue.count}</b> (${overdue.percent}%)</li></ul>
<p class="note">${pairs} cặp mốc × cơ quan; mỗi cặp tính theo tình trạng báo cáo gần nhất.</p></figcaption>
</figure>
</section>`;
}

function rowBar(row: BoardRow): string {
  const total = PAIR_STATES.reduce((n, s) => n + row.counts[s], 0);
  let x = 0;
  const rects = PAIR_STATES.map((s) => {
    const w = total === 0 ? 0 : (row.counts[s] * 100) / total;
    const rect = w > 0 ? `<rect class="${stateClass(s)}" x="${x.toFixed(2)}" y="0" width="${w.toFixed(2)}" height="6"/>` : "";
    x += w;
    return rect;
  }).join("");
  return `<svg class="mini" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">${rects}</svg><span class="counts">${row.counts.done}/${total} hoàn thành${row.counts.blocked ? ` · ${row.counts.blocked} vướng mắc` : ""}</span>`;
}

function pager(view: BoardView, base: string): string {
  if (view.pages <= 1) return "";
  const link = (page: number, text: string, rel?: string) => `<a href="${esc(base + filtersQuery(view.filters, { page }))}"${rel ? ` rel="${rel}"` : ""}>${text}</a>`;
  const from = (view.page - 1) * view.columns.length + 1;
  return `<nav class="pager" aria-label="Trang cơ quan">
${view.page > 1 ? link(view.page - 1, "‹ Trang trước", "prev") : ""}
<span>Trang ${view.page}/${view.pages} (cơ quan ${from}–${from + view.columns.length - 1} trong ${view.agencyCount})</span>
${view.page < view.pages ? link(view.page + 1, "Trang sau ›", "next") : ""}
</nav>`;
}

function grid(view: BoardView, base: string): string {
  const query = filtersQuery(view.filters);
  if (view.rows.length === 0) {
    return `<section id="luoi" tabindex="-1" aria-labelledby="luoi-tieu-de"><h2 id="luoi-tieu-de">Mốc × cơ quan</h2><p class="empty">Không có mốc nào khớp với bộ lọc. <a href="?">Bỏ lọc</a></p></section>`;
  }
  const headCells = view.columns.map((c) => `<th scope="col"><span>${esc(c.name)}</span></th>`).join("");
  const body = view.rows
    .map((row, r) => {
      const cells = row.cells
        .map((cell, c) => {
          const name = esc(view.columns[c]!.name);
          if (!cell.state) return `<td class="na"><span class="agency">${name}</span><span class="label">Không phụ trách</span></td>`;
          // Relative to the board's own address (`/bang/<token>/`), which keeps every cell's link short.
          const href = `o/${encodeURIComponent(row.id)}/${encodeURIComponent(cell.agencyId)}${query}`;
          const classes = ["cell", stateClass(cell.state), cell.overdue ? "overdue" : "", cell.matches ? "" : "muted"].filter(Boolean).join(" ");
          // The link reads "agency, emoji, status": the milestone comes from the row header (table semantics on a desktop, the card on a phone).
          return `<td class="${cell.matches ? stateClass(cell.state) : "muted"}"><a class="${classes}" href="${esc(href)}" data-r="${r}" data-c="${c}"><span class="agency">${name}</span><span class="e" aria-hidden="true">${stateEmoji(cell.state)}</span> <span class="label">${esc(stateName(cell.state))}</span>${cell.overdue ? ` <span class="flag">Quá hạn</span>` : ""}</a></td>`;
        })
        .join("");
      return `<tr data-milestone="${esc(row.id)}" class="${row.daysLeft < 0 ? "past" : ""}"><th scope="row"><span class="title">${esc(row.title)}</span>
<span class="due">Hạn: <b>${esc(row.dueText)}</b> · <span class="countdown">${esc(row.countdown)}</span></span>
<span class="light">${lightEmoji(row.light)} Đèn ${esc(lightName(row.light))} · Giai đoạn ${row.phase}</span>${rowBar(row)}</th>${cells}</tr>`;
    })
    .join("\n");
  return `<section id="luoi" tabindex="-1" aria-labelledby="luoi-tieu-de">
<h2 id="luoi-tieu-de">Mốc × cơ quan</h2>
<p class="hint">Chọn một ô để xem lịch sử cập nhật. Dùng phím mũi tên để di chuyển giữa các ô.</p>
${pager(view, base)}
<div class="grid-wrap">
<table class="grid">
<caption>Tình trạng từng mốc theo cơ quan (${view.rows.length} mốc × ${view.columns.length} cơ quan)</caption>
<thead><tr><th scope="col">Mốc và thời hạn</th>${headCells}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
${pager(view, base)}
</section>`;
}

function attentionList(id: string, title: string, items: readonly AttentionItem[], base: string, empty: string): string {
  const shown = items.slice(0, 50);
  const li = shown
    .map(
      (i) =>
        `<li><a href="${esc(`${base}o/${encodeURIComponent(i.milestoneId)}/${encodeURIComponent(i.agencyId)}`)}">${esc(i.title)}</a> – ${esc(i.agencyName)}: ${stateEmoji(i.state)} ${esc(stateName(i.state))}, hạn ${esc(formatDay(i.due.end))}${i.note ? `<br><span class="note">“${esc(i.note.slice(0, 300))}”</span>` : ""}</li>`,
    )
    .join("");
  const more = items.length > shown.length ? `<p class="note">… và ${items.length - shown.length} cặp khác (xem tệp Excel).</p>` : "";
  return `<section class="attention" aria-labelledby="${id}"><h2 id="${id}">${esc(title)} (${items.length})</h2>${items.length === 0 ? `<p>${esc(empty)}</p>` : `<ul>${li}</ul>${more}`}</section>`;
}

function responses(view: BoardView): string {
  const rows = view.responses
    .map(
      (a) =>
        `<tr><th scope="row">${esc(a.agencyName)}</th><td><meter min="0" max="100" value="${a.percent}" aria-hidden="true"></meter> <b>${a.percent}%</b></td><td>${a.responded}/${a.milestones}</td><td>${a.hasRecipient ? "có" : "<b>chưa có</b>"}</td></tr>`,
    )
    .join("");
  return `<section class="responses" aria-labelledby="phan-hoi"><h2 id="phan-hoi">Tỷ lệ phản hồi theo cơ quan (14 ngày)</h2>
<div class="table-wrap"><table><thead><tr><th scope="col">Cơ quan</th><th scope="col">Tỷ lệ</th><th scope="col">Mốc đã báo cáo</th><th scope="col">Nơi nhận nhắc việc</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

function downloads(paths: BoardPaths): string {
  const sub = paths.subscription
    ? `<li><a href="${esc(paths.subscription.replace(/^https?:/, "webcal:"))}">Đăng ký lịch (tự cập nhật)</a> <span class="note">hoặc chép địa chỉ: <code>${esc(paths.subscription)}</code></span></li>`
    : "";
  return `<nav class="downloads" aria-label="Tải về"><h2>Tải về</h2><ul>
<li><a href="${paths.base}tai/tong-hop.xlsx" download>Excel (.xlsx)</a></li>
<li><a href="${paths.base}tai/tong-hop.csv" download>CSV</a></li>
<li><a href="${paths.base}tai/bieu-do.png">Biểu đồ (PNG)</a></li>
<li><a href="${paths.base}tai/lich.ics" download>Lịch thời hạn (.ics)</a></li>
${sub}</ul></nav>`;
}

/**
 * The whole board page.
 *
 * ```ts
 * const html = renderBoardPage(content, buildBoard(content, digest, scope, filters), { base: "/bang/<token>/" });
 * ```
 */
export function renderBoardPage(content: Content, view: BoardView, paths: BoardPaths): string {
  const base = paths.base;
  return `${head("Bảng theo dõi tiến độ – Trợ lý Hợp nhất")}<header class="top">
<h1>Bảng theo dõi tiến độ hợp nhất hệ thống thông tin</h1>
<p>Phạm vi: <b>${esc(scopeText(content, view))}</b>. Hôm nay ${esc(formatDay(view.today))}; số liệu lúc ${esc(formatMoment(new Date(view.generatedAt)))} (giờ Việt Nam).</p>
<p class="print-only">In từ Trợ lý Hợp nhất. ${activeFilters(view)}</p>
</header>
<main>
${filtersForm(view)}
<p class="active" aria-live="polite">${activeFilters(view)} ${view.rows.length} mốc, ${view.agencyCount} cơ quan.</p>
${overallChart(view)}
${grid(view, base)}
<div class="lists">
${attentionList("vuong-mac", "Vướng mắc", view.blocked, base, "Không có cặp mốc × cơ quan nào báo vướng mắc.")}
${attentionList("qua-han", "Quá hạn", view.overdue, base, "Không có cặp nào quá hạn.")}
</div>
${responses(view)}
${downloads(paths)}
</main>
<dialog id="lich-su" aria-labelledby="lich-su-tieu-de"><div class="dialog-body"></div><form method="dialog"><button type="submit" class="close">Đóng</button></form></dialog>
<footer><p>Liên kết này dành riêng cho anh/chị và hết hạn sau 24 giờ. Gõ /bang trong trò chuyện để nhận liên kết mới.</p></footer>
</body>
</html>
`;
}

/** One history entry as the board shows it. */
export interface HistoryEntry {
  at: string;
  kind: StatusRecord["kind"];
  status: StatusRecord["status"];
  role: StatusRecord["role"];
  onBehalfOf?: string;
  note?: string;
}

/**
 * The history of one cell: the append-only records, newest first, with time, status, the role of whoever
 * recorded it (never their name), on whose behalf, and the note. `fragment` leaves out the page around it
 * (what the board's script puts in its dialog).
 */
export function renderHistory(
  content: Content,
  args: { milestoneId: string; agencyId: string; records: readonly HistoryEntry[]; backHref: string; fragment: boolean },
): string {
  const milestone = content.milestones.find((m) => m.id === args.milestoneId);
  const title = `${milestone?.title ?? args.milestoneId} – ${agencyLabel(content, args.agencyId)}`;
  const items = [...args.records]
    .reverse()
    .map(
      (r) => `<li class="${stateClass(r.status)}"><time datetime="${esc(r.at)}">${esc(formatMoment(new Date(r.at)))}</time>
<span class="what">${r.kind === "note" ? "📝 Ghi chú thêm cho" : stateEmoji(r.status)} <b>${esc(stateName(r.status))}</b></span>
<span class="who">Người cập nhật: ${esc(roleName(r.role))}${r.onBehalfOf ? ` (cập nhật thay ${esc(agencyLabel(content, r.onBehalfOf))})` : ""}</span>
${r.note ? `<p class="note">${esc(r.note)}</p>` : ""}</li>`,
    )
    .join("\n");
  const body = `<h2 id="lich-su-tieu-de">Lịch sử: ${esc(title)}</h2>
${milestone ? `<p>Hạn: ${esc(formatDay(milestone.dueParsed.end))}. Các bản ghi chỉ được thêm, không bao giờ sửa hay xóa.</p>` : ""}
${args.records.length === 0 ? `<p class="empty">Chưa có báo cáo nào cho cặp mốc × cơ quan này.</p>` : `<ol class="history">${items}</ol>`}`;
  if (args.fragment) return body;
  return `${head(`Lịch sử – ${title}`)}<main id="luoi" class="history-page">
<p><a href="${esc(args.backHref)}">‹ Quay lại bảng</a></p>
${body}
</main>
</body>
</html>
`;
}

/** A short page for refusals (403, 404, 429), in Vietnamese with the English beside it. */
export function renderMessagePage(title: string, text: string): string {
  return `${head(title)}<main id="luoi" class="message"><h1>${esc(title)}</h1><p>${esc(text)}</p></main>
</body>
</html>
`;
}

/** The page Telegram opens as a Web App: its script sends Telegram's initData to the server, which answers with the board link. */
export function renderTelegramLaunchPage(): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Bảng theo dõi tiến độ</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/board.css">
<script src="/assets/telegram.js" defer></script>
</head>
<body>
<main id="luoi" class="message"><h1>Bảng theo dõi tiến độ</h1>
<p id="trang-thai" aria-live="polite">Đang xác minh tài khoản Telegram của anh/chị…</p>
<noscript><p>Trang này cần JavaScript để xác minh qua Telegram. Xin vui lòng gõ /bang trong trò chuyện để nhận liên kết mở bằng trình duyệt.</p></noscript>
</main>
</body>
</html>
`;
}
