import Fuse, { type IFuseOptions } from "fuse.js";
import type { Agency, Content, FaqEntry } from "../content/schema.js";
import { fold } from "../fold.js";
import { rememberRecentBy } from "../recent.js";
import {
  asksDocumentContent,
  asksIssueDate,
  asksWhichDay,
  asksExact,
  confirms,
  coveredOnlyAsAbsent,
  datesDocument,
  deniesExactFigure,
  describesDocument,
  documentsNamed,
  type EntryUnits,
  type ExpectedType,
  expectedType,
  givesOnlyEnd,
  givesOnlyStart,
  isNotStated,
  namesDocument,
  namesHolderThen,
  opensAsAbsent,
  phaseOfOther,
  phaseOfSomething,
  speaksOfPhase,
  statesAbsent,
  statesAct,
  supplies,
  valueAsked,
  withholdsUnitNames,
} from "./answer-type.js";
import { agrees, findEntities, nearOffice, type QuestionEntities, unitNamed } from "./entities.js";
import { liveIndexText } from "./live.js";
import { detectLanguage, isCommonEnglish } from "../language.js";
import { decodeTyping } from "./normalise.js";
import { isSystemUnit } from "./follow-up.js";
import { mayNamePhase, phasesNamed } from "./phases.js";
import { withoutAskerTitle } from "./asker-title.js";
import { createOneEditIndex, letterSet, mayBeWithin } from "./near-words.js";
import { createAnalyzer, droppedNasal, editDistance, INTENT_PREFIX, isSyllable } from "./query.js";
import type { Hit, Knowledge, SearchResult } from "./types.js";

/**
 * Tuning of the search, chosen on the evaluation set (test/fixtures/questions).
 * Field weights say how much a word found in that part of an entry counts.
 */
export const SEARCH_TUNING = {
  fields: { questions: 1, keywords: 1, titles: 0.7, answer: 0.45, answerEn: 0.45 },
  /** How much word pairs ("tai khoan", "chinh thuc") add: that share of the coverage still missing. */
  pairWeight: 0.5,
  /** Most words of a question short enough that a close entry covering enough of it beats a best one that does not. */
  shortQuestionWords: 16,
  /** ... when that close entry's nearest question is at least this much the question asked (see precisionShare). */
  closePrecision: 0.5,
  /** Entries handed to fuse.js after the word index narrowed the candidates. */
  candidates: 8,
  /** fuse.js threshold: Bitap's cost grows with the errors it allows. */
  fuseThreshold: 0.45,
  /** Whether fuse.js also reads the keywords (twice the strings per entry) or only the questions. */
  fuseKeywords: false,
  /** Whether fuse.js also reads the related milestone titles (slower, long strings). */
  fuseTitles: false,
  /** Share of fuse.js's fuzzy score in the final score. */
  fuseShare: 0.2,
  /** Question variants of one entry fuse.js reads: those sharing the most words with the question. */
  fuseVariants: 6,
  /** Share of "how much of the entry's closest question variant the question covers" in the final score. */
  precisionShare: 0.15,
  /** Below this relevance the assistant says it has no answer. */
  minRelevance: 0.56,
  /**
   * The same when the entry's text gives the value the question expects right next to what is asked (a date of X, a
   * count of N: answer-type.ts), and few of the question's words are unknown to the index.
   */
  confirmedRelevance: 0.44,
  /** Most share of the question's weight that unknown words may carry for {@link SEARCH_TUNING.confirmedRelevance}. */
  confirmedUnknownShare: 0.35,
  /** Least precision (see precisionShare) of an entry confirmed by a count alone. */
  confirmedCountPrecision: 0.3,
  /**
   * An entry whose closest question is less of the question asked than this, and which covers the question best in a
   * "not stated" sentence, is shown but leaves the question unanswered (an entry written for that very question, like
   * "BR-VT có dùng song song không", answers it: the plan's silence is the answer).
   */
  absentPrecision: 0.9,
  /** Two answerable entries closer than this in score make the answer ambiguous. */
  ambiguityGap: 0.04,
  /** Entries at least this relevant may be suggested when there is no answer. */
  suggestRelevance: 0.35,
  /** Weight of a word found only inside a glossary term the entry uses ("chạy" in "chạy chính thức"). */
  partWeight: 0.5,
  /** Most an intent token ("_when" for "khi nào") may weigh: about a third of a rare word. */
  intentWeight: 0.6,
  /** A word no entry contains weighs this many times the rarest known word: it is what the knowledge base lacks. */
  unknownWeight: 1.25,
  /**
   * The same for an English question. Entries carry one English question and an English answer, so an English word
   * the index lacks is much weaker evidence that the knowledge base lacks the topic; subjects the plan never covers
   * (money, people, weather…) are refused by entity agreement instead (entities.ts).
   */
  unknownWeightEn: 0.5,
  /** Weight of a word found only after typo correction. */
  correctedWeight: 0.8,
} as const;

/** Cached fuse.js indexes (per entry and choice of variants) before the cache starts over. */
const MAX_FUSE_CACHE = 20_000;

const fuseOptions = (): IFuseOptions<FuseDoc> => ({
  keys: SEARCH_TUNING.fuseTitles
    ? [
        { name: "q", weight: 3 },
        { name: "k", weight: 2 },
        { name: "t", weight: 1 },
      ]
    : SEARCH_TUNING.fuseKeywords
      ? [
          { name: "q", weight: 3 },
          { name: "k", weight: 2 },
        ]
      : [{ name: "q", weight: 1 }],
  includeScore: true,
  ignoreLocation: true,
  threshold: SEARCH_TUNING.fuseThreshold,
});

interface FuseDoc {
  i: number;
  q: string[];
  k: string[];
  t: string[];
}

/** Word → entries containing it, with the weight of the best field it appears in. */
type Postings = Map<string, { docs: number[]; weights: number[] }>;

/** How {@link createKnowledge} searches; the defaults are what the assistant uses. */
export interface KnowledgeOptions {
  /**
   * Searches without the two shortcuts (default false): windows of a long message that cannot beat the best window so
   * far are left after the cheap narrowing step, and a best entry far ahead of every other candidate is settled before
   * fuse.js scores the runner-up. The answers are the same either way; true is for tests and benchmarks that check this.
   */
  exhaustive?: boolean;
}

/**
 * Builds the knowledge base over `content.faq`.
 *
 * The design follows "fold, search, render". Each entry's questions, keywords, related milestone
 * titles and answer are folded, glossary terms become concept tokens and fillers are dropped
 * (see {@link createAnalyzer}). An inverted index of words and word pairs narrows a question to
 * a few candidate entries, ranked by how much of the question's (rarity-weighted) words they
 * cover; fuse.js then scores only those candidates fuzzily. Cost per question therefore grows
 * with the number of entries sharing its words, not with the whole knowledge base.
 */
