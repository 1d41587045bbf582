/**
 * `npx tsx bench/answer-store-reads.ts`: what awaiting the store costs an answer. In one process, interleaved, it times
 * `composeAnswer` with its data already loaded and `await loadAnswerData` followed by `composeAnswer`, 4,000 times each
 * over the real content. Standalone, printed, never asserted; bench/results.md quotes it.
 */
import { performance } from "node:perf_hooks";
import type { CommandContext, Incoming } from "../src/core/command.js";
import { composeAnswer, loadAnswerData } from "../src/core/knowledge/answer.js";
import { dayOf } from "../src/core/time.js";
import { createTestApp } from "../test/helpers/app.js";

const app = await createTestApp();
const message: Incoming = { channel: "console", chat: { id: "b", type: "private" }, user: { id: "b", name: "b" }, supportsButtons: false };
const actor = await app.assistant.actorOf(message);
const questions = ["Khi nào hoàn thành chuyển đổi thư điện tử?", "Tổng đài 1022 hợp nhất lúc nào?", "When is the email migration due?", "ai phụ trách hội nghị truyền hình?"];
const now = app.clock.now();
const ctxFor = (q: string): CommandContext => ({ message: { ...message, text: q }, actor, lang: "vi", services: app.services, now, today: dayOf(now), via: "text" });
const loaded = await loadAnswerData(ctxFor(questions[0]!));
const composeOnly: number[] = [];
const loadAndCompose: number[] = [];
for (let i = 0; i < 4000; i++) {
  const q = questions[i % questions.length]!;
  const ctx = ctxFor(q);
  let t = performance.now();
  composeAnswer(ctx, q, loaded);
  composeOnly.push(performance.now() - t);
  t = performance.now();
  composeAnswer(ctx, q, await loadAnswerData(ctx));
  loadAndCompose.push(performance.now() - t);
}
const at = (list: number[], q: number) => Number([...list].sort((x, y) => x - y)[Math.floor(list.length * q)]!.toFixed(3));
console.log(JSON.stringify({ composeOnly: { p50: at(composeOnly, 0.5), p95: at(composeOnly, 0.95) }, loadAndCompose: { p50: at(loadAndCompose, 0.5), p95: at(loadAndCompose, 0.95) } }));
await app.store.close();
