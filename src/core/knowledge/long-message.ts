import { fold } from "../fold.js";

/**
 * A long message read as what it asks: its question clauses in order ("1) … 2) …", "…, còn …", "… và khi nào …"),
 * greetings, self-introductions, thanks and apologies dropped, and the context worth keeping put with the first.
 */
export interface LongMessage {
  /**
   * The questions, in order. The first carries the context (the sentences that neither greet, introduce, thank nor
   * ask: they may name the subject); the second and later keep their marker ("còn …", "và …", "and …"), so each is
   * read as a follow-up of the one before.
   */
  parts: string[];
  /** The context alone, when there is one: what a later question may be about when the first question's entry is not. */
  subject?: string;
}

/** Fewest words of a message read by {@link readLongMessage}: shorter messages are searched whole. */
const MIN_WORDS = 14;

/**
 * Greetings, alone in their clause: "Kính chào anh chị", "Kính gửi anh/chị phụ trách", "Dạ em chào anh ạ", "Chào Trợ lý", "Hi there",
 * "Good afternoon". Folded.
 */
const GREETING = /^(da |vang |a )?((em|toi|minh|chau|con|chi|anh) )?(kinh |xin )?chao( \S+){0,3}$|^kinh gui( \S+){0,4}$|^(hi|hello|hey|dear|greetings|good (morning|afternoon|evening|day))( \S+){0,3}$/;

/** Thanks and apologies for asking: "Em cảm ơn nhiều", "Thanks in advance", "Xin lỗi làm phiền". Folded. */
const THANKS =
  /\b(cam on|cam ow|thank|thanks|thx|xin loi (lam phien|vi lam phien|da lam phien)|lam phien (anh|chi|ban|em|a|c)|sorry (to bother|for bothering)|many thanks|much appreciated|mong (anh chi|anh|chi|ban|quy anh chi|tro ly) (som )?(phan hoi|tra loi|giai dap|ho tro|giup)|looking forward to (your|a) (reply|answer))\b/;

/**
 * The asker asking how to pass the answer on, in a clause of its own: "em trả lời sao ạ", "em nên báo cáo lại thế
 * nào", "trả lời sếp thế nào cho đúng", "how should I reply". It asks nothing of the plan: the questions around it are
 * what is asked. Folded.
 */
const HOW_TO_REPLY =
  /^((vay|the|thi) )?((em|minh|toi|chau|con|tui|chung em|bon em) )?(nen |phai |se |can )?(tra loi|bao cao|bao lai|noi|phan hoi|giai trinh)( lai)?( (sep|lanh dao|cap tren|thu truong|giam doc|truong phong|anh ay|chi ay|ong ay|ba ay)( (em|minh))?)? (sao|the nao|ra sao|nhu the nao|nhu nao|lam sao)( (cho dung|cho chuan|cho hop ly|day|vay|a|nhi|nhe|ha|anh|chi|ad|admin|oi|anh chi))*$|^(so )?(how|what) (should|do|can|shall) (i|we) (answer|reply|respond|tell|say)( (him|her|them|my boss|my manager|my director|back))?$/;

/**
 * Whose question the asker passes on, as a clause of its own: "Sếp hỏi:", "Chị trưởng phòng em hỏi là:", "a trưởng
 * phòng nhờ e hỏi:", "My director asks:". The question relayed is what is asked. Folded.
 */
const RELAYED_BY =
  /^((da|vang) )?((anh|chi|co|chu|bac|ong|ba|a|c) )?(sep|sepp|lanh dao|truong phong|pho phong|giam doc|pho giam doc|thu truong|chu tich|pho chu tich|bi thu|cap tren|truong ban|chanh van phong)( (em|e|minh|toi|chung em|ben em))?( (co|vua|moi|dang|nho|muon|can))?( nho (em|e|minh|toi))? (hoi|biet)( lai)?( (em|e|minh|toi))?( (la|rang|ve))?$|^(my |our )?(boss|manager|director|supervisor|head of (department|unit))( (has|just))? (asks|asked|wants to know|would like to know|is asking)( me)?$/;

/**
 * Who the person is, where they work, or what they are doing, said of themselves: "tôi là cán bộ văn thư tại…",
 * "em ở phòng Kinh tế xã…", "chị bên văn phòng HĐND-UBND xã", "em đang viết báo cáo…", "I'm a new IT officer at…",
 * "I'm drafting a memo for my director…", "quick one from the Department of Home Affairs". Folded; only at the start
 * of a sentence or clause. Their words (a ward, a department, a job) are about the asker, never the answer.
 */
