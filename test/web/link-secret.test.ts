import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileProblemError } from "../../src/core/errors.js";
import { loadLinkSecret } from "../../src/web/link-secret.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "link-secret-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("loadLinkSecret", () => {
  it("uses LINK_SECRET when it is set and writes no file", async () => {
    const secret = "s".repeat(40);
    await expect(loadLinkSecret(secret, join(dir, "db.json"))).resolves.toBe(secret);
    await expect(stat(join(dir, "link-secret"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("generates a long random secret on first run beside the data file, readable by the owner only", async () => {
    const secret = await loadLinkSecret(undefined, join(dir, "db.json"));
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const file = join(dir, "link-secret");
    expect((await readFile(file, "utf8")).trim()).toBe(secret);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it("reuses the generated secret on the next start", async () => {
    const first = await loadLinkSecret(undefined, join(dir, "db.json"));
    const second = await loadLinkSecret(undefined, join(dir, "db.json"));
    expect(second).toBe(first);
  });

  it("gives each data folder its own secret", async () => {
    const other = await mkdtemp(join(tmpdir(), "link-secret-b-"));
    try {
      expect(await loadLinkSecret(undefined, join(dir, "db.json"))).not.toBe(await loadLinkSecret(undefined, join(other, "db.json")));
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it("refuses a secret file shorter than 32 characters and does not overwrite it", async () => {
    const file = join(dir, "link-secret");
    await writeFile(file, "too-short\n");
    const error = await loadLinkSecret(undefined, join(dir, "db.json")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileProblemError);
    expect((error as Error).message).toMatch(/shorter than 32 characters/);
    expect((error as Error).message).toMatch(/LINK_SECRET/);
    expect(await readFile(file, "utf8")).toBe("too-short\n");
  });

  it("refuses a secret path that cannot be read as a file, and says what to do", async () => {
    const { mkdir } = await import("node:fs/promises");
    await mkdir(join(dir, "link-secret"));
    const error = await loadLinkSecret(undefined, join(dir, "db.json")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileProblemError);
    expect((error as Error).message).toMatch(/could not be read/);
  });
});