export function createKnowledge(content: Content, options: KnowledgeOptions = {}): Knowledge {
  const exhaustive = options.exhaustive ?? false;
  const analyzer = createAnalyzer(content.glossary, content.lexicon);
  const entries = content.faq;
  const milestones = new Map(content.milestones.map((m) => [m.id, m]));
  const byId = new Map(entries.map((e) => [e.id, e]));
  const W = SEARCH_TUNING.fields;
  const n = entries.length;
  // Rarer words count more. A word the index does not know counts like the rarest known word.
  const rarity = (df: number) => Math.log(1 + n / Math.max(df, 1));
  const idf = (df: number, key = "") => (key.startsWith(INTENT_PREFIX) ? Math.min(SEARCH_TUNING.intentWeight, rarity(df)) : rarity(df));
  /** The weight of a unit in the question: the rarity of the word in the index (see idf). */
  const weightOf = (u: string) => idf(words.get(u)?.docs.length ?? 1, u);
  /** The same, 0 for a word no entry contains: it cannot name the thing an entry speaks of (see supplies). */
  const knownWeight = (u: string) => (words.has(u) ? weightOf(u) : 0);

  // Each entry's whole text, folded and padded, for entity agreement (see entities.ts).
  // Made on first use: most questions name no entity, and folding every entry's text would double the build.
  const raws: string[] = [];
  const haystacks: string[] = [];
  const rawOf = (d: number): string => {
    const e = entries[d]!;
    raws[d] ??= [...e.questions, ...e.keywords, e.answer, e.more ?? "", e.answerEn ?? "", e.moreEn ?? "", e.render ? liveIndexText(e.render, content) : ""].join(" \n ");
    return raws[d]!;
  };
  const haystackOf = (d: number): string => (haystacks[d] ??= ` ${fold(rawOf(d))} `);
  const abouts: string[] = [];
  const aboutOf = (d: number): string => (abouts[d] ??= ` ${fold([...entries[d]!.questions, ...entries[d]!.keywords].join(" \n "))} `);
  const docOf = new Map(entries.map((e, i) => [e, i]));
  // Whether an entry's answers say anywhere that the sources do not give something: a cheap test, made on first use,
  // before its sentences are analysed (see the "not stated" checks in searchOnce).
  const absences: (boolean | undefined)[] = [];
  const mayStateAbsence = (d: number): boolean => {
    const e = entries[d]!;
    return (absences[d] ??= isNotStated(fold([e.answer, e.more ?? "", e.answerEn ?? "", e.moreEn ?? ""].join(" \n "))));
  };
  // What each entry offers for the expected answer type (answer-type.ts), made on first use.
  const offered: EntryUnits[] = [];
  const offeredBy = (d: number): EntryUnits => {
    if (offered[d]) return offered[d]!;
    const e = entries[d]!;
    // Sentence by sentence: the analyser reads at most a few hundred characters at once.
    const sentences = [e.answer, e.more ?? "", e.answerEn ?? "", e.moreEn ?? "", e.render ? liveIndexText(e.render, content) : ""].flatMap((x) => x.split(/(?<=[.;!?])\s+|\n+/));
    const each = sentences.filter((x) => x.trim()).map((x) => {
      const f = fold(x);
      return { units: analyzer.analyze(x).units, notStated: isNotStated(f), folded: f, raw: x };
    });
    const text = each.flatMap((x) => x.units);
    const related = e.milestones.map((id) => milestones.get(id)).filter((m) => m !== undefined);
    const ms = related.map((m) => analyzer.analyze([m.title, m.titleEn ?? "", ...m.keywords].join(" \n ")).units);
    // Folded, not analysed (cheap): only a Vietnamese syllable is looked up in them (a dated phrase's rare word).
    const keywords = fold(e.keywords.join(" ")).split(" ");
    const milestoneDays = related.map((m) => m.dueParsed.precision === "day");
    offered[d] = { text, raw: sentences.join(" "), questions: questionUnits[d]!, milestones: ms, milestoneDays, sentences: each, keywords };
    return offered[d]!;
  };
  const agencyNames = content.agencies.map((a) => {
    const names = [a.name, ...a.shortNames, ...a.aliases].map(fold).filter((x) => x.length >= 4);
    return { id: a.id, names, keys: [...new Set(names.map(agencyKey))].filter((k) => k.length >= 6) };
  });
  const words: Postings = new Map();
  const pairs: Postings = new Map();
  const fuseDocs: FuseDoc[] = [];
  const questionUnits: string[][][] = [];
  // The systems each entry speaks of anywhere (questions, keywords, milestone titles, answers).
  const systemsAbout: ReadonlySet<string>[] = [];
  // Each distinct short text is analysed once: milestone titles, topics, keywords and empty fields recur across
  // entries. Long texts (answers) are nearly always unique, and keeping them would only raise the build's peak memory.
  // The results are only read, never changed.
  const analysedOnce = new Map<string, ReturnType<typeof analyzer.analyze>>();
  // Pairs of words as the content writes them (expanded, before stemming): "uu tien", "tap huan". A word typed with a
  // letter missing is read back only into a pair the content has ("ưu tiê" → "ưu tiên").
  const textPairs = new Set<string>();
  const notePairs = (expanded: string) => {
    const list = expanded.split(" ");
    for (let j = 1; j < list.length; j++) textPairs.add(`${list[j - 1]} ${list[j]}`);
  };
  const analyse = (text: string) => {
    if (text.length > MAX_SHARED_TEXT) {
      const long = analyzer.analyze(text);
      notePairs(long.expanded);
      return long;
    }
    let r = analysedOnce.get(text);
    if (!r) {
      r = analyzer.analyze(text);
      analysedOnce.set(text, r);
      notePairs(r.expanded);
    }
    return r;
  };

  entries.forEach((entry, i) => {
    const related = entry.milestones.map((id) => milestones.get(id)).filter((m) => m !== undefined);
    const fields: [number, string[]][] = [
      [W.questions, entry.questions],
      [W.keywords, entry.keywords],
      [W.titles, [entry.topic.replace(/-/g, " "), ...related.flatMap((m) => [m.title, ...m.keywords])]],
      [W.answer, [entry.answer, entry.more ?? "", entry.render ? liveIndexText(entry.render, content) : ""]],
      // English questions meet English text mostly here (entries have one English question each): it weighs more.
      [W.answerEn, [entry.answerEn ?? "", entry.moreEn ?? ""]],
    ];
    const wordW = new Map<string, number>();
    const pairW = new Map<string, number>();
    const analysed: string[][][] = [];
    for (const [weight, texts] of fields) {
      const results = texts.map(analyse);
      const list = results.map((r) => r.units);
      analysed.push(list);
      // Words inside glossary terms count a little: "chạy chính thức" also says "chạy".
      for (const r of results) for (const p of r.parts) wordW.set(p, Math.max(wordW.get(p) ?? 0, weight * SEARCH_TUNING.partWeight));
      for (const units of list) {
        units.forEach((u, j) => {
          wordW.set(u, Math.max(wordW.get(u) ?? 0, weight));
          if (j > 0) {
            const p = `${units[j - 1]} ${u}`;
            pairW.set(p, Math.max(pairW.get(p) ?? 0, weight));
          }
        });
      }
    }
    addPostings(words, wordW, i);
    addPostings(pairs, pairW, i);
    const join = (list: string[][]) => list.map((u) => u.join(" ")).filter((s) => s.length > 0);
    fuseDocs.push({ i, q: join(analysed[0]!), k: join(analysed[1]!), t: join(analysed[2]!) });
    questionUnits.push(analysed[0]!.filter((u) => u.length > 0));
    let systems: Set<string> | undefined;
    for (const list of analysed) for (const units of list) for (const u of units) if (isSystemUnit(u)) (systems ??= new Set()).add(u);
    systemsAbout.push(systems ?? NO_SYSTEMS);
  });
  // The knowledge base keeps no texts it does not need once built.
  analysedOnce.clear();

  // Known words by length, for typo correction: the index's words and the glossary's.
  const byLength = new Map<number, string[]>();
  for (const w of new Set([...words.keys(), ...analyzer.canon.words])) {
    if (/\d/.test(w)) continue;
    const list = byLength.get(w.length);
    if (list) list.push(w);
    else byLength.set(w.length, [w]);
  }
  const letterSetsByLength = new Map([...byLength].map(([len, list]) => [len, Uint32Array.from(list, letterSet)]));
  // Words one edit away from a short typed word, read from an index of one-letter deletions (see near-words.ts).
  const oneEditAway = createOneEditIndex(byLength, MAX_INDEXED_WORD);
  // Typo tolerance: Telex/VNI leftovers first ("vawn" → "van"), then the closest known word. Words shaped like a
  // Vietnamese syllable are never corrected ("lương" typed without marks is a word); short words (3–4 letters)
  // allow one edit and prefer a swap of two letters ("vna" → "van").
  const correct = (word: string, prev?: string): string | undefined => {
    // A common English word is never Telex residue ("left" is not "lèt").
    if (words.has(word) || isCommonEnglish(word)) return undefined;
    const decoded = decodeTyping(word);
    if (decoded !== undefined && (words.has(decoded) || analyzer.knows(decoded))) return decoded;
    const dropped = droppedNasal(word);
    if (dropped !== undefined && (words.has(dropped) || analyzer.knows(dropped))) return dropped;
    const inPair = prev === undefined ? undefined : missingLetter(word, prev);
    if (inPair !== undefined) return inPair;
    if (word.length < 3 || /\d/.test(word) || isSyllable(word) || isCommonEnglish(word)) return undefined;
    const max = word.length >= 8 ? 2 : 1;
    const sorted = [...word].sort().join("");
    let best: { w: string; d: number; df: number; swap: boolean } | undefined;
    const consider = (w: string) => {
      const d = editDistance(word, w, max);
      if (d > max) return;
      const df = words.get(w)?.docs.length ?? n;
      const swap = [...w].sort().join("") === sorted;
      if (word.length < 5 && !swap && w.length === word.length && isSyllable(w) === false) return;
      if (!best || d < best.d || (d === best.d && (Number(swap) - Number(best.swap) || df - best.df) > 0)) best = { w, d, df, swap };
    };
    const lengthRead = (len: number) => Math.abs(len - word.length) <= max && (word.length >= 5 || len === word.length);
    if (max === 1 && word.length < MAX_INDEXED_WORD) oneEditAway(word, lengthRead).forEach(consider);
    else {
      // Words differing by more letters than edits allowed are not measured (see mayBeWithin): the same words found.
      const own = letterSet(word);
      for (let len = word.length - max; len <= word.length + max; len++) {
        if (!lengthRead(len)) continue;
        const list = byLength.get(len);
        if (!list) continue;
        const sets = letterSetsByLength.get(len)!;
        for (let x = 0; x < list.length; x++) if (mayBeWithin(own, sets[x]!, max)) consider(list[x]!);
      }
    }
    return best?.w;
  };

  // A syllable the index does not know, typed with one letter missing, read back when exactly one letter makes it a
  // pair the content writes after the word before it: "ưu tiê" → "ưu tiên", "hội nghị truyền hìn" → "truyền hình".
  const LETTERS = "abcdefghiklmnopqrstuvxy";
  const missingLetter = (word: string, prev: string): string | undefined => {
    if (word.length < 2 || !isSyllable(word) || prev.length < 2) return undefined;
    const found = new Set<string>();
    for (let at = 0; at <= word.length; at++) {
      for (const letter of LETTERS) {
        const w = `${word.slice(0, at)}${letter}${word.slice(at)}`;
        if (isSyllable(w) && textPairs.has(`${prev} ${w}`)) found.add(w);
      }
    }
    return found.size === 1 ? [...found][0] : undefined;
  };

  const coverage = new Float64Array(n);
  // How much of the entry's closest question variant the question covers: "taphuan email" is closer
  // to "taphuan dung email" than to "bao nhieu cbcc taphuan email".
  // Each question variant's distinct words with their weights, made on first use (the index does not change).
  const variantWeights: { units: string[]; weights: Float64Array; all: number }[][] = [];
  const weightedVariants = (d: number) =>
    (variantWeights[d] ??= questionUnits[d]!.map((v) => {
      const units = [...new Set(v)];
      const weights = Float64Array.from(units, weightOf);
      return { units, weights, all: weights.reduce((a, b) => a + b, 0) };
    }));
  const precision = (d: number, asked: Set<string>): number => {
    let best = 0;
    for (const v of weightedVariants(d)) {
      if (v.all <= 0) continue;
      let have = 0;
      for (let j = 0; j < v.units.length; j++) if (asked.has(v.units[j]!)) have += v.weights[j]!;
      if (have / v.all > best) best = have / v.all;
    }
    return best;
  };
  const unitCache = new Map<string, string[]>();
  const pairCoverage = new Float64Array(n);
  const relevanceOf = new Float64Array(n);
  const stamp = new Uint32Array(n);
  const touchedDocs = new Int32Array(n);
  let touchedCount = 0;
  let questionEpoch = 0;
  // One small fuse.js index per entry and choice of question variants, made on first use: an entry's fuzzy
  // score is its own business. Bitap's cost grows with the strings it reads, so an entry with many paraphrases
  // is read through the few variants sharing the most (rarity-weighted) words with the question.
  const fuses = new Map<string, Fuse<FuseDoc>>();
  const fuzzyScore = (d: number, pattern: string, asked: Set<string>): number => {
    const doc = fuseDocs[d]!;
    let chosen = doc;
    let key = String(d);
    if (doc.q.length > SEARCH_TUNING.fuseVariants) {
      const shared = weightedVariants(d).map((v, j) => {
        let have = 0;
        for (let u = 0; u < v.units.length; u++) if (asked.has(v.units[u]!)) have += v.weights[u]!;
        return { j, have };
      });
      const best = shared.sort((a, b) => b.have - a.have || a.j - b.j).slice(0, SEARCH_TUNING.fuseVariants).map((x) => x.j).sort((a, b) => a - b);
      key = `${d}:${best.join(",")}`;
      chosen = { ...doc, q: best.map((j) => doc.q[j]!) };
    }
    // One message searched window by window asks the same entry with the same pattern again ("c1" and "c1, c2" share
    // their first words): each (entry, variants, pattern) is scored once per message.
    const memoKey = `${key}\u0000${pattern}`;
    const known = fuzzyMemo.get(memoKey);
    if (known !== undefined) return known;
    let fuse = fuses.get(key);
    if (!fuse) {
      if (fuses.size >= MAX_FUSE_CACHE) fuses.clear();
      fuse = new Fuse([chosen], fuseOptions());
      fuses.set(key, fuse);
    }
    const score = fuse.search(pattern)[0]?.score ?? 1;
    fuzzyMemo.set(memoKey, score);
    return score;
  };
  // What one message's search works out more than once (see search): fuzzy scores and typo corrections. Cleared at the
  // start of each search, so no answer depends on the questions asked before it.
  const fuzzyMemo = new Map<string, number>();
  const correctMemo = new Map<string, string | undefined>();
  /** {@link correct}, each word (and word before it) worked out once per message: windows repeat the message's words. */
  const correctOnce = (word: string, prev?: string): string | undefined => {
    const k = prev === undefined ? word : `${word}\u0000${prev}`;
    if (correctMemo.has(k)) return correctMemo.get(k);
    const fixed = correct(word, prev);
    correctMemo.set(k, fixed);
    return fixed;
  };

  return {
    size: n,
    contact: mainCoordinator(content),
    entry: (id) => byId.get(id),
    // An English message is left alone ("tax" or "bus" typed in English is no residue of "ta", "bu"), unless undoing
    // the residue makes it Vietnamese ("Email cos maays deadline vaajy").
    untype: (text) => {
      const undone = text.replace(/[A-Za-z][A-Za-z0-9]*/g, (typed) => {
        const word = typed.toLowerCase();
        if (word.length < 3 || words.has(word) || analyzer.knows(word) || isCommonEnglish(word)) return typed;
        const decoded = decodeTyping(word);
        return decoded !== undefined && (words.has(decoded) || analyzer.knows(decoded)) ? decoded : typed;
      });
      return undone === text || (detectLanguage(text) === "en" && detectLanguage(undone) === "en") ? text : undone;
    },
    unitsOf: (text) => {
      // Answers and their longer texts are asked again and again: their units are kept (one per text of the base).
      let units = unitCache.get(text);
      if (!units) {
        units = analyzer.analyze(text).units;
        if (unitCache.size < 4 * n + 100) unitCache.set(text, units);
      }
      return units;
    },
    search(asked, options = {}): SearchResult {
      // The asker's own title ("Tôi là giám đốc Sở…") says who asks, not that a person is asked of.
      const question = withoutAskerTitle(asked);
      fuzzyMemo.clear();
      correctMemo.clear();
      const expectFrom = options.expectFrom === undefined ? undefined : analyzer.analyze(options.expectFrom, correctOnce).units;
      // A follow-up read with the previous question is one question: no window of it may stand for the whole.
      if (expectFrom) return searchOnce(question, expectFrom);
      // A window is held to what the whole message asks of its subject (money, a vendor, a person's office): "dùng
      // phần mềm gì vậy, Zoom hay Webex?" is not answered by the window "dùng phần mềm gì vậy". Places are not carried
      // over: the context of a long message names where the person works ("em ở Dĩ An, cho em hỏi…").
      const foldedWhole = fold(question);
      // Shorthand expanded too: "tk mail cua e bi khoa", "ds 102 phuong" (see readOf).
      const expandedWhole = analyzer.expand(question);
      const whole = entitiesOf(foldedWhole, expandedWhole, question);
      // ... and to the value the whole message asks (an address, a document number, a price).
      const wants = valueAsked(foldedWhole, question) ?? (expandedWhole === foldedWhole ? undefined : valueAsked(expandedWhole, question));
      // A window is held to the systems the message names: its answer must be about one of them.
      const about = (entry: FaqEntry, systems: readonly string[]) => systems.some((x) => systemsAbout[docOf.get(entry)!]!.has(x));
      return bestWindow(question, (text, mustBeat) => searchOnce(text, expectFrom, whole, mustBeat, undefined, text === question ? undefined : wants, text === question, options.followUp === true), !exhaustive, about);
    },
  };

  /**
   * Searches one text. With `mustBeat` (a window of a long message), a text whose most relevant candidate cannot
   * reach that {@link strength} is left after the cheap narrowing step: it could not replace the best window.
   * A best entry whose score leaves every other candidate out of reach is settled alone; when that does not give a
   * confident answer, the text is searched again in full (`fuzzy` then holds the fuzzy scores the first search made).
   */
  /**
   * Whether entry `d` is written of a merged locality other than `asked`: none of its questions nor its text names
   * `asked`, and at least a third of its questions name the other one (the rest ask it without the place: "mail cũ
   * còn dùng được bao lâu?").
   */
  function aboutOtherLocality(d: number, asked: string, compared = false): boolean {
    const variants = questionUnits[d]!;
    if (variants.length === 0) return false;
    const namesOther = (v: readonly string[]) => v.some((u) => LOCALITY_TOKENS.has(u) && u !== asked);
    const other = variants.filter(namesOther).length;
    if (!variants.some((v) => v.includes(asked))) return other * 3 >= variants.length && !offeredBy(d).text.includes(asked);
    // Named only beside the other one ("BRVT có giữ hai tài khoản như Bình Dương không?"): the asked locality is what the
    // entry compares with, not what it is about, when most of its questions name the other.
    // Not when the question itself names it as what it compares with ("… giữ email cũ như bên Bình Dương không").
    return !compared && !variants.some((v) => v.includes(asked) && !namesOther(v)) && other * 2 >= variants.length;
  }

  function searchOnce(question: string, expectFrom?: readonly string[], message?: QuestionEntities, mustBeat?: number, fuzzy?: Map<number, number>, wants?: ExpectedType, alone = false, followUp = false): SearchResult {
      const full = exhaustive || fuzzy !== undefined;
      const fuzzyOf = fuzzy ?? new Map<number, number>();
      const analysed = analyzer.analyze(question, correctOnce);
      const unknownWeight = detectLanguage(question) === "en" ? SEARCH_TUNING.unknownWeightEn : SEARCH_TUNING.unknownWeight;
      const folded = analysed.folded;
      const corrected = new Set(analysed.corrections.map((c) => c.split(" → ")[1]!));
      const units = [...new Set(analysed.units)];
      // Only question words ("khi nào ạ?") say nothing about the topic.
      if (units.every((u) => u.startsWith(INTENT_PREFIX))) return { decision: "none", suggestions: [], folded, units };
      const unitPairs = [...new Set(analysed.units.slice(1).map((u, j) => `${analysed.units[j]} ${u}`))];

      // 1. Narrow: score every entry sharing a word with the question by weighted coverage.
      // Entries touched by this question, marked with the question's epoch (no per-question Set or clearing).
      questionEpoch = (questionEpoch + 1) >>> 0;
      if (questionEpoch === 0) {
        stamp.fill(0);
        questionEpoch = 1;
      }
      const epoch = questionEpoch;
      touchedCount = 0;
      let unknownTotal = 0;
      const accumulate = (index: Postings, keys: string[], into: Float64Array): number => {
        let total = 0;
        for (const key of keys) {
          const posting = index.get(key);
          const weight = posting ? idf(posting.docs.length, key) : idf(1, key) * unknownWeight;
          total += weight;
          if (!posting) {
            if (index === words) unknownTotal += weight;
            continue;
          }
          const factor = corrected.has(key) ? SEARCH_TUNING.correctedWeight : 1;
          const { docs, weights } = posting;
          for (let j = 0; j < docs.length; j++) {
            const d = docs[j]!;
            if (stamp[d] !== epoch) {
              stamp[d] = epoch;
              coverage[d] = 0;
              pairCoverage[d] = 0;
              touchedDocs[touchedCount++] = d;
            }
            into[d]! += weight * weights[j]! * factor;
          }
        }
        return total;
      };
      const total = accumulate(words, units, coverage);
      const pairTotal = accumulate(pairs, unitPairs, pairCoverage);
      // Word pairs found in the entry are a bonus (they confirm word order), never a penalty.
      const touchedNow = touchedDocs.subarray(0, touchedCount);
      // Each touched entry's relevance, worked out once: the narrowing reads it several times per entry.
      for (let x = 0; x < touchedNow.length; x++) {
        const d = touchedNow[x]!;
        const cov = coverage[d]! / total;
        relevanceOf[d] = pairTotal === 0 ? cov : cov + SEARCH_TUNING.pairWeight * (pairCoverage[d]! / pairTotal) * (1 - cov);
      }
      const relevance = (d: number) => relevanceOf[d]!;
      const askedUnits = new Set(units);
      // Each entry's precision for this question, worked out once (ties, bounds, features and absence all read it).
      const precisionMemo = new Map<number, number>();
      const precisionOf = (d: number) => {
        let p = precisionMemo.get(d);
        if (p === undefined) precisionMemo.set(d, (p = precision(d, askedUnits)));
        return p;
      };
      const candidates = breakTies(topK(touchedNow, relevance, SEARCH_TUNING.candidates), touchedNow, relevance, precisionOf);
      if (candidates.length === 0) return { decision: "none", suggestions: [], folded, units };
      if (mustBeat !== undefined && strongest(Math.min(1, relevance(candidates[0]!))) <= mustBeat) return { decision: "none", suggestions: [], folded, units };

      // 2. Rank: fuse.js scores the candidates fuzzily on the same folded, canonical text. Its score for an
      // entry does not depend on the other entries, so each entry is scored alone, lazily, and only while
      // it could still change the top of the ranking (see rankLazily): same order, far fewer Bitap runs.
      const pattern = patternOf(analysed.units);
      const gamma = SEARCH_TUNING.fuseShare;
      const delta = SEARCH_TUNING.precisionShare;
      const asked = new Set(units);

      // 3. Decide. Places, offices and numbers the question names must agree with the entry: two shared topic
      // words do not make "dân số Côn Đảo" a question about the whole city's population.
      const own = entitiesOf(folded, analysed.expanded, question);
      const entities: QuestionEntities = message
        ? {
            ...own,
            offices: [...new Set([...own.offices, ...message.offices])],
            asksPerson: own.asksPerson || message.asksPerson,
            subjects: [...new Set([...own.subjects, ...message.subjects])],
            measuredPlace: own.measuredPlace ?? message.measuredPlace,
            acts: [...new Set([...own.acts, ...message.acts])],
          }
        : own;
      // A follow-up searched with the previous question is held to its own numbers ("and the full 168-unit run?").
      const numbers = (expectFrom ?? units).filter(isSpecificNumber);
      // A document named by its number ("nghị quyết 57", "Decision 759") must be one the entry names; asked what it says
      // ("nội dung chính", "what does it say"), one the entry says it of.
      const documents = documentsNamed(folded);
      const asksContent = documents.length > 0 && asksDocumentContent(folded);
      const exactAsked = asksExact(folded);
      // A follow-up is read with the previous question's words, which may stand after "phường" without naming one.
      const unit = expectFrom === undefined ? unitNamed(folded, question) : undefined;
      // Who holds an office in an agency of the plan: the entry must be about that agency.
      const compact = entities.asksPerson ? agencyKey(folded) : "";
      const agencies = entities.asksPerson ? agencyNames.filter((a) => a.names.some((name) => ` ${folded} `.includes(` ${name} `)) || a.keys.some((k) => compact.includes(k))) : [];
      // The value the question expects (a date of X, a count of N) must be one the entry supplies.
      let expected =
        expectedType(expectFrom ?? analysed.units, weightOf, folded, question, (p) => pairs.has(p), (t) => analyzer.analyze(t).units) ??
        (analysed.expanded === folded ? undefined : valueAsked(analysed.expanded, question)) ??
        wants;
      // "mail cũ khóa ngày nào", asked on its own: the day itself (a month or a quarter is shown, unanswered).
      if (expected?.kind === "date" && !expected.exact && expectFrom === undefined && !followUp && asksWhichDay(folded)) expected = { ...expected, exact: true };
      const unsupplied = new Set<number>();
      // A long message read window by window speaks of a trial run anywhere in it ("During the trial…, how many…").
      const trial = own.trial || message?.trial === true;
      const whether = units.includes(STATUS_TOKEN) && !units.includes(WHEN_TOKEN);
      // A system the question names (TSLCD, QLVB, 1022…) must be one the entry is about: "nhà mạng" shared with the
      // Telegram entry does not make it an answer about the data network.
      const systems = units.filter(isSystemUnit);
      const named = entities.places.length === 0 && entities.offices.length === 0 && !entities.asksPerson && entities.subjects.length === 0;
      const askedLocalities = units.filter((u) => LOCALITY_TOKENS.has(u));
      const onlyLocality = askedLocalities.length === 1 ? askedLocalities[0] : undefined;
      // The numbered phases the question names ("gđ2", "phase 2"), read only when its text may name one.
      // A phase said of something ("gđ2 của nó", "phase 2 of the app") other than the plan is that thing's, not the plan's.
      const phases = mayNamePhase(folded) && (units.includes(PLAN_TOKEN) || !phaseOfSomething(folded)) ? phasesNamed(units) : [];
      // …and those it says are another thing's ("gđ2 của app Công dân số"): the entry must speak of that phase.
      const phasesOfOther = phases.length === 0 && mayNamePhase(folded) && !units.includes(PLAN_TOKEN) ? phasesNamed(units) : [];
      const agreement = new Map<number, boolean>();
      const agreesWith = (d: number): boolean => {
        let ok = agreement.get(d);
        if (ok === undefined) agreement.set(d, (ok = checkAgreement(d)));
        return ok;
      };
      function checkAgreement(d: number): boolean {
        if (!systems.every((s) => systemsAbout[d]!.has(s))) return false;
        if (!numbers.every((x) => words.get(x)?.docs.includes(d) ?? false)) return false;
        if (!documents.every((x) => namesDocument(haystackOf(d), x))) return false;
        // One merged locality asked of, and an entry written only of the other one: "mail cũ của cán bộ BRVT" is not
        // answered by the entry on Bình Dương's old accounts (every question of it names Bình Dương, its text never
        // names Bà Rịa - Vũng Tàu).
        if (onlyLocality !== undefined && aboutOtherLocality(d, onlyLocality, COMPARED.test(folded))) return false;
        // Who holds an office in an agency: the entry must name the office next to that agency ("giám đốc Sở KH&CN
        // TP.HCM" is not answered by the director of the Digital Transformation Center).
        const office = entities.offices[0];
        if (
          !named &&
          !(
            agrees(entities, haystackOf(d), rawOf(d), aboutOf(d)) &&
            agencies.every((a) => a.names.some((name) => haystackOf(d).includes(` ${name} `) && (!office || nearOffice(haystackOf(d), office, name, 40))))
          )
        ) {
          return false;
        }
        // Last, as the costliest check (the entry's text is analysed on first use).
        if (expected) {
          const supply = supplies(expected, offeredBy(d), asked, knownWeight, trial);
          if (supply === "no") return false;
          if (supply === "asked") unsupplied.add(d);
        }
        // An act asked about (approved, evaluated, made by…) that the entry does not state: shown, but unanswered.
        if (asksContent && !documents.every((x) => describesDocument(x, offeredBy(d)))) unsupplied.add(d);
        // When a document was issued ("Nghị quyết 60 ban hành ngày nào"): the entry must date the document itself.
        // One ward named ("phường Tân Định đã có chưa"), and an entry that says it names none of the units.
        if (unit !== undefined && withholdsUnitNames(offeredBy(d))) unsupplied.add(d);
        if (expected?.kind === "date" && asksIssueDate(folded) && !documents.every((x) => datesDocument(x, offeredBy(d)))) unsupplied.add(d);
        // "đã mở lại chưa" (whether, not when) is also answered by a sentence saying the state before the act persists.
        if (entities.acts.some((a) => !statesAct(a, offeredBy(d), aboutOf(d), whether))) unsupplied.add(d);
        // A phase asked by its number alone, and an entry that speaks of it only as another thing's phase.
        if (phases.length > 0 && phaseOfOther(offeredBy(d), phases, askedUnits)) unsupplied.add(d);
        if (phasesOfOther.length > 0 && !speaksOfPhase(offeredBy(d), phasesOfOther)) unsupplied.add(d);
        // A window of a long message is also held to the value the whole asks ("…, tên gì, sđt"), when its own is another.
        if (wants && wants.kind !== expected?.kind) {
          const supply = supplies(wants, offeredBy(d), asked, knownWeight);
          if (supply === "no") return false;
          if (supply === "asked") unsupplied.add(d);
        }
        return true;
      }

      /** Whether an agreeing entry does not supply what is asked: by its type (above), or by {@link statesOnlyAbsence},
       * worked out on first use: only the candidates the decision reads are checked. */
      const absenceMemo = new Map<number, "covered" | boolean>();
      const absenceOf = (d: number) => {
        let a = absenceMemo.get(d);
        if (a === undefined) absenceMemo.set(d, (a = unsupplied.has(d) ? true : statesOnlyAbsence(d)));
        return a;
      };
      const isUnsupplied = (d: number) => absenceOf(d) !== false;

      /**
       * Whether an agreeing entry, though it speaks of what is asked, does not give it: it covers the question only in
       * a sentence saying the sources do not give it ("Kế hoạch không nêu ngày cụ thể", "không nói về cán bộ Bà Rịa -
       * Vũng Tàu"), names who held an office only then when the question asks who holds it now, or says when a
       * numbered thing begins when the question asks when it ends. Such an entry is shown, but leaves the question
       * unanswered; each candidate is checked, so an entry that does supply it may be answered instead (see below).
       */
      function statesOnlyAbsence(d: number): "covered" | boolean {
        if (expected !== undefined || mayStateAbsence(d)) {
          const offer = offeredBy(d);
          if (opensAsAbsent(offer, units, weightOf) || (expected && statesAbsent(expected, offer, folded))) return true;
          // The exact value asked ("diện tích chính xác"), and the entry says it has only rounded figures.
          if (exactAsked && deniesExactFigure(offer)) return true;
          if (precisionOf(d) < SEARCH_TUNING.absentPrecision && coveredOnlyAsAbsent(units, offer, weightOf)) return "covered";
        }
        // Where something happens ("tập huấn ở đâu"), answered by an entry that names a place only to say it is not given.
        if (units.includes(WHERE_TOKEN) && placeOnlyAbsent(offeredBy(d))) return true;
        // Who holds an office now ("hiện nay", "currently"), answered by an entry that only names who held it then.
        const office = entities.offices[0];
        if (entities.asksPerson && office && units.includes(STATUS_TOKEN) && namesHolderThen(offeredBy(d), office)) return true;
        // When a numbered thing ends ("gđ2 … kết thúc khi nào"), answered by an entry that only says when it begins.
        // ... or, asked when a numbered phase starts, only says when it ends.
        return expected?.kind === "date" && (givesOnlyStart(offeredBy(d), folded, units) || (phases.length > 0 && givesOnlyEnd(offeredBy(d), folded, units)));
      }

      const scored = candidates.map((d) => {
        const rel = Math.min(1, relevance(d));
        const prec = precisionOf(d);
        return { d, relevance: rel, bound: (1 - gamma - delta) * (1 - rel) + delta * (1 - prec) };
      });
      // No candidate relevant enough to answer that agrees with the question (its places, offices, systems, numbers):
      // the order only picks the suggestions, and the fuzzy score (most of the cost of a question) cannot change the
      // decision, so the candidates keep their word-coverage order.
      const answerable = scored.some((c) => c.relevance >= SEARCH_TUNING.minRelevance && agreesWith(c.d));
      const ranked = !answerable
        ? scored.sort((a, b) => a.bound - b.bound).map((c) => ({ ...c, score: c.bound + gamma }))
        : rankLazily(
        scored,
        (c) => {
          let f = fuzzyOf.get(c.d);
          if (f === undefined) fuzzyOf.set(c.d, (f = fuzzyScore(c.d, pattern, asked)));
          return c.bound + gamma * f;
        },
        // Enough to decide: an answerable best entry that agrees with the question needs only the agreeing runner-up
        // (a candidate the question's entities rule out decides nothing); otherwise the suggestions. An answerable
        // agreeing best entry that no other candidate can come within twice the ambiguity gap of needs no runner-up at
        // all, if it is answered with confidence: the runner-up could neither make it ambiguous nor be preferred to it.
        (ranked, lowest) => {
          if (ranked.length === 0) return false;
          const fit = ranked.filter((h) => agreesWith(h.d));
          const first = fit[0];
          return first !== undefined && first.relevance >= SEARCH_TUNING.minRelevance
            ? fit.length >= 2 || (!full && lowest >= first.score + 2 * SEARCH_TUNING.ambiguityGap)
            : ranked.filter((h) => h.relevance >= SEARCH_TUNING.suggestRelevance).length >= 3;
        },
      );
      const unknownShare = total > 0 ? unknownTotal / total : 0;
      const hits = ranked.map((h): Hit => ({ entry: entries[h.d]!, relevance: h.relevance, score: h.score, features: { coverage: coverage[h.d]! / total, precision: precisionOf(h.d), unknownShare } }));
      const agreeing = hits.filter((h) => agreesWith(docOf.get(h.entry)!));
      // Settled alone: any answer but a confident one is worked out again with every candidate it could depend on.
      const settledAlone = !full && answerable && agreeing.length === 1 && ranked.length < candidates.length;
      const again = () => searchOnce(question, expectFrom, message, mustBeat, fuzzyOf, wants, alone, followUp);
      // Close calls lean on what the question says of itself: an entry asked about the same merged locality ("mail cũ
      // ở Bình Dương" is not the Bà Rịa - Vũng Tàu entry that mentions Bình Dương), and for a status question
      // ("xong chưa", "yet") an entry with a dated milestone.
      const locality = units.filter((u) => LOCALITY_TOKENS.has(u));
      if (locality.length === 1) {
        const [asked] = locality as [string];
        const aboutAsked = (h: Hit) => {
          const variants = questionUnits[docOf.get(h.entry)!]!;
          return variants.some((v) => v.includes(asked)) && !variants.some((v) => v.some((u) => LOCALITY_TOKENS.has(u) && u !== asked));
        };
        preferWithin(agreeing, aboutAsked);
        // Failing an entry about that locality alone, one whose questions name it at all ("Sở KH&CN Bình Dương và Bà
        // Rịa - Vũng Tàu") beats one whose questions never do ("Sở KH&CN TP.HCM").
        if (agreeing[0] && !aboutAsked(agreeing[0])) preferWithin(agreeing, (h) => questionUnits[docOf.get(h.entry)!]!.some((v) => v.includes(asked)));
      }
      if (units.includes(STATUS_TOKEN)) preferWithin(agreeing, (h) => h.entry.referral !== true && (h.entry.milestones.length > 0 || h.entry.render === "plan-status"));
      // A question that names no Party body ("trang TTĐT thành phần … hạn hoàn thành") is about the State side's
      // systems: in a close call, an entry of the State side beats one of the Party's (whose portal shares its words).
      if (!namesParty(folded, question)) preferWithin(agreeing, (h) => h.entry.topic !== "party");
      // An entry that speaks of the question only to say the sources are silent on it, and was not written for it,
      // gives way to the next agreeing entry that supplies what is asked and was written for it (its closest question
      // is the question asked), when that one is answerable and close to it: a tie-break, so an entry is never answered
      // in place of one written to say the sources are silent, nor one written for another question.
      const lead = agreeing[0];
      const writtenFor = (h: Hit) => (h.features?.precision ?? 0) >= SEARCH_TUNING.absentPrecision;
      if (lead && absenceOf(docOf.get(lead.entry)!) === "covered") preferWithin(agreeing, (h) => writtenFor(h) && !isUnsupplied(docOf.get(h.entry)!));
      // A best entry too little of the question to answer it gives way to a close one that covers enough of it
      // ("mạng TSLCD có trong giai đoạn 1 không": the phase-1 entry names the network, the network's entry no phase).
      // A short question asked alone only: a follow-up read with its topic, or a long message or a window of one, has
      // words of another question that any entry may cover.
      const tooLittle = agreeing[0] !== undefined && agreeing[0].relevance < SEARCH_TUNING.minRelevance;
      if (tooLittle && alone && folded.split(" ").length <= SEARCH_TUNING.shortQuestionWords) preferWithin(agreeing, (h) => h.relevance >= SEARCH_TUNING.minRelevance && (h.features?.precision ?? 0) >= SEARCH_TUNING.closePrecision);
      // Otherwise it is shown, marked: the question stays unanswered.
      const mark = (h: Hit | undefined): Hit | undefined => (h && isUnsupplied(docOf.get(h.entry)!) ? { ...h, unsupplied: true } : h);
      const [best, second] = [mark(agreeing[0]), mark(agreeing[1])];
      const confirmed =
        best !== undefined &&
        expected !== undefined &&
        best.relevance >= SEARCH_TUNING.confirmedRelevance &&
        unknownShare <= SEARCH_TUNING.confirmedUnknownShare &&
        // A count is a weaker confirmation than a date ("3 tháng" sits next to many words): the entry's closest question
        // must also be partly the question asked.
        (expected.kind !== "count" || (best.features?.precision ?? 0) >= SEARCH_TUNING.confirmedCountPrecision) &&
        confirms(expected, offeredBy(docOf.get(best.entry)!), asked);
      if (!best || (best.relevance < SEARCH_TUNING.minRelevance && !confirmed)) {
        if (settledAlone) return again();
        const suggestions = hits.filter((h) => h.relevance >= SEARCH_TUNING.suggestRelevance).slice(0, 3).map((h) => h.entry);
        return best ? { decision: "none", suggestions, folded, units, candidate: best, runnerUpCandidate: second } : { decision: "none", suggestions, folded, units };
      }
      if (second && second.relevance >= SEARCH_TUNING.minRelevance && second.score - best.score < SEARCH_TUNING.ambiguityGap) {
        if (settledAlone) return again();
        return { decision: "ambiguous", best, runnerUp: second, suggestions: [], folded, units };
      }
      return { decision: "confident", best, suggestions: [], folded, units };
  }
}