const INTRO = new RegExp(
  [
    "^((da|vang|xin chao|chao) )?(toi|em|minh|chi|anh|chau|con|tui|bon minh|chung toi) (la|lam|o|ben|tai|thuoc|phu trach|cong tac|dang lam|dang cong tac|dang o|moi (chuyen|ve|vo|vao|nhan)|vua (chuyen|ve|nhan)|hien (la|dang)|dang (viet|soan|chuan bi|tong hop|lam (bao cao|to trinh|cong van|bai))|duoc (giao|phan cong)|(can|phai|muon|dang can) (tra loi|bao cao|trinh|bao lai|giai trinh) (lanh dao|sep|cap tren|thu truong|giam doc|chu tich)|nho (la|rang)|(can|muon) biet (de|vi))\\b",
    "^(i need to|i have to|i must) (brief|answer|report|update|reply)",
    "^(i m|im|i am|we re|we are|i work|i ve just|i just|i recently|this is) ",
    "^(quick (one|question) )?from (the|a|an|our) ",
    "^(my|our) (manager|director|boss|leader|team|department|office|unit) ",
  ].join("|"),
);

/** Words that make a clause a question. Folded; matched as whole words. */
const ASKS = new RegExp(
  "\\b(" +
    [
      "khi nao", "bao gio", "luc nao", "ngay nao", "thang nao", "nam nao", "thoi gian nao", "la gi", "cai gi", "viec gi", "gi", "j",
      "nao", "may", "bao nhieu", "bao lau", "bn", "ai", "o dau", "dau", "sao", "the nao", "ra sao", "co phai", "phai khong", "dung khong", "hay khong", "duoc khong",
      "cho (em|minh|toi|chau|con) hoi", "xin hoi", "hoi (la|ve)", "nho (ban|anh|chi|em|tro ly)", "giai thich", "nhac giup", "tom tat",
      "liet ke", "cho biet", "giup (em|minh|toi)",
      "what", "when", "who", "whom", "which", "where", "why", "how", "whether", "is it", "are there", "does", "did",
      "could", "would", "should", "tell me", "explain", "list",
    ].join("|") +
    ")\\b",
);

/**
 * Reads a long message (fourteen words or more, with at least one greeting, introduction, thanks or second question)
 * as {@link LongMessage}; undefined for a message that is one plain question, which is searched whole.
 *
 * ```ts
 * readLongMessage("Chào anh, em ở phòng Kinh tế xã mới bên Châu Đức. Mã định danh điện tử hạn khi nào, còn chữ ký số thì sao? Em cảm ơn.")
 * // { parts: ["Mã định danh điện tử hạn khi nào", "còn chữ ký số thì sao"] }
 * ```
 */
export function readLongMessage(message: string): LongMessage | undefined {
  if (message.trim().split(/\s+/).length < MIN_WORDS) return readTwoQuestions(message);
  const context: string[] = [];
  const parts: string[] = [];
  const intros: string[] = [];
  let dropped = false;
  for (const sentence of sentences(message)) {
    const kept = clauses(sentence).filter((c) => {
      const f = fold(c);
      const intro = INTRO.test(f) && !asksOf(f);
      const drop = f.length === 0 || GREETING.test(f) || (THANKS.test(f) && !asksOf(f)) || intro || HOW_TO_REPLY.test(f) || RELAYED_BY.test(f);
      if (intro) intros.push(c);
      if (drop) dropped = true;
      return !drop;
    });
    if (kept.length === 0) continue;
    const text = withoutWords(kept.join(", "), ASKER_STATE);
    if (!asksOf(fold(text)) && !/\?\s*$/.test(sentence)) context.push(text);
    else parts.push(...questionParts(text));
  }
  if (parts.length === 0 || (!dropped && parts.length < 2)) return undefined;
  // "email cũ của tỉnh tôi", "Sở bên mình", "our ward": the question is about the asker's own place, which only the
  // introduction names. The message is then searched whole, the introduction's place holding the answer to it.
  // "Sở em" after "em là chuyên viên ở Sở KH&CN Bà Rịa - Vũng Tàu": the unit the introduction names takes its place.
  for (let i = 0; i < parts.length; i++) parts[i] = withOwnUnit(parts[i]!, intros);
  if (parts.some((p) => SELF_REFERENCE.test(fold(p)))) return undefined;
  const [first, ...rest] = parts;
  return { parts: [withContext(context, first!), ...rest], ...(context.length > 0 ? { subject: context.join(". ") } : {}) };
}

