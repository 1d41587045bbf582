import { describe, expect, it } from "vitest";
import { rememberRecent, rememberRecentBy } from "../../src/core/recent.js";

describe("rememberRecent", () => {
  it("works a text out once while it is remembered", () => {
    const calls: string[] = [];
    const upper = rememberRecent((t: string) => (calls.push(t), t.toUpperCase()));
    expect([upper("khi nào"), upper("khi nào"), upper("ai làm")]).toEqual(["KHI NÀO", "KHI NÀO", "AI LÀM"]);
    expect(calls).toEqual(["khi nào", "ai làm"]);
  });

  it("remembers an undefined result too", () => {
    let calls = 0;
    const none = rememberRecent(() => (calls++, undefined));
    none("x");
    none("x");
    expect(calls).toBe(1);
  });

  it("does not remember a text longer than maxLength", () => {
    let calls = 0;
    const f = rememberRecent((t: string) => (calls++, t.length), { maxLength: 3 });
    f("abcd");
    f("abcd");
    expect(calls).toBe(2);
  });

  it("starts over when full, so memory stays bounded, and still answers right", () => {
    const calls: string[] = [];
    const f = rememberRecent((t: string) => (calls.push(t), `${t}!`), { size: 2 });
    expect([f("a"), f("b"), f("c"), f("a")]).toEqual(["a!", "b!", "c!", "a!"]);
    expect(calls).toEqual(["a", "b", "c", "a"]);
  });

  it("keys several arguments by the key function", () => {
    let calls = 0;
    const join = rememberRecentBy((a: string, b: string) => `${a}\u0001${b}`, (a: string, b: string) => (calls++, a + b));
    expect([join("ab", "c"), join("a", "bc"), join("ab", "c")]).toEqual(["abc", "abc", "abc"]);
    expect(calls).toBe(2);
  });
});

describe("forgetRecent", () => {
  it("empties every remembering function, so the next message is worked out afresh", async () => {
    const { forgetRecent } = await import("../../src/core/recent.js");
    let calls = 0;
    const f = rememberRecent((t: string) => (calls++, t));
    f("a");
    f("a");
    forgetRecent();
    f("a");
    expect(calls).toBe(2);
  });
});
