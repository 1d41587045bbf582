import type { FaqEntry } from "../content/schema.js";

/** How sure the search is about an answer. */
export type Decision = "confident" | "ambiguous" | "none";

/** A ranked FAQ entry. `score` is fuse.js's: 0 is a perfect match, 1 no match. */
export interface Hit {
  entry: FaqEntry;
  score: number;
}

/** The result of searching the knowledge base for a question. */
export interface SearchResult {
  decision: Decision;
  /** The best entry (for "confident" and "ambiguous"). */
  best?: Hit;
  /** The runner-up offered as "Có phải bạn muốn hỏi: …" (for "ambiguous"). */
  runnerUp?: Hit;
  /** Related topics to suggest when there is no answer (at most 3). */
  suggestions: FaqEntry[];
  /** The folded, expanded query actually searched (for logs and unanswered statistics). */
  folded: string;
}

/** The knowledge base: fuzzy search over `content/faq`. */
export interface Knowledge {
  search(question: string): SearchResult;
  /** An entry by id. */
  entry(id: string): FaqEntry | undefined;
}
