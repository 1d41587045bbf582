import { describe, expect, it } from "vitest";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { findEntities } from "../../../src/core/knowledge/entities.js";
import { fold } from "../../../src/core/fold.js";
import { readComparison } from "../../../src/core/knowledge/system-deadlines.js";
import { locatesUnits, supplies } from "../../../src/core/knowledge/answer-type.js";
import { realContent } from "../../helpers/app.js";
import { answeredWith as answeredBy, entryOf, followUpAnswer } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);
const answeredWith = (q: string) => answeredBy(kb, q);

describe("'bảo mật', 'security' name the plan's information safety and security (an toàn, an ninh thông tin)", () => {
  it("reads them as the ATTT concept", () => {
    expect(kb.unitsOf("bảo mật")).toEqual(kb.unitsOf("an toàn thông tin"));
    expect(kb.unitsOf("security")).toEqual(kb.unitsOf("an toàn thông tin"));
  });
  it("answers what the plan requires about security from its goals", () => {
    expect(answeredWith("Kế hoạch có yêu cầu bảo mật thông tin không?")).toBe("plan-goals");
    expect(answeredWith("hệ thống sau hợp nhất có được bảo mật không")).toBe("plan-goals");
    expect(answeredWith("What does the plan say about security?")).toBe("plan-goals");
  });
});

describe("who issued the plan's legal bases: read from their symbols (TW, TTg)", () => {
  it("answers who issued Decision 759 or Resolution 60 with the legal-basis entry, which names the issuer", () => {
    for (const q of ["Which body issued Resolution 60-NQ/TW?", "quyết định 759 của thủ tướng hay của thành phố", "NQ 60 là của cơ quan nào ban hành"]) {
      expect(answeredWith(q), q).toBe("plan-legal-basis");
    }
    const entry = kb.entry("plan-legal-basis")!;
    expect(entry.answer).toMatch(/Thủ tướng Chính phủ/);
    expect(entry.answer).toMatch(/của Đảng/);
    expect(entry.answerEn).toMatch(/Prime Minister/);
  });
  it("still answers who issued the plan itself with its four signatories", () => {
    expect(answeredWith("kế hoạch liên tịch do những cơ quan nào ban hành")).toBe("plan-signatories");
  });
});

describe("which wards: a source that says where the units were answers it, though the plan names none", () => {
  const pilot = entryOf("Hệ thống được thử nghiệm tại một số đơn vị. Kế hoạch không nêu tên các đơn vị thử nghiệm.", "Theo báo Lao Động, đơn vị chạy thử đầu tiên là 6 phường mới của Tân Bình.");
  it("reads where units are", () => {
    expect(locatesUnits("đơn vị chạy thử đầu tiên là 6 phường mới của Tân Bình")).toBe(true);
    expect(locatesUnits("the first pilot ran in 6 new wards of Tan Binh")).toBe(true);
    expect(locatesUnits("thử nghiệm tại một số đơn vị trước ngày 15/06/2025")).toBe(false);
  });
  it("gives the wards the source speaks of, not the plan's unnamed units nor another locality's", () => {
    expect(supplies({ kind: "names", noun: "phuong", which: true }, pilot, new Set(["qlvb"]))).toBe("given");
    expect(supplies({ kind: "names", noun: "don vi", which: true }, pilot, new Set(["qlvb"]))).toBe("asked");
    expect(supplies({ kind: "names", noun: "phuong", which: true }, pilot, new Set(["qlvb", "brvt"]))).toBe("asked");
  });
  it("answers which wards piloted the document software, and still not which units of a province did", () => {
    expect(answeredWith("phần mềm quản lý văn bản thử nghiệm ở những phường nào")).toBe("document-management-pilot");
    expect(answeredWith("qlvb thu nghiem o don vi nao")).toBeUndefined();
    expect(answeredWith("bên Bình Dương chạy thử qlvb ở những phường nào")).toBeUndefined();
  });
  it("shows where when a follow-up asks where and only the longer text says it", async () => {
    expect(await followUpAnswer("qlvb thử nghiệm trước ngày nào", "chạy thử ở đâu", "2026-12-03")).toMatch(/Tân Bình/);
  });
});

describe("what 1022 is, in English, says what people send it (feedback and reports, 'thông tin phản ánh')", () => {
  it("answers 'what is 1022' with text naming feedback", () => {
    expect(answeredWith("what is 1022")).toBe("hotline-1022-what");
    expect(kb.entry("hotline-1022-what")!.answerEn).toMatch(/feedback/);
  });
});

