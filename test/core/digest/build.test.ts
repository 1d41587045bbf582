import { beforeAll, describe, expect, it } from "vitest";
import type { Content } from "../../../src/core/content/schema.js";
import {
  buildDigest,
  digestFromStore,
  digestInputFrom,
  digestWeek,
  milestoneLight,
  previousSnapshot,
} from "../../../src/core/digest/build.js";
import { renderDigestMarkdown } from "../../../src/core/digest/render-markdown.js";
import { renderDigestCsv } from "../../../src/core/digest/render-csv.js";
import { renderDigestText } from "../../../src/core/digest/render-messages.js";
import type { Digest, DigestInput } from "../../../src/core/digest/types.js";
import type { Store } from "../../../src/core/ports.js";
import { FIXTURE_NAMES, FIXTURE_NOW, fixtureContent, fixtureStore } from "./fixture.js";

const empty: DigestInput = { latest: [], active: [], reminders: [], deliveries: [], chats: [], people: [], questionDays: [], unanswered: [] };

let content: Content;
let store: Store;
let digest: Digest;

beforeAll(async () => {
  content = await fixtureContent();
  store = await fixtureStore(content);
  digest = await digestFromStore(content, store, FIXTURE_NOW);
});

describe("digestWeek", () => {
  it("covers the week before at Sunday 23:59 ICT, because Sunday still belongs to the current week", () => {
    expect(digestWeek(new Date("2025-06-15T23:59:00+07:00"))).toEqual({ id: "2025-W23", from: "2025-06-02", to: "2025-06-08" });
  });

  it("covers the week that just ended from Monday 00:00 ICT", () => {
    expect(digestWeek(new Date("2025-06-16T00:00:00+07:00"))).toEqual({ id: "2025-W24", from: "2025-06-09", to: "2025-06-15" });
  });

  it("counts a failed send at Sunday 23:59 ICT in the week and one at Monday 00:00 ICT in the next", () => {
    const fail = (at: string) => ({ ref: "alert|x", chatKey: "telegram:1" as const, result: "failed" as const, at: new Date(at).toISOString() });
    const d = buildDigest(content, { ...empty, deliveries: [fail("2025-06-15T23:59:00+07:00"), fail("2025-06-16T00:00:00+07:00")] }, FIXTURE_NOW);
    expect(d.delivery.failures.map((f) => f.at)).toEqual([new Date("2025-06-15T23:59:00+07:00").toISOString()]);
  });
});

describe("milestoneLight", () => {
  it("is red when any pair is blocked, even far from the deadline", () => {
    expect(milestoneLight([{ state: "done", overdue: false }, { state: "blocked", overdue: false }], 60)).toBe("red");
  });

  it("is red when a pair is overdue", () => {
    expect(milestoneLight([{ state: "on-track", overdue: true }], -1)).toBe("red");
  });

  it("is yellow when a pair is at risk", () => {
    expect(milestoneLight([{ state: "at-risk", overdue: false }, { state: "done", overdue: false }], 30)).toBe("yellow");
  });

  it("is yellow when the deadline is within 7 days and an agency has not reported", () => {
    expect(milestoneLight([{ state: "on-track", overdue: false }, { state: "none", overdue: false }], 7)).toBe("yellow");
  });

  it("is white when an agency has not reported and the deadline is further than 7 days", () => {
    expect(milestoneLight([{ state: "on-track", overdue: false }, { state: "none", overdue: false }], 8)).toBe("white");
  });

  it("is green when every agency reported done or on track", () => {
    expect(milestoneLight([{ state: "on-track", overdue: false }, { state: "done", overdue: false }], 2)).toBe("green");
  });
});

