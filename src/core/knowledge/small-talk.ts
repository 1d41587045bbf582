import { t } from "../command.js";
import type { Lang } from "../dates.js";
import { fold } from "../fold.js";

/** The kinds of small talk the assistant answers before searching. */
export type SmallTalkKind = "greeting" | "thanks" | "who" | "help" | "bye" | "ack" | "empty";

/** Folded phrases that mark each kind, checked in this order (thanks before greeting: "chào, cảm ơn nhé"). */
const MARKERS: [SmallTalkKind, string[]][] = [
  ["thanks", ["cam on", "thank", "thanks", "tks", "thx", "cam ta"]],
  ["who", ["ban la ai", "la ai", "who are you", "what are you", "ban ten gi", "ten gi", "bot gi"]],
  ["help", ["lam duoc gi", "giup duoc gi", "biet gi", "hoi gi", "hoi duoc gi", "huong dan", "tro giup", "help", "what can you do", "how does this work", "how to use", "su dung the nao", "dung the nao"]],
  ["bye", ["tam biet", "bye", "goodbye", "hen gap lai"]],
  ["greeting", ["xin chao", "chao", "hello", "hi", "hey", "alo", "good morning", "good afternoon", "good evening"]],
  ["ack", ["ok", "oke", "okie", "okay", "vang", "da", "u", "uh", "um", "roi", "duoc", "hieu roi", "got it", "great", "tot", "hay"]],
];

/** Words that may surround small talk without making it a question ("chào bạn nhé", "cảm ơn anh chị nhiều ạ"). */
const SURROUNDING = new Set(
  (
    "a ad admin ban bot tro ly anh chi em minh toi oi nhe nha nhieu lam rat a vay the nhi ha hen you very much so lot " +
    "the assistant there all everyone moi nguoi ca nha nhe ne nghen nhen cac a oi co the co ban dang it is who what are " +
    "can do you la ai gi lam duoc giup biet hoi huong dan su dung tro giup ten how does this work to use chao xin hello hi " +
    "ai hey alo good morning afternoon evening cam on thank thanks tks thx ta tam biet bye goodbye hen gap lai ok oke okie okay " +
    "vang da u uh um roi hieu got it great tot hay dung"
  ).split(" "),
);

/**
 * Whether a message is small talk rather than a question, and which kind. The whole message must be small talk:
 * "chào anh chị, cho em hỏi khi nào có email mới" is a question. Messages without letters or digits ("???", "👍")
 * are `empty`.
 */
export function smallTalkKind(text: string): SmallTalkKind | undefined {
  const folded = fold(text);
  if (folded.length === 0) return "empty";
  const words = folded.split(" ");
  if (words.length > 8 || !words.every((w) => SURROUNDING.has(w))) return undefined;
  const padded = ` ${folded} `;
  for (const [kind, phrases] of MARKERS) if (phrases.some((p) => padded.includes(` ${p} `))) return kind;
  return undefined;
}

const EXAMPLES: Record<Lang, string[]> = {
  vi: ["Khi nào có tài khoản email công vụ mới?", "Hệ thống quản lý văn bản vận hành chính thức từ ngày nào?", "Kế hoạch liên tịch gồm mấy giai đoạn?"],
  en: ["When will the new official e-mail accounts be created?", "When does the document management system go live?", "How many phases does the joint plan have?"],
};

/** A short, polite reply to small talk, with example questions where they help. */
export function smallTalkReply(kind: SmallTalkKind, lang: Lang): string {
  const examples = [t(lang, "Ví dụ, anh/chị có thể hỏi:", "For example, you can ask:"), ...EXAMPLES[lang].map((q) => `• ${q}`)].join("\n");
  const intro = t(
    lang,
    "Tôi là Trợ lý Hợp nhất: tôi trả lời câu hỏi về kế hoạch liên tịch bảo đảm vận hành các hệ thống thông tin của TP.HCM, Bình Dương và Bà Rịa - Vũng Tàu sau hợp nhất, và nhắc các mốc thời hạn.",
    "I am the Merger Assistant: I answer questions about the joint plan that keeps the information systems of HCMC, Binh Duong and Ba Ria - Vung Tau running after the merger, and I remind you of its deadlines.",
  );
  const commands = t(lang, "Gõ /lich để xem các mốc thời hạn, /help để xem các lệnh.", "Type /deadlines for the deadlines, /help for the commands.");
  switch (kind) {
    case "thanks":
      return t(lang, "Dạ, không có gì ạ. Anh/chị cần hỏi thêm về kế hoạch hợp nhất, xin cứ nhắn cho tôi.", "You are welcome. If you have more questions about the merger plan, just ask.");
    case "bye":
      return t(lang, "Dạ, chào anh/chị. Khi cần, anh/chị cứ nhắn câu hỏi cho tôi.", "Goodbye. Ask me any time.");
    case "ack":
      return t(lang, "Dạ. Anh/chị cần hỏi thêm điều gì, xin cứ nhắn cho tôi.", "All right. If you need anything else, just ask.");
    case "greeting":
      return [t(lang, "Xin chào anh/chị!", "Hello!"), intro, examples, commands].join("\n");
    case "who":
      return [intro, examples, commands].join("\n");
    case "help":
    case "empty":
      return [
        kind === "empty" ? t(lang, "Xin vui lòng gõ câu hỏi bằng chữ.", "Please type your question in words.") : intro,
        examples,
        commands,
      ].join("\n");
  }
}
