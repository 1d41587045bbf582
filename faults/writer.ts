/**
 * A child process for the fault runs: opens the store on argv[2] and appends status records as fast as it can,
 * printing "ack <id>" after each one is acknowledged (on disk). With argv[3] = "journal" it claims handled-update keys
 * and sets chat topics instead (the journals), printing "ack <key>". With argv[3] = "lock-only" it only takes the
 * lock, prints "locked", and waits. Logs go through the real logger, including an error whose URL carries the
 * bot token, so the token grep has something to find if redaction ever breaks.
 */
import { HttpError } from "grammy";
import { createLogger } from "../src/logger.js";
import { openStore } from "../src/store/open-store.js";

const TOKEN = process.env.FAULT_TOKEN ?? "";
const log = createLogger("info", { secrets: [TOKEN] });

async function main(): Promise<void> {
  const file = process.argv[2]!;
  const mode = process.argv[3] ?? "write";
  let store;
  try {
    store = await openStore({ file, lockStaleMs: 2000 });
  } catch (error) {
    process.stdout.write(`refused ${(error as Error).message.split("\n")[0]}\n`);
    process.exitCode = 3;
    return;
  }
  log.error({ err: new HttpError(`Network request for 'sendDocument' failed! https://api.telegram.org/bot${TOKEN}/sendDocument`, new Error(`connect ECONNRESET bot${TOKEN}`)) }, "faults: a logged send failure");
  if (mode === "lock-only") {
    process.stdout.write("locked\n");
    await new Promise((resolve) => setTimeout(resolve, Number(process.argv[4] ?? 3000)));
    await store.close();
    return;
  }
  const prefix = `${process.pid}-${Date.now()}`;
  if (mode === "journal") {
    // The per-message journals: a handled-update key and the chat's topic, several in flight at once.
    for (let i = 0; ; i++) {
      await Promise.all(
        [0, 1, 2].map(async (j) => {
          const key = `${prefix}-${i}-${j}`;
          const at = new Date().toISOString();
          await Promise.all([store.inbound.claim(`zalo|${key}`, at), store.topics.set({ chatKey: `zalo:${j}`, entryId: `e${i}`, question: key, lang: "vi", at })]);
          process.stdout.write(`ack ${key}\n`);
        }),
      );
    }
  }
  for (let i = 0; ; i++) {
    const id = `${prefix}-${i}`;
    // Several in flight at once, as under load.
    await Promise.all(
      [0, 1, 2].map(async (j) => {
        await store.statuses.append({ id: `${id}-${j}`, kind: "status", milestoneId: "m", agencyId: `a${j}`, status: "on-track", userKey: "telegram:1", role: "lead", channel: "telegram", at: new Date().toISOString() });
        process.stdout.write(`ack ${id}-${j}\n`);
      }),
    );
  }
}

main().catch((error: unknown) => {
  process.stdout.write(`error ${(error as Error).message}\n`);
  process.exitCode = 1;
});
