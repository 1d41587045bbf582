import { describe, expect, it } from "vitest";
import { UserError } from "../../../src/core/errors.js";
import { cleanNote, matchMilestones, parseStatusWord, readUpdate, resolveMilestone } from "../../../src/core/status/parse.js";
import { realContent } from "../../helpers/app.js";

describe("parseStatusWord", () => {
  it.each([
    ["xong", "done"],
    ["Hoàn thành", "done"],
    ["hoan thanh", "done"],
    ["1", "done"],
    ["đang làm", "on-track"],
    ["Đúng tiến độ", "on-track"],
    ["2", "on-track"],
    ["chậm", "at-risk"],
    ["nguy cơ", "at-risk"],
    ["Có nguy cơ chậm", "at-risk"],
    ["3", "at-risk"],
    ["vướng", "blocked"],
    ["kẹt", "blocked"],
    ["Vướng mắc", "blocked"],
    ["4", "blocked"],
    ["on-track", "on-track"],
  ])("reads %j as %s", (word, kind) => {
    expect(parseStatusWord(word)).toBe(kind);
  });

  it("reads nothing from words that are not a status", () => {
    expect(parseStatusWord("kết nối")).toBeNull();
    expect(parseStatusWord("5")).toBeNull();
    expect(parseStatusWord("email")).toBeNull();
  });
});

describe("readUpdate", () => {
  it("splits milestone, status, agency and note, keeping the note exactly as typed", () => {
    expect(readUpdate("email vướng @sokhcn-brvt Thiếu  <b>máy</b>", "vi")[0]).toEqual({
      milestoneText: "email",
      status: "blocked",
      agencyText: "sokhcn-brvt",
      note: "Thiếu  <b>máy</b>",
    });
  });

  it("reads a '<agency>:' prefix first and marks it so it can be dropped when it is not an agency", () => {
    const [first] = readUpdate("Sở KHCN BD: email xong", "vi");
    expect(first).toMatchObject({ milestoneText: "email", status: "done", agencyText: "Sở KHCN BD", agencyFromPrefix: true });
  });

  it("throws the usage when no status word follows the milestone", () => {
    expect(() => readUpdate("email", "vi")).toThrow(UserError);
    expect(() => readUpdate("email xyz", "vi")).toThrow(/^Không nhận ra trạng thái trong "email xyz"\.\nXin vui lòng ghi mốc/);
  });
});

describe("matchMilestones and resolveMilestone", () => {
  it("finds a milestone by its exact id", async () => {
    const content = await realContent();
    expect(matchMilestones(content, "email-accounts").map((m) => m.id)).toEqual(["email-accounts"]);
  });

  it("finds the 1022 milestones by number and the email ones through the glossary", async () => {
    const content = await realContent();
    expect(matchMilestones(content, "1022").map((m) => m.id)).toEqual(["hotline-1022-plan", "hotline-1022-official"]);
    expect(matchMilestones(content, "thư điện tử").map((m) => m.id)).toEqual(matchMilestones(content, "email").map((m) => m.id));
    expect(matchMilestones(content, "email").every((m) => m.system === "email")).toBe(true);
  });

  it("narrows to the agency's own milestones", async () => {
    const content = await realContent();
    expect(resolveMilestone(content, "email", "sokhcn-brvt", "vi").id).toBe("email-lists");
    expect(resolveMilestone(content, "1022", "sokhcn-brvt", "vi").id).toBe("hotline-1022-plan");
  });

  it("lists the candidates when several match", async () => {
    const content = await realContent();
    expect(() => resolveMilestone(content, "email", "sokhcn-binhduong", "vi")).toThrow(/email-lists[\s\S]*email-parallel-binhduong/);
  });

  it("refuses a milestone the agency is not responsible for", async () => {
    const content = await realContent();
    expect(() => resolveMilestone(content, "email-accounts", "sokhcn-brvt", "vi")).toThrow(/không phải là đơn vị thực hiện/);
  });
});

describe("cleanNote", () => {
  it("removes control and direction-override characters and collapses whitespace", () => {
    expect(cleanNote(" a\u0000b\u001b[31m\r\n c\u202ed\u2066 ", "vi")).toBe("ab[31m cd");
  });

  it("keeps markup characters for the renderer to escape", () => {
    expect(cleanNote("<script>&amp;", "vi")).toBe("<script>&amp;");
  });

  it("counts characters, not UTF-16 units, against the 500 limit", () => {
    expect(cleanNote("😀".repeat(500), "vi")).toHaveLength(1000);
    expect(() => cleanNote("😀".repeat(501), "vi")).toThrow(/501 ký tự/);
  });

  it("returns undefined for an empty note", () => {
    expect(cleanNote(" \u0007 ", "vi")).toBeUndefined();
  });
});