/**
 * The entities of a question read from its folded text and from the same text with chat shorthand expanded ("cua e
 * bi khoa" is "của em bị khóa"): the union of both readings, so an expansion never loses what the text itself names.
 */
const entitiesOf: (folded: string, expanded: string, raw?: string) => QuestionEntities = rememberRecentBy(
  (folded, expanded, raw = "") => `${folded}\u0001${expanded}\u0001${raw}`,
  readEntities,
  { maxLength: 1800 },
);

function readEntities(folded: string, expanded: string, raw = ""): QuestionEntities {
  const own = findEntities(folded, raw);
  if (expanded === folded) return own;
  const more = findEntities(expanded, raw);
  return {
    places: [...new Set([...own.places, ...more.places])],
    offices: [...new Set([...own.offices, ...more.offices])],
    asksPerson: own.asksPerson || more.asksPerson,
    subjects: [...new Set([...own.subjects, ...more.subjects])],
    measuredPlace: own.measuredPlace ?? more.measuredPlace,
    acts: [...new Set([...own.acts, ...more.acts])],
    trial: own.trial === true || more.trial === true,
  };
}

/**
 * An agency's name as a key that survives how people write it: "Sở KH&CN TPHCM", "sở kh&cn tp.hcm" and "Sở Khoa học
 * và Công nghệ tỉnh Bình Dương" lose "tỉnh", "thành phố" and "TP", "Hồ Chí Minh" becomes "hcm", and spaces go.
 */
