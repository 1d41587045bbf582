import { fold } from "../fold.js";
import { actsAsked, isNotStated, speaksOfTrial } from "./answer-type.js";

/**
 * Place names a question may be about (folded), longest first: the provinces and cities of Vietnam before the 2025
 * reorganisation, and the districts and towns of the merged area. A question naming a place must get an answer whose
 * entry names it too: "dân số Côn Đảo" is not answered by the population of the whole city. The three merged
 * localities themselves (HCMC, Bình Dương, Bà Rịa - Vũng Tàu) are left out: the plan is about all of them.
 */
const PLACES: readonly string[] = [
  "Hà Nội", "Hanoi", "Hải Phòng", "Đà Nẵng", "Da Nang", "Cần Thơ", "Huế", "Thừa Thiên Huế", "An Giang", "Bạc Liêu", "Bắc Giang",
  "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông",
  "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang", "Hòa Bình",
  "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định",
  "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
  "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Tiền Giang", "Trà Vinh",
  "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
  // The merged area: districts, towns and the special zone.
  "Côn Đảo", "Tân Bình", "Thủ Dầu Một", "Dĩ An", "Thuận An", "Bến Cát", "Tân Uyên", "Bàu Bàng", "Dầu Tiếng", "Phú Giáo",
  "Phú Mỹ", "Long Điền", "Đất Đỏ", "Xuyên Mộc", "Châu Đức", "Củ Chi", "Cần Giờ", "Hóc Môn", "Bình Chánh", "Nhà Bè",
  "Thủ Đức", "Gò Vấp", "Phú Nhuận", "Bình Thạnh", "Tân Phú", "Bình Tân",
]
  .map(fold)
  .sort((a, b) => b.length - a.length);

/** Agencies outside the plan: "số điện thoại Sở Y tế" is not answered by the plan's contact entry. */
const ORGANISATIONS: readonly string[] = [
  "Sở Y tế", "Sở Giáo dục", "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Xây dựng", "Sở Giao thông", "Sở Công Thương",
  "Sở Lao động", "Sở Tài nguyên", "Sở Nông nghiệp", "Sở Văn hóa", "Sở Du lịch", "Sở Ngoại vụ", "Sở Thông tin và Truyền thông",
  "Sở TTTT", "Sở Kế hoạch", "Sở Quy hoạch", "công an", "bệnh viện", "trường học", "ngân hàng", "kho bạc", "cục thuế",
  "chi cục thuế", "bảo hiểm xã hội", "BHXH", "tòa án", "viện kiểm sát", "hải quan", "quân đội", "bưu điện", "điện lực",
  "police", "hospital", "tax office", "social insurance", "bank",
]
  .map(fold)
  .sort((a, b) => b.length - a.length);

/** Office titles: a question about one must be answered by an entry that speaks of it. */
const OFFICES: readonly string[] = [
  "phó chủ tịch", "chủ tịch", "phó giám đốc", "giám đốc", "phó bí thư", "bí thư", "trưởng phòng", "trưởng ban", "hiệu trưởng",
  "chánh văn phòng", "tổng giám đốc", "vice chairman", "chairman", "chairwoman", "chairperson", "chairs", "chaired", "chair of",
  "director", "secretary", "mayor", "head of", "heads", "chief of", "president", "chủ tịch nước", "tổng bí thư",
]
  .map(fold)
  .sort((a, b) => b.length - a.length);

/** An office said in the other language, or by a verb ("who chairs"): the titles an entry may use for it (folded). */
const OFFICE_FORMS: Record<string, readonly string[]> = (() => {
  const groups = [
    ["chu tich", "chairman", "chairwoman", "chairperson", "chairs", "chaired", "chair of"],
    ["pho chu tich", "vice chairman"],
    ["giam doc", "director"],
    ["bi thu", "secretary"],
    ["chanh van phong", "chief of", "chief of staff"],
  ];
  const forms: Record<string, readonly string[]> = {};
  for (const g of groups) for (const o of g) forms[o] = g;
  // "who heads …", "head of …": whoever holds the top office, whatever its title.
  forms["heads"] = forms["head of"] = ["head of", "giam doc", "chu tich", "truong phong", "truong ban", "director", "chairman", "chairwoman", "mayor"];
  return forms;
})();

