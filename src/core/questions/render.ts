/** Replies of `/giaidap`: what was stored, who was told, the list of answers and one answer's history. */
import { t } from "../command.js";
import { formatDay, formatMoment, type Lang } from "../dates.js";
import { answerMark, currentVersion, isActive } from "../knowledge/coordinator-answers.js";
import type { AnswerVersion, CoordinatorAnswer, Role } from "../ports.js";
import { bold, code, italic, lines, type Reply, reply, type Rich } from "../reply.js";
import { dayOf } from "../time.js";
import type { DeskOutcome } from "./desk.js";
import type { NoticeReport } from "./notify.js";

/** Longest question or answer quoted in a list line. */
const QUOTE = 80;

/** The coordinator's confirmation after answering or linking. */
export function renderResolved(outcome: DeskOutcome, notices: NoticeReport, lang: Lang): Reply {
  const { answer, merged, shadowedBy } = outcome;
  const link = answer.kind === "link" ? currentVersion(answer).entryId : undefined;
  return reply(
    lines(
      [
        "✅ ",
        bold(
          link
            ? t(lang, `Đã gắn câu hỏi vào mục ${link} (mã ${answer.id}).`, `The question now belongs to entry ${link} (id ${answer.id}).`)
            : t(lang, `Đã lưu câu trả lời (mã ${answer.id}).`, `Answer saved (id ${answer.id}).`),
        ),
      ],
      link
        ? t(lang, "Từ nay các câu hỏi tương tự được trả lời bằng mục này.", "Similar questions are answered with that entry from now on.")
        : t(
            lang,
            `Từ nay trợ lý trả lời các câu hỏi tương tự bằng câu trả lời này, ghi rõ “${answerMark(answer, "vi")}”, khi kế hoạch chưa có thông tin.`,
            `Similar questions are answered with it from now on, marked “${answerMark(answer, "en")}”, whenever the plan has no information.`,
          ),
      shadowedBy &&
        t(
          lang,
          `⚠️ Lưu ý: mục ${shadowedBy.id} của kế hoạch hiện đã trả lời câu hỏi này. Trợ lý luôn trả lời theo kế hoạch trước; câu trả lời của anh/chị chỉ dùng khi kế hoạch không có thông tin. Nếu không còn cần, xin rút: /giaidap rut ${answer.id}.`,
          `⚠️ Note: plan entry ${shadowedBy.id} now answers this question. The plan always comes first; your answer is used only where the plan has no information. To withdraw it: /answer withdraw ${answer.id}.`,
        ),
      merged.length > 0 &&
        t(lang, `Gộp thêm ${merged.length} câu hỏi tương tự: ${merged.map((q) => `“${short(q.example)}”`).join(", ")}.`, `Also resolved ${merged.length} similar question(s): ${merged.map((q) => `“${short(q.example)}”`).join(", ")}.`),
      noticeLine(notices, lang),
      italic(t(lang, `Sửa: /giaidap sua ${answer.id} … · Rút: /giaidap rut ${answer.id} · Lịch sử: /giaidap xem ${answer.id}`, `Edit: /answer edit ${answer.id} … · Withdraw: /answer withdraw ${answer.id} · History: /answer show ${answer.id}`)),
    ),
  );
}

/** After an edit or a withdrawal. */
export function renderChanged(answer: CoordinatorAnswer, notices: NoticeReport | undefined, lang: Lang): Reply {
  const withdrawn = !isActive(answer);
  return reply(
    lines(
      [
        "✅ ",
        bold(
          withdrawn
            ? t(lang, `Đã rút ${answer.id}. Câu hỏi trở lại danh sách /cauhoi; lịch sử vẫn được giữ.`, `${answer.id} withdrawn. Its questions are back in /questions; the history is kept.`)
            : t(lang, `Đã sửa ${answer.id} (phiên bản ${answer.versions.length}); bản cũ vẫn được giữ trong lịch sử.`, `${answer.id} corrected (version ${answer.versions.length}); the earlier text stays in the history.`),
        ),
      ],
      !withdrawn &&
        t(lang, "Người hỏi chưa được báo sẽ nhận nội dung mới; người đã được báo không nhận lại.", "Askers not yet told will get the new text; those already told are not messaged again."),
      notices && noticeLine(notices, lang),
    ),
  );
}