function agencyKey(folded: string): string {
  return ` ${folded} `
    .replace(/ tphcm /g, " hcm ")
    .replace(/ ho chi minh /g, " hcm ")
    .replace(/ (tinh|thanh pho|tp) /g, " ")
    .replace(/ (tinh|thanh pho|tp) /g, " ")
    .replace(/ /g, "");
}

/** The systems of an entry that speaks of none (shared, never changed). */
const NO_SYSTEMS: ReadonlySet<string> = new Set();

/** Longest known word indexed by its one-letter deletions for typo correction (see near-words.ts). */
const MAX_INDEXED_WORD = 8;

/** Longest text the index build analyses once for all the entries that share it (see createKnowledge). */
const MAX_SHARED_TEXT = 160;

/** Concept tokens of the two merged provinces (glossary.yaml). */
const LOCALITY_TOKENS = new Set(["bd", "brvt"]);
/** The concept token of the joint plan's names (glossary.yaml). */
const PLAN_TOKEN = "kehoachlientich";
/** The intent token of "ở đâu", "where" (query.ts). */
const WHERE_TOKEN = `${INTENT_PREFIX}where`;
/** Words naming where something takes place (folded). */
const PLACE_WORDS = /\b(dia diem|noi to chuc|o dau|venue|venues|location|locations|where)\b/;
/** Where to get an app ("nơi tải", "tải ở đâu", "where to download one"): a download, no place where something is (folded). */
const DOWNLOAD_PLACE = /\b(noi tai|tai o dau|download o dau|where (to|you can|one can|can i|can we) (download|get|install)|where (it|they) can be downloaded)\b/g;