describe("buildDigest", () => {
  it("counts every status bucket over the milestone × agency pairs, and the buckets add up to all pairs", () => {
    const { byState, pairs } = digest.overview;
    expect(pairs).toBe(13);
    expect(Object.fromEntries(Object.entries(byState).map(([k, v]) => [k, v.count]))).toEqual({
      done: 4,
      "on-track": 3,
      "at-risk": 1,
      blocked: 1,
      none: 4,
    });
    expect(byState.done.percent).toBe(31);
  });

  it("counts overdue apart: past the deadline and not done, including agencies that never reported", () => {
    expect(digest.overview.overdue).toEqual({ count: 2, percent: 15 });
    expect(digest.attention.overdue.map((i) => `${i.milestoneId}|${i.agencyId}|${i.state}`)).toEqual([
      "email-lists|sokhcn-brvt|on-track",
      "email-accounts|ttcds-hcm|none",
    ]);
  });

  it("never counts a milestone with reminders switched off as overdue: its date only orders it", async () => {
    const noDeadline: Content = {
      ...content,
      milestones: content.milestones.map((m) => (m.id === "email-accounts" ? { ...m, reminders: { enabled: false } } : m)),
    };
    const d = buildDigest(noDeadline, await digestInputFrom(store, FIXTURE_NOW), FIXTURE_NOW);
    expect(d.attention.overdue.map((i) => i.milestoneId)).toEqual(["email-lists"]);
    expect(d.milestones.find((m) => m.id === "email-accounts")?.light).toBe("yellow");
  });

  it("lists blocked items with the note added after the status", () => {
    expect(digest.attention.blocked).toHaveLength(1);
    expect(digest.attention.blocked[0]).toMatchObject({ milestoneId: "document-management-pilot", agencyId: "sokhcn-brvt", note: 'Chưa có đường truyền <VPN> & tài khoản "quản trị"' });
  });

  it("lists at-risk items only when their deadline is within 7 days", async () => {
    expect(digest.attention.atRiskSoon.map((i) => [i.milestoneId, i.daysLeft])).toEqual([["document-management-pilot", 4]]);
    const earlier = new Date("2025-06-12T12:00:00+07:00");
    expect(buildDigest(content, await digestInputFrom(store, earlier), earlier).attention.atRiskSoon).toEqual([]);
  });

  it("lists deadlines within the next 14 days as coming up, with how many agencies are done", () => {
    expect(digest.comingUp.map((c) => [c.milestoneId, c.daysLeft, c.done, c.total])).toEqual([
      ["document-management-pilot", 4, 0, 3],
      ["hotline-1022-plan", 14, 1, 3],
    ]);
  });

  it("shows the changes since the previous digest's snapshot, per agency and for the light", () => {
    const pilot = digest.milestones.find((m) => m.id === "document-management-pilot")!;
    expect(pilot.changes?.map((c) => `${c.agencyId}:${c.from}->${c.to}`)).toEqual([
      "ttcds-hcm:none->on-track",
      "sokhcn-binhduong:on-track->at-risk",
      "sokhcn-brvt:none->blocked",
    ]);
    expect([pilot.previousLight, pilot.light]).toEqual(["white", "red"]);
    expect(digest.overview.changes).toBe(5);
    expect(digest.previous?.weekId).toBe("2025-W23");
  });

  it("has no changes at all, rather than empty ones, when there is no previous digest", () => {
    const first = buildDigest(content, empty, FIXTURE_NOW);
    expect(first.previous).toBeUndefined();
    expect(first.overview.changes).toBeUndefined();
    expect(first.milestones.every((m) => m.changes === undefined)).toBe(true);
  });

  it("computes each agency's response rate over the last 14 days, in content order", () => {
    expect(digest.agencies.map((a) => [a.agencyId, a.responded, a.milestones, a.percent])).toEqual([
      ["sokhcn-hcm", 1, 2, 50],
      ["sokhcn-binhduong", 2, 4, 50],
      ["sokhcn-brvt", 1, 4, 25],
      ["ttcds-hcm", 2, 3, 67],
    ]);
  });

  it("flags agencies with no lead and no group that can receive reminders", () => {
    expect(digest.agencies.filter((a) => !a.hasRecipient).map((a) => a.agencyId)).toEqual(["sokhcn-hcm", "sokhcn-brvt"]);
  });

  it("reports inactive chats and the week's failed sends, but not failures of earlier weeks", () => {
    expect(digest.delivery.inactiveChats.map((c) => c.chatKey)).toEqual(["telegram:202"]);
    expect(digest.delivery.failures.map((f) => [f.chatKey, f.result])).toEqual([
      ["telegram:202", "blocked"],
      ["telegram:-1001", "failed"],
    ]);
    expect(digest.delivery.remindersSent).toBe(3);
    expect(digest.delivery.delivered).toBe(2);
  });

  it("counts the week's questions and leaves out unanswered questions older than 4 weeks", () => {
    expect(digest.questions.asked).toBe(9);
    expect(digest.questions.answered).toBe(5);
    expect(digest.questions.topics).toEqual([
      { topic: "email", count: 3 },
      { topic: "hotline-1022", count: 2 },
    ]);
    expect(digest.questions.unanswered.map((u) => [u.example, u.count])).toEqual([
      ["Khi nào có tên miền mới cho thư công vụ?", 3],
      ["Lương tháng 7 có đổi không <b>?", 1],
    ]);
  });

  it("never names an individual person in any rendering", () => {
    const all = [renderDigestText(digest), renderDigestMarkdown(digest), renderDigestCsv(digest), JSON.stringify(digest)].join("\n");
    for (const name of FIXTURE_NAMES) expect(all).not.toContain(name);
  });
});

describe("previousSnapshot", () => {
  it("takes the latest digest stored before the current week, not the current week's own run", () => {
    const snap = (weekId: string) => ({ version: 1, weekId, generatedAt: "x", pairs: {}, lights: {} });
    const runs = [
      { key: "digest|2025-W23", at: "a", data: snap("2025-W22") },
      { key: "digest|2025-W24", at: "b", data: snap("2025-W23") },
      { key: "digest|2025-W25", at: "c", data: snap("2025-W24") },
      { key: "escalation|2025-06-15", at: "d" },
    ];
    expect(previousSnapshot(runs, FIXTURE_NOW)?.weekId).toBe("2025-W23");
  });
});