/** Fewest words of a short message read as two questions by {@link readTwoQuestions}. */
const MIN_WORDS_TWO = 8;
/** Fewest words of each of its two questions. */
const MIN_CLAUSE_WORDS = 4;
/** A second clause that asks another value of the first one's subject ("…, sđt bao nhiêu", "…, địa chỉ ở đâu"): one
 * question with two values, searched whole so the answer is held to both. Folded. */
const ANOTHER_VALUE = /^(so dien thoai|sdt|dien thoai|hotline|email lien he|dia chi|ho ten|ten|phone|phone number|address|name|e ?mail address)\b/;

/** A second clause that only asks the first one's answer as a list ("…, list giúp e với", "…, liệt kê giúp mình"):
 * one question. Folded. */
const ONLY_LIST_REQUEST = /^(list|liet ke|ke ra|ke ten|ke het|list ra)( ra| het| ten)?( (giup|dum|gium|cho|ho))?( (e|em|minh|toi|anh|chi|a|c|ad))?( (voi|nhe|nha|nhe|a|di|luon))*$/;

/** A follow-up marker opening a second clause ("and when official", "còn chính thức khi nào"). Folded. */
const MARKED_SECOND = /^(and|con|the con|what about|how about)\b/;

/**
 * A short message that is two questions side by side, each with its own question word, split at a comma, ";" or "?"
 * ("gđ1 với gđ2 khác nhau chỗ nào, gđ2 khi nào xong", "mail tạo xong trước ngày nào; 1022 chạy chính thức ngày
 * nào"): read as {@link LongMessage}, the second after the first. Undefined for any other short message: a question
 * then a guess ("…, tất cả phường luôn hả?") or a clause that asks nothing is one question.
 */
function readTwoQuestions(message: string): LongMessage | undefined {
  if (message.trim().split(/\s+/).length < MIN_WORDS_TWO) return undefined;
  const all = message
    .replace(/[\s.!?…]+$/u, "")
    .split(/[,;?]\s+/u)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
  // "giai đoạn 2 xong khi nào, em trả lời sao ạ": the asker's "how do I pass it on" goes; what is left is asked.
  const two = all.filter((c) => !HOW_TO_REPLY.test(fold(c)));
  if (two.length === 1 && all.length === 2) return { parts: two };
  if (two.length !== 2) return undefined;
  const ok = two.every((c, i) => {
    const f = fold(c);
    // "so khcn lam gi, ttcds lam gi": a short second clause asking what the first asks, of something else.
    // "…? and when official?": a short second clause opening with a follow-up marker, a word of its own after its
    // question word, is a follow-up of the first.
    const marked = i === 1 && MARKED_SECOND.test(f) && f.split(" ").length >= 3;
    const long = f.split(" ").length >= MIN_CLAUSE_WORDS || marked || (i === 1 && asksTheSame(fold(two[0]!), f));
    return long && ASKS.test(f) && !GREETING.test(f) && !THANKS.test(f) && !INTRO.test(f) && !SELF_REFERENCE.test(f);
  });
  return ok && !ANOTHER_VALUE.test(fold(two[1]!)) && !ONLY_LIST_REQUEST.test(fold(two[1]!)) ? { parts: two } : undefined;
}

/**
 * Whether folded clause `b` ends with the words `a` ends with, its question word among them, after a subject of its
 * own ("so khcn bd lam gi" and "ttcds lam gi", "qlvb chay chinh thuc khi nao" and "1022 khi nao"; not "bao nao" and
 * "ngay nao", one question asking two values).
 */
function asksTheSame(a: string, b: string): boolean {
  const [x, y] = [a.split(" "), b.split(" ")];
  for (let n = Math.min(3, y.length - 1); n >= 1; n--) {
    const tail = y.slice(-n).join(" ");
    // The question word lies in the shared words: "ngày nào" after "báo nào" asks another value of one question.
    const asked = ASKS.exec(b);
    if (x.length > n && x.slice(-n).join(" ") === tail && asked && asked.index >= b.length - tail.length) return true;
  }
  return false;
}

/**
 * A piece split at each comma whose clause asks what the clause before it asks, of something else ("mail công vụ thì
 * Sở KH&CN làm gì, TTCĐS làm gì"); the piece whole when none does.
 */