/** Whether a padded, folded text names `office` by one of its titles ({@link OFFICE_FORMS}). */
const saysOffice = (text: string, office: string) => (OFFICE_FORMS[office] ?? [office]).some((o) => text.includes(` ${o} `));

/** Quantities asked of a place: the answer must speak of the same quantity ("dân số", not "đặc khu"). */
const MEASURES: readonly string[] = ["dân số", "diện tích", "mật độ", "population", "area", "density", "GDP", "ngân sách", "budget"].map(fold);

/**
 * Subjects a question may be about that the plan never covers unless an entry says so: pay and money, prices and
 * costs, weather, sport, fuel, schooling, a personal account in trouble. A question naming one is answered only by an
 * entry that names it too; two shared topic words ("lương cán bộ phường") do not make it a question about accounts.
 * Each subject lists folded phrases; `but` lists phrases that contain the word with another meaning ("số lượng").
 */
const SUBJECTS: readonly Subject[] = [
  { words: ["luong", "tien luong", "muc luong", "salary", "salaries", "wage", "wages", "pay rise"], but: ["so luong", "chat luong", "dung luong", "luong cong viec", "huong luong", "nguyen luong", "huong nguyen luong"] },
  { words: ["phu cap", "tro cap", "allowance", "allowances", "bonus", "tien thuong", "thuong tet", "tien tet", "luong thang 13", "che do chinh sach", "nghi huu", "tinh gian", "pension", "retirement"] },
  { words: ["chi phi", "kinh phi", "tong kinh phi", "bao nhieu tien", "so tien", "tien ho tro", "tong von", "von dau tu", "nguon von", "bao nhieu von", "investment", "cost", "costs", "price", "prices", "fee", "fees", "money", "how much did", "budget", "gia tri hop dong", "goi thau", "dau thau", "tong muc dau tu", "du toan", "contract value", "value of the contract", "tender", "spend", "spent", "spending", "funding", "expenditure"] },
  { words: ["hoc phi", "le phi", "gia vang", "gia xang", "gia dat", "gia nha", "gia goi", "gia cuoc", "gia dien", "xang", "tuition", "petrol", "gold price", "fuel"] },
  { words: ["thoi tiet", "mua bao", "troi mua", "co mua", "nang nong", "weather", "rain", "forecast"] },
  { words: ["bong da", "da bong", "da voi", "doi tuyen", "world cup", "football", "soccer", "match", "ket qua tran", "xo so", "lottery"] },
  // Who made or supplies a system: the plan names no vendor, software brand or network operator.
  { words: ["hang nao", "cua hang nao", "nha mang nao", "cong ty nao", "cty nao", "cong ty gi", "tap doan nao", "nha thau nao", "trung thau", "thang thau", "nha thau", "don vi thi cong", "won the tender", "won the bid", "winning bid", "winning bidder", "contractor", "contractors", "which firm", "which supplier", "which contractor", "doanh nghiep nao", "nha cung cap", "which company", "what company", "vendor", "vendors", "developed by", "built by", "who developed", "who built", "who designed", "developer of", "who made the app", "who made the software", "who made the system", "ai phat trien", "do ai phat trien", "don vi phat trien", "ai lap trinh", "which software", "phan mem gi", "phan mem nao", "nhung phan mem", "phan mem cu the", "zoom", "webex", "cisco", "microsoft teams", "google meet", "ioffice"] },
  // Food, drink, lodging, shopping and sightseeing: the plan is about information systems.
  {
    words: [
      "nha hang", "quan an", "an o dau", "an gi ngon", "mon an", "mon ngon", "am thuc", "dac san", "quan pho", "an pho", "pho ngon", "bun bo", "com tam", "banh mi", "quan cafe",
      "quan ca phe", "uong ca phe", "khach san", "nha nghi", "homestay", "diem du lich", "di du lich", "du lich o dau", "tham quan", "mua sam", "mua o dau", "cho ben thanh",
      "restaurant", "restaurants", "food", "eat", "eating", "get pho", "pho near", "bowl of pho", "eat pho", "dish", "dishes", "cuisine", "best pho", "pho in", "street food", "noodle", "noodles", "coffee", "cafe",
      "hotel", "hotels", "tourist", "tourists", "tourism", "sightseeing", "shopping", "where to buy", "where can i buy", "souvenir", "souvenirs", "nightlife",
    ],
  },
  // Personal questions to the assistant or chat about one's private life.
  { words: ["nguoi yeu", "ban gai", "ban trai", "ket hon chua", "lap gia dinh chua", "co vo chua", "co chong chua", "bao nhieu tuoi", "may tuoi", "girlfriend", "boyfriend", "are you married", "how old are you", "date me"] },
  { words: ["sa thai", "mat viec", "cho thoi viec", "cat giam bien che", "laid off", "lay off", "layoff", "layoffs", "dismissed", "fired", "redundan"] },
  // One person's own certificate or account in trouble: the plan speaks of everyone's deadlines, not of that.
  {
    words: [
      ...["toi", "em", "minh", "tui", "anh", "chi"].flatMap((who) => ["het han", "bi loi", "bi khoa", "bi hack", "bi mat", "khong vao duoc", "khong dang nhap duoc"].map((what) => `cua ${who} ${what}`)),
      ...["toi", "em", "minh", "tui"].flatMap((who) => [`${who} khong dang nhap duoc`, `${who} khong vao duoc`, `${who} bi khoa`]),
      "bi loi", "has expired", "expired", "my account is locked", "my account was locked", "i can t log in", "i cannot log in", "cannot log in", "can t sign in", "cannot sign in",
    ],
  },
  { words: ["bi hack", "hack", "bi khoa", "khoa tai khoan", "locked", "hacked", "quen mat khau", "forgot", "forgotten"] },
  { words: ["mo cua", "dong cua", "gio lam viec", "gio hanh chinh", "opening hours", "office hours"] },
  { words: ["lich thi", "thi tuyen", "ky thi", "tuyen dung", "recruitment", "exam", "exams"] },
  { words: ["bang lai", "can cuoc", "cccd", "ho chieu", "driving licence", "driver license", "passport", "id card"] },
  // Where and when an event is held, and how to sign up: the plan gives deadlines, not venues, hours or registration.
  { words: ["may gio", "luc may gio", "to chuc o dau", "hop o dau", "dang ky voi ai", "dang ky o dau", "dang ky nhu the nao", "what time", "where is it held", "where will it be held", "how do i register", "sign up"] },
  // A procedure: papers to file, where, and its fees.
  // (Citizens' paperwork handled by the systems is the administrative-procedures system of phase 1, not a procedure asked.)
  {
    words: ["nop ho so", "ho so gom", "ho so can", "thu tuc gia han", "ton phi", "mat phi", "thu phi", "co phi", "phi bao nhieu", "paperwork", "application form"],
    but: ["citizens paperwork", "citizen paperwork", "citizens s paperwork", "residents paperwork", "residents s paperwork", "paperwork for citizens", "paperwork for residents", "handling paperwork"],
  },
  // What a call costs ("gọi 1022 có bị tính cước không", "is it free to call"): the sources never say.
  { words: ["tinh cuoc", "bi tinh cuoc", "cuoc phi", "mat cuoc", "tinh phi", "bi tinh phi", "mat tien", "bi tinh tien", "tinh tien", "mien phi", "free of charge", "toll free", "free to call", "call charge", "call charges", "charged for", "cost to call", "costs to call"] },
  // Which ward or commune is the largest or the most populous: the sources give no figures per unit.
  {
    words: [
      "dong dan nhat", "it dan nhat", "nhieu dan nhat", "dan so cao nhat", "dan so lon nhat", "dan so dong nhat", "dan so thap nhat", "dan so it nhat",
      "rong nhat", "dien tich lon nhat", "dien tich nho nhat", "dien tich rong nhat", "most populous", "least populous", "most populated",
      "largest population", "biggest population", "largest ward", "biggest ward", "smallest ward", "largest commune", "smallest commune",
    ],
  },
  // A list of names the sources do not give ("danh sách tên 36 phường").
  { words: ["danh sach ten", "ten cac phuong", "ten cac xa", "ten tung phuong", "ten tung xa", "list the names", "names of the", "names of all", "which wards exactly", "which communes exactly", "phuong nao cu the"] },
  // A format or a link to download: the sources give neither.
  { words: ["bao nhieu chu so", "may chu so", "dinh dang", "format", "theo mau nao", "mau nao", "bieu mau", "file excel", "cot gi", "nhung cot", "template", "spreadsheet", "which columns", "what columns", "link tai", "duong link", "xin link", "tai app", "tai ung dung", "app store", "google play", "ch play", "download link", "where can i download"] },
  // Whether something was fixed, accepted or reported on afterwards: the sources stop before that.
  { words: ["sua xong", "da sua", "da khac phuc", "khac phuc xong", "khac phuc chua", "nghiem thu", "bao cao tong ket", "been fixed", "was fixed", "fixed yet", "resolved", "signed off"] },
  // Opinions and predictions.
  { words: ["nam sau", "nam toi", "sap toi se", "se co them", "co them dac khu", "next year", "in the future", "kha thi", "co kha thi", "theo anh chi", "theo ban thi", "du doan", "du bao", "co nen", "feasible", "realistic", "predict", "in your opinion", "do you think", "will there be more"] },
  // What became of one department after the merger (merged into which, still there): the sources do not say.
  { words: ["nhap vao dau", "sap nhap vao dau", "nhap vao so", "sap nhap vao so", "hay nhap vao", "con ko hay", "con khong hay", "giai the", "merged into which", "absorbed into", "merged into the city s"] },
  // Who signed a document: the sources name the body that issued it, not the signatory.
  { words: ["ai ky", "nguoi ky", "ky boi", "do ai ky", "who signed", "signed by", "signatory"] },
  // Offices and their premises: where they are, moving them, who equips them.
  { words: ["tru so", "chuyen van phong", "chuyen tru so", "van phong moi", "headquarters", "premises", "office move", "relocation", "relocate"] },
  // A phase the plan does not have.
  { words: ["giai doan 3", "gd3", "giai doan ba", "giai doan iii", "phase 3", "phase three", "stage 3", "third phase"] },
  // Before the merger: the sources count and describe the merged city, not the old provinces' own figures.
  // An entry saying anything of that time says it in its answer ("Trước hợp nhất, Bình Dương có đường dây 1022 riêng").
  { words: ["truoc sap nhap", "truoc khi sap nhap", "truoc hop nhat", "truoc khi hop nhat", "truoc sap xep", "truoc khi sap xep", "truoc thoi diem sap nhap", "before the merger", "before merging", "pre merger"], inText: true },
  // Sanctions for a unit or person that misses a deadline ("không kịp thì bị xử lý sao", "kỷ luật", "penalty"): the
  // plan sets deadlines, not what follows when they are missed.
  {
    words: ["thi bi xu ly", "se bi xu ly", "bi xu ly ky luat", "bi xu ly trach nhiem", "xu ly trach nhiem", "ky luat", "che tai", "xu phat", "bi phat", "khien trach", "truy cuu trach nhiem", "penalty", "penalties", "penalised", "penalized", "sanction", "sanctions", "sanctioned", "disciplined", "disciplinary", "discipline", "punished", "punishment", "consequences"],
    but: ["bi phat hien", "bi phat tan", "bi phat song"],
  },
  // Leave of one's own (annual, sick, maternity): the sources give public holidays only.
  { words: ["nghi phep", "phep nam", "ngay phep", "nghi om", "nghi thai san", "annual leave", "sick leave", "maternity leave", "paid leave"] },
  // Which old units one new ward was formed from: the sources give counts, not each ward's make-up.
  { words: ["phuong cu nao", "xa cu nao", "nhung phuong cu", "nhung xa cu", "gop tu nhung", "sap nhap tu nhung", "formed from which", "which former wards", "which old wards"] },
  // How data is stored and backed up, and a launch ceremony: the sources say neither.
  { words: ["sao luu", "backup", "back up", "luu o dau", "luu tru o dau", "cat bang", "le khai truong", "ribbon"] },
  // A ceremony or event: only an entry written of that event answers it (the plan article's photo is not the
  // ceremony's photographer).
  { words: ["le cong bo", "buoi le", "le ra mat", "le ky ket", "ceremony", "ceremonies", "launch event"] },
  // Paperwork of the new units outside information systems: seals, letterheads, signboards, addresses on papers.
  // ("còn đầu số" folds like "còn dấu": a telephone prefix is not a seal.)
  {
    words: ["con dau", "dau cu", "khac dau", "khac con dau", "mau dau", "moc dau", "dong dau", "bien hieu", "bang hieu", "tieu de van ban", "official seal", "seal", "seals", "stamp", "stamps", "signboard", "letterhead"],
    but: ["con dau so", "dau moi lien he", "dau moi ho tro"],
  },
];

