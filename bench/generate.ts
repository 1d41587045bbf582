/**
 * Generated data for the benchmarks: a province-sized plan (agencies × milestones) and a year of
 * weekly statuses, plus the people, chats, reminders, deliveries and question statistics a digest
 * reads. Deterministic (seeded), so every run measures the same work.
 */
import type { Agency, Content, Milestone } from "../src/core/content/schema.js";
import { parseDue } from "../src/core/content/schema.js";
import { RESPONSE_WINDOW_DAYS } from "../src/core/digest/build.js";
import type { DigestInput } from "../src/core/digest/types.js";
import type {
  PairRef,
  ChatRecord,
  DeliveryRecord,
  LatestStatus,
  Person,
  QuestionDay,
  SentReminder,
  StatusKind,
  StatusRecord,
  UnansweredQuestion,
} from "../src/core/ports.js";
import { addDays } from "../src/core/time.js";

/** A small deterministic random generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ["Bình Dương", "Vũng Tàu", "Thủ Đức", "Tân Bình", "Bến Cát", "Dĩ An", "Côn Đảo", "Bà Rịa", "Củ Chi", "Quận 1", "Long Điền", "Phú Giáo"];
const KINDS_OF_UNIT = ["Phường", "Xã", "Sở", "Trung tâm", "Ban quản lý"];
const WORKS = ["Triển khai hệ thống quản lý văn bản", "Tạo tài khoản thư điện tử công vụ", "Kết nối hội nghị truyền hình", "Cấp chứng thư chữ ký số", "Chuyển đổi cổng thông tin điện tử", "Tập huấn sử dụng phần mềm"];
const STATUS_KINDS: StatusKind[] = ["done", "on-track", "at-risk", "blocked"];
const NOTES = ["Đang chờ danh sách cán bộ, công chức từ các phòng ban", "Thiếu đường truyền tại trụ sở mới", "Đã liên hệ Trung tâm Chuyển đổi số, chờ phản hồi"];

/** `count` agencies with Vietnamese names, spread over the three localities. */
export function generateAgencies(count: number): Agency[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = KINDS_OF_UNIT[i % KINDS_OF_UNIT.length]!;
    const name = `${kind} ${PLACES[i % PLACES.length]} ${Math.floor(i / PLACES.length) + 1}`;
    return {
      id: `agency-${String(i).padStart(3, "0")}`,
      name,
      shortNames: [name],
      aliases: [],
      locality: (["hcm", "binhduong", "brvt"] as const)[i % 3]!,
      kind: i % 5 === 2 ? "department" : i % 5 === 3 ? "center" : "people-committee",
    };
  });
}

/** `count` milestones over the year `year`, each the responsibility of every agency in `agencies`. */
export function generateMilestones(count: number, agencies: readonly Agency[], year = 2025): Milestone[] {
  const responsible = agencies.map((a) => a.id);
  return Array.from({ length: count }, (_, i) => {
    const due = i % 4 === 3 ? `${year}-${String(1 + (i % 12)).padStart(2, "0")}` : addDays(`${year}-01-15`, Math.floor((i * 350) / count));
    return {
      id: `milestone-${String(i).padStart(2, "0")}`,
      title: `${WORKS[i % WORKS.length]} – đợt ${Math.floor(i / WORKS.length) + 1}`,
      system: "other",
      phase: i < count / 2 ? 1 : 2,
      sector: "state",
      due,
      dueParsed: parseDue(due)!,
      responsible,
      coordinator: agencies[0]!.id,
      description: "Mốc sinh ra cho phép đo hiệu năng.",
      action: "Báo cáo tiến độ hằng tuần.",
      quote: "Mốc sinh ra cho phép đo hiệu năng.",
      source: "plan",
      keywords: [],
    } satisfies Milestone;
  });
}

/** A province-sized copy of `base`: its FAQ, glossary, calendar and sources, with generated agencies and milestones. */
export function generateContent(base: Content, agencies: number, milestones: number): Content {
  const list = generateAgencies(agencies);
  return { ...base, agencies: list, milestones: generateMilestones(milestones, list), sources: base.sources };
}

/**
 * Digest input for `content` at `now`: a weekly status for every (milestone × agency) pair over
 * the `weeks` weeks before `now`, one lead per agency, the chats, reminders, deliveries and
 * question statistics of that time.
 */
