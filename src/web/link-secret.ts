import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { FileProblemError } from "../core/errors.js";

/**
 * The secret that signs file links: LINK_SECRET when set, otherwise one generated on first run and
 * kept beside the data file (`data/link-secret`, readable by the owner only), so links survive restarts.
 * An unreadable or too short file is refused, never overwritten.
 */
export async function loadLinkSecret(configured: string | undefined, dataFile: string): Promise<string> {
  if (configured) return configured;
  const path = join(dirname(dataFile), "link-secret");
  try {
    const text = (await readFile(path, "utf8")).trim();
    if (text.length < 32) {
      throw new FileProblemError(`${path}: the link secret is shorter than 32 characters; nothing was overwritten`, [
        "delete the file to generate a new one (links already sent stop working), or set LINK_SECRET",
      ]);
    }
    return text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      if (error instanceof FileProblemError) throw error;
      throw new FileProblemError(`${path}: the link secret could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, [
        "check the file's permissions, or set LINK_SECRET",
      ]);
    }
  }
  const secret = randomBytes(32).toString("hex");
  try {
    await writeFile(path, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process created it between our read and write: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return (await readFile(path, "utf8")).trim();
    throw new FileProblemError(`${path}: the link secret could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`, [
      "make the data folder writable, or set LINK_SECRET",
    ]);
  }
  return secret;
}
