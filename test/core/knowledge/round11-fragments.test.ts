import { describe, expect, it } from "vitest";
import { fold } from "../../../src/core/fold.js";
import { createNormaliser } from "../../../src/core/knowledge/normalise.js";
import { droppedNasal } from "../../../src/core/knowledge/query.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { detectLanguage } from "../../../src/core/language.js";
import { realContent } from "../../helpers/app.js";
import { runCliCaptured } from "../../helpers/cli.js";
import { followUpAnswer } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);
const normaliser = createNormaliser(content.lexicon, content.glossary);
const words = (text: string) => fold(text).split(" ").filter((w) => w.length > 0);
const NOW = "2026-12-01T09:00:00+07:00";

const followUp = (first: string, second: string) => followUpAnswer(first, second, NOW);
const best = (q: string) => {
  const r = kb.search(q);
  return r.decision === "none" ? undefined : r.best?.entry.id;
};

describe("Zalo shorthand of the plan's words (content/lexicon.yaml, eleventh round)", () => {
  it.each([
    ["gđ2 xog chưa", "giai đoạn 2 xong chưa"],
    ["kh lt ai ký", "kế hoạch liên tịch ai ký"],
    ["bn phg bn xã", "bao nhiêu phường bao nhiêu xã"],
    ["có mấy đk", "có mấy đặc khu"],
    ["đk tên j", "đặc khu tên gì"],
    ["tp mới hd từ ngày nào", "thành phố mới hoạt động từ ngày nào"],
    ["còn bên nn", "còn cơ quan nhà nước"],
    ["sở kh bd", "sở khcn bd"],
    ["gđ tt cđs là ai", "giám đốc trung tâm cđs là ai"],
  ])("reads %j as %j", (typed, read) => {
    expect(normaliser.normalise(words(typed))).toEqual(words(read));
  });

  it("keeps 'đk' as 'được' where it names no special zone", () => {
    expect(normaliser.normalise(words("tk mail đk cấp chưa"))).toEqual(words("tài khoản mail được cấp chưa"));
  });

  it("answers the fragments through the knowledge base", () => {
    expect(best("gđ2 xog chưa")).toBe("phase2-what");
    expect(best("kh lt ai ky")).toBe("plan-signatories");
    expect(best("bn phg bn xã")).toBe("merger-168-units");
    expect(best("co may dk")).toBe("merger-special-zone");
    expect(best("tp moi hd tu ngay nao")).toBe("merger-effective-date");
  });
});

describe("a final 'ng' or 'nh' typed without its 'n'", () => {
  it("is read back, since no Vietnamese syllable ends in a bare 'g' or 'h'", () => {
    expect(droppedNasal("thah")).toBe("thanh");
    expect(droppedNasal("hih")).toBe("hinh");
    expect(droppedNasal("dug")).toBe("dung");
    expect(droppedNasal("trog")).toBe("trong");
  });

  it("leaves other words alone", () => {
    expect(droppedNasal("thanh")).toBeUndefined();
    expect(droppedNasal("email")).toBeUndefined();
    expect(droppedNasal("1022")).toBeUndefined();
  });

  it("finds the entry of the word meant", () => {
    expect(kb.search("mạg truyền số liệu cd bn điểm").best?.entry.id).toBe("network-speed");
    expect(kb.search("mạg truyền số liệu cd bn điểm").units).toContain("mangtruyensolieuchuyendung");
  });
});

describe("a syllable typed with one letter missing", () => {
  it("is read back into the one pair the content writes after the word before it", () => {
    const r = kb.search("gđ1 ưu tiê gì");
    expect(r.units).toContain("uutien");
    expect(r.best?.entry.id).toBe("plan-phase1-scope");
  });

  it("is left alone where no pair of the content fits", () => {
    expect(kb.search("cổng thông ti điện tử xong chưa").units).toContain("ti");
  });
});

describe("counts and wording of short questions", () => {
  it("reads 'cho bao nhiêu người' alone as a count of officials", () => {
    expect(best("nen tang qlcqs cho bn ng")).toBe("digital-gov-platform");
  });

  it("reads 'kh lt' in a question on the article's photo", () => {
    expect(best("anh bai kh lt ai chup")).toBe("plan-coverage");
  });

  it("reads 'qlvb triển khai cho những ai' as the roll-out's units", () => {
    expect(best("qlvb trien khai cho nhug ai")).toBe("document-management-rollout");
  });

  it("reads 'tỉnh thành mới hoạt động chính thức' as the merger, not a system's go-live", () => {
    expect(best("tinh thanh moi hoat dong chinh thuc tu ngay nao")).toBe("merger-effective-date");
    expect(best("1022 chay chinh thuc tu ngay nao")).toBe("hotline-1022-official");
  });

  it("refuses who heads an old department ('làm gđ' is a director, not a phase)", async () => {
    const { out } = await runCliCaptured(["ask", "--json", "--now", "2026-12-01", "sở kh bd cũ giờ ai làm gđ"]);
    expect(JSON.parse(out.trim()).answered).toBe(false);
  });
});

describe("Vietnamese chat shorthand and the answer's language", () => {
  it("marks a message of shorthand as Vietnamese", () => {
    expect(detectLanguage("qlvb golive")).toBe("vi");
    expect(detectLanguage("gd2 xog chua")).toBe("vi");
  });

  it("still reads English around the shorthand as English", () => {
    expect(detectLanguage("When does the QLVB system go live?")).toBe("en");
  });
});

describe("follow-ups that swap the side of phase 1", () => {
  it("moves from the Party's online conferences to the state's", async () => {
    expect(await followUp("hntt bên đảng xog khi nao", "còn bên nn")).toContain("15/05/2025");
  });

  it("moves from the state's to the Party's", async () => {
    expect(await followUp("hnth nhà nước xong khi nào", "còn bên đảng")).toMatch(/5\/2025|tháng 5/);
  });
});
