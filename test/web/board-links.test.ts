import { describe, expect, it } from "vitest";
import { BOARD_PATH, createBoardLinkSigner } from "../../src/web/board-links.js";
import { createLinkSigner } from "../../src/web/signed-links.js";

const SECRET = "a-secret-of-at-least-thirty-two-characters";
const NOW = new Date("2025-05-01T02:00:00Z");
const tokenOf = (path: string) => path.slice(BOARD_PATH.length, -1);

describe("createBoardLinkSigner", () => {
  it("makes a board link that names the person and is valid for 24 hours", () => {
    const links = createBoardLinkSigner(SECRET);
    const token = tokenOf(links.board("telegram:42", NOW));
    const checked = links.verifyBoard(token, new Date(NOW.getTime() + 23 * 3_600_000));
    expect(checked).toMatchObject({ ok: true, grant: { userKey: "telegram:42", expiresAt: new Date(NOW.getTime() + 24 * 3_600_000) } });
    expect(links.verifyBoard(token, new Date(NOW.getTime() + 24 * 3_600_000))).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a token whose person was changed, or signed with another secret, as forged", () => {
    const links = createBoardLinkSigner(SECRET);
    const [payload, sig] = tokenOf(links.board("telegram:42", NOW)).split(".") as [string, string];
    const other = Buffer.from(JSON.stringify({ u: "telegram:43", e: 1e10 })).toString("base64url");
    expect(links.verifyBoard(`${other}.${sig}`, NOW)).toEqual({ ok: false, reason: "forged" });
    const elsewhere = createBoardLinkSigner(`${SECRET}-other`);
    expect(elsewhere.verifyBoard(`${payload}.${sig}`, NOW)).toEqual({ ok: false, reason: "forged" });
    expect(links.verifyBoard("not-a-token", NOW)).toEqual({ ok: false, reason: "malformed" });
  });

  it("never accepts a file link's or a calendar's signature as a board token", () => {
    const links = createBoardLinkSigner(SECRET);
    const calendar = links.calendar("sokhcn-hcm").slice("/lich/".length);
    expect(links.verifyBoard(calendar.replace(/\.ics$/, ""), NOW)).toEqual({ ok: false, reason: "forged" });
    const file = new URL(createLinkSigner(SECRET).sign({ kind: "digest-csv", asOf: NOW.toISOString() }, "a.csv", NOW), "http://x");
    expect(links.verifyBoard(`${file.searchParams.get("s")}.${file.searchParams.get("sig")}`, NOW).ok).toBe(false);
  });

  it("makes calendar subscription links that name the agency and do not expire", () => {
    const links = createBoardLinkSigner(SECRET);
    expect(links.verifyCalendar(links.calendar("sokhcn-hcm").slice("/lich/".length))).toEqual({ ok: true, agencyId: "sokhcn-hcm" });
    expect(links.verifyCalendar(links.calendar(undefined).slice("/lich/".length))).toEqual({ ok: true, agencyId: null });
    const forged = links.calendar("sokhcn-hcm").slice("/lich/".length).replace(/^[^.]+/, Buffer.from(JSON.stringify({ a: "ttcds-hcm" })).toString("base64url"));
    expect(links.verifyCalendar(forged)).toEqual({ ok: false, reason: "forged" });
  });

  it("keeps file links working with the shared MAC, including the new kinds", () => {
    const files = createLinkSigner(SECRET);
    const path = files.sign({ kind: "calendar-ics", asOf: NOW.toISOString(), agencyId: "sokhcn-brvt" }, "lich-sokhcn-brvt.ics", NOW);
    expect(files.verify(path, NOW)).toMatchObject({ ok: true, file: { source: { kind: "calendar-ics", agencyId: "sokhcn-brvt" } } });
  });
});
