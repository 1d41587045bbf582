/**
 * A child process for the delivery kill trials: opens the store on argv[2] and runs what main.ts runs at
 * start-up (unconfirmed intents first, then the reminder tick or the weekly digest, per argv[4]), sending
 * every message to the recording server at argv[3], which stands for the messenger. Prints "done" at the end.
 * The parent kills it at a random moment and starts it again on the same files.
 */
import { loadContent } from "../src/content/load.js";
import { createWorkingCalendar } from "../src/core/calendar.js";
import { prepareSend, recoverIntents } from "../src/core/delivery.js";
import { sendWeeklyDigest } from "../src/core/digest/send.js";
import type { Logger, Outbox } from "../src/core/ports.js";
import { toPlain } from "../src/core/reply.js";
import { createFixedClock } from "../src/core/time.js";
import { createReminderJob } from "../src/scheduler/reminders.js";
import { openStore } from "../src/store/open-store.js";

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** The moments the trials run at: a working day with five reminders due, and a Monday for the digest. */
export const FAULT_MOMENTS = { reminders: "2025-05-06T08:30:00+07:00", digest: "2025-06-16T08:00:00+07:00" } as const;

async function main(): Promise<void> {
  const [file, url, what] = [process.argv[2]!, process.argv[3]!, process.argv[4] as keyof typeof FAULT_MOMENTS];
  const content = await loadContent("content");
  const store = await openStore({ file, lockStaleMs: 1000 });
  let id = 0;
  const outbox: Outbox = {
    send: (messages) =>
      Promise.all(
        messages.map(async (m) => {
          // As every outbox does: the intent is marked attempted right before the request (see prepareSend).
          const refused = await prepareSend(m);
          if (refused) return refused;
          const res = await fetch(url, { method: "POST", body: JSON.stringify({ chatKey: m.chatKey, ref: m.ref, text: toPlain(m.reply.text) }) });
          await res.text();
          return { chatKey: m.chatKey, result: res.ok ? ("ok" as const) : ("failed" as const), messageId: String(++id) };
        }),
      ),
  };
  const clock = createFixedClock(FAULT_MOMENTS[what]);
  const deps = { content, calendar: createWorkingCalendar(content.calendar), store, outbox, log: silent, clock, settings: { adminKeys: [], reminderTime: "08:30" } };
  await recoverIntents(deps, clock.now());
  if (what === "reminders") await createReminderJob(deps).tick();
  else await sendWeeklyDigest(deps, clock.now());
  await store.close();
  process.stdout.write("done\n");
}

main().catch((error: unknown) => {
  process.stdout.write(`error ${(error as Error).message}\n`);
  process.exitCode = 1;
});
