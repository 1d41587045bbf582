import { beforeAll, describe, expect, it } from "vitest";
import type { Content } from "../../../src/core/content/schema.js";
import { buildDigest } from "../../../src/core/digest/build.js";
import { renderDigestText } from "../../../src/core/digest/render-messages.js";
import type { DigestInput } from "../../../src/core/digest/types.js";
import { FIXTURE_NOW, fixtureContent } from "./fixture.js";

const empty: DigestInput = { latest: [], active: [], reminders: [], deliveries: [], chats: [], people: [], questionDays: [], unanswered: [] };

let content: Content;
beforeAll(async () => {
  content = await fixtureContent();
});

describe("Zalo quota pauses in the digest", () => {
  it("lists a 429 pause of the covered week among the delivery problems, with until when sending paused", () => {
    const digest = buildDigest(
      content,
      { ...empty, quotaPauses: [{ at: "2025-06-11T03:00:00.000Z", until: "2025-06-11T03:30:00.000Z" }, { at: "2025-06-02T03:00:00.000Z" }] },
      FIXTURE_NOW,
    );
    expect(digest.delivery.quotaPauses).toEqual([{ at: "2025-06-11T03:00:00.000Z", until: "2025-06-11T03:30:00.000Z" }]);
    expect(renderDigestText(digest, "vi")).toContain("⚠️ Zalo báo vượt hạn mức gửi tin (429) lúc 10:00 11/06/2025; trợ lý tạm dừng gửi qua Zalo đến 10:30 11/06/2025.");
  });

  it("says nothing about Zalo when there was no pause", () => {
    expect(renderDigestText(buildDigest(content, empty, FIXTURE_NOW), "vi")).not.toContain("Zalo");
  });
});