/** A subject of {@link SUBJECTS}: its words, phrases that contain them with another meaning, and where an entry must name it. */
interface Subject {
  words: readonly string[];
  but?: readonly string[];
  /** Named anywhere in the entry's text (its answers too), not only in its questions and keywords. */
  inText?: true;
}

/** "Who is / who will be [office]": asks for a person, so only an entry that names a person can answer it. */
const WHO_HOLDS = /\b(ai (se |dang |hien |hien dang |hien nay )?(la|lam|giu|duoc bo nhiem|duoc chi dinh|dam nhiem|dung dau|nam)|who (is|was|will be|becomes|became|s)|who heads|who chairs|who chaired|ai la nguoi|la ai|la nguoi nao|ten gi|ten la gi|la ong nao|la ba nao|name of)\b/;

/** The entities of a question that an answer must agree with. */
export interface QuestionEntities {
  /** Places and organisations outside the plan. */
  places: string[];
  /** Office titles and measured quantities (dân số, diện tích). */
  offices: string[];
  /** Whether the question asks who holds an office. */
  asksPerson: boolean;
  /** Subjects outside the plan the question names (see SUBJECTS): each needs one of its words in the entry. */
  subjects: Subject[];
  /** A measured quantity asked of a named place ("dân số Bình Dương"): the entry must say it of that place. */
  measuredPlace?: { measure: string; place: string };
  /** Acts the question asks about (approved, evaluated, made by, deleted: see actsAsked), which the entry must state. */
  acts: string[];
  /** Whether the question speaks of a trial run ("chạy thử", "during the trial"): a count said only of one answers it. */
  trial?: boolean;
}

