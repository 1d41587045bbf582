/**
 * `npx tsx bench/help-desk.ts`: timings of the coordinator help desk (issue 13) on the bundled content,
 * printed, never asserted. Standalone (not part of `npm run bench`): 500 unanswered questions (the
 * store's bound) for /cauhoi, and 200 coordinator answers for the second knowledge base.
 */
import { fold } from "../src/core/fold.js";
import { matchCoordinatorAnswer } from "../src/core/knowledge/coordinator-answers.js";
import { loadUnanswered, selectUnanswered } from "../src/core/questions/listing.js";
import { createTestApp, textFrom } from "../test/helpers/app.js";

const app = await createTestApp({ admins: ["console:admin"] });
const words = ["lương", "phụ cấp", "trụ sở", "gửi xe", "nhà công vụ", "xe đưa đón", "bảo hiểm", "nghỉ phép", "chấm công", "đồng phục"];
for (let i = 0; i < 500; i++) {
  const q = `${words[i % 10]} tháng ${i % 12} của cán bộ số ${i} được giải quyết thế nào`;
  await app.store.questions.record({ folded: fold(q), text: q, answered: false, at: new Date(Date.UTC(2025, 4, 1, 0, i)).toISOString(), day: "2025-05-01" });
}
// Each run includes loading what it reads from the store, as the command does.
const time = async (label: string, body: () => unknown, runs = 1) => {
  const t = performance.now();
  for (let i = 0; i < runs; i++) await body();
  console.log(`${label}: ${((performance.now() - t) / runs).toFixed(2)} ms`);
};
await time("/cauhoi, 500 unanswered (closest entry searched for the 15 shown)", async () => selectUnanswered(app.services, await loadUnanswered(app.store)));
await time("/cauhoi lương (word filter)", async () => selectUnanswered(app.services, await loadUnanswered(app.store), "lương"));
await time("/cauhoi email (topic filter: the 150 most asked searched once)", async () => selectUnanswered(app.services, await loadUnanswered(app.store), "email"));
await time("/cauhoi email again (closest entries remembered)", async () => selectUnanswered(app.services, await loadUnanswered(app.store), "email"));

const unanswered = await app.store.questions.unanswered(1000);
const by = { by: "console:admin" as const, byName: "A", role: "admin" as const, at: "2025-05-01T02:00:00.000Z" };
for (let i = 0; i < 200; i++) {
  await app.store.answers.add({ kind: "answer", questions: [unanswered[i]!], topic: "other", versions: [{ action: "answer", text: `Trả lời ${i}`, ...by }] });
}
await time("coordinator index build + first match, 200 answers", async () => matchCoordinatorAnswer(app.content, await app.store.answers.list(), "lương tháng 3 của cán bộ"));
let i = 0;
await time("coordinator match per question, cached index", async () => matchCoordinatorAnswer(app.content, await app.store.answers.list(), `${words[i++ % 10]} tháng ${i % 12} cán bộ`), 300);
const t = performance.now();
for (let k = 0; k < 50; k++) await app.assistant.handle(textFrom(`u${k}`, `khi nào có đồng phục mới số ${k}`));
console.log(`refused question end to end (content + coordinator search, records): ${((performance.now() - t) / 50).toFixed(2)} ms`);
await app.store.close();
