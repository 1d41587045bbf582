import { describe, expect, it } from "vitest";
import { actsAsked, coveredOnlyAsAbsent, supplies, valueAsked } from "../../../src/core/knowledge/answer-type.js";
import { findEntities } from "../../../src/core/knowledge/entities.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { fold } from "../../../src/core/fold.js";
import { readComparison } from "../../../src/core/knowledge/system-deadlines.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith as answeredBy, entryOf } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);
const answeredWith = (q: string) => answeredBy(kb, q);
const refusesAll = (questions: readonly string[]) => {
  for (const q of questions) expect(answeredWith(q), q).toBeUndefined();
};

describe("'chậm nhất là khi nào' asks a deadline, like 'hạn chót'", () => {
  it("answers one merged locality's unit by the plan's deadline for every unit", () => {
    expect(answeredWith("phường mới bên Bình Dương, qlvb về tới phường chậm nhất là khi nào")).toBe("document-management-rollout");
    expect(answeredWith("xa moi o brvt muon nhat bao gio co qlvb")).toBe("document-management-rollout");
  });
});

describe("'where to download' in an entry is no place the entry withholds", () => {
  it("answers where a system must connect from the steps entry, whose text also says no download place is given", () => {
    expect(answeredWith("hệ thống qlvb của các tỉnh kết nối với hệ thống ở đâu")).toBe("document-management-steps");
  });
  it("still leaves where to download the software unanswered", () => {
    refusesAll(["phần mềm qlvb tải ở đâu"]);
  });
});

describe("'mấy bước', 'how many steps': steps set out after a colon give their number", () => {
  it("reads a list of steps as the count", () => {
    const count = { kind: "count" as const, noun: "buoc" };
    expect(supplies(count, entryOf("Các bước: khảo sát; thử nghiệm trước 15/06/2025; vận hành từ 01/09/2025."), new Set(["buoc"]))).toBe("given");
    expect(supplies({ kind: "count", noun: "steps" }, entryOf("The steps are: survey; pilot; go live."), new Set(["steps"]))).toBe("given");
  });
  it("answers how many steps the document-management rollout has", () => {
    expect(answeredWith("triển khai hệ thống QLVB gồm mấy bước, khảo sát rồi sao nữa")).toBe("document-management-steps");
    expect(answeredWith("How many steps are there for the document management system?")).toBe("document-management-steps");
  });
});

describe("who carries out a survey: only the data centres' surveyor is named", () => {
  it("reads who surveys as an act", () => {
    for (const q of ["ai là đơn vị khảo sát hiện trạng hội nghị truyền hình", "khảo sát 1022 do đơn vị nào thực hiện", "Who will survey the video conferencing systems?"]) {
      expect(actsAsked(fold(q)), q).toContain("survey-by");
    }
    expect(actsAsked(fold("khi nào xong khảo sát hội nghị truyền hình"))).not.toContain("survey-by");
  });
  it("leaves unnamed surveyors unanswered, and still names the data centres' one", () => {
    refusesAll(["đơn vị nào khảo sát hiện trạng hệ thống hội nghị truyền hình ở hai tỉnh", "Who surveys the video conferencing systems in the provinces?", "tổng đài 1022 do ai khảo sát đề xuất phương án"]);
    expect(answeredWith("ai khảo sát hiện trạng trung tâm dữ liệu Bình Dương, BRVT")).toBe("data-center");
    expect(answeredWith("Who will survey the Binh Duong and BR-VT data centres?")).toBe("data-center");
  });
});

describe("sanctions for a missed deadline: the plan sets deadlines, not what follows", () => {
  it("reads sanctions as a subject outside the plan, not any 'xử lý'", () => {
    expect(findEntities(fold("nếu phường không kịp thì bị xử lý sao")).subjects.length).toBeGreaterThan(0);
    expect(findEntities(fold("What is the penalty for missing the deadline?")).subjects.length).toBeGreaterThan(0);
    expect(findEntities(fold("tài khoản thư cũ bị xử lý sao")).subjects).toEqual([]);
  });
  it("leaves sanctions unanswered, and still answers what becomes of old mail", () => {
    refusesAll(["nếu phường không kịp triển khai qlvb trước 15/8 thì bị xử lý sao", "sở nào trễ hạn gửi danh sách thì bị kỷ luật không", "Are wards penalised if the document system is late?"]);
    expect(answeredWith("Em ở BR-VT thì tài khoản thư cũ bị xử lý sao?")).toBe("email-parallel-brvt");
  });
});

describe("the value of a code ('mã định danh … là bao nhiêu', 'what are the ID codes')", () => {
  it("reads the value of a code as asked, not what the codes are about", () => {
    expect(valueAsked(fold("mã định danh của sở là bao nhiêu"))?.kind).toBe("code");
    expect(valueAsked(fold("What are the new ID codes of the departments?"))?.kind).toBe("code");
    expect(valueAsked(fold("mã định danh điện tử hoàn thành khi nào"))).toBeUndefined();
    expect(valueAsked(fold("mà dân số thành phố là bao nhiêu"))?.kind).not.toBe("code");
  });
  it("is given only by a code written out", () => {
    const code = { kind: "code" as const };
    expect(supplies(code, entryOf("Mã định danh của Sở là 000.00.00.H29."), new Set())).toBe("given");
    expect(supplies(code, entryOf("Mã định danh điện tử hoàn thành trong khoảng tháng 5 đến tháng 8/2025."), new Set())).toBe("no");
  });
  it("leaves the codes unanswered, and still says when the e-ID work ends", () => {
    refusesAll(["mã định danh điện tử mới của các sở sau hợp nhất là bao nhiêu", "What are the new e-ID codes of the departments?"]);
    expect(answeredWith("mã định danh điện tử hoàn thành khi nào")).toBe("e-id");
  });
});

