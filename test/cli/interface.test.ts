import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliCommands } from "../../src/cli/run.js";
import { digestFromStore } from "../../src/core/digest/build.js";
import { digestSections } from "../../src/core/digest/sections.js";
import { openStore } from "../../src/store/open-store.js";
import { atLocal } from "../../src/core/time.js";
import { fixtureContent } from "../core/digest/fixture.js";
import { runCliCaptured, useDigestDataFile } from "../helpers/cli.js";

const fixture = useDigestDataFile("cli-interface-");

describe("the operator CLI behaves like one", () => {
  it.each(cliCommands.map((c) => c.name))("prints usage for `%s --help` and exits 0", async (name) => {
    const { code, out, err } = await runCliCaptured([name, "--help"], { env: fixture.env });
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out).toMatch(new RegExp(`^Usage: npm run cli -- ${name}`));
  });

  it("turns a folder that does not exist into one line with the fix, not a stack trace", async () => {
    const out = join(fixture.dir, "missing", "digest.txt");
    const r = await runCliCaptured(["digest", "--now", "2025-06-16", "--out", out], { env: fixture.env });
    expect(r.code).toBe(1);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain(`digest: cannot write ${out}: the folder ${join(fixture.dir, "missing")} does not exist (create it first`);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("gives an option without its value as one line", async () => {
    const r = await runCliCaptured(["digest", "--format"], { env: fixture.env });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^digest: option --format needs a value\. Usage: npm run cli -- digest .*\n$/);
  });

  it("reports a bad milestone date in `check` once, without follow-on unknown-milestone errors", async () => {
    const content = join(fixture.dir, "content");
    await cp("content", content, { recursive: true });
    const file = join(content, "milestones.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace('due: "2025-09-01"', 'due: "31-02-2025"'));
    const r = await runCliCaptured(["check", content]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split("\n")).toEqual([
      `content: 1 problem(s) in ${content}`,
      expect.stringMatching(/^ {2}- content: milestones\.yaml › [\w-]+ › due: "31-02-2025" is not a due date \(use YYYY-MM-DD/),
    ]);
  });

  it("shows an open-ended plan range in words, never a sentinel date", async () => {
    const r = await runCliCaptured(["plan", "--from", "2026-12-01"]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain("9999");
    expect(r.out).toContain("Không có lời nhắc nào từ 01/12/2026 trở đi.");
  });

  it("writes the HTML digest as a complete, print-friendly document with the chat digest's sections", async () => {
    const r = await runCliCaptured(["digest", "--now", "2025-06-16", "--format", "html"], { env: fixture.env });
    expect(r.code).toBe(0);
    const html = r.out;
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">/);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
    expect(html).toContain("@media print");
    expect(html).toContain("&lt;VPN&gt;");
    const store = await openStore({ file: fixture.env.DATA_FILE!, readOnly: true });
    const digest = await digestFromStore(await fixtureContent(), store, atLocal("2025-06-16", "08:00"));
    await store.close();
    const { head, details } = digestSections(digest);
    const titles = [...head, ...details].map((s) => s.title).filter((t): t is string => t !== undefined);
    const headings = [...html.matchAll(/<h[12]>([^<]+)<\/h[12]>/g)].map((m) => m[1]);
    expect(headings).toEqual(titles.map((t) => t.replace(/&/g, "&amp;")));
    // Lists are real lists, so a browser breaks lines where the chat did.
    expect((html.match(/<li>/g) ?? []).length).toBeGreaterThan(5);
    expect(await readFile("test/core/digest/__golden__/digest.txt", "utf8")).toContain(titles[1]!);
  });
});
