import type { Content } from "../../../src/core/content/schema.js";
import { buildDigest, digestInputFrom, digestRunKey } from "../../../src/core/digest/build.js";
import { fold } from "../../../src/core/fold.js";
import type { ChatKey, Role, StatusKind, UserKey } from "../../../src/core/ports.js";
import { loadContent } from "../../../src/content/load.js";
import { type ClosableStore, openStore } from "../../../src/store/open-store.js";

/** The fixture's "now": Monday 16/06/2025 08:00 ICT, the default digest time. */
export const FIXTURE_NOW = new Date("2025-06-16T08:00:00+07:00");

/** People of the fixture. Their names must never appear in a digest. */
export const FIXTURE_NAMES = ["Nguyễn Văn Điều Phối", "Trần Thị Bình", "Lê Văn Vũng", "Phạm Thị Số"];

let contentCache: Promise<Content> | undefined;

/** The small, stable content set of the digest tests. */
export function fixtureContent(): Promise<Content> {
  contentCache ??= loadContent("test/fixtures/digest/content");
  return contentCache;
}

const ict = (local: string) => new Date(`${local}+07:00`).toISOString();

/**
 * An in-memory store with every kind of status, an overdue item, a blocked note with HTML
 * characters, delivery failures, an inactive chat, an agency without recipients and questions.
 * The digest of the previous week (run at 09/06/2025 08:00) is stored, so changes can be shown.
 */
