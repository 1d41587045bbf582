import { describe, expect, it } from "vitest";
import type { Incoming } from "../../src/core/command.js";
import { toPlain } from "../../src/core/reply.js";
import { FIXTURE_NOW, fixtureContent, fixtureStore } from "../core/digest/fixture.js";
import { createTestApp, textFrom } from "../helpers/app.js";

/** The fixture's coordinator (telegram:100), writing in a private chat. */
const fromCoordinator = (text: string): Incoming =>
  textFrom("100", text, { channel: "telegram", supportsButtons: true, user: { id: "100", name: "Điều phối" } });

async function app() {
  const content = await fixtureContent();
  return createTestApp({ content, store: await fixtureStore(content), now: FIXTURE_NOW.toISOString() });
}

describe("/tonghop", () => {
  it("sends the digest with the blocked note and the counts, then the chart as a photo and the CSV as a document", async () => {
    const { assistant } = await app();
    const replies = await assistant.handle(fromCoordinator("/tonghop"));
    const first = toPlain(replies[0]!.text);
    expect(first).toContain("⛔ Vướng mắc: 1 (8%)");
    expect(first).toContain("Chưa có đường truyền <VPN> & tài khoản");
    const attachments = replies.at(-1)!.attachments!;
    expect(attachments.map((a) => a.kind)).toEqual(["photo", "document"]);
    expect([...attachments[0]!.data.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const csv = attachments[1]!.data;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(csv)).toMatch(/^Mã mốc,/);
  });

  it("answers to the English alias /digest too", async () => {
    const { assistant } = await app();
    const replies = await assistant.handle(fromCoordinator("/digest csv"));
    expect(replies).toHaveLength(1);
  });

  it("sends only the CSV file with /tonghop csv", async () => {
    const { assistant } = await app();
    const [only, ...rest] = await assistant.handle(fromCoordinator("/tonghop csv"));
    expect(rest).toEqual([]);
    expect(only!.attachments?.map((a) => [a.kind, a.filename])).toEqual([["document", "tong-hop-2025-W24.csv"]]);
  });

  it("explains the usage when the argument is not csv", async () => {
    const { assistant } = await app();
    const [r] = await assistant.handle(fromCoordinator("/tonghop pdf"));
    expect(toPlain(r!.text)).toContain("/tonghop csv");
  });

  it("is refused to a lead, who may not see other agencies' notes", async () => {
    const { assistant } = await app();
    const [r] = await assistant.handle(textFrom("201", "/tonghop", { channel: "telegram" }));
    expect(toPlain(r!.text)).toContain("chỉ dành cho điều phối viên");
    expect(r!.attachments).toBeUndefined();
  });
});
