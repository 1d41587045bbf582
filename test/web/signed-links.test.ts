import { describe, expect, it } from "vitest";
import { createLinkSigner, FILES_PATH, LINK_TTL_MS } from "../../src/web/signed-links.js";
import type { FileSource } from "../../src/core/reply.js";

const SECRET = "0123456789abcdef0123456789abcdef";
const NOW = new Date("2025-05-01T02:00:00.000Z");
const SOURCE: FileSource = { kind: "digest-csv", asOf: "2025-05-01T01:00:00.000Z" };

/** Replaces one query parameter of a signed path. */
function withParam(path: string, name: string, value: string): string {
  const url = new URL(path, "http://x");
  url.searchParams.set(name, value);
  return `${url.pathname}${url.search}`;
}

describe("createLinkSigner", () => {
  it("verifies the link it signed, giving back the source, the name and the expiry", () => {
    const links = createLinkSigner(SECRET);
    const path = links.sign(SOURCE, "tong-hop-2025-W18.csv", NOW);
    expect(path.startsWith(`${FILES_PATH}tong-hop-2025-W18.csv?`)).toBe(true);
    expect(links.verify(path, NOW)).toEqual({
      ok: true,
      file: { source: SOURCE, filename: "tong-hop-2025-W18.csv", expiresAt: new Date(NOW.getTime() + LINK_TTL_MS) },
    });
  });

  it("round-trips a chart link too", () => {
    const links = createLinkSigner(SECRET);
    const source: FileSource = { kind: "digest-chart", asOf: NOW.toISOString() };
    const checked = links.verify(links.sign(source, "bieu-do.png", NOW), NOW);
    expect(checked.ok && checked.file.source).toEqual(source);
  });

  it("makes a file name with Vietnamese letters and spaces safe in the link", () => {
    const links = createLinkSigner(SECRET);
    const path = links.sign(SOURCE, "tổng hợp tuần.csv", NOW);
    const checked = links.verify(path, NOW);
    expect(checked.ok && checked.file.filename).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it("refuses a link whose signature was altered as forged", () => {
    const links = createLinkSigner(SECRET);
    const path = links.sign(SOURCE, "a.csv", NOW);
    const sig = new URL(path, "http://x").searchParams.get("sig")!;
    const altered = `${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`;
    expect(links.verify(withParam(path, "sig", altered), NOW)).toEqual({ ok: false, reason: "forged" });
  });

  it("refuses a link whose payload was altered as forged", () => {
    const links = createLinkSigner(SECRET);
    const path = links.sign(SOURCE, "a.csv", NOW);
    const other = Buffer.from(JSON.stringify({ k: "digest-csv", a: "2024-01-01T00:00:00.000Z" })).toString("base64url");
    expect(links.verify(withParam(path, "s", other), NOW)).toEqual({ ok: false, reason: "forged" });
  });

  it("refuses a link whose expiry was pushed later as forged", () => {
    const links = createLinkSigner(SECRET);
    const path = links.sign(SOURCE, "a.csv", NOW);
    const e = Number(new URL(path, "http://x").searchParams.get("e"));
    expect(links.verify(withParam(path, "e", String(e + 86_400)), NOW)).toEqual({ ok: false, reason: "forged" });
  });

  it("refuses a link whose file name was changed as forged", () => {
    const links = createLinkSigner(SECRET);
    const path = links.sign(SOURCE, "a.csv", NOW);
    expect(links.verify(path.replace("/files/a.csv", "/files/b.csv"), NOW)).toEqual({ ok: false, reason: "forged" });
  });

  it("refuses a link signed with another secret as forged", () => {
    const path = createLinkSigner(`${SECRET}-other`).sign(SOURCE, "a.csv", NOW);
    expect(createLinkSigner(SECRET).verify(path, NOW)).toEqual({ ok: false, reason: "forged" });
  });

  it("refuses a link at and after its expiry as expired, and accepts it just before", () => {
    const links = createLinkSigner(SECRET);
    const path = links.sign(SOURCE, "a.csv", NOW);
    const end = NOW.getTime() + LINK_TTL_MS;
    expect(links.verify(path, new Date(end - 1000)).ok).toBe(true);
    expect(links.verify(path, new Date(end))).toEqual({ ok: false, reason: "expired" });
    expect(links.verify(path, new Date(end + 3600_000))).toEqual({ ok: false, reason: "expired" });
  });

  it("honours a shorter time to live", () => {
    const links = createLinkSigner(SECRET, 60_000);
    const path = links.sign(SOURCE, "a.csv", NOW);
    expect(links.verify(path, new Date(NOW.getTime() + 61_000))).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses malformed links", () => {
    const links = createLinkSigner(SECRET);
    const good = links.sign(SOURCE, "a.csv", NOW);
    const url = new URL(good, "http://x");
    const cases = [
      "/other/a.csv?s=1&e=1&sig=1",
      "/files/a.csv",
      `/files/a.csv?s=${url.searchParams.get("s")}&e=${url.searchParams.get("e")}`,
      `/files/a.csv?s=x&e=notanumber&sig=y`,
      "/files/%E0%A4%A?s=a&e=1&sig=b",
      "/files/bad name.csv?s=a&e=1&sig=b",
    ];
    for (const c of cases) expect(links.verify(c, NOW), c).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses a secret shorter than 32 characters, saying how to make one", () => {
    expect(() => createLinkSigner("short")).toThrow(/at least 32 characters.*LINK_SECRET/);
    expect(() => createLinkSigner("x".repeat(31))).toThrow();
    expect(() => createLinkSigner("x".repeat(32))).not.toThrow();
  });
});
