import { afterEach, describe, expect, it } from "vitest";
import { createFixedClock } from "../../src/core/time.js";
import { openStore } from "../../src/store/open-store.js";
import { createAttachmentLinker, createDigestFileMaker, fileRoute, type FileMaker } from "../../src/web/files.js";
import { createWebServer, type WebServer } from "../../src/web/server.js";
import { createLinkSigner, LINK_TTL_MS } from "../../src/web/signed-links.js";
import { createMemoryLogger, realContent } from "../helpers/app.js";

const SECRET = "0123456789abcdef0123456789abcdef";
const NOW = "2025-05-01T02:00:00.000Z";

let web: WebServer | undefined;
afterEach(async () => {
  await web?.close();
  web = undefined;
});

async function setup(make?: FileMaker) {
  const content = await realContent();
  const store = await openStore({ file: ":memory:" });
  const clock = createFixedClock(NOW);
  const links = createLinkSigner(SECRET);
  const log = createMemoryLogger();
  web = createWebServer({ routes: [fileRoute({ links, clock, make: make ?? createDigestFileMaker({ content, store }), log })], log });
  const { port } = await web.listen(0, "127.0.0.1");
  const base = `http://127.0.0.1:${port}`;
  return { links, clock, log, base, store };
}

describe("fileRoute", () => {
  it("serves a valid CSV link as a UTF-8 CSV attachment starting with the byte-order mark", async () => {
    const t = await setup();
    const path = t.links.sign({ kind: "digest-csv", asOf: NOW }, "tong-hop-2025-W18.csv", new Date(NOW));
    const res = await fetch(`${t.base}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="tong-hop-2025-W18.csv"');
    expect(res.headers.get("cache-control")).toMatch(/no-store/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Number(res.headers.get("content-length"))).toBe(bytes.length);
    expect(new TextDecoder().decode(bytes).length).toBeGreaterThan(10);
  });

  it("refuses a forged link with 403 and says it is not valid", async () => {
    const t = await setup();
    const path = t.links.sign({ kind: "digest-csv", asOf: NOW }, "a.csv", new Date(NOW)).replace(/sig=(.)/, (_m, c: string) => `sig=${c === "Z" ? "Y" : "Z"}`);
    const res = await fetch(`${t.base}${path}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/không hợp lệ/);
    expect(t.log.entries.some((e) => (e.obj as { reason?: string }).reason === "forged")).toBe(true);
  });

  it("refuses an expired link with 403 and says it expired", async () => {
    const t = await setup();
    const path = t.links.sign({ kind: "digest-csv", asOf: NOW }, "a.csv", new Date(NOW));
    t.clock.set(new Date(Date.parse(NOW) + LINK_TTL_MS + 1000));
    const res = await fetch(`${t.base}${path}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/hết hạn/);
  });

  it("refuses a bare /files/ path with 403", async () => {
    const t = await setup();
    expect((await fetch(`${t.base}/files/`)).status).toBe(403);
  });

  it("serves an image inline with its content type", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const t = await setup(async () => ({ data: png, contentType: "image/png" }));
    const path = t.links.sign({ kind: "digest-chart", asOf: NOW }, "bieu-do.png", new Date(NOW));
    const res = await fetch(`${t.base}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('inline; filename="bieu-do.png"');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(png);
  });

  it("answers 500 without details when the file cannot be made", async () => {
    const t = await setup(async () => Promise.reject(new Error("web: no chart renderer is configured")));
    const path = t.links.sign({ kind: "digest-chart", asOf: NOW }, "bieu-do.png", new Date(NOW));
    const res = await fetch(`${t.base}${path}`);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toMatch(/renderer/);
  });
});

describe("createDigestFileMaker", () => {
  it("refuses a chart when no chart renderer is configured", async () => {
    const make = createDigestFileMaker({ content: await realContent(), store: await openStore({ file: ":memory:" }) });
    await expect(make({ kind: "digest-chart", asOf: NOW })).rejects.toThrow(/no chart renderer/);
  });
});

describe("createAttachmentLinker", () => {
  it("builds an absolute signed URL under PUBLIC_URL that the signer accepts", () => {
    const links = createLinkSigner(SECRET);
    const clock = createFixedClock(NOW);
    const linkFor = createAttachmentLinker("https://tro-ly.example.gov.vn/", links, clock);
    const url = linkFor({ kind: "document", filename: "tong-hop.csv", data: new Uint8Array(), source: { kind: "digest-csv", asOf: NOW } })!;
    expect(url.startsWith("https://tro-ly.example.gov.vn/files/tong-hop.csv?")).toBe(true);
    const u = new URL(url);
    expect(links.verify(`${u.pathname}${u.search}`, clock.now())).toMatchObject({ ok: true, file: { filename: "tong-hop.csv", source: { kind: "digest-csv", asOf: NOW } } });
  });

  it("gives no link for an attachment that cannot be made again", () => {
    const linkFor = createAttachmentLinker("https://x.example", createLinkSigner(SECRET), createFixedClock(NOW));
    expect(linkFor({ kind: "document", filename: "a.bin", data: new Uint8Array([1]) })).toBeUndefined();
  });

  it("keeps a path prefix of PUBLIC_URL", () => {
    const linkFor = createAttachmentLinker("https://x.example/tro-ly", createLinkSigner(SECRET), createFixedClock(NOW));
    expect(linkFor({ kind: "photo", filename: "c.png", data: new Uint8Array(), source: { kind: "digest-chart", asOf: NOW } })).toMatch(/^https:\/\/x\.example\/tro-ly\/files\/c\.png\?/);
  });
});