/** Places a measure may be asked of, besides those in PLACES: the merged localities and their towns. */
// The city itself is left out: its area and population are the plan's own figures.
const MERGED_PLACES: readonly string[] = ["Bình Dương", "Binh Duong", "Bà Rịa - Vũng Tàu", "Bà Rịa", "Vũng Tàu", "Ba Ria", "Vung Tau", "BRVT", "BR-VT"]
  .map(fold)
  .sort((a, b) => b.length - a.length);

/** "ai ký … bên Sở KH&CN TP.HCM", "người ký thay mặt …", "who signed for …": who signed on behalf of one body asks a
 * person, not the bodies that issued the document; so does the signer's name ("tên người ký là gì", "ai đứng tên ký",
 * "the name of the person who signed") (folded). */
const SIGNED_FOR = /\b(ai ky|nguoi ky|do ai ky|who signed|signed by)\b.*\b(ben|phia|thay mat|dai dien|on behalf of|on the side of|for (the )?([a-z]+ ){0,3}(department|dost|digital transformation|center|centre|city|province)|for (hcmc|binh duong|ba ria))\b|\b(ben|phia|thay mat|dai dien) [a-z ]{2,40}\b(ai ky|nguoi ky|do ai ky)\b|\b(ten|ho ten|ho va ten) (cua )?(nguoi|ong|ba|lanh dao|can bo) (da )?(ky|dung ten)\b|\b(ai|nguoi nao) dung ten( ky)?\b|\b(nguoi ky|nguoi da ky) (ten|ho ten) (la )?(gi|nao)\b|\bname of the (person|official|officer|signatory|signer)\b|\bsignatory s name\b/;

