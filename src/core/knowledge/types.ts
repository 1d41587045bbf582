import type { Agency, FaqEntry } from "../content/schema.js";

/** How sure the search is about an answer. */
export type Decision = "confident" | "ambiguous" | "none";

/**
 * A ranked FAQ entry. `score` is a distance like fuse.js's: 0 is a perfect match, 1 no match
 * (it blends the word-coverage relevance with fuse.js's fuzzy score). `relevance` is the share
 * of the question's topic words (weighted by rarity) that the entry covers, 0 to 1.
 */
export interface Hit {
  entry: FaqEntry;
  score: number;
  relevance: number;
  /** What the decision read, for calibration and logs: word coverage alone, the closest variant's coverage, unknown words' share. */
  features?: { coverage: number; precision: number; unknownShare: number };
  /**
   * The entry does not give the value the question expects (a date, a count, an address): it only says that value is
   * not known. It is shown, but the question counts as unanswered, like a referral.
   */
  unsupplied?: true;
}

/** The result of searching the knowledge base for a question. */
export interface SearchResult {
  decision: Decision;
  /** The best entry (for "confident" and "ambiguous"). */
  best?: Hit;
  /** The runner-up offered as "Có phải anh/chị muốn hỏi: …" (for "ambiguous"). */
  runnerUp?: Hit;
  /** For "none": the best candidate that agreed with the question's entities but fell below the threshold (calibration, logs). */
  candidate?: Hit;
  /** For "none": the runner-up of {@link SearchResult.candidate}. */
  runnerUpCandidate?: Hit;
  /** Related topics to suggest when there is no answer (at most 3). */
  suggestions: FaqEntry[];
  /** The folded, expanded query actually searched (for logs and unanswered statistics). */
  folded: string;
  /** The topic words the question was reduced to (glossary concepts, no fillers, typos corrected). */
  units: string[];
}

/** The knowledge base: fuzzy search over `content/faq`. */
export interface Knowledge {
  /**
   * Searches a question. `expectFrom` is the text whose question words say what kind of value the answer must give
   * (a date, a count) and whose numbers the answer must contain: a follow-up searched together with the previous
   * question expects what the follow-up asks. `followUp` marks a follow-up's words put into the previous question
   * ("còn gđ2?" read as "… gđ2 từ ngày nào"): its wording is the previous question's, so "ngày nào" in it does not ask
   * the day itself.
   */
  search(question: string, options?: { expectFrom?: string; followUp?: boolean }): SearchResult;
  /** An entry by id. */
  entry(id: string): FaqEntry | undefined;
  /** The topic words of a text, as the index reads them (concept tokens, no fillers): to compare texts by meaning. */
  unitsOf(text: string): string[];
  /**
   * The text with typing residue undone word by word ("10/5 laf thuws maays" → "10/5 la thu may"), where the undone
   * word is one the index or the analyser knows and the typed one is not; every other word, and an English message,
   * is left as written. Phrase
   * rules (the calendar, weekdays, follow-up markers) read the text, not the search's corrected units.
   */
  untype(text: string): string;
  /** The agency people should contact when the assistant has no answer (the plan's most frequent coordinator). */
  readonly contact: Agency | undefined;
  /** Number of entries indexed. */
  readonly size: number;
}