export async function fixtureStore(content: Content, file = ":memory:"): Promise<ClosableStore> {
  const store = await openStore({ file });
  const coordinator: UserKey = "telegram:100";
  const leads: Record<string, { userKey: UserKey; name: string }> = {
    "sokhcn-binhduong": { userKey: "telegram:201", name: FIXTURE_NAMES[1]! },
    "sokhcn-brvt": { userKey: "telegram:202", name: FIXTURE_NAMES[2]! },
    "ttcds-hcm": { userKey: "telegram:203", name: FIXTURE_NAMES[3]! },
  };
  await store.people.grant({
    userKey: coordinator,
    name: FIXTURE_NAMES[0]!,
    role: "coordinator",
    chatKey: "telegram:100",
    grantedBy: "telegram:1",
    grantedAt: ict("2025-05-01T09:00:00"),
  });
  for (const [agencyId, lead] of Object.entries(leads)) {
    await store.people.grant({
      userKey: lead.userKey,
      name: lead.name,
      role: "lead",
      agencyId,
      chatKey: lead.userKey as ChatKey,
      grantedBy: coordinator,
      grantedAt: ict("2025-05-02T09:00:00"),
    });
  }
  await store.chats.upsert({ chatKey: "telegram:-1001", type: "group", title: "Nhóm TTCĐS <chuyển đổi số>", agencyId: "ttcds-hcm", active: true });
  await store.chats.upsert({ chatKey: "telegram:-1002", type: "group", title: "Tổ công tác email", agencyId: "sokhcn-binhduong", active: true });

  let n = 0;
  const status = async (
    local: string,
    milestoneId: string,
    agencyId: string,
    kind: StatusKind,
    extra: { note?: string; role?: Role; onBehalf?: boolean } = {},
  ) => {
    const id = `s${++n}`;
    const role = extra.role ?? "lead";
    await store.statuses.append({
      id,
      kind: "status",
      milestoneId,
      agencyId,
      status: kind,
      note: extra.note,
      userKey: role === "lead" ? leads[agencyId]?.userKey ?? coordinator : coordinator,
      role,
      onBehalfOf: extra.onBehalf ? agencyId : undefined,
      channel: "telegram",
      at: ict(local),
    });
    return id;
  };

  // Before the previous digest (09/06 08:00).
  await status("2025-05-05T10:00:00", "email-lists", "sokhcn-brvt", "on-track");
  await status("2025-05-08T09:00:00", "email-lists", "sokhcn-binhduong", "done");
  await status("2025-05-20T15:00:00", "phase2-plan", "sokhcn-hcm", "done", { role: "coordinator", onBehalf: true });
  await status("2025-06-03T10:00:00", "digital-signature", "sokhcn-hcm", "done", { role: "coordinator", onBehalf: true });
  await status("2025-06-04T11:00:00", "document-management-pilot", "sokhcn-binhduong", "on-track");

  const previousAt = new Date(ict("2025-06-09T08:00:00"));
  const previous = buildDigest(content, await digestInputFrom(store, previousAt), previousAt);
  await store.runs.claim({ key: digestRunKey(previousAt), at: previousAt.toISOString(), data: previous.snapshot });

  // The covered week, 09/06 to 15/06.
  await status("2025-06-10T09:15:00", "hotline-1022-plan", "ttcds-hcm", "on-track", { role: "coordinator", onBehalf: true });
  await status("2025-06-11T14:00:00", "document-management-pilot", "ttcds-hcm", "on-track");
  await status("2025-06-12T09:30:00", "document-management-pilot", "sokhcn-binhduong", "at-risk", {
    note: "Chờ cấp chứng thư số cho 12 đơn vị",
  });
  const blocked = await status("2025-06-13T16:45:00", "document-management-pilot", "sokhcn-brvt", "blocked");
  await store.statuses.append({
    id: `s${++n}`,
    kind: "note",
    milestoneId: "document-management-pilot",
    agencyId: "sokhcn-brvt",
    status: "blocked",
    note: 'Chưa có đường truyền <VPN> & tài khoản "quản trị"',
    noteFor: blocked,
    userKey: leads["sokhcn-brvt"]!.userKey,
    role: "lead",
    channel: "telegram",
    at: ict("2025-06-13T16:50:00"),
  });
  await status("2025-06-14T10:00:00", "hotline-1022-plan", "sokhcn-binhduong", "done");

  // Reminders and deliveries: one the week before, three in the week.
  const reminder = async (local: string, milestoneId: string, agencyId: string) =>
    store.reminders.claim({
      key: `${milestoneId}|${agencyId}|before:1`,
      milestoneId,
      agencyId,
      kind: "before",
      step: 1,
      plannedFor: local.slice(0, 10),
      sentAt: ict(local),
    });
  await reminder("2025-06-05T08:30:00", "email-accounts", "ttcds-hcm");
  await reminder("2025-06-12T08:30:00", "document-management-pilot", "sokhcn-binhduong");
  await reminder("2025-06-12T08:30:00", "document-management-pilot", "sokhcn-brvt");
  await reminder("2025-06-13T08:30:00", "hotline-1022-plan", "ttcds-hcm");
  await store.reminders.addDelivery({ ref: "email-accounts|ttcds-hcm|before:1", chatKey: "telegram:-1001", result: "failed", error: "ETIMEDOUT", at: ict("2025-06-05T08:30:05") });
  await store.reminders.addDelivery({ ref: "document-management-pilot|sokhcn-binhduong|before:1", chatKey: "telegram:201", result: "ok", messageId: "11", at: ict("2025-06-12T08:30:01") });
  await store.reminders.addDelivery({
    ref: "document-management-pilot|sokhcn-brvt|before:1",
    chatKey: "telegram:202",
    result: "blocked",
    error: "Forbidden: bot was blocked by the user",
    at: ict("2025-06-12T08:30:02"),
  });
  await store.chats.markInactive("telegram:202", ict("2025-06-12T08:30:02"));
  await store.reminders.addDelivery({ ref: "hotline-1022-plan|ttcds-hcm|before:1", chatKey: "telegram:-1001", result: "failed", error: "ETIMEDOUT", at: ict("2025-06-13T08:30:03") });
  await store.reminders.addDelivery({ ref: "hotline-1022-plan|ttcds-hcm|before:1", chatKey: "telegram:203", result: "ok", messageId: "12", at: ict("2025-06-13T08:30:04") });

  // Questions.
  const ask = async (local: string, text: string, answered: boolean, topic?: string) =>
    store.questions.record({ folded: fold(text), text, answered, topic, at: ict(local), day: local.slice(0, 10) });
  await ask("2025-04-01T10:00:00", "Câu hỏi cũ từ tháng 4", false);
  await ask("2025-06-10T09:00:00", "Khi nào có email mới?", true, "email");
  await ask("2025-06-10T09:05:00", "Email mới đăng nhập ở đâu?", true, "email");
  await ask("2025-06-10T10:00:00", "Mật khẩu email mặc định là gì?", true, "email");
  await ask("2025-06-10T11:00:00", "Tổng đài 1022 hợp nhất khi nào?", true, "hotline-1022");
  await ask("2025-06-11T09:00:00", "Khi nào có tên miền mới cho thư công vụ?", false);
  await ask("2025-06-11T15:00:00", "Khi nào có tên miền mới cho thư công vụ?", false);
  await ask("2025-06-12T09:00:00", "Lương tháng 7 có đổi không <b>?", false);
  await ask("2025-06-12T10:00:00", "khi nào có tên miền mới cho thư công vụ", false);
  await ask("2025-06-13T09:00:00", "Số 1022 của Bình Dương còn gọi được không?", true, "hotline-1022");
  await ask("2025-06-16T07:00:00", "Email mới dùng từ khi nào?", true, "email");
  return store;
}
