import { type CommandContext, t } from "../command.js";
import type { FaqEntry, Milestone } from "../content/schema.js";
import { sourceTitle } from "../content/schema.js";
import { formatCountdown, formatDay, formatDue, type Lang, MONTH_WORDS_EN } from "../dates.js";
import { agencyName } from "../agency-name.js";
import { fold } from "../fold.js";
import { capital } from "../text.js";
import { forgetRecent } from "../recent.js";
import { detectLanguage, languageAsked, withoutLanguageRequest } from "../language.js";
import { locatesUnits } from "./answer-type.js";
import { addition, answerSpeaksOf, asksAboutSameThing, asksInclusion, asksTopicWebsite, asksWhatToNote, isSystemUnit, attributeWords, countSwap, eachSystemAsked, freshTopic, gapAsWhen, hasFollowUpMarker, NO_ENTRY, namesSystem, onlySlotValue, purposeAsked, refersBack, shiftDay, slotValuesIn, substitution, topicWords, withoutMarker } from "./follow-up.js";
import { coversSubjects } from "./entities.js";
import { withoutExcluded } from "./exclusion.js";
import { renderLive } from "./live.js";
import { localityShareLine } from "./locality-share.js";
import { createNormaliser, type Normaliser } from "./normalise.js";
import { asksCalendar, asksWeekday, breaksOf, dayIn, lacksData, namedWeekday, namesDay, parseCalendarQuestion, pastDayIn, planCalendarAnswer, planYear, renderCalendarAnswer, swapDay, weekdayName, writesDay, writtenDays } from "./calendar-question.js";
import { diffDays, isoWeekday } from "../time.js";
import { createWorkingCalendar } from "../calendar.js";
import { type SmallTalkKind, smallTalkKind, smallTalkReply } from "./small-talk.js";
import { byDeadline, milestoneTitle } from "../milestones.js";
import { INTENT_PREFIX } from "./query.js";
import { type Button, bold, lines, link, type Reply, reply, type Rich, type Span } from "../reply.js";
import { type LatestLookup, loadLatest, progressLine } from "../status/aggregate.js";
import { answerFromCoordinators } from "./coordinator-answers.js";
import { recordAsker } from "./askers.js";
import { readLongMessage } from "./long-message.js";
import { dueOn, dueOnDays, renderDueOn } from "./due-on.js";
import { type DatedClause, asksDayCount, betweenPhrases, pointsBack, chooseDay, chooseMilestone, isNow, datedClauses, dayCountLine, daysBetweenLine, daysWritten } from "./day-count.js";
import { mayNamePhase, phaseBeyond, phaseCount, phasesNamed } from "./phases.js";
import { aroundCount, asksHolidayOverlap, asksWhatFollows, saysWhatFollows, confirmationLines, extremeDeadlines, holidayOverlapLine, oneWayOrder, orderLines, orderSides, readExtreme, renderExtreme, statedDays, type CheckedDay, type DatedThing } from "./plan-dates.js";
import { asksWhatPrecedes, nextStep, nthStepAsked, stepAfterAsked, stepsEntry } from "./step-before.js";
import { agenciesNamed, asksSignatory, bodyTyped, renderSignatoryCheck, type AgencyUnits } from "./signatory-check.js";
import { milestonesInMonth, monthAsked, monthFollowUp, renderMonth } from "./month-milestones.js";
import { checkClaim, claimLines, readClaim, type ClaimSubject } from "./claim-check.js";
import { mayAskDeadlines, readComparison, readSchedule, readSharedDays, renderComparison, renderSchedule, renderSharedDays, systemName, systemsNamed } from "./system-deadlines.js";
import { localityAsked, localityTasks, renderLocalityTasks } from "./locality-tasks.js";
import type { Hit, SearchResult } from "./types.js";
import type { CoordinatorAnswer, TopicRecord } from "../ports.js";

/** The hidden command behind "Xem thêm" and "Có phải anh/chị muốn hỏi" buttons. */
export const MORE_COMMAND = "xemthem";
/** Button payloads are limited to 64 bytes (Telegram's callback data). */
const MAX_PAYLOAD_BYTES = 64;
/** Related milestones listed in one answer; the rest are one /lich away. */
const MAX_MILESTONES = 4;
/** Longest button label taken from a question. */
const MAX_LABEL = 60;

/** What answering one question produced: the replies, the search behind them and whether it was an answer. */
export interface AnswerOutcome {
  replies: Reply[];
  result: SearchResult;
  answered: boolean;
  /** Set when the message was small talk, answered before any search. */
  smallTalk?: SmallTalkKind;
  /** Whether the question was read as a follow-up of the chat's previous topic. */
  followUp?: boolean;
  /** The language the answer is written in. */
  lang: Lang;
}

/**
 * What composing an answer reads from the store, loaded once per question by {@link loadAnswerData}
 * so that {@link composeAnswer} and the renderers stay pure.
 */
export interface AnswerData {
  /** The chat's last topic, for elliptical follow-ups. */
  topic: TopicRecord | undefined;
  /** The latest statuses, for aggregate progress lines. */
  latest: LatestLookup;
  /** Coordinator answers, tried when the plan has no answer. */
  coordinatorAnswers: readonly CoordinatorAnswer[];
}

/** Loads what {@link composeAnswer} needs for this chat, in one round of reads. */
export async function loadAnswerData(ctx: CommandContext): Promise<AnswerData> {
  const { store } = ctx.services;
  const [topic, latest, coordinatorAnswers] = await Promise.all([store.topics.get(ctx.actor.chatKey), loadLatest(store), store.answers.list()]);
  return { topic, latest, coordinatorAnswers };
}

/**
 * Answers a question from the knowledge base, remembers the chat's topic for follow-ups, and records it in the
 * question statistics (unanswered ones are aggregated by folded text for the weekly digest). Small talk is
 * neither an answer nor an unanswered question: it is not recorded.
 */
export async function answerQuestion(ctx: CommandContext, question: string): Promise<Reply[]> {
  const outcome = composeAnswer(ctx, question, await loadAnswerData(ctx));
  if (outcome.smallTalk) return outcome.replies;
  const folded = fold(question).slice(0, 200);
  // Statistics must never cost the person their answer, nor delay it: the answer goes out while the
  // store writes in the background (writes in flight are coalesced, and closing the store waits for them).
  void ctx.services.store.questions
    .record({
      folded,
      text: question,
      answered: outcome.answered,
      topic: outcome.answered ? outcome.result.best?.entry.topic : undefined,
      at: ctx.now.toISOString(),
      day: ctx.today,
    })
    .catch((error: unknown) => ctx.services.log.warn({ err: error }, "knowledge: could not record the question"));
  void rememberTopic(ctx, question, outcome).catch((error: unknown) => ctx.services.log.warn({ err: error }, "knowledge: could not remember the topic"));
  // Coordinator answers (issue 13): whoever asked what nobody could answer is told once a coordinator answers.
  if (!outcome.answered) recordAsker(ctx, question, folded);
  return outcome.replies;
}

/** Stores the chat's topic after a question (with no entry when it got no answer), so the next elliptical question is read within it. */
export async function rememberTopic(ctx: CommandContext, question: string, outcome: AnswerOutcome): Promise<void> {
  if (outcome.smallTalk) return;
  // A question with no answer is remembered too, with no entry: a follow-up pointing back at it reads its words.
  const entryId = (outcome.answered ? outcome.result.best?.entry.id : undefined) ?? NO_ENTRY;
  await ctx.services.store.topics.set({ chatKey: ctx.actor.chatKey, entryId, question, lang: outcome.lang, at: ctx.now.toISOString() });
}

/**
 * Searches and renders without recording anything: small talk first; then the best entry (with the runner-up
 * offered when two entries are close), read within the chat's recent topic when the question is elliptical
 * ("còn Vũng Tàu thì sao?", "ai làm?"); or a clear "no information" reply with related topics and a contact.
 * Pure: what it needs from the store comes in `data` ({@link loadAnswerData}); the CLI uses it to report entry ids and scores.
 */
export function composeAnswer(base: CommandContext, question: string, data: AnswerData): AnswerOutcome {
  // Each message is read afresh: what was folded or detected for the message before is forgotten (see recent.ts).
  forgetRecent();
  // Telex/VNI residue of common words ("10/5 laf thuws maays") undone first: the calendar and the other phrase rules
  // read the words as typed.
  const typed = base.services.knowledge.untype(question);
  return composeLong(base, typed, data) ?? composeOne(base, typed, data);
}

/**
 * A long message answered as what it asks (see {@link readLongMessage}): greetings, self-introductions and thanks
 * left out, the context kept with the first question, and each later question read as a follow-up of the one before
 * ("1) … 2) …", "…, còn giai đoạn 2 thì khi nào?"). One reply per answered question, each entry once. Undefined when
 * the message is not long, or its first question gets no answer this way (the whole message is then searched).
 */
function composeLong(base: CommandContext, question: string, data: AnswerData): AnswerOutcome | undefined {
  const long = readLongMessage(question);
  if (!long) return undefined;
  // "… xong trước 15/8 thì còn bao nhiêu ngày nữa mới tới ngày chạy chính thức": a count between two things the message
  // names across its clauses is one question; so are the days it states for confirmation ("…trước 15/6, …trước 15/8 đúng ko").
  if (answerDaysBetween(base, question) || answerConfirmation(base, question)) return undefined;
  const [firstText, ...rest] = long.parts as [string, ...string[]];
  const lead = composeOne(base, firstText, data);
  if (!lead.answered || lead.smallTalk) return undefined;
  // "trả lời tiếng Anh giúp em: … thử nghiệm khi nào, chạy chính thức khi nào?": a language asked for once holds for
  // every question of the message.
  const langAsked = languageAsked(question);
  const replies = [...lead.replies];
  const seen = new Set([lead.result.best?.entry.id]);
  let previous = { question: firstText, outcome: lead };
  for (const part of rest) {
    const ask = (entryId: string, previousQuestion: string) => {
      const topic: TopicRecord = { chatKey: base.actor.chatKey, entryId, question: previousQuestion, lang: lead.lang, at: base.now.toISOString() };
      const next = composeOne({ ...base, lang: lead.lang }, part, { ...data, topic }, langAsked);
      const id = next.result.best?.entry.id;
      return next.answered && !next.smallTalk && id !== undefined && !seen.has(id) ? next : undefined;
    };
    // Read after the question before it; or, when that gives nothing new, after the context alone ("mã định danh và
    // chữ ký số … giai đoạn mấy, và hạn chót là lúc nào": the deadline is the systems', not the phase's).
    const next = ask(previous.outcome.result.best?.entry.id ?? NO_ENTRY, previous.question) ?? (long.subject ? ask(NO_ENTRY, long.subject) : undefined);
    if (!next) {
      // "1022 chạy chính thức ngày nào? tính đến nay được bao nhiêu ngày rồi?": a later question of the same entry
      // asks more of it (a day count, a weekday); the entry's reply is then the one to both questions together.
      const merged = sameEntryAgain(base, previous, part, data);
      if (merged) {
        const at = replies.indexOf(previous.outcome.replies[0]!);
        if (at >= 0) replies.splice(at, previous.outcome.replies.length, ...merged.replies);
        previous = { question: `${previous.question} ${part}`, outcome: merged };
      }
      continue;
    }
    seen.add(next.result.best?.entry.id);
    replies.push(...next.replies);
    previous = { question: part, outcome: next };
  }
  return { ...lead, replies };
}

/**
 * The answer to a question and a later one of the same long message read together, when the later one alone gives
 * the same entry again and together they say more (its reply text is longer); undefined otherwise.
 */
function sameEntryAgain(base: CommandContext, previous: { question: string; outcome: AnswerOutcome }, part: string, data: AnswerData): AnswerOutcome | undefined {
  const id = previous.outcome.result.best?.entry.id;
  if (id === undefined || previous.outcome.replies.length !== 1) return undefined;
  const together = composeOne({ ...base, lang: previous.outcome.lang }, `${previous.question.replace(/[?？]\s*$/u, "")}, ${part}`, data);
  if (!together.answered || together.smallTalk || together.result.best?.entry.id !== id || together.replies.length !== 1) return undefined;
  return together.replies[0]!.text.length > previous.outcome.replies[0]!.text.length ? together : undefined;
}