function parallelParts(piece: string): string[] {
  const out: string[] = [];
  let last = "";
  for (const clause of piece.split(/,\s+/u)) {
    const f = fold(clause);
    if (out.length > 0 && !asksTheSame(last, f)) out[out.length - 1] = `${out[out.length - 1]}, ${clause}`;
    else out.push(clause);
    last = f;
  }
  return out;
}

/**
 * The first question with the context before it. A question pointing back at the context ("Hai việc này nằm ở giai
 * đoạn mấy", "hai mốc này là hạn của việc gì") loses its pointer and is read as one clause with the context, so no
 * window of the message can be the pointer alone ("hai việc này" is no subject).
 */
function withContext(context: readonly string[], question: string): string {
  if (context.length === 0) return question;
  const bare = withoutWords(question, POINTER);
  if (bare !== question && bare.length > 0) return `${context.join(" ").replace(/[,:;]/gu, "")} ${bare}`;
  return `${context.join(". ")}. ${question}`;
}

/**
 * The words of `text` without the folded phrases `pattern` finds (matched on whole folded words), spacing tidied.
 * The text keeps its diacritics: the phrases are found in its folded form, word for word.
 */
function withoutWords(text: string, pattern: RegExp): string {
  const words = text.split(/\s+/u).filter((w) => w.length > 0);
  const folded = words.map((w) => fold(w));
  const joined = folded.join(" ");
  // Each folded word's start offset in the joined string.
  const starts: number[] = [];
  let at = 0;
  for (const f of folded) {
    starts.push(at);
    at += f.length + 1;
  }
  const drop = new Set<number>();
  for (const m of joined.matchAll(new RegExp(pattern.source, "g"))) {
    const from = m.index;
    const to = from + m[0].length;
    starts.forEach((s, i) => {
      if (s >= from && s < to) drop.add(i);
    });
  }
  if (drop.size === 0) return text;
  return words
    .filter((_, i) => !drop.has(i))
    .join(" ")
    .replace(/\s+([,.;:?!])/gu, "$1")
    .replace(/^[\s,;:]+/u, "")
    .trim();
}

/**
 * What the asker remembers, forgot or was told to do, said around the question: "Em nhớ là …", "… nhưng quên mất
 * là …", "Anh hướng dẫn bảo em tìm hiểu …", "I remember …", "I forgot …". Folded, on word boundaries.
 */
const ASKER_STATE = new RegExp(
  [
    "\\b((em|toi|minh|chi|anh) )?(nho la|nho rang|nho mang mang|nhu nho)\\b",
    "\\b(nhung )?((em|toi|minh|chi|anh) )?quen mat( la)?\\b",
    // "… chị phó chủ tịch nhờ em hỏi lại là …": who relays the question, with the words that lead into it.
    "\\b((anh|chi|sep|lanh dao|thu truong|truong phong|giam doc|co|thay)( (pho chu tich|chu tich|pho giam doc|giam doc|truong phong|pho phong|thu truong|bi thu))? )?(huong dan|giao|bao|dan|yeu cau|nho) (bao )?(em|toi|minh|chau) (tim hieu|doc|xem|hoi|kiem tra|tra cuu|tong hop)( lai)?( (la|rang))?\\b",
    "\\bi (remember|recall|forgot|forget)( that)?\\b",
    // "my director asked me to confirm …": who relays the question, in English.
    "^((dear|hi|hello) \\S+ )?(my |our )?(boss|manager|director|supervisor|chair|chairman|chairwoman|leader|head of (department|unit))( (has|just|has just))? (asked|asks|told|wants|would like) (me|us) to (confirm|check|verify|find out|ask( you)?( about)?)( (that|whether|if))?\\b",
    // "Em thấy trong kế hoạch có nhắc tới …": where the asker saw it.
    "^(em|toi|minh|chi|anh) (thay|doc thay|co doc thay|thay co|doc)\\b",
    // "Phòng em bên Thủ Dầu Một cũ đang cần biết …", "bên mình muốn biết …": the asker's own need, before the question.
    "^(\\S+ ){0,6}?(em|minh|toi|chung toi|chung em|bon minh)( \\S+){0,6}? (dang |rat )?(can|muon) biet\\b",
    // "… để lên kế hoạch chuyển đổi": what the asker needs the answer for, at the end of the question.
    "\\bde (len|lam|xay dung|chuan bi|sap xep|bo tri) (ke hoach|lich|bao cao|to trinh|phuong an)( \\S+){0,4}$",
    // "… lúc nào vậy anh", "… khi nào ạ chị": whom the message addresses, at its end.
    "( (vay|a|nhe|nha|nhi|ha|oi))*( (anh chi|anh|chi|ban|ad|admin|tro ly))( (a|nhe|nha|nhi|oi|voi))*$",
  ].join("|"),
);

