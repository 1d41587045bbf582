import type { FaqEntry } from "../content/schema.js";
import { MONTH_WORDS_EN } from "../dates.js";
import { fold } from "../fold.js";
import type { TopicRecord } from "../ports.js";
import { INTENT_PREFIX, isSyllable } from "./query.js";

/** How long a chat's last topic stays the context of an elliptical question. */
export const TOPIC_TTL_MS = 30 * 60 * 1000;

/** Words of a follow-up that ask about the same thing again ("ai làm?", "còn bao nhiêu ngày?", "qua chưa?"). */
const GENERIC = new Set(
  (
    "ai lam gui xong qua chua con han het nua lau bao ngay thoi gian tinh den nay hien nay dung ok duoc the sao nao " +
    "who does do done finished over passed yet left days long when how many still is it that what about and then also " +
    "chiu trach nhiem phu trach thuc hien tao cap ket thuc dien ra bat dau start starts end ends deadline " +
    "left remaining to go run runs in charge responsible chay hoat van hanh live work task job due " +
    // "rồi sau đó thì sao", "and after that?", "then what?": what follows, which the previous answer goes on to say.
    "sau roi after afterwards next"
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
    /^(con|the con|vay con|con ve|the|vay|va|and|what about|how about|also|same for|the same for|same with|same goes for)\b/.test(f) ||
    /\b(thi sao|thi the nao|thi nhu the nao|thi sao a|thi sao vay|ra sao)$/.test(f) ||
    SAME_AS_BEFORE.test(f)
  );
}

/**
 * "qlvb cũng vậy hả", "email cũng thế à", "document management too?", "same for e-mail?": the follow-up asks the
 * previous question's attribute of another thing (folded, at the end of the message).
 */
const SAME_AS_BEFORE = /\s*\b(cung (vay|the|nhu vay|nhu the|giong vay|giong the|giong nhu vay)|too|as well|the same|likewise)( (ha|a|ak|ah|hả|ko|khong|k|phai khong|dung khong|luon|luon ha|luon a|nua|chu|right|then))*$/;

/** A follow-up without its marker words: "còn bên Đảng thì sao?" → "bên Đảng" (folded). */
export function withoutMarker(question: string): string {
  return fold(question)
    .replace(/^(the con|vay con|con ve|con|the|vay|va|and|what about|how about|also|the same for|same for|same with|same goes for)\b\s*/, "")
    .replace(/\s*\b(thi sao|thi the nao|thi nhu the nao|thi sao a|thi sao vay|ra sao)$/, "")
    .replace(SAME_AS_BEFORE, "")
    .replace(/^ben\b\s*/, "");
}

/**
 * The words of a (folded) question that say which attribute it asks, not of what ("hạn", "khi nào", "ai"…):
 * "hạn gửi danh sách cbcc làm email" → "han"; a follow-up "còn tập huấn?" asks the same of another item.
 */
export function attributeWords(folded: string): string {
  return folded
    .split(" ")
    .filter((w) => ATTRIBUTE.has(w))
    .join(" ");
}

/** Words that name what a question asks of an item: its deadline, its date, who does it, whether it is done. */
const ATTRIBUTE = new Set("han khi nao bao gio ai xong chua when deadline who due".split(" "));

/** Whether a follow-up only asks again about the same thing: nothing but question words and generic words. */
export function asksAboutSameThing(units: readonly string[]): boolean {
  return units.every((u) => u.startsWith(INTENT_PREFIX) || GENERIC.has(u));
}

/** Whether the follow-up names a system of its own ("and document management?"). */
export function namesSystem(units: readonly string[]): boolean {
  return units.some((u) => SYSTEM_TOKENS.has(u));
}

/** "web", "website", "trang web", "site", "URL": words for a website, which the portal's concept token also reads. Folded. */
const WEB_WORDS = /\b(web|website|trang web|site|url|web address|dia chi web)\b/;
/** Words naming the portals as a system of the plan ("cổng thông tin điện tử", "cổng TTĐT", "portal"). Folded. */
const PORTAL_WORDS = /\b(cong|portal|portals|trang thong tin|ttdt)\b/;

/**
 * "còn web thì sao" after a question on 1022's app: a follow-up naming a website only with a word for one ("web",
 * "website", not "cổng thông tin điện tử") asks for the website of the previous topic when the previous answer gives a
 * web address, not for the portals of the plan. Folded follow-up; the previous entry's answer text as written.
 */
