/**
 * Headless Chromium for real-browser tests: Debian's `chromium` package (installed by `.ci/run`), driven
 * by playwright-core with a new empty profile. Nothing is downloaded (never `playwright install`).
 * {@link chromiumProblem} says why the browser cannot run here, so tests can skip with that message.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Launches Chromium with a fresh profile; `close()` stops it and deletes the profile. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), "board-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 30_000 });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Why Chromium cannot run on this machine, or undefined when it can (tried once by launching it). */
export async function chromiumProblem(): Promise<string | undefined> {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium; .ci/run does it)`;
  try {
    const browser = await launchChromium();
    await browser.close();
    return undefined;
  } catch (error) {
    return `${CHROMIUM} could not start: ${(error as Error).message.split("\n")[0]}`;
  }
}
