import { fold } from "../../src/core/fold.js";
import { type EntryUnits, isNotStated } from "../../src/core/knowledge/answer-type.js";
import type { Knowledge } from "../../src/core/knowledge/types.js";
import { toPlain } from "../../src/core/reply.js";
import { createTestApp, textFrom } from "./app.js";

/**
 * The entry a question is answered with, or undefined when it is not answered: refused, or shown only to say the
 * value asked is not known (`unsupplied`).
 */
export function answeredWith(kb: Knowledge, q: string): string | undefined {
  const r = kb.search(q);
  return r.decision !== "none" && r.best !== undefined && r.best.unsupplied !== true ? r.best.entry.id : undefined;
}

/** An entry made of answer sentences as written (units are their folded words), for the answer-type rules. */
export function entryOf(...sentences: string[]): EntryUnits {
  const each = sentences.map((text) => ({ units: fold(text).split(" "), notStated: isNotStated(fold(text)), folded: fold(text), raw: text }));
  return { text: each.flatMap((s) => s.units), raw: sentences.join(" "), questions: [], milestones: [], sentences: each };
}

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** One message in the chat of `user`, answered as plain text. */
export async function askIn(app: TestApp, text: string, user = "u1"): Promise<string> {
  return (await app.assistant.handle(textFrom(user, text))).map((r) => toPlain(r.text)).join("\n");
}

/** A question, then a follow-up in the same chat of a fresh assistant on `now`: the follow-up's answer. */
export async function followUpAnswer(first: string, second: string, now: string): Promise<string> {
  const app = await createTestApp({ now });
  await askIn(app, first);
  const answer = await askIn(app, second);
  await app.store.close();
  return answer;
}

/** Each question in a chat of its own (users u1, u2, …) of one fresh assistant on `now`: the answers in order. */
export async function askEachAlone(now: string, ...questions: string[]): Promise<string[]> {
  const app = await createTestApp({ now });
  const out: string[] = [];
  let n = 0;
  for (const q of questions) out.push(await askIn(app, q, `u${++n}`));
  await app.store.close();
  return out;
}