describe("'which units …' in English asks the units' names, like 'ở những đơn vị nào'", () => {
  it("reads which units, but not which were first", () => {
    expect(valueAsked(fold("Which units piloted the document system?"))).toMatchObject({ kind: "names", which: true });
    expect(valueAsked(fold("which wards piloted the shared systems first?"))?.kind).not.toBe("names");
  });
  it("leaves the unnamed pilot units unanswered; the rollout's units are answered", () => {
    refusesAll(["Which units in BR-VT piloted the document management system before 15 June?"]);
    expect(answeredWith("Which units get the document-management system?")).toBe("document-management-rollout");
  });
});

describe("whether the plan covers the special zone", () => {
  it("is answered by the special-zone entry, which says where the plan names it", () => {
    expect(answeredWith("ke hoach co tinh ca dac khu ko hay chi phuong xa thoi")).toBe("merger-special-zone");
    expect(answeredWith("Is the special zone included in the plan?")).toBe("merger-special-zone");
  });
  it("does not answer what the plan never says of Côn Đảo, nor steal who signed the plan", () => {
    refusesAll(["Kế hoạch có nói gì về phương án đường truyền dự phòng riêng cho Côn Đảo không, ví dụ vệ tinh?"]);
    expect(answeredWith("Trung tâm CĐS TP có cùng ký kế hoạch liên tịch không hay chỉ có mấy Sở KHCN thôi?")).toBe("plan-signatories");
  });
});

describe("'bao lâu' answered by a stated span, whatever a 'not stated' sentence adds", () => {
  it("does not read the entry as covering the question only as absent", () => {
    const entry = entryOf("Cán bộ dùng song song hai tài khoản trong 3 tháng.", "Kế hoạch không nói mật khẩu cũ có dùng được cho tài khoản mới hay không.");
    const units = ["dung", "bao", "lau", "moi", "cu"];
    expect(coveredOnlyAsAbsent(units, entry, () => 1)).toBe(false);
    expect(coveredOnlyAsAbsent(["dung", "moi", "cu", "mat", "khau"], entry, () => 1)).toBe(true);
  });
  it("answers how long Bình Dương keeps both mailboxes", () => {
    expect(answeredWith("nghe noi ben bd dung 2 email cung luc, dung trong bn lau r moi bo cai cu")).toBe("email-parallel-binhduong");
  });
});

describe("an event's schedule asked exactly ('lịch tập huấn cụ thể là ngày nào')", () => {
  it("is unanswered by an entry that gives only the deadline and says it has no schedule", () => {
    refusesAll(["lịch tập huấn mail công vụ cho phường em cụ thể là ngày nào", "buổi tập huấn email cụ thể vào ngày nào"]);
  });
  it("still answers the training deadline, asked exactly or not", () => {
    expect(answeredWith("hạn tập huấn email cụ thể là ngày nào")).toBe("email-training");
    expect(answeredWith("khi nào tập huấn dùng email công vụ")).toBe("email-training");
  });
});

describe("one conference named with both sides, deadlines asked alike ('có giống nhau không')", () => {
  it("reads the Party's and the State's conferences as two systems compared for one day", () => {
    const units = (q: string) => kb.unitsOf(q);
    const vi = "hội nghị trực tuyến bên Đảng với bên chính quyền hạn hoàn thành có giống nhau không";
    const c = readComparison(fold(vi), units(vi), content);
    expect(c?.asked).toBe("same");
    expect(c?.sides.map((s) => s.en).sort()).toEqual(["Party online conferencing", "Video conferencing"]);
    const en = "Do the Party online conferences and the state video conferencing have the same deadline?";
    expect(readComparison(fold(en), units(en), content)?.sides.length).toBe(2);
    const reversed = "hnth ben nha nuoc voi ben dang cai nao xong truoc";
    expect(readComparison(fold(reversed), units(reversed), content)?.sides.map((s) => s.en).sort()).toEqual(["Party online conferencing", "Video conferencing"]);
  });
  it("leaves 'khác nhau thế nào' without a word of time, and one side alone, to the search", () => {
    for (const q of ["hnth và qlvb khác nhau thế nào", "hạn hội nghị trực tuyến bên Đảng là khi nào"]) {
      expect(readComparison(fold(q), kb.unitsOf(q), content), q).toBeUndefined();
    }
  });
});

describe("a system said to run in all wards", () => {
  it("is its rollout to every ward, not its official operation", () => {
    expect(answeredWith("what date document system must run in all ward?")).toBe("document-management-rollout");
    expect(answeredWith("By when must all the new wards and communes have the document management system?")).toBe("document-management-rollout");
    expect(answeredWith("When does the document system run officially?")).toBe("document-management-official");
  });
});

describe("what the plan sets for 1022 in June 2025", () => {
  it("is its survey and deployment plan, while June 2025 alone is the month's trials", () => {
    expect(answeredWith("what happens to the 1022 system in June 2025?")).toBe("hotline-1022-plan");
    expect(answeredWith("what happens in June 2025")).toBe("trial-june-pilots");
  });
});
