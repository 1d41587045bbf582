import { beforeAll, describe, expect, it } from "vitest";
import type { Content } from "../../../src/core/content/schema.js";
import { buildDigest, digestFromStore } from "../../../src/core/digest/build.js";
import { richToHtml } from "../../../src/core/digest/html.js";
import { renderDigestCsv, safeCell } from "../../../src/core/digest/render-csv.js";
import { renderDigestMarkdown } from "../../../src/core/digest/render-markdown.js";
import { MESSAGE_LIMIT, renderDigestHtml, renderDigestMessages, renderDigestText } from "../../../src/core/digest/render-messages.js";
import type { Digest } from "../../../src/core/digest/types.js";
import type { LatestStatus } from "../../../src/core/ports.js";
import { toPlain } from "../../../src/core/reply.js";
import { realContent } from "../../helpers/app.js";
import { FIXTURE_NOW, fixtureContent, fixtureStore } from "./fixture.js";

let content: Content;
let digest: Digest;

beforeAll(async () => {
  content = await fixtureContent();
  digest = await digestFromStore(content, await fixtureStore(content), FIXTURE_NOW);
});

describe("golden files", () => {
  it("renders the plain text digest exactly as the golden file", async () => {
    await expect(renderDigestText(digest)).toMatchFileSnapshot("./__golden__/digest.txt");
  });

  it("renders the Markdown digest exactly as the golden file", async () => {
    await expect(renderDigestMarkdown(digest)).toMatchFileSnapshot("./__golden__/digest.md");
  });

  it("renders the Telegram HTML messages exactly as the golden file", async () => {
    await expect(renderDigestHtml(digest).join("\n\n<!-- next message -->\n\n")).toMatchFileSnapshot("./__golden__/digest.html");
  });

  it("renders the CSV exactly as the golden file", async () => {
    await expect(renderDigestCsv(digest)).toMatchFileSnapshot("./__golden__/digest.csv");
  });
});

describe("Telegram messages", () => {
  it("puts the overview and needs attention in the first message and the details after it", () => {
    const [first, ...rest] = renderDigestMessages(digest).map((m) => toPlain(m.text));
    expect(first).toContain("Tổng quan");
    expect(first).toContain("Cần chú ý");
    expect(first).not.toContain("Theo từng mốc");
    expect(rest.join("\n")).toContain("Theo từng mốc");
  });

  it("escapes notes, group titles and questions in the HTML", () => {
    const html = renderDigestHtml(digest).join("\n");
    expect(html).toContain("&lt;VPN&gt; &amp; tài khoản &quot;quản trị&quot;");
    expect(html).toContain("Nhóm TTCĐS &lt;chuyển đổi số&gt;");
    expect(html).toContain("không &lt;b&gt;?");
    expect(html).not.toMatch(/<(?!\/?(b|i|code)>)/);
  });

  it("keeps every message under Telegram's 4096 characters on the real plan with long notes everywhere", async () => {
    const real = await realContent();
    const note = `Vướng mắc <chi tiết> & ${"rất dài ".repeat(80)}`;
    const latest: LatestStatus[] = real.milestones.flatMap((m) =>
      m.responsible.map((agencyId, i) => ({
        milestoneId: m.id,
        agencyId,
        status: i % 2 === 0 ? ("blocked" as const) : ("at-risk" as const),
        note,
        at: FIXTURE_NOW.toISOString(),
        role: "lead" as const,
        recordId: `${m.id}|${agencyId}`,
      })),
    );
    const big = buildDigest(real, { latest, active: [], reminders: [], deliveries: [], chats: [], people: [], questionDays: [], unanswered: [] }, FIXTURE_NOW);
    const messages = renderDigestMessages(big);
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) expect(richToHtml(m.text).length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(toPlain(messages[0]!.text)).toContain("Tổng quan");
  });
});

describe("CSV", () => {
  it("starts with a UTF-8 byte-order mark and ends lines with CRLF, so Excel reads Vietnamese", () => {
    const csv = renderDigestCsv(digest);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split("\r\n")).toHaveLength(digest.overview.pairs + 2);
  });

  it("has one row per milestone × agency, including agencies that have not reported", () => {
    const rows = renderDigestCsv(digest).split("\r\n").filter(Boolean).slice(1);
    expect(rows).toHaveLength(13);
    expect(rows.find((r) => r.startsWith("email-accounts,"))).toContain("Chưa báo cáo");
  });

  it("defuses cells that a spreadsheet would run as formulas", () => {
    expect(safeCell("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(safeCell("-1")).toBe("'-1");
    expect(safeCell("Đúng tiến độ")).toBe("Đúng tiến độ");
  });
});
