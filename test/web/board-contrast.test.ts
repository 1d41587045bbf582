import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe("the board's colours", () => {
  it("give every status text and the muted and link text at least the 4.5:1 contrast of WCAG AA", async () => {
    const css = await readFile("src/web/board/assets/board.css", "utf8");
    const vars = Object.fromEntries([...css.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/g)].map((m) => [m[1]!, m[2]!]));
    const pairs: [string, string][] = [
      ...["done", "on-track", "at-risk", "blocked", "none"].map((s): [string, string] => [`${s}-ink`, `${s}-bg`]),
      ["muted", "paper"],
      ["link", "paper"],
      ["ink", "band"],
    ];
    for (const [fg, bg] of pairs) {
      expect(vars[fg], fg).toBeDefined();
      expect(vars[bg], bg).toBeDefined();
      expect(contrast(vars[fg]!, vars[bg]!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
