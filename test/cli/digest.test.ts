import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCaptured, useDigestDataFile } from "../helpers/cli.js";
import { fixtureContent, fixtureStore } from "../core/digest/fixture.js";

const fixture = useDigestDataFile("digest-cli-");

async function cli(...args: string[]) {
  const r = await runCliCaptured(args, { env: fixture.env });
  return { code: r.code, stdout: r.out, stderr: r.err };
}

describe("cli digest", () => {
  it("prints the same text as the golden file for --now 2025-06-16", async () => {
    const r = await cli("digest", "--now", "2025-06-16");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(await readFile("test/core/digest/__golden__/digest.txt", "utf8"));
  });

  it("prints Markdown, CSV and HTML with --format", async () => {
    expect((await cli("digest", "--now", "2025-06-16", "--format", "md")).stdout).toMatch(/^# 📊 Tổng hợp tuần 09\/06–15\/06\/2025/);
    expect((await cli("digest", "--now", "2025-06-16", "--format", "csv")).stdout).toMatch(/^\uFEFFMã mốc,/);
    expect((await cli("digest", "--now", "2025-06-16", "--format", "html")).stdout).toContain("&lt;VPN&gt;");
  });

  it("writes the chart with --format png --out FILE", async () => {
    const file = join(fixture.dir, "chart.png");
    const r = await cli("digest", "--now", "2025-06-16", "--format", "png", "--out", file);
    expect(r.code).toBe(0);
    const png = await readFile(file);
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it("refuses png without --out, a bad day and an unknown format, saying what to type", async () => {
    expect((await cli("digest", "--format", "png")).stderr).toContain("add --out FILE");
    expect((await cli("digest", "--now", "16/06/2025")).stderr).toContain("use YYYY-MM-DD");
    const bad = await cli("digest", "--format", "pdf");
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining("text, md, csv, html, png")]);
  });

  it("leaves the data unchanged: no digest run is recorded and no snapshot is stored", async () => {
    const before = await readFile(fixture.env.DATA_FILE!, "utf8");
    await cli("digest", "--now", "2025-06-16");
    expect(await readFile(fixture.env.DATA_FILE!, "utf8")).toBe(before);
    expect(await stat(`${fixture.env.DATA_FILE!}.lock`).catch(() => null)).toBeNull();
  });
});

describe("cli digest --now means 'as of'", () => {
  it("leaves out statuses recorded after that day, and the output equals the digest without them", async () => {
    const content = await fixtureContent();
    const other = await mkdtemp(join(tmpdir(), "digest-asof-"));
    try {
      const store = await fixtureStore(content, join(other, "db.json"));
      // A status from 2026, far after the digest day: it must not change the 2025-06-16 digest.
      const pair = (await store.statuses.latest())[0]!;
      await store.statuses.append({ id: "from-2026", kind: "status", milestoneId: pair.milestoneId, agencyId: pair.agencyId, status: pair.status === "done" ? "blocked" : "done", userKey: "telegram:999", role: "coordinator", channel: "telegram", at: "2026-03-02T02:00:00.000Z" });
      await store.close();
      const r = await runCliCaptured(["digest", "--now", "2025-06-16"], { env: { ...fixture.env, DATA_FILE: join(other, "db.json") } });
      expect(r.code).toBe(0);
      expect(r.out).toBe(await readFile("test/core/digest/__golden__/digest.txt", "utf8"));
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
