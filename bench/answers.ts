/**
 * Answer latency of the knowledge assistant for knowledge bases of about 100, 1,000 and 10,000
 * entries: the real content plus generated Vietnamese-like filler that shares its common words
 * ("hệ thống", "cán bộ", "tài khoản"…), so the word index has long lists to narrow.
 * Measures the index build and, per question, the awaited store reads of an answer plus fold + search + render
 * over the evaluation questions, and plain fuse.js over the same entries and questions in the same run.
 *
 * Run alone: `npm run bench -- answers`; with the others: `npm run bench`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import Fuse from "fuse.js";
import { parse } from "yaml";
import { createApp } from "../src/app.js";
import { loadContent } from "../src/content/load.js";
import type { CommandContext } from "../src/core/command.js";
import type { Content, FaqEntry } from "../src/core/content/schema.js";
import { fold } from "../src/core/fold.js";
import { composeAnswer, loadAnswerData } from "../src/core/knowledge/answer.js";
import { createKnowledge } from "../src/core/knowledge/search.js";
import type { Logger, Outbox } from "../src/core/ports.js";
import { atLocal, createFixedClock, dayOf } from "../src/core/time.js";
import { openStore } from "../src/store/open-store.js";
import { seeded } from "./generate.js";
import { type BenchRow, percentile, round, trackRss } from "./types.js";

const SIZES = [100, 1_000, 10_000];
/** Answers measured per size, cycling through the evaluation questions. */
const SAMPLES = 2_000;
const WARMUP = 200;
/** Plain fuse.js scans every entry per question (seconds at 10,000 entries), so it gets fewer samples. */
const fuseSamples = (size: number) => (size >= 10_000 ? 30 : size >= 1_000 ? 100 : 300);

// Words of the domain and of everyday administrative Vietnamese, so filler collides with real questions.
const SUBJECTS = ["hệ thống", "phần mềm", "cổng thông tin", "thư điện tử", "tài khoản", "báo cáo", "hồ sơ", "dữ liệu", "văn bản", "hội nghị", "chữ ký số", "mạng", "máy chủ", "ứng dụng", "danh sách", "kế hoạch", "quy trình", "biểu mẫu", "thủ tục", "lịch họp"];
const VERBS = ["triển khai", "cập nhật", "kiểm tra", "bàn giao", "sao lưu", "đăng ký", "phê duyệt", "tổng hợp", "nâng cấp", "kết nối", "chuyển đổi", "rà soát", "vận hành", "tập huấn", "gửi", "nhận"];
const OWNERS = ["phòng tổ chức", "văn phòng", "phường", "xã", "sở", "ban quản lý", "trung tâm", "chi cục", "cán bộ", "công chức", "đơn vị", "tổ công tác", "bộ phận một cửa", "kho bạc", "thanh tra"];
const PLACES = ["Bình Dương", "Vũng Tàu", "Thủ Đức", "Tân Bình", "Bến Cát", "Dĩ An", "Côn Đảo", "Bà Rịa", "Củ Chi", "Quận 1", "Long Điền", "Phú Giáo"];
const ASKS = ["khi nào", "ở đâu", "thế nào", "bao giờ xong", "ai phụ trách", "cần giấy tờ gì", "mất bao lâu", "có bắt buộc không"];

/** `count` generated entries that look like the real ones (several questions, keywords, an answer). */
export function fillerEntries(count: number, seed = 42): FaqEntry[] {
  const rnd = seeded(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const subject = pick(SUBJECTS);
    const verb = pick(VERBS);
    const owner = pick(OWNERS);
    const place = pick(PLACES);
    const code = `${i % 97}-${Math.floor(i / 97)}`;
    return {
      id: `filler-${i}`,
      topic: "filler",
      questions: [
        `${verb} ${subject} ${code} của ${owner} ${place} ${pick(ASKS)}?`,
        `${owner} ${place} ${verb} ${subject} số ${code} ${pick(ASKS)}?`,
        `Hạn ${verb} ${subject} ${code} là ngày nào?`,
      ],
      keywords: [`${subject} ${code}`, `${verb} ${subject}`, `${owner} ${place}`],
      answer: `${owner} ${place} ${verb} ${subject} ${code} theo hướng dẫn của ${pick(OWNERS)}, hạn ngày ${1 + (i % 28)}/${1 + (i % 12)}/2025.`,
      milestones: [],
      source: "plan",
    };
  });
}

/** The tuned sets' questions and the dev set's (the blind set is left to the lead). */
function evalQuestions(): { q: string; now?: string }[] {
  const dir = "test/fixtures/questions";
  const read = (d: string) =>
    readdirSync(d)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .flatMap((f) => parse(readFileSync(join(d, f), "utf8")) as { q: string; now?: string }[]);
  return [...read(dir), ...read(join(dir, "dev"))];
}

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const noOutbox: Outbox = { send: async (m) => m.map((x) => ({ chatKey: x.chatKey, result: "failed" as const })) };

