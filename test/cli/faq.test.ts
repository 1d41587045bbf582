import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadContent, readContentFiles } from "../../src/content/load.js";
import { validateContent } from "../../src/core/content/validate.js";
import { openStore } from "../../src/store/open-store.js";
import { grantCast, plain, tgText, USERS } from "../core/status/fixtures.js";
import { createTestApp } from "../helpers/app.js";
import { runCliCaptured } from "../helpers/cli.js";

const SALARY = "Lương tháng 7 của cán bộ phường được chi trả khi nào?";
const ODD = "cái hộp thư công vụ mới bao giờ mới xài được đây trời";

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

/** A data file with one coordinator answer (gd1) and one link (gd2), written through the real commands. */
async function dataWithAnswers(): Promise<{ dir: string; dataFile: string; linkedEntry: string }> {
  const dir = await mkdtemp(join(tmpdir(), "faq-export-"));
  dirs.push(dir);
  const dataFile = join(dir, "db.json");
  const store = await openStore({ file: dataFile });
  const app = await createTestApp({ store, admins: ["telegram:1"] });
  await grantCast(store);
  const linkedEntry = app.content.faq.find((e) => e.id === "email-accounts-when")?.id ?? app.content.faq[0]!.id;
  const say = async (id: string, text: string) => {
    const r = await app.assistant.handle(tgText(id, text));
    await store.flush();
    return r.map(plain).join("\n");
  };
  await say(USERS.member, SALARY);
  await say(USERS.coordinator, "/cauhoi");
  expect(await say(USERS.coordinator, "/giaidap 1 Lương tháng 7 được chi trả trước ngày 10/08/2025.")).toContain("gd1");
  await say("402", ODD);
  await say(USERS.coordinator, "/cauhoi");
  expect(await say(USERS.coordinator, `/giaidap 1 =${linkedEntry}`)).toContain("gd2");
  await store.close();
  return { dir, dataFile, linkedEntry };
}

describe("npm run cli -- faq export", () => {
  it("prints the coordinator answers as FAQ entries and the linked questions as comments", async () => {
    const { dataFile, linkedEntry } = await dataWithAnswers();
    const run = await runCliCaptured(["faq", "export"], { env: { DATA_FILE: dataFile, CONTENT_DIR: "content" } });
    expect(run.code).toBe(0);
    const entries = parse(run.out) as { id: string; source: string; questions: string[]; answer: string }[];
    expect(entries).toEqual([
      {
        id: "dpv-gd1-luong-thang-7-cua-can",
        topic: expect.any(String),
        questions: [SALARY],
        keywords: [],
        answer: "Lương tháng 7 được chi trả trước ngày 10/08/2025.",
        milestones: [],
        source: "coordinator-answers",
      },
    ]);
    expect(run.out).toContain("# gd1: Người dùng 301, 09:00 01/05/2025");
    expect(run.out).toMatch(new RegExp(`#   ${linkedEntry} \\(faq/[a-z0-9-]+\\.yaml\\), from gd2:\\n#     - "${ODD}"`));
  });

  it("writes a file that passes the content schema once dropped into content/faq, and check then warns about the store copies", async () => {
    const { dir, dataFile, linkedEntry } = await dataWithAnswers();
    const out = join(dir, "export.yaml");
    const run = await runCliCaptured(["faq", "export", "--out", out], { env: { DATA_FILE: dataFile, CONTENT_DIR: "content" } });
    expect(run.err).toContain("faq: wrote 1 answer(s) and 1 link(s)");

    const content = join(dir, "content");
    await cp("content", content, { recursive: true });
    await cp(out, join(content, "faq", "coordinator-answers.yaml"));
    // The reviewer also adds the linked question to its entry, as the comment says.
    const files = await readContentFiles(content);
    const file = files.find((f) => f.file.startsWith("faq/") && (f.data as { id: string }[]).some((e) => e.id === linkedEntry))!;
    const data = file.data as { id: string; questions: string[] }[];
    data.find((e) => e.id === linkedEntry)!.questions.push(ODD);
    await writeFile(join(content, file.file), stringify(data));

    const result = validateContent(await readContentFiles(content));
    expect(result.ok ? [] : result.problems).toEqual([]);
    const merged = await loadContent(content);
    expect(merged.faq.map((e) => e.id)).toContain("dpv-gd1-luong-thang-7-cua-can");

    // The merged content now answers the question itself, without the coordinator mark.
    const app = await createTestApp({ content: merged });
    const answered = (await app.assistant.handle(tgText("500", SALARY))).map(plain).join("\n");
    expect(answered).toContain("Lương tháng 7 được chi trả trước ngày 10/08/2025.");
    expect(answered).not.toContain("Điều phối viên trả lời ngày");

    const check = await runCliCaptured(["check", content], { env: { DATA_FILE: dataFile } });
    expect(check.code).toBe(0);
    expect(check.err).toContain(
      "content: warning: store: coordinator answer gd1 duplicates content entry dpv-gd1-luong-thang-7-cua-can (faq/coordinator-answers.yaml): the content answers first, so withdraw the store copy in chat with /giaidap rut gd1",
    );
    expect(check.err).toContain(`store: link gd2 (/giaidap … =${linkedEntry}) duplicates content entry ${linkedEntry}`);
  });

  it("check says nothing about the store while content and store do not overlap, or when there is no data file", async () => {
    const { dataFile } = await dataWithAnswers();
    const withStore = await runCliCaptured(["check", "content"], { env: { DATA_FILE: dataFile } });
    expect(withStore.code).toBe(0);
    expect(withStore.err).not.toContain("store:");
    const without = await runCliCaptured(["check", "content"], { env: { DATA_FILE: join(tmpdir(), "no-such-dir-13", "db.json") } });
    expect(without.err).not.toContain("store:");
    expect(await readFile(dataFile, "utf8")).toContain('"coordinatorAnswers"');
  });

  it("refuses anything but export, with the usage", async () => {
    const run = await runCliCaptured(["faq", "import"], { env: {} });
    expect(run.code).toBe(1);
    expect(run.err).toContain("Usage: npm run cli -- faq export [--out FILE]");
  });
});

describe("faq export with no coordinator answers", () => {
  it("prints an empty list, which is still a valid FAQ file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "faq-export-empty-"));
    dirs.push(dir);
    const run = await runCliCaptured(["faq", "export"], { env: { DATA_FILE: join(dir, "db.json"), CONTENT_DIR: "content" } });
    expect(run.code).toBe(0);
    expect(parse(run.out)).toEqual([]);
  });
});
