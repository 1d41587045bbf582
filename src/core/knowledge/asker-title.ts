import { fold } from "../fold.js";

/** Office titles a person gives themselves (folded words), longest first: "phó giám đốc" before "giám đốc". */
const TITLES: readonly (readonly string[])[] = [
  "pho chu tich", "chu tich", "pho giam doc", "giam doc", "pho bi thu", "bi thu", "truong phong", "pho truong phong", "truong ban",
  "chanh van phong", "pho chanh van phong", "lanh dao", "thu truong", "director", "deputy director", "chairman", "chairwoman",
  "chairperson", "chair", "head", "secretary", "mayor",
]
  .map((t) => t.split(" "))
  .sort((a, b) => b.length - a.length);

/** "tôi là", "em hiện là", "mình đang là", "I'm the", "I am a": the asker saying what they are (folded words). */
const SELF = /^(toi|em|minh|tui|chi|anh|i|im)$/;
const BE = new Set(["la", "am", "m", "hien", "dang", "the", "a", "an", "dc", "duoc", "moi", "vua"]);

/**
 * The message without the office titles its asker gives themselves, so "Tôi là giám đốc Sở KH&CN Bình Dương. Sở tôi
 * có nhiệm vụ gì…" is not read as asking who the director is: the title is who asks, the agency stays (it is what
 * "Sở tôi" means). Two forms are read: a title after "tôi là" / "I'm the", and a title opening a label before a colon
 * that asks nothing ("Chủ tịch UBND phường mới đây: phường tôi phải…"). A title said of someone else ("Chủ tịch TP
 * yêu cầu…", "ai là giám đốc") is kept.
 */
export function withoutAskerTitle(message: string): string {
  const raw = message.split(/(\s+)/);
  // Word positions in `raw` (odd entries are the spaces between words).
  const words = raw.map((w, i) => (i % 2 === 0 ? fold(w) : "")).map((w) => w.replace(/\s+/g, ""));
  const drop = new Set<number>();
  const titleAt = (i: number): number => {
    const found = TITLES.find((t) => t.every((w, j) => words[i + 2 * j] === w));
    return found ? found.length : 0;
  };
  const dropTitle = (i: number, length: number) => {
    for (let j = 0; j < length; j++) drop.add(i + 2 * j);
  };
  for (let i = 0; i < raw.length; i += 2) {
    if (!SELF.test(words[i]!)) continue;
    let k = i + 2;
    while (k < raw.length && BE.has(words[k]!)) k += 2;
    if (k === i + 2 && words[i] !== "im") continue;
    const length = titleAt(k);
    if (length > 0) dropTitle(k, length);
  }
  // A label before a colon: "Chủ tịch UBND phường mới đây:", "Giám đốc sở hỏi:".
  const colon = message.indexOf(":");
  if (colon > 0 && !ASKS.test(fold(message.slice(0, colon)))) {
    const length = titleAt(0);
    if (length > 0) dropTitle(0, length);
  }
  if (drop.size === 0) return message;
  return raw
    .map((w, i) => (drop.has(i) ? "" : w))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** Question words: a label before a colon that has one is a question, not who asks (folded). */
const ASKS = /\b(khi nao|bao gio|ngay nao|la gi|gi|nao|may|bao nhieu|ai|o dau|sao|when|what|who|which|where|how)\b/;