/**
 * Whether an entry speaks of a place only in sentences saying it is not given ("Kế hoạch không nêu lịch, hình thức
 * hay địa điểm các buổi tập huấn"): a question asking where is then not answered by it.
 */
function placeOnlyAbsent(entry: EntryUnits): boolean {
  const naming = (entry.sentences ?? []).filter((x) => PLACE_WORDS.test(x.folded.replace(DOWNLOAD_PLACE, " ")));
  return naming.length > 0 && naming.every((x) => x.notStated);
}

/** The intent token of "đã … chưa", "xong chưa", "yet" (query.ts). */
const STATUS_TOKEN = `${INTENT_PREFIX}status`;
/** The intent token of "khi nào", "bao giờ", "when" (query.ts). */
const WHEN_TOKEN = `${INTENT_PREFIX}when`;

/**
 * Moves to the front the first hit that `prefer`s, when the best hit does not and the preferred one is within twice
 * the ambiguity gap of it and answerable: a tie-break, never a way to lift a weak entry over a strong one.
 */
function preferWithin(hits: Hit[], prefer: (h: Hit) => boolean): void {
  const best = hits[0];
  if (!best || prefer(best)) return;
  const at = hits.findIndex((h) => h.relevance >= SEARCH_TUNING.minRelevance && h.score - best.score < 2 * SEARCH_TUNING.ambiguityGap && prefer(h));
  if (at > 0) hits.unshift(...hits.splice(at, 1));
}

