import { describe, expect, it } from "vitest";
import { bundleIndex, bundleLetter, parseBundleReply, statusLegend } from "../../../src/core/status/bundle-reply.js";

describe("bundleLetter and bundleIndex", () => {
  it("letter the first items A, B, C… Z", () => {
    expect([0, 1, 2, 25].map(bundleLetter)).toEqual(["A", "B", "C", "Z"]);
  });

  it("continue with AA, AB… after Z", () => {
    expect([26, 27, 51, 52].map(bundleLetter)).toEqual(["AA", "AB", "AZ", "BA"]);
  });

  it("round-trip every index from 0 to 701 (ZZ)", () => {
    for (let i = 0; i < 702; i++) expect(bundleIndex(bundleLetter(i)), bundleLetter(i)).toBe(i);
    expect(bundleLetter(701)).toBe("ZZ");
  });

  it("read letters in any case", () => {
    expect(bundleIndex("b")).toBe(1);
    expect(bundleIndex("aa")).toBe(26);
  });

  it("return -1 for anything that is not one or two Latin letters", () => {
    for (const s of ["", "1", "ABC", "Đ", "A1", " A"]) expect(bundleIndex(s), s).toBe(-1);
  });
});

describe("parseBundleReply", () => {
  const table: [string, ReturnType<typeof parseBundleReply>][] = [
    ["A 1", { letter: "A", number: 1 }],
    ["b4", { letter: "B", number: 4 }],
    ["B. 4 - thiếu máy chủ", { letter: "B", number: 4, note: "thiếu máy chủ" }],
    ["A: 3 chờ nhà cung cấp", { letter: "A", number: 3, note: "chờ nhà cung cấp" }],
    ["4 thiếu máy chủ", { number: 4, note: "thiếu máy chủ" }],
    ["2", { number: 2 }],
    ["  c 2  ", { letter: "C", number: 2 }],
    ["AA 1", { letter: "AA", number: 1 }],
    ["B 4\nthiếu máy chủ\nvà đường truyền", { letter: "B", number: 4, note: "thiếu máy chủ\nvà đường truyền" }],
    ["12", null],
    ["A 1.5", null],
    ["A 1,5", null],
    ["1022 là gì", null],
    ["5", null],
    ["A 0", null],
    ["A", null],
    ["", null],
    ["Khi nào có email mới?", null],
    // The status in words after the letter, as leads type it on Zalo.
    ["B xong", { letter: "B", number: 1 }],
    ["a đã hoàn thành", { letter: "A", number: 1 }],
    ["A đang làm", { letter: "A", number: 2 }],
    ["C vướng mắc - thiếu máy chủ", { letter: "C", number: 4, note: "thiếu máy chủ" }],
    ["A xong chưa?", null],
    ["A cái gì", null],
    ["xong", null],
  ];
  for (const [text, expected] of table) {
    it(`reads ${JSON.stringify(text)} as ${JSON.stringify(expected)}`, () => {
      expect(parseBundleReply(text)).toEqual(expected);
    });
  }
});

describe("statusLegend", () => {
  it("lists the four statuses with their numbers in Vietnamese", () => {
    expect(statusLegend()).toBe("1 = Đã hoàn thành, 2 = Đúng tiến độ, 3 = Có nguy cơ chậm, 4 = Vướng mắc");
  });

  it("lists them in English when asked", () => {
    expect(statusLegend("en")).toBe("1 = Done, 2 = On track, 3 = At risk, 4 = Blocked");
  });
});