/** Asking for help, around a question: "Anh chị giải thích giúp em", "nhờ bạn tóm tắt giúp", "nhắc giúp em với". Folded. */
const REQUEST =
  /\b((anh chi|anh|chi|ban|em|tro ly|nho ban|nho anh|nho chi|nho em) )?(giai thich|nhac|tom tat|noi|tra loi|cho biet|xem) (giup|dum|gium|ho) ((em|minh|toi|chau|chi|anh)( voi)?)?/;

/** The asker's own place or unit: "tỉnh tôi", "xã mình", "Sở bên mình", "đơn vị em", "my province", "our ward". Folded. */
const SELF_REFERENCE =
  /\b(tinh|xa|phuong|so|don vi|co quan|quan|huyen|dia phuong|ben|phong) (cua )?(toi|em|minh|chung toi|bon minh|tui|chung em)\b|\b(my|our) (province|ward|commune|department|unit|office|agency|district|area)\b/;

/** Kinds of unit a person names as their own ("Sở em", "xã mình"), folded, as they start the unit's name. */
const OWN_UNIT = /\b(so|xa|phuong|tinh|don vi|co quan|phong) (cua )?(toi|em|minh|chung toi|bon minh|tui|chung em)\b/;

/**
 * A question with the asker's own unit ("Sở em", "xã mình") replaced by the unit of that kind an introduction names
 * by a proper name ("Sở KH&CN Bà Rịa - Vũng Tàu (cũ)" → "Sở KH&CN Bà Rịa - Vũng Tàu"; a remark in brackets goes).
 * The question unchanged when no introduction names one ("tôi là công chức một tỉnh cũ").
 */
function withOwnUnit(question: string, intros: readonly string[]): string {
  const own = OWN_UNIT.exec(fold(question));
  if (!own) return question;
  for (const intro of intros) {
    const words = intro.split(/\s+/u);
    // "số" folds like "Sở": only "Sở", or "so" typed without marks, starts a department's name.
    const at = words.findIndex((w, i) => fold(words.slice(i, i + own[1]!.split(" ").length).join(" ")) === own[1] && (own[1] !== "so" || /^s(ở|o)$/iu.test(w)));
    if (at < 0) continue;
    // A kind word with no proper name after it ("em ở xã", "một tỉnh cũ") names nothing.
    const next = words[at + own[1]!.split(" ").length];
    if (next === undefined || !/^[\p{Lu}\d]/u.test(next)) continue;
    const name = words.slice(at).join(" ").replace(/\s*\([^)]*\)/gu, "").trim();
    return replaceFolded(question, own[0], name.split(" ").slice(0, MAX_UNIT_WORDS).join(" "));
  }
  // "em là văn thư một phường mới thành lập … phường em được triển khai … khi nào": a ward or commune introduced by
  // no name is any new one, and the plan's deadlines for all of them answer ("phường em" is read as "phường").
  if ((own[1] === "phuong" || own[1] === "xa") && intros.some((i) => new RegExp(`\\b${own[1]} (moi|vua|duoc|nho|o|thuoc)\\b`).test(fold(i)))) {
    return replaceFolded(question, own[0], own[1] === "phuong" ? "phường" : "xã");
  }
  return question;
}

/** Most words of a unit's name taken from an introduction. */
const MAX_UNIT_WORDS = 8;

/** `text` with the words whose folded form is `folded` (whole words, first match) replaced by `by`. */
function replaceFolded(text: string, folded: string, by: string): string {
  const words = text.split(/\s+/u);
  const n = folded.split(" ").length;
  const at = words.findIndex((_, i) => fold(words.slice(i, i + n).join(" ")) === folded);
  return at < 0 ? text : [...words.slice(0, at), by, ...words.slice(at + n)].join(" ");
}

/**
 * A pointer back at what the context named: "hai việc này", "các mốc đó", "những hệ thống trên", "these two dates".
 * Folded.
 */
