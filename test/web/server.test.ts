import { afterEach, describe, expect, it } from "vitest";
import { createWebServer, healthRoute, refuse, type Route, type WebServer } from "../../src/web/server.js";
import { createMemoryLogger } from "../helpers/app.js";

let web: WebServer | undefined;
afterEach(async () => {
  await web?.close();
  web = undefined;
});

async function start(routes: Route[]) {
  const log = createMemoryLogger();
  web = createWebServer({ routes, log });
  const { port } = await web.listen(0, "127.0.0.1");
  return { base: `http://127.0.0.1:${port}`, log };
}

const hello: Route = { method: "GET", path: "/hello", handle: (_req, res) => void res.writeHead(200, { "Content-Type": "text/plain" }).end("xin chào") };

describe("createWebServer", () => {
  it("serves a route on its exact path with the common security headers", async () => {
    const { base } = await start([hello]);
    const res = await fetch(`${base}/hello?x=1`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("xin chào");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("answers 404 to a path no route claims, and to a longer path of an exact route", async () => {
    const { base } = await start([hello]);
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
    expect((await fetch(`${base}/hello/more`)).status).toBe(404);
  });

  it("matches a prefix route on every path under it", async () => {
    const seen: string[] = [];
    const { base } = await start([{ method: "GET", path: "/files/", prefix: true, handle: (_req, res, url) => void (seen.push(url.pathname), res.writeHead(204).end()) }]);
    await fetch(`${base}/files/a.csv`);
    await fetch(`${base}/files/b/c`);
    expect(seen).toEqual(["/files/a.csv", "/files/b/c"]);
  });

  it("answers 405 with Allow to a method the path does not take", async () => {
    const { base } = await start([hello]);
    const res = await fetch(`${base}/hello`, { method: "POST", body: "x" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
  });

  it("answers HEAD with a GET route", async () => {
    const { base } = await start([hello]);
    const res = await fetch(`${base}/hello`, { method: "HEAD" });
    expect(res.status).toBe(200);
  });

  it("turns a failing route into a 500 without the error in the answer, and logs it", async () => {
    const { base, log } = await start([{ method: "GET", path: "/boom", handle: async () => Promise.reject(new Error("secret detail at /srv/app.ts:12")) }]);
    const res = await fetch(`${base}/boom`);
    expect(res.status).toBe(500);
    expect(await res.text()).toBe("Internal error\n");
    expect(log.entries.some((e) => e.level === "error" && JSON.stringify(e.obj).includes("secret detail"))).toBe(true);
  });

  it("turns a route that throws synchronously into a 500", async () => {
    const { base } = await start([{ method: "GET", path: "/sync", handle: () => { throw new Error("x"); } }]);
    expect((await fetch(`${base}/sync`)).status).toBe(500);
  });

  it("refuses two routes that claim the same method and path", () => {
    expect(() => createWebServer({ routes: [hello, { ...hello }], log: createMemoryLogger() })).toThrow(/two routes claim GET \/hello/);
  });

  it("allows the same path for two methods", async () => {
    const post: Route = { method: "POST", path: "/hello", handle: (_req, res) => void res.writeHead(201).end() };
    const { base } = await start([hello, post]);
    expect((await fetch(`${base}/hello`, { method: "POST" })).status).toBe(201);
    expect((await fetch(`${base}/hello`)).status).toBe(200);
  });

  it("closes promptly even with a request still open", async () => {
    const { base } = await start([{ method: "GET", path: "/hang", handle: () => undefined }]);
    const pending = fetch(`${base}/hang`).catch(() => "closed");
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await web!.close();
    web = undefined;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBe("closed");
  });
});

describe("healthRoute", () => {
  it("answers 200 with the report while it says ok and 503 otherwise", async () => {
    let ok = true;
    const { base } = await start([healthRoute(() => ({ ok, zalo: ok ? "connected" : "paused" }))]);
    const good = await fetch(`${base}/healthz`);
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ ok: true, zalo: "connected" });
    ok = false;
    const bad = await fetch(`${base}/healthz`);
    expect(bad.status).toBe(503);
    expect(await bad.json()).toEqual({ ok: false, zalo: "paused" });
  });
});

describe("refuse", () => {
  it("answers with the status and text and asks to close the connection", async () => {
    const { base } = await start([{ method: "POST", path: "/r", handle: (_req, res) => refuse(res, 413, "Payload too large") }]);
    const res = await fetch(`${base}/r`, { method: "POST", body: "x" });
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    expect(await res.text()).toBe("Payload too large\n");
  });
});
