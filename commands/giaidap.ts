import { defineCommand, t } from "../src/core/command.js";
import type { Lang } from "../src/core/dates.js";
import { UserError } from "../src/core/errors.js";
import { fold } from "../src/core/fold.js";
import { cleanAnswer, editAnswer, entryOrThrow, listedQuestion, resolveQuestion, withdrawAnswer } from "../src/core/questions/desk.js";
import { notifyAskers } from "../src/core/questions/notify.js";
import { renderAnswerList, renderChanged, renderHistory, renderResolved } from "../src/core/questions/render.js";

/** What `/giaidap` was asked to do. */
type Action =
  | { kind: "resolve"; n: number; text?: string; entryId?: string }
  | { kind: "edit"; id: string; text?: string; entryId?: string }
  | { kind: "withdraw"; id: string; reason?: string }
  | { kind: "list" }
  | { kind: "show"; id: string };

const SUBCOMMANDS: Record<string, Exclude<Action["kind"], "resolve">> = {
  sua: "edit",
  edit: "edit",
  rut: "withdraw",
  withdraw: "withdraw",
  ds: "list",
  "danh sach": "list",
  list: "list",
  xem: "show",
  show: "show",
};

/**
 * /giaidap (alias /answer), for coordinators:
 * - `/giaidap <số> <câu trả lời>`: answers question <số> of the latest /cauhoi;
 * - `/giaidap <số> =<mã mục>`: attaches it to an existing FAQ entry, as a new way of asking it;
 * - `/giaidap sua <mã> <nội dung mới>` or `=<mã mục>`, `/giaidap rut <mã> [lý do]`: correct, withdraw
 *   (a new version each time; the history is kept);
 * - `/giaidap ds`, `/giaidap xem <mã>`: every answer, one answer's history.
 * Whoever asked hears back on their own chat (see src/core/questions/notify.ts).
 */
export default defineCommand({
  name: "giaidap",
  alias: "answer",
  access: "coordinator",
  description: { vi: "Trả lời câu hỏi trợ lý chưa trả lời được; sửa, rút, xem các câu trả lời", en: "Answer a question the assistant could not; edit, withdraw, list answers" },
  usage: { vi: "/giaidap <số> <câu trả lời> | <số> =<mã mục> | sua | rut | ds | xem", en: "/answer <number> <answer> | <number> =<entry id> | edit | withdraw | list | show" },
  parse(args, ctx): Action {
    return parseAction(args, ctx.lang);
  },
  async run(ctx, action) {
    const { services, actor, now, lang } = ctx;
    const { store } = services;
    switch (action.kind) {
      case "list":
        return renderAnswerList(await store.answers.list(), lang);
      case "show": {
        const answer = await store.answers.get(action.id);
        if (!answer) throw new UserError(t(lang, `Không có câu trả lời mã “${action.id}”. Xem danh sách: /giaidap ds.`, `There is no answer “${action.id}”. See the list: /answer list.`));
        return renderHistory(answer, lang);
      }
      case "resolve": {
        const question = await listedQuestion(store, actor, action.n, now, lang);
        const what = action.entryId ? { entry: entryOrThrow(services.knowledge, action.entryId, lang) } : { text: cleanAnswer(action.text ?? "", lang) };
        const outcome = await resolveQuestion(services, actor, question, what, now);
        const notices = await notifyAskers(services, now);
        return renderResolved(outcome, notices, lang);
      }
      case "edit": {
        const what = action.entryId ? { entry: entryOrThrow(services.knowledge, action.entryId, lang) } : { text: cleanAnswer(action.text ?? "", lang) };
        const answer = await editAnswer(services, actor, action.id, what, now, lang);
        return renderChanged(answer, undefined, lang);
      }
      case "withdraw": {
        const answer = await withdrawAnswer(services, actor, action.id, action.reason, now, lang);
        return renderChanged(answer, undefined, lang);
      }
    }
  },
});

/** Parses the text after /giaidap; throws a UserError with the usage when it is not understood. */
export function parseAction(args: string, lang: Lang): Action {
  const text = args.trim();
  const usage = () =>
    new UserError(
      t(
        lang,
        "Cách dùng: /giaidap <số> <câu trả lời> (số trong /cauhoi), /giaidap <số> =<mã mục> để gắn vào mục có sẵn, /giaidap sua <mã> <nội dung mới>, /giaidap rut <mã> [lý do], /giaidap ds, /giaidap xem <mã>.",
        "Usage: /answer <number> <answer> (number from /questions), /answer <number> =<entry id> to attach to an entry, /answer edit <id> <new text>, /answer withdraw <id> [reason], /answer list, /answer show <id>.",
      ),
    );
  const number = /^(\d{1,3})(?:\s+([\s\S]*))?$/.exec(text);
  if (number) {
    const rest = (number[2] ?? "").trim();
    if (rest.length === 0) {
      throw new UserError(t(lang, `Xin vui lòng ghi câu trả lời sau số, ví dụ: /giaidap ${number[1]} Lương tháng 7 chi trước ngày 10/8.`, `Please write the answer after the number, e.g. /answer ${number[1]} Salaries are paid before 10/8.`));
    }
    const n = Number(number[1]);
    return rest.startsWith("=") ? { kind: "resolve", n, entryId: rest.slice(1).trim() } : { kind: "resolve", n, text: rest };
  }
  const [head = "", ...tail] = text.split(/\s+/);
  const twoWords = fold(`${head} ${tail[0] ?? ""}`);
  const kind = SUBCOMMANDS[fold(head)] ?? SUBCOMMANDS[twoWords];
  const words = SUBCOMMANDS[fold(head)] ? tail : tail.slice(1);
  if (!kind) throw usage();
  if (kind === "list") return { kind };
  const id = words[0]?.toLowerCase();
  if (!id || !/^gd\d+$/.test(id)) {
    throw new UserError(t(lang, "Xin vui lòng ghi mã câu trả lời (ví dụ gd3; xem bằng /giaidap ds).", "Please give the answer id (e.g. gd3; see /answer list)."));
  }
  const rest = text.slice(text.indexOf(words[0]!) + words[0]!.length).trim();
  if (kind === "show") return { kind, id };
  if (kind === "withdraw") return { kind, id, ...(rest ? { reason: rest.slice(0, 300) } : {}) };
  if (rest.length === 0) throw new UserError(t(lang, `Xin vui lòng ghi nội dung mới, ví dụ: /giaidap sua ${id} <nội dung>.`, `Please give the new text, e.g. /answer edit ${id} <text>.`));
  return rest.startsWith("=") ? { kind: "edit", id, entryId: rest.slice(1).trim() } : { kind: "edit", id, text: rest };
}
