import { isSystemUnit, systemNamedBy } from "./follow-up.js";
import { phasesNamed } from "./phases.js";
import { INTENT_PREFIX, isSyllable } from "./query.js";

/**
 * The kind of value a question expects, which the entry must supply: sharing topic words is not enough.
 * - "khi nào / bao giờ / when" about X needs a date said of X (a related milestone about X, or a date within a few
 *   words of X in the entry's text), not the date of an article or of another item in the same entry;
 * - "bao nhiêu / mấy / how many" N needs a count of N (a number within a few words of N).
 * An entry whose own questions ask the same kind about the same thing supplies it whatever its text says: "đã tạo
 * bao nhiêu tài khoản" is answered by the entry written to say that no count is published.
 */
export type ExpectedType =
  | {
      kind: "date";
      /** The question's topic words, rarest first. */
      topic: string[];
      /** A rare Vietnamese word of the question that, with the word next to it, is a phrase some entry says ("họp
       * không giấy"): the thing dated, which the entry must speak of. A rare word no entry says in that phrase may be
       * the asker's own wording ("khối nhà nước") and names nothing. */
      subject?: string;
      /** The question asks the day itself ("ngày cụ thể", "chính xác khi nào", "exact date"): a month or a quarter
       * ("quý 1/2026") is no answer. */
      exact?: true;
    }
  | {
      kind: "count";
      noun: string;
      /** A merged province the count is asked of ("ở BRVT có bao nhiêu điểm"). */
      place?: string;
      /** The second word of a two-word noun whose first word says little alone ("người dùng", "phản ánh"). */
      next?: string;
      /** The question asks the exact figure ("dân số chính xác"): a rounded one ("hơn 14 triệu") is no answer. */
      exact?: true;
      /** "bao nhiêu sở" as written (it folds like "bao nhiêu số"): departments are counted, which the entry must write
       * as "N sở". */
      departments?: true;
    }
  /** "đuôi mail", "tên miền", "@gì", "domain": an e-mail address (`mail`) or a web domain. */
  | { kind: "domain"; mail: boolean }
  /** "số hiệu", "số mấy", "document number": a document's number ("759/QĐ-TTg"). */
  | {
      kind: "number";
      /** The question names the kind of document it asks the number of ("nghị quyết số mấy"), not just "văn bản". */
      named?: boolean;
    }
  /** "giá bao nhiêu", "chi phí", "how much does it cost": an amount of money (or that something is free). */
  | { kind: "price" }
  /** "có app điện thoại không", "tải ở đâu", "download": a mobile app (Android, iOS) or where to get it. */
  | { kind: "app" }
  /** "tên là gì", "tên gọi", "what is it called": a name. Any text may give one; only a "not stated" sentence about
   * the name rules the entry out. */
  | { kind: "name" }
  /** "6 phường thí điểm tên là gì", "kể tên các xã", "names of the 54 communes": the names of several things counted
   * by `noun` (folded). A count of them ("6 phường") is no answer: the entry must list them. */
  | {
      kind: "names";
      noun: string;
      /** "thử nghiệm ở đơn vị nào", "ở những phường nào": which ones, asked without a count. Any text may answer it
       * (one body, or a list); only a "not stated" sentence about their names ("không nêu tên các đơn vị") rules the
       * entry out. */
      which?: true;
    }
  /** "số điện thoại", "sđt", "phone number": a telephone number, which the entry must give (or say is not given). */
  | { kind: "phone" }
  /** "làm việc giờ nào", "giờ làm việc", "working hours", "có trực 24/7 không": the hours something works, said of it. */
  | { kind: "hours" }
  /** "bao nhiêu %", "mấy phần trăm", "what percentage": a share, which the entry must give as one ("95 %"). */
  | {
      kind: "percent";
      /** What the share is of, as the question words it after "tỷ lệ" / "percentage of" (folded): "can bo" in "tỷ lệ cán
       * bộ đã dùng mail mới". A share of something else ("100% cơ quan") is no answer. */
      of?: string;
    }
  /** "cụ thể là những hệ thống nào", "which systems exactly": the specific items of a list. An entry that says it does
   * not list them ("ghi chung …, không liệt kê cụ thể") is shown, but the question stays unanswered. */
  | { kind: "list" }
  /** "liệt kê 5 kênh", "5 kênh nào", "list the five channels": the items of a list of `count` things (`noun`, folded).
   * The count alone ("nêu 5 kênh") is no answer: the entry must set out that many items. */
  | { kind: "items"; noun: string; count: number }
  /** "đăng nhập bằng tài khoản gì", "dùng tk nào", "which account do I log in with": the account or credential used to
   * reach a system, which the entry must name in a sentence about that system. */
  | { kind: "account" }
  /** "có phải trực không", "trực mấy ngày", "lịch trực Tết", "on duty", "rota": who is on duty and when, which the
   * entry must say (a holiday's dates say nothing of who works through it). */
  | { kind: "duty" }
  /** "đại hội lần thứ mấy", "khóa mấy", "which congress": an ordinal of a recurring event (a congress, a session, a
   * term). Only a text that writes one ("lần thứ XII", "khóa 11") gives it. */
  | { kind: "ordinal" }
  /** "tối đa mấy ngày phải trả lời", "trong vòng bao lâu", "how many days to reply": a span of time allowed for
   * something. Only a text that writes a span ("5 ngày làm việc", "trong 3 tháng", "within 24 hours") gives it. */
  | { kind: "span" }
  /** "mã định danh của sở là bao nhiêu", "mã số mấy", "what are the new ID codes": the value of an identifier code,
   * which only a text that writes one ("000.00.00.H29") gives. */
  | { kind: "code" };

/** How an entry meets the expected type: its text gives the value, only its questions ask for it (the entry says it is
 * not known: shown, but the question stays unanswered), or not at all. */
export type Supply = "given" | "asked" | "no";

/** "đuôi mail", "tên miền", "@ gì", "domain": the question asks an e-mail address or domain (folded text). */
const ASKS_DOMAIN = /\b(duoi mail|duoi email|duoi thu|duoi gi|duoi (la|se la|co dang|dang) (gi|nao|the nao)|duoi (cua )?(no|mail|email|thu) (la )?(gi|nao)|ten mien|domain|dia chi mail|dia chi email|dia chi thu|dia chi website|dia chi web|dia chi trang|website address|web address|url)\b/;
/** "email của Trung tâm là gì", "mail của sở là gì", "what is the e-mail of the Center": the e-mail address of someone
 * named (folded). Not "email công vụ là gì", which asks what it is, nor "email của cán bộ … là gì", which may ask which
 * mail system officials use. */
const ASKS_MAIL_OF = /\b(e ?mail|thu dien tu) (cua|lien he cua|lien he) (?!(cac |nhung )?(can bo|cbcc|cong chuc|vien chuc|nguoi|em|toi|minh|anh|chi|tui)\b)[a-z0-9 ]{2,60}? (la gi|la j|o dau|la dia chi nao|la nao)\b|\b(what|which) is (the |their |its )?(contact )?e ?mail (of|for) \b|\be ?mail (address )?to (contact|write to|reach)\b/;
/** "website của X là gì", "trang web ở đâu", "what is its website": the question asks a web address (folded). */
const ASKS_WEBSITE = /\b(website|web site|trang web)\b.*\b(la gi|o dau|la trang nao|nao)\b|\b(what|where) is (its|the|their) (website|web site|web page)\b/;
/** "cổng dịch vụ công địa chỉ là gì", "địa chỉ trang thông tin ở đâu", "the portal's address": the address of a portal
 * or a web page is a web address (folded). An office's address ("Sở KH&CN địa chỉ ở đâu") is a place, and "công" of
 * "công chức", "công vụ", "công ty" is no portal. */
const NOT_A_PORTAL = "(?! (?:chuc|vu|viec|an|nghe|dan|ty|tac|trinh|khai|bo|doan|nhan|van|so|ich)\\b)";
/** A portal or a web page named: "cổng" that is no "công chức", "trang web/thông tin/TTĐT/chủ" ("tình trạng" is none). */
const PORTAL_OR_PAGE = `(?:cong${NOT_A_PORTAL}|trang (?:web|thong tin|ttdt|chu|dien tu)|portal|website|site)`;
const ASKS_PORTAL_ADDRESS = new RegExp(`\\b${PORTAL_OR_PAGE}\\b(?:\\s+\\S+){0,8}?\\s+dia chi\\b|\\bdia chi (?:cua |truy cap )?${PORTAL_OR_PAGE}\\b|\\b(?:portal|website|site)s? address\\b|\\baddress of (?:the |its |their )?(?:\\S+ ){0,3}(?:portal|website|site)\\b`);
/** "link … là gì", "cho xin link", "đường dẫn", "the link to": the question asks a web address (folded). A link to
 * download an app is asked as an app ({@link ASKS_APP}), read first. */
const ASKS_LINK = /\b(link|duong link|duong dan|hyperlink)\b/;
/** Words of a question about an address (units): an entry asking them is about the address. */
const DOMAIN_WORDS = new Set(["domain", "mien", "duoi", "link"]);
/** An e-mail address, or a web domain, in an entry's text as written. */
const MAIL = /@[a-z0-9-]+(\.[a-z0-9-]+)+/i;
const DOMAIN = /\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(vn|com|net|org)\b/i;
/** "số hiệu", "ký hiệu văn bản", "document number": the question asks a document's number. */
/** "mã định danh … là bao nhiêu", "mã định danh của phường là mã gì", "mã đơn vị số mấy", "what are the new e-ID codes": the value of a code (folded). */
const ASKS_CODE =
  /\bma (dinh danh|so|don vi|co quan|buu chinh|hanh chinh|dvhc|code|id|dien tu|ket noi|truy cap)\b[a-z0-9 ]{0,80}? (la |moi la |bay gio la )?(bao nhieu|so may|so bao nhieu|ma (gi|nao|so gi|so nao|bao nhieu))( (a|vay|the|nhi|nhe|ha|ah|vay a|the nao))*$|\b(what|which) (is|are) (the |their |its )?(new )?([a-z-]+ ){0,3}(id|identification|identifier) codes?\b|\bwhat (id |identification |identifier )?code (is|does|do|will)\b/;
/** A code as written: groups of digits or capitals joined by dots or dashes ("000.00.00.H29", "H29-01"). */
const CODE_VALUE = /\b(?=[A-Z0-9.-]*\d)[A-Z0-9]{1,6}([.-][A-Z0-9]{1,6}){2,}\b/;
const ASKS_NUMBER = /\b(so hieu|ky hieu van ban|so van ban|so may|document number|reference number)\b/;
/** A document number as written: "759/QĐ-TTg", "202/2025/QH15", "60-NQ/TW". */
const DOC_NUMBER = /\b\d+(\/\d{4})?[/-][A-ZĐ][\p{L}\d-]*(\/[A-ZĐ][\p{L}\d-]*)?/u;
/** A document named by its kind and number ("NQ 57", "Nghị quyết số 57", "Decision 2448"): a number as people say it. */
const DOC_NAMED = /(^|[^\p{L}])(NQ|QĐ|Nghị quyết|Quyết định|Công văn|Thông báo|Resolution|Decision)\s+(số\s+|No\.?\s*)?\d+/iu;
/** Whether an entry's text gives a document number, written out ("759/QĐ-TTg") or named ("NQ 57"). */
const givesNumber = (raw: string) => DOC_NUMBER.test(raw) || DOC_NAMED.test(raw);
/** Words of a "not stated" sentence that say a document's number is not given ("không nêu số văn bản"). */
const NUMBER_NOT_STATED = /\b(so van ban|so hieu|ky hieu|so quyet dinh|so cong van|document number|reference number|number of the (document|decision|letter))\b/;
/** A document named by its kind and number (folded): "nghị quyết 57", "NQ 99", "KL 169", "quyết định số 2448", "Decision No. 759". */
const NAMED_DOCUMENT = /\b(?:nghi quyet|quyet dinh|nghi dinh|thong tu|chi thi|cong van|ket luan|de an|nq|qd|kl|resolution|decision|decree|circular|directive|conclusion)\s*(?:so\s*|no\s*)?(\d+)(?![\d.,]\d)/g;

/** The numbers of the documents a (folded) question names by kind and number: "nghị quyết 57 nói gì" names "57". */
export function documentsNamed(folded: string): string[] {
  return [...new Set([...folded.matchAll(NAMED_DOCUMENT)].map((m) => m[1]!))];
}

/** Where a document's number stands in a folded text: not inside another number nor a date ("16/06/2025" names no
 * document 16 or 06), but "202/2025/qh15" names 202. */
const numberAt = (n: string) => new RegExp(`(?<![\\d.,/])${n}(?!\\d)(?!/\\d{1,2}(?!\\d))`);

/** Whether a folded text names document number `n` (see {@link documentsNamed}). */
export function namesDocument(folded: string, n: string): boolean {
  return numberAt(n).test(folded);
}

/** "nội dung chính", "nói về gì", "quy định gì", "what does it say", "what is it about": the question asks what a
 * document says (folded). */
const ASKS_CONTENT =
  /\b(noi dung|noi (ve )?(gi|cai gi|dieu gi|nhung gi|van de gi)|quy dinh (nhung |ve )?(gi|cai gi|dieu gi|nhung gi)|de cap (den )?(gi|nhung gi|van de gi)|ve (viec |van de )?(gi|cai gi)|la (gi|cai gi)|what (does|do|did) [a-z0-9 ]{0,40}(say|cover|set out|state|require|stipulate|provide|mandate|approve|establish|do)|what (is|s|was) [a-z0-9 ]{0,40}about|main (points|content|contents|provisions)|key points|summar(y|ise|ize)|what is (resolution|decision|decree|circular|directive)\b)/;

/** "ban hành", "ra", "ký", "thông qua", "issued", "signed": the question asks when a document itself was made (folded). */
const ASKS_ISSUED = /\b(ban hanh|ra|ky|thong qua|co hieu luc|issued|signed|adopted|passed|published|dated|came out)\b/;

/** Whether a (folded) date question asks when the documents it names were issued or signed ("Nghị quyết 60 ban hành
 * ngày nào", "when was Decision 759 signed"), not when something they set happens. */
export function asksIssueDate(folded: string): boolean {
  return documentsNamed(folded).length > 0 && ASKS_ISSUED.test(folded);
}

/**
 * Whether an entry dates document `n` itself: a sentence writes a date right after its number ("Nghị quyết
 * 1685/NQ-UBTVQH15 ngày 16/06/2025", "Decision 2448 of 5 November 2025", "ban hành ngày …"). The date a document
 * sets for something else ("theo Kết luận 169-KL/TW, các đơn vị hoạt động từ 01/07/2025") and the date of an article
 * about it ("Theo báo chí (ngày 05/11/2025), Quyết định 2448…") do not.
 */
export function datesDocument(n: string, entry: EntryUnits): boolean {
  const at = new RegExp(numberAt(n).source);
  return (entry.sentences ?? []).some((x) => {
    const m = at.exec(x.folded);
    if (x.notStated || !m) return false;
    // "Nghị quyết 1685/NQ-UBTVQH15 ngày 16/06/2025": the date written right after the number is the document's own.
    if (/^\S*( [a-z0-9]+){0,2}? (ngay|of|dated) \d/.test(x.folded.slice(m.index + n.length))) return true;
    if (DESCRIBED_BEFORE.test(x.folded.slice(0, m.index).replace(KIND_BEFORE, ""))) return false;
    return x.units.some((_, i) => isDateUnit(x.units, i) && !isArticleDate(x.units, i));
  });
}

/** Whether a (folded) question asks what a document says ({@link ASKS_CONTENT}). */
export function asksDocumentContent(folded: string): boolean {
  return ASKS_CONTENT.test(folded);
}

/** Words after a document's number that say what it does: "về sắp xếp", "phê duyệt đề án", "giao việc", "approves". */
const DESCRIBED_AFTER =
  /^( [a-z0-9/]+){0,6}? (ve|phe duyet|quy dinh|giao|sap xep|thanh lap|huong dan|approves?|approved|sets?|set out|governs?|requires?|establish(es|ed)?|reorganis(es|ed|ing)|on (the )?(reorganis|arrang|merg)[a-z]*)\b/;
/** Words before a document's kind that make it what governs the sentence: "theo Quyết định 1478", "under Resolution".
 * Not "căn cứ": "các căn cứ pháp lý như Nghị quyết 60" names a legal basis without saying what it does. */
const DESCRIBED_BEFORE = /\b(theo|by|under|according to)( [a-z]+){0,3} $/;
/** The kind of a document as written before its number (folded), at the end of a text. */
const KIND_BEFORE = /\b(nghi quyet|quyet dinh|nghi dinh|thong tu|chi thi|cong van|ket luan|de an|nq|qd|resolution|decision|decree|circular|directive)( so| no)? $/;