/** Words naming the Party side; "dang" alone folds "đang" (now) too, so it counts only after a word for a side. */
const PARTY_FOLDED = /\b((phia|ben|khoi|co quan|cq|cua|vp|van phong) dang|dang bo|dang uy|thanh uy|tinh uy|party|trung uong|vptw)\b/;

/** Whether a question names the Party side (folded, or "Đảng" as written). */
function namesParty(folded: string, raw: string): boolean {
  return PARTY_FOLDED.test(folded) || /(?<!\p{L})đảng(?!\p{L})/iu.test(raw);
}

/** A number specific enough that the answer must contain it: a year, a code like 1022, a date like 2/9. */
function isSpecificNumber(unit: string): boolean {
  return /^\d{3,}$/.test(unit) || /^\d{1,2}\/\d{1,2}$/.test(unit) || /^\d{1,2}\/\d{4}$/.test(unit);
}

/** Ranks a search result for {@link bestWindow}: a confident answer beats an ambiguous one, which beats none. */
function strength(r: SearchResult): number {
  const rank = r.decision === "confident" ? 2 : r.decision === "ambiguous" ? 1 : 0;
  // Relevance with the closest question's precision: a two-word window ("trước sáp nhập") that an entry covers fully
  // but whose questions are about something else is weaker than the whole message that an entry was written for.
  const best = r.best;
  return rank * 10 + (best ? (best.relevance + (best.features?.precision ?? best.relevance)) / 2 : 0);
}

