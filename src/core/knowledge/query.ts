import type { GlossaryGroup, LexiconEntry } from "../content/schema.js";
import { MONTH_WORDS_EN } from "../dates.js";
import { fold } from "../fold.js";
import { createGlossaryCanon, type GlossaryCanon } from "./glossary.js";
import { createNormaliser } from "./normalise.js";

/**
 * Filler phrases (folded) that carry no topic: politeness, question words, particles.
 * They are dropped from the index and the query alike, so "khi nào" or "cho tôi hỏi"
 * never decide which entry wins. Longer phrases are removed before shorter ones.
 */
export const FILLER_PHRASES: readonly string[] = [
  // Vietnamese: politeness and address
  "cho toi hoi", "cho em hoi", "cho minh hoi", "cho chau hoi", "cho hoi", "xin hoi", "toi muon hoi", "em muon hoi",
  "muon hoi", "xin cho biet", "cho biet", "vui long", "lam on", "giup toi", "giup em", "giup minh", "cam on",
  "ad oi", "admin oi", "ban oi", "anh chi", "a oi",
  // Formal requests ("Kính đề nghị quý Trung tâm cho biết …", "Kính mong quý cơ quan thông tin giúp …", "Trân trọng đề
  // nghị làm rõ …"): the request's words. Not "quý" alone: "quý 1/2026" is a quarter.
  "kinh de nghi", "tran trong de nghi", "de nghi", "kinh mong", "tran trong", "quy trung tam", "quy co quan", "quy don vi",
  "quy so", "quy ban", "quy vi", "quy anh chi", "lam ro", "cung cap thong tin ve", "cung cap thong tin", "thong tin giup",
  "xin thong tin ve", "xin thong tin",
  // Who the message is addressed to ("… vậy mn", "cả nhà ơi"): never the topic.
  "moi nguoi oi", "moi nguoi", "ca nha oi", "ca nha",
  // "kế hoạch nói sao", "nói gì về…": what the sources say, which every answer is.
  "noi sao", "noi gi", "noi the nao",
  // Vietnamese: question words and particles
  "la sao", "the sao", "lam sao", "ngay may", "hom nao", "thang may", "tu ngay nao", "con bao nhieu ngay", "bao nhieu ngay nua",
  "con may ngay", "con may ngay nua", "may ngay nua", "may ngay", "con bao lau nua", "con bao lau", "bao lau nua", "so may",
  // Today and this week as the point a question is asked from ("hạn HNTH tuần này là thứ mấy", "tính tới hôm nay … bao
  // nhiêu ngày rồi"): the answer's countdown already counts from today. Not "hôm nay" alone: "giá vàng hôm nay",
  // "hôm nay âm lịch là ngày mấy" ask of today itself, which the plan never covers.
  "tinh toi hom nay", "tinh den hom nay", "tinh toi nay", "tinh den nay", "cho toi nay", "cho den nay", "den hom nay",
  "toi hom nay", "trong tuan nay", "tuan nay", "tuan toi", "tuan sau", "as of today", "up to today", "to date",
  "thang nay", "duoc khong", "co phai", "phai khong", "dung khong", "hay khong", "hay chua", "chua a", "the a", "vay a",
  // Single words. Words that fold onto a topic word stay out: "dang" (Đảng), "hoi" (hội), "ha" (hạ tầng),
  // "sao" (sao lưu), "chua" (chưa nhận), "muon" (muộn), "de" (đề xuất), "chi" (chỉ đạo), "anh" (phản ánh),
  // "ngay" (ngày ban hành), "nhieu" (bao nhiêu). "an" and "may" are safe: "phương án", "máy chủ" are kept whole.
  "a", "oi", "nhe", "nha", "nhi", "vay", "day", "ak", "ah", "ui", "the", "gi", "nao", "khong", "ko", "k",
  "duoc", "cua", "cho", "voi", "va", "hay", "hoac", "cac", "nhung", "mot", "thi", "ma", "la", "o", "toi", "em",
  "minh", "ad", "admin", "nay", "do", "roi", "nua", "se", "da", "phai", "xin", "an", "may",
  "giup", "ve", "trong", "tu", "den", "nhu", "bi", "thuoc", "xong",
  // The pointer of speech: "cái phần mềm gửi công văn ấy" is the software (the classifier "cái" goes before folding, see
  // CLASSIFIER: "cai" typed without marks may be "cài", to install).
  "ay",
  // "có" and "hết" ("triển khai hết các phường") say nothing of the topic; "cơ quan", "cơ sở", "hết hạn" are kept
  // whole (KEEP_PHRASES, the lexicon). "thì sao" without a previous topic is only a question mark.
  "co", "het", "biet", "thi sao", "the con", "con ve", "duoc chua", "chua vay", "vay ta",
  // "hả" ends a question ("chạy chính thức hả"); "hạ tầng" is kept whole (KEEP_PHRASES). Hearsay ("nghe nói có SSO")
  // says where the person heard it, not what they ask.
  "ha", "nghe noi", "nghe bao", "nghe dau", "nghe dn", "thay bao", "thay noi",
  // "kế hoạch có nhắc tới X không", "does the plan mention X": asking whether X is covered says nothing of X.
  "nhac toi", "nhac den", "de cap den", "de cap toi", "mention", "mentions", "mentioned",
  // What the asker says of themselves, not of the topic: "1022 là cái gì vậy, em mới vô làm".
  "moi vo lam", "moi vao lam", "moi di lam", "moi nhan viec",
  // English
  "please", "thanks", "thank you", "which", "why", "is", "are", "was", "were", "of",
  "to", "for", "does", "did", "will", "would", "be", "i", "me", "we", "our", "in", "at", "and", "or", "there", "this",
  "that", "it", "its", "by", "from", "have", "has", "been", "far", "about", "any", "get", "should", "you", "your",
  "if", "then", "am", "with", "into", "can", "could", "many", "much", "day", "until", "long", "both", "include",
  "my", "us", "all", "still", "yet", "who", "whom", "need", "know", "tell", "must", "use", "used", "using", "going",
  "got", "make", "made", "really", "just", "also", "like", "want", "an", "the", "a", "on", "do", "some",
  "went", "please", "hi", "hello", "oh", "ok", "by", "as", "anything", "something", "everything", "whether", "they", "them", "every", "each",
  "those", "these", "had", "in a nutshell", "nutshell", "in short", "in brief", "briefly",
  // The language the answer is asked in ("…, in English pls", "trả lời bằng tiếng Anh"): a request, never the topic.
  "answer in english", "reply in english", "respond in english", "in english", "english please", "english pls",
  "answer in vietnamese", "in vietnamese", "tra loi bang tieng anh", "tra loi tieng anh", "bang tieng anh",
  "tra loi bang tieng viet", "tra loi tieng viet", "bang tieng viet",
  // English chat openers: "hey, quick one: …", "btw", "just wondering".
  "hey", "hey there", "quick one", "quick question", "real quick", "btw", "by the way", "just wondering", "wondering", "i wonder",
  "pls", "plz", "guys", "folks",
  // Forms of address ("sir pls what is 1022 system"): to whom, never what is asked.
  "sir", "madam", "maam", "ma am",
  // Formal English requests ("Kindly advise the timeframe for …", "We would be grateful if you could indicate which …",
  // "I wish to enquire about …"): the request's words, never the topic. "advise" alone is kept: phase 2 advises the
  // People's Committee.
  "kindly advise", "please advise", "advise me", "advise us", "kindly", "grateful",
  "appreciate", "appreciated", "indicate", "let me know", "let us know", "kindly confirm", "please confirm", "could you confirm",
  "can you confirm", "wish to enquire", "wish to inquire", "enquire", "inquire",
];

