import { describe, expect, it } from "vitest";
import { cleanName, stripInvisible } from "../../src/core/text.js";

describe("stripInvisible", () => {
  it("removes control characters, bidi overrides, direction marks and the byte-order mark", () => {
    expect(stripInvisible("\ufeffemail\u0000\u0007\u001b công\u200f vụ\u202e\u2066\u009b")).toBe("email công vụ");
  });

  it("keeps line breaks, normalising CR LF, and turns tabs into spaces", () => {
    expect(stripInvisible("dòng 1\r\ndòng 2\rdòng 3\tcuối")).toBe("dòng 1\ndòng 2\ndòng 3 cuối");
  });

  it("leaves Vietnamese text with diacritics and emoji as it is", () => {
    expect(stripInvisible("Đã hoàn thành ✅ – tháng 5/2025")).toBe("Đã hoàn thành ✅ – tháng 5/2025");
  });
});

describe("cleanName", () => {
  it.each([
    ["\u202eLan\u200b  Nguyễn\n", "Lan Nguyễn"],
    ["Minh\u200d\u2060\ufeff", "Minh"],
    ["\u3164\u200b", "anh/chị"],
    ["A".repeat(100), "A".repeat(64)],
    ["Trần\tThị\u0007 Hoa", "Trần Thị Hoa"],
  ])("cleans %j to %j", (input, expected) => {
    expect(cleanName(input)).toBe(expected);
  });
});