export function asksTopicWebsite(folded: string, previousAnswer: string): boolean {
  return WEB_WORDS.test(folded) && !PORTAL_WORDS.test(folded) && /https?:\/\/|\b[a-z0-9-]+(\.[a-z0-9-]+)*\.gov\.vn\b/i.test(previousAnswer);
}

/** Whether a unit is a concept token naming a system (email, 1022, qlvb…). */
export function isSystemUnit(unit: string): boolean {
  return SYSTEM_TOKENS.has(unit);
}

/**
 * The system a unit names, itself or inside a compound of the index ("tongdai1022", the folded domain
 * tongdai1022.tphcm.gov.vn, names 1022), or undefined. Only tokens of 4 characters or more are looked for inside.
 */
export function systemNamedBy(unit: string): string | undefined {
  if (SYSTEM_TOKENS.has(unit)) return unit;
  for (const s of SYSTEM_TOKENS) if (s.length >= 4 && unit.includes(s)) return s;
  return undefined;
}

/** The words that carry the previous entry's topic into a follow-up (empty when the topic has no such word). */
export function topicWords(entry: FaqEntry): string {
  return TOPIC_WORDS[entry.topic] ?? "";
}

/**
 * Slots a follow-up may swap in the previous question: each slot lists its values, each value its folded spellings
 * (the first is the one written back). "còn Vũng Tàu thì sao?" after "Bình Dương có bao nhiêu phường xã…" swaps the
 * place; "gđ2 thì sao" after a phase-1 question swaps the phase; "còn email?" after a 1022 question swaps the system.
 */
const SLOTS: readonly (readonly (readonly string[])[])[] = [
  // Places of the merger.
  [
    ["binh duong", "bd"],
    ["ba ria vung tau", "brvt", "br vt", "vung tau", "ba ria"],
    ["tp hcm cu", "tphcm cu", "hcm cu", "thanh pho ho chi minh cu"],
  ],
  // Phases of the plan.
  [
    ["giai doan 1", "gd1", "gd 1", "phase 1", "phase one", "first phase", "giai doan thu nhat", "giai doan mot", "first one"],
    ["giai doan 2", "gd2", "gd 2", "phase 2", "phase two", "second phase", "giai doan thu hai", "giai doan thu 2", "giai doan hai", "second one"],
  ],
  // Systems of the plan.
  [
    ["email", "thu dien tu", "thu cong vu", "mail", "e mail"],
    ["1022", "tong dai 1022", "cong 1022", "hotline"],
    ["quan ly van ban", "qlvb", "document management", "document system"],
    ["hoi nghi truyen hinh", "hntt", "hnth", "hoi nghi truc tuyen", "video conference", "video conferencing"],
    ["chu ky so", "cks", "digital signature", "digital signatures"],
    ["ma dinh danh dien tu", "dinh danh dien tu", "e id"],
    ["trung tam du lieu", "ttdl", "data center"],
    ["cong thong tin dien tu", "portal", "portals"],
    ["thu tuc hanh chinh", "tthc", "administrative procedures"],
    ["mang truyen so lieu chuyen dung", "mang truyen so lieu", "truyen so lieu chuyen dung", "mang tslcd", "tslcd", "dedicated data network", "data network"],
  ],
  // The two sides of phase 1: the Party's systems and the state's. A bare "dang" is also "đang" (in progress), so it is
  // the last spelling: "còn bên Đảng" reaches here as "dang" (without "bên"), a previous question rarely says "đang".
  [
    ["phia dang", "ben dang", "khoi dang", "co quan dang", "party side", "party", "dang"],
    ["co quan nha nuoc", "ben nha nuoc", "phia nha nuoc", "khoi nha nuoc", "nha nuoc", "nn", "ben chinh quyen", "phia chinh quyen", "state side", "state"],
  ],
  // Holidays.
  [
    ["tet nguyen dan", "tet am lich", "tet", "lunar new year"],
    ["quoc khanh", "le 2/9", "2/9", "national day"],
    ["gio to hung vuong", "gio to", "hung vuong", "hung kings"],
    ["le 30/4", "30/4", "reunification day"],
    ["tet duong lich", "new year"],
  ],
  // Levels of the reorganisation: "and the commune-level one?" after the provinces' resolution.
  [
    ["cap tinh", "provincial level", "provincial", "provinces", "province"],
    ["cap xa", "commune level", "communes", "commune"],
  ],
];