function composeOne(base: CommandContext, message: string, data: AnswerData, langAsked?: CommandContext["lang"]): AnswerOutcome {
  // Answer in the language the question is written in; when that is unclear, in the chat's language.
  // A message that does not say ("Binh Duong?") follows the chat's recent topic: an English question's follow-up is English.
  // A message asking for a language ("…, in English pls", "trả lời bằng tiếng Anh") gets it, whatever it is written in;
  // the request's words are then no part of the question ("in English pls, and the wards deadline?").
  const lang = languageAsked(message) ?? langAsked ?? detectLanguage(message.replace(DOCUMENT_NUMBER, " ")) ?? freshTopic(data.topic, base.now)?.lang ?? base.lang;
  // "hnay 2/5 r, hạn hnth còn bao nhiêu ngày": the day the person says is today is where counts start, and no part
  // of what is asked.
  const stated = statedToday(withoutLanguageRequest(message));
  const today = stated ? dayIn(fold(stated.day), base.today, deadlineDays(base.services.content)) : undefined;
  const question = stated && today ? stated.rest : withoutLanguageRequest(message);
  const ctx: CommandContext = { ...base, lang, ...(today ? { today } : {}) };
  const { knowledge } = ctx.services;
  const kind = smallTalkKind(question);
  if (kind) {
    const result: SearchResult = { decision: "none", suggestions: [], folded: fold(question), units: [] };
    return { replies: [reply(smallTalkReply(kind, lang))], result, answered: false, smallTalk: kind, lang };
  }
  // "how many days between the ward rollout deadline and that date?": "that date" is the previous answer's day.
  const earlier = freshTopic(data.topic, ctx.now);
  const between = answerDaysBetween(ctx, question, earlier ? () => entryDay(ctx, earlier.entryId) : undefined);
  if (between) return between;
  // "ngày QLVB chạy chính thức có trúng kỳ nghỉ lễ 2/9 ko": the day of a deadline named, before the holiday's own day.
  const overlap = answerHolidayOverlap(ctx, question);
  if (overlap) return overlap;
  const due = answerDueOn(ctx, question);
  if (due) return due;
  const previous = freshTopic(data.topic, ctx.now);
  // A calendar question, or a calendar follow-up of the chat's topic ("rơi vào thứ mấy, có nghỉ bù ko" after a holiday).
  // "hôm đó có phải ngày nghỉ lễ ko" after a question whose answer is one day: that day, asked of the calendar.
  const thatDay = previous && THAT_DAY.test(fold(question)) && asksCalendar(calendarText(ctx, question)) ? entryDay(ctx, previous.entryId) : undefined;
  // "and 22 August?" after "Is Saturday 10 January 2026 a working day?": the previous calendar question, of the new day.
  const dayFollowUp = previous && fold(question).split(" ").length <= 6 ? swapDay(fold(previous.question), fold(question)) : undefined;
  const calendar =
    answerCalendar(ctx, question, data.latest) ??
    (dayFollowUp ? answerCalendar(ctx, dayFollowUp, data.latest) : undefined) ??
    (thatDay ? answerCalendar(ctx, `${question} ${formatDay(thatDay)}`, data.latest) : undefined) ??
    (previous && asksCalendar(calendarText(ctx, question)) && fold(question).split(" ").length <= 8 ? answerCalendar(ctx, `${previous.question} ${question}`, data.latest) : undefined);
  if (calendar) return calendar.answered ? { ...calendar, followUp: previous !== undefined && calendar.result.folded !== fold(question) } : calendar;
  // "tháng 9 thì sao" after "tháng 6/2025 có mốc gì": the previous question, of the month named.
  const monthAgain = previous ? monthFollowUp(fold(previous.question), fold(question)) : undefined;
  const month = answerMonth(ctx, question) ?? (monthAgain ? answerMonth(ctx, monthAgain) : undefined);
  if (month) return monthAgain && month.result.folded === monthAgain ? { ...month, followUp: true } : month;
  const deadlines = answerSystemDeadlines(ctx, question);
  if (deadlines) return deadlines;
  const tasks = answerLocalityTasks(ctx, question);
  if (tasks) return tasks;
  const reasoned = answerPlanDates(ctx, question);
  if (reasoned) return reasoned;
  const beyond = answerPhaseBeyond(ctx, question);
  if (beyond) return beyond;
  const signatory = answerSignatoryCheck(ctx, question);
  if (signatory) return signatory;
  // "trước khi thử nghiệm qlvb thì phải làm gì": the entry walking through the one system's steps says what comes first.
  const steps = asksWhatPrecedes(fold(question)) ? systemsNamed(knowledge.unitsOf(question)) : [];
  const walk = steps.length === 1 ? stepsEntry(ctx.services.content.faq, ctx.services.content.milestones, steps[0]!.system) : undefined;
  // "sau khi thử nghiệm qlvb xong thì triển khai tiếp cho những ai": the entry of the system's next deadline.
  const after = walk ? undefined : answerStepAfter(ctx, question, data);
  if (after) return after;
  if (walk) {
    const result: SearchResult = { decision: "confident", best: { entry: walk, score: 0, relevance: 1 }, suggestions: [], folded: fold(question), units: knowledge.unitsOf(question) };
    return { replies: [renderEntry(ctx, walk, data.latest, { question, units: result.units })], result, answered: true, lang };
  }
  // "Ngoài HNTT, QLVB thì kế hoạch còn nêu hệ thống nào nữa": searched without the things left out, when that answers.
  const rest = withoutExcluded(question);
  const others = rest === undefined ? undefined : knowledge.search(rest);
  const standalone = others && others.decision !== "none" ? others : knowledge.search(question);
  const previousEntry = previous && knowledge.entry(previous.entryId);
  const read =
    previous && previousEntry
      ? readFollowUp(ctx, question, standalone, previous.question, previousEntry)
      : previous?.entryId === NO_ENTRY
        ? readAfterRefusal(ctx, question, previous.question)
        : undefined;
  // A follow-up asking what the sources never cover ("bao nhiêu tiền?", "ở đâu, mấy giờ?") does not inherit the topic's
  // answer unless that entry is about it.
  const within =
    read?.best && !coversSubjects(question, [...read.best.entry.questions, ...read.best.entry.keywords].join(" \n "))
      ? { ...read, decision: "none" as const, best: undefined, runnerUp: undefined, candidate: read.best, suggestions: [] }
      : read;
  const result = preferSupplied(within ?? standalone);
  let followUp = within !== undefined;
  if (result.decision === "none" || !result.best) {
    // "hôm nay tính ra QLVB chạy chính thức được bao nhiêu ngày rồi": a count from today to a deadline named, when no
    // entry answers the question's other words.
    const since = followUp ? undefined : answerDaysSince(ctx, question);
    if (since) return since;
    const each = followUp ? undefined : answerEachSystem(ctx, question, data);
    if (each) return each;
    // Coordinator answers (issue 13): before refusing, try what coordinators answered. The plan always comes first.
    const fromCoordinators = answerFromCoordinators(ctx, data.coordinatorAnswers, question, result, (c, entry) => renderEntry(c, entry, data.latest));
    if (fromCoordinators) return { ...fromCoordinators, lang };
    return { replies: [renderNoAnswer(ctx, result)], result, answered: false, lang };
  }
  const runnerUp = result.decision === "ambiguous" ? result.runnerUp?.entry : undefined;
  // The same entry again ("có làm bù không?" after a holiday question) reads both questions, like a follow-up.
  if (previous && previousEntry && result.best.entry.id === previousEntry.id) followUp = true;
  // A live answer (holidays) reads the question: a swapped follow-up is the question asked ("còn Giỗ Tổ?" → "giỗ tổ 2026").
  const asked = followUp && previous ? withoutOtherDays(ctx, result.folded !== standalone.folded ? result.folded : `${previous.question} ${question}`, question, result.best.entry) : question;
  // A referral entry ("quên mật khẩu": ask your unit's IT) is shown, but the question still counts as unanswered.
  // So does an entry that only says the value asked for is not known ("no count is published"): see answer-type.ts.
  const answered = result.best.entry.referral !== true && result.best.unsupplied !== true;
  const rendered = renderEntry(ctx, result.best.entry, data.latest, { runnerUp, question: asked, units: result.units });
  // "and how long before that …": the gap from the previous answer's day, said first.
  const gap = followUp && previous ? gapLine(ctx, question, previous.entryId, result.best.entry.id) : undefined;
  return { replies: [gap ? { ...rendered, text: lines(gap, rendered.text) } : rendered], result, answered, followUp, lang };
}

/** A day written with digits in a raw question ("15/8", "15/08/2025"). */
const RAW_DAY = /(?<!\d)\d{1,2}[/-]\d{1,2}(?:[/-]\d{4})?(?!\d)/g;

/**
 * The text a follow-up is read with (the previous question and the follow-up): without the days it writes when the
 * follow-up itself writes none and the entry answering it, not a live one, gives none of them ("còn ngày vận hành
 * chính thức?" after "hạn triển khai QLVB 15/8 là thứ mấy": the weekday asked is of the go-live day, not of 15/8).
 */
function withoutOtherDays(ctx: CommandContext, text: string, question: string, entry: FaqEntry): string {
  if (entry.render || writesDay(fold(question)) || !writesDay(fold(text))) return text;
  const { content } = ctx.services;
  const own = new Set([
    ...entry.milestones.flatMap((id) => content.milestones.filter((m) => m.id === id && m.dueParsed.precision === "day").map((m) => m.dueParsed.end)),
    ...[answerText(entry, ctx.lang), entry.answer].flatMap(datedClauses).map((c) => c.day),
  ]);
  const days = [...text.matchAll(RAW_DAY)].map((m) => dayIn(fold(m[0]), ctx.today, deadlineDays(content)));
  return days.some((d) => d !== undefined && own.has(d)) ? text : text.replace(RAW_DAY, " ").replace(/\s+/g, " ").trim();
}

/**
 * "qlvb và 1022 chạy chính thức ngày nào": the same asked of two systems, which no entry answers together, answered as
 * two questions, one reply each, when each is answered confidently by an entry of its own that speaks of its system.
 * The first system's entry is the topic kept for follow-ups. Undefined otherwise.
 */
function answerEachSystem(ctx: CommandContext, question: string, data: AnswerData): AnswerOutcome | undefined {
  const asked = eachSystemAsked(fold(question));
  if (!asked) return undefined;
  const { knowledge } = ctx.services;
  const results = asked.map((q) => ({ q, r: knowledge.search(q) }));
  const hits = results.map(({ r }) => (r.decision === "confident" && r.best && !isNonAnswer(r.best) ? r.best : undefined));
  const [a, b] = hits;
  if (!a || !b || a.entry.id === b.entry.id) return undefined;
  if (!asked.every((q, i) => slotValuesIn(q).some((v) => speaksOf(hits[i]!.entry, v)))) return undefined;
  const replies = results.map(({ q, r }) => renderEntry(ctx, r.best!.entry, data.latest, { question: q, units: r.units }));
  return { replies, result: results[0]!.r, answered: true, lang: ctx.lang };
}

/**
 * "Ngày 15/08/2025 sớm hơn ngày 01/09/2025 17 ngày.": the gap between the day a follow-up's answer gives and the previous answer's day,
 * when the follow-up asks it ("how long before that", "bao lâu trước đó"); undefined otherwise or when either answer
 * gives no single day.
 */
function gapLine(ctx: CommandContext, question: string, previousId: string, entryId: string): string | undefined {
  const bare = withoutMarker(question);
  if (gapAsWhen(bare) === bare) return undefined;
  const [from, to] = [entryDay(ctx, previousId), entryDay(ctx, entryId)];
  if (!from || !to || from === to) return undefined;
  const n = Math.abs(diffDays(from, to));
  const [a, b] = [formatDay(to, ctx.lang), formatDay(from, ctx.lang)];
  const earlier = to < from;
  return ctx.lang === "en"
    ? `${a} is ${n} day${n === 1 ? "" : "s"} ${earlier ? "before" : "after"} ${b}.`
    : `Ngày ${a} ${earlier ? "sớm hơn" : "muộn hơn"} ngày ${b} ${n} ngày.`;
}

/**
 * "từ hạn gửi danh sách (10/5) tới hạn tạo tài khoản (10/6) cách nhau bao nhiêu ngày": the days between two days the
 * question writes, when one of them is a deadline of the plan (the entry of that deadline is the topic kept for
 * follow-ups); undefined otherwise.
 */
function answerDaysBetween(ctx: CommandContext, question: string, previousDay?: () => string | undefined): AnswerOutcome | undefined {
  const { content } = ctx.services;
  const folded = fold(question);
  const known = deadlineDays(content);
  const written = daysWritten(folded);
  const named = written ? undefined : (namedDays(ctx, question, previousDay) ?? dayToDeadline(ctx, question));
  const [a, b] = written ? written.map((d) => dayIn(d, ctx.today, known)) : (named?.map((n) => n.day) ?? []);
  // Two things named that fall on one day ("mốc QLVB và mốc 1022 chạy chính thức cách mấy ngày"): 0 days apart. Not one
  // thing named twice.
  const twoThings = named !== undefined && (named[0].milestone ? named[0].milestone !== named[1].milestone : named[0].label !== named[1].label);
  if (!a || !b || (a === b && !twoThings)) return undefined;
  // The deadlines the question named, said with their days: what the count is between.
  const which = (named ?? []).flatMap((n) =>
    n.milestone ? [`• ${milestoneTitle(n.milestone, ctx.lang)}: ${formatDay(n.day, ctx.lang)}`] : n.label ? [`• ${capital(n.label)}: ${formatDay(n.day, ctx.lang)}`] : [],
  );
  const first = [a, b].flatMap((d) => dueOn(content.milestones, d))[0];
  const given = named?.find((n) => n.entry)?.entry ?? (named?.some((n) => n.today) ? givingDay(ctx, question, [a, b]) : undefined);
  const entry = first ? content.faq.filter((e) => e.milestones.includes(first.id) && e.referral !== true).sort((x, y) => x.milestones.length - y.milestones.length)[0] : given;
  if (!entry) return undefined;
  const source = first?.source ?? entry.source;
  const units = ctx.services.knowledge.unitsOf(question);
  const result: SearchResult = { decision: "confident", best: { entry, score: 0, relevance: 1 }, suggestions: [], folded, units };
  const other = named?.find((n) => !n.today);
  const count = named?.some((n) => n.today) && other ? dayCountLine(ctx.today, other.day, ctx.lang) : daysBetweenLine(a, b, ctx.lang);
  return { replies: [reply(lines(count, ...which, sourceLine(ctx, source)))], result, answered: true, lang: ctx.lang };
}

/**
 * "chính quyền mới chạy từ 1/7 tới giờ được bao nhiêu ngày": the entry the question finds when its answer gives one of
 * `days` (the topic kept for follow-ups and the source of a count from a day the question writes); undefined otherwise.
 */
function givingDay(ctx: CommandContext, question: string, days: readonly string[]): FaqEntry | undefined {
  const r = ctx.services.knowledge.search(question);
  const entry = r.decision !== "none" && r.best && r.best.unsupplied !== true && r.best.entry.referral !== true ? r.best.entry : undefined;
  if (!entry) return undefined;
  const given = [answerText(entry, ctx.lang), entry.answer].flatMap(datedClauses).map((c) => c.day);
  return days.some((d) => given.includes(d)) ? entry : undefined;
}

/**
 * "từ hạn thử nghiệm qlvb đến hạn triển khai toàn bộ cách nhau bao nhiêu ngày": the two days a question names as the
 * plan's deadlines (or writes), in order; undefined unless both are found. A deadline is the day-precise milestone
 * whose title and keywords share the most words with its phrase, ties broken by the whole question's words.
 */
function namedDays(ctx: CommandContext, question: string, previousDay?: () => string | undefined): [NamedDay, NamedDay] | undefined {
  const phrases = betweenPhrases(fold(question));
  if (!phrases) return undefined;
  const { knowledge, content } = ctx.services;
  const known = deadlineDays(content);
  const choices = content.milestones.filter((m) => m.dueParsed.precision === "day" && m.reminders?.enabled !== false);
  const context = knowledge.unitsOf(question);
  // "từ 1/7 tới giờ": a day counted up to today is one already come.
  const untilNow = isNow(phrases[1]) && !isNow(phrases[0]);
  const days = phrases.map((p, i) => {
    const written = writesDay(p) ? (untilNow && i === 0 ? pastDayIn(p, fold(question), ctx.today, known) : dayIn(p, ctx.today, known)) : undefined;
    if (written) return { day: written };
    if (isNow(p)) return { day: ctx.today, today: true };
    // "… and that date": the day the previous answer gave, when it gave one.
    if (pointsBack(p)) {
      const day = previousDay?.();
      return day ? { day } : undefined;
    }
    // Its words as the search reads them (units) and as written ("chính thức" names the go-live).
    const words = (text: string) => [...knowledge.unitsOf(text), ...fold(text).split(" ")];
    const m = chooseMilestone(choices, words(p), context, (c) => words([c.title, c.titleEn ?? "", ...c.keywords].join(" \n ")));
    // "đợt chạy thử cả 168 đơn vị": a count the phrase gives that the deadline's words lack names something else.
    const counts = p.match(/\b\d+\b/g) ?? [];
    if (m && counts.every((n) => words([m.title, m.titleEn ?? "", ...m.keywords].join(" \n ")).includes(n))) return { day: m.dueParsed.end, milestone: m };
    // "từ đợt chạy thử cả 168 đơn vị tới lúc chính quyền mới hoạt động": a day an entry gives of the thing named.
    const found = datedThing(ctx, question, p);
    return found ? { day: found.day, ...(found.milestone ? { milestone: found.milestone } : { label: found.label }), ...(found.entry ? { entry: found.entry } : {}) } : undefined;
  });
  return days[0] && days[1] ? [days[0], days[1]] : undefined;
}

/** A day a question names: written, or as the deadline of a milestone. */
interface NamedDay {
  day: string;
  milestone?: Milestone;
  /** The day is today ("từ hôm nay đến hạn …"). */
  today?: boolean;
  /** What the day is of, in the question's words, when it is a day an entry gives rather than a deadline. */
  label?: string;
  /** The entry that gives the day, when it is not a deadline. */
  entry?: FaqEntry;
}

/** A question's words as the search reads them (units) and as written ("chính thức" names the go-live). */
function wordsOf(ctx: CommandContext, text: string): string[] {
  return [...ctx.services.knowledge.unitsOf(text), ...fold(text).split(" ")];
}