/**
 * Phrases kept as one token because one of their words folds onto another word:
 * "phương án" is not "phường", "số lượng" not "lương", "hạ tầng" not "tăng", "máy chủ" not "mấy".
 */
const KEEP_PHRASES: readonly string[] = [
  "phuong an", "phuong thuc", "phuong phap", "phuong tien", "phuong huong", "xa hoi", "so luong", "chat luong",
  "dung luong", "ha tang", "nen tang", "may chu", "may tinh", "may in", "dien thoai",
  // "an" is a filler, but not in "công an" (police); "lịch" alone is any schedule, "lịch nghỉ" the holidays.
  "cong an", "lich nghi",
  // "nhà" folds onto the particle "nha" (a filler): "hntt nha nuoc" is the state side, not "hntt … nước".
  "nha nuoc",
  // "có" is a filler, but not in "cơ quan", "cơ sở", "cơ chế".
  "co quan", "co so", "co che",
];

/**
 * The classifier "cái" as written with its mark ("cái phần mềm gửi công văn", "cái mail cơ quan"): it only points at
 * the thing named after it. Dropped before folding, since "cài" (to install) folds onto the same "cai"; "cái gì" is a
 * question word and "cái vụ" a phrase of the lexicon: both stay.
 */
const CLASSIFIER = /(?<![\p{L}\p{N}])cái(?=\s+(?!(?:gì|vụ)(?!\p{L}))\p{L})/giu;