/** Where the value of a slot occurs in a folded text: the value and the spelling found, longest spelling first. */
function findSlotValue(text: string, values: readonly (readonly string[])[]): { value: number; spelling: string } | undefined {
  let best: { value: number; spelling: string } | undefined;
  values.forEach((spellings, value) => {
    for (const s of spellings) {
      if (` ${text} `.includes(` ${s} `) && (!best || s.length > best.spelling.length)) best = { value, spelling: s };
    }
  });
  return best;
}

/**
 * The previous question with one slot swapped for the follow-up's value, or undefined when the follow-up names no
 * slot value that differs from the previous question's. Both are folded; the follow-up without its marker words.
 *
 * ```ts
 * substituteSlot("binh duong co bao nhieu phuong xa", "vung tau") // "ba ria vung tau co bao nhieu phuong xa"
 * ```
 */
export function substituteSlot(previous: string, followUp: string): string | undefined {
  return substitution(previous, followUp)?.text;
}

/** {@link substituteSlot}, with the spellings of the value swapped in (to check that an answer speaks of it). */
export function substitution(previous: string, followUp: string): { text: string; value: readonly string[] } | undefined {
  for (const values of SLOTS) {
    const now = findSlotValue(followUp, values);
    const before = findSlotValue(previous, values);
    if (!now || !before || now.value === before.value) continue;
    // Every spelling of the old value goes ("1022 hotline" is one system), and the new one is written as typed.
    let text = ` ${previous} `;
    const old = [...values[before.value]!].sort((a, b) => b.length - a.length);
    let first = true;
    for (const spelling of old) {
      while (text.includes(` ${spelling} `)) {
        text = text.replace(` ${spelling} `, first ? ` ${now.spelling} ` : " ");
        first = false;
      }
    }
    return { text: text.replace(/\s+/g, " ").trim(), value: values[now.value]! };
  }
  return undefined;
}

/**
 * The previous question with the follow-up's slot value added, when the previous question names no value of that slot:
 * "and its phase 2?" after "When does the platform's city-wide pilot start?" asks the platform's phase 2. Both folded.
 */
export function addition(previous: string, followUp: string): { text: string; value: readonly string[] } | undefined {
  for (const values of SLOTS) {
    const now = findSlotValue(followUp, values);
    if (!now || findSlotValue(previous, values)) continue;
    return { text: `${previous} ${now.spelling}`, value: values[now.value]! };
  }
  return undefined;
}

/**
 * The spellings of every slot value a folded text names ("gđ2 thì sao" names phase 2), each value once: a follow-up
 * naming one of its own is read as a question of its own when it has an answer alone.
 */
export function slotValuesIn(text: string): string[][] {
  return SLOTS.flatMap((values) => {
    const found = findSlotValue(text, values);
    return found ? [[...values[found.value]!]] : [];
  });
}

/**
 * The one merged place (slot 0 of SLOTS) a folded text names, as its spellings (the first is the canonical one), or
 * undefined when it names none or several: "brvt co bao nhieu phuong" → ["ba ria vung tau", "brvt", …].
 */
export function placeNamed(text: string): readonly string[] | undefined {
  const places = SLOTS[0]!;
  const named = places.filter((spellings) => spellings.some((s) => ` ${text} `.includes(` ${s} `)));
  return named.length === 1 ? named[0] : undefined;
}

/** Words joining two systems asked together ("qlvb và 1022", "e-mail and 1022", "hntt với qlvb"). Folded. */
const JOINS = ["va", "voi", "cung", "and", "&", "or", "hay"];
/** Words comparing two things asked together (folded): "khác (hạn) nhau", "giống nhau", "so sánh", "differ". */
const COMPARING = /\b(khac (han |gi |ngay |moc )?nhau|giong (han |ngay |moc )?nhau|co gi khac|khac gi|so sanh|differ|differs|different|difference|compare|compared)\b/g;

/** Every spelling of a system (the third slot) and of a side of phase 1 (the fourth), longest first, with the value it
 * names (sides numbered after the systems, so a system never pairs with a side). */
