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
}

/** The result of searching the knowledge base for a question. */
export interface SearchResult {
  decision: Decision;
  /** The best entry (for "confident" and "ambiguous"). */
  best?: Hit;
  /** The runner-up offered as "Có phải anh/chị muốn hỏi: …" (for "ambiguous"). */
  runnerUp?: Hit;
  /** Related topics to suggest when there is no answer (at most 3). */
  suggestions: FaqEntry[];
  /** The folded, expanded query actually searched (for logs and unanswered statistics). */
  folded: string;
  /** The topic words the question was reduced to (glossary concepts, no fillers, typos corrected). */
  units: string[];
}

/** The knowledge base: fuzzy search over `content/faq`. */
export interface Knowledge {
  search(question: string): SearchResult;
  /** An entry by id. */
  entry(id: string): FaqEntry | undefined;
  /** The topic words of a text, as the index reads them (concept tokens, no fillers): to compare texts by meaning. */
  unitsOf(text: string): string[];
  /** The agency people should contact when the assistant has no answer (the plan's most frequent coordinator). */
  readonly contact: Agency | undefined;
  /** Number of entries indexed. */
  readonly size: number;
}
