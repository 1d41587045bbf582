/**
 * `npm run eval [-- --set NAME] [--quiet-misses]`: scores every question set and prints each set's scores
 * and every miss.
 *
 * - `tuned`: the id-scored sets directly in test/fixtures/questions (expected entry id or `none`);
 * - `dev`, `blind`, …: each sub-folder of test/fixtures/questions in the text format of blind-format.ts, asked
 *   through the real assistant and scored on the answer a person reads.
 *
 * The blind set is scored like any other, but it is written by someone who never saw the content: only the
 * lead runs it, after merging, and nobody tunes on it.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadContent } from "../../src/content/load.js";
import { createTestApp } from "../helpers/app.js";
import { createTextRunner, loadTextCases, scoreText, type TextResult, yamlFiles } from "./blind-format.js";
import { loadIdCases, runIdCase } from "./id-sets.js";

const DIR = "test/fixtures/questions";

const args = process.argv.slice(2);
const quiet = args.includes("--quiet-misses");
const setAt = args.indexOf("--set");
const only = setAt >= 0 ? args[setAt + 1] : undefined;
if (setAt >= 0 && !only) {
  process.stderr.write("eval: --set needs a name (tuned, dev, blind, …)\n");
  process.exit(1);
}

const pct = ([a, b]: [number, number]) => (b === 0 ? "n/a" : `${a}/${b} (${((a / b) * 100).toFixed(1)} %)`);
const folders = readdirSync(DIR).filter((f) => statSync(join(DIR, f)).isDirectory()).sort();
const known = ["tuned", ...folders];
if (only && !known.includes(only)) {
  process.stderr.write(`eval: no set "${only}" (sets: ${known.join(", ")})\n`);
  process.exit(1);
}

const content = await loadContent("content");
if (!only || only === "tuned") {
  const app = await createTestApp({ content });
  const results = await Promise.all(loadIdCases(DIR).map((c) => runIdCase(app, c)));
  const inScope = results.filter((r) => r.c.expect !== "none");
  const out = results.filter((r) => r.c.expect === "none");
  const en = results.filter((r) => r.c.lang === "en");
  const count = (list: typeof results): [number, number] => [list.filter((r) => r.ok).length, list.length];
  console.log(`set tuned (${results.length} cases, id-scored)`);
  console.log(`  in-scope top-1:       ${pct(count(inScope))}`);
  console.log(`  out-of-scope refused: ${pct(count(out))}`);
  console.log(`  English:              ${pct(count(en))}`);
  if (!quiet) for (const r of results.filter((x) => !x.ok)) console.log(`  miss ${r.c.file}: "${r.c.q}" expected ${r.c.expect}, got ${r.got} (${r.detail})`);
  await app.store.close();
}
for (const folder of folders) {
  if (only && only !== folder) continue;
  const files = yamlFiles(join(DIR, folder));
  const cases = files.flatMap(loadTextCases);
  const runner = await createTextRunner(content);
  const results: TextResult[] = [];
  for (const c of cases) results.push(await runner.run(c));
  await runner.close();
  const s = scoreText(results);
  console.log(`set ${folder} (${cases.length} cases, text-scored)`);
  console.log(`  Vietnamese in-scope right:       ${pct(s.viInScope)}`);
  console.log(`  out-of-scope refused:            ${pct(s.outOfScope)}`);
  console.log(`  English right and in English:    ${pct(s.english)}`);
  console.log(`  follow-up pairs right:           ${pct(s.followUps)}`);
  console.log(`  all:                             ${pct(s.all)}`);
  if (!quiet) {
    for (const r of results.filter((x) => !x.ok)) {
      const answer = r.answer.replace(/\s+/g, " ").slice(0, 160);
      console.log(`  miss ${r.c.id} [${r.c.kind}, ${r.c.lang}]: "${r.c.q}"${r.c.prev ? ` (after "${r.c.prev}")` : ""}: ${r.why}\n      → ${answer}`);
    }
  }
}