/**
 * Whether an entry says what document `n` is or does: one of its own questions asks what it is ("Nghị quyết 1685 là
 * gì?", "Quyết định 2448 về cái gì?"), or one of its sentences names it with what it does ("Nghị quyết 202/2025/QH15
 * về sắp xếp…", "Quyết định 2448/QĐ-UBND phê duyệt…", "phối hợp theo Quyết định 1478…"). An entry that only names it
 * ("báo cáo Nghị quyết số 57-NQ/TW", "căn cứ pháp lý như Nghị quyết 60-NQ/TW") does not.
 */
export function describesDocument(n: string, entry: EntryUnits): boolean {
  // "1685", "nq202" (a glossary concept), "202/2025" (the number with its year).
  const named = (u: string) => u === n || u.startsWith(`${n}/`) || (u.endsWith(n) && /^[a-z]+$/.test(u.slice(0, -n.length)));
  if (entry.questions.some((q) => q.includes(WHAT) && q.some(named))) return true;
  const at = new RegExp(numberAt(n).source, "g");
  return (entry.sentences ?? []).some((x) => {
    if (x.notStated) return false;
    const f = ` ${x.folded} `;
    return [...f.matchAll(at)].some((m) => {
      const before = f.slice(0, m.index);
      // The rest of the number ("/2025/qh15") is part of it.
      const after = f.slice(m.index + n.length).replace(/^\S+/, "");
      return DESCRIBED_AFTER.test(after) || (KIND_BEFORE.test(before) && DESCRIBED_BEFORE.test(before.replace(KIND_BEFORE, "")));
    });
  });
}

/** "nghị quyết số mấy", "quyết định số hiệu": the question names the kind of document whose number it asks (folded). */
const NAMED_KIND = /\b(nghi quyet|quyet dinh|cong van|thong bao|chi thi|nq|qd|resolution|decision)( so)? (so may|so hieu|ky hieu|number)\b/;
/** Words of a question about a document number (units). */
const NUMBER_WORDS_ASKED = new Set(["hieu", "number"]);

/** "chi phí", "kinh phí", "lệ phí", "bao nhiêu tiền", "giá trị hợp đồng", "cost", "price", "contract value", "spent": the
 * question asks an amount of money (folded). */
const ASKS_PRICE =
  /\b(free to (call|use)|free of charge|for free|is it free|are they free|(?<!\bin )charged?|mien phi|mat phi|ton phi|ton tien|mat tien|tra phi|thu phi|bao nhieu tien|bao nhieu dong|bao nhieu usd|chi phi|kinh phi|muc phi|le phi|hoc phi|cuoc phi|phi bao nhieu|gia tien|gia ca|gia thanh|gia tri (hop dong|goi thau|du an|dau tu|mua sam)|goi thau|dau thau|tong muc dau tu|von dau tu|du toan|ngan sach|tien hop dong|ton (het )?bao nhieu(?! (thoi gian|ngay|gio|phut|tuan|thang|nam|lau))|(chi|het|dau tu|tieu) (het )?bao nhieu (tien|ty|trieu|dong)|how much (does|did|do|is|was|will|would|money)|costs?|costing|prices?|priced|fees?|budget(s|ed)?|(contract|tender|bid|deal|project|package|total) (value|amount|sum|price|worth)|value of the (contract|tender|bid|deal|project|package)|worth|spen(d|ds|ding|t)|funding|funded|expenditure|investment|invested|paid for|pay for)\b/;
/** "giá … bao nhiêu" in chat without diacritics: "gia" is "giá" (price) unless a word around it makes it another word
 * ("gia hạn", "tham gia", "quốc gia", "đánh giá"). */
const PRICE_WORD = /(^|\s)(?<!(tham|quoc|chuyen|tac|dai|danh|nha|ca) )gia (?!han|dinh|tang|nhap|lai|tri|dien|hoa|cong|nhan|su|quyet|ky)\S+.*\b(bao nhieu|may|how much)\b/;
/** "có app không", "app điện thoại", "tải ở đâu", "download link": the question asks for a mobile app (folded). */
const ASKS_APP = /\b(co (ban )?app|ban app|app (dien thoai|dt|di dong|mobile)|ung dung (dien thoai|di dong)|ban (mobile|dien thoai)|tai (app |ung dung )?(o|tai) dau|tai ve (o|tai) dau|link tai|download|mobile app)\b/;
/** "tên là gì", "tên gọi", "tên chính thức", "what is it called", "the name of": the question asks a name (folded). */
const ASKS_NAME = /\b(ten (goi )?(la )?gi|ten gi|ten goi|ten chinh thuc|ten day du|(what|how) (is|s) (it|the [a-z]+( [a-z]+){0,4}) called|what is the name|name of)\b|^(cho (em|toi|minh) hoi )?ten (cua )?[a-z0-9 ]{2,60} la gi\b/;
/** Words of a "not stated" sentence that say a name is not given ("không nêu tên gọi"). */
const NAME_NOT_STATED = /\b(ten goi|ten|name|names|named|called)\b/;
/** A "not stated" sentence's words that say which units are not named ("không nêu tên các đơn vị thử nghiệm"). */
const UNIT_NAMES_NOT_STATED = /\b(ten|danh sach) (cua )?(cac |nhung |tung )?(don vi|phuong|xa|co quan|dia phuong)|\b(name|names|list) (of )?(the )?(units|wards|communes|agencies)\b|\bwhich (units|wards|communes|agencies)\b/;

/** Units said to be at a named place, as written ("6 phường mới của Tân Bình", "6 new wards of Tan Binh"). */
const UNITS_AT_PLACE = /(?<!\p{L})(phường|xã|đơn vị|wards?|communes?|units?)( mới| new)? (của|ở|tại|thuộc|of|in) \p{Lu}/u;

/** Whether a text as written says where some units are ("6 phường mới của Tân Bình"): an answer to "ở đâu". */
export function locatesUnits(raw: string): boolean {
  return UNITS_AT_PLACE.test(raw);
}

/**
 * Whether an entry says, in a "not stated" sentence, that it does not name the units something is done at ("Kế hoạch
 * không nêu tên các đơn vị thử nghiệm"): a question naming one ward ("phường Tân Định đã có chưa") is not answered.
 */
export function withholdsUnitNames(entry: EntryUnits): boolean {
  return (entry.sentences ?? []).some((x) => x.notStated && UNIT_NAMES_NOT_STATED.test(x.folded));
}

/** Words that introduce a name ("tên là", "gọi là", "mang tên", "named", "called"), in a sentence (folded). */
const NAMING = /\b(ten (la|goi|day du|chinh thuc)|goi la|mang ten|co ten|lay ten|named|called|known as|name is)\b/;

/**
 * Whether a sentence as written gives a name: it quotes one, introduces one ({@link NAMING}), or writes a word with a
 * capital past its first word ("Sở KH&CN", "Côn Đảo", "VNeID", "Zalo").
 */
