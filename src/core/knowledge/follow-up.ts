import type { FaqEntry } from "../content/schema.js";
import { fold } from "../fold.js";
import type { TopicRecord } from "../ports.js";
import { INTENT_PREFIX } from "./query.js";

/** How long a chat's last topic stays the context of an elliptical question. */
export const TOPIC_TTL_MS = 30 * 60 * 1000;

/** Words of a follow-up that ask about the same thing again ("ai làm?", "còn bao nhiêu ngày?", "qua chưa?"). */
const GENERIC = new Set(
  (
    "ai lam gui xong qua chua con han het nua lau bao ngay thoi gian tinh den nay hien nay dung ok duoc the sao nao " +
    "who does do done finished over passed yet left days long when how many still is it that what about and then also " +
    "chiu trach nhiem phu trach thuc hien tao cap ket thuc dien ra bat dau start starts end ends deadline"
  ).split(" "),
);

/** A word the system of each FAQ topic is named by: "còn Vũng Tàu thì sao?" after an e-mail answer is about e-mail. */
const TOPIC_WORDS: Record<string, string> = {
  email: "email",
  "hotline-1022": "1022",
  "document-management": "quản lý văn bản",
  "video-conference": "hội nghị truyền hình",
  party: "Đảng",
  phase2: "giai đoạn 2",
  infrastructure: "hạ tầng",
  holidays: "nghỉ lễ",
};

/** Concept tokens that name a system: a follow-up naming one changes the topic rather than narrowing it. */
const SYSTEM_TOKENS = new Set(["email", "1022", "qlvb", "hnth", "cks", "dinhdanhdientu", "ttdl", "mangtruyensolieuchuyendung", "congthongtindientu", "tthc", "sso"]);

/** The chat's last topic if it is recent enough to be the context of this message. */
export function freshTopic(topic: TopicRecord | undefined, now: Date): TopicRecord | undefined {
  if (!topic) return undefined;
  const age = now.getTime() - Date.parse(topic.at);
  return age >= 0 && age <= TOPIC_TTL_MS ? topic : undefined;
}

/**
 * Whether a message reads as a follow-up: it starts "còn…", "thế còn…", "and…", "what about…", ends "… thì sao?",
 * or is short (the caller also checks that it has no answer of its own).
 */
export function hasFollowUpMarker(question: string): boolean {
  const f = fold(question);
  return (
    /^(con|the con|vay con|con ve|the|vay|va|and|what about|how about|also)\b/.test(f) ||
    /\b(thi sao|thi the nao|thi nhu the nao|thi sao a|thi sao vay|ra sao)$/.test(f)
  );
}

/** A follow-up without its marker words: "còn bên Đảng thì sao?" → "bên Đảng" (folded). */
export function withoutMarker(question: string): string {
  return fold(question)
    .replace(/^(the con|vay con|con ve|con|the|vay|va|and|what about|how about|also)\b\s*/, "")
    .replace(/\s*\b(thi sao|thi the nao|thi nhu the nao|thi sao a|thi sao vay|ra sao)$/, "")
    .replace(/^ben\b\s*/, "");
}

/** Whether a follow-up only asks again about the same thing: nothing but question words and generic words. */
export function asksAboutSameThing(units: readonly string[]): boolean {
  return units.every((u) => u.startsWith(INTENT_PREFIX) || GENERIC.has(u));
}

/** Whether the follow-up names a system of its own ("and document management?"). */
export function namesSystem(units: readonly string[]): boolean {
  return units.some((u) => SYSTEM_TOKENS.has(u));
}

/** The words that carry the previous entry's topic into a follow-up (empty when the topic has no such word). */
export function topicWords(entry: FaqEntry): string {
  return TOPIC_WORDS[entry.topic] ?? "";
}