const SYSTEM_SPELLINGS = [SLOTS[2]!, SLOTS[3]!]
  .flatMap((slot, n) => slot.flatMap((values, value) => values.map((s) => ({ s, value: n * 100 + value }))))
  .sort((a, b) => b.s.length - a.s.length);

/**
 * "qlvb và 1022 chạy chính thức ngày nào" → ["qlvb chạy chính thức ngày nào", "1022 chạy chính thức ngày nào"]: a
 * (folded) question asking the same of two systems joined by "và", "với", "and", as two questions, one of each;
 * undefined when it joins no two systems. The two sides of phase 1 are joined the same way ("họp trực tuyến bên Đảng
 * với bên chính quyền khác hạn nhau thế nào": the Party's, and the state's).
 */
export function eachSystemAsked(folded: string): [string, string] | undefined {
  const text = ` ${folded} `;
  // Only spellings the text contains can be either side of a pair (a pair holds both): the same order, far fewer tries.
  const present = SYSTEM_SPELLINGS.filter((x) => text.includes(` ${x.s} `));
  for (const a of present) {
    for (const join of JOINS) {
      for (const b of present) {
        if (a.value === b.value || Math.floor(a.value / 100) !== Math.floor(b.value / 100)) continue;
        const pair = ` ${a.s} ${join} ${b.s} `;
        const at = text.indexOf(pair);
        if (at < 0) continue;
        // Each half asks its own value: the words comparing the two ("khác hạn nhau", "differ") ask nothing of one.
        const ask = (one: string) => `${text.slice(0, at)} ${one} ${text.slice(at + pair.length)}`.replace(COMPARING, " ").replace(/\s+/g, " ").trim();
        return [ask(a.s), ask(b.s)];
      }
    }
  }
  return undefined;
}

/** "hôm sau", "the next day": one day later; "hôm trước", "the day before": one day earlier. */
const DAY_SHIFT: readonly [RegExp, number][] = [
  [/\b(hom sau|ngay hom sau|ngay sau do|ngay tiep theo|next day|the day after|following day)\b/, 1],
  [/\b(hom truoc|ngay hom truoc|ngay truoc do|the day before|previous day)\b/, -1],
];

/**
 * The previous question with its date moved by a day, for "hôm sau thì sao?" after "Ngày 11/6/2025 …", or undefined
 * when either has nothing to shift. Both folded.
 */
export function shiftDay(previous: string, followUp: string): string | undefined {
  const shift = DAY_SHIFT.find(([re]) => re.test(followUp))?.[1];
  if (shift === undefined) return undefined;
  const date = /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\b/.exec(previous);
  const named = date ? undefined : /\b(\d{1,2}) (january|february|march|april|may|june|july|august|september|october|november|december)(?: (\d{4}))?\b/.exec(previous);
  const parts = date ? [Number(date[1]), Number(date[2]), Number(date[3] ?? 2025)] : named ? [Number(named[1]), MONTH_WORDS_EN.indexOf(named[2]!) + 1, Number(named[3] ?? 2025)] : undefined;
  if (!parts) return undefined;
  const [d, m, y] = parts as [number, number, number];
  const moved = new Date(Date.UTC(y, m - 1, d + shift));
  const text = `${moved.getUTCDate()}/${moved.getUTCMonth() + 1}/${moved.getUTCFullYear()}`;
  return previous.replace((date ?? named)![0], text);
}

/** Numbers of a folded text that are counts or codes: not years, not parts of a date, not a system's name. */
function countsIn(text: string): string[] {
  if (/\d[/-]\d/.test(text)) return [];
  return (text.match(/\b\d+\b/g) ?? []).filter((n) => !/^(19|20)\d{2}$/.test(n));
}

/**
 * The previous question with its one count swapped for the follow-up's ("and the full 168?" after "When was the
 * 102-ward trial?" → "when was the 168 ward trial"), or undefined when either has no single count, they are equal, or
 * the follow-up names a slot value (a system such as 1022 is swapped as a slot). Both folded.
 */
export function countSwap(previous: string, followUp: string): { text: string; value: readonly string[] } | undefined {
  if (slotValuesIn(followUp).length > 0) return undefined;
  const now = countsIn(followUp);
  const before = countsIn(previous);
  if (now.length !== 1 || before.length !== 1 || now[0] === before[0]) return undefined;
  return { text: previous.replace(new RegExp(`\\b${before[0]}\\b`), now[0]!), value: [now[0]!] };
}