/** "dùng chung … với UBND", "chia sẻ với Đảng ủy", "shared with the People's Committee": a body outside the plan's
 * agencies that a system is said to be shared with (folded). */
const SHARED_WITH = /\b(?:dung chung|xai chung|chia se|share|shared|sharing)\b(?: [a-z0-9]+){0,8}? (?:voi|with(?: the)?) (ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|dang uy|cap uy|mat tran|cong doan|doan thanh nien|people s committee|people s council)\b/;

/** "phường An Phú có bao nhiêu …", "xã Long Hải có mấy …": a count asked of one ward or commune named (folded): its name. */
const COUNT_OF_UNIT = /\b(?:phuong|xa|dac khu) ([a-z0-9]+(?: [a-z0-9]+){0,2}?) (?:(?:co|duoc|thi|hien|hien nay|hien co|co tong cong|tong cong|co tat ca) )*(?:bao nhieu|bn|may) ([a-z]+)/;
/** "phường bn xã, mấy đặc khu": a count asked right after "phường" names no ward (folded). */
const ASKS_COUNT_FIRST = /^(bn|bnhieu|bao nhieu|may|nhieu)\b/;
/** Words after "bao nhiêu" / "mấy" that count no people or things of a ward: time, turns, shares. */
const NOT_COUNTED_HERE = new Set(["nam", "thang", "ngay", "tuan", "gio", "phut", "lan", "phan", "tram", "tien", "lau", "giai", "dot"]);
/** "phương án" written without marks folds like "phường An …": a ward is only read where the text says "phường",
 * or writes the name with a capital ("phuong An Phu"). */