/** Every coordinator answer, newest first, withdrawn ones included and marked. */
export function renderAnswerList(answers: readonly CoordinatorAnswer[], lang: Lang): Reply {
  if (answers.length === 0) return reply(t(lang, "Chưa có câu trả lời nào của điều phối viên. Xem câu hỏi chờ trả lời: /cauhoi.", "No coordinator answers yet. See the waiting questions: /questions."));
  const active = answers.filter(isActive).length;
  const rows = [...answers].reverse().map((a): Rich => {
    const first = a.versions[0]!;
    const current = currentVersion(a);
    const what = a.kind === "link" ? t(lang, `→ mục ${current.entryId}`, `→ entry ${current.entryId}`) : `→ “${short(current.text ?? "")}”`;
    const edits = a.versions.filter((v) => v.action === "edit").length;
    const state = !isActive(a)
      ? t(lang, ` · đã rút ${formatDay(dayOf(new Date(a.versions.at(-1)!.at)))}`, ` · withdrawn ${formatDay(dayOf(new Date(a.versions.at(-1)!.at)))}`)
      : edits > 0
        ? t(lang, ` · sửa ${edits} lần`, ` · edited ${edits}×`)
        : "";
    return ["• ", code(a.id), ` “${short(a.questions[0]!.example)}” ${what} (${first.byName}, ${formatDay(dayOf(new Date(first.at)))}${state})`];
  });
  return reply(
    lines(
      bold(t(lang, `📚 Câu trả lời của điều phối viên: ${active} đang dùng, ${answers.length - active} đã rút`, `📚 Coordinator answers: ${active} in use, ${answers.length - active} withdrawn`)),
      ...rows,
      "",
      italic(t(lang, "Lịch sử một câu trả lời: /giaidap xem <mã>", "History of one answer: /answer show <id>")),
    ),
  );
}

/** One answer with its questions and every version, oldest first. */
export function renderHistory(answer: CoordinatorAnswer, lang: Lang): Reply {
  return reply(
    lines(
      [bold(`${answer.id} · `), bold(isActive(answer) ? t(lang, "đang dùng", "in use") : t(lang, "đã rút", "withdrawn")), ` · ${t(lang, "chủ đề", "topic")} ${answer.topic}`],
      bold(t(lang, "Câu hỏi:", "Questions:")),
      ...answer.questions.map((q) => `• “${q.example}” (${t(lang, `${q.count} lượt`, `${q.count}×`)})`),
      bold(t(lang, "Lịch sử:", "History:")),
      ...answer.versions.map((v, i) => versionLine(v, i + 1, lang)),
    ),
  );
}

function versionLine(v: AnswerVersion, n: number, lang: Lang): Rich {
  const who = `${v.byName} (${roleLabel(v.role, lang)})`;
  const verb: Record<AnswerVersion["action"], [string, string]> = {
    answer: ["trả lời", "answered"],
    link: ["gắn vào mục", "linked to entry"],
    edit: ["sửa", "edited"],
    withdraw: ["rút", "withdrew"],
  };
  const [vi, en] = verb[v.action];
  const detail = v.entryId ? ` ${v.entryId}` : v.text ? `: ${v.text}` : "";
  return [`${n}. ${formatMoment(new Date(v.at))} — ${who} ${t(lang, vi, en)}${detail}`];
}

function noticeLine(n: NoticeReport, lang: Lang): string | false {
  const parts: string[] = [];
  if (n.told.length > 0) parts.push(t(lang, `Đã báo cho ${n.told.length} người đã hỏi.`, `${n.told.length} asker(s) told.`));
  if (n.deferred.length > 0)
    parts.push(t(lang, `${n.deferred.length} người dùng Zalo sẽ nhận vào ngày mai (mỗi ngày tối đa một tin).`, `${n.deferred.length} Zalo user(s) will get it tomorrow (one message a day at most).`));
  if (n.failed.length > 0) parts.push(t(lang, `${n.failed.length} tin chưa gửi được, trợ lý sẽ thử lại.`, `${n.failed.length} could not be sent; the assistant will retry.`));
  if (parts.length === 0) return t(lang, "Không có ai đang chờ câu trả lời này.", "Nobody is waiting for this answer.");
  return parts.join(" ");
}

function roleLabel(role: Role, lang: Lang): string {
  const names: Record<Role, [string, string]> = {
    member: ["thành viên", "member"],
    lead: ["đầu mối", "lead"],
    coordinator: ["điều phối viên", "coordinator"],
    admin: ["quản trị viên", "admin"],
  };
  return t(lang, ...names[role]);
}

function short(text: string): string {
  return text.length <= QUOTE ? text : `${text.slice(0, QUOTE - 1).trimEnd()}…`;
}
