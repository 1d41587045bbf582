import type { GlossaryGroup } from "../content/schema.js";
import { fold } from "../fold.js";

/**
 * Variants of a folded query with glossary synonyms substituted: "email cong vu" also gives
 * "thu dien tu cong vu". The query itself is always first. Phrases are matched on word boundaries.
 */
export function expandGlossary(folded: string, glossary: readonly GlossaryGroup[]): string[] {
  const variants = new Set([folded]);
  const padded = ` ${folded} `;
  for (const group of glossary) {
    const terms = group.terms.map(fold).filter((x) => x.length > 0);
    const present = terms.find((term) => padded.includes(` ${term} `));
    if (!present) continue;
    for (const other of terms) if (other !== present) variants.add(` ${padded.replace(` ${present} `, ` ${other} `)} `.trim().replace(/\s+/g, " "));
  }
  return [...variants];
}