/**
 * The highest {@link strength} a search can reach when its most relevant candidate has `relevance`: a result's best
 * hit is one of its candidates, and below both answering cut-offs the decision can only be "none" (strength 0).
 */
function strongest(relevance: number): number {
  // The closest question's precision is at most 1 (see strength).
  return relevance < Math.min(SEARCH_TUNING.minRelevance, SEARCH_TUNING.confirmedRelevance) ? 0 : 20 + (relevance + 1) / 2;
}

/** A clause that only says when (folded): a preposition of time and a date ("sau ngày 1/9/2025", "từ tháng 6/2025",
 * "after 1 September 2025"). */
const TIME_ONLY =
  /^(ke )?(sau|truoc|tu|den|toi|ke tu|trong|vao|tinh den|after|before|from|since|by|until|on|in)( (ngay|thang|nam|quy|hom|the|date|of))* [\d/.-]+( (thang|nam|quy)? ?[\d/.-]+)*( (january|february|march|april|may|june|july|august|september|october|november|december)( \d{4})?)?$|^(after|before|from|since|by|until|on) \d{1,2}(st|nd|rd|th)? (january|february|march|april|may|june|july|august|september|october|november|december)( \d{4})?$/;
/** Conjunctions that open a clause going on with the one before it (folded). */
const CONTINUATION = /^(hay|hoac|va|nhung|or|and|but|nor)\b/;
/** A clause that is a greeting, thanks or the asker introducing themselves (folded): context, not a question. */
const CONTEXT =
  /^((da|vang|a) )?((xin )?chao( (ban|anh|chi|em|anh chi|moi nguoi|ca nha|ad|admin))?|hi|hello|hey|dear [a-z ]+|good (morning|afternoon|evening)|(xin )?cam on( (ban|anh|chi|anh chi|nhieu|truoc))*|thanks?( (you|a lot|in advance))*|thank you( (very much|in advance))*)$|^((da|vang) )?((xin )?chao [a-z]+ )?(minh|em|toi|tui|chau|con|bon minh|chung toi|chung em) (la|lam|dang lam|dang cong tac|cong tac|moi|o|thuoc)\b|^((hi|hello) )?(i m|i am|i work|we are|we re|we work|my name)\b/;

/**
 * A last clause that only checks a guess (folded): it ends with a particle asking for confirmation ("…, tất cả phường
 * luôn hả", "…, BD cũng vậy à", "…, right?") and holds no question word of its own.
 */
const GUESS = /^(?!.*\b(khi nao|bao gio|luc nao|ngay nao|o dau|ai|bao nhieu|may|gi|nao|sao|the nao|when|where|who|what|which|how)\b).*\b(ha|ah|ho|luon ha|luon a|a|phai khong|phai ko|dung khong|dung ko|chu|right|correct)$/;

/** Whether a message is a question, a comma, then a clause checking the asker's guess ({@link GUESS}). */
function endsWithGuess(question: string): boolean {
  const clauses = question.split(/,\s+/);
  if (clauses.length < 2) return false;
  const last = fold(clauses[clauses.length - 1]!);
  return last.split(" ").length >= 2 && GUESS.test(last);
}

/** A question comparing with a place ("như bên Bình Dương", "giống BD", "like Binh Duong", "as in BD"). Folded. */
const COMPARED = /\b(nhu|giong|giong nhu|tuong tu|like|same as|as in|as for|as with)( (ben|phia|tinh|o|cua|cho|can bo|cb))? (binh duong|bd|ba ria vung tau|brvt|br vt|vung tau)\b/;

/** A clause that only asks whether what comes before is right ("đúng ko ạ", "phải không", "right?"). Folded. */
const CHECK_ONLY = /^(da )?(dung|phai|that|co dung|co phai) (khong|ko|k|hong|hok|kg)( (a|ak|ah|vay|ha|nhi|anh|chi|ad))*$|^(is that )?(right|correct|true)$/;

/** Phrases after which the question itself starts, in a message that first gives context. */
const QUESTION_START = /\b(cho (em|minh|toi|chau|con) hoi|(em|minh|toi) (muon )?hoi|xin hoi|hoi (la|ve)|cho hoi|i want to know|i would like to know|my question is|can you tell me)\b/;

/**
 * Searches the best window of a long message: the whole message, and each run of one or two of its clauses
 * (split at punctuation and at "cho em hỏi…"), so greetings and context ("Dạ chào anh chị, em mới chuyển công tác
 * về phường…") do not dilute the question. Short messages are searched whole.
 */
