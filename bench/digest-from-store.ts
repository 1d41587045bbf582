/**
 * `npx tsx bench/digest-from-store.ts`: the weekly digest built through the store port (`digestFromStore`:
 * every read awaited, then the pure `buildDigest`) over an in-memory store holding 300 agencies × 60 milestones
 * and WEEKS (default 8) weeks of statuses. Standalone, printed, never asserted. The modules are loaded from the
 * working directory, and `await` accepts a synchronous result too, so the same file runs in a checkout from
 * before the store became asynchronous: that is how bench/results.md compares the two.
 */
import { performance } from "node:perf_hooks";
const root = process.cwd();
const { loadContent } = await import(`${root}/src/content/load.ts`);
const { generateContent, generateDigestInput } = await import(`${root}/bench/generate.ts`);
const { digestFromStore } = await import(`${root}/src/core/digest/build.ts`);
const { openStore } = await import(`${root}/src/store/open-store.ts`);
const { atLocal } = await import(`${root}/src/core/time.ts`);
const content = generateContent(await loadContent(`${root}/content`), 300, 60);
const now = atLocal("2025-12-29", "08:00");
const input = generateDigestInput(content, now, Number(process.env.WEEKS ?? 8));
const store = await openStore({ file: ":memory:" });
for (const r of input.records) void store.statuses.append(r);
for (const p of input.people) void store.people.grant(p);
for (const c of input.chats) void store.chats.upsert(c);
await store.flush();
const times: number[] = [];
for (let i = 0; i < 6; i++) {
  const t0 = performance.now();
  await digestFromStore(content, store, now);
  times.push(performance.now() - t0);
}
times.shift();
times.sort((a, b) => a - b);
console.log(JSON.stringify({ records: input.records.length, runs: times.length, p50: +times[2]!.toFixed(1), max: +times.at(-1)!.toFixed(1) }));
await store.close();
