import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parse } from "yaml";
import type { App } from "../../src/app.js";
import type { CommandContext } from "../../src/core/command.js";
import { composeAnswer, loadAnswerData } from "../../src/core/knowledge/answer.js";
import { atLocal, dayOf } from "../../src/core/time.js";
import { textFrom } from "../helpers/app.js";
import { yamlFiles } from "./blind-format.js";

/** A case of the older sets: the expected FAQ entry id, or `none` for a question to refuse. */
export interface IdCase {
  q: string;
  expect: string;
  now?: string;
  lang?: "vi" | "en";
  file: string;
}

/** The id-scored sets: every YAML file directly in `dir` (sub-folders hold the text-scored sets). */
export function loadIdCases(dir: string): IdCase[] {
  return yamlFiles(dir).flatMap((file) => (parse(readFileSync(file, "utf8")) as Omit<IdCase, "file">[]).map((c) => ({ ...c, file: basename(file) })));
}

/** One id case's outcome. */
export interface IdResult {
  c: IdCase;
  got: string;
  ok: boolean;
  detail: string;
}

/** Searches one id case the way the assistant does (without recording it) and compares the entry chosen. */
export async function runIdCase(app: App & { clock: { now(): Date } }, c: IdCase): Promise<IdResult> {
  const now = c.now ? atLocal(c.now, "09:00") : app.clock.now();
  const message = textFrom("eval", c.q);
  const ctx: CommandContext = {
    message,
    actor: await app.assistant.actorOf(message),
    lang: c.lang ?? "vi",
    services: app.services,
    now,
    today: dayOf(now),
    via: "text",
  };
  const { result, answered } = composeAnswer(ctx, c.q, await loadAnswerData(ctx));
  // A referral entry (a forgotten password: ask your unit's IT) is the right entry even though it counts as unanswered.
  // So is an entry that says the value asked for is not known (it is shown, and the question stays unanswered).
  const got = answered || result.best?.entry.referral === true || result.best?.unsupplied === true ? result.best!.entry.id : "none";
  return { c, got, ok: got === c.expect, detail: `${result.decision}, units: ${result.units.join(" ")}` };
}