/**
 * The entry id a chat's topic records for a question that got no answer: its words still carry into an elliptical
 * follow-up that points back at it ("when was it launched?" after "Who directs the Digital Transformation Center?").
 */
export const NO_ENTRY = "-";

/** Whether a (folded) message points back at something said before: "it", "its", "nó", "cái đó", "việc này", "vụ đó". */
export function refersBack(folded: string, lang: "vi" | "en"): boolean {
  return lang === "en" ? /\b(it|its|they|them|their)\b/.test(folded) : /\b(no|cai do|cai nay|viec do|viec nay|viec ay|vu do|vu nay|vu ay|chuyen do|chuyen nay|ben do|cho do)\b/.test(folded);
}

/**
 * Whether a (folded) message is nothing but one slot value ("gđ2?", "Binh Duong?"): it cannot ask anything of its own,
 * so after a question it adds that value to it, even when it would have an answer alone.
 */
export function onlySlotValue(folded: string): boolean {
  return SLOTS.some((values) => values.some((spellings) => spellings.includes(folded.trim())));
}

/**
 * "how long before that", "bao lâu trước đó", "mấy ngày sau đó": a gap from the day the previous answer gave. Folded;
 * group 1 is the language ("en" when the phrase is English).
 */
const GAP_FROM_THAT = /\b(?:(how long|how many (?:days|weeks|months))|(?:bao lau|bao nhieu (?:ngay|tuan|thang)|may (?:ngay|tuan|thang)))( (?:must|should|do|does|did|will|is|are|was|were))? (?:(?:before|after|earlier than|later than) (?:that|then|it|this)|(?:truoc|sau) (?:do|ngay do|moc do|han do|hom do|the|vay))\b|\b(?:truoc|sau) (?:do|ngay do|moc do|han do|hom do) (?:bao lau|bao nhieu (?:ngay|tuan|thang)|may (?:ngay|tuan|thang))\b/;

/** "how many days after the pilot deadline is that", "how long before the go-live is it": group 1 is the other thing. */
const GAP_TO_THAT = /\b(?:how long|how many (?:days|weeks|months)) (?:before|after|earlier than|later than|from) (.+?) (?:is|was|are|were|does|did|will) (?:that|it|this)(?: one| date| day| deadline)?(?: come| fall| be)?$/;

/**
 * A follow-up asking the gap from the previous answer's day ("and how long before that must the wards be
 * connected?", "còn phường xã phải kết nối trước đó bao lâu?") asked as when its own thing is due ("and when must
 * the wards be connected?"): the day of its own answer is what the gap is counted to. The text unchanged otherwise.
 */
export function gapAsWhen(text: string): string {
  const folded = fold(text);
  // "how many days after the pilot deadline is that?": the gap from another day to the previous answer's, asked as when
  // that other thing is due ("when the pilot deadline").
  const to = GAP_TO_THAT.exec(folded);
  if (to) return `${folded.slice(0, to.index)}when ${to[1]}${folded.slice(to.index + to[0].length)}`.replace(/\s+/g, " ").trim();
  const m = GAP_FROM_THAT.exec(folded);
  if (!m) return text;
  const when = m[1] !== undefined ? `when${m[2] ?? ""}` : "khi nao";
  return `${folded.slice(0, m.index)}${when}${folded.slice(m.index + m[0].length)}`.replace(/\s+/g, " ").trim();
}

/**
 * "có gì lưu ý", "cần chú ý gì", "có gì đặc biệt", "anything to note": a question of what is particular, which names no
 * attribute of its own. After a topic, with a place or a phase named, it asks what the topic says of that value. Folded.
 */
const WHAT_TO_NOTE =
  /\b(?:(?:co )?(?:dieu )?gi (?:can |dang |phai )?(?:luu y|chu y|dac biet|khac biet|rieng)|(?:can|phai|nen) (?:luu y|chu y) (?:gi|nhung gi|dieu gi)|anything (?:to note|special|particular|different|to keep in mind|to watch)|what (?:to|should \w+) (?:note|keep in mind|watch out for))\b/;

