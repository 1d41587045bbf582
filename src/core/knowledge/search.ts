import Fuse from "fuse.js";
import type { Content } from "../content/schema.js";
import { fold } from "../fold.js";
import type { Knowledge, SearchResult } from "./types.js";

/** Builds the knowledge base over `content.faq`. (Foundation version: a plain fuse.js index, to be tuned.) */
export function createKnowledge(content: Content): Knowledge {
  const docs = content.faq.map((entry) => ({ entry, q: entry.questions.map(fold), k: entry.keywords.map(fold) }));
  const fuse = new Fuse(docs, { keys: [{ name: "q", weight: 2 }, { name: "k", weight: 1 }], includeScore: true, ignoreLocation: true, threshold: 0.4 });
  return {
    entry: (id) => content.faq.find((e) => e.id === id),
    search(question): SearchResult {
      const folded = fold(question).slice(0, 200);
      const hits = fuse.search(folded, { limit: 3 });
      const best = hits[0];
      if (!best) return { decision: "none", suggestions: [], folded };
      return { decision: "confident", best: { entry: best.item.entry, score: best.score ?? 1 }, suggestions: [], folded };
    },
  };
}