const POINTER =
  /\b((ca )?(hai|2|ba|3|cac|nhung|ca) )?(viec|moc|han|cai|noi dung|hang muc|thu|van de|muc) (nay|do|ay|tren)\b|\bthese (two |three )?(things|dates|items|tasks|deadlines|milestones)\b|\bboth of them\b/;

/** "… không ạ", "… chưa vậy": particles that ask only at the end of a clause (mid-clause they negate). Folded. */
const ASKS_AT_END = /\b(khong|ko|k|chua|hok|hem|hong)( (a|vay|ha|nhi|nhe|anh|chi|em|ban|ad))*$/;

/** Whether a folded clause asks something. */
function asksOf(folded: string): boolean {
  return ASKS.test(folded) || ASKS_AT_END.test(folded);
}

/**
 * The sentences of a message: split after ".", "!", "?" and at line breaks. A full stop inside a name or a number
 * ("TP.HCM", "0274.1022") is followed by no space and ends nothing.
 */
function sentences(message: string): string[] {
  return message
    .split(/(?<=[.!?…])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The comma-separated clauses of a sentence, its final punctuation removed. */
function clauses(sentence: string): string[] {
  return sentence
    .replace(/[\s.!?…]+$/u, "")
    .split(/,\s+|:\s+/u)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** A number before a question: "1) …", "(2) …", "a) …". */
const NUMBER_MARK = /(?:^|[\s:;,])(?:\(?\d\)|[a-d]\))\s+/u;

/**
 * A request that asks nothing of its own: "Anh nhắc giúp em với ạ", "nhờ bạn trả lời giúp", "please help". Folded.
 */
const POLITE_ONLY = /^((anh|chi|em|ban|minh|toi|tro ly|ad|admin|a|c|e|nho|nhac|giup|giup do|voi|nha|nhe|nhi|duoc|khong|ko|cho|hoi|xin|vui long|lam on|tra loi|giai dap|ho|dum|gium|please|help|me|us|can|could|you|kindly)( |$))+$/;

/**
 * The questions of one question sentence: split at numbers ("1) … 2) …", "a) … b) …"), at ";" and at a clause that
 * starts another question ("…, còn giai đoạn 2 dự kiến khi nào", "… và bao giờ thì chạy chính thức", "…, and how
 * long …"). Each later part keeps its marker, so it is read as a follow-up of the one before. A part without a
 * question word of its own ("và đề xuất phương án") stays with the part before it.
 */
function questionParts(sentence: string): string[] {
  const numbered = NUMBER_MARK.test(sentence);
  const pieces = sentence
    .split(/(?:^|[\s:;,])(?:\(?\d\)|\d\.|[a-d]\))\s+|;\s*|,\s*(?=(?:và|với|còn|thế còn|vậy còn|and|also)\s)|\s+(?=(?:và|còn|and)\s+(?:khi nào|bao giờ|lúc nào|hạn|ai|ở đâu|bao nhiêu|mấy|có|phải|cần|what|when|who|which|where|how|whether|is|are|does|do|can)\b)/iu)
    .map((p) => p.replace(/^[\s:;,]+|[\s:;,]+$/gu, "").replace(/^(?:\(?\d\)|[a-d]\))\s+/u, ""))
    .filter((p) => p.length > 0)
    .flatMap(parallelParts);
  const out: string[] = [];
  // "Tính từ hôm nay thì | còn bao nhiêu ngày …": a first piece asking nothing leads into the question after it.
  let lead = "";
  for (const p of pieces.filter((x) => !POLITE_ONLY.test(fold(x)))) {
    if (out.length > 0 && !asksOf(fold(p))) out[out.length - 1] = `${out[out.length - 1]}, ${p}`;
    else if (out.length === 0 && !numbered && !asksOf(fold(p))) lead = `${lead} ${p}`.trim();
    else {
      out.push(lead ? `${lead} ${p}` : p);
      lead = "";
    }
  }
  if (lead) out.push(lead);
  // "Anh chị giải thích giúp em …", "nhắc giúp em": the request around a question is not its subject.
  for (let i = 0; i < out.length; i++) {
    const bare = withoutWords(out[i]!, REQUEST);
    if (fold(bare).length > 0) out[i] = bare;
  }
  // The words before the first number ("Chị có 2 câu nhờ em:") announce the questions and ask nothing themselves.
  if (numbered && out.length > 1 && /^\D*\b(2|3|hai|ba|two|three|vai|mot so|a few|several) (cau|cau hoi|viec|y|van de|questions?|things)\b/.test(fold(out[0]!))) out.shift();
  return out;
}