/** Prefix of intent tokens: fold never produces "_", so they cannot collide with words. */
export const INTENT_PREFIX = "_";

/**
 * Question words become a few intent tokens ("khi nào", "bao giờ", "when" → `_when`). They help
 * rank ("là gì" points to a definition entry) but weigh little, so "khi nào" never decides alone.
 */
const INTENTS: Record<string, readonly string[]> = {
  // Countdown phrases are "when" questions; kept whole so "bao nhiêu" inside them is not read as a count.
  when: [
    // "hôm nay còn mấy ngày nữa là tới hạn…": today is where a countdown starts, not its topic.
    "hom nay con bao nhieu ngay nua", "hom nay con bao nhieu ngay", "hom nay con may ngay nua", "hom nay con may ngay",
    "tinh den hom nay con", "con bao nhieu ngay nua", "con bao nhieu ngay", "bao nhieu ngay nua", "con may ngay nua", "con may ngay", "may ngay nua",
    "con bao lau nua", "con bao lau", "bao lau nua",
    // "sáp nhập được bao nhiêu ngày rồi", "hạn đã qua mấy ngày": days since a day are a "when" too, not a count of things.
    "da qua bao nhieu ngay", "duoc bao nhieu ngay", "bao nhieu ngay roi", "da qua may ngay", "duoc may ngay", "may ngay roi",
    // "hôm" is a day in speech: "còn mấy hôm nữa phải xong".
    "con bao nhieu hom nua", "con bao nhieu hom", "bao nhieu hom nua", "con may hom nua", "con may hom", "may hom nua", "how many days are left", "how many days left", "how many days remain",
    "how many more days", "how many days", "days remaining", "days left", "days remain", "days left until", "days left till", "days left to",
    "days until", "days till", "how long until", "how long till",
    "khi nao", "bao gio", "luc nao", "thoi diem nao", "ngay nao", "may gio", "khoang thoi gian nao", "thoi gian nao", "ngay thang nam nao", "thang nam nao", "nam nao", "thang nao",
    "on what date", "from what date", "what date", "which date", "by when", "when",
  ],
  // "có mấy cái gì mới" lists things: "mấy" there is no count.
  // "1022 là hệ thống gì", "TTCĐS là cơ quan gì": what a named thing is, with the kind of thing inside the phrase.
  what: [
    "co may cai gi", "may cai gi", "nhung cai gi", "la cai gi", "cai gi", "nghia la gi",
    "la he thong gi", "la phan mem gi", "la co quan gi", "la don vi gi", "la to chuc gi", "la ung dung gi", "la gi", "what is", "what are", "what",
  ],
  how: ["xu ly the nao", "xu ly ra sao", "xu ly sao", "nhu the nao", "the nao", "ra sao", "lam the nao", "how"],
  // "ở hội trường nào", "tại địa điểm nào": a venue asked by its kind is a "where" too.
  where: ["o hoi truong nao", "hoi truong nao", "tai dia diem nao", "o dia diem nao", "dia diem nao", "o cho nao", "tai dau", "o dau", "where"],
  howmany: ["bao nhieu", "how many", "how much", "co may", "gom may"],
  duty: ["lam gi", "phai lam gi", "can lam gi"],
  // Where something stands now: "đã … chưa", "xong chưa", "hiện nay", "bây giờ", "yet", "already". The answer is the
  // same entry (its deadline, said in the past or as a countdown, and the latest reported status).
  status: [
    "da xong chua", "xong het chua", "xong chua", "roi chua", "chua nhi", "hay chua", "chua", "hien nay", "hien tai", "hien gio",
    "bay gio", "gio", "den dau roi", "toi dau roi", "den dau", "toi dau", "den buoc nao", "toi buoc nao", "yet", "already", "now",
    "currently", "current", "at present", "presently", "so far", "at the moment", "by now", "right now", "finished", "completed", "done", "complete",
    // "by when should it be ready": when it is done.
    "ready",
    // "Where does the plan stand?", "what's coming up": where things stand, and what comes next.
    "stand", "stands", "coming up", "sap toi",
    // Whether it is late or on time ("gđ2 trễ hạn chưa", "is phase 2 behind schedule?"): where it stands against its
    // deadline (see lateLine in answer.ts).
    "co bi tre han", "bi tre han", "bi cham tien do", "bi tre tien do", "tre tien do", "tre han", "qua han", "bi tre", "bi cham", "cham tien do", "cham tre", "dung han", "dung tien do",
    "behind schedule", "on schedule", "on time", "overdue", "delayed", "late",
  ],
};