/** A milestone's words, as {@link wordsOf} reads a question: its titles and keywords. */
function milestoneWords(ctx: CommandContext, m: Milestone): string[] {
  return wordsOf(ctx, [m.title, m.titleEn ?? "", ...m.keywords].join(" \n "));
}

/** The plan's official deadlines (a span that only follows from one is none), optionally only day-precise ones. */
function officialMilestones(ctx: CommandContext, dayOnly = false): Milestone[] {
  return ctx.services.content.milestones.filter((m) => m.reminders?.enabled !== false && (!dayOnly || m.dueParsed.precision === "day"));
}

/** The entry written for a milestone (the one with the fewest milestones that includes it), if any. */
function entryOfMilestone(ctx: CommandContext, m: Milestone): FaqEntry | undefined {
  return ctx.services.content.faq.filter((e) => e.milestones.includes(m.id) && e.referral !== true).sort((a, b) => a.milestones.length - b.milestones.length)[0];
}

/** An answer composed from the plan's dates, kept with `entry` as the chat's topic for follow-ups. */
function datedAnswer(ctx: CommandContext, question: string, text: Rich[] | string[], entry: FaqEntry | undefined, sources: readonly string[]): AnswerOutcome {
  const units = ctx.services.knowledge.unitsOf(question);
  const result: SearchResult = { decision: "confident", ...(entry ? { best: { entry, score: 0, relevance: 1 } } : {}), suggestions: [], folded: fold(question), units };
  const cited = [...new Set(sources)].map((id) => sourceLine(ctx, id));
  return { replies: [reply(lines(...(text as Rich[]), ...cited))], result, answered: true, lang: ctx.lang };
}

/**
 * Reasoning over the plan's dates (see plan-dates.ts): the earliest or latest deadline, the order of two things, the
 * days a person states confirmed; undefined for any other question.
 */
function answerPlanDates(ctx: CommandContext, question: string): AnswerOutcome | undefined {
  return answerExtreme(ctx, question) ?? answerOrder(ctx, question) ?? answerConfirmation(ctx, question) ?? answerClaim(ctx, question) ?? answerSystemsWhen(ctx, question);
}

/** "ngày nào", "khi nào", "bao giờ", "when", "what date": the question asks when (folded). */
const ASKS_WHEN = /\b(ngay nao|khi nao|bao gio|luc nao|hom nao|ngay may|thoi diem nao|when|what date|which date|what day)\b/;
/** Other things asked besides when ("ai", "ở đâu", "bao nhiêu", "who", "how"): then the question is not only a date's (folded). */
const ASKS_OTHER = /\b(ai|o dau|bao nhieu|bao lau|nhu the nao|the nao|ra sao|gi|vi sao|tai sao|who|where|how|what|why|which)\b/;

/**
 * "qlvb và 1022 chạy chính thức ngày nào", "when do the document system and 1022 go live?": the deadline the words name
 * of each of two or more systems, said together (and that they fall on one day, when they do); undefined unless the
 * question asks only when and a deadline of each system is found.
 */
function answerSystemsWhen(ctx: CommandContext, question: string): AnswerOutcome | undefined {
  const folded = fold(question);
  if (!ASKS_WHEN.test(folded) || ASKS_OTHER.test(folded.replace(ASKS_WHEN, " "))) return undefined;
  const systems = systemsNamed(ctx.services.knowledge.unitsOf(question));
  if (systems.length < 2) return undefined;
  const found = systems.map((x) => deadlineOf(ctx, x.system, question, question));
  const ms = found.filter((m) => m !== undefined);
  if (ms.length !== found.length || new Set(ms).size !== ms.length) return undefined;
  const day = ms[0]!.dueParsed.end;
  const same = ms.every((m) => m.dueParsed.end === day);
  const lead = same ? t(ctx.lang, `Cùng ngày ${formatDay(day, ctx.lang)}:`, `The same day, ${formatDay(day, ctx.lang)}:`) : t(ctx.lang, "Theo kế hoạch:", "According to the plan:");
  const text = [lead, ...ms.map((m) => `• ${milestoneTitle(m, ctx.lang)}: ${formatDay(m.dueParsed.end, ctx.lang)}`)];
  return datedAnswer(ctx, question, text, entryOfMilestone(ctx, ms[0]!), ms.map((m) => m.source));
}

/** Words of an earliest-or-latest question that name no particular step (units): "hệ thống", "hạn", "sớm nhất", "gđ". */
const EXTREME_WORDS = new Set([
  "he", "thong", "httt", "han", "moc", "som", "nhat", "muon", "tre", "cham", "sau", "truoc", "cuoi", "cung", "dau", "tien", "chot", "het", "viec",
  "cong", "hang", "muc", "nhiem", "vu", "xong", "hoan", "thanh", "den", "giaidoan", "kehoachlientich", "la", "nao", "gi", "co", "trong", "cua", "phai",
  "mileston", "deadlin", "deadline", "earliest", "latest", "soonest", "last", "first", "final", "come", "due", "task", "item", "which", "system",
  "the", "of", "in", "is", "what", "on", "for", "fall", "finish", "one",
  // "the earliest deadline in the whole plan", "toàn bộ kế hoạch": the whole plan is no step.
  "whol", "entir", "overal", "toan", "bo",
]);

/** "có ngày cụ thể", "ngày rõ ràng", "ghi ngày", "with a specific date", "dated": a deadline asked to be given with its day (folded). */
const DAY_GIVEN = /\b(co )?ngay (cu the|ro rang|chinh xac|xac dinh)\b|\b(co )?ghi (ro )?ngay\b|\b(with )?(a |an )?(specific|exact|precise|set) (date|day)s?\b|\bdated\b|\bwith (a )?(date|day)s?\b/;
const DAY_GIVEN_ALL = new RegExp(DAY_GIVEN.source, "g");

/**
 * "hệ thống nào có hạn sớm nhất trong gđ1", "mốc muộn nhất của QLVB", "What is the latest deadline of phase 1?": the
 * earliest or latest official deadline of the plan, of a phase or of one system the question names; undefined when it
 * asks neither, or names a step of its own ("hạn chót cuối cùng gửi danh sách email": that step's deadline).
 */
function answerExtreme(ctx: CommandContext, question: string): AnswerOutcome | undefined {
  const folded = fold(question);
  const which = readExtreme(folded);
  if (!which) return undefined;
  const { content, knowledge } = ctx.services;
  // "hạn chót nào có ngày cụ thể sớm nhất": a deadline given with its day is what extremeDeadlines ranks first anyway.
  const units = knowledge.unitsOf(folded.replace(DAY_GIVEN_ALL, " "));
  const systems = systemsNamed(units);
  const rest = units.filter((u) => !u.startsWith(INTENT_PREFIX) && !EXTREME_WORDS.has(u) && !isSystemUnit(u) && !/^\d+$/.test(u));
  if (rest.length > 0 || systems.length > 1) return undefined;
  const phase = phasesNamed(units).find((n) => n <= phaseCount(content.milestones));
  const system = systems[0];
  const pool = content.milestones.filter((m) => (phase === undefined || m.phase === phase) && (!system || m.system === system.system));
  const x = extremeDeadlines(pool, which, DAY_GIVEN.test(folded));
  if (!x) return undefined;
  const lower = (text: string) => text.replace(/^./, (c) => c.toLowerCase());
  const scope = system
    ? { vi: `trong các mốc của ${lower(system.vi)}`, en: `among the deadlines of ${lower(system.en)}` }
    : phase !== undefined
      ? { vi: `trong giai đoạn ${phase}`, en: `in phase ${phase}` }
      : { vi: "trong kế hoạch liên tịch", en: "in the joint plan" };
  const text = renderExtreme(x, scope, ctx.today, ctx.lang);
  return datedAnswer(ctx, question, text, entryOfMilestone(ctx, x.due[0]!), x.due.map((m) => m.source));
}

/**
 * "QLVB chạy chính thức trước hay sau khi tỉnh thành mới đi vào hoạt động", "is the 1022 go-live before or after the
 * e-mail accounts deadline?": each of the two things is a day written, a deadline of the plan, or a day an entry's
 * answer gives of it; undefined unless both are found.
 */
function answerOrder(ctx: CommandContext, question: string): AnswerOutcome | undefined {
  const oneWay = oneWayOrder(fold(question), question);
  const sides = orderSides(fold(question)) ?? oneWay?.sides;
  if (!sides) return undefined;
  const found = sides.map((side) => datedThing(ctx, question, side));
  // "is the pilot before or after June 1st": a day written without its year is in the year of what it is ordered against.
  const [a, b] = found.map((x, i) => {
    const other = found[1 - i];
    return x?.yearless && other && !other.yearless ? { ...x, day: `${other.day.slice(0, 4)}${x.day.slice(4)}` } : x;
  });
  if (!a || !b || (a.milestone && a.milestone === b.milestone)) return undefined;
  const cite = (t: FoundThing) => (t.sentence ? [t.sentence] : []);
  const text = [...orderLines(a, b, ctx.lang, orderSides(fold(question)) ? undefined : oneWay?.asked), ...cite(a), ...cite(b)];
  const entry = a.entry ?? b.entry;
  return datedAnswer(ctx, question, text, entry, [a.source, b.source].filter((s) => s !== undefined));
}

/** One side of an order, found: its day and label, and where the day comes from. */
interface FoundThing extends DatedThing {
  milestone?: Milestone;
  entry?: FaqEntry;
  source?: string;
  /** The entry's sentence that gives the day, when it is not a deadline of the plan. */
  sentence?: string;
  /** A day the question writes without its year ("before or after June 1st"). */
  yearless?: true;
}

/**
 * The day-precise official deadline `text` names of the one system it names ("QLVB chạy chính thức": the go-live of
 * document management), chosen by its words, ties broken by the whole question's (`context`); undefined when it names
 * no system, or several, or no one deadline of it. `systemsFrom` is where the system is named, when not in `text` itself
 * ("thử nghiệm qlvb trước 15/6, triển khai toàn bộ trước 15/8": the second clause's system is the question's).
 */
function systemDeadline(ctx: CommandContext, text: string, context: string, systemsFrom = text): Milestone | undefined {
  const systems = systemsNamed(ctx.services.knowledge.unitsOf(systemsFrom));
  return systems.length === 1 ? deadlineOf(ctx, systems[0]!.system, text, context) : undefined;
}

/** The day-precise official deadline of `system` that `text` names (see {@link systemDeadline}). */
function deadlineOf(ctx: CommandContext, system: string, text: string, context: string): Milestone | undefined {
  const choices = officialMilestones(ctx, true).filter((m) => m.system === system);
  return choices.length === 1 ? choices[0] : chooseMilestone(choices, wordsOf(ctx, text), wordsOf(ctx, context), (c) => milestoneWords(ctx, c));
}

/** "hôm", "hồi", "buổi" before a thing: the day or time of it ("hôm sáp nhập": the day of the merger) (folded). */
const DAY_OF = /^(?:hom|hoi|buoi) (?!nay\b|qua\b|kia\b|truoc\b)/;

/** A side of an order question ({@link orderSides}), found as a written day, a deadline, or an entry's day. */

function datedThing(ctx: CommandContext, question: string, side: string): FoundThing | undefined {
  const { content, knowledge } = ctx.services;
  const known = deadlineDays(content);
  const lang = ctx.lang;
  const days = writtenDays(side);
  // "before or after 2 September 2025", "trước hay sau ngày 1 tháng 6": a day written in words is a day all the same.
  if (days.length === 1 || (days.length === 0 && (namesDay(side) || isNow(side)))) {
    const day = dayIn(days[0] ?? side, ctx.today, known);
    if (!day) return undefined;
    if (isNow(side)) return { day, label: t(lang, "Hôm nay", "Today") };
    return { day, label: t(lang, "Ngày anh/chị nêu", "The day you give"), ...(/\d{4}/.test(side) ? {} : { yearless: true as const }) };
  }
  const deadline = (m: Milestone): FoundThing => ({ day: m.dueParsed.end, label: milestoneTitle(m, lang), milestone: m, entry: entryOfMilestone(ctx, m), source: m.source });
  const m = systemDeadline(ctx, side, question);
  if (m) return deadline(m);
  // Not a system's deadline: a day an entry gives of it ("tỉnh thành mới đi vào hoạt động": 01/07/2025).
  // A side is asked for its day: "the merger" is "when the merger", not the merger's other facts.
  const found = (r: SearchResult) => (r.decision !== "none" && r.best && r.best.unsupplied !== true && r.best.entry.referral !== true ? r.best.entry : undefined);
  // "hôm sáp nhập", "hồi hợp nhất": "the day of" the thing, a word the search does not read as one of time.
  const thing = side.replace(DAY_OF, "");
  const entry = found(knowledge.search(`when ${thing}`)) ?? found(knowledge.search(thing));
  if (!entry) return undefined;
  if (entry.milestones.length > 0) {
    const own = content.milestones.filter((x) => entry.milestones.includes(x.id) && x.dueParsed.precision === "day" && x.reminders?.enabled !== false);
    const chosen = own.length === 1 ? own[0] : chooseMilestone(own, wordsOf(ctx, side), wordsOf(ctx, question), (c) => milestoneWords(ctx, c));
    return chosen ? deadline(chosen) : undefined;
  }
  const body = answerText(entry, lang);
  const clauses = datedClauses(body);
  const sentenceOf = (day: string) => body.split(/(?<=\.)\s+/u).find((x) => fold(x).includes(fold(formatDay(day, lang))) || datedClauses(x).some((c) => c.day === day));
  // "Ngày 25/06/2025, trước hợp nhất (chính quyền mới hoạt động từ 01/07/2025), TP.HCM vận hành thử …": when the words
  // before each day do not tell, its sentence does: a day in brackets is what the brackets say, another day what the
  // sentence says outside them.
  const bracketsOf = (c: DatedClause) => [...(sentenceOf(c.day) ?? "").matchAll(/\([^()]*\)/gu)].map((m) => m[0]);
  const ownBracket = (c: DatedClause) => bracketsOf(c).find((b) => datedClauses(b).some((d) => d.day === c.day));
  const rest = (c: DatedClause) => ownBracket(c) ?? bracketsOf(c).reduce((text, b) => text.replace(b, " "), sentenceOf(c.day) ?? c.before);
  const byBefore = () => chooseDay(clauses, wordsOf(ctx, side), (c) => wordsOf(ctx, c.before));
  const bySentence = () => chooseDay(clauses, wordsOf(ctx, side), (c) => wordsOf(ctx, rest(c)));
  // "the merger": when no day's words are the side's, the entry's questions on its topic say which (see dayCount).
  const byQuestions = () => chooseDay(clauses, askedWith(ctx, entry, wordsOf(ctx, side)), (c) => wordsOf(ctx, c.before));
  const chosen = (clauses.some((c) => ownBracket(c) !== undefined) ? (bySentence() ?? byBefore()) : (byBefore() ?? bySentence())) ?? byQuestions();
  if (!chosen) return undefined;
  const sentence = sentenceOf(chosen.day);
  return { day: chosen.day, label: originalWords(question, side), entry, source: entry.source, ...(sentence ? { sentence } : {}) };
}

