/**
 * "Ngoài HNTT, QLVB, mail, 1022 thì kế hoạch còn nêu những hệ thống nào nữa", "Besides e-mail and 1022, what other
 * systems does the plan name?": the things listed after "ngoài" / "besides" are those the person already knows, not
 * what the answer must be about. Searched with them, the question is answered by the entry of one of them.
 */

/** "ngoài A, B ra thì", "ngoai A, B thi", "ngoài A ra,": the Vietnamese clause of things left out, as written. */
const EXCLUDED_VI = /^\s*(?:ngoài|ngoai)\s+(.+?)(?:\s+ra)?\s*(?:,\s*)?(?:(?<!\p{L})(?:thì|thi)(?!\p{L})|(?<=\sra)\s*,)\s*/iu;
/** "besides A, B and C, what …", "apart from A, which …": up to the comma before the question word. */
const EXCLUDED_EN = /^\s*(?:besides|apart from|aside from|other than|except for)\s+(.+?),\s*(?=(?:what|which|does|do|did|is|are|how|who|where|when|anything|any)\b)/iu;
/** The rest asks for the others: "còn … nào nữa", "… khác", "what other", "what else". */
const ASKS_OTHERS_VI = /(?<!\p{L})(nữa|nua|khác|khac|thêm|them)(?!\p{L})/iu;
const ASKS_OTHERS_EN = /\b(other|others|else|more|additional|further)\b/i;

/**
 * The question without its clause of things left out, when it asks for the others ("… còn … nào nữa", "what other
 * …"); undefined when it has no such clause, or asks something of the things listed ("ngoài giờ hành chính thì gọi
 * 1022 được không" keeps its words: it asks nothing "more").
 */
export function withoutExcluded(question: string): string | undefined {
  for (const [clause, others] of [
    [EXCLUDED_VI, ASKS_OTHERS_VI],
    [EXCLUDED_EN, ASKS_OTHERS_EN],
  ] as const) {
    const m = clause.exec(question);
    if (!m) continue;
    const rest = question.slice(m[0].length).trim();
    if (rest.split(/\s+/).length >= 4 && others.test(rest)) return rest;
  }
  return undefined;
}