/** Whether a folded follow-up asks what is particular about something ({@link WHAT_TO_NOTE}). */
export function asksWhatToNote(folded: string): boolean {
  return WHAT_TO_NOTE.test(folded);
}

/** Folded answers (Vietnamese and English) of each entry, padded with spaces, computed once per entry. */
const FOLDED_ANSWERS = new WeakMap<FaqEntry, string>();

/** Whether an entry's answers (not its questions or keywords) name one of the spellings (folded) of a value. */
export function answerSpeaksOf(entry: FaqEntry, spellings: readonly string[]): boolean {
  let text = FOLDED_ANSWERS.get(entry);
  if (text === undefined) {
    text = ` ${fold([entry.answer, entry.answerEn ?? ""].join(" "))} `;
    FOLDED_ANSWERS.set(entry, text);
  }
  return spellings.some((v) => text.includes(` ${v} `));
}

/** Words ending a yes-no question ("không", "ko", "hả"), folded. */
const YES_NO_ENDS = ["khong", "ko", "k", "kg", "hok", "hem", "chu", "ha", "a", "ak", "ah", "khong a", "ko a", "khong vay", "ko vay"];

/**
 * The ways a follow-up asks whether a value is among the previous answer's things, each as the words before the value
 * and the words after it (whole words; the value follows the start of the text or a space).
 */
const INCLUSION_FORMS: readonly { before: readonly string[]; after: readonly string[] }[] = [
  { before: ["co", "gom", "bao gom", "gom ca", "co ca", "co ca he thong", "co he thong", "co ht"].map((w) => `${w} `), after: YES_NO_ENDS.map((e) => ` ${e}`) },
  { before: [""], after: ["co", "nua", "co nua"].flatMap((w) => YES_NO_ENDS.map((e) => ` ${w} ${e}`)) },
  { before: ["is", "was", "are", "were"].flatMap((w) => [`${w} `, `${w} the `]), after: ["included", "among them", "one of them", "in the list", "on the list", "in it"].map((w) => ` ${w}`) },
  { before: ["including", "incl", "and"].flatMap((w) => [`${w} `, `${w} the `]), after: [""] },
];

/** Whether `text` ends with `phrase` that starts the text or follows whitespace. */
function endsWithWords(text: string, phrase: string): boolean {
  if (!text.endsWith(phrase)) return false;
  const at = text.length - phrase.length;
  return at === 0 || /\s/.test(text[at - 1]!);
}

/**
 * Whether a follow-up (folded) asks only whether one named thing is among the things of the previous answer: "có 1022
 * ko", "gồm cả email không", "1022 có không", "is 1022 included", "1022 among them?". Not "1022 có chạy 24/7 không",
 * which asks something of the thing itself.
 */
export function asksInclusion(folded: string, spellings: readonly (readonly string[])[]): boolean {
  const text = folded.trim();
  return spellings.some((list) =>
    list.some((v) => INCLUSION_FORMS.some((form) => form.after.some((a) => text.endsWith(a) && form.before.some((b) => endsWithWords(text.slice(0, text.length - a.length), `${b}${v}`))))),
  );
}

/** "để làm gì", "nhằm mục đích gì", "mục đích là gì", "what for", "for what purpose": a purpose asked. Folded. */
const PURPOSE = /\b(de lam gi|nham (muc dich )?gi|nham lam gi|nham muc dich gi|muc dich (la |cua no la |cua viec do la )?gi|muc dich|muc tieu (la )?gi|what for|for what purpose|what is the purpose|what s the purpose|purpose of (it|that|this))\b/;

/**
 * "ký để làm gì" after "kế hoạch liên tịch do những ai ký", "what for?" after a question on a system: a follow-up that
 * asks the purpose of what the previous question was about, asked as "mục đích" of the previous question's concept
 * tokens ("kehoachlientich", "qlvb": the subject, not its plain words such as "ai ký"). Undefined when the follow-up
 * asks no purpose or the previous question names no such subject. `units` are the previous question's.
 */
export function purposeAsked(followUp: string, units: readonly string[]): string | undefined {
  if (!PURPOSE.test(fold(followUp))) return undefined;
  const subject = units.filter((u) => !u.startsWith(INTENT_PREFIX) && !isSyllable(u) && !/^\d+$/.test(u));
  return subject.length > 0 ? `mục đích ${subject.join(" ")}` : undefined;
}
