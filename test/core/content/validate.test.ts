import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { readContentFiles } from "../../../src/content/load.js";
import { parseDue } from "../../../src/core/content/schema.js";
import { validateContent } from "../../../src/core/content/validate.js";

describe("the bundled content", () => {
  it("passes every schema and cross-reference check", async () => {
    const result = validateContent(await readContentFiles("content"));
    if (!result.ok) throw new Error(result.problems.join("\n"));
    expect(result.content.faq.length).toBeGreaterThanOrEqual(40);
    expect(result.content.milestones.length).toBeGreaterThanOrEqual(15);
  });

  it("has the plan's key deadlines", async () => {
    const result = validateContent(await readContentFiles("content"));
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const due = new Map(result.content.milestones.map((m) => [m.id, m.due]));
    expect(due.get("email-lists")).toBe("2025-05-10");
    expect(due.get("email-accounts")).toBe("2025-06-10");
    expect(due.get("video-conference-state")).toBe("2025-05-15");
    expect(due.get("document-management-pilot")).toBe("2025-06-15");
    expect(due.get("document-management-rollout")).toBe("2025-08-15");
    expect(due.get("document-management-official")).toBe("2025-09-01");
    expect(due.get("hotline-1022-plan")).toBe("2025-06");
    expect(due.get("hotline-1022-official")).toBe("2025-09-01");
  });
});

describe("validateContent on a broken copy", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tlhn-content-"));
    await cp("content", dir, { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const edit = async (file: string, change: (data: any) => void) => {
    const path = join(dir, file);
    const data = parse(await readFile(path, "utf8"));
    change(data);
    await writeFile(path, stringify(data));
  };

  it("reports ten different problems, each with its file and path", async () => {
    await edit("milestones.yaml", (ms) => {
      ms[0].due = "31-02-2025"; // 1: not a date
      ms[1].responsible = ["so-khong-ton-tai"]; // 2: unknown agency
      ms[2].coordinator = "nobody"; // 3: unknown coordinator
      ms[3].id = ms[4].id; // 4: duplicate id
      delete ms[5].title; // 5: missing field
      ms[6].phase = 3; // 6: bad enum
      ms[7].colour = "red"; // 7: unknown field
    });
    await edit("faq/email.yaml", (entries) => {
      entries[0].milestones = ["no-such-milestone"]; // 8: unknown milestone
      entries[1].source = "no-such-source"; // 9: unknown source
    });
    await writeFile(join(dir, "glossary.yaml"), "- terms: [a, b]\n  meaning: [unclosed"); // 10: YAML syntax

    const result = validateContent(await readContentFiles(dir));
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    const expectOne = (pattern: RegExp) => expect(problems.some((p) => pattern.test(p)), `${pattern} in\n${problems.join("\n")}`).toBe(true);
    expectOne(/^milestones\.yaml › [\w-]+ › due: "31-02-2025" is not a due date \(use YYYY-MM-DD/);
    expectOne(/^milestones\.yaml › [\w-]+ › responsible\[0\]: unknown agency "so-khong-ton-tai"/);
    expectOne(/^milestones\.yaml › [\w-]+ › coordinator: unknown agency "nobody"/);
    expectOne(/^milestones\.yaml › [\w-]+: duplicate id/);
    expectOne(/^milestones\.yaml › [\w-]+ › title: is missing/);
    expectOne(/^milestones\.yaml › [\w-]+ › phase: must be 1 or 2/);
    expectOne(/^milestones\.yaml › [\w-]+ › \(entry\): unknown field\(s\) colour/);
    expectOne(/^faq\/email\.yaml › [\w-]+ › milestones\[0\]: unknown milestone "no-such-milestone"/);
    expectOne(/^faq\/email\.yaml › [\w-]+ › source: unknown source "no-such-source"/);
    expectOne(/^glossary\.yaml: cannot be parsed as YAML/);
  });
});

describe("root causes", () => {
  it("reports a milestone's bad date once, without follow-on 'unknown milestone' errors where it is referenced", async () => {
    const { readContentFiles } = await import("../../../src/content/load.js");
    const files = await readContentFiles("content");
    const milestones = files.find((f) => f.file === "milestones.yaml")!.data as { id: string; due: string }[];
    const referenced = new Set(
      files.filter((f) => f.file.startsWith("faq/")).flatMap((f) => (f.data as { milestones?: string[] }[]).flatMap((e) => e.milestones ?? [])),
    );
    const victim = milestones.find((m) => referenced.has(m.id))!;
    victim.due = "31-02-2025";
    const result = validateContent(files);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([`milestones.yaml › ${victim.id} › due: "31-02-2025" is not a due date (use YYYY-MM-DD, YYYY-MM, or a range like 2025-05..2025-08)`]);
  });
});

describe("parseDue", () => {
  it("reads days, months and ranges, and rejects impossible dates", () => {
    expect(parseDue("2025-05-10")).toMatchObject({ precision: "day", start: "2025-05-10", end: "2025-05-10" });
    expect(parseDue("2025-05")).toMatchObject({ precision: "month", start: "2025-05-01", end: "2025-05-31" });
    expect(parseDue("2025-05..2025-08")).toMatchObject({ precision: "range", start: "2025-05-01", end: "2025-08-31" });
    expect(parseDue("2025-02-29")).toBeNull();
    expect(parseDue("2025-13")).toBeNull();
    expect(parseDue("2025-08..2025-05")).toBeNull();
    expect(parseDue("15/05/2025")).toBeNull();
  });
});