/** The words of `question` as written that fold to `phrase` (its folded words), or the phrase itself when none do. */
function originalWords(question: string, phrase: string): string {
  const words = question.split(/\s+/u).filter((w) => w.length > 0);
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j <= words.length; j++) {
      const f = fold(words.slice(i, j).join(" "));
      if (f === phrase) return words.slice(i, j).join(" ").replace(/[?,.;:!]+$/u, "");
      if (f.length > phrase.length) break;
    }
  }
  return phrase;
}

/**
 * "mail công vụ: ds cán bộ gửi trước 10/5, tạo tk trước 10/6 đúng ko?": each day stated is checked against the deadline
 * its words name (or the one deadline due that day); undefined unless every day stated names one.
 */
function answerConfirmation(ctx: CommandContext, question: string): AnswerOutcome | undefined {
  const stated = statedDays(fold(question));
  if (!stated) return undefined;
  const { content } = ctx.services;
  const known = deadlineDays(content);
  const choices = officialMilestones(ctx);
  const context = wordsOf(ctx, question);
  const checked: CheckedDay[] = [];
  for (const s of stated) {
    const day = dayIn(s.written, ctx.today, known);
    if (!day) return undefined;
    const named = systemDeadline(ctx, s.before, question, question) ?? chooseMilestone(choices, wordsOf(ctx, s.before), context, (c) => milestoneWords(ctx, c));
    const onDay = dueOn(content.milestones, day);
    const m = named ?? (onDay.length === 1 ? onDay[0] : undefined);
    if (!m || checked.some((c) => c.milestone === m)) return undefined;
    // "15/9" written without a year is in the year of the deadline it is said of, as the plan writes its days.
    checked.push({ milestone: m, day: /\d{4}/.test(s.written) ? day : `${m.dueParsed.end.slice(0, 4)}${day.slice(4)}` });
  }
  const first = checked[0]!.milestone;
  return datedAnswer(ctx, question, confirmationLines(checked, ctx.lang), entryOfMilestone(ctx, first), checked.map((c) => c.milestone.source));
}

/**
 * "có phải 1022 chạy chính thức từ 1/8 không", "gđ2 xong tháng 6/2026 hả", "hạn HNTH là 15/5 hay 15/6": the time a
 * person states, checked against the deadline its words name (of the one system named, else of the one phase named),
 * said right or corrected (see claim-check.ts); undefined unless the claim and its deadline are both clear.
 */
function answerClaim(ctx: CommandContext, question: string): AnswerOutcome | undefined {
  const folded = fold(question);
  const claim = readClaim(folded);
  if (!claim) return undefined;
  const { content, knowledge } = ctx.services;
  const units = knowledge.unitsOf(question);
  const words = claim.stated.reduce((text, s) => text.replace(s.written, " "), folded);
  const subject = claimSubject(ctx, units, words, question);
  if (!subject) return undefined;
  const checked = checkClaim(claim.stated, subject.due, ctx.lang);
  const otherOf = (day: string) => {
    const other = dueOn(officialMilestones(ctx, true), day).filter((m) => !subject.milestones.includes(m));
    return other.length === 1 ? milestoneTitle(other[0]!, ctx.lang) : undefined;
  };
  const text = claimLines(subject, checked, claim.choice, ctx.lang, otherOf);
  const last = subject.milestones.at(-1)!;
  const entry = subject.phase !== undefined ? (content.faq.find((e) => e.id === PHASES_ENTRY) ?? entryOfMilestone(ctx, last)) : entryOfMilestone(ctx, last);
  return datedAnswer(ctx, question, text, entry, subject.milestones.map((m) => m.source));
}

/**
 * The deadline a claim is of: the official deadline of the one system the question names that its words (`words`, the
 * question without the times) name, else the end of the one phase it names; undefined when unclear.
 */
function claimSubject(ctx: CommandContext, units: readonly string[], words: string, question: string): (ClaimSubject & { milestones: Milestone[]; phase?: number }) | undefined {
  const lang = ctx.lang;
  const systems = systemsNamed(units);
  if (systems.length === 1) {
    const choices = officialMilestones(ctx).filter((m) => m.system === systems[0]!.system);
    const m = choices.length === 1 ? choices[0] : chooseMilestone(choices, wordsOf(ctx, words), wordsOf(ctx, question), (c) => milestoneWords(ctx, c));
    return m ? { label: milestoneTitle(m, lang), due: m.dueParsed, ...(m.estimated ? { estimated: true } : {}), milestones: [m] } : undefined;
  }
  if (systems.length > 1) return undefined;
  // "gđ2 xong tháng 6/2026": the phase is read without the time stated ("2 tháng" would be a length).
  const phases = phasesNamed(ctx.services.knowledge.unitsOf(words));
  const count = phaseCount(ctx.services.content.milestones);
  if (phases.length !== 1 || phases[0]! > count) return undefined;
  const phase = phases[0]!;
  const own = byDeadline(officialMilestones(ctx).filter((m) => m.phase === phase));
  const last = own.at(-1);
  if (!last) return undefined;
  return { label: t(lang, `hoàn thành giai đoạn ${phase}`, `completing phase ${phase}`), plain: true, due: last.dueParsed, ...(own.every((m) => m.estimated) ? { estimated: true } : {}), milestones: own, phase };
}

/**
 * "ngày QLVB chạy chính thức có trúng kỳ nghỉ lễ 2/9 năm 2025 ko", "does the 1022 go-live fall in a holiday?": the day
 * of the deadline the question names, against the calendar's holiday breaks. Undefined unless it names one
 * day-precise deadline, and every day it writes is a holiday's own (a day of its own is the calendar's).
 */
function answerHolidayOverlap(ctx: CommandContext, question: string): AnswerOutcome | undefined {
  const folded = calendarText(ctx, question);
  if (!asksHolidayOverlap(folded)) return undefined;
  const { content } = ctx.services;
  const breaks = breaksOf(content.calendar);
  const known = deadlineDays(content);
  // "lễ 2/9": a holiday named by its day is a break day of some year of the calendar, whatever year the day is read in.
  const inBreak = (d: string | undefined) => d !== undefined && content.calendar.years.some((y) => breaks.some((b) => b.from <= `${y}${d.slice(4)}` && `${y}${d.slice(4)}` <= b.to));
  if (!writtenDays(folded).every((d) => inBreak(dayIn(d, ctx.today, known)))) return undefined;
  // "ngày QLVB với 1022 chạy chính thức có rơi vào kỳ nghỉ lễ 2/9 không": each system named, its deadline the words name.
  const systems = systemsNamed(ctx.services.knowledge.unitsOf(question));
  const found = systems.length > 1 ? systems.map((x) => deadlineOf(ctx, x.system, question, question)) : [systemDeadline(ctx, question, question)];
  const ms = found.filter((m) => m !== undefined);
  if (ms.length === 0 || ms.length !== found.length) return undefined;
  // In English, a break is named by the holiday of the Labour Code it holds ("National Day (2 September)"), when one.
  const named = ctx.lang === "en" ? breaks.map((b) => ({ ...b, name: content.calendar.fixed?.days.find((f) => b.from.slice(5) <= f.day && f.day <= b.to.slice(5))?.nameEn ?? b.name })) : breaks;
  const calendar = createWorkingCalendar(content.calendar);
  const text = ms.map((m) => {
    const day = m.dueParsed.end;
    return holidayOverlapLine(milestoneTitle(m, ctx.lang), day, weekdayName(isoWeekday(day), ctx.lang), named, ctx.lang, calendar.isWorkingDay(day));
  });
  const holiday = content.faq.find((e) => e.render === "holidays");
  return datedAnswer(ctx, question, text, entryOfMilestone(ctx, ms[0]!), [...ms.map((m) => m.source), ...(holiday ? [holiday.source] : [])]);
}

/** "được bao nhiêu ngày rồi", "còn bao nhiêu ngày nữa", "được bao lâu rồi", "how many days since": a count from today, asked (folded). Not
 * "tối đa mấy ngày" (a span allowed). */
const SINCE_OR_UNTIL = /\b(?<!toi )(duoc|da|con|qua) (bao nhieu|may|bn|bnhieu) ngay\b|\b(duoc|da) bao lau roi\b|\b(tinh den|den|tu) (hom nay|bay gio|nay)\b.*\b(duoc|da|con) bao lau\b|\b(bao nhieu|may|bn|bnhieu) ngay (nua|roi)\b|\bhow many days (since|until|till|left|ago|have passed|has it been|remain|to go)\b|\bdays (since|until|till|ago|to go)\b/;

/**
 * "hôm nay tính ra QLVB chạy chính thức được bao nhiêu ngày rồi": the days from today to the deadline the question
 * names (by at least two of its words), when the search found no entry; undefined otherwise.
 */
function answerDaysSince(ctx: CommandContext, question: string): AnswerOutcome | undefined {
  const folded = calendarText(ctx, question);
  if (!SINCE_OR_UNTIL.test(folded) || writesDay(folded)) return undefined;
  const m = systemDeadline(ctx, question, question);
  if (!m) return undefined;
  const text = [dayCountLine(ctx.today, m.dueParsed.end, ctx.lang), `• ${milestoneTitle(m, ctx.lang)}: ${formatDay(m.dueParsed.end, ctx.lang)}`];
  return datedAnswer(ctx, question, text, entryOfMilestone(ctx, m), [m.source]);
}

/**
 * "triển khai toàn bộ QLVB xong trước 15/8 thì còn bao nhiêu ngày nữa mới tới ngày chạy chính thức": a day written
 * before the count's words, and the deadline named after them (not one due that day); undefined otherwise.
 */
function dayToDeadline(ctx: CommandContext, question: string): [NamedDay, NamedDay] | undefined {
  const around = aroundCount(fold(question));
  if (!around) return undefined;
  const [before, after] = around;
  const days = writtenDays(before);
  if (days.length !== 1 || writesDay(after)) return undefined;
  const day = dayIn(days[0]!, ctx.today, deadlineDays(ctx.services.content));
  if (!day) return undefined;
  const choices = officialMilestones(ctx, true).filter((m) => m.dueParsed.end !== day);
  const m = chooseMilestone(choices, wordsOf(ctx, after), wordsOf(ctx, question), (c) => milestoneWords(ctx, c));
  return m ? [{ day }, { day: m.dueParsed.end, milestone: m }] : undefined;
}

/**
 * "10/5 là hạn của việc gì", "What is due on 15 August 2025?": the milestones due on each day asked, from
 * milestones.yaml, with their sources; undefined when the question does not ask this. A day with no deadline is said
 * to have none, and the question then counts as unanswered. The topic kept for follow-ups ("ai làm?") is the entry
 * written for the first milestone found.
 */
function answerDueOn(ctx: CommandContext, question: string): AnswerOutcome | undefined {
  const { content } = ctx.services;
  const days = dueOnDays(calendarText(ctx, question), ctx.today, deadlineDays(content));
  if (!days) return undefined;
  const breaks = breaksOf(content.calendar);
  const asked = days.map((day) => {
    const holiday = breaks.find((b) => b.from <= day && day <= b.to)?.name;
    return { day, milestones: dueOn(content.milestones, day), ...(holiday ? { holiday } : {}) };
  });
  const text = renderDueOn(asked, deadlineDays(content), ctx.today, ctx.lang);
  const folded = fold(question);
  const units = ctx.services.knowledge.unitsOf(question);
  const found = asked.flatMap((a) => a.milestones);
  const first = found[0];
  // The entry about that milestone alone, or else the one with the fewest milestones that includes it.
  const entry = first ? content.faq.filter((e) => e.milestones.includes(first.id) && e.referral !== true).sort((a, b) => a.milestones.length - b.milestones.length)[0] : undefined;
  if (!entry || asked.some((a) => a.milestones.length === 0)) {
    return { replies: [reply(text)], result: { decision: "none", suggestions: entry ? [entry] : [], folded, units }, answered: false, lang: ctx.lang };
  }
  const sources = [...new Set(found.map((m) => m.source))].map((id) => sourceLine(ctx, id));
  const result: SearchResult = { decision: "confident", best: { entry, score: 0, relevance: 1 }, suggestions: [], folded, units };
  return { replies: [reply(lines(text, ...sources))], result, answered: true, lang: ctx.lang };
}

/**
 * A question about one day of the calendar ("thứ 7 ngày 22/8/2026 có phải đi làm ko", "10/5/2025 là thứ mấy",
 * "còn bao nhiêu ngày nữa thì nghỉ Tết"), answered from calendar.yaml and the weekday rules, with the holiday
 * entry's source; undefined when the question is not one. When the calendar has no data for what is asked, the
 * reply says so plainly and the question counts as unanswered.
 */
function answerCalendar(ctx: CommandContext, question: string, latest: LatestLookup): AnswerOutcome | undefined {
  const { content } = ctx.services;
  const asked = parseCalendarQuestion(calendarText(ctx, question), ctx.today, deadlineDays(content));
  if (!asked) return undefined;
  const entry = content.faq.find((e) => e.render === "holidays");
  const folded = fold(question);
  const units = ctx.services.knowledge.unitsOf(question);
  if (asked.kind === "holiday") {
    // A year the calendar knows: the holiday entry answers, with each day and its make-up days. A year it lacks
    // ("Tết năm sau nghỉ mấy ngày") is said to be not published, and the question stays unanswered.
    if (!entry) return undefined;
    if (asked.year !== undefined && !content.calendar.years.includes(asked.year)) {
      const text = renderLive("holidays", { content, today: ctx.today, lang: ctx.lang, question, progress: () => null });
      return { replies: [reply(text)], result: { decision: "none", suggestions: [entry], folded, units }, answered: false, lang: ctx.lang };
    }
    const result: SearchResult = { decision: "confident", best: { entry, score: 0, relevance: 1 }, suggestions: [], folded, units };
    return { replies: [renderEntry(ctx, entry, latest, { question, units })], result, answered: true, lang: ctx.lang };
  }
  const facts = planCalendarAnswer(asked, content.calendar, ctx.today);
  const text = renderCalendarAnswer(facts, ctx.lang);
  if (lacksData(facts) || !entry) {
    const result: SearchResult = { decision: "none", suggestions: entry ? [entry] : [], folded, units };
    return { replies: [reply(text)], result, answered: false, lang: ctx.lang };
  }
  const result: SearchResult = { decision: "confident", best: { entry, score: 0, relevance: 1 }, suggestions: [], folded, units };
  // A day known only from the law (the next 1/1 before its year is announced) cites the law.
  const source = facts.kind === "countdown-holiday" && !facts.next && !facts.current && facts.law && content.calendar.fixed ? content.calendar.fixed.source : entry.source;
  return { replies: [reply(lines(text, sourceLine(ctx, source)))], result, answered: true, lang: ctx.lang };
}

/**
 * The step after one a question names of one system ("sau khi thử nghiệm qlvb xong thì triển khai tiếp cho những ai"),
 * answered with the entry of the system's next official deadline; undefined for any other question.
 */