function givesName(raw: string): boolean {
  if (/["“”«»]/.test(raw) || NAMING.test(plain(raw).toLowerCase())) return true;
  const words = raw.trim().split(/\s+/).slice(1);
  return words.some((w) => /^[(\[]?\p{Lu}/u.test(w));
}

/** The parts of a sentence as written (between commas, colons, semicolons and brackets), each with its folded words
 * and whether it opens the sentence. */
function clausesOf(raw: string): { text: string; first: boolean; words: Set<string> }[] {
  return raw.split(/[,;:()]/).map((text, i) => ({ text, first: i === 0, words: new Set(plain(text).toLowerCase().split(/[^a-z0-9]+/)) }));
}

/** Whether a part of a sentence ({@link clausesOf}) gives a name: as {@link givesName}, any word with a capital
 * counting in a part that does not open the sentence. */
function givesNameIn(c: { text: string; first: boolean }): boolean {
  if (c.first) return givesName(c.text);
  return /["“”«»]/.test(c.text) || NAMING.test(plain(c.text).toLowerCase()) || c.text.trim().split(/\s+/).some((w) => /^[(\[]?\p{Lu}/u.test(w));
}

/** "thử nghiệm ở đơn vị nào", "tại những phường nào", "at which wards": which units something is done at (folded). */
const WHICH_UNITS = /\b(?:(?:o|tai) (?:nhung |cac )?|nhung |cac )(don vi|phuong|xa|co quan|dia phuong) nao\b|\b(?:(?:at|in) )?(?:which|what) (wards?|communes?|units?|agencies)\b/;

/** "đầu tiên", "first": the first of the units asked, not all of them. */
const FIRST_ONES = /\b(dau tien|truoc tien|first)\b/;

/** A count or a plural before a noun of things with names ("6 phường", "các xã", "54 communes"), folded: the noun. */
const COUNTED_NAMED =
  /\b(?:[2-9]|\d\d+|hai|ba|bon|nam|sau|bay|tam|chin|muoi|cac|nhung|the|all)\s+(phuong|xa|don vi|dac khu|tinh|huyen|quan|co quan|so|he thong|diem cau|diem|wards?|communes?|units?|agencies|systems|provinces|districts)\b/;
/**
 * Words that ask several names at once: "tên là gì" with a plural, "kể tên", "liệt kê", "names of", "list the". Not
 * the staff list the e-mail accounts are made from ("Sở KH&CN hai tỉnh gửi danh sách cán bộ cho ai"): a topic.
 */
const ASKS_NAMES = /\b(ten (goi )?(la )?gi|ten gi|ten (cac|tung|nhung|[2-9]|\d\d+)|danh sach(?! (?:can bo|cong chuc|cbcc|nhan su|thu|email|mail))|ke ten|liet ke|names?|list (the|all)|what are they called)\b/;
/** Nouns of units (wards, communes, agencies) whose names {@link namedAgain} reads as asked. */
const UNIT_NOUNS = new Set(["phuong", "xa", "don vi", "dac khu", "tinh", "huyen", "quan", "co quan", "so"]);
/**
 * Whether a (folded) question that counts units by number asks them again by their noun: "6 phường mới ở Tân Bình …
 * là những phường nào", "… tên là phường gì" ask the six wards' names. Not a plural alone ("những phường" is no count), nor systems ("3
 * hệ thống … gồm những hệ thống nào" is answered by what they are).
 */
function namedAgain(folded: string, counted: RegExpExecArray): boolean {
  const noun = counted[1]!;
  if (!UNIT_NOUNS.has(noun) || /^(cac|nhung|the|all)\b/.test(counted[0])) return false;
  // "… là những phường nào", "… tên là phường gì", "… là phường nào", "tên các phường là gì".
  const after = folded.slice(counted.index + counted[0].length);
  return new RegExp(`\\b(nhung|cac) ${noun} nao\\b|\\b(la|ten|ten la|thuoc) ${noun} (nao|gi)\\b|\\bten (cac |nhung )?${noun} (la|do la) gi\\b`).test(after);
}
/** The English plural of a counted noun, and the words an entry may use for it (folded). */
const NAMED_NOUNS: Record<string, readonly string[]> = {
  phuong: ["phuong", "ward", "wards"], xa: ["xa", "commune", "communes"], "don vi": ["don vi", "unit", "units"], ward: ["phuong", "ward", "wards"],
  wards: ["phuong", "ward", "wards"], commune: ["xa", "commune", "communes"], communes: ["xa", "commune", "communes"], unit: ["don vi", "unit", "units"],
  units: ["don vi", "unit", "units"], "co quan": ["co quan", "agency", "agencies"], agencies: ["co quan", "agency", "agencies"], "he thong": ["he thong", "system", "systems"],
  systems: ["he thong", "system", "systems"], tinh: ["tinh", "province", "provinces"], provinces: ["tinh", "province", "provinces"], huyen: ["huyen", "district", "districts"],
  districts: ["huyen", "quan", "district", "districts"], quan: ["quan", "district", "districts"],
};
/** Nouns of things listed by what they are, not by proper names (see {@link supplies}). */
const THING_NOUNS = new Set(["he thong", "systems"]);
/** Three or more items after a colon, within one sentence: "các hệ thống: văn bản điều hành, báo cáo NQ 57, …". */
const LISTED_AFTER_COLON = /:\s*[^.;:\n]+,[^.;:\n]+,[^.;:\n]+/;
/** A list of names after a noun in an entry's sentence (marks removed, punctuation and case kept): "6 phường: A, B…",
 * "bốn cơ quan ban hành: Sở KH&CN TP.HCM, …", "namely A and B" (two words between at most; "TP.HCM" ends no sentence). The list must open with a
 * capital (a name): "ba hệ thống dùng chung: phần mềm quản lý văn bản, …" lists things, and "102 wards and communes:
 * video conferencing connected…" goes on with something else. */
const LIST_AFTER = (noun: string) => new RegExp(`\\b${noun}\\b(?:\\s+[^\\s:;.,]+){0,2}?\\s*(?::|\\s(?:gom|la|bao gom|including|namely|are|were)\\b)\\s*(?=(?:[^.;]|\\.(?=\\S))*?(?:,|\\sva\\s|\\sand\\s))`, "g");
/** A sentence as {@link LIST_AFTER} reads it: marks removed, punctuation and case kept. */
const plain = (raw: string) => raw.normalize("NFD").replace(/\p{M}+/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
/** Whether `cased` (see {@link plain}) lists names after `noun`. */
function listsNames(cased: string, noun: string): boolean {
  const lower = cased.toLowerCase();
  for (const m of lower.matchAll(LIST_AFTER(noun))) {
    const next = cased[m.index + m[0].length];
    if (next !== undefined && /[A-Z]/.test(next)) return true;
  }
  return false;
}

/** "số điện thoại", "sđt", "số đt", "phone number", "contact number": the question asks a telephone number (folded). */
const ASKS_PHONE = /\b(bam (so|dau so) (gi|nao|may)|goi (so|dau so) (gi|nao|may)|so dien thoai|dien thoai lien he|sdt|so dt|phone number|telephone number|contact number|number to call)\b|\b(so )?(hotline|tong dai|duong day nong|so lien he)\b.*\b(la so (may|nao|gi)|so may|so nao|so gi)\b|\b(hotline|helpline) number\b/;
/** A telephone number in an entry's text as written: "1022", "0274.1022", "(028) 3823 3333", "1900 1234". */
const PHONE = /(^|[^\d/])(\(?0\d{2,3}\)?[ .]?\d{3,4}[ .]?\d{3,4}|0\d{3}\.\d{4}|1022|1900[ .]?\d{4})(?![\d/])/;
/** Words of a "not stated" sentence that say a telephone number is not given. */
const PHONE_NOT_STATED = /\b(so dien thoai|dien thoai|phone|telephone|hotline|dau moi|contact)\b/;

/** "cụ thể là những X nào", "gồm những X gì cụ thể", "which X exactly", "list them specifically": the question asks
 * the specific items of a list (folded). Without "cụ thể" / "exactly" a list asked is answered by what the entry says. */
const ASKS_LIST = /\b(cu the|chinh xac|exactly|specifically|precisely|in detail)\b.*\b(nhung [a-z ]{0,30}?(nao|gi)|gom (nhung )?(gi|nao)|la gi|which|what are|list)\b|\b(nhung [a-z ]{1,30}?(nao|gi)|gom (nhung )?(gi|nao)|which [a-z]+( [a-z]+)?|what are (the|they))\b.*\b(cu the|chinh xac|exactly|specifically|precisely)\b/;
/** Words of a "not stated" sentence that say the items of a list are not given ("không liệt kê cụ thể"). */
const LIST_NOT_STATED = /\b(liet ke|cu the|ten|danh sach|chi tiet|list|listed|lists|name|names|specify|specific|in detail)\b/;

/** A count of two or more before a noun (folded): "5 kênh", "five channels", "the five 1022 channels". Vietnamese numbers spelled out fold like
 * other words ("sau khi", "tên" and "ten", "năm" the year), so only digits and English words are read. */
const ITEMS_COUNTED = /(?<![\d/.,])\b(\d{1,2}(?![\d/.,])|two|three|four|five|six|seven|eight|nine)\s+(?:\d{3,}\s+)?([a-z]+)\b/g;
/** Spelled counts of {@link ITEMS_COUNTED}, as numbers. */
const SPELLED: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
/** Words right before a count that ask the items themselves, not their number: "liệt kê hết 5", "kể tên các 5",
 * "list the five", "what are the 5". */
const ITEMS_BEFORE = /\b(liet ke|ke (het|ra|ten|ro|du|day du)|list|name|what are|which are)( (het|du|ca|cac|nhung|the|all|tat ca))*\s*$/;
/** Words right after a counted noun (and up to two words qualifying it) that ask its items: "5 kênh (tiếp nhận) nào",
 * "5 kênh gồm những gì", "5 kênh là gì". */
const ITEMS_AFTER = /^( [a-z]+){0,2}? (nao|gom (nhung )?(gi|nao)|la (nhung )?(gi|nao))\b/;
/** Nouns after a count that are spans of time, shares or ordinals, never things listed ("3 tháng", "2 giai đoạn"). */
const NOT_ITEMS = new Set(["ngay", "thang", "nam", "tuan", "gio", "phut", "quy", "lan", "dot", "giai", "doan", "phan", "tram", "tieng", "days", "months", "years", "weeks", "hours", "phases", "times"]);

/**
 * The list a (folded) question asks the items of ({@link ExpectedType} "items"): a count of two or more before a noun,
 * with words asking the items right before it ("liệt kê 5 kênh") or right after the noun ("5 kênh nào").
 */
function itemsAsked(folded: string): { noun: string; count: number } | undefined {
  for (const m of folded.matchAll(ITEMS_COUNTED)) {
    const noun = m[2]!;
    const count = /^\d/.test(m[1]!) ? Number(m[1]) : SPELLED[m[1]!]!;
    if (count < 2 || count > 20 || NOT_ITEMS.has(noun) || /^\d/.test(noun)) continue;
    // "tháng 6", "giai đoạn 2", "đợt 1": a date or an ordinal, no count.
    if (ORDINAL_BEFORE.has(folded.slice(0, m.index).trim().split(" ").pop() ?? "")) continue;
    if (ITEMS_BEFORE.test(folded.slice(0, m.index)) || ITEMS_AFTER.test(folded.slice(m.index + m[0].length))) return { noun, count };
  }
  return undefined;
}

/** The most items any one list of an entry sets out: the parts of a sentence between commas, "và", "hoặc", "and", "or"
 * (what stands in brackets is one item's detail), or bulleted lines in a row. */
function mostItems(entry: EntryUnits): number {
  const sentences = entry.sentences?.map((x) => x.raw ?? x.folded) ?? [entry.raw];
  let most = 0;
  for (const x of sentences) {
    const bare = x.replace(/\([^)]*\)/g, " ").replace(/"[^"]*"|“[^”]*”/g, "name");
    most = Math.max(most, bare.split(/[,;]|\s(?:và|hoặc|hay|and|or)\s/iu).filter((p) => p.trim().length > 0).length);
  }
  const bullets = entry.raw.split(/\n/).reduce(
    (run, line) => (/^\s*([•*-]|\d{1,2}[.)])\s/.test(line) ? { now: run.now + 1, best: Math.max(run.best, run.now + 1) } : { now: 0, best: run.best }),
    { now: 0, best: 0 },
  );
  return Math.max(most, bullets.best);
}

/** "đăng nhập bằng tài khoản gì", "dùng tk nào", "which account", "log in with": the question asks an account (folded). */
/** Nouns of a count of steps (folded): "mấy bước", "how many steps". */
const STEP_NOUNS = new Set(["buoc", "step", "steps", "stage", "stages"]);
/** "Các bước: …", "The steps are: …": a list of steps after a colon, as written. */
const STEPS_LISTED = /(?:các|những|gồm)\s+bước[^.:]{0,40}:([^.]+)|\bsteps?\b[^.:]{0,40}:([^.]+)/giu;

/** Whether a text sets out steps after a colon, at least two of them separated by semicolons. */
function listsSteps(raw: string): boolean {
  for (const m of raw.matchAll(STEPS_LISTED)) if ((m[1] ?? m[2] ?? "").split(";").filter((x) => x.trim().length > 0).length >= 2) return true;
  return false;
}

const ASKS_ACCOUNT =
  /\b(dang nhap (bang|voi|qua) (tai khoan|tk|gi|cai gi|account)|(dang nhap|dung|xai|su dung) (tai khoan|tk) (gi|nao)|(tai khoan|tk) (gi|nao) de (dang nhap|vao)|(log|logs|logging|sign|signs|signing) ?in (with|using|by)|which account|what account|what credentials?|login (with|using|details|credentials))\b/;
/** A sentence about how one reaches a system (folded): an account, a login, a credential. */
const ACCOUNT = /\b(tai khoan|dang nhap|mat khau|vneid|account|accounts|log in|login|sign in|password|credentials?)\b/;
/** Units of a question about an account that say nothing of what it is the account of. */
const ACCOUNT_WORDS = new Set(["dang", "nhap", "dangnhap", "bang", "taikhoan", "tai", "khoan", "tk", "account", "log", "login", "sign", "credential", "credentials", "which", "use", "gi", "nao", "vao", "dung", "xai"]);

/** "có phải trực không", "trực mấy ngày", "lịch trực", "on duty", "rota": the question asks who is on duty (folded). Not
 * "trực tuyến" (online), "trực tiếp" (in person) or "trực thuộc" (under), nor "trục trặc" (a glitch), which folds
 * like "có trực". */
const ASKS_DUTY =
  /\b((phai|co|di|duoc|bi) truc(?! (tuyen|tiep|thuoc|quan|ban|trac))|truc (tet|le|may ngay|bao nhieu ngay|bn ngay|ngay nao|dem|cuoi tuan|khong|ko|k)\b|lich truc|phan cong truc|ca truc|nguoi truc|on duty|on call|duty (rota|roster|schedule)|rota|roster|work (through|over) (the )?(tet|holiday|holidays|new year))\b/;
/** "lần thứ mấy", "khóa mấy", "kỳ họp thứ mấy", "which congress", "what term": the question asks an ordinal (folded). Not
 * "thứ mấy" alone, which asks a day of the week. */
const ASKS_ORDINAL =
  /\b(lan thu (may|bao nhieu|bn|nao)|(khoa|nhiem ky|ky hop|dai hoi) (thu )?(may|bao nhieu|bn|nao)|dai hoi (lan )?thu may|which (congress|session|term|edition)|what (number|term) (congress|session)|(congress|session) number)\b/;
/** An ordinal of a recurring event as written: "lần thứ XII", "lần thứ 11", "khóa XI", "nhiệm kỳ 2025 - 2030", "12th Congress". */
const ORDINAL = /lần thứ\s+([0-9]+|[IVXLC]+)(?!\p{L})|khóa\s+([0-9]+|[IVXLC]+)(?!\p{L})|nhiệm kỳ\s+\d{4}|\b\d+(st|nd|rd|th)\s+(congress|session|term)\b|\bterm\s+\d{4}/iu;
/** "tối đa mấy ngày", "trong vòng bao nhiêu ngày", "thời hạn trả lời", "bao lâu thì phải xử lý", "thời hạn mấy năm",
 * "hiệu lực bao nhiêu tháng", "how many days to
 * reply", "within how many days": the question asks a span of time allowed (folded). */
const ASKS_SPAN =
  /\b((toi da|trong vong|it nhat|toi thieu) (la )?(may|bao nhieu|bn) (ngay|gio|tieng|tuan|thang)|(thoi han|hieu luc|co gia tri|thoi gian su dung|dung duoc) (su dung |la |trong |co )?(may|bao nhieu|bn) (nam|thang|tuan|ngay)|(valid|validity|good) for how (long|many (years|months|days))|how long (is|are|will) [a-z ]{0,40}(valid|be valid|remain valid)|thoi han (tra loi|xu ly|giai quyet|phan hoi)|bao lau (thi |se |phai )*(tra loi|xu ly|phan hoi|giai quyet)|(within|in) how many (days|hours|weeks)|how (many days|long) (do|does|will) [a-z ]{0,30}(take|have) to (reply|respond|answer|process|handle))\b/;
/**
 * A span of time as written: "5 ngày", "ba tháng", "24 giờ", "within 3 days". A day, month or weekday of a date ("tháng 5 năm
 * nay", "ngày 15 tháng 6", "thứ năm ngày") is none.
 */
const SPAN = /(?<![\p{L}\d])(?<!(?:tháng|ngày|thứ|thang|ngay)\s)(\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(ngày|giờ|tiếng|tuần|tháng|năm)(?!\s*\d)|\b(\d+|one|two|three|four|five|six|seven|ten)\s+(days?|hours?|weeks?|months?|years?)\b/iu;
/** Whether `raw` writes a span of time ({@link SPAN}): "dùng song song 3 tháng", not "tháng 5 năm nay". */
export function writesSpan(raw: string): boolean {
  return SPAN.test(raw);
}
/** A sentence saying who is on duty (folded). */
const DUTY = /\b(truc(?! (tuyen|tiep|thuoc|quan|trac))|on duty|on call|rota|roster|duty)\b/;

/** "làm việc giờ nào", "giờ làm việc", "mấy giờ mở cửa", "working hours", "open 24/7": the question asks hours (folded). */
const ASKS_HOURS = /\b(lam viec gio nao|gio lam viec|gio hanh chinh|may gio (mo|dong|lam|nghi)|(mo|dong) cua (luc )?may gio|truc 24|working hours|opening hours|office hours|open 24|what hours|around the clock)\b/;
/** Hours in an entry's sentence (folded): "24/7", "24/24", "7 giờ 30", "7h30", "ban đêm và cuối tuần", "around the clock". */
const HOURS = /\b(24\/7|24\/24|24 gio|\d{1,2}h\d{0,2}|\d{1,2} gio( \d{1,2})?|ban dem|cuoi tuan|ngoai gio|around the clock|at night|weekends?|\d{1,2}(:\d\d)? ?(am|pm))\b/;

/** "bao nhiêu phần trăm", "mấy phần trăm", "what percentage", "how many percent": the question asks a share (folded). */
const ASKS_PERCENT = /\b(bao nhieu phan tram|may phan tram|bn phan tram|ty le phan tram|ti le phan tram|what percentage|what percent|how many percent|what share of|what proportion of)\b|\b(ty le|ti le) [a-z ]{2,60}\b(la )?(bao nhieu|bn|may)$|^((cho (em|toi|minh) hoi )?(ty le|ti le)) (?!(thuan|nghich)\b)[a-z ]{2,60}$/;
/** "bao nhiêu %", "mấy %", "bn%": the same, with the sign (raw text, which folding strips of it). */
const ASKS_PERCENT_SIGN = /(^|[^\p{L}])(bao nhi[eê]u|bn|m[aấ]y)\s*%/iu;
/** "tỷ lệ cán bộ …", "phần trăm cơ quan …", "percentage of officials": the words naming what a share is of (folded). */
const SHARE_OF = /\b(?:ty le|ti le|phan tram|percentage of|proportion of|share of)\s+(?:(?:cac|cua|so|the|all)\s+)?([a-z]+)(?:\s+([a-z]+))?/;
/** People and bodies a share is often of: only these are checked (a share "of completion" is said in many ways). */
const SHARE_NOUNS: Record<string, string> = { "can bo": "can bo", "cong chuc": "cong chuc", "co quan": "co quan", "don vi": "don vi", "nguoi dan": "nguoi dan", "nguoi dung": "nguoi dung", "phuong": "phuong", "xa": "xa" };
const SHARE_NOUNS_EN = /^(official|civil|servant|staff|agenc|unit|ward|commune|citizen|resident|user|people|employee)/;
/** What a share asked is of ({@link SHARE_OF}), when it names people or bodies: "can bo", "co quan", "official". */
function shareOf(folded: string): string | undefined {
  const m = SHARE_OF.exec(folded);
  if (!m) return undefined;
  const two = m[2] ? `${m[1]} ${m[2]}` : m[1]!;
  if (SHARE_NOUNS[two]) return SHARE_NOUNS[two];
  if (SHARE_NOUNS[m[1]!]) return m[1]!;
  // An English noun as written ("officials"): "official" alone is also an adjective ("the official email system").
  return SHARE_NOUNS_EN.test(m[1]!) ? m[1]! : undefined;
}

/** A share in an entry's text as written: "95 %", "80%", "phần trăm", "percent". */
const PERCENT = /\d\s*%|phần trăm|\bpercent\b/iu;
/** Units of a question about a share that say nothing of what it is a share of. */
const PERCENT_WORDS = new Set(["ty", "ti", "le", "phan", "tram", "percent", "percentage", "share", "rate", "proportion", "bao", "nhieu", "may"]);
/** Words of a "not stated" sentence that say a share is not given ("không nêu tỷ lệ hoàn thành"). */
const PERCENT_NOT_STATED = /\b(ty le|ti le|phan tram|percent|percentage|share|rate)\b/;

/** Units of a question about an app that say nothing of whose app it is ("link tải app … cho cán bộ ở đâu"). */
const APP_WORDS = new Set(["app", "apps", "ung", "dung", "ungdung", "tai", "link", "download", "mobile", "dien", "thoai", "dt", "android", "ios", "cbcc", "nguoi", "dan", "co", "khong", "ban", "di", "dong", "phone", "official", "officials", "staff", "where", "get"]);

/** A mobile app in an entry's sentence (folded). */
const APP = /\b(app|apps|android|ios|ung dung|mobile|app store|google play|ch play)\b/;
/** An amount of money, or a statement that something is free, in an entry's text as written. */
const MONEY = /\d[\d.,]*\s*((triệu|tỷ|nghìn|ngàn)\s+)?(đồng|vnđ|vnd|usd)|\d[\d.,]*\s*(million|billion|thousand)\s+(vnd|dong|usd)\b|miễn phí|không mất phí|không tính phí|free of charge|for free|no charge/iu;
/** Words of a "not stated" sentence that say an amount of money is not given ("không nêu giá hay chi phí"). */
const PRICE_NOT_STATED = /\b(gia|chi phi|kinh phi|phi|price|cost|costs|budget|fee|fees)\b/;

const WHEN = `${INTENT_PREFIX}when`;
const HOWMANY = `${INTENT_PREFIX}howmany`;
const WHAT = `${INTENT_PREFIX}what`;
/** The unit of "hạn", "thời hạn", "deadline": "what is the deadline" asks a date. */
const DEADLINE = "han";

/** Units after "bao nhiêu" / "mấy" that are not a count of things (time spans, money, shares, days of the week). */
const NOT_COUNTED = new Set([
  "ngay", "thang", "nam", "tuan", "gio", "phut", "lau", "tien", "phan", "tram", "percent", "thu", "quy", "h", "lan", "giai", "doan",
  "day", "month", "year", "week", "hour", "time", "%", "tuoi", "dong", "usd", "vnd", "km", "km2", "ha", "hecta", "m2", "mbps", "gb",
]);

/** English words before a counted noun that qualify it ("how many monthly users", "how many active accounts"). */
const COUNT_QUALIFIERS = new Set(["monthly", "daily", "weekly", "yearly", "annual", "active", "activ", "registered", "regist", "total", "new", "current"]);

/** First words of two-word nouns that count nothing alone: "người" (dân, dùng), "phản" (ánh), "lượt" (truy cập), "khu"
 * (công nghiệp, dân cư). */
const COMPOUND_HEADS = new Set(["nguoi", "phan", "luot", "ho", "ban", "khu"]);

/** Classifiers counted in chat ("bao nhiêu cái") and English verbs after "how many" ("how many came from…"): they say
 * nothing of what is counted. */
const CLASSIFIERS = new Set(["cai", "chiec", "con", "thing", "ones", "one", "came", "come", "comes", "are", "were", "is", "was", "there", "have", "has", "had", "do", "does", "did", "from", "of", "will"]);

/** The words after a count word (folded): "bao nhiêu điểm cầu" → "diem cau". */
const COUNT_TAIL = /\b(?:bao nhieu|bn|how many) ([a-z]+(?: [a-z]+){0,3})/g;

/** "số lượng", "number": the counted noun follows them when "bao nhiêu" ends the question. */
const QUANTITY_WORDS = new Set(["soluong", "number"]);

/** Concept tokens of the two merged provinces (glossary.yaml). */
const LOCALITIES = new Set(["bd", "brvt"]);

/** Counted words and the units the index may name them by ("đơn vị" → "cấp xã"). */
const NOUN_ALIASES: Record<string, readonly string[]> = {
  don: ["don", "capxa", "phuong", "xa", "unit"],
  capxa: ["capxa", "phuong", "xa", "don", "unit", "commune", "ward"],
  phuong: ["phuong", "capxa", "ward"],
  xa: ["xa", "capxa", "commune"],
  unit: ["unit", "capxa", "commune", "ward", "don"],
  ward: ["ward", "capxa", "phuong", "unit"],
  commune: ["commune", "capxa", "xa", "unit"],
  cbcc: ["cbcc", "official"],
  // "cho bao nhiêu người" said alone (no "dân", "dùng" after it) counts the people a system is for: its officials.
  nguoi: ["nguoi", "cbcc", "official"],
  official: ["official", "cbcc"],
};

/** Spelled numbers (folded) that count things: "hai giai đoạn", "three months". */
const NUMBER_WORDS = new Set([
  "mot", "hai", "ba", "bon", "tu", "nam", "sau", "bay", "tam", "chin", "muoi", "tram", "nghin", "ngan", "trieu",
  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "hundred", "thousand", "dozen",
]);

/**
 * The value a message asks that its wording alone says (an address, a document number, a price), read from its
 * folded and raw text without analysing it: cheap enough to hold every window of a long message to what the whole
 * asks ("…đã đồng ý chưa, văn bản số mấy?" is not answered by the window "…đã đồng ý chưa").
 */
export function valueAsked(folded: string, raw = ""): ExpectedType | undefined {
  if (ASKS_DOMAIN.test(folded) || ASKS_MAIL_OF.test(folded) || ASKS_WEBSITE.test(folded) || ASKS_PORTAL_ADDRESS.test(folded) || /@\s*(gi|gì|nao|nào|\w+\.)/iu.test(raw)) return { kind: "domain", mail: /\b(mail|email|thu|thu dien tu|thu cong vu)\b|@/.test(`${folded} ${raw}`) };
  if (ASKS_PHONE.test(folded)) return { kind: "phone" };
  if (ASKS_PERCENT.test(folded) || ASKS_PERCENT_SIGN.test(raw)) {
    const of = shareOf(folded);
    return of ? { kind: "percent", of } : { kind: "percent" };
  }
  if (ASKS_HOURS.test(folded)) return { kind: "hours" };
  if (ASKS_DUTY.test(folded)) return { kind: "duty" };
  if (ASKS_ORDINAL.test(folded)) return { kind: "ordinal" };
  if (ASKS_SPAN.test(folded)) return { kind: "span" };
  if (ASKS_ACCOUNT.test(folded)) return { kind: "account" };
  if (ASKS_CODE.test(folded)) return { kind: "code" };
  if (ASKS_NUMBER.test(folded)) return { kind: "number", ...(NAMED_KIND.test(folded) ? { named: true } : {}) };
  if (ASKS_PRICE.test(folded) || PRICE_WORD.test(folded)) return { kind: "price" };
  if (ASKS_APP.test(folded)) return { kind: "app" };
  if (ASKS_LINK.test(folded)) return { kind: "domain", mail: false };
  const counted = COUNTED_NAMED.exec(folded);
  if (counted && (ASKS_NAMES.test(folded) || namedAgain(folded, counted))) return { kind: "names", noun: counted[1]! };
  // "which wards piloted first": the first ones, which a source may name where the plan names none.
  const which = FIRST_ONES.test(folded) ? null : WHICH_UNITS.exec(folded);
  if (which) return { kind: "names", noun: (which[1] ?? which[2])!, which: true };
  const items = itemsAsked(folded);
  if (items) return { kind: "items", ...items };
  // "… cụ thể tên là gì": one name asked, however specifically.
  if (ASKS_NAME.test(folded)) return { kind: "name" };
  if (ASKS_LIST.test(folded)) return { kind: "list" };
  return undefined;
}

/**
 * What a question expects, read from its units (intent tokens and topic words, as the analyser gives them), or
 * undefined when it expects nothing checkable. `rare` orders the topic words, rarest first, for "when" questions.
 */
export function expectedType(
  units: readonly string[],
  rare: (unit: string) => number,
  folded = "",
  raw = "",
  knownPair: (pair: string) => boolean = () => false,
  unitsOf?: (text: string) => readonly string[],
): ExpectedType | undefined {
  const value = valueAsked(folded, raw);
  if (value) return value;
  const topic = units.filter((u) => !u.startsWith(INTENT_PREFIX) && !/^\d/.test(u));
  const at = units.indexOf(HOWMANY);
  // "ban hành ngày bao nhiêu": a day asked, not a count. "có mấy hệ thống nào làm tiếp": which ones, not how many.
  if (at >= 0 && !ASKS_DAY_NUMBER.test(folded) && !WHICH_WITH_MAY.test(folded)) {
    let after = units.slice(at + 1).filter((u) => !u.startsWith(INTENT_PREFIX));
    // "số lượng công chức của Bình Dương là bao nhiêu": nothing after "bao nhiêu", so what is counted comes after
    // "số lượng" (or "number of").
    const quantity = units.findIndex((u) => QUANTITY_WORDS.has(u));
    if (after.length === 0 && quantity >= 0 && quantity < at) after = units.slice(quantity + 1, at).filter((u) => !u.startsWith(INTENT_PREFIX) && !LOCALITIES.has(u));
    // "hội nghị truyền hình … có bao nhiêu điểm cầu": the words counted are a term of a concept the question has
    // already named ("điểm cầu" is the video conferences' concept too), so no unit follows "bao nhiêu": the words
    // after the last count word, read alone, name what is counted.
    if (after.length === 0 && unitsOf) {
      const tail = [...folded.matchAll(COUNT_TAIL)].pop()?.[1];
      if (tail) after = unitsOf(tail).filter((u) => !u.startsWith(INTENT_PREFIX));
    }
    // "how many monthly users": a word of frequency or kind before the noun says which ones are counted, not what.
    while (after.length > 1 && COUNT_QUALIFIERS.has(after[0]!)) after = after.slice(1);
    const noun = after[0];
    const place = units.find((u) => LOCALITIES.has(u));
    // "phần trăm" is a share, "phản ánh" (folded "phan anh") a count of reports.
    const counted = noun !== undefined && (!NOT_COUNTED.has(noun) || (noun === "phan" && after[1] !== undefined && after[1] !== "tram"));
    if (noun && counted && !/^\d/.test(noun)) {
      // "người dùng", "phản ánh": a noun of two words is counted only where both are said.
      const next = after[1];
      const type: ExpectedType = {
        kind: "count",
        noun,
        ...(place ? { place } : {}),
        ...(next && COMPOUND_HEADS.has(noun) && !LOCALITIES.has(next) ? { next } : {}),
        ...(ASKS_EXACT.test(folded) ? { exact: true as const } : {}),
        ...(noun === "so" && /(bao nhiêu|bn)\s+sở(?!\p{L})/iu.test(raw) ? { departments: true as const } : {}),
      };
      return type;
    }
    return undefined;
  }
  // The numbers of a "when" question name what it asks the date of ("Nghị quyết 60-NQ/TW ban hành ngày nào?").
  const named = units.filter((u) => !u.startsWith(INTENT_PREFIX) && /^\d+$/.test(u) && !/^(19|20)\d\d$/.test(u));
  // "ngày cụ thể bắt đầu …" asks a date without "khi nào".
  const asksDay = ASKS_DAY.test(folded);
  const asksDate = units.includes(WHEN) || (units.includes(WHAT) && units.includes(DEADLINE)) || asksDay || ASKS_DAY_NUMBER.test(folded) || (asksIssueDate(folded) && ISSUED_ON_DAY.test(folded));
  if (asksDate && topic.length + named.length > 0) {
    const sorted = [...named, ...[...topic].filter((u) => u !== DEADLINE || units.includes(WHEN)).sort((a, b) => rare(b) - rare(a))];
    const subject = dateSubject(units, rare, knownPair);
    const exact = asksDay || ASKS_EXACT_DATE.test(folded) ? { exact: true as const } : {};
    return subject === undefined ? { kind: "date", topic: sorted, ...exact } : { kind: "date", topic: sorted, subject, ...exact };
  }
  return undefined;
}

/**
 * Whether the entry gives a web address of the system the question names: "địa chỉ website cổng thông tin điện tử"
 * is not answered by the 1022 portal's address (a sentence naming another system gives that system's address). With
 * no system named, any address will do.
 */
function addressOf(entry: EntryUnits, asked: ReadonlySet<string>): boolean {
  if (!DOMAIN.test(entry.raw)) return false;
  const systems = [...asked].filter(isSystemUnit);
  if (systems.length === 0 || !entry.sentences) return true;
  // The address must be said of the system asked, and of no other one: "vào https://1022.tphcm.gov.vn" is the 1022
  // portal's address, even where the sentence also says "trang web" (a word of the web portal); so is
  // "tongdai1022.tphcm.gov.vn".
  return entry.sentences.some(
    (x) => DOMAIN.test(x.folded.replace(/ (vn|com|net|org)\b/g, ".$1")) && systems.some((u) => x.units.includes(u)) && x.units.every((u) => {
        const other = systemNamedBy(u);
        return other === undefined || asked.has(other);
      }),
  );
}

/** Whether a unit is a date ("15/6", "6/2025", "2025") or starts one ("thang" 6, "quy" III). */
function isDateUnit(units: readonly string[], i: number): boolean {
  const u = units[i]!;
  if (/^\d{1,2}\/\d{1,2}$/.test(u) || /^\d{1,2}\/20\d\d$/.test(u) || /^20\d\d$/.test(u)) return true;
  const next = units[i + 1];
  return (u === "thang" || u === "quy" || u === "month" || u === "quarter") && next !== undefined && /^(\d{1,2}|i{1,3}|iv)$/.test(next);
}

/** Words before the date of an article or a news report ("theo bài viết ngày", "according to the press (5 November)"). */
const ARTICLE_WORDS = new Set(["bai", "viet", "article", "articl", "dang", "published", "publish", "press", "bao", "tin", "report", "reported"]);

/** The date of an article ("theo bài viết ngày 17/05/2025"), not of the thing asked. */
function isArticleDate(units: readonly string[], i: number): boolean {
  // "ngày 5/11 2025": the year is part of the day before it, and is an article's date when that day is.
  let start = i;
  while (start > 0 && isDateUnit(units, start - 1) && /^\d/.test(units[start]!)) start--;
  const before = units.slice(Math.max(0, start - 3), start);
  return before.some((u) => ARTICLE_WORDS.has(u));
}

/** Units before a number that make it a date or an ordinal, not a count: "tháng 5", "quý 3", "giai đoạn 2", "đợt 1". */
const ORDINAL_BEFORE = new Set(["thang", "quy", "ngay", "doan", "dot", "lan", "thu", "month", "quarter", "phase", "stage", "round", "day", "so", "no", "number"]);

/** Nouns a number right before them counts, which are seldom what a question counts: the merged localities ("hai
 * tỉnh", "ba địa phương") and spans of time ("3 tháng"). */
const OTHER_COUNTED = new Set(["tinh", "diaphuong", "dia", "thang", "nam", "ngay", "tuan"]);
/** The same in English, as the analyser may stem them ("provinc", "localiti"). */
const OTHER_COUNTED_EN = /^(provinc|localit|month|year|day|week)/;

/**
 * Whether the unit at `j` of `t` is a count ({@link isCountUnit}) of one of `nouns`: no date or ordinal ("tháng 5",
 * "giai đoạn 2"), nor the count of another noun it stands before ("CBCC của hai tỉnh" counts provinces).
 */
function isCountAt(t: readonly string[], j: number, asked: ReadonlySet<string>, nouns: readonly string[]): boolean {
  if (!isCountUnit(t[j]!, asked)) return false;
  if (/^\d/.test(t[j]!) && j > 0 && ORDINAL_BEFORE.has(t[j - 1]!)) return false;
  const next = t[j + 1];
  return next === undefined || nouns.includes(next) || !(OTHER_COUNTED.has(next) || OTHER_COUNTED_EN.test(next));
}

/** Words that fold like a spelled number after the word before them: "quan tâm", "trung tâm", "phía sau", "miền Nam",
 * "điện tử", "cuối năm". */
const NOT_A_NUMBER = new Set([
  "quan tam", "trung tam", "chu tam", "an tam", "phia sau", "ve sau", "truoc sau", "mien nam", "viet nam", "phia nam", "cuoi nam", "dau nam",
  "trong nam", "hang nam", "moi nam", "nam nam", "dien tu", "chu tu", "ca tu", "tai tu", "dai tu", "ong ba", "cha mot",
]);

/** Words that fold like a spelled number before the word after them: "sau khi" (after), "sau đó", "Bà Rịa". */
const NOT_A_NUMBER_BEFORE = new Set(["sau khi", "sau do", "sau nay", "sau hop", "sau sap", "sau thoi", "ba ria"]);

/** Whether the number `u` is written as a share in `raw` ("100% cơ quan"): a share counts nothing. */
function isShare(u: string, raw: string): boolean {
  if (!/^\d/.test(u)) return false;
  const at = raw.indexOf(`${u}%`) >= 0 || raw.indexOf(`${u} %`) >= 0;
  return at && !new RegExp(`(^|[^\\d.,])${u.replace(/[.]/g, "\\.")}(?!\\s*%)(?![\\d.,]\\d)`).test(raw);
}

/** Whether a unit is a count: a number that is no date, year or code the question itself names. */
function isCountUnit(u: string, asked: ReadonlySet<string>): boolean {
  if (NUMBER_WORDS.has(u)) return true;
  // A number that names a system ("Cổng 1022") counts nothing.
  if (!/^\d+([.,]\d+)?$/.test(u) || asked.has(u) || isSystemUnit(u)) return false;
  return !/^(19|20)\d\d$/.test(u);
}

/** What an entry offers {@link supplies}: its text's units, its questions' units, its related milestones' units. */
export interface EntryUnits {
  text: readonly string[];
  /** The entry's answer texts as written (for addresses). */
  raw: string;
  questions: readonly (readonly string[])[];
  milestones: readonly (readonly string[])[];
  /** Whether each related milestone (as in `milestones`) is due on a day, not a month or a span; unknown counts as a day. */
  milestoneDays?: readonly boolean[];
  /** The words of the entry's keywords (folded), when known. */
  keywords?: readonly string[];
  /** The entry's answer sentences, each with its units and whether it says something is not stated (see {@link isNotStated}). */
  sentences?: readonly { units: readonly string[]; notStated: boolean; folded: string; /** As written, when known. */ raw?: string }[];
}

/**
 * "Kế hoạch không nêu ngày cụ thể", "The article does not say…": a sentence (folded) that says the sources do not give
 * something. An entry written to answer honestly that a value is not known is made of such sentences.
 */
const NOT_STATED =
  /\b(chua ro|khong ro|chua duoc cong bo|khong duoc cong bo|chua duoc neu|khong duoc neu|chua xac dinh|it is unclear|is not clear|not been published|not been announced|not yet announced|khong neu|chua neu|khong liet ke|chua liet ke|does not list|do not list|not listed|khong noi|chua noi|khong de cap|chua de cap|khong mo ta|khong cong bo|chua cong bo|khong co so lieu|chua co so lieu|khong co con so|khong co thong tin|chua co thong tin|khong co nguon|khong co du lieu|does not say|do not say|did not say|does not state|do not state|not stated|does not give|do not give|not published|does not publish|do not publish|does not mention|do not mention|does not describe|do not describe|no figures?|not known|has no|have no|no information|without (listing|naming|specifying|giving|saying|stating) (them|it|which|what|the|a|any))\b/;

/**
 * Whether an entry is written to say the sources do not answer: its answer's first sentence opens with a "not stated"
 * phrase ("Kế hoạch không nói việc chuyển thư…"), not one that states a fact first ("Kế hoạch chỉ nêu… , không nói
 * về…"). Such an entry is shown, but the question stays unanswered, like a referral.
 */
export function opensAsAbsent(entry: EntryUnits, units: readonly string[], weight: (unit: string) => number): boolean {
  const [first, ...rest] = entry.sentences ?? [];
  if (first === undefined || !first.notStated || !opensWithAbsence(first.folded)) return false;
  // Unless a later sentence states more of what is asked ("… ; theo báo cáo năm 2024, 95 % cơ quan dùng thư công vụ").
  const asked = units.filter((u) => !u.startsWith(INTENT_PREFIX));
  const cover = (s: { units: readonly string[] }) => {
    const have = new Set(s.units);
    return asked.reduce((sum, u) => (have.has(u) ? sum + weight(u) : sum), 0);
  };
  const opening = cover(first);
  // ... or says two words asked, side by side, that the opening does not ("Báo Mới đăng bài gốc của ai" is answered
  // by "Bài có trên Báo Mới…", after "Chưa rõ báo nào đăng bài gốc").
  const askedPairs = [...pairsOf(asked)];
  const opens = pairsOf(first.units);
  const addsPair = (s: { units: readonly string[] }) => {
    const have = pairsOf(s.units);
    return askedPairs.some((p) => !opens.has(p) && have.has(p));
  };
  // A later sentence that leaves out most of what the opening says is not stated speaks of something else: "thư cũ
  // có được chuyển sang tài khoản mới không" is not answered by "dùng song song hai tài khoản trong 3 tháng".
  // It must say at least half (by weight) of what the opening says is not given.
  const said = asked.filter((u) => first.units.includes(u));
  const aboutSubject = (s: { units: readonly string[] }) => 2 * said.reduce((sum, u) => (s.units.includes(u) ? sum + weight(u) : sum), 0) >= opening;
  return rest.every((s) => s.notStated || !aboutSubject(s) || (cover(s) <= opening && !addsPair(s)));
}

/** Whether a (folded) first sentence opens by saying the sources do not give something: a "not stated" phrase in its
 * first six words ("Kế hoạch không nói…"), not after a fact ("Kế hoạch chỉ nêu… , không nói về…"). */
function opensWithAbsence(folded: string): boolean {
  const words = folded.split(" ");
  return NOT_STATED.test(words.slice(0, 6).join(" "));
}

/** Whether a (folded) sentence says the sources do not give something ({@link NOT_STATED}). */
export function isNotStated(folded: string): boolean {
  return NOT_STATED.test(folded);
}

/** Words of a "not stated" sentence that say it is a date that is not given ("không nêu ngày cụ thể"). */
const NOT_STATED_DATE = /\b(ngay( [a-z]+){0,2} cu the|ngay nao|thoi diem|thoi gian cu the|moc cu the|ngay chinh xac|exact date|the date|a date|which day|when)\b/;

/** "trợ lý chưa có nguồn xác nhận ngày …", "no source confirms": the assistant cannot confirm what follows (folded). Read
 * only of the day asked: elsewhere such a sentence goes on to say what the plan does give. */
const UNCONFIRMED = /\b(chua co nguon|khong co nguon|no source (confirms|gives|states))\b/;

/**
 * Whether the entry says, in a "not stated" sentence, that the very kind of value the question expects is not given
 * ("Kế hoạch không nêu ngày cụ thể" for "chính xác ngày nào"): it is shown, but the question stays unanswered.
 */
export function statesAbsent(type: ExpectedType, entry: EntryUnits, folded: string): boolean {
  // Only a question that asks the exact day: "khi nào" is answered by "3 tháng sau khi…" even where the plan gives no day.
  if (type.kind !== "date" || (!ASKS_EXACT.test(folded) && !type.exact)) return false;
  // When it was reported, and the entry dates the article: the day asked is given, whatever other day it lacks.
  if (asksReportDate(new Set(folded.split(" "))) && givesArticleDate(entry)) return false;
  // "lịch tập huấn cụ thể là ngày nào": the sessions' own days, which an entry that says it gives no schedule ("không
  // nêu lịch … các buổi tập huấn") does not give, whatever deadline it states.
  if (SCHEDULE_ASKED.test(folded) && (entry.sentences ?? []).some((s) => s.notStated && SCHEDULE_NOT_STATED.test(s.folded))) return true;
  return (entry.sentences ?? []).some((s) => (s.notStated || UNCONFIRMED.test(s.folded)) && NOT_STATED_DATE.test(s.folded));
}

/** "lịch tập huấn", "buổi họp", "the schedule", "the sessions": the days of an event's sessions asked (folded). */
const SCHEDULE_ASKED = /\b(lich|buoi|schedule|schedules|session|sessions)\b/;
/** A "not stated" sentence saying no schedule is given (folded). */
const SCHEDULE_NOT_STATED = /\b(lich|schedule|schedules)\b/;

/** "chính xác ngày nào", "ngày cụ thể", "exact date": the question asks the exact day, not roughly when. */
const ASKS_EXACT = /\b(chinh xac|cu the|exact|exactly|precise|precisely|dung ngay)\b/;
/** "ngày cụ thể", "chính xác ngày nào", "exact date": the question asks a specific day, with or without "khi nào". */
const ASKS_DAY = /\b(ngay cu the|ngay chinh xac|ngay gio cu the|chinh xac (la )?(vao )?ngay|cu the (la )?(vao )?ngay|(exact|specific|precise) (date|day)|(which|what) day exactly)\b/;
/** "từ ngày nào", "khóa ngày nào", "ngày bao nhiêu": the day itself asked in chat, not a span ("nghỉ từ ngày nào tới ngày
 * nào" asks the holiday's span, which a calendar answers). */
const ASKS_WHICH_DAY = /^(?!.*\b(toi|den|va) ngay (nao|may)\b).*\bngay (nao|bao nhieu)\b(?! (nua|roi|lien|toi|sau|den))/;

/** Whether a (folded) question, asked on its own, asks the day itself ("mail cũ khóa ngày nào"): a month or a quarter
 * then is no answer ("tháng mấy" still is answered by one). A follow-up ("còn gđ2?") asks more loosely, and is left out
 * by the caller. */
export function asksWhichDay(folded: string): boolean {
  return ASKS_WHICH_DAY.test(folded);
}

/** "có mấy hệ thống nào", "mấy cơ quan nào" (folded): in speech "mấy … nào" asks which ones, not how many. */
const WHICH_WITH_MAY = /\b(co|gom) may( [a-z]+){1,3} nao\b/;
/** "ban hành ngày bao nhiêu": a date asked in the words of a count. */
/** "ký ngày mấy", "ban hành vào ngày mấy" (folded): the day a document was made, asked with "mấy", which is otherwise a
 * filler the analyser drops ("ngày mấy"). */
const ISSUED_ON_DAY = /\b(ky|ban hanh|ra|thong qua|co hieu luc) (vao )?(ngay|hom) (may|bao nhieu|bn|nao)\b/;
const ASKS_DAY_NUMBER = /\bngay bao nhieu\b(?! (nua|roi|lien|toi|sau|den))/;
/** {@link ASKS_DAY}, or "chính xác khi nào", "cụ thể bao giờ", "exactly when": the day, not the month or quarter. A bare
 * "cụ thể" may ask details of something else ("kế hoạch cụ thể ra sao, khi nào xong"): it counts next to the question
 * word only. */
const ASKS_EXACT_DATE = /\b(chinh xac|exact|exactly|precise|precisely|dung ngay|cu the (la )?(khi nao|bao gio|hom nao|luc nao)|(khi nao|bao gio|hom nao|luc nao|thoi diem|thoi gian|moc) cu the)\b/;

/**
 * Whether the entry's sentence that says most of what the question asks is a "not stated" one: the entry covers the
 * question only to say the sources do not answer it ("Kế hoạch không nói về cán bộ Bà Rịa - Vũng Tàu"). `weight` is
 * the rarity of a unit; ties go to the stated sentences.
 */
export function coveredOnlyAsAbsent(units: readonly string[], entry: EntryUnits, weight: (unit: string) => number): boolean {
  const asked = units.filter((u) => !u.startsWith(INTENT_PREFIX));
  let stated = 0;
  let absent = 0;
  const sentences = entry.sentences ?? [];
  let statedBest: (typeof sentences)[number] | undefined;
  let absentBest: (typeof sentences)[number] | undefined;
  for (const s of sentences) {
    const have = new Set(s.units);
    const w = asked.reduce((sum, u) => (have.has(u) ? sum + weight(u) : sum), 0);
    if (s.notStated && w > absent) [absent, absentBest] = [w, s];
    else if (!s.notStated && w > stated) [stated, statedBest] = [w, s];
  }
  if (absent <= stated) return false;
  // "mã định danh của cơ quan bao giờ xong", answered by "… mã định danh điện tử, hoàn thành … tháng 8/2025" and "Bài
  // viết không nói rõ phạm vi (mã định danh của cơ quan …)": when asked, the stated sentence gives a time for the
  // thing asked, and the "not stated" one adds only a word that weighs much less than that thing (a qualifier, not
  // another subject such as a locality).
  if (statedBest && absentBest && units.includes(WHEN_UNIT) && DATED.test(statedBest.folded)) {
    const said = new Set(statedBest.units);
    const top = Math.max(...asked.filter((u) => said.has(u)).map(weight));
    const extra = asked.filter((u) => !said.has(u) && absentBest!.units.includes(u));
    if (extra.every((u) => weight(u) < top * QUALIFIER_SHARE)) return false;
  }
  // "dùng song song bao (nhiêu) lâu rồi mới bỏ cái cũ": a stated sentence that gives a span ("trong 3
  // tháng") answers it, whatever a "not stated" one adds.
  if (statedBest && asked.some((u) => HOW_LONG_UNITS.has(u)) && writesSpan(statedBest.raw ?? statedBest.folded)) return false;
  return true;
}

/** Units of "bao lâu", "bao nhiêu lâu": a span asked. */
const HOW_LONG_UNITS = new Set(["lau"]);

/** Most weight of a word the "not stated" sentence adds, as a share of the heaviest word the stated one covers, for it
 * to be a qualifier of the thing asked ("của cơ quan", "chuyển"). */
const QUALIFIER_SHARE = 0.6;
/** The intent token of a "when" question ("khi nào", "bao giờ", "when"; see query.ts). */
const WHEN_UNIT = `${INTENT_PREFIX}when`;
/** A time in a folded sentence: "15/05/2025", "8/2025", "tháng 5", "May 2025". */
const DATED = /\b(\d{1,2}\/(\d{1,2}\/)?\d{4}|thang \d{1,2}|(january|february|march|april|may|june|july|august|september|october|november|december) \d{4})\b/;

/** The pairs of neighbouring units of a list ("bao moi", "moi dang"). */
function pairsOf(list: readonly string[]): Set<string> {
  return new Set(list.slice(1).map((u, i) => `${list[i]} ${u}`));
}

/**
 * Whether an entry supplies the value a question expects. `asked` are the question's units (numbers it names are not
 * counts it is told). Windows are a few units wide: a value said of X sits next to X. `weight` (the rarity of a unit,
 * 0 for one no entry has) picks the thing whose app or hours are asked; without it any app or hours will do. `trial`:
 * the message speaks of a trial run (a count said only of one then answers it).
 */
export function supplies(type: ExpectedType, entry: EntryUnits, asked: ReadonlySet<string>, weight?: (unit: string) => number, trial = false): Supply {
  const asks = (intent: string, words: readonly string[]) => entry.questions.some((q) => q.includes(intent) && words.some((w) => q.includes(w)));
  if (type.kind === "domain") {
    if (type.mail ? MAIL.test(entry.raw) : addressOf(entry, asked)) return "given";
    return entry.questions.some((q) => q.some((u) => DOMAIN_WORDS.has(u))) ? "asked" : "no";
  }
  if (type.kind === "number") {
    // "Nguồn … cũng không nêu số văn bản": the entry says the number asked is not given; another document's number
    // in its text ("Nghị quyết số 57-NQ/TW") is no answer.
    if (!type.named && (entry.sentences ?? []).some((x) => x.notStated && NUMBER_NOT_STATED.test(x.folded))) return "asked";
    // The number must be of the document asked: "chiến lược dữ liệu … QĐ số mấy" is not answered by the numbers of the
    // plan's legal bases. The question's rarest words besides those of a document number name that document; the
    // entry must speak of one of them.
    const thing = topicOf(asked, weight, DOCUMENT_WORDS);
    if (thing.length > 0 && !thing.some((u) => speaks(entry, u))) return "no";
    if (givesNumber(entry.raw)) return "given";
    return entry.questions.some((q) => q.some((u) => NUMBER_WORDS_ASKED.has(u)) || q.includes(HOWMANY)) ? "asked" : "no";
  }
  // "… không nêu tên gọi của hệ thống mới": the name asked is not known.
  if (type.kind === "name") {
    if ((entry.sentences ?? []).some((x) => x.notStated && NAME_NOT_STATED.test(x.folded))) return "asked";
    // The name must be of the thing asked: an entry that never speaks of it ("Zalo OA của TTCĐS tên là gì" and an
    // entry on Zalo with no word of the Center) gives some other name.
    // The thing is named by the question's names, abbreviations and compounds of the index (words no Vietnamese
    // syllable is: "ttcds", "zalo", "1022"), each of which the entry must speak of; plain words ("tìm", "theo dõi")
    // may be worded otherwise.
    const thing = namesOf(asked, weight, NAME_WORDS);
    if (!thing.every((u) => speaks(entry, u))) return "no";
    // ... and a name must be given for it: a sentence of the thing that names something ("ứng dụng "Tổng đài 1022"",
    // "mang tên …", a word written with a capital past the sentence's first), not one that only describes it ("giai
    // đoạn 1 còn bao gồm hệ thống giải quyết thủ tục hành chính").
    const sentences = entry.sentences?.filter((x) => !x.notStated && x.raw !== undefined);
    if (sentences === undefined || sentences.length === 0) return "given";
    // An entry whose sentences never say the thing's word (its questions do) is read whole.
    if (thing.length === 0) {
      // No name nor code in the question ("phần mềm tác nghiệp tên gì"): its plain words name the thing, and a name
      // must stand in the part of a sentence (between commas, colons, semicolons) that says the most of them: a list
      // "các hệ thống: văn bản điều hành, …, phần mềm tác nghiệp" names the agencies before it, not the software.
      const words = [...asked].filter((u) => isSyllable(u) && !u.startsWith(INTENT_PREFIX) && !NAME_WORDS.has(u) && !RELATION_WORDS.has(u) && (weight?.(u) ?? 0) > 0);
      const parts = sentences.flatMap((x) => clausesOf(x.raw!)).map((c) => ({ ...c, score: words.filter((u) => c.words.has(u)).reduce((a, u) => a + weight!(u), 0) }));
      const top = Math.max(0, ...parts.map((c) => c.score));
      if (top > 0 && words.length >= 2) return parts.some((c) => c.score === top && givesNameIn(c)) ? "given" : "no";
    }
    const said = sentences.filter((x) => thing.some((u) => x.units.includes(u)));
    return (said.length > 0 ? said : sentences).some((x) => givesName(x.raw!)) ? "given" : "no";
  }
  if (type.kind === "app") {
    // "… cũng không nêu có ứng dụng trên điện thoại hay nơi tải": said only to say it is not known.
    const about = (entry.sentences ?? []).filter((x) => APP.test(x.folded));
    // The app must be one of the thing asked: the 1022 hotline's app is no app of "quản lý chính quyền số". The
    // question's rarest words besides the app words name that thing; a sentence about an app must say one of them.
    const thing = topicOf(asked, weight);
    const ofThing = (x: { units: readonly string[] }) => thing.length === 0 || thing.some((u) => x.units.includes(u));
    if (about.some((x) => !x.notStated && ofThing(x))) return "given";
    return about.length > 0 ? "asked" : "no";
  }
  if (type.kind === "hours") {
    // The hours must be those of the thing asked: 1022's "24/7" are not the hours of the Department of Science.
    const thing = topicOf(asked, weight);
    const about = (entry.sentences ?? []).filter((x) => HOURS.test(x.folded));
    return about.some((x) => !x.notStated && (thing.length === 0 || thing.some((u) => x.units.includes(u)))) ? "given" : "no";
  }
  if (type.kind === "phone") {
    // "Kế hoạch … không nêu số điện thoại hay đầu mối": shown, but the question stays unanswered.
    if ((entry.sentences ?? []).some((x) => x.notStated && PHONE_NOT_STATED.test(x.folded))) return "asked";
    if (!PHONE.test(entry.raw)) return "no";
    // A number asked of one merged province must be said of it: Bình Dương's old 0274.1022 is not Bà Rịa - Vũng
    // Tàu's, though the entry names both.
    const place = [...asked].find((u) => LOCALITIES.has(u));
    if (place !== undefined && entry.sentences && !entry.sentences.some((x) => !x.notStated && PHONE.test(x.raw ?? "") && x.units.includes(place))) return "no";
    // The number must be of the thing asked ("Sở KH&CN Bình Dương" is not reached at Bình Dương's old 1022 line): the
    // entry must speak of each name, abbreviation or code of the question.
    return namesOf(asked, weight, PHONE_WORDS).every((u) => speaks(entry, u)) ? "given" : "no";
  }
  if (type.kind === "names") {
    const nouns = NAMED_NOUNS[type.noun] ?? [type.noun];
    const text = plain(entry.raw);
    if (type.which) {
      const sentences = entry.sentences ?? [];
      // "…không nêu tên các đơn vị thử nghiệm. Theo báo Lao Động, … tại 6 phường mới của Tân Bình": a source that says
      // where the units are answers which ones, though their own names are not given.
      // Only the units the source speaks of ("phường nào", not the plan's "đơn vị nào"), and of the locality asked.
      const place = [...asked].find((u) => LOCALITIES.has(u));
      const locates = (x: { units: readonly string[]; notStated: boolean; raw?: string }) => {
        const at = x.notStated ? null : UNITS_AT_PLACE.exec(x.raw ?? "");
        return at !== null && plain(at[1]!).toLowerCase().replace(/s$/, "") === type.noun.replace(/s$/, "") && (place === undefined || x.units.includes(place));
      };
      if (sentences.some(locates)) return "given";
      return sentences.some((x) => x.notStated && UNIT_NAMES_NOT_STATED.test(x.folded)) ? "asked" : "given";
    }
    if (nouns.some((n) => listsNames(text, n))) return "given";
    // Systems are things, not proper names: a list after a colon gives them ("Phía Đảng: văn bản điều hành, báo cáo
    // NQ 57, báo cáo đại hội, …").
    if (THING_NOUNS.has(type.noun) && LISTED_AFTER_COLON.test(text)) return "given";
    return (entry.sentences ?? []).some((x) => x.notStated && NAME_NOT_STATED.test(x.folded)) ? "asked" : "no";
  }
  if (type.kind === "items") {
    if (mostItems(entry) >= type.count) return "given";
    // "… nêu 5 kênh tiếp nhận; trợ lý chỉ kiểm chứng được 3 kênh": the number is known, not the items. Shown, unanswered.
    const said = (entry.sentences ?? []).some((x) => !x.notStated && new RegExp(`\\b${type.count} ${type.noun}\\b`).test(x.folded));
    return said || entry.questions.some((q) => q.includes(type.noun)) ? "asked" : "no";
  }
  if (type.kind === "account") {
    // The account must be one for the thing asked: "tạo tài khoản thư công vụ" is no login to the congress reporting
    // system. The entry speaks of the thing (the system asked, or the question's two rarest words), and its sentence
    // about an account names no system besides those asked: "…; người dùng đăng nhập bằng tài khoản VNeID" goes on with
    // the app the sentence before named, where "tạo tài khoản thư điện tử" is an account of e-mail.
    const thing = topicOf(asked, weight, ACCOUNT_WORDS);
    if (thing.length > 0 && !thing.some((u) => speaks(entry, u))) return "no";
    const ofThing = (x: { units: readonly string[] }) => x.units.every((u) => !isSystemUnit(u) || asked.has(u));
    const about = (entry.sentences ?? []).filter((x) => ACCOUNT.test(x.folded) && ofThing(x));
    if (about.some((x) => !x.notStated)) return "given";
    return about.length > 0 ? "asked" : "no";
  }
  // No code written: an entry that says the sources give none is shown, the question stays unanswered.
  if (type.kind === "code") return CODE_VALUE.test(entry.raw) ? "given" : (entry.sentences ?? []).some((x) => x.notStated && /\b(ma|codes?)\b/.test(x.folded)) ? "asked" : "no";
  if (type.kind === "span") return (entry.sentences ?? [{ raw: entry.raw, notStated: false }]).some((x) => !x.notStated && writesSpan(x.raw ?? "")) ? "given" : "no";
  // No ordinal written: shown, the question stays unanswered.
  if (type.kind === "ordinal") return ORDINAL.test(entry.raw) ? "given" : "asked";
  if (type.kind === "duty") {
    // A holiday's dates are no rota: the entry must say who is on duty (or say it is not known).
    const about = (entry.sentences ?? []).filter((x) => DUTY.test(x.folded));
    if (about.some((x) => !x.notStated)) return "given";
    return about.length > 0 ? "asked" : "no";
  }
  if (type.kind === "list") return (entry.sentences ?? []).some((x) => x.notStated && LIST_NOT_STATED.test(x.folded)) ? "asked" : "given";
  if (type.kind === "percent") {
    // "hầu hết hoàn thành" is no share: the entry must give one, or say it is not given; and the share must be of the
    // thing asked ("100% cơ quan dùng thư công vụ" is no share of phase 1 completed), said in the same sentence.
    const thing = topicOf(asked, weight, PERCENT_WORDS);
    // ... and of what the question asks it of ("tỷ lệ cán bộ" is not answered by "100% cơ quan").
    const ofIt = (x: { folded: string }) => type.of === undefined || ` ${x.folded} `.includes(` ${type.of} `);
    const shares = (entry.sentences ?? []).filter((x) => !x.notStated && PERCENT.test(x.raw ?? "") && ofIt(x));
    if (shares.some((x) => thing.length === 0 || thing.some((u) => x.units.includes(u)))) return "given";
    if (!entry.sentences && PERCENT.test(entry.raw) && ofIt({ folded: entry.raw.toLowerCase() })) return "given";
    return (entry.sentences ?? []).some((x) => x.notStated && PERCENT_NOT_STATED.test(x.folded)) ? "asked" : "no";
  }
  if (type.kind === "price") {
    if (MONEY.test(entry.raw)) return "given";
    // An entry that says the sources give no price is shown, but the question stays unanswered.
    return (entry.sentences ?? []).some((x) => x.notStated && PRICE_NOT_STATED.test(x.folded)) ? "asked" : "no";
  }
  if (type.kind === "count") {
    // "gồm mấy bước", "how many steps": an entry that sets the steps out after a colon ("Các bước: khảo sát …; thử
    // nghiệm …; triển khai …") gives them, and so their number.
    if (STEP_NOUNS.has(type.noun) && listsSteps(entry.raw)) return "given";
    // The count must be of the thing the question names: the city's 50,000 officials are no count of the staff of the
    // Digital Transformation Center. Each name, abbreviation or code of the question must be one the entry speaks of.
    // Abbreviations only ("ttcds", "vptw"): an English question's plain words ("took", "trial") name nothing.
    if (!namesOf(asked, weight, COUNT_WORDS).filter(isAbbreviation).every((u) => speaks(entry, u))) return "no";
    // "bao nhiêu sở" folds like "bao nhiêu số": a count of departments must be written of "sở" ("20 sở, ngành").
    if (type.departments && !/(\d|\b(hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|các|những))\s+sở(?!\p{L})/iu.test(entry.raw)) return "no";
    const found = countNear(type.noun, entry, asked, type.place, true, type.next);
    // A count said only of a trial run ("trong buổi vận hành thử … kết nối đến cả 102 điểm") is no total ("tổng cộng",
    // "in total"), unless the question asks of the trial: shown, unanswered.
    const words = [...asked].join(" ");
    if (found && !trial && TOTAL_ASKED.test(words) && !TRIAL_ASKED.test(words) && onlyInTrial(type, entry, asked)) return "asked";
    // The exact figure asked, and the entry gives a rounded one or says it has no exact figure: shown, unanswered.
    if (found && type.exact && onlyApproximate(type, entry, asked)) return "asked";
    return found ? "given" : asks(HOWMANY, [type.noun]) ? "asked" : "no";
  }
  // The date must be of the thing asked: "họp không giấy triển khai cho các sở ngày nào" is not answered by the date
  // document management reaches the departments (see {@link ExpectedType}'s `subject`).
  if (type.subject !== undefined && !speaks(entry, type.subject) && !entry.keywords?.includes(type.subject)) return "no";
  // "tập huấn QLVB khi nào": the thing dated must be dated of the system asked, not of another one the entry names.
  if (datedOnlyOfOtherSystem(type.topic, entry, asked)) return "no";
  // "QĐ 2448 được đưa tin ngày nào", "when was it reported": the date of the article is the one asked.
  if (asksReportDate(asked) && givesArticleDate(entry)) return "given";
  // The day asked ("ngày cụ thể") is not given by a month or a quarter: shown, but the question stays unanswered.
  const given: Supply = type.exact && !dayOf(type.topic, entry) ? "asked" : "given";
  const found = dateOf(type.topic, entry);
  if (found === "any" || found) return given;
  // An entry written to answer when X happens gives its date somewhere in its text, or says it is not known.
  if (!asks(WHEN, type.topic.filter((u) => speaks(entry, u)).slice(0, 2))) return "no";
  return entry.text.some((_, i) => isDateUnit(entry.text, i) && !isArticleDate(entry.text, i)) ? given : "asked";
}

/** The systems a list of units names (each system once). */
const systemsIn = (units: readonly string[]): Set<string> => new Set(units.map(systemNamedBy).filter((x): x is string => x !== undefined));

/**
 * Whether a date question that names a system and something done ("tập huấn sử dụng QLVB khi nào") meets in the entry
 * that thing dated only of other systems: "tham gia tập huấn (trước 10/06/2025)" said with the e-mail accounts, and the
 * training milestone of e-mail, date no training on document management. The thing is the question's rarest topic word
 * that is no system and that the entry speaks of; it is dated where a related milestone or a dated sentence says it.
 * Nothing is ruled out when one of those places names a system asked, or names no system at all.
 */
function datedOnlyOfOtherSystem(topic: readonly string[], entry: EntryUnits, asked: ReadonlySet<string>): boolean {
  const systems = [...asked].filter(isSystemUnit);
  if (systems.length === 0) return false;
  const thing = topic.find((u) => !systemNamedBy(u) && speaks(entry, u));
  if (thing === undefined) return false;
  const places: Set<string>[] = [];
  for (const m of entry.milestones) if (m.includes(thing)) places.push(systemsIn(m));
  for (const x of entry.sentences ?? []) {
    if (x.notStated || !x.units.includes(thing)) continue;
    if (x.units.some((_, i) => isDateUnit(x.units, i) && !isArticleDate(x.units, i))) places.push(systemsIn(x.units));
  }
  return places.length > 0 && places.every((p) => p.size > 0 && !systems.some((s) => p.has(s)));
}

/**
 * Whether the units of a date question ask when something was reported, published or made public ("được đưa tin ngày
 * nào", "báo đăng tin hôm nào", "công bố khi nào", "when was it reported"), which the date of an article answers.
 */
export function asksReportDate(asked: ReadonlySet<string>): boolean {
  // "QĐ 2448 công bố khi nào": made public, which the press date says (a ceremony's own date is read as any other).
  return asked.has("report") || asked.has("publish") || asked.has("reported") || asked.has("published") || (asked.has("tin") && (asked.has("dua") || asked.has("dang"))) || (asked.has("cong") && asked.has("bo"));
}

/** Whether an entry's text dates an article or a news report ("theo báo chí đưa tin ngày 05/11/2025"). */
function givesArticleDate(entry: EntryUnits): boolean {
  return entry.text.some((_, i) => isDateUnit(entry.text, i) && isArticleDate(entry.text, i));
}

/** A day of a month ("15/6"), as the analyser writes dates: "6/2025", "quý 1/2026" and "2025" are no day. */
const isDay = (u: string) => /^\d{1,2}\/\d{1,2}$/.test(u);

/**
 * Whether the entry gives a day (not only a month, a quarter or a year) for the question's topic: a related milestone
 * about it due on a day, or a day next to it in the entry's text (an article's date is not one). An entry that speaks
 * of none of the topic words is read whole.
 */
function dayOf(topic: readonly string[], entry: EntryUnits): boolean {
  const about = topic.filter((u) => speaks(entry, u)).slice(0, 2);
  const dayDue = (i: number) => entry.milestoneDays?.[i] ?? true;
  if (entry.milestones.some((m, i) => dayDue(i) && (about.length === 0 || about.some((a) => m.includes(a))))) return true;
  // A day in a sentence that speaks of the topic ("Lễ công bố … diễn ra ngày 30/06/2025"), however long the sentence.
  const said = (x: { units: readonly string[]; notStated: boolean }) => !x.notStated && (about.length === 0 || about.some((a) => x.units.includes(a)));
  if ((entry.sentences ?? []).some((x) => said(x) && x.units.some((u, j) => isDay(u) && !isArticleDate(x.units, j)))) return true;
  const t = entry.text;
  for (let i = 0; i < t.length; i++) {
    if (about.length > 0 && !about.includes(t[i]!)) continue;
    for (let j = Math.max(0, i - 12); j <= Math.min(t.length - 1, i + 12); j++) if (isDay(t[j]!) && !isArticleDate(t, j)) return true;
  }
  return false;
}

/** A figure given as an approximation (folded): "hơn 14 triệu", "khoảng 50.000", "about 14 million", "(số liệu làm tròn)". */
const APPROXIMATE = /\b(hon|khoang|gan|xap xi|tren|ngot|chung|uoc|about|around|over|nearly|approximately|roughly|almost|some|more than|upwards of) \d|\b(lam tron|rounded|uoc tinh|estimated?|estimates?)\b/;
/** A "not stated" sentence that says the exact figures are not at hand ("không có số liệu chính xác"). */
const NO_EXACT_FIGURE = /\b(so lieu|con so|figures?|numbers?|counts?) (chinh xac|cu the|exact|precise)|\b(exact|precise) (figures?|numbers?|counts?)\b/;

/** Whether a (folded) question asks for the exact value ("chính xác", "cụ thể", "exact"): of a figure, a day, a list. */
export function asksExact(folded: string): boolean {
  return ASKS_EXACT.test(folded);
}

/**
 * Whether the entry says, in a "not stated" sentence, that it has no exact figure ("Trợ lý không có số liệu chính xác
 * theo Nghị quyết 202"): a question asking the exact value of anything it gives ("diện tích chính xác", "exact
 * population") is shown the rounded figures, but stays unanswered.
 */
export function deniesExactFigure(entry: EntryUnits): boolean {
  return (entry.sentences ?? []).some((x) => x.notStated && NO_EXACT_FIGURE.test(x.folded));
}

/** A sentence about a trial run (folded): "vận hành thử", "chạy thử", "thử nghiệm", "trial", "pilot", "test run". */
const TRIAL = /\b(van hanh thu|chay thu|thu nghiem|trial|trials|pilot|pilots|test run|dry run)\b/;
/** Whether a (folded) message speaks of a trial run ({@link TRIAL}, or "thử" as chat says it). */
export function speaksOfTrial(folded: string): boolean {
  return TRIAL.test(folded) || /\b(thu|test|tested)\b/.test(folded);
}
/** Units of a question that ask a total: "tổng cộng", "tổng số", "tất cả", "in total", "altogether". */
const TOTAL_ASKED = /\b(tong cong|tong so|tat ca|toan bo|toan thanh pho|total|altogether|overall)\b/;
/** Units of a question that ask of a trial run (the analyser's "thunghiem" for "chạy thử", "thử nghiệm"). */
const TRIAL_ASKED = /\b(thunghiem|thu|trial|pilot|test|run)\b/;

/** Whether every stated sentence of the entry that counts what is asked is about a trial run ({@link TRIAL}). */
function onlyInTrial(type: Extract<ExpectedType, { kind: "count" }>, entry: EntryUnits, asked: ReadonlySet<string>): boolean {
  const counting = (entry.sentences ?? []).filter((x) => !x.notStated && countNear(type.noun, { text: x.units, raw: x.raw ?? x.folded, questions: [], milestones: [] }, asked, type.place, true, type.next));
  return counting.length > 0 && counting.every((x) => TRIAL.test(x.folded));
}

/**
 * Whether every sentence of the entry that counts what is asked gives an approximation ({@link APPROXIMATE}), or the
 * entry says it has no exact figure: "dân số chính xác" is not answered by "dân số hơn 14 triệu người".
 */
function onlyApproximate(type: Extract<ExpectedType, { kind: "count" }>, entry: EntryUnits, asked: ReadonlySet<string>): boolean {
  const sentences = entry.sentences ?? [];
  if (deniesExactFigure(entry)) return true;
  const counting = sentences.filter((x) => !x.notStated && countNear(type.noun, { text: x.units, raw: x.raw ?? x.folded, questions: [], milestones: [] }, asked, type.place, true, type.next));
  return counting.length > 0 && counting.every((x) => APPROXIMATE.test(x.folded));
}

/**
 * The thing a "when" question dates, when a rare word names it: the rarest topic word (a Vietnamese syllable, no word
 * of greeting, as rare as a word only one or two entries say) that makes with a neighbouring unit of the question a
 * phrase the index knows ({@link ExpectedType}). A rare word the index knows only in other phrases is the asker's
 * own wording.
 */
function dateSubject(units: readonly string[], rare: (unit: string) => number, knownPair: (pair: string) => boolean): string | undefined {
  const inPhrase = (at: number) => (at > 0 && knownPair(`${units[at - 1]} ${units[at]}`)) || (at + 1 < units.length && knownPair(`${units[at]} ${units[at + 1]}`));
  const named = units.map((u, at) => ({ u, at })).filter(({ u, at }) => !u.startsWith(INTENT_PREFIX) && isSyllable(u) && !POLITE_WORDS.has(u) && rare(u) >= RARE_TOPIC && inPhrase(at));
  return named.sort((a, b) => rare(b.u) - rare(a.u))[0]?.u;
}

/** Words of greetings and thanks left in a long message ("cảm ơn nhiều", "chào bạn"): they name nothing. */
const POLITE_WORDS = new Set(["cam", "on", "nhieu", "chao", "xin", "ban", "anh", "chi", "em", "a", "nhe", "nha", "vay", "thank", "thanks", "advanc", "hello", "hi"]);

/** Least weight (rarity in the index) of a date question's rarest topic word for it to name the thing dated. */
const RARE_TOPIC = 3.5;

function speaks(entry: EntryUnits, u: string): boolean {
  return entry.text.includes(u) || entry.questions.some((q) => q.includes(u)) || entry.milestones.some((m) => m.includes(u));
}

/**
 * The systems a question names, or else its two rarest topic words besides the words of the value asked (an app,
 * hours): they name the thing
 * whose value it asks. None without `weight`; a word `weight` gives 0 (no entry has it) names nothing.
 */
function topicOf(asked: ReadonlySet<string>, weight?: (unit: string) => number, skip: ReadonlySet<string> = RELATION_WORDS): string[] {
  // A system the question names (1022, QLVB, e-mail) is the thing, however common its name.
  const systems = [...asked].filter(isSystemUnit);
  if (systems.length > 0) return systems;
  if (!weight) return [];
  return [...asked].filter((u) => !u.startsWith(INTENT_PREFIX) && !APP_WORDS.has(u) && !VALUE_WORDS.has(u) && !RELATION_WORDS.has(u) && !skip.has(u) && !/^\d{1,2}$/.test(u) && weight(u) > 0).sort((a, b) => weight(b) - weight(a)).slice(0, 2);
}

/**
 * The names, abbreviations and codes of the index a question says (units no Vietnamese syllable is: "ttcds", "zalo",
 * "1022", "bd"), besides the words of the value asked (`skip`): they name the thing whose value is asked. None
 * without `weight`; a unit no entry has names nothing.
 */
function namesOf(asked: ReadonlySet<string>, weight: ((unit: string) => number) | undefined, skip: ReadonlySet<string>): string[] {
  if (!weight) return [];
  return [...asked].filter((u) => !u.startsWith(INTENT_PREFIX) && !isSyllable(u) && !skip.has(u) && !RELATION_WORDS.has(u) && !/^\d{1,2}$/.test(u) && weight(u) > 0);
}

/** Units of a question about a document number that say nothing of which document it is ("quyết định số mấy",
 * "ban hành theo văn bản nào"). */
const DOCUMENT_WORDS = new Set(["so", "hieu", "ky", "may", "nao", "gi", "van", "ban", "hanh", "banhanh", "theo", "quyet", "dinh", "nghi", "cong", "thong", "bao", "chi", "thi", "nq", "qd", "document", "number", "reference", "decision", "resolution", "issued", "issue", "under"]);

/** Units of a question about a telephone number that say nothing of whose number it is. */
const PHONE_WORDS = new Set(["sdt", "phone", "telephone", "number", "contact", "hotline", "call", "dt", "dien", "thoai", "dienthoai", "sodienthoai", "lienhe"]);

/** An abbreviation of the index ("ttcds", "vptw", "khcn"): consonants only, no word of either language. */
const isAbbreviation = (u: string) => /^[b-df-hj-np-tv-xz]{3,}$/.test(u);

/** Units of a question about a count that say nothing of what is counted of: the counted nouns the index names by a
 * code ("cbcc", "capxa") and the merged provinces (checked by {@link countNear} itself). */
const COUNT_WORDS = new Set(["cbcc", "capxa", "bd", "brvt", "official", "number"]);

/** Units of a question about a name that say nothing of what is named. */
const NAME_WORDS = new Set(["ten", "goi", "chinh", "thuc", "day", "du", "name", "named", "called", "call", "official", "full"]);

/** Prepositions and linking words: rare as they may be in the index, they name no thing ("app … trên iPhone" is no
 * app of whatever sentence says "trên"). */
const RELATION_WORDS = new Set(["tren", "duoi", "trong", "ngoai", "cho", "voi", "cua", "tu", "den", "ve", "va", "hay", "hoac", "on", "in", "for", "with", "of", "to", "from", "about", "the"]);

/** Units of a question about hours that say nothing of whose hours they are. */
const VALUE_WORDS = new Set(["gio", "lam", "viec", "work", "open", "day", "night", "week", "hanh", "chinh", "mo", "cua", "truc", "24", "working", "hours", "hour", "opening", "office", "open", "clock", "around"]);

/** Whether the entry's text gives a count of `noun`. */
function countNear(noun: string, entry: EntryUnits, asked: ReadonlySet<string>, place?: string, aliases = true, next?: string): boolean {
  const t = entry.text;
  // A count asked of one merged province must be said of it ("36 BD, 30 BRVT"): the city's 569 points are not
  // Bà Rịa - Vũng Tàu's.
  // "đơn vị" and "phường xã" are counted as the index names them: "168 cấp xã".
  const nouns = aliases ? (NOUN_ALIASES[noun] ?? [noun]) : [noun];
  // ... and of what is counted: "36 (đơn vị) từ Bình Dương" is no count of Bình Dương's civil servants.
  // A classifier ("bao nhiêu cái") names nothing to check.
  if (place !== undefined) {
    if (CLASSIFIERS.has(noun)) return t.some((u, j) => u === place && t.slice(Math.max(0, j - 2), j + 3).some((x) => isCountUnit(x, asked)));
    return t.some((u, j) => {
      if (u !== place) return false;
      for (let k = Math.max(0, j - 2); k < Math.min(t.length, j + 3); k++) {
        // A count right before another noun counts that noun: "hai Tỉnh ủy Bình Dương, Bà Rịa - Vũng Tàu" counts no
        // video conference points of Bình Dương.
        const after = t[k + 1];
        if (after !== undefined && after !== place && !LOCALITIES.has(after) && !nouns.includes(after) && !/^\d/.test(after)) continue;
        // ... of a noun of two words, both said ("khu công nghiệp" is no "đặc khu").
        const nounAt = (x: number) => nouns.includes(t[x]!) && (next === undefined || t[x + 1] === next);
        if (isCountUnit(t[k]!, asked) && Array.from({ length: Math.min(t.length, k + 8) - Math.max(0, k - 8) }, (_, x) => x + Math.max(0, k - 8)).some(nounAt)) return true;
      }
      return false;
    });
  }
  for (let i = 0; i < t.length; i++) {
    if (!nouns.includes(t[i]!)) continue;
    if (next !== undefined && t[i + 1] !== next) continue;
    // A number spelled out counts what follows it ("hai giai đoạn"); after the noun it is mostly another word that
    // folds alike ("quan tâm" is no "tám", "còn ba" no count of what came before).
    for (let j = Math.max(0, i - 4); j <= Math.min(t.length - 1, i + 3); j++) {
      if (j === i || !isCountAt(t, j, asked, nouns) || isShare(t[j]!, entry.raw)) continue;
      if (NUMBER_WORDS.has(t[j]!) && (j > i || (j > 0 && NOT_A_NUMBER.has(`${t[j - 1]} ${t[j]}`)) || NOT_A_NUMBER_BEFORE.has(`${t[j]} ${t[j + 1]}`))) continue;
      return true;
    }
  }
  return false;
}

/**
 * Whether the entry gives a date of X, X being the question's two rarest topic words the entry speaks of at all
 * ("any" when it speaks of none of them: nothing to check): a related milestone about X, or a date next to X.
 */
function dateOf(topic: readonly string[], entry: EntryUnits): boolean | "any" {
  const about = topic.filter((u) => speaks(entry, u)).slice(0, 2);
  if (about.length === 0) return "any";
  if (entry.milestones.some((m) => about.some((a) => m.includes(a)))) return true;
  const t = entry.text;
  for (let i = 0; i < t.length; i++) {
    if (!about.includes(t[i]!)) continue;
    for (let j = Math.max(0, i - 12); j <= Math.min(t.length - 1, i + 12); j++) if (isDateUnit(t, j) && !isArticleDate(t, j)) return true;
  }
  return false;
}

/**
 * Whether the entry's own text gives the expected value right next to what is asked (a date next to X or a related
 * milestone about X; a count next to N): strong evidence that the entry answers the question, which lets the decision
 * accept a lower word coverage (chat questions word things their own way).
 */
export function confirms(type: ExpectedType, entry: EntryUnits, asked: ReadonlySet<string>): boolean {
  if (type.kind === "domain") return type.mail ? MAIL.test(entry.raw) : addressOf(entry, asked);
  if (type.kind === "number") return givesNumber(entry.raw);
  if (type.kind === "price") return MONEY.test(entry.raw);
  // Any mention of an app, or a name, is too weak to confirm an answer on its own.
  if (type.kind === "app" || type.kind === "name" || type.kind === "names" || type.kind === "phone" || type.kind === "hours" || type.kind === "percent" || type.kind === "list") return false;
  if (type.kind === "items" || type.kind === "account" || type.kind === "duty" || type.kind === "ordinal" || type.kind === "span" || type.kind === "code") return false;
  if (type.kind === "count") return countNear(type.noun, entry, asked, type.place, false, type.next);
  // The date must be of the question's rarest topic word itself, not of a commoner one the entry also speaks of
  // ("triển khai cho phường xã" does not confirm a question about "họp không giấy").
  const rarest = type.topic[0];
  return rarest !== undefined && speaks(entry, rarest) && dateOf(type.topic, entry) === true;
}

/** "khi đó", "lúc ấy", "at the time": a sentence that dates what it says to a past moment. */
const THEN = /\b(khi do|khi ay|luc do|luc ay|hoi do|vao thoi diem do|then|at the time|at that time)\b/;

/**
 * Whether the entry names who held `office` only at a past moment ("giám đốc khi đó là bà …", "its director then
 * was …"): a question asking who holds it now ("hiện nay", "currently") is then not answered by it.
 */
export function namesHolderThen(entry: EntryUnits, office: string): boolean {
  const about = (entry.sentences ?? []).filter((x) => ` ${x.folded} `.includes(` ${office} `) || (office === "giam doc" && / director /.test(` ${x.folded} `)));
  return about.length > 0 && about.every((x) => THEN.test(x.folded));
}

/** "kết thúc khi nào", "bao giờ xong", "when does it end": the question asks when something ends. */
const ASKS_END = /\b(ket thuc|xong|hoan thanh|hoan tat|end|ends|ending|finish|finished|finishes|over|completed?)\b/;
/** "bắt đầu", "starts": a sentence (or question) about when something begins. */
const SAYS_START = /\b(bat dau|khoi dong|khoi dau|start|starts|started|begin|begins|began|launch|launches|launched)\b/;
/** Words that date an end: "kết thúc", "đến hết", "trước ngày", "hạn", "until", "by". */
const SAYS_END = /\b(ket thuc|xong|hoan thanh|hoan tat|den het|toi het|truoc|han|cuoi|end|ends|until|by|completed?|deadline|finish)\b/;

/**
 * Whether an entry only says when the numbered thing a question asks the end of begins: "giai đoạn 2 của nền tảng
 * kết thúc khi nào" is not answered by "giai đoạn 2 bắt đầu trong quý 1/2026". Only the entry's dated sentences that
 * name the question's numbers (the phase, the round) are read; a question without such a number is left alone.
 */
export function givesOnlyStart(entry: EntryUnits, folded: string, units: readonly string[]): boolean {
  if (!ASKS_END.test(folded) || SAYS_START.test(folded)) return false;
  const numbers = units.filter((u) => /^\d{1,2}$/.test(u));
  if (numbers.length === 0) return false;
  const dated = (entry.sentences ?? []).filter((x) => x.units.some((_, i) => isDateUnit(x.units, i) && !isArticleDate(x.units, i)));
  const about = dated.filter((x) => numbers.every((n) => x.units.includes(n)));
  return about.length > 0 && about.every((x) => SAYS_START.test(x.folded) && !SAYS_END.test(x.folded));
}

/** "bắt đầu", "từ tháng 5", "from May": a sentence that dates a beginning, or a span with its start. */
const SAYS_BEGINNING = /\b(bat dau|khoi dong|khoi dau|start|starts|started|begin|begins|began|launch|launches|launched|from|tu (ngay|thang|quy|nam|dau))\b/;
/** "dự kiến hoàn thành", "expected completion": a sentence that dates an end. */
const SAYS_COMPLETION = /\b(ket thuc|xong|hoan thanh|hoan tat|den het|end|ends|until|completed?|completion|deadline|finish(es|ed)?|due)\b/;

/**
 * Whether an entry only says when the numbered phase a question asks the start of ends: "When will phase 2 begin?" is
 * not answered by "phase 2 is expected to be completed in December 2025". The entry's dated sentences naming the
 * phase's number are read (all of them when none names it); a question naming no phase is left alone.
 */
export function givesOnlyEnd(entry: EntryUnits, folded: string, units: readonly string[]): boolean {
  if (!SAYS_START.test(folded) || ASKS_END.test(folded)) return false;
  const phases = phasesNamed(units).map(String);
  if (phases.length === 0) return false;
  const dated = (entry.sentences ?? []).filter((x) => !x.notStated && x.units.some((_, i) => isDateUnit(x.units, i) && !isArticleDate(x.units, i)));
  const naming = dated.filter((x) => phases.every((n) => x.units.includes(n)));
  const about = naming.length > 0 ? naming : dated;
  return about.length > 0 && about.every((x) => SAYS_COMPLETION.test(x.folded) && !SAYS_BEGINNING.test(x.folded));
}

/**
 * An act a question asks about (whether it happened, when, by whom) that the sources seldom report: an approval, an
 * evaluation or report, who made a system, data deleted, which came first, an old system shut down, a blocked one
 * reopened, work finished on time (the plan gives only the dates it set). Two topic words shared with an entry do
 * not make it say the act happened: "VPTW đã đồng ý cho triển khai chung chưa" is not answered by the entry saying the
 * provincial offices proposed it, nor "when will phase 2 be evaluated" by the date phase 2 ends. `asked` are the
 * (folded) forms a question names it by, `stated` those an entry's sentence or own question states it by, in
 * Vietnamese and English alike.
 */
interface Act {
  id: string;
  asked: RegExp;
  stated: RegExp;
  /** A sentence saying the state before the act still holds ("vẫn không truy cập được"): it answers whether the act has
   * happened yet ("đã mở lại chưa"), never when it will ("khi nào mở lại"). */
  persists?: RegExp;
}

const ACTS: readonly Act[] = [
  {
    // "trình duyệt" is a browser; "thông qua" is mostly "through" ("gửi thông qua app"), an approval only when dated
    // or asked of ("NQ 202 được thông qua chưa").
    id: "approve",
    // "có được HĐND TP thông qua không": a body named between "được" and "thông qua" is who passed it.
    asked: /\b(dong y|chap thuan|phe duyet|(?<!trinh )duyet|approv(e|ed|es|al|ing)|agree(d|s|ment)?|consent(ed|s)?|endorse(d|s|ment)?|(da|duoc) thong qua|duoc (hdnd|hoi dong nhan dan|ubnd|quoc hoi|chinh phu|thu tuong|bo chinh tri|thanh uy|tinh uy)( [a-z]+){0,3} thong qua|thong qua (chua|ngay|khi|vao|luc|hom))\b/,
    // A resolution or decision dated ("Nghị quyết 1685/NQ-UBTVQH15 ngày 16/06/2025") is one adopted that day.
    stated: /\b(dong y|chap thuan|phe duyet|(?<!trinh )duyet|thong qua|thong nhat|cho phep|ban hanh|approv(e|ed|es|al|ing)|agree(d|s|ment)?|consent(ed|s)?|endorse(d|s|ment)?|adopted|passed|issued)\b|\b(nghi quyet|quyet dinh|nq|qd|resolution|decision)( so)? \d+( [a-z0-9]+){0,3} (ngay|of|dated) \d/,
  },
  {
    // Who issues a certificate ("do VNPT-CA cấp", "issued by Viettel-CA"): an entry must name the issuer, not only the
    // certificate's deadline. Read of certificates only: "ai cấp tài khoản email" asks a task the plan assigns.
    id: "issuer",
    asked:
      /\b(chung thu|chu ky so|cks|certificates?|token)\b.*\b(issued by|issues|issuing|do ai cap|ai cap|nao cap|cap boi|do [a-z-]+ ca cap)\b|\b(who issues|which (body|authority|organisation|organization) issues|certificate authority)\b/,
    stated: /\b(issued by|do [a-z0-9 -]{2,40}? cap|cap boi|(cap|issues|issue) (chung thu|certificates?))\b/,
  },
  {
    id: "evaluate",
    asked: /\b(danh gia|so ket|tong ket|nghiem thu|evaluat(e|ed|es|ing|ion)|assess(ed|es|ing|ment)?|appraise(d|s)?|review(ed|s)?)\b/,
    stated: /\b(danh gia|so ket|tong ket|nghiem thu|ra soat|bao cao ket qua|evaluat(e|ed|es|ing|ion)|assess(ed|es|ing|ment)?|appraise(d|s)?|review(ed|s)?)\b/,
  },
  {
    // Who made or supplies a system: an entry must name its maker, not only the system.
    id: "make",
    // Not "who creates the accounts", "ai cung cấp danh sách": who does a task of the plan is what the plan says.
    asked: /\b(who (made|makes|developed|develops|built|builds|designed|designs|programmed|wrote the (software|app|code))|(which|what) (company|firm|vendor|developer|contractor)|ai (lam ra|phat trien|thiet ke|lap trinh)|do ai (lam ra|phat trien|thiet ke|lap trinh)|(cong ty|cty|hang|doanh nghiep|nha thau|nha cung cap|tap doan) (nao|gi)|(which|what) (company|firm|vendor|developer|contractor|supplier))\b/,
    stated: /\b((developed|built|made|designed|created|programmed|supplied|provided) by|do [a-z0-9 ]{2,60}? (phat trien|xay dung|thiet ke|lap trinh|cung cap)|nha cung cap|nha thau|don vi phat trien|vendor|contractor)\b/,
  },
  {
    // Accounts or mailboxes created, issued or opened ("bao nhiêu tài khoản đã được tạo", "have the accounts been
    // created"): an entry must state the creation, not only count accounts of another kind ("15.349 OA của cơ quan
    // nhà nước" on Zalo). "cấp" alone is also "level" ("cấp xã"): only its phrases are read.
    id: "create",
    asked:
      /\b(tai khoan|tk|account|accounts|hop thu|mailbox(es)?|email|mail|thu dien tu)\b( [a-z0-9]+){0,6}? (da duoc|duoc|da) (tao|cap|mo)\b|\b(accounts?|mailboxes|e ?mail addresses)( (have|has|had))?( (been|were|was))? (created|set up|opened|issued)\b/,
    stated:
      /\b(tao|create[sd]?|creating|creation|set up|(cap|mo) (tai khoan|tk|hop thu|account)|(tai khoan|tk|account|accounts|hop thu|mailbox(es)?)( [a-z]+){0,3} (duoc |da )?(cap|mo)|issued|opened)\b/,
  },
  {
    // Whom a person named in a source works for ("ảnh Thuận Văn là của phóng viên báo nào", "which paper does the
    // photographer work for"): an entry must say it of the person, not only list the outlets that carried an article.
    id: "affiliation",
    asked:
      /\b(phong vien|nha bao|tac gia|nhiep anh gia|reporter|journalist|photographer|author)\b.*\b((bao|to bao|tap chi|dai) nao|(which|what) (paper|newspaper|outlet|magazine|news agency))\b|\b(which|what) (paper|newspaper|outlet|magazine|news agency)\b.*\b(reporter|journalist|photographer|author)\b/,
    stated: /\b(phong vien|nha bao|nhiep anh gia) (cua |bao |to bao |tap chi |dai )|\b(reporter|journalist|photographer|correspondent) (for|of|at|with)\b/,
  },
  {
    id: "delete",
    asked: /\b(bi xoa|xoa (het|bo|sach|du lieu|mat|thu|di)|mat (het )?(du lieu|thu)|deleted|erased|wiped|lose (my |the |all )?(data|mail|e mail|email)s?|lost)\b/,
    stated: /\b(xoa|mat (het )?(du lieu|thu)|deleted|erased|wiped|lost|giu lai|luu lai|van con|retained|kept)\b/,
  },
  {
    // "which ward was first", "đơn vị nào … đầu tiên": an order, not "the first three days" or "first quarter".
    id: "first",
    asked: /\b(nao|which|who|ai)\b.*\b(dau tien|first)\b(?! (\d|ba|hai|few|two|three|days?|weeks?|months?|quarter|phase|stage|half|round))|\b(dau tien|first)\b.*\b(nao|which)\b/,
    stated: /\b(dau tien|truoc tien|first|earliest|som nhat)\b/,
  },
  {
    // An old system switched off for good: "tắt hẳn", "ngừng hoạt động", "shut down", "decommissioned". "tắt" folds like
    // "tất" ("tất cả", "hoàn tất") and "dừng" like "dùng": only their phrases are read.
    id: "shutdown",
    asked:
      /\b(tat han|tat bo|bi tat|se tat|duoc tat|(?<!(hoan|tom) )tat (he thong|may chu|server|phan mem|ung dung|app|cong|trang|website|email|mail|tong dai|duong day)|ngung (hoat dong|su dung|dung|van hanh|cung cap|chay|ho tro|hoan toan|han)|bi ngung|se ngung|(?<!su )dung (hoat dong|van hanh|cung cap dich vu)|(?<!tiep tuc )thoi (dung|su dung)|khai tu|go bo (he thong|phan mem|ung dung)|shut(s|ting)? (it |them )?down|shutdown|switch(ed|es)? off|turn(ed|s)? off|decommission(ed|ing|s)?|phas(e|ed|es|ing) out|discontinu(e|ed|es|ing)|stop(s|ped)? (working|running|operating|being used)|no longer (be )?(used|available|works?|running)|clos(e|ed|es|ing) down|retire(d|s)? the (old|former)|sunset(ted)?)\b/,
    // A ban is a stop too ("yêu cầu các nhà mạng chặn Telegram").
    stated:
      /\b(tat han|tat he thong|bi tat|ngung|dung hoat dong|dung van hanh|ket thuc|cham dut|bi khoa|khoa tai khoan|thoi (dung|su dung)|go bo|khai tu|(yeu cau|lenh|bi) (cac nha mang )?chan|shut(s|ting)? down|shutdown|switch(ed|es)? off|turn(ed|s)? off|decommission(ed|ing|s)?|phased out|discontinued|stop(s|ped)? (working|running|operating)|no longer|(account|mailbox|system|line) (ends|ended|closes|closed)|block(ed)?|banned)\b/,
  },
  {
    // Something stopped or blocked made available again: "mở lại", "gỡ chặn", "unblocked", "reopened".
    id: "reopen",
    asked:
      /\b(mo lai|mo chan|go chan|bo chan|het (bi )?chan|hoat dong tro lai|khoi phuc (lai )?(truy cap|hoat dong|dich vu)|truy cap (duoc )?(tro )?lai|vao lai duoc|unblock(ed|s|ing)?|re ?open(ed|s|ing)?|lift(ed|s|ing)? (the )?(ban|block)|(ban|block) (be |is |was |been |being )?lifted|restor(e|ed|es|ing) (access|service)|back online|(available|accessible|reachable) again)\b/,
    stated:
      /\b(mo lai|go chan|bo chan|hoat dong tro lai|khoi phuc|unblock(ed|s|ing)?|reopen(ed|s|ing)?|lifted|restored|back online|(available|accessible|reachable) again)\b/,
    persists: /\b(van (bi )?(chan|khong truy cap duoc|khong vao duoc|khong dung duoc)|still (blocked|banned|unavailable|inaccessible|unreachable|not (accessible|available|reachable)))\b/,
  },
  {
    // Who carries out a survey ("ai là đơn vị khảo sát hiện trạng HNTH", "who will survey …"): the plan sets the surveys,
    // and names who does one only for the data centres (the Center gathers their current state).
    id: "survey-by",
    asked:
      /\b(ai|don vi nao|co quan nao|ben nao|phia nao|who|which (unit|body|agency|office|department|organi[sz]ation|side))\b( [a-z]+){0,6}? (khao sat|(will |to )?survey(s|ed|ing)?)\b|\b(khao sat|survey(s|ed)?)\b( [a-z0-9]+){0,8}? (do ai|boi ai|la ai|do don vi nao|do co quan nao|do ben nao|by whom|carried out by|conducted by|done by)\b|\b(don vi|co quan) (khao sat|thuc hien khao sat)\b/,
    stated:
      /\b(do [a-z0-9 ]{2,60}? (khao sat|tong hop)|(khao sat|survey(ed)?)( [a-z]+){0,3} (do|boi|by) [a-z]|tong hop (tinh hinh|hien trang)|(is|was|are|were) (surveying|gathering)|surveyed by|conduct(s|ed)? the survey|(chu tri|thuc hien) (viec )?khao sat)\b/,
  },
  {
    // What a survey or review found ("khảo sát … kết quả ra sao", "what did the survey find"): the plan sets the
    // survey, not its findings; an entry must report findings of a survey, not a trial's outcome.
    id: "survey-result",
    asked:
      /\b(khao sat|survey(ed|s)?|ra soat|review(ed|s)?)\b.*\b(ket qua|results?|findings?|find|found|show(ed|s)?|cho thay|phat hien)\b|\b(ket qua|results?|findings?) (cua |of )?(the |dot |cuoc )?(khao sat|survey|ra soat|review)\b/,
    stated:
      /\b(khao sat|survey|ra soat|review)\b[^.;]{0,80}\b(cho thay|ket qua|ghi nhan|phat hien|found|showed|shows|results?|findings?)\b|\b(ket qua|results?|findings?) (cua |of )?(the )?(khao sat|survey|ra soat|review)\b/,
  },
  {
    // Whether the work was actually done on time, late or early: the plan gives only the dates it set. Not "trễ hạn
    // chưa" (past its deadline yet?), which the deadline and today answer (lateLine in answer.ts).
    id: "ontime",
    asked:
      /\b((hoan thanh|xong|hoan tat|trien khai|van hanh|chay|ket thuc|thuc hien)( [a-z0-9/]+){0,3} (dung han|dung tien do|dung ke hoach|dung lo trinh|kip han|kip tien do|tre han|cham tien do|cham so voi|som hon du kien|muon hon du kien)|(co )?(bi )?(cham|tre) (tien do|han(?! chua)|so voi ke hoach)|(co )?dung tien do (khong|ko|k|chua|hay khong)|thuc te (da )?(hoan thanh|xong|trien khai|van hanh)|(da )?(thuc su|that su) (da )?(hoan thanh|xong|van hanh)|(finish|finished|finishes|complete|completed|done|launched|delivered|go live|went live|gone live|implemented|rolled out)( [a-z0-9]+){0,3} (on time|on schedule|as planned|as scheduled|late(?! (in |of )?(january|february|march|april|may|june|july|august|september|october|november|december|\d|the|this|next|last))|behind schedule|ahead of schedule)|delayed|behind schedule|running late|actually (finish|finished|complete|completed|done|happen|happened|launch|launched|go live|went live|delivered|implemented))\b/,
    stated:
      /\b((hoan thanh|xong|trien khai|van hanh)( [a-z0-9/]+){0,3} (dung han|dung tien do|som|cham|tre)|dung tien do|cham tien do|tre han|(co ban|phan lon|hau het) (da )?(hoan thanh|xong)|van hanh thong suot|on time|on schedule|behind schedule|delayed|(mostly|largely|fully) (completed|finished|done)|running smoothly)\b/,
  },
];

/**
 * Who approves, as a question may name them ("Thủ tướng có phê duyệt …"), each with the forms a sentence names them by
 * (folded): an approval by one body does not answer whether another approved.
 */
const APPROVERS: Readonly<Record<string, { asked: RegExp; stated: RegExp }>> = {
  "thu tuong": { asked: /\b(thu tuong|prime minister|ttg)\b/, stated: /\b(thu tuong|ttg|prime minister)\b/ },
  "chinh phu": { asked: /\bchinh phu\b/, stated: /\b(chinh phu|cp)\b/ },
  "quoc hoi": { asked: /\b(quoc hoi|national assembly)\b/, stated: /\b(quoc hoi|national assembly|(ubtv)?qh\d*)\b/ },
  "bo chinh tri": { asked: /\b(bo chinh tri|politburo)\b/, stated: /\b(bo chinh tri|politburo)\b/ },
  "hoi dong nhan dan": { asked: /\b(hdnd|hoi dong nhan dan|people s council|peoples council)\b/, stated: /\b(hdnd|hoi dong nhan dan|people s council|peoples council)\b/ },
};
/** What is approved, as a question names it: each kind with the forms a sentence names it by (folded). */
const APPROVED_THINGS: Readonly<Record<string, RegExp>> = {
  "ke hoach": /\b(ke hoach|plan)\b/,
  plan: /\b(ke hoach|plan)\b/,
  "de an": /\b(de an|du an|project|scheme)\b/,
  "du an": /\b(de an|du an|project|scheme)\b/,
  project: /\b(de an|du an|project|scheme)\b/,
  scheme: /\b(de an|du an|project|scheme)\b/,
  "phuong an": /\b(phuong an|option)\b/,
  "lo trinh": /\b(lo trinh|roadmap)\b/,
  roadmap: /\b(lo trinh|roadmap)\b/,
};
const THING = "(ke hoach|de an|du an|phuong an|lo trinh|plan|project|scheme|roadmap)";
/** "phê duyệt kế hoạch …", "approve the joint plan", "kế hoạch … được phê duyệt", "was the plan approved": the thing
 * an approval is asked of (folded). */
const APPROVED_ASKED = new RegExp(
  `\\b(?:phe duyet|(?<!trinh )duyet|chap thuan|approv(?:e|ed|es|al|ing)(?: of)?|endorse[sd]?)(?: [a-z]+){0,2}? ${THING}\\b|\\b${THING}(?: [a-z0-9]+){0,6}? (?:phe duyet|(?<!trinh )duyet|chap thuan|approved|endorsed)\\b`,
);

/** The acts ({@link ACTS}) a (folded) question asks about, by id. An approval asked of a named body or thing is also
 * asked as `approve-by:<body>` and `approve-of:<thing>` (see {@link statesAct}). */
export function actsAsked(folded: string): string[] {
  const ids = ACTS.filter((a) => a.asked.test(folded)).map((a) => a.id);
  if (!ids.includes("approve")) return ids;
  for (const [body, forms] of Object.entries(APPROVERS)) if (forms.asked.test(folded)) ids.push(`approve-by:${body}`);
  const thing = APPROVED_ASKED.exec(folded);
  const named = thing?.[1] ?? thing?.[2];
  if (named) ids.push(`approve-of:${named}`);
  return ids;
}

const APPROVE = ACTS.find((a) => a.id === "approve")!;

/** The approval act, and the qualifier an `approve-by:` or `approve-of:` id asks a sentence to name as well. */
function approvalOf(id: string): { act: Act; also: RegExp } | undefined {
  const at = id.indexOf(":");
  const act = APPROVE;
  if (id.startsWith("approve-by:")) {
    const forms = APPROVERS[id.slice(at + 1)];
    return forms && { act, also: forms.stated };
  }
  if (id.startsWith("approve-of:")) {
    const forms = APPROVED_THINGS[id.slice(at + 1)];
    return forms && { act, also: forms };
  }
  return undefined;
}

/**
 * Whether an entry states act `id`: one of its sentences that is not a "not stated" one says it, or its own questions
 * and keywords (`about`, folded) ask it (an entry written for the question). With `whether` (the question asks whether
 * the act has happened yet, not when), a sentence saying the state before it persists also answers. An unknown id is
 * stated by any entry.
 */
export function statesAct(id: string, entry: EntryUnits, about = "", whether = false): boolean {
  // An approval by a named body, or of a named thing: one sentence must state the approval and name it.
  const approval = approvalOf(id);
  if (approval) {
    const { act, also } = approval;
    if (act.stated.test(about) && also.test(about)) return true;
    return (entry.sentences ?? []).some((x) => !x.notStated && act.stated.test(x.folded) && also.test(x.folded));
  }
  const act = ACTS.find((a) => a.id === id);
  if (!act) return true;
  if (act.stated.test(about)) return true;
  const said = (x: { notStated: boolean; folded: string }) => !x.notStated && (act.stated.test(x.folded) || (whether && act.persists !== undefined && act.persists.test(x.folded)));
  return (entry.sentences ?? []).some(said);
}

/** "giai đoạn 2 của …", "phase 2 of …": a numbered phase said to be some named thing's (folded sentence). */
const PHASE_OF = /\b(?:giai doan|gd|phase|stage) ?(?:\d|mot|hai|one|two)\b (?:cua|of)\b|\b(?:first|second) (?:phase|stage) of\b/;
/** The concept tokens of "giai đoạn" and of the joint plan (glossary.yaml). */
const PHASE_TOKEN = "giaidoan";
const PLAN_TOKEN = "kehoachlientich";
/** How many units after a phase's number name whose phase it is ("Nền tảng quản lý chính quyền số"). */
const OWNER_UNITS = 4;

/**
 * Whether an entry speaks of one of the numbered `phases` at all: a sentence (not a "not stated" one) names "giai đoạn
 * N" / "phase N". "giai đoạn 2 của app Công dân số có thêm tính năng gì" is not answered by the app's entry that never
 * speaks of a phase 2 of it.
 */
export function speaksOfPhase(entry: EntryUnits, phases: readonly number[]): boolean {
  return (entry.sentences ?? []).some((x) => {
    if (x.notStated) return false;
    const u = x.units;
    return u.some((w, i) => w === PHASE_TOKEN && phasesNamed(u.slice(i, i + 3)).some((n) => phases.includes(n)));
  });
}

/** Whether a (folded) question says whose phase it asks of ("gđ2 của nó", "phase 2 of the app"). */
export function phaseOfSomething(folded: string): boolean {
  return PHASE_OF.test(folded);
}

/**
 * Whether an entry speaks of the numbered `phases` a question asks only as another thing's phases: each of its
 * sentences naming one says "giai đoạn 2 của Nền tảng …" / "phase 2 of the … Platform", and the question names none of
 * that thing's words (`asked`, the question's units). A phase asked by its number alone ("When does phase 2 start?")
 * is the joint plan's, which the app's phase 2 does not answer; an entry that names the plan's phase, or a phase alone,
 * is left alone.
 */
export function phaseOfOther(entry: EntryUnits, phases: readonly number[], asked: ReadonlySet<string>): boolean {
  let others = 0;
  for (const x of entry.sentences ?? []) {
    if (x.notStated || !x.units.includes(PHASE_TOKEN)) continue;
    const u = x.units;
    for (let i = 0; i < u.length; i++) {
      if (u[i] !== PHASE_TOKEN || !phasesNamed(u.slice(Math.max(0, i - 1), i + 3)).some((n) => phases.includes(n))) continue;
      if (!PHASE_OF.test(x.folded)) return false;
      const owner = u.slice(i + 2, i + 2 + OWNER_UNITS);
      if (owner.includes(PLAN_TOKEN) || owner.some((w) => asked.has(w))) return false;
      others++;
    }
  }
  return others > 0;
}
