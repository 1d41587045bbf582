import { describe, expect, it } from "vitest";
import { fold } from "../../../src/core/fold.js";
import { createNormaliser, decodeTyping } from "../../../src/core/knowledge/normalise.js";
import { realContent } from "../../helpers/app.js";

const content = await realContent();
const normaliser = createNormaliser(content.lexicon, content.glossary);
const words = (text: string) => fold(text).split(" ").filter((w) => w.length > 0);

describe("the chat lexicon (content/lexicon.yaml)", () => {
  it("has at least 150 entries, each with a distinct folded spelling", () => {
    expect(content.lexicon.length).toBeGreaterThanOrEqual(150);
    const seen = new Map<string, string>();
    for (const e of content.lexicon) {
      const key = fold(e.from);
      expect(seen.get(key), `"${e.from}" folds like "${seen.get(key)}": keep one of them`).toBeUndefined();
      seen.set(key, e.from);
    }
  });

  it.each(content.lexicon.map((e) => [e.from, e.to] as const))("reads %j as %j, and the expansion is final", (from, to) => {
    expect(fold(from)).not.toBe(fold(to));
    expect(normaliser.normalise(words(from))).toEqual(words(to));
    // One pass: an expansion is never itself shorthand, so normalising twice changes nothing.
    expect(normaliser.normalise(words(to))).toEqual(words(to));
  });
});

describe("createNormaliser", () => {
  it("splits a shorthand with a number glued on, and leaves glossary terms alone", () => {
    expect(normaliser.normalise(words("gđ2 làm j"))).toEqual(words("giai đoạn 2 làm gì"));
    expect(normaliser.normalise(words("a/c cho e hỏi mã e-ID"))).toEqual(words("anh chị cho em hỏi mã e-ID"));
  });
});

describe("decodeTyping", () => {
  it.each([
    ["vawn", "van"],
    ["tafi", "tai"],
    ["khoanr", "khoan"],
    ["ddieenj", "dien"],
    ["thuw", "thu"],
    ["giowf", "gio"],
    ["va8n", "van"],
  ])("decodes Telex or VNI residue %s as %s", (typed, decoded) => {
    expect(decodeTyping(typed)).toBe(decoded);
  });

  it("returns undefined for words without typing residue", () => {
    expect(decodeTyping("email")).toBeUndefined();
    expect(decodeTyping("1022")).toBeUndefined();
  });
});