function answerStepAfter(ctx: CommandContext, question: string, data: AnswerData): AnswerOutcome | undefined {
  const step = stepAfterAsked(fold(question));
  // "tạo mail công vụ: bước 1 gửi ds trước 10/5, bước 2 là gì": the system's deadlines in order are its numbered steps.
  const nth = step ? undefined : nthStepAsked(fold(question));
  if (!step && nth === undefined) return undefined;
  const systems = systemsNamed(ctx.services.knowledge.unitsOf(question));
  if (systems.length !== 1) return undefined;
  const ordered = byDeadline(officialMilestones(ctx).filter((m) => m.system === systems[0]!.system));
  const named = step ? deadlineOf(ctx, systems[0]!.system, step, question) : undefined;
  const next = named ? nextStep(ordered, named) : nth !== undefined ? ordered[nth - 1] : undefined;
  // A system whose steps an entry walks through may have a first step with no deadline (the survey before the
  // document system's pilot): its numbered step is that entry's to say.
  const walk = nth !== undefined ? stepsEntry(ctx.services.content.faq, ctx.services.content.milestones, systems[0]!.system) : undefined;
  const entry = walk ?? (next ? entryOfMilestone(ctx, next) : undefined);
  if (!entry) return undefined;
  const units = ctx.services.knowledge.unitsOf(question);
  const result: SearchResult = { decision: "confident", best: { entry, score: 0, relevance: 1 }, suggestions: [], folded: fold(question), units };
  return { replies: [renderEntry(ctx, entry, data.latest, { question, units })], result, answered: true, lang: ctx.lang };
}

/** The entry on who signed the plan, kept as the topic of a signatory check. */
const SIGNATORIES_ENTRY = "plan-signatories";
const agencyUnitsOf = new WeakMap<CommandContext["services"]["content"], AgencyUnits[]>();

/**
 * "TTCĐS có phải là một bên ký kế hoạch không, mấy bên còn lại là ai", "Văn phòng Thành ủy có ký kế hoạch không": yes
 * or no of the body named, with the other signatories (see signatory-check.ts); undefined for any other question.
 */
function answerSignatoryCheck(ctx: CommandContext, question: string): AnswerOutcome | undefined {
  const folded = fold(question);
  if (!asksSignatory(folded)) return undefined;
  const { content, knowledge } = ctx.services;
  let agencies = agencyUnitsOf.get(content);
  if (!agencies) {
    agencies = content.agencies.map((agency) => ({ agency, names: [agency.name, ...agency.shortNames, ...agency.aliases].map((n) => knowledge.unitsOf(n).filter((u) => !u.startsWith(INTENT_PREFIX))) }));
    agencyUnitsOf.set(content, agencies);
  }
  const found = agenciesNamed(knowledge.unitsOf(question), agencies);
  // "Sở Nội vụ": a body no agency of content is, and whose name no signatory's holds, did not sign (the four are known).
  const typed = found.length === 0 ? bodyTyped(question) : undefined;
  const held = typed !== undefined && content.agencies.some((a) => a.signatory === true && [a.name, ...a.shortNames, ...a.aliases].some((n) => fold(n).includes(fold(typed))));
  const named = typed !== undefined && !held ? [{ id: "typed", name: typed, shortNames: [typed], aliases: [], signatory: false } as unknown as (typeof content.agencies)[number]] : found;
  const text = renderSignatoryCheck(named, content.agencies, ctx.lang);
  const entry = knowledge.entry(SIGNATORIES_ENTRY);
  if (!text || !entry) return undefined;
  return datedAnswer(ctx, question, [text], entry, [entry.source]);
}

/** Words of a month's question that name no particular work (units): "tháng", "mốc", "việc", "làm", "hoàn thành". */
const MONTH_WORDS = new Set([
  "thang", "nam", "han", "moc", "viec", "cong", "nhiem", "vu", "hang", "muc", "noi", "dung", "lam", "hoan", "thanh", "xong", "theo", "trong",
  "kehoachlientich", "he", "thong", "httt", "hoat", "dong", "liet", "ke", "ra", "tong", "the", "cu", "giup", "nhung", "cac", "co", "gi", "nao",
  "due", "happen", "suppos", "plan", "schedul", "task", "step", "deadlin", "mileston", "need", "done", "system", "what", "which", "list",
  ...MONTH_WORDS_EN,
]);

/**
 * Everything of the plan in one month ("trong tháng 5/2025 kế hoạch có những mốc nào phải hoàn thành", "What is due
 * in June 2025?"), across systems, or of the systems or phase named; undefined unless the question asks all of a month
 * and names nothing else (see month-milestones.ts).
 */
function answerMonth(ctx: CommandContext, question: string): AnswerOutcome | undefined {
  const asked = monthAsked(fold(question));
  if (!asked) return undefined;
  const { content, knowledge } = ctx.services;
  const units = knowledge.unitsOf(question);
  const systems = systemsNamed(units);
  const rest = units.filter((u) => !u.startsWith(INTENT_PREFIX) && !MONTH_WORDS.has(u) && !isSystemUnit(u) && !/\d/.test(u) && u !== "giaidoan");
  if (rest.length > 0) return undefined;
  const phase = phasesNamed(units).find((n) => n <= phaseCount(content.milestones));
  const pool = content.milestones.filter((m) => (phase === undefined || m.phase === phase) && (systems.length === 0 || systems.some((x) => x.system === m.system)));
  const year = asked.year ?? planYear(content.milestones.map((m) => m.dueParsed.end));
  const x = year === undefined ? undefined : milestonesInMonth(pool, year, asked.month);
  if (!x) return undefined;
  const first = x.due[0] ?? x.spans[0]!;
  return datedAnswer(ctx, question, renderMonth(x, ctx.lang), entryOfMilestone(ctx, first), [...x.due, ...x.spans, ...x.estimated].map((m) => m.source));
}

/**
 * One system's deadlines asked all at once ("qlvb có mấy mốc thời gian, liệt kê giúp mình", "list the e-mail
 * deadlines"), answered from milestones.yaml; undefined for any other question (see {@link readSchedule}).
 */
function answerSchedule(ctx: CommandContext, folded: string, units: string[]): AnswerOutcome | undefined {
  const { content } = ctx.services;
  const s = readSchedule(folded, units, content);
  if (!s) return undefined;
  // "qlvb có những bước nào": a system whose steps an entry walks through (with a first step of no deadline) is that
  // entry's to answer, by the search.
  if (/\bbuoc\b/.test(folded) && stepsEntry(content.faq, content.milestones, s.official[0]!.system)) return undefined;
  const first = s.official[0]!;
  const entry = content.faq.find((e) => s.official.every((m) => e.milestones.includes(m.id))) ?? content.faq.find((e) => e.milestones.includes(first.id));
  const result: SearchResult = { decision: "confident", ...(entry ? { best: { entry, score: 0, relevance: 1 } } : {}), suggestions: [], folded, units };
  const sources = [...new Set([...s.official, ...s.other].map((m) => m.source))].map((id) => sourceLine(ctx, id));
  return { replies: [reply(lines(...renderSchedule(s, ctx.today, ctx.lang), ...sources))], result, answered: true, lang: ctx.lang };
}

/**
 * Two systems' deadlines compared ("hntt với qlvb cái nào có hạn sớm hơn", "which is finished first, e-mail or
 * 1022?"), or one system's asked all at once ({@link answerSchedule}), answered from milestones.yaml; undefined for
 * any other question (see {@link readComparison}).
 */
function answerSystemDeadlines(ctx: CommandContext, question: string): AnswerOutcome | undefined {
  const { content, knowledge } = ctx.services;
  const folded = fold(question);
  if (!mayAskDeadlines(folded)) return undefined;
  const units = knowledge.unitsOf(question);
  // "những hệ thống nào chạy chính thức cùng một ngày": the days that systems share, none named.
  const shared = readSharedDays(folded, units, content);
  if (shared) {
    const all = shared.flatMap((d) => d.milestones);
    const entry = content.faq.find((e) => all.every((m) => e.milestones.includes(m.id))) ?? content.faq.find((e) => e.milestones.includes(all[0]!.id));
    const result: SearchResult = { decision: "confident", ...(entry ? { best: { entry, score: 0, relevance: 1 } } : {}), suggestions: [], folded, units };
    const sources = [...new Set(all.map((m) => m.source))].map((id) => sourceLine(ctx, id));
    return { replies: [reply(lines(...renderSharedDays(shared, ctx.today, ctx.lang), ...sources))], result, answered: true, lang: ctx.lang };
  }
  const c = readComparison(folded, units, content, (system, milestones) => stepNamed(ctx, question, system, milestones));
  if (!c) return answerSchedule(ctx, folded, units);
  // The entry of the deadline that answers, so that a follow-up ("ai làm?") reads it.
  const winner = c.asked === "earlier" ? c.sides[0] : c.sides[1];
  const entry = content.faq.find((e) => e.milestones.includes(winner.compared.id));
  const best: Hit | undefined = entry ? { entry, score: 0, relevance: 1 } : undefined;
  const result: SearchResult = { decision: "confident", ...(best ? { best } : {}), suggestions: [], folded, units };
  // "cái nào trước, cách mấy ngày": the days between the two deadlines compared, when both have a day.
  const [x, y] = c.sides.map((s) => s.compared.dueParsed);
  const gap = asksDayCount(folded) && !c.tie && x!.precision === "day" && y!.precision === "day" ? [daysBetweenLine(x!.end, y!.end, ctx.lang)] : [];
  const [lead, ...rest] = renderComparison(c, ctx.today, ctx.lang);
  const text = lines(lead!, ...gap, ...rest, sourceLine(ctx, winner.compared.source));
  return { replies: [reply(text)], result, answered: true, lang: ctx.lang };
}

/**
 * What one province had to do ("Bình Dương phải làm những gì theo kế hoạch này", "what did Binh Duong have to do"):
 * its bodies' tasks from milestones.yaml and agencies.yaml, those the plan names it in first; undefined for any other
 * question (see locality-tasks.ts).
 */
function answerLocalityTasks(ctx: CommandContext, question: string): AnswerOutcome | undefined {
  const { content, knowledge } = ctx.services;
  const units = knowledge.unitsOf(question);
  const locality = localityAsked(fold(question), units, systemsNamed(units).length > 0);
  const x = locality ? localityTasks(locality, content.milestones, content.agencies) : undefined;
  if (!x) return undefined;
  const first = x.named[0] ?? x.listed[0]!;
  const text = renderLocalityTasks(x, ctx.today, ctx.lang, (system) => systemName(system, ctx.lang));
  return datedAnswer(ctx, question, text, entryOfMilestone(ctx, first), [...x.named, ...x.listed].map((m) => m.source));
}

/** Words joining the two things a comparison names ("với", "so với", "hay", "or") (folded). */
const JOINS = /\s(?:so voi|voi|va|hay|hoac|or|and|vs|versus|compared to|compared with)\s/;

/**
 * The step of `system` a comparison names in its words of that system ("hạn tạo tk mail cho cb 2 tỉnh với hạn thí điểm
 * qlvb": the accounts deadline of e-mail, the pilot of QLVB), or undefined when that side names the system alone.
 */
function stepNamed(ctx: CommandContext, question: string, system: string, milestones: readonly Milestone[]): Milestone | undefined {
  const folded = fold(question).replace(/,.*$/u, "");
  const m = JOINS.exec(folded);
  if (!m) return undefined;
  const side = [folded.slice(0, m.index), folded.slice(m.index + m[0].length)].find((p) => systemsNamed(ctx.services.knowledge.unitsOf(p)).some((s) => s.system === system));
  if (!side) return undefined;
  const days = milestones.filter((x) => x.dueParsed.precision === "day");
  return days.length > 1 ? chooseMilestone(days, wordsOf(ctx, side), [], (c) => milestoneWords(ctx, c)) : undefined;
}

/** The concept token the analyser gives the joint plan's names ("kế hoạch", "kế hoạch liên tịch", "the plan"). */
const PLAN_UNIT = "kehoachlientich";

/** The entry that says how many phases the plan has and what each is (content/faq/plan-general.yaml). */
const PHASES_ENTRY = "plan-phases";
/**
 * A question about a phase the plan does not have ("gđ3 của kế hoạch bao giờ bắt đầu", "When does phase 3
 * start?"): that phase is said not to exist, then the plan's phases entry (how many and what each is), instead of
 * "no information". Undefined when the question names no phase beyond the highest of milestones.yaml.
 */
function answerPhaseBeyond(ctx: CommandContext, question: string): AnswerOutcome | undefined {
  const { content, knowledge } = ctx.services;
  if (!mayNamePhase(fold(question))) return undefined;
  const units = knowledge.unitsOf(question);
  const n = phaseBeyond(units, phaseCount(content.milestones));
  const entry = n === undefined ? undefined : content.faq.find((e) => e.id === PHASES_ENTRY);
  if (n === undefined || !entry) return undefined;
  const lead = t(ctx.lang, `Kế hoạch liên tịch không có giai đoạn ${n}.`, `The joint plan has no phase ${n}.`);
  const text = lines(lead, ctx.lang === "en" ? entry.answerEn : entry.answer, sourceLine(ctx, entry.source));
  // Like an entry that says the value asked is not given, the reply counts as unanswered: the older tuning sets hold a
  // phase the plan lacks as a question to refuse, and it is one in that the sources say nothing of such a phase.
  const result: SearchResult = { decision: "none", suggestions: [entry], folded: fold(question), units };
  return { replies: [reply(text)], result, answered: false, lang: ctx.lang };
}

/**
 * A document number as written ("2448/QĐ-UBND", "60-NQ/TW"): a name, which says nothing of the language a question is
 * written in ("What does Decision 2448/QĐ-UBND approve?" is English).
 */
const DOCUMENT_NUMBER = /\b\d+(\/\d{4})?[/-][A-ZĐ][\p{L}\d-]*(\/[A-ZĐ][\p{L}\d-]*)?/gu;

