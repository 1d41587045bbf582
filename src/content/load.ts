import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { parse } from "yaml";
import type { Content } from "../core/content/schema.js";
import { type RawContentFile, validateContent } from "../core/content/validate.js";
import { FileProblemError } from "../core/errors.js";

/** Reads every `.yaml`/`.yml` file under `dir` (recursively), parsed but not yet validated. */
export async function readContentFiles(dir: string): Promise<RawContentFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: true })).map(String);
  } catch (error) {
    throw new FileProblemError(`content: cannot read the folder ${dir} (${(error as Error).message}). Set CONTENT_DIR to the content folder.`);
  }
  const files: RawContentFile[] = [];
  for (const name of names.filter((n) => /\.ya?ml$/i.test(n)).sort()) {
    const file = relative(dir, join(dir, name)).split("\\").join("/");
    const text = await readFile(join(dir, name), "utf8");
    try {
      files.push({ file, data: parse(text, { prettyErrors: true }) });
    } catch (error) {
      files.push({ file, parseError: (error as Error).message.split("\n")[0] });
    }
  }
  return files;
}

/**
 * Loads and validates `content/`. Throws a {@link FileProblemError} listing every problem,
 * each with file, entry and field, so a coordinator can fix them all in one go.
 */
export async function loadContent(dir: string): Promise<Content> {
  const result = validateContent(await readContentFiles(dir));
  if (!result.ok) throw new FileProblemError(`content: ${result.problems.length} problem(s) in ${dir}`, result.problems.map((p) => `content: ${p}`));
  return result.content;
}