describe("citizens' paperwork handled (giải quyết hồ sơ cho dân) is the administrative-procedures system (TTHC)", () => {
  it("reads it as TTHC, and English 'citizens paperwork' is no procedure asked", () => {
    expect(kb.unitsOf("giải quyết hồ sơ")).toEqual(kb.unitsOf("thủ tục hành chính"));
    expect(findEntities(fold("does phase 1 cover citizens paperwork")).subjects).toHaveLength(0);
    expect(findEntities(fold("what paperwork do i need")).subjects).toHaveLength(1);
  });
  it("answers whether phase 1 covers it from the phase-1 scope, which names the administrative-procedures system", () => {
    expect(answeredWith("giai đoạn 1 có giải quyết hồ sơ của người dân không")).toBe("plan-phase1-scope");
    expect(answeredWith("Is citizens' paperwork part of phase 1?")).toBe("plan-phase1-scope");
    expect(answeredWith("What paperwork do I need for a digital signature?")).toBeUndefined();
  });
});

describe("whether phase 1 was done before the merger is where phase 1 stood, not which systems it gave priority to", () => {
  it("answers it from the phase-1 status (mostly done, per the 17/05/2025 article)", () => {
    expect(answeredWith("giai đoạn 1 hoàn thành hết trước khi hợp nhất chưa")).toBe("phase1-status");
    expect(answeredWith("Was phase 1 finished before the merger?")).toBe("phase1-status");
    expect(kb.entry("phase1-status")!.answer).toMatch(/hầu hết/);
  });
  it("still answers which systems came first before the merger from the phase-1 scope", () => {
    expect(answeredWith("Những hệ thống nào được ưu tiên trước khi hợp nhất?")).toBe("plan-phase1-scope");
  });
});

describe("'trang thông tin' without 'điện tử' is the portals' concept", () => {
  it("reads it like 'trang thông tin điện tử', and answers the component pages from the portals entry", () => {
    expect(kb.unitsOf("trang thông tin")).toEqual(kb.unitsOf("trang thông tin điện tử"));
    expect(answeredWith("các trang thông tin thành phần xử lý thế nào")).toBe("portals");
    expect(answeredWith("cổng thông tin thành phố và các trang thông tin thành phần thì kế hoạch tính sao")).toBe("portals");
  });
});

describe("the Party portal against the city portal: two systems to compare, the Party's with its own deadline", () => {
  const units = (q: string) => kb.unitsOf(q);
  it("reads the portal said to be the Party's (after or before its name) as the Party portal", () => {
    for (const q of ["cổng ttđt đảng bộ với cổng ttđt thành phố hạn có giống nhau không", "Party portal vs city portal, which deadline is earlier?"]) {
      const c = readComparison(fold(q), units(q), content);
      expect(c, q).toBeDefined();
      expect(c!.sides.map((s) => s.compared.id).sort(), q).toEqual(["party-conference-portal", "portals"]);
    }
  });
  it("still compares a portal with another system as the city's portals", () => {
    const q = "cổng ttđt với qlvb cái nào xong trước";
    expect(readComparison(fold(q), units(q), content)?.sides.map((s) => s.compared.id)).toContain("portals");
  });
});

describe("what the plan achieves by December 2025 is phase 2 (expected then)", () => {
  it("answers it from phase 2", () => {
    expect(answeredWith("đến tháng 12/2025 kế hoạch sẽ làm được những gì")).toBe("phase2-what");
  });
});

describe("a line's average speed in 'mb': 'trung bình' is 'bình quân', 'mb' the sources' Mbps", () => {
  it("answers the average internet speed asked in megabits from the network-speed entry", () => {
    expect(kb.unitsOf("trung bình")).toEqual(kb.unitsOf("bình quân"));
    expect(answeredWith("đường truyền internet trung bình được bao nhiêu mb")).toBe("network-speed");
  });
});

describe("what will be added after phase 1 ('sẽ có thêm') is what the sources say comes next, not a guess", () => {
  it("answers it from the next-steps entry, and still refuses guesses about other additions", () => {
    expect(answeredWith("sau giai đoạn 1 sẽ có thêm những gì")).toBe("sso-paperless-next");
    expect(answeredWith("năm sau sẽ có thêm đặc khu không")).toBeUndefined();
  });
});

describe("'kiểu gì' asks how, like 'như thế nào'", () => {
  it("reads it as the how intent, and answers how the old provinces' video conferencing connects", () => {
    expect(kb.unitsOf("kiểu gì")).toEqual(kb.unitsOf("như thế nào"));
    expect(answeredWith("hội nghị truyền hình tỉnh cũ kết nối với thành phố kiểu gì")).toBe("video-conference-state-when");
  });
});

describe("what the plan's IT infrastructure includes is the May–August group (data network, data center)", () => {
  it("answers it from that group, and the 'other systems' from their own entry", () => {
    expect(answeredWith("hạ tầng CNTT của kế hoạch bao gồm những gì")).toBe("infrastructure-may-aug");
    expect(answeredWith("Các hệ thống khác trong kế hoạch gồm những gì?")).toBe("other-systems");
  });
});