/** "Hôm nay 2/5 rồi, …", "hnay là 5/5.", "Today is 2/5, …": the day said to be today, at the start of a message. */
const STATED_TODAY = /^\s*(?:(?:dạ|vâng|da|vang)\s+)?(?:hôm nay|hnay|hom nay|today is|today's)\s+(?:là\s+|la\s+)?(?:ngày\s+|ngay\s+)?(\d{1,2}\/\d{1,2}(?:\/\d{4})?)(?:\s+(?:rồi|roi|r))?\s*(?:[,.;:]\s*|$)/iu;

/** The day a message says is today ({@link STATED_TODAY}) and the message without that statement, if it says one. */
function statedToday(message: string): { day: string; rest: string } | undefined {
  const m = STATED_TODAY.exec(message);
  const rest = m ? message.slice(m[0].length).trim() : "";
  return m && rest.length > 0 ? { day: m[1]!, rest } : undefined;
}

/** "hôm đó", "ngày đó", "that day": a day the previous answer gave. */
const THAT_DAY = /\b(hom do|ngay do|hom ay|ngay ay|hom day|that day|the same day|on that day)\b/;

/** The first day-precise deadline of an entry's related milestones (the day its answer gives), if any. */
function entryDay(ctx: CommandContext, entryId: string): string | undefined {
  const entry = ctx.services.knowledge.entry(entryId);
  const milestones = ctx.services.content.milestones;
  for (const id of entry?.milestones ?? []) {
    const m = milestones.find((x) => x.id === id);
    if (m && m.dueParsed.precision === "day") return m.dueParsed.end;
  }
  return undefined;
}

const normaliserOf = new WeakMap<CommandContext["services"]["content"], Normaliser>();

/**
 * A question as the calendar reads it: folded, with chat shorthand expanded from the lexicon ("bn ngày nữa thì nghỉ lễ
 * 2/9" → "bao nhieu ngay nua thi nghi le 2/9"), so a countdown or a weekday typed in shorthand is still one. No word
 * is dropped.
 */
function calendarText(ctx: CommandContext, question: string): string {
  const { content } = ctx.services;
  let normaliser = normaliserOf.get(content);
  if (!normaliser) {
    // Only expansions: a word the lexicon drops as filler ("ngoài") may be part of a day ("năm ngoái").
    normaliser = createNormaliser(content.lexicon.filter((e) => e.to.trim().length > 0), content.glossary);
    normaliserOf.set(content, normaliser);
  }
  return normaliser.normalise(fold(question).split(" ").filter((w) => w.length > 0)).join(" ");
}

const deadlineDaysOf = new WeakMap<CommandContext["services"]["content"], string[]>();

/** The plan's day-precise deadlines (YYYY-MM-DD), computed once per content. */
function deadlineDays(content: CommandContext["services"]["content"]): string[] {
  let days = deadlineDaysOf.get(content);
  if (!days) {
    days = content.milestones.flatMap((m) => (m.dueParsed.precision === "day" ? [m.dueParsed.end] : []));
    deadlineDaysOf.set(content, days);
  }
  return days;
}

/**
 * "10/06/2025 là thứ Ba.": the weekday of each related day-precise deadline, for a question that asks the weekday of
 * a deadline without naming the day ("hạn tập huấn email là thứ mấy"). Undefined otherwise.
 */
function weekdayLine(ctx: CommandContext, entry: FaqEntry, question: string): string | undefined {
  const folded = fold(question);
  const name = (d: string) => weekdayName(isoWeekday(d), ctx.lang);
  // "10/5 là thứ 7 hả, nộp ds mail trước 10/5 thì có phải nộp thứ 6 ko": a day named in a question about the plan,
  // with its weekday asked or guessed, gets its weekday (the calendar answers a question about the day alone).
  const named = dayIn(folded, ctx.today, deadlineDays(ctx.services.content));
  if (named && (asksWeekday(folded) || namedWeekday(folded) !== undefined)) {
    // Not when the answer already says it ("15/06/2025 (thử nghiệm QLVB) là Chủ nhật").
    const said = fold(answerText(entry, ctx.lang));
    const at = said.indexOf(fold(formatDay(named, ctx.lang)));
    if (at >= 0 && said.slice(at, at + 60).includes(fold(name(named)))) return undefined;
    return t(ctx.lang, `${formatDay(named)} là ${name(named)}.`, `${formatDay(named, "en")} is a ${name(named)}.`);
  }
  // The weekday asked, or guessed of the deadline ("hạn gửi ds … rơi vào t7 đúng ko"): the deadline's weekday says.
  if (!(asksWeekday(folded) || namedWeekday(folded) !== undefined) || dayIn(folded, ctx.today)) return undefined;
  const days = entry.milestones
    .map((id) => ctx.services.content.milestones.find((m) => m.id === id))
    .filter((m) => m !== undefined && m.dueParsed.precision === "day")
    .map((m) => m!.dueParsed.end);
  const unique = [...new Set(days)].slice(0, MAX_MILESTONES);
  if (unique.length === 0) return undefined;
  return unique.map((d) => t(ctx.lang, `${formatDay(d)} là ${name(d)}.`, `${formatDay(d, "en")} is a ${name(d)}.`)).join(" ");
}

/**
 * "Tính đến hôm nay (02/12/2026), đã 457 ngày kể từ 01/09/2025.": the exact day count between today and the day a
 * question asks of ("1022 chạy chính thức được bao nhiêu ngày rồi", "How many days until the city-wide pilot …
 * starts?"), for a question that asks a number of days without naming the day. The day is the entry's related
 * day-precise deadline, or else a day its answer writes in full, chosen by the words of its title or clause when
 * there are several. Undefined when no one day fits.
 */
function dayCount(ctx: CommandContext, entry: FaqEntry, question: string, units: readonly string[]): string | undefined {
  const folded = fold(question);
  if (!asksDayCount(folded)) return undefined;
  const { knowledge, content } = ctx.services;
  // "tính tới hôm nay": today is where the count starts; another day the question names is the calendar's countdown,
  // unless it is the entry's own day ("hạn tạo mail 10/6 đã qua bao nhiêu ngày"): then that day is counted.
  const named = dayIn(folded.replace(/\b(hom nay|today)\b/g, " "), ctx.today, deadlineDays(content));
  const deadlines = entry.milestones
    .map((id) => content.milestones.find((m) => m.id === id))
    .filter((m) => m !== undefined && m.dueParsed.precision === "day" && m.reminders?.enabled !== false)
    .map((m) => ({ day: m!.dueParsed.end, words: [m!.title, m!.titleEn ?? "", ...m!.keywords].join(" \n ") }));
  const written = [answerText(entry, ctx.lang), entry.answer].flatMap(datedClauses).map((c) => ({ day: c.day, words: c.before }));
  const choices = deadlines.length > 0 ? deadlines : written;
  if (named) return [...deadlines, ...written].some((c) => c.day === named) ? dayCountLine(ctx.today, named, ctx.lang) : undefined;
  const wordsOf = (c: { words: string }) => knowledge.unitsOf(c.words);
  // "sáp nhập được bao nhiêu ngày rồi": when no day's own words are the question's, the entry's questions that share
  // its topic ("khi nào chính thức hợp nhất", "thành phố mới sau hợp nhất đi vào hoạt động từ ngày nào") say which.
  const chosen = chooseDay(choices, units, wordsOf) ?? chooseDay(choices, askedWith(ctx, entry, units), wordsOf);
  return chosen ? dayCountLine(ctx.today, chosen.day, ctx.lang) : undefined;
}

/**
 * The units of an entry's questions that share a topic unit with `units` (all its questions when `units` has none):
 * what the entry is asked about in the words of the question's topic.
 */
function askedWith(ctx: CommandContext, entry: FaqEntry, units: readonly string[]): string[] {
  const topic = units.filter((u) => !u.startsWith("_"));
  const each = entry.questions.map((q) => ctx.services.knowledge.unitsOf(q));
  const sharing = topic.length === 0 ? each : each.filter((q) => q.some((u) => topic.includes(u)));
  return [...new Set(sharing.flat())];
}

/**
 * Reads a message within the chat's previous topic when it is elliptical, or returns undefined when it stands alone.
 * A follow-up is a message with a marker ("còn…", "thế còn…", "… thì sao?", "and…", "what about…") or a short one
 * (six words at most). In order:
 * 1. it swaps a slot of the previous question: a place, a phase, a system, a holiday ("còn Vũng Tàu thì sao?",
 *    "gđ2 thì sao", "and document management?"), or the day ("hôm sau thì sao?"): the swapped question is searched;
 * 2. it only asks again ("ai làm?", "qua chưa?", "how many days left?"): the previous entry answers;
 * 3. it asks for another attribute of the same topic ("tốc độ bn", "đăng nhập bằng gì", "phối hợp với cơ quan nào?"):
 *    the message is searched together with the previous question. A confident standalone answer of a short,
 *    unmarked message is kept unless it leaves the topic that the combined search stays in.
 */
function readFollowUp(ctx: CommandContext, question: string, standalone: SearchResult, previousQuestion: string, previousEntry: FaqEntry): SearchResult | undefined {
  const { knowledge } = ctx.services;
  // "hôm đó chạy thử những hệ thống nào": a day the previous answer gave, pointed back at, marks a follow-up too.
  // "how many days after the pilot deadline is that?": a gap to the previous answer's day points back at it too.
  const words = fold(question).split(" ").length;
  // "vụ đó phối hợp với cơ quan nào": a short message pointing back at the previous subject is a follow-up too.
  const pointing = words <= MAX_CONTENTLESS_WORDS && refersBack(fold(question), ctx.lang);
  const marked = hasFollowUpMarker(question) || THAT_DAY.test(fold(question)) || gapAsWhen(withoutMarker(question)) !== withoutMarker(question) || pointing;
  // "tới nay dc bao nhiêu ngày r": a message with nothing but question and generic words asks nothing of its own, so
  // it is elliptical even past six words.
  const short = words <= 6 || (words <= MAX_CONTENTLESS_WORDS && standalone.units.length > 0 && asksAboutSameThing(standalone.units));
  // "thử mấy hệ thống? có 1022 ko?", "is 1022 among them?" after the trial day's answer: whether a system is among those
  // the previous answer lists is that answer's, when its text names every value the follow-up names.
  const named = slotValuesIn(withoutMarker(question));
  if (words <= MAX_CONTENTLESS_WORDS && named.length > 0 && asksInclusion(withoutMarker(question), named) && named.every((v) => answerSpeaksOf(previousEntry, v))) {
    return { decision: "confident", best: { entry: previousEntry, score: 0, relevance: 1 }, suggestions: [], folded: standalone.folded, units: standalone.units };
  }
  if (!marked && !short) return undefined;
  // "ký để làm gì" after "kế hoạch do những ai ký": the purpose of the previous question's subject.
  const purpose = purposeAsked(question, knowledge.unitsOf(previousQuestion));
  if (purpose) {
    const r = knowledge.search(purpose);
    if (r.decision === "confident" && r.best && !isNonAnswer(r.best)) return r;
  }
  // "rồi sau đó thì sao" after an answer saying what follows ("… trong 3 tháng, sau đó tài khoản cũ kết thúc"): that answer.
  if (asksWhatFollows(fold(question).trim()) && saysWhatFollows(fold(answerText(previousEntry, ctx.lang)))) {
    return { decision: "confident", best: { entry: previousEntry, score: 0, relevance: 1 }, suggestions: [], folded: standalone.folded, units: standalone.units };
  }
  // "how long before that …": asked as when its own thing is due.
  const rest = gapAsWhen(withoutMarker(question));
  const before = fold(previousQuestion);
  // An entry that only says the value asked is not known ("web là gì": no site is named for that) is no answer of its own.
  const answersAlone = standalone.decision === "confident" && standalone.best?.entry.referral !== true && standalone.best?.unsupplied !== true;
  const slot = substitution(before, rest);
  const replaced = slot ?? countSwap(before, rest);
  // "and its phase 2?" after a question naming no phase: the phase is added to the previous question. Not to a
  // question of its own ("When is the document management pilot?" answers alone, with no follow-up marker).
  // A bare value ("gđ2?" after a question about the platform's trial) adds itself even when it has an answer alone.
  const added = replaced || (!marked && answersAlone && !onlySlotValue(rest)) ? undefined : addition(before, rest);
  const swap = replaced ?? added;
  // "and document management for all wards?", "what about the email account deadline", "and what does phase 1
  // prioritise" after a question on another value: a follow-up that says more than the new value (an item, a
  // qualifier, a question of its own) is read as its own words, with the previous question's attribute ("hạn", "when")
  // when it asks none. Swapping the value into the previous question would drop what it adds.
  if (slot && addsToValue(knowledge, rest, slot.value, before)) {
    const own = asksAttribute(knowledge.unitsOf(rest)) ? rest : `${rest} ${attributeWords(before)}`.trim();
    const r = knowledge.search(own, { followUp: true });
    if (r.decision !== "none" && r.best && r.best.unsupplied !== true && speaksOf(r.best.entry, slot.value)) return { ...r, folded: fold(own) };
  }
  // "còn BD có gì lưu ý" after an e-mail question: what the topic says of that value in particular ("bd email"), when an
  // entry of the topic speaks of it.
  const noted = asksWhatToNote(rest) ? slotValuesIn(rest)[0] : undefined;
  if (noted && topicWords(previousEntry)) {
    const r = knowledge.search(`${noted[0]} ${topicWords(previousEntry)}`);
    const entry = r.best?.entry;
    if (r.decision !== "none" && entry && entry.topic === previousEntry.topic && r.best?.unsupplied !== true && speaksOf(entry, noted)) return r;
  }
  // "thế cán bộ bd thì dùng mail cũ được thêm bao lâu" after "ai tạo tài khoản mail cho cán bộ hai tỉnh": a value added
  // with words of its own, answered alone with confidence by another entry that speaks of that value, is that entry's
  // question; added to the previous question, the previous entry (which also names the value) would come back.
  if (added && answersAlone && standalone.best && standalone.best.entry.id !== previousEntry.id && speaksOf(standalone.best.entry, added.value) && addsToValue(knowledge, rest, added.value, before)) {
    return undefined;
  }
  const swapped = swap?.text ?? shiftDay(before, fold(question));
  if (swapped !== undefined) {
    const r = knowledge.search(swapped, { followUp: true });
    // The swapped question must reach an entry that speaks of the new value: "còn email thì sao?" after "1022 vận hành
    // chính thức khi nào" is not answered by another system's go-live.
    const speaks = !swap || (r.best !== undefined && speaksOf(r.best.entry, swap.value));
    // Another entry answers the swapped question; or the previous entry itself, when it speaks of the new value and
    // answers the swapped question confidently (the platform's entry gives both of its phases).
    const other = r.best !== undefined && r.best.entry.id !== previousEntry.id;
    const again = swap !== undefined && r.decision === "confident" && r.best?.unsupplied !== true;
    if (r.decision !== "none" && r.best && speaks && (other || again)) {
      // The follow-up's own words without its marker ("còn", "and"): "còn qlvb?" asks the schedule of a system alone.
      return { ...r, folded: swapped, units: [...new Set([...r.units, ...knowledge.unitsOf(rest)])] };
    }
  }
  if (asksAboutSameThing(standalone.units)) {
    // "xong khi nào" after "mạng TSLCD có trong gđ1 không": the previous entry (what phase 1 covers) gives no date, the
    // system the previous question named does: the follow-up is asked of that system (by its concept tokens) alone.
    // "what is the deadline" (a deadline asked) is a date asked too; the side of phase 1 the previous question named
    // ("the Party online conferencing") stays with its system: the Party's conferences are not the state's.
    const previousUnits = knowledge.unitsOf(previousQuestion);
    const systems = previousUnits.filter(isSystemUnit);
    const sides = previousUnits.flatMap((u, i) => (SIDE_UNITS.has(u) ? [u] : u === "dang" && previousUnits[i - 1] === "phia" ? ["phia dang"] : []));
    const datesAsked = standalone.units.includes(`${INTENT_PREFIX}when`) || standalone.units.includes(DEADLINE_UNIT);
    if (datesAsked && previousEntry.milestones.length === 0 && systems.length > 0) {
      const dated = knowledge.search(`${rest} ${[...systems, ...new Set(sides)].join(" ")}`, { expectFrom: rest });
      if (dated.decision !== "none" && dated.best && dated.best.unsupplied !== true && dated.best.entry.milestones.length > 0) return dated;
    }
    return { decision: "confident", best: { entry: previousEntry, score: 0, relevance: 1 }, suggestions: [], folded: standalone.folded, units: standalone.units };
  }
  // "còn tập huấn thì sao?" after "hạn gửi danh sách cbcc làm email": the same attribute ("hạn") of a sibling item of the
  // same topic.
  // Not when it swaps a value of the question (a year, a place, a phase): that is the same item asked again.
  const attribute = marked && slotValuesIn(rest).length === 0 && !/\d/.test(rest) ? attributeWords(before) : "";
  if (attribute) {
    const sibling = knowledge.search(`${rest} ${attribute}`);
    const entry = sibling.best?.entry;
    if (sibling.decision !== "none" && entry && entry.id !== previousEntry.id && entry.topic === previousEntry.topic) return sibling;
  }
  // A message naming a system, a phase or a place of its own, with an answer of its own, is a question of its own.
  // Not "còn web thì sao" after 1022's app: a word for a website asks the previous topic's own website when its answer
  // gives one (the portals' concept token reads "web" too).
  const website = asksTopicWebsite(fold(rest), [previousEntry.answer, previousEntry.answerEn ?? "", previousEntry.more ?? ""].join(" "));
  if (answersAlone && ((namesSystem(standalone.units) && !website) || slotValuesIn(rest).length > 0)) return undefined;
  // So is one naming the plan itself when the previous question did not ("còn căn cứ pháp lý của kế hoạch?" after a
  // question on the Party's reporting systems): the plan is its subject, not the previous topic.
  if (answersAlone && standalone.units.includes(PLAN_UNIT) && !knowledge.unitsOf(previousQuestion).includes(PLAN_UNIT)) return undefined;
  const combined = knowledge.search(`${rest} ${previousQuestion}`, { expectFrom: rest });
  // A follow-up that swaps a value ("còn brvt thi sao?" after a Bình Dương question) is not answered by an entry that
  // never speaks of the new value: read together, the old value would answer for the new one.
  // The new value is then asked within the topic, or refused.
  if (replaced && combined.best && !speaksOf(combined.best.entry, replaced.value)) {
    const narrowed = topicWords(previousEntry) ? knowledge.search(`${rest} ${topicWords(previousEntry)}`, { expectFrom: rest }) : undefined;
    if (narrowed?.best && narrowed.decision !== "none" && speaksOf(narrowed.best.entry, replaced.value)) return narrowed;
    return { ...combined, decision: "none", best: undefined, runnerUp: undefined, candidate: combined.best };
  }
  // "thế chính thức thì bao h" after the rollout deadline of document management: read with the whole previous question,
  // the follow-up's own new words are outweighed and the previous entry comes back; read with the topic's name alone,
  // a sibling entry of the topic that is about them answers.
  if (marked && combined.best?.entry.id === previousEntry.id && topicWords(previousEntry) && newWords(knowledge, rest, previousQuestion)) {
    const narrowed = knowledge.search(`${rest} ${topicWords(previousEntry)}`, { expectFrom: rest });
    const entry = narrowed.best?.entry;
    if (narrowed.decision === "confident" && entry && entry.id !== previousEntry.id && entry.topic === previousEntry.topic && narrowed.best?.unsupplied !== true) return narrowed;
    // "and what happens in June 2025?" after 1022's go-live: torn between another topic's entry (the June trial) and a
    // sibling of the topic (1022's survey in June), the sibling answers, the other is still offered.
    const second = narrowed.runnerUp;
    if (narrowed.decision === "ambiguous" && entry && second && entry.topic !== previousEntry.topic && second.entry.topic === previousEntry.topic && second.entry.id !== previousEntry.id && !isNonAnswer(second)) {
      return { ...narrowed, best: second, runnerUp: narrowed.best };
    }
  }
  if (combined.decision === "none" || !combined.best) {
    // The follow-up alone and read with the previous question both lean to the same other entry, with no unknown word:
    // two readings agreeing are enough ("and the full 168-unit run?" after the 102-unit trial).
    const alone = standalone.candidate;
    const within = combined.candidate;
    if (alone && within && alone.entry.id === within.entry.id && alone.entry.id !== previousEntry.id && agreeingReadings(alone, within)) {
      return { ...combined, decision: "confident", best: within };
    }
    if (standalone.decision === "none" && topicWords(previousEntry) && !namesSystem(standalone.units)) {
      const narrowed = knowledge.search(`${rest} ${topicWords(previousEntry)}`, { expectFrom: rest });
      return narrowed.decision === "none" ? undefined : narrowed;
    }
    return undefined;
  }
  // "and who trains the staff?" after the accounts' question: read with the previous question, the follow-up leans to an
  // entry that only says what is not known (how many were trained), while alone it leans, not confidently, to an entry
  // of the same topic that answers it. The answer wins over the non-answer.
  if (!answersAlone && isNonAnswer(combined.best) && standalone.best && standalone.decision !== "none" && !isNonAnswer(standalone.best) && standalone.best.entry.topic === previousEntry.topic) {
    return standalone;
  }
  // "and the trial in all units?" after the 102-ward trial: read with the previous question, the follow-up's own new
  // words are outweighed and the previous entry comes back; alone, it leans to a sibling of the same topic, torn only
  // with another topic's entry. The sibling answers, the other is still offered.
  const sibling = standalone.decision === "ambiguous" ? standalone.best : undefined;
  if (
    marked && !answersAlone && sibling && combined.best.entry.id === previousEntry.id && sibling.entry.id !== previousEntry.id && sibling.entry.topic === previousEntry.topic &&
    standalone.runnerUp?.entry.topic !== previousEntry.topic && !isNonAnswer(sibling) && newWords(knowledge, rest, previousQuestion)
  ) {
    return standalone;
  }
  if (!answersAlone) return combined;
  // "còn nghị quyết sắp xếp cấp xã?" after the provincial resolution: a marked follow-up answered alone by a sibling
  // of the previous entry (same topic, another entry) swaps to that sibling.
  if (marked && standalone.best && standalone.best.entry.id !== previousEntry.id && standalone.best.entry.topic === previousEntry.topic && combined.best.entry.id === previousEntry.id) return undefined;
  if (marked) return combined;
  // Short, unmarked, answered alone: keep that answer unless it left the topic the combined search stays in.
  const stays = combined.best.entry.topic === previousEntry.topic;
  return stays && standalone.best?.entry.topic !== previousEntry.topic ? combined : undefined;
}

/** Units naming a side of phase 1 (the Party's systems, the state's), kept with a system asked of again. */
const SIDE_UNITS = new Set(["party", "nhanuoc"]);
/** Whether a hit is no answer: a referral, or an entry that only says the value asked is not known. */
function isNonAnswer(hit: Hit): boolean {
  return hit.entry.referral === true || hit.unsupplied === true;
}

/**
 * A message pointing back ("when was it launched?") at a question that got no answer ("Who directs the Digital
 * Transformation Center?"): read together with that question, it is answered when that reading is confident.
 */
function readAfterRefusal(ctx: CommandContext, question: string, previousQuestion: string): SearchResult | undefined {
  const folded = fold(question);
  if (folded.split(" ").length > 8 || !refersBack(folded, ctx.lang)) return undefined;
  const rest = withoutMarker(question);
  const combined = ctx.services.knowledge.search(`${rest} ${previousQuestion}`, { expectFrom: rest });
  return combined.decision === "confident" && combined.best && combined.best.unsupplied !== true && combined.best.entry.referral !== true ? combined : undefined;
}

/**
 * Two close entries, the first of which only says the sources do not give what is asked while the second gives it
 * ("When does phase 2 end?": the app's phase 2 has no end date, the plan's phase 2 ends in 12/2025): the one that
 * answers comes first, and the other is still offered.
 */
function preferSupplied(result: SearchResult): SearchResult {
  const { best, runnerUp } = result;
  if (result.decision !== "ambiguous" || !best?.unsupplied || !runnerUp || runnerUp.unsupplied || runnerUp.entry.referral === true) return result;
  // Only when the silent entry was not written for the question (none of its questions is close to it) and the other
  // was: "nền tảng qlcqs gđ2 bao giờ xong" is the platform's phase 2 asked, which the sources leave open.
  const precision = (h: Hit) => h.features?.precision ?? 0;
  if (precision(best) >= WRITTEN_FOR || precision(runnerUp) < WRITTEN_FOR) return result;
  return { ...result, best: runnerUp, runnerUp: best };
}

/** Most words of a message with no content word of its own that is still read as a follow-up ("tới nay dc bao nhiêu ngày r"). */
const MAX_CONTENTLESS_WORDS = 10;

/** Least precision (closeness of an entry's nearest question to the question asked) of an entry written for it. */
const WRITTEN_FOR = 0.5;

/** Least relevance of each of two agreeing readings of a follow-up (see readFollowUp). */
const AGREEING_RELEVANCE = 0.45;

/** Whether two readings of a follow-up that lean to the same entry are each relevant enough, with no unknown word. */
function agreeingReadings(a: Hit, b: Hit): boolean {
  return [a, b].every((h) => h.relevance >= AGREEING_RELEVANCE && (h.features?.unknownShare ?? 1) === 0);
}

/** Whether a follow-up has content words of its own that the previous question lacks (not question or generic words). */
function newWords(knowledge: CommandContext["services"]["knowledge"], rest: string, previousQuestion: string): boolean {
  const before = new Set(knowledge.unitsOf(previousQuestion));
  return knowledge.unitsOf(rest).some((u) => !before.has(u) && !asksAboutSameThing([u]));
}

/**
 * Whether a follow-up (without its marker) says more than the slot value it names: a content word of its own that is
 * neither the value nor a generic word ("account" in "the email account deadline", "all wards"), or a question word
 * the previous question does not ask ("what does phase 1 prioritise" after "when is phase 2 due").
 */
function addsToValue(knowledge: CommandContext["services"]["knowledge"], rest: string, value: readonly string[], previous: string): boolean {
  const valueUnits = new Set(value.flatMap((v) => knowledge.unitsOf(v)));
  // A word pointing back ("gđ2 của nó?", "its phase 2") names the previous subject, nothing of its own.
  const units = knowledge.unitsOf(rest).filter((u) => !valueUnits.has(u) && !POINTER_UNITS.has(u));
  const before = new Set(knowledge.unitsOf(previous));
  return units.some((u) => (u.startsWith(INTENT_PREFIX) ? !before.has(u) : !asksAboutSameThing([u])));
}

/** Units of words that point back at the previous subject ("nó", "cái đó", "it", "they"). */
const POINTER_UNITS = new Set(["no", "cai", "do", "ay", "day", "it", "its", "they", "them", "their"]);

/** Whether units ask an attribute of their own: a question word ("khi nào", "what") or "hạn" (deadline). */
function asksAttribute(units: readonly string[]): boolean {
  return units.some((u) => u.startsWith(INTENT_PREFIX) || u === DEADLINE_UNIT);
}

/** Whether an entry's text names one of the spellings of a value. */
function speaksOf(entry: FaqEntry, spellings: readonly string[]): boolean {
  const text = ` ${fold(entryText(entry))} `;
  return spellings.some((v) => text.includes(` ${v} `));
}

/** An entry's questions, keywords and answers in one string (to check what it speaks of). */
function entryText(entry: FaqEntry): string {
  return [...entry.questions, ...entry.keywords, entry.answer, entry.answerEn ?? ""].join(" ");
}

/**
 * One entry as an answer: the short answer, each related milestone with its deadline and countdown
 * (and reported progress), and the source line. `more` goes behind a "Xem thêm" button.
 */
export function renderEntry(
  ctx: CommandContext,
  entry: FaqEntry,
  latest: LatestLookup,
  options: { runnerUp?: FaqEntry; question?: string; units?: readonly string[] } = {},
): Reply {
  const { lang } = ctx;
  const buttons: Button[][] = [];
  const moreText = (lang === "en" && entry.answerEn ? entry.moreEn : entry.more)?.trim();
  // When the question asks about something only the longer text says ("bao nhiêu điểm", "giám đốc"), it is shown
  // at once instead of behind "Xem thêm".
  const { knowledge } = ctx.services;
  // "thử ở đâu": where, when only the longer text says where (a source's "6 phường mới của Tân Bình").
  const where = moreText !== undefined && (options.units ?? []).includes(`${INTENT_PREFIX}where`) && locatesUnits(moreText) && !locatesUnits(answerText(entry, lang));
  const inline = moreText !== undefined && (where || asksForMore(options.units ?? [], knowledge.unitsOf(answerText(entry, lang)), knowledge.unitsOf(moreText)));
  const more = entry.more && !inline ? payload(entry.id, "more") : undefined;
  if (more) buttons.push([{ label: t(lang, "Xem thêm", "More"), payload: more }]);
  const other = options.runnerUp && payload(options.runnerUp.id);
  if (options.runnerUp && other) {
    buttons.push([{ label: `${t(lang, "Có phải anh/chị muốn hỏi", "Did you mean")}: ${shorten(questionIn(options.runnerUp, lang))}`, payload: other }]);
  }
  const { content } = ctx.services;
  // The live renderers read the question's words ("qk 2026" is the National Day break): shorthand expanded first.
  const body = entry.render
    ? renderLive(entry.render, { content, today: ctx.today, lang, question: calendarText(ctx, options.question ?? ""), progress: (id) => progressLine(content, latest, id, lang) })
    : answerText(entry, lang);
  const who = asksWho(options.question ?? "") ? ownerLine(ctx, entry) : undefined;
  const weekday = weekdayLine(ctx, entry, options.question ?? "");
  const count = dayCount(ctx, entry, options.question ?? "", options.units ?? []);
  // "gđ1 xong hết chưa": an entry about a phase, asked where it stands, gets the phase's milestones in one line.
  const phase = entry.milestones.length === 0 && (options.units ?? []).includes("_status") ? askedPhase(options.question ?? "") : undefined;
  const phaseLine = phase ? phaseStatusLine(ctx, phase) : undefined;
  const schedule = systemSchedule(ctx, entry, options.units ?? []);
  const late = lateLine(ctx, entry, latest, options.question ?? "", schedule);
  const phaseOf = phaseOfLine(ctx, entry, options.question ?? "", body);
  // "brvt có bao nhiêu đơn vị cấp xã": the asked place's own number first, when the answer breaks the count down.
  const share = localityShareLine(body, options.question ?? "", lang);
  return reply(lines(share, body, phaseOf, weekday, count, inline && moreText, who, phaseLine, late, ...milestoneBlock(ctx, entry, latest, schedule), sourceLine(ctx, entry.source)), buttons.length > 0 ? { buttons } : {});
}

/** "thuộc gđ mấy", "việc của giai đoạn nào", "có thuộc gđ1 ko", "which phase": the question asks a work's phase. Folded. */
const ASKS_PHASE_OF = /\b(gd|giai doan) (may|nao|bao nhieu|thu may)\b|\bthuoc (gd|giai doan) ?\d\b|\b(gd|giai doan) ?\d (ko|khong|k|hk|phai khong|dung khong|hay|ha|a|chu)\b|\b(which|what) (phase|stage)\b|\b(in|part of) phase \d\b/;

/**
 * "Nội dung này thuộc giai đoạn 1 của kế hoạch.": the phase of an entry's milestones, for a question that asks it
 * ("cổng TTĐT thuộc gđ mấy") when the answer does not say it already and all its milestones are of one phase.
 */
function phaseOfLine(ctx: CommandContext, entry: FaqEntry, question: string, body: string): string | undefined {
  if (!ASKS_PHASE_OF.test(fold(question))) return undefined;
  const phases = new Set(entry.milestones.flatMap((id) => ctx.services.content.milestones.filter((m) => m.id === id).map((m) => m.phase)));
  if (phases.size !== 1) return undefined;
  const [n] = [...phases] as [number];
  if (new RegExp(`\\b(giai doan|phase) ${n}\\b`).test(fold(body))) return undefined;
  return t(ctx.lang, `Nội dung này thuộc giai đoạn ${n} của kế hoạch.`, `This is part of phase ${n} of the plan.`);
}

/** "trễ hạn", "chậm tiến độ", "đúng hạn", "late", "behind schedule": the question asks whether work is late. Folded. */
const ASKS_LATE = /\b(tre han|bi tre|tre tien do|tre chua|cham tien do|bi cham|cham chua|cham tre|qua han|dung han|dung tien do|late|overdue|delayed|behind schedule|on schedule|on time)\b/;

/**
 * Whether the work of an entry is late, for a question that asks ("gđ2 trễ hạn chưa", "is phase 2 late?"): its last
 * official deadline (of the entry's milestones and `also`) against today, and that nobody has reported progress
 * through the assistant when so (reported progress follows in the milestone block). The plan gives planned dates,
 * not whether they were met, so nothing more is said. Undefined for other questions and entries without milestones.
 */
function lateLine(ctx: CommandContext, entry: FaqEntry, latest: LatestLookup, question: string, also: readonly string[]): string | undefined {
  if (!ASKS_LATE.test(fold(question))) return undefined;
  const found = lastDeadline(ctx, entry, latest, also);
  if (!found) return undefined;
  const { last, unreported } = found;
  const { lang, today } = ctx;
  const due = formatDue(last.dueParsed, lang);
  const todayText = formatDay(today, lang);
  const planned = last.estimated ? t(lang, "hạn dự kiến", "expected deadline") : t(lang, "hạn", "deadline");
  if (last.dueParsed.end >= today) {
    return t(lang, `Tính đến hôm nay (${todayText}), chưa đến ${planned} ${due} (${formatCountdown(today, last.dueParsed.end, lang)}).`, `As of today (${todayText}), the ${planned} (${due}) has not come yet (${formatCountdown(today, last.dueParsed.end, lang)}).`);
  }
  const passed = t(lang, `Tính đến hôm nay (${todayText}), ${planned} ${due} đã qua.`, `As of today (${todayText}), the ${planned} (${due}) has passed.`);
  return !unreported ? passed : `${passed} ${t(lang, "Chưa có đơn vị nào báo hoàn thành hay tiến độ qua trợ lý.", "No agency has reported completion or progress through the assistant.")}`;
}

/**
 * The last official deadline of an entry's milestones (or, when it has none, of `also`), and whether it has passed with no progress
 * reported through the assistant for any of them. Undefined for an entry without milestones.
 */
function lastDeadline(ctx: CommandContext, entry: FaqEntry, latest: LatestLookup, also: readonly string[] = []): { last: Milestone; unreported: boolean } | undefined {
  const { content } = ctx.services;
  // The entry's own milestones ("qlvb triển khai toàn bộ quá hạn chưa" is the rollout's deadline), else those added.
  const ids = new Set(entry.milestones.length > 0 ? entry.milestones : also);
  const related = content.milestones.filter((m) => ids.has(m.id));
  const official = related.filter((m) => m.reminders?.enabled !== false);
  const last = byDeadline(official.length > 0 ? official : related).at(-1);
  if (!last) return undefined;
  const reported = related.some((m) => progressLine(content, latest, m.id, ctx.lang) !== null);
  return { last, unreported: last.dueParsed.end < ctx.today && !reported };
}

/** The intent tokens of "khi nào" and "xong chưa" (query.ts), and the unit of "hạn", "deadline" (glossary.yaml). */
const WHEN_UNIT = "_when";
const STATUS_UNIT = "_status";
const DEADLINE_UNIT = "han";
/** Concept tokens of the two merged provinces (glossary.yaml). */
const PROVINCE_UNITS = new Set(["bd", "brvt"]);

/**
 * Milestones of the systems an entry's milestones belong to that a question about a system's dates also needs:
 * - a question naming only the system (and perhaps a merged province) and a date ("deadline mail công vụ là khi nào",
 *   "qlvb xong chưa", "mail công vụ BD bao giờ có", "when is 1022 due?") gets the system's whole official schedule,
 *   not the one step its entry is about;
 * - a message naming the system alone ("mail công vụ", "qlvb?") gets it too;
 * - a question asking whether the work is done ("xong chưa", "done yet"), of any step, gets the system's last official
 *   deadline: when it is complete.
 * Empty otherwise, and for an entry without milestones.
 */
export function systemSchedule(ctx: CommandContext, entry: FaqEntry, units: readonly string[]): string[] {
  if (entry.milestones.length === 0) return [];
  const status = units.includes(STATUS_UNIT);
  // "mail công vụ", "qlvb?": a system named alone, nothing asked of it, gets its schedule too.
  const bare = units.length > 0 && units.every(isSystemUnit);
  if (!status && !bare && !units.includes(WHEN_UNIT) && !units.includes(DEADLINE_UNIT)) return [];
  const all = ctx.services.content.milestones;
  const systems = new Set(all.filter((m) => entry.milestones.includes(m.id)).map((m) => m.system));
  const official = byDeadline(all.filter((m) => systems.has(m.system) && m.reminders?.enabled !== false));
  // The system, and at most the merged province asked of ("mail công vụ BD bao giờ có"): no particular step.
  const topic = units.filter((u) => !u.startsWith(INTENT_PREFIX) && u !== DEADLINE_UNIT && !PROVINCE_UNITS.has(u));
  if (topic.length > 0 && topic.every(isSystemUnit)) return official.map((m) => m.id);
  const last = official[official.length - 1];
  return status && last ? [last.id] : [];
}

/** The entry's first question written in `lang` (its first question when it has none in that language). */
export function questionIn(entry: FaqEntry, lang: CommandContext["lang"]): string {
  let chosen = questionsIn.get(entry);
  if (!chosen) {
    // Worked out once per entry (content does not change while it runs): a refusal suggests entries by their question.
    const en = entry.questions.find((q) => detectLanguage(q) === "en") ?? entry.questions[0]!;
    const vi = entry.questions.find((q) => detectLanguage(q) !== "en") ?? entry.questions[0]!;
    questionsIn.set(entry, (chosen = { en, vi }));
  }
  return lang === "en" ? chosen.en : chosen.vi;
}

/** Each entry's question to show in English and in Vietnamese (see {@link questionIn}). */
const questionsIn = new WeakMap<FaqEntry, { en: string; vi: string }>();

/** The phase a question names ("gđ1", "giai đoạn 2", "phase 1"), if any. */
function askedPhase(question: string): 1 | 2 | undefined {
  const m = /\b(?:giai doan|gd|phase|stage) ?([12])\b/.exec(fold(question));
  return m ? (Number(m[1]) as 1 | 2) : undefined;
}

/**
 * Where a phase stands today: "Giai đoạn 1: 15/15 mốc đã qua; mốc cuối: … 01/09/2025 (đã qua hơn 1 năm)."
 * Undefined when the phase has no milestone.
 */
export function phaseStatusLine(ctx: CommandContext, phase: 1 | 2): string | undefined {
  const all = byDeadline(ctx.services.content.milestones.filter((m) => m.phase === phase));
  // The phase ends with its last official deadline: a span that only follows from one ("3 months of parallel use") is
  // no deadline of the phase.
  const official = all.filter((m) => m.reminders?.enabled !== false);
  const last = official[official.length - 1] ?? all[all.length - 1];
  if (!last) return undefined;
  const past = all.filter((m) => m.dueParsed.end < ctx.today).length;
  const due = `${formatDue(last.dueParsed, ctx.lang)} (${formatCountdown(ctx.today, last.dueParsed.end, ctx.lang)})`;
  return t(
    ctx.lang,
    `Giai đoạn ${phase}: ${past}/${all.length} mốc đã đến hạn; mốc cuối: ${milestoneTitle(last, "vi")}, ${due}.`,
    `Phase ${phase}: ${past} of ${all.length} milestones are due; the last: ${milestoneTitle(last, "en")}, ${due}.`,
  );
}

/** "Ai làm?", "phối hợp với cơ quan nào?", "who runs it?": the question asks who carries the work out. */
const WHO = /\b(ai|who|co quan nao|don vi nao|so nao|ben nao|phu trach|chu tri|phoi hop|dau moi|thuc hien|in charge|responsible|runs?|coordinates?|works? with)\b/;

/** Whether a question asks who carries the work out (see WHO). */
export function asksWho(question: string): boolean {
  return WHO.test(fold(question));
}

/**
 * "Đầu mối: Trung tâm Chuyển đổi số TP.HCM; phối hợp: …": the coordinator and the other responsible agencies of the
 * entry's first related milestone, for a question that asks who. Undefined when the entry has no milestone or its
 * answer already names the coordinator.
 */
export function ownerLine(ctx: CommandContext, entry: FaqEntry): string | undefined {
  const { content } = ctx.services;
  const m = content.milestones.find((x) => entry.milestones.includes(x.id));
  if (!m) return undefined;
  const name = (id: string) => {
    const a = content.agencies.find((x) => x.id === id);
    if (!a) return id;
    return agencyName(a, ctx.lang);
  };
  const others = m.responsible.filter((id) => id !== m.coordinator).map(name);
  const lead = name(m.coordinator);
  if (fold(answerText(entry, ctx.lang)).includes(fold(lead)) && others.length === 0) return undefined;
  return others.length > 0
    ? t(ctx.lang, `Đầu mối: ${lead}; phối hợp: ${others.join(", ")}.`, `Lead: ${lead}; working with: ${others.join(", ")}.`)
    : t(ctx.lang, `Đầu mối: ${lead}.`, `Lead: ${lead}.`);
}

/**
 * Whether some topic word of the question appears in the entry's longer text but not in its short answer (all three
 * as the index reads them, so "tốc độ" meets "20 Mbps… tốc độ" and "ở mấy phường" meets "6 phường").
 */
function asksForMore(units: readonly string[], answer: readonly string[], more: readonly string[]): boolean {
  const inAnswer = new Set(answer);
  const inMore = new Set(more);
  return units.some((u) => u.length >= 3 && !u.startsWith("_") && inMore.has(u) && !inAnswer.has(u));
}

/** An entry's answer in `lang` (English text when the entry has it). */
export function answerText(entry: FaqEntry, lang: CommandContext["lang"]): string {
  return (lang === "en" && entry.answerEn ? entry.answerEn : entry.answer).trim();
}

/** The longer text of an entry (its `more`), with the source line. */
export function renderMore(ctx: CommandContext, entry: FaqEntry): Reply {
  const more = ctx.lang === "en" && entry.answerEn ? entry.moreEn : entry.more;
  const text = more?.trim() ?? answerText(entry, ctx.lang);
  return reply(lines(text, sourceLine(ctx, entry.source)));
}

/**
 * "Chưa có thông tin…": said plainly, with up to three related topics as buttons and
 * the coordinating agency to contact (taken from content, not written here).
 */
export function renderNoAnswer(ctx: CommandContext, result: SearchResult): Reply {
  const { lang } = ctx;
  const contact = ctx.services.knowledge.contact;
  const suggestions = result.suggestions.slice(0, 3).flatMap((e) => {
    const p = payload(e.id);
    return p ? [{ label: shorten(questionIn(e, lang)), payload: p }] : [];
  });
  const contactLine = contact
    ? t(
        lang,
        `Anh/chị vui lòng liên hệ ${contact.name} (${contact.shortNames[0]}) để được giải đáp, hoặc gõ /lich để xem các mốc thời hạn.`,
        `Please contact ${contact.name} (${contact.shortNames[0]}), or type /deadlines to see the deadlines.`,
      )
    : t(lang, "Anh/chị vui lòng hỏi điều phối viên, hoặc gõ /lich để xem các mốc thời hạn.", "Please ask a coordinator, or type /deadlines to see the deadlines.");
  return reply(
    lines(
      t(
        lang,
        "Chưa có thông tin về nội dung này trong kế hoạch liên tịch và các nguồn trợ lý đã kiểm chứng.",
        "There is no information on this yet in the joint plan or the sources the assistant has checked.",
      ),
      contactLine,
      // Last, so the related topics (buttons or numbered options) follow their introduction directly.
      suggestions.length > 0 && t(lang, "Có thể anh/chị muốn hỏi một trong các nội dung sau:", "You may want one of these topics:"),
    ),
    suggestions.length > 0 ? { buttons: suggestions.map((b) => [b]) } : {},
  );
}

/**
 * The lines about each related milestone: "• Thử nghiệm QLVB: 15/06/2025 (còn 14 ngày)", followed by
 * {@link statusLines}. The one place where milestone facts join an answer. `also` adds milestones the question needs
 * beyond the entry's own ({@link systemSchedule}).
 */
export function milestoneBlock(ctx: CommandContext, entry: FaqEntry, latest: LatestLookup, also: readonly string[] = []): Rich[] {
  const { content } = ctx.services;
  const ids = [...new Set([...entry.milestones, ...also])];
  const related = byDeadline(ids.map((id) => content.milestones.find((m) => m.id === id)).filter((m) => m !== undefined));
  if (related.length === 0) return [];
  const shown = related.slice(0, MAX_MILESTONES);
  const out: Rich[] = [[bold(t(ctx.lang, related.length === 1 ? "Mốc liên quan:" : "Các mốc liên quan:", "Related deadlines:"))]];
  for (const m of shown) out.push([`• ${milestoneTitle(m, ctx.lang)}: `, bold(dueText(m, ctx))]);
  if (related.length > shown.length) {
    out.push([t(ctx.lang, `…và ${related.length - shown.length} mốc khác (gõ /lich để xem đủ).`, `…and ${related.length - shown.length} more (type /deadlines).`)]);
  }
  out.push(...statusLines(ctx, shown, latest).map((l): Rich => [l]));
  return out;
}

/**
 * Reported progress of the related milestones, in aggregate only ("3/5 đơn vị đã báo hoàn thành"):
 * never names, never notes. Empty until someone reports.
 */
export function statusLines(ctx: CommandContext, milestones: readonly Milestone[], latest: LatestLookup): string[] {
  const { content } = ctx.services;
  return milestones.flatMap((m) => {
    const line = progressLine(content, latest, m.id, ctx.lang);
    if (!line) return [];
    return [milestones.length > 1 ? `${milestoneTitle(m, ctx.lang)} — ${line}` : line];
  });
}

/** "15/06/2025 (còn 14 ngày)"; milestones without an official deadline say so instead of counting down. */
function dueText(m: Milestone, ctx: CommandContext): string {
  const due = formatDue(m.dueParsed, ctx.lang);
  if (m.reminders?.enabled === false && m.dueParsed.precision !== "range") {
    return `${due} (${t(ctx.lang, "không phải hạn chính thức", "not an official deadline")})`;
  }
  const countdown = formatCountdown(ctx.today, m.dueParsed.end, ctx.lang);
  return m.estimated ? `${due} (${t(ctx.lang, "ước tính", "estimate")}; ${countdown})` : `${due} (${countdown})`;
}

/** "Nguồn: <title>" with the address as a link. */
function sourceLine(ctx: CommandContext, sourceId: string): Rich {
  const source = ctx.services.content.sources.find((s) => s.id === sourceId);
  const label = t(ctx.lang, "Nguồn: ", "Source: ");
  if (!source) return [label + sourceId];
  const title: Span = source.url ? link(sourceTitle(source, ctx.lang), source.url) : sourceTitle(source, ctx.lang);
  return [label, title];
}

/** A button payload for the hidden command, or undefined if it would not fit in 64 bytes. */
function payload(entryId: string, extra?: string): string | undefined {
  const p = [MORE_COMMAND, entryId, extra].filter(Boolean).join(" ");
  return new TextEncoder().encode(p).length <= MAX_PAYLOAD_BYTES ? p : undefined;
}

function shorten(text: string): string {
  return text.length <= MAX_LABEL ? text : `${text.slice(0, MAX_LABEL - 1).trimEnd()}…`;
}
