import type { Knowledge } from "../../src/core/knowledge/types.js";

/**
 * The entry a question is answered with, or undefined when it is not answered: refused, or shown only to say the
 * value asked is not known (`unsupplied`).
 */
export function answeredWith(kb: Knowledge, q: string): string | undefined {
  const r = kb.search(q);
  return r.decision !== "none" && r.best !== undefined && r.best.unsupplied !== true ? r.best.entry.id : undefined;
}