const PLAN_OPTION = /ph[ưu]ơng\s+án|phuong an(?!\s+[A-ZĐ])/u;
/** Words after "phường" / "xã" that name no single ward: "phường xã", "phường mới", "xã nào", "phường của em". */
const NOT_A_UNIT_NAME = new Set([
  "xa", "phuong", "moi", "cu", "nao", "do", "nay", "kia", "ay", "thi", "diem", "dac", "khu", "va", "cua", "o", "tai", "em", "toi", "minh", "anh", "chi", "tren", "dia", "ban",
  "tp", "tphcm", "hcm", "bd", "brvt", "thuoc", "sau", "truoc", "sap", "nhap", "hop", "moi", "con", "lai", "duoc", "co", "cac", "nhung", "mot", "hai", "ba", "tong", "cong",
  "thanh", "pho", "tinh", "binh", "duong", "vung", "tau", "ria", "deu", "dang", "da", "se", "can", "bo", "lam", "viec", "trong", "ngoai", "khac", "mien", "nui", "bien",
  "so", "nay", "hien", "nay", "thi", "ve", "cho", "voi", "dung", "ap", "dung",
]);

/** "phường Bà Rịa", "xã Long Hải", "ward 5": a single ward or commune, named (folded, up to three words). */
const NAMED_UNIT = /\b(?:phuong|xa|dac khu|ward|commune) ([a-z0-9]+(?: [a-z0-9]+)?)/;

/** "phường Tân Định", "xã Long Hải", "ward An Phu" as written, marks removed: a unit named with a capital. */
const UNIT_WITH_NAME = /(^|[^\p{L}])([Pp]huong|[Xx]a|[Dd]ac khu|[Ww]ard|[Cc]ommune)\s+\p{Lu}/u;

/**
 * The one ward or commune a (folded) question names ("phường Tân Định đã có tài khoản chưa": "tan dinh"), or undefined
 * when it names none. The name must be written with a capital in `raw`, the question as written: "phường thử nghiệm",
 * "phường mới", "xã của em" and "phương án" written without marks name no unit.
 */
