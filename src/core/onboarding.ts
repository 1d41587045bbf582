/**
 * The topic buttons of the greeting: the most asked topics of the past 30 days, then the
 * knowledge base's own order, each as a button that asks that topic's shortest question.
 */
import type { Services } from "./command.js";
import type { QuestionDay, Store } from "./ports.js";
import type { FaqEntry } from "./content/schema.js";
import type { Button } from "./reply.js";
import { addDays } from "./time.js";

/** Callback data limit of Telegram, which every button payload must respect. */
export const MAX_PAYLOAD_BYTES = 64;

/** The UTF-8 length of a payload. */
export function payloadBytes(payload: string): number {
  return new TextEncoder().encode(payload).length;
}

/** The days of question statistics the greeting ranks topics by: the past 30 days up to `today`. */
export function loadTopicDays(store: Store, today: string): Promise<QuestionDay[]> {
  return store.questions.days(addDays(today, -30), today);
}

/**
 * Up to `count` buttons for the most asked topics, ranked by `days` ({@link loadTopicDays}). A button opens the entry with `xemthem <id>` when
 * that command exists, and otherwise asks the topic's shortest question with `hoi …`.
 */
export function topicButtons(services: Pick<Services, "content" | "commands">, days: readonly QuestionDay[], count = 4): Button[] {
  const { content, commands } = services;
  const asked = new Map<string, number>();
  for (const day of days) {
    for (const [topic, n] of Object.entries(day.topics)) asked.set(topic, (asked.get(topic) ?? 0) + n);
  }
  const firstEntry = new Map<string, FaqEntry>();
  for (const entry of content.faq) if (!firstEntry.has(entry.topic)) firstEntry.set(entry.topic, entry);
  const order = [...firstEntry.keys()];
  const topics = order.sort((a, b) => (asked.get(b) ?? 0) - (asked.get(a) ?? 0) || order.indexOf(a) - order.indexOf(b));
  const canOpen = commands.some((c) => c.name === "xemthem");
  const buttons: Button[] = [];
  for (const topic of topics) {
    if (buttons.length >= count) break;
    const entry = firstEntry.get(topic)!;
    // Vietnamese questions carry diacritics; the English ones in the knowledge base do not.
    const vietnamese = entry.questions.filter((q) => /[^\x00-\x7f]/.test(q));
    const question = [...(vietnamese.length > 0 ? vietnamese : entry.questions)].sort((a, b) => a.length - b.length)[0]!;
    const payload = canOpen ? `xemthem ${entry.id}` : `hoi ${question}`;
    if (payloadBytes(payload) <= MAX_PAYLOAD_BYTES) buttons.push({ label: question, payload });
  }
  return buttons;
}