export function bestWindow(
  question: string,
  searchOnce: (text: string, mustBeat?: number) => SearchResult,
  prune = true,
  about: (entry: FaqEntry, systems: readonly string[]) => boolean = () => true,
): SearchResult {
  const whole = searchOnce(question);
  // Short messages, and long ones already answered with confidence, need no windows; but a short question followed by
  // the asker's guess ("qlvb thử nghiệm ở đâu, tất cả phường luôn hả?") is read without the guess too: the guess is
  // what the answer confirms or corrects, not what is asked.
  const short = question.split(/\s+/).length < 12 && !endsWithGuess(question);
  if (short || (whole.decision === "confident" && (whole.best?.relevance ?? 0) >= 0.8)) return whole;
  const clauses = question
    // Punctuation inside a name ("TP.HCM", "0274.1022", "202/2025") does not end a clause.
    .split(/[.,;:!?]+(?=\s|$)|\n+|(?=\b(?:cho (?:em|mình|tôi|cháu|con) hỏi|xin hỏi)\b)/iu)
    .map((c) => c.trim())
    // "…, đúng ko ạ, …": a clause only asking whether what comes before is right asks nothing of its own; the clauses
    // around it are read together.
    .filter((c) => c.length > 0 && !CHECK_ONLY.test(fold(c)));
  const windows = new Set<string>();
  // A clause that opens with a conjunction ("…, hay phải tắt hẳn?", "and on what schedule?") goes on with the one
  // before it: it is searched with that one only, never as a question of its own.
  const continues = (c: string) => CONTINUATION.test(fold(c));
  // A greeting, thanks or the asker introducing themselves ("Chào bạn", "mình là cán bộ đặc khu Côn Đảo", "I'm
  // preparing a briefing…") is context: a window made only of such clauses asks nothing.
  // So is a clause that only says when ("Sau ngày 1/9/2025", "From 15 August"): it dates the clause after it.
  const context = (c: string) => CONTEXT.test(fold(c)) || TIME_ONLY.test(fold(c));
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i]!;
    if (continues(c)) continue;
    if (!context(c)) windows.add(c);
    if (i + 1 < clauses.length && !(context(c) && context(clauses[i + 1]!))) windows.add(`${c} ${clauses[i + 1]}`);
  }
  const folded = whole.folded;
  const start = QUESTION_START.exec(folded);
  // What the message asks ("bao nhiêu", "khi nào"): a window without any of it is context ("Theo chỉ đạo cuối tháng
  // 6/2025, bao nhiêu tài khoản…" is not asked by its first clause).
  const intents = whole.units.filter((u) => u.startsWith(INTENT_PREFIX));
  // The systems the message names (QLVB, 1022…): a window naming none of them, answered by an entry about none of them,
  // has lost the topic ("By when should all new wards" is not the question "…, communes and special zones have the
  // document management system?"); one answered within them has not ("…lộ trình hệ thống 1022…. khi nào khảo sát").
  const systems = whole.units.filter(isSystemUnit);
  // The documents the message names by number ("nghị quyết 57 ban hành năm nào, nội dung chính là gì"): a window
  // without them asks of no document ("nội dung chính là gì" is not the question).
  const documents = documentsNamed(folded);
  let best = whole;
  // A window that is the whole message but for its final "?" is searched as the whole was: it cannot beat it.
  const bare = (text: string) => text.replace(/[\s.,;:!?]+$/u, "");
  for (const w of windows) {
    if (w === question || (prune && bare(w) === bare(question))) continue;
    const r = searchOnce(w, prune ? strength(best) : undefined);
    // A window must say enough on its own: one topic word ("em ở BD") is context, not the question.
    if (intents.length > 0 && !r.units.some((u) => intents.includes(u))) continue;
    if (systems.length > 0 && !r.units.some((u) => systems.includes(u)) && !(r.best && about(r.best.entry, systems))) continue;
    if (documents.length > 0 && !documents.some((x) => namesDocument(r.folded, x))) continue;
    // A window reaching the entry found so far, but only as not giving what is asked ("dùng trong bn lâu rồi mới bỏ cái
    // cũ" without "bd dùng 2 email"), has lost the words that made it the answer.
    if (r.best?.unsupplied === true && best.decision !== "none" && best.best?.unsupplied !== true && best.best?.entry.id === r.best.entry.id) continue;
    // …and one reaching it as an answer, when the message asked more ("… là ngày nào, ở hội trường nào") and the entry
    // does not give all of it: the window dropped the question word the entry cannot answer.
    if (best.best?.unsupplied === true && r.best && r.best.unsupplied !== true && r.best.entry.id === best.best.entry.id && intents.some((u) => !r.units.includes(u))) continue;
    if (r.units.filter((u) => !u.startsWith(INTENT_PREFIX)).length >= 2 && strength(r) > strength(best)) best = r;
  }
  if (start) {
    const tail = searchOnce(folded.slice(start.index + start[0].length), prune ? strength(best) : undefined);
    if (strength(tail) > strength(best)) best = tail;
  }
  return { ...best, folded };
}

/**
 * Orders candidates by `score` (ascending; ties by relevance, descending), computing the costly score
 * only when needed. Each candidate's score is at least its `bound`, so once a scored candidate beats
 * every unscored bound, its place is final. Stops as soon as `enough(ranked, lowest)` holds, `lowest` being the
 * lowest score a candidate not yet ranked can still have; the order of the returned prefix is exactly that of
 * scoring everything and sorting.
 */
export function rankLazily<C extends { relevance: number; bound: number }>(
  candidates: C[],
  score: (c: C) => number,
  enough: (ranked: (C & { score: number })[], lowest: number) => boolean,
): (C & { score: number })[] {
  const pending = [...candidates].sort((a, b) => a.bound - b.bound);
  const scored: (C & { score: number })[] = [];
  const ranked: (C & { score: number })[] = [];
  const better = (a: C & { score: number }, b: C & { score: number }) => a.score - b.score || b.relevance - a.relevance;
  while (pending.length > 0 || scored.length > 0) {
    scored.sort(better);
    const top = scored[0];
    // The lowest score a candidate not yet ranked can have: its score if scored, else its bound.
    if (enough(ranked, Math.min(top?.score ?? Infinity, pending[0]?.bound ?? Infinity))) break;
    // Strictly below every remaining bound: no unscored candidate can come before it, even on a tie.
    if (top && (pending.length === 0 || top.score < pending[0]!.bound)) {
      ranked.push(scored.shift()!);
      continue;
    }
    const next = pending.shift()!;
    scored.push({ ...next, score: score(next) });
  }
  return ranked;
}

function addPostings(index: Postings, weights: Map<string, number>, doc: number): void {
  for (const [key, w] of weights) {
    const p = index.get(key);
    if (p) {
      p.docs.push(doc);
      p.weights.push(w);
    } else index.set(key, { docs: [doc], weights: [w] });
  }
}

/** The `k` items with the highest `score`, best first (a partial selection, not a full sort). */
/** At most this many entries tied at the cut of the candidates are told apart (beyond, the first ones stay). */
const MAX_TIED = 64;

/**
 * The candidates `top` (best first, from {@link topK}) with the entries tied at their cut told apart by `closeness`
 * (how near an entry's own question is to the question asked): "What is the joint plan about?" shares its two words
 * with dozens of entries, all of them of full coverage, and the one written for it must not be left out by the order
 * the entries were touched in. Only the tied entries are scored, and only when some were left out.
 */
function breakTies(top: number[], items: ArrayLike<number>, score: (i: number) => number, closeness: (i: number) => number): number[] {
  if (top.length === 0) return top;
  const cut = score(top[top.length - 1]!);
  const kept = top.filter((i) => score(i) > cut);
  const tied: number[] = [];
  for (let x = 0; x < items.length; x++) {
    const i = items[x]!;
    if (score(i) === cut) tied.push(i);
  }
  if (tied.length + kept.length <= top.length || tied.length > MAX_TIED) return top;
  const close = new Map(tied.map((i) => [i, closeness(i)]));
  tied.sort((a, b) => close.get(b)! - close.get(a)!);
  return [...kept, ...tied.slice(0, top.length - kept.length)];
}

function topK(items: ArrayLike<number>, score: (i: number) => number, k: number): number[] {
  const out: { i: number; s: number }[] = [];
  for (let x = 0; x < items.length; x++) {
    const i = items[x]!;
    const s = score(i);
    if (out.length < k) {
      out.push({ i, s });
      if (out.length === k) out.sort((a, b) => b.s - a.s);
    } else if (s > out[k - 1]!.s) {
      let at = k - 1;
      while (at > 0 && out[at - 1]!.s < s) at--;
      out.splice(at, 0, { i, s });
      out.pop();
    }
  }
  return out.sort((a, b) => b.s - a.s).map((x) => x.i);
}

/** The fuse.js pattern: the topic words, cut to 48 characters on a word boundary (Bitap slows down beyond 32). */
function patternOf(units: string[]): string {
  let out = "";
  for (const u of units) {
    if (out.length + u.length + 1 > 32) break;
    out = out ? `${out} ${u}` : u;
  }
  return out || units[0]!.slice(0, 32);
}

/** The agency coordinating the most milestones: who to contact when there is no answer. */
function mainCoordinator(content: Content): Agency | undefined {
  const counts = new Map<string, number>();
  for (const m of content.milestones) counts.set(m.coordinator, (counts.get(m.coordinator) ?? 0) + 1);
  const [id] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return content.agencies.find((a) => a.id === id);
}