export function generateDigestInput(content: Content, now: Date, weeks = 52, seed = 7): DigestInput & { records: StatusRecord[] } {
  const rnd = seeded(seed);
  const nowMs = now.getTime();
  const records: StatusRecord[] = [];
  const latest = new Map<string, LatestStatus>();
  let id = 0;
  for (let w = weeks; w >= 1; w--) {
    const weekStart = nowMs - w * 7 * 86_400_000;
    for (const m of content.milestones) {
      for (const agencyId of m.responsible) {
        const status = STATUS_KINDS[Math.floor(rnd() * (w < 8 ? 4 : 2))]!;
        const record: StatusRecord = {
          id: `r${id++}`,
          kind: "status",
          milestoneId: m.id,
          agencyId,
          status,
          note: status === "blocked" || status === "at-risk" ? NOTES[id % NOTES.length] : undefined,
          userKey: `telegram:${100_000 + Number(agencyId.slice(-3))}`,
          role: "lead",
          channel: "telegram",
          at: new Date(weekStart + Math.floor(rnd() * 5 * 86_400_000)).toISOString(),
        };
        records.push(record);
        latest.set(`${m.id}|${agencyId}`, {
          milestoneId: m.id,
          agencyId,
          status,
          note: record.note,
          at: record.at,
          role: "lead",
          recordId: record.id,
        });
      }
    }
  }
  const people: Person[] = content.agencies.map((a, i) => ({
    userKey: `telegram:${100_000 + i}`,
    name: `Cán bộ ${i}`,
    role: "lead",
    agencyId: a.id,
    chatKey: `telegram:${100_000 + i}`,
    grantedBy: "telegram:1",
    grantedAt: "2025-01-02T02:00:00.000Z",
  }));
  const chats: ChatRecord[] = people.map((p, i) => ({
    chatKey: p.chatKey,
    type: "private",
    active: i % 25 !== 0,
    inactiveSince: i % 25 === 0 ? new Date(nowMs - 3 * 86_400_000).toISOString() : undefined,
  }));
  const reminders: SentReminder[] = [];
  const deliveries: DeliveryRecord[] = [];
  for (let d = 1; d <= 28; d++) {
    const at = new Date(nowMs - d * 86_400_000).toISOString();
    for (let k = 0; k < 150; k++) {
      const m = content.milestones[(d * 7 + k) % content.milestones.length]!;
      const agencyId = content.agencies[(d * 13 + k) % content.agencies.length]!.id;
      const key = `${m.id}|${agencyId}|before|${d}`;
      reminders.push({ key, milestoneId: m.id, agencyId, kind: "before", step: d, plannedFor: at.slice(0, 10), sentAt: at });
      const result = k % 40 === 0 ? "failed" : k % 33 === 0 ? "blocked" : "ok";
      deliveries.push({ ref: key, chatKey: `telegram:${100_000 + Number(agencyId.slice(-3))}`, result, error: result === "ok" ? undefined : "403: Forbidden", at });
    }
  }
  const questionDays: QuestionDay[] = Array.from({ length: 365 }, (_, i) => {
    const day = addDays("2025-01-01", i);
    return { day, asked: 40 + (i % 17), answered: 35 + (i % 11), topics: { email: 10 + (i % 5), "document-management": 8, "hotline-1022": 5 + (i % 3) } };
  });
  const unanswered: UnansweredQuestion[] = Array.from({ length: 100 }, (_, i) => ({
    folded: `cau hoi chua co cau tra loi ${i}`,
    example: `Câu hỏi chưa có câu trả lời số ${i}?`,
    count: 1 + (i % 9),
    firstAsked: new Date(nowMs - 20 * 86_400_000).toISOString(),
    lastAsked: new Date(nowMs - (i % 20) * 86_400_000).toISOString(),
  }));
  // The pairs that responded in the digest's window, as a store's `statuses.picture` gives them.
  const since = new Date(nowMs - RESPONSE_WINDOW_DAYS * 86_400_000).toISOString();
  const until = now.toISOString();
  const active = new Map<string, PairRef>();
  for (const r of records) if (r.at >= since && r.at <= until) active.set(`${r.milestoneId}|${r.agencyId}`, { milestoneId: r.milestoneId, agencyId: r.agencyId });
  return { latest: [...latest.values()], active: [...active.values()], records, reminders, deliveries, chats, people, questionDays, unanswered };
}