/** Runs the answer benchmark; one row per knowledge-base size. */
export async function benchAnswers(): Promise<BenchRow[]> {
  const real = await loadContent("content");
  const questions = evalQuestions();
  const rows: BenchRow[] = [];
  for (const size of SIZES) {
    const content: Content = { ...real, faq: [...real.faq, ...fillerEntries(Math.max(0, size - real.faq.length))] };
    process.stderr.write(`bench: answers at ${size} entries…\n`);
    const rss = trackRss();
    const builds: number[] = [];
    let knowledge = createKnowledge(content);
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      knowledge = createKnowledge(content);
      builds.push(performance.now() - t0);
    }
    const store = await openStore({ file: ":memory:" });
    const clock = createFixedClock(atLocal("2025-06-01", "09:00"));
    const app = createApp({ content, store, clock, outbox: noOutbox, log: silent, settings: { adminKeys: [], reminderTime: "08:30" } });
    app.services.knowledge = knowledge;
    const message = { channel: "console" as const, chat: { id: "bench", type: "private" as const }, user: { id: "bench", name: "bench" }, supportsButtons: false };
    const actor = await app.assistant.actorOf(message);
    const ctxFor = (q: { q: string; now?: string }): CommandContext => {
      const now = q.now ? atLocal(q.now, "09:00") : clock.now();
      return { message: { ...message, text: q.q }, actor, lang: "vi", services: app.services, now, today: dayOf(now), via: "text" };
    };
    // The assistant's search, and the same search without its shortcuts (every window of a long message, every
    // runner-up scored: the same answers, see search-shortcuts.test.ts), timed alike.
    const timeAnswers = async (k: typeof knowledge) => {
      app.services.knowledge = k;
      for (let i = 0; i < WARMUP; i++) {
        const ctx = ctxFor(questions[i % questions.length]!);
        composeAnswer(ctx, questions[i % questions.length]!.q, await loadAnswerData(ctx));
      }
      const times: number[] = [];
      const started = performance.now();
      for (let i = 0; i < SAMPLES; i++) {
        const q = questions[i % questions.length]!;
        const ctx = ctxFor(q);
        // Timed with the store reads an answer makes (the chat's topic, statuses, coordinator answers), awaited.
        const t0 = performance.now();
        composeAnswer(ctx, q.q, await loadAnswerData(ctx));
        times.push(performance.now() - t0);
      }
      return { times, elapsed: performance.now() - started };
    };
    const exhaustive = await timeAnswers(createKnowledge(content, { exhaustive: true }));
    const { times, elapsed } = await timeAnswers(knowledge);
    await store.close();
    const p95 = percentile(times, 95);
    const buildMs = percentile(builds, 50);
    const target = size === 1_000 ? { text: "p95 ≤ 2 ms", met: p95 <= 2 } : size === 10_000 ? { text: "p95 ≤ 5 ms, build ≤ 2 s", met: p95 <= 5 && buildMs <= 2000 } : undefined;
    rows.push({
      scenario: "answer (fold + search + render)",
      size: `${content.faq.length} entries`,
      p50: round(percentile(times, 50)),
      p95: round(p95),
      throughput: Math.round((SAMPLES / elapsed) * 1000),
      peakRssMb: rss.stop(),
      target: target?.text,
      met: target?.met,
      extra: { buildMs: round(buildMs), p99: round(percentile(times, 99)), questions: questions.length, exhaustiveP95: round(percentile(exhaustive.times, 95)) },
    });
    rows.push(plainFuse(content, questions));
  }
  return rows;
}

/**
 * The obvious alternative, measured on the same entries and questions in the same run: one fuse.js index over the
 * folded questions, keywords and answers, searched with the folded question (search only, no rendering).
 */
function plainFuse(content: Content, questions: { q: string }[]): BenchRow {
  const rss = trackRss();
  const t0 = performance.now();
  const docs = content.faq.map((e) => ({ id: e.id, q: e.questions.map(fold), k: e.keywords.map(fold), a: fold(e.answer) }));
  const fuse = new Fuse(docs, { keys: [{ name: "q", weight: 3 }, { name: "k", weight: 2 }, { name: "a", weight: 1 }], includeScore: true, ignoreLocation: true, threshold: 0.4 });
  const buildMs = performance.now() - t0;
  const folded = questions.map((q) => fold(q.q).slice(0, 64));
  for (let i = 0; i < 3; i++) fuse.search(folded[i % folded.length]!, { limit: 3 });
  const times: number[] = [];
  const started = performance.now();
  const samples = fuseSamples(content.faq.length);
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    fuse.search(folded[i % folded.length]!, { limit: 3 });
    times.push(performance.now() - t);
  }
  const elapsed = performance.now() - started;
  return {
    scenario: "plain fuse.js (search only, same questions)",
    size: `${content.faq.length} entries`,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    throughput: Math.round((samples / elapsed) * 1000),
    peakRssMb: rss.stop(),
    extra: { buildMs: round(buildMs), p99: round(percentile(times, 99)), samples },
  };
}
