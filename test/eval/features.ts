/**
 * `npx tsx test/eval/features.ts [SET…]`: prints, for every standalone case of the tuning sets, what the decision
 * read of its top candidate (relevance, coverage, precision, unknown share, margin over the runner-up) and whether
 * that candidate's answer would have been right, as tab-separated lines for calibrating the decision. Only the
 * tuning sets (tuned, dev…dev6, blind…blind6) may be named; the held-out judges (blind7, blind8) are refused.
 */
import { join } from "node:path";
import { loadContent } from "../../src/content/load.js";
import type { CommandContext } from "../../src/core/command.js";
import { detectLanguage } from "../../src/core/language.js";
import { composeAnswer, loadAnswerData, renderEntry } from "../../src/core/knowledge/answer.js";
import { toPlain } from "../../src/core/reply.js";
import { atLocal, dayOf } from "../../src/core/time.js";
import { createTestApp, textFrom } from "../helpers/app.js";
import { DEFAULT_NOW, hasMust, loadTextCases, yamlFiles } from "./blind-format.js";
import { loadIdCases } from "./id-sets.js";

const DIR = "test/fixtures/questions";
const TUNING = ["tuned", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "blind", "blind2", "blind3", "blind4", "blind5", "blind6"];
const sets = process.argv.slice(2).length > 0 ? process.argv.slice(2) : TUNING;
if (sets.some((s) => !TUNING.includes(s))) {
  process.stderr.write(`features: only the tuning sets (${TUNING.join(", ")}) may be read\n`);
  process.exit(1);
}
const content = await loadContent("content");
const app = await createTestApp({ content });
const f3 = (x: number | undefined) => (x === undefined ? "" : x.toFixed(3));
console.log(["set", "id", "kind", "lang", "decision", "answered", "label", "entry", "rel", "cov", "prec", "unk", "margin", "rel2", "nunits", "q"].join("\t"));
for (const set of sets) {
  const cases =
    set === "tuned"
      ? loadIdCases(DIR).map((c, i) => ({ id: `t${i}`, q: c.q, now: c.now, lang: c.lang ?? "vi", kind: c.expect === "none" ? "out-of-scope" : "in-scope", ok: (id: string, _text: string) => id === c.expect }))
      : yamlFiles(join(DIR, set))
          .flatMap(loadTextCases)
          .filter((c) => c.kind !== "follow-up")
          .map((c) => ({ id: c.id, q: c.q, now: c.now, lang: c.lang, kind: c.kind, ok: (_id: string, text: string) => c.must.every((m) => hasMust(text, m)) }));
  for (const c of cases) {
    const now = atLocal(c.now ?? DEFAULT_NOW, "09:00");
    const message = textFrom("feat", c.q);
    const base: CommandContext = { message, actor: await app.assistant.actorOf(message), lang: "vi", services: app.services, now, today: dayOf(now), via: "text" };
    const data = await loadAnswerData(base);
    const outcome = composeAnswer(base, c.q, data);
    if (outcome.smallTalk) continue;
    const r = outcome.result;
    const top = r.best ?? r.candidate;
    const second = r.runnerUp ?? r.runnerUpCandidate;
    const lang = detectLanguage(c.q) ?? "vi";
    const ctx = { ...base, lang };
    const text = top ? toPlain(renderEntry(ctx, top.entry, data.latest, { question: c.q, units: r.units }).text) : "";
    const label = c.kind === "out-of-scope" ? "oos" : top && c.ok(top.entry.id, text) ? "right" : "wrong";
    console.log(
      [set, c.id, c.kind, c.lang, r.decision, outcome.answered ? 1 : 0, label, top?.entry.id ?? "", f3(top?.relevance), f3(top?.features?.coverage), f3(top?.features?.precision), f3(top?.features?.unknownShare), f3(second && top ? second.score - top.score : undefined), f3(second?.relevance), r.units.length, c.q].join("\t"),
    );
  }
}
await app.store.close();