/** A question (or an indexed text) reduced to the words that decide a match. */
export interface AnalyzedText {
  /** The whole text folded (diacritics, case and punctuation removed). */
  folded: string;
  /** The folded text with chat shorthand and slang expanded ("tk mail cua e bi khoa" → "tai khoan mail cua em bi
   * khoa"): what phrase rules read (entities, the value asked). */
  expanded: string;
  /** Topic words in order: glossary concepts in place of their terms, fillers removed, typos corrected. */
  units: string[];
  /** The words of glossary terms that were replaced by concept tokens (a weaker signal, used for the index). */
  parts: string[];
  /** Words that typo correction replaced, as `typed → corrected`. */
  corrections: string[];
}

/** Turns text into {@link AnalyzedText}: fold, correct typos, canonicalise glossary terms, drop fillers. */
export interface Analyzer {
  /** Analyses `text`. `correct` maps a word the index does not know to a close known word (typo tolerance); `prev` is
   * the word typed before it (expanded, not yet corrected), for corrections that need the context. */
  analyze(text: string, correct?: (word: string, prev?: string) => string | undefined): AnalyzedText;
  /** Whether a folded word is part of the analyser's own vocabulary (glossary terms and fillers). */
  knows(word: string): boolean;
  /** {@link AnalyzedText.expanded} alone: the folded text with shorthand expanded, without the rest of the analysis. */
  expand(text: string): string;
  readonly canon: GlossaryCanon;
}

/** Longest folded text analysed: longer questions are cut (Bitap patterns and costs grow with length). */
const MAX_FOLDED = 300;
/** Most words whose stems an analyser keeps (see `stem` in {@link createAnalyzer}). */
const MAX_STEMS = 50_000;

/**
 * Builds the analyser for a glossary and a lexicon of chat shorthand (see {@link createNormaliser}).
 * The index and every query must use the same one.
 */
export function createAnalyzer(glossary: readonly GlossaryGroup[], lexicon: readonly LexiconEntry[] = []): Analyzer {
  const normaliser = createNormaliser(lexicon, glossary);
  const keep: [string, string][] = [
    ...KEEP_PHRASES.map((p): [string, string] => [p, p.replace(/ /g, "")]),
    ...Object.entries(INTENTS).flatMap(([intent, phrases]) => phrases.map((p): [string, string] => [p, `${INTENT_PREFIX}${intent}`])),
  ];
  const canon = createGlossaryCanon(glossary, { keep, normalise: singular });
  // Fillers are read like the text around them: after the stemmer ("there" → "ther").
  const fillers = FILLER_PHRASES.map((p) => p.split(" ").map(singular)).sort((a, b) => b.length - a.length);
  const fillerByFirst = new Map<string, string[][]>();
  for (const f of fillers) fillerByFirst.set(f[0]!, [...(fillerByFirst.get(f[0]!) ?? []), f]);
  const fillerWords = new Set(fillers.flat());
  // Words the analyser itself knows: never "corrected" into something else.
  const ownWords = new Set([...fillerWords, ...keep.flatMap(([phrase]) => phrase.split(" "))]);

  // The stem of each word seen, kept: an index build meets the same few thousand words hundreds of thousands of
  // times. Bounded, since questions bring new words for as long as the process runs.
  const stems = new Map<string, string>();
  const stem = (word: string): string => {
    let s = stems.get(word);
    if (s === undefined) {
      if (stems.size >= MAX_STEMS) stems.clear();
      s = singular(word);
      stems.set(word, s);
    }
    return s;
  };

  const dropFillers = (words: readonly string[]): string[] => {
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      const hit = fillerByFirst.get(words[i]!)?.find((f) => f.every((w, j) => words[i + j] === w));
      if (hit) i += hit.length;
      else out.push(words[i++]!);
    }
    return out;
  };

  const expandFolded = (folded: string) => normaliser.normalise(englishDates(folded.split(" ").filter((w) => w.length > 0)).flatMap(normaliseNumber));

  return {
    canon,
    knows: (word) => ownWords.has(word) || canon.words.has(word),
    expand: (text) => expandFolded(fold(text).slice(0, MAX_FOLDED).trim()).join(" "),
    analyze(text, correct) {
      const folded = fold(text.replace(CLASSIFIER, " ")).slice(0, MAX_FOLDED).trim();
      const corrections: string[] = [];
      const normalised = expandFolded(folded);
      const words = normalised
        .map(stem)
        .map((w, i) => {
          if (!correct || ownWords.has(w) || canon.words.has(w)) return w;
          const fixed = correct(w, normalised[i - 1]);
          if (fixed === undefined || fixed === w) return w;
          corrections.push(`${w} → ${fixed}`);
          return fixed;
        });
      const { units, parts } = canon.canonical(words);
      return { folded, expanded: normalised.join(" "), units: dropFillers(units), parts: dropFillers(parts), corrections };
    },
  };
}