export function unitNamed(folded: string, raw: string): string | undefined {
  if (!UNIT_WITH_NAME.test(raw.normalize("NFD").replace(/\p{M}+/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D"))) return undefined;
  const name = NAMED_UNIT.exec(folded)?.[1];
  if (name === undefined || name.split(" ").every((w) => NOT_A_UNIT_NAME.has(w))) return undefined;
  return name.startsWith("an") && PLAN_OPTION.test(raw) ? undefined : name;
}

/** The words of each (folded) phrase of the lists above, split once. */
const phraseWords = new Map<string, readonly string[]>();
const wordsOf = (phrase: string): readonly string[] => {
  let words = phraseWords.get(phrase);
  if (!words) phraseWords.set(phrase, (words = phrase.split(" ")));
  return words;
};

/**
 * Places in `items` (in order) of the items that may be named in a text whose words are `tokens`: those with a phrase
 * whose first word is among them, read from `byFirstWord` (see {@link byFirstWordOf}).
 */
function mayBeNamed(byFirstWord: ReadonlyMap<string, readonly number[]>, tokens: ReadonlySet<string>): number[] {
  const out = new Set<number>();
  for (const t of tokens) for (const i of byFirstWord.get(t) ?? []) out.add(i);
  return [...out].sort((a, b) => a - b);
}

/** Each first word of the phrases of each item → the places of the items having it. */
function byFirstWordOf(items: readonly (readonly string[])[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  items.forEach((phrases, i) => {
    for (const phrase of phrases) {
      const first = wordsOf(phrase)[0]!;
      const list = out.get(first);
      if (!list) out.set(first, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  return out;
}

// The lists findEntities reads, by first word: a question is compared only with the phrases it may contain.
const PLACES_BY_WORD = byFirstWordOf(PLACES.map((p) => [p]));
const ORGANISATIONS_BY_WORD = byFirstWordOf(ORGANISATIONS.map((p) => [p]));
const OFFICES_BY_WORD = byFirstWordOf(OFFICES.map((p) => [p]));
const MEASURES_BY_WORD = byFirstWordOf(MEASURES.map((p) => [p]));
const SUBJECTS_BY_WORD = byFirstWordOf(SUBJECTS.map((s) => s.words));

/** Finds the places and offices a (folded) question names, each once, longest match first. */
export function findEntities(folded: string, raw = ""): QuestionEntities {
  // A phrase can only be in the text if each of its words is: only the phrases whose first word is in the text are
  // read, in the order of their list.
  const tokens = new Set(folded.split(" "));
  const mayHave = (phrase: string) => wordsOf(phrase).every((w) => tokens.has(w));
  let rest = ` ${folded} `;
  const take = (list: readonly string[], byWord: ReadonlyMap<string, readonly number[]>) => {
    const found: string[] = [];
    for (const at of mayBeNamed(byWord, tokens)) {
      const name = list[at]!;
      if (mayHave(name) && rest.includes(` ${name} `)) {
        found.push(name);
        rest = rest.split(` ${name} `).join("  ");
      }
    }
    return found;
  };
  const padded = ` ${folded} `;
  const subjects = mayBeNamed(SUBJECTS_BY_WORD, tokens).map((at) => SUBJECTS[at]!).filter((s) => {
    if (!s.words.some(mayHave)) return false;
    const clean = (s.but ?? []).filter(mayHave).reduce((text, b) => text.split(` ${b} `).join("  "), padded);
    return s.words.some((w) => clean.includes(` ${w} `));
  });
  const measures = take(MEASURES, MEASURES_BY_WORD);
  const offices = [...take(OFFICES, OFFICES_BY_WORD), ...measures];
  const places = [...take(ORGANISATIONS, ORGANISATIONS_BY_WORD), ...take(PLACES, PLACES_BY_WORD)];
  // A measure of a merged locality or of one ward: "dân số Bình Dương", "diện tích phường Bà Rịa".
  let measuredPlace: QuestionEntities["measuredPlace"];
  if (measures.length > 0) {
    const unit = NAMED_UNIT.exec(folded)?.[0];
    const place = unit ?? MERGED_PLACES.find((p) => padded.includes(` ${p} `)) ?? places[0];
    if (place) measuredPlace = { measure: measures[0]!, place };
  }
  // A count asked of one ward or commune by its name: the entry must name that ward ("phường An Phú có bao nhiêu cán
  // bộ" is not answered by the city's count). Names made only of common words ("phường mới", "xã đó") name none.
  const count = COUNT_OF_UNIT.exec(folded);
  const unit = count?.[1];
  const namesUnit = unit !== undefined && !NOT_COUNTED_HERE.has(count![2]!) && !ASKS_COUNT_FIRST.test(unit) && unit.split(" ").some((w) => !NOT_A_UNIT_NAME.has(w));
  if (namesUnit && !(unit.startsWith("an") && PLAN_OPTION.test(raw)) && !places.includes(unit) && !MERGED_PLACES.includes(unit)) places.push(unit);
  // "Đảng ủy phường có dùng chung QLVB với UBND phường không": a body a system is shared with must be one the entry
  // speaks of (the steps of document management say nothing of the People's Committees).
  const sharedWith = SHARED_WITH.exec(folded)?.[1];
  if (sharedWith !== undefined && !places.includes(sharedWith)) places.push(sharedWith);
  const signedFor = SIGNED_FOR.test(folded);
  return { places, offices, asksPerson: (offices.length > 0 && WHO_HOLDS.test(folded)) || signedFor, subjects, measuredPlace, acts: actsAsked(folded), trial: speaksOfTrial(folded) };
}

/** Whether `haystack` names `office`, by any of its titles ("director" is also "giám đốc"), within `span` characters of `b`. */
export function nearOffice(haystack: string, office: string, b: string, span: number): boolean {
  return (OFFICE_FORMS[office] ?? [office]).some((o) => near(haystack, o, b, span));
}

/** Whether `a` and `b` both occur in `haystack` within `span` characters of each other. */
export function near(haystack: string, a: string, b: string, span: number): boolean {
  for (let i = haystack.indexOf(` ${a} `); i >= 0; i = haystack.indexOf(` ${a} `, i + 1)) {
    const window = haystack.slice(Math.max(0, i - span), i + a.length + span);
    if (window.includes(` ${b} `)) return true;
  }
  return false;
}

/**
 * Whether an entry agrees with the question's entities: it names every place and office the question names, and
 * names a person ("ông …", "bà …") when the question asks who holds an office. `haystack` is the entry's folded text
 * padded with spaces; `raw` its text as written (for the person check, which needs capitals); `about` its folded
 * questions and keywords, padded (what it is about, for subjects).
 */
export function agrees(entities: QuestionEntities, haystack: string, raw: string, about: string = haystack): boolean {
  if (!entities.places.every((p) => haystack.includes(` ${p} `))) return false;
  if (!entities.offices.every((o) => saysOffice(haystack, o))) return false;
  if (entities.asksPerson && !namesHolder(raw, entities.offices)) return false;
  // A subject must be what the entry is about (its questions and keywords): "hưởng nguyên lương" in a holiday answer
  // does not make it an answer about pay.
  const covers = (s: QuestionEntities["subjects"][number]) => {
    const clean = (s.but ?? []).reduce((text, b) => text.split(` ${b} `).join("  "), s.inText ? `${about} ${statedText(raw)}` : about);
    return s.words.some((w) => clean.includes(` ${w} `));
  };
  if (!entities.subjects.every(covers)) return false;
  // "dân số Bình Dương" is not answered by the population of the whole city: the entry must say it of the place.
  if (entities.measuredPlace && !near(haystack, entities.measuredPlace.measure, entities.measuredPlace.place, 60)) return false;
  return true;
}

/** A person named as people are in the sources: "ông Nguyễn …", "bà Võ Thị …", "Mr …". */
const PERSON = /(^|[^\p{L}])(ông|bà|Mr|Ms|Mrs)\.? [A-ZĐÀ-Ỹ]/gu;

/**
 * Whether `raw` names a person for one of `offices` (folded): a person named within a few words of the office ("giám
 * đốc khi đó là bà Võ Thị Trung Trinh"). A name elsewhere in the entry is someone else's: "ai làm chủ tịch phường"
 * is not answered by an entry that names a former director.
 */
function namesHolder(raw: string, offices: readonly string[]): boolean {
  for (const m of raw.matchAll(PERSON)) {
    const around = ` ${fold(raw.slice(Math.max(0, m.index - 60), m.index + 60))} `;
    if (offices.length === 0 || offices.some((o) => saysOffice(around, o))) return true;
  }
  return false;
}

/**
 * An entry's text without its sentences saying the sources do not give something, folded and padded: "Nguồn không nêu
 * mỗi tỉnh có bao nhiêu phường, xã trước sắp xếp" does not make the entry speak of the time before the merger.
 */
function statedText(raw: string): string {
  const sentences = raw.split(/(?<=[.;!?])\s+|\n+/).map(fold);
  return ` ${sentences.filter((x) => !isNotStated(x)).join(" ")} `;
}

/**
 * Whether an entry's questions and keywords (`about`, any text: it is folded here) cover every subject outside the
 * plan that a question names (see SUBJECTS): a follow-up "bao nhiêu tiền?", "ở đâu, mấy giờ?" must not inherit the
 * previous answer when that answer is about something else.
 */
export function coversSubjects(question: string, about: string): boolean {
  const { subjects } = findEntities(fold(question));
  if (subjects.length === 0) return true;
  return agrees({ places: [], offices: [], asksPerson: false, subjects, acts: [] }, "", "", ` ${fold(about)} `);
}
