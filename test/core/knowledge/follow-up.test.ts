import { describe, expect, it } from "vitest";
import { eachSystemAsked, placeNamed } from "../../../src/core/knowledge/follow-up.js";

describe("eachSystemAsked", () => {
  it("splits the two sides of phase 1 asked together, without the words comparing them", () => {
    expect(eachSystemAsked("hop truc tuyen ben dang voi ben chinh quyen khac han nhau the nao")).toEqual(["hop truc tuyen ben dang the nao", "hop truc tuyen ben chinh quyen the nao"]);
    expect(eachSystemAsked("how do the deadlines of qlvb and 1022 differ")).toEqual(["how do the deadlines of qlvb", "how do the deadlines of 1022"]);
  });

  it("never pairs a system with a side", () => {
    expect(eachSystemAsked("email va ben dang han khi nao")).toBeUndefined();
  });
});

describe("placeNamed", () => {
  it("gives the spellings of the one merged place a text names", () => {
    expect(placeNamed("brvt co bao nhieu phuong")?.[0]).toBe("ba ria vung tau");
    expect(placeNamed("tp hcm cu gop bao nhieu")?.[0]).toBe("tp hcm cu");
  });

  it("gives nothing for no place or for two", () => {
    expect(placeNamed("168 don vi gom bao nhieu phuong")).toBeUndefined();
    expect(placeNamed("binh duong va brvt co bao nhieu phuong")).toBeUndefined();
  });
});