/**
 * Writes dates one way: "15/06/2025" → "15/6" and "2025", "05/2025" → "5/2025". Other words pass unchanged.
 * Content says "15/6" where people type "15/06" or "15/6/2025".
 */

/**
 * English dates written the way content writes dates: "11 june 2025" and "june 11" → "11/6" (and "2025"), "mid june"
 * → "15/6"; a month alone ("in june") is left as it is.
 */
const month = (x: string | undefined) => (x === undefined ? 0 : MONTH_WORDS_EN.indexOf(x) + 1);

function englishDates(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    // "by mid-August" is the middle of the month, the day content writes as "15/8".
    if (w === "mid" && month(next) > 0) {
      out.push(`15/${month(next)}`);
      i++;
    } else if (/^\d{1,2}$/.test(w) && month(next) > 0 && Number(w) <= 31) {
      out.push(`${Number(w)}/${month(next)}`);
      i++;
    } else if (month(w) > 0 && next !== undefined && /^\d{1,2}$/.test(next) && Number(next) <= 31) {
      out.push(`${Number(next)}/${month(w)}`);
      i++;
    } else out.push(w);
  }
  return out;
}

function normaliseNumber(word: string): string[] {
  if (!word.includes("/")) return [word];
  const dm = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(word);
  if (dm) {
    const [, a, b, y] = dm;
    const pair = `${Number(a)}/${Number(b)}`;
    return y ? [pair, y] : [pair];
  }
  const my = /^(\d{1,2})\/(\d{4})$/.exec(word);
  if (my) return [`${Number(my[1])}/${my[2]}`];
  return [word];
}

/**
 * A light English stemmer: plural, "-ing", "-ed" and a final "e" go ("accounts" → "account", "renewed" and
 * "renewing" → "renew", "created" and "create" → "creat"). Index and query share it, so the stems only need to
 * agree with each other. Words shaped like a Vietnamese syllable, short words and abbreviations never change.
 */
export function singular(word: string): string {
  // Abbreviations such as "ttcds" (TTCĐS) have no vowel before the "s" and stay as they are.
  if (word.length < 4 || /\d/.test(word) || isSyllable(word) || !/[aeiouy]/.test(word.slice(0, -1))) return word;
  let w = word;
  if (w.endsWith("s") && !w.endsWith("ss")) {
    if (w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
    else if (/(oes|ches|shes|xes|sses)$/.test(w)) w = w.slice(0, -2);
    else w = w.slice(0, -1);
  }
  if (w.length >= 6 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length >= 5 && w.endsWith("ed")) w = w.slice(0, -2);
  if (w.length >= 5 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;

/**
 * Whether a folded word has the shape of a Vietnamese syllable ("luong", "khoan", "nghiem").
 * Typo correction leaves these alone: "lương" typed without marks is a word, not a typo of "đường".
 */
export function isSyllable(word: string): boolean {
  return SYLLABLE.test(word);
}

/**
 * A Vietnamese syllable typed without the "n" of its final "ng" or "nh", as people do on a phone: "thàh" → "thanh",
 * "hìh" → "hinh", "dùg" → "dung", "trog" → "trong". No syllable ends in a bare "g" or "h" after a vowel, so the reading
 * is unique; the caller keeps it only when the result is a known word. Returns undefined for other words.
 */
export function droppedNasal(word: string): string | undefined {
  if (!/^[a-z]*[aeiouy][gh]$/.test(word)) return undefined;
  const fixed = `${word.slice(0, -1)}n${word.slice(-1)}`;
  return isSyllable(fixed) ? fixed : undefined;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), stopping early
 * once it exceeds `max`. "emial" → "email" is 1.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  // Three rows of the table, reused from call to call (typo correction measures many words per message).
  if (rowBuffer.length < 3 * cols) rowBuffer = new Int32Array(3 * cols + 32);
  let prev2 = rowBuffer.subarray(0, cols).fill(0);
  let prev = rowBuffer.subarray(cols, 2 * cols);
  let cur = rowBuffer.subarray(2 * cols, 3 * cols);
  for (let j = 0; j < cols; j++) prev[j] = j;
  for (let i = 1; i < rows; i++) {
    cur[0] = i;
    let best = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[cols - 1]!;
}

let rowBuffer = new Int32Array(96);
