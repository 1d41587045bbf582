import { describe, expect, it } from "vitest";
import { type BundleItem, bundleMessage } from "../../../src/core/reminders/bundle.js";
import { toPlain } from "../../../src/core/reply.js";
import { realContent } from "../../helpers/app.js";
import { milestone, realCalendar } from "./fixtures.js";

const LEGEND = "1 = Đã hoàn thành, 2 = Đúng tiến độ, 3 = Có nguy cơ chậm, 4 = Vướng mắc";

async function render(items: BundleItem[], lang?: "vi" | "en") {
  const content = await realContent();
  return toPlain(bundleMessage({ content, calendar: await realCalendar(), items, today: "2025-05-05", ...(lang ? { lang } : {}) }).text);
}

const item = (id: string, due: string, agencyId = "sokhcn-binhduong", kind: BundleItem["kind"] = "before"): BundleItem => ({
  key: `${id}|${agencyId}|${kind}:1`,
  milestone: milestone(id, due, { title: `Việc ${id}` }),
  agencyId,
  kind,
  step: 1,
});

describe("bundleMessage", () => {
  it("says 'hôm nay là hạn chót' for an item due today, without '0 ngày làm việc'", async () => {
    const text = await render([item("m-today", "2025-05-05", "sokhcn-binhduong", "due"), item("m-later", "2025-05-08")]);
    expect(text).toContain("đến hạn · hạn 05/05/2025 · hôm nay là hạn chót");
    expect(text).not.toContain("0 ngày làm việc");
    expect(text).toContain("hạn 08/05/2025 · còn 3 ngày làm việc (còn 3 ngày)");
  });

  it("lists every item with its letter and code, the count, and the status legend", async () => {
    const text = await render([item("m-one", "2025-05-10"), item("m-two", "2025-05-15"), item("m-three", "2025-06-01")]);
    expect(text).toMatch(/Nhắc hạn hôm nay: 3 việc/);
    expect(text).toContain("A. Việc m-one (mã: m-one)");
    expect(text).toContain("B. Việc m-two (mã: m-two)");
    expect(text).toContain("C. Việc m-three (mã: m-three)");
    expect(text).toContain(LEGEND);
    expect(text).toContain("«C 4 thiếu máy chủ»");
  });

  it("names the agency once in the heading when all items are of one agency", async () => {
    const text = await render([item("m1", "2025-05-10"), item("m2", "2025-05-15")]);
    const heading = text.split("\n")[0]!;
    expect(heading).toMatch(/Nhắc hạn hôm nay: 2 việc của .+/);
    expect(text).not.toContain("Cơ quan, đơn vị:");
  });

  it("names the agency of each item when the items span several agencies", async () => {
    const text = await render([item("m1", "2025-05-10", "sokhcn-binhduong"), item("m2", "2025-05-15", "sokhcn-brvt")]);
    expect(text.match(/Cơ quan, đơn vị:/g)).toHaveLength(2);
  });

  it("letters no item and asks for a bare number when there is one item", async () => {
    const text = await render([item("m1", "2025-05-10")]);
    expect(text).not.toMatch(/^A\. /m);
    expect(text).toContain("Việc m1 (mã: m1)");
    expect(text).toMatch(/«1» hoặc «4 thiếu máy chủ»/);
    expect(text).toContain(LEGEND);
  });

  it("says which items are due or overdue", async () => {
    const text = await render([item("m1", "2025-05-05", "sokhcn-binhduong", "due"), item("m2", "2025-05-01", "sokhcn-binhduong", "overdue")]);
    expect(text).toContain("đến hạn · hạn");
    expect(text).toMatch(/đã quá hạn, nhắc lần 1\//);
  });

  it("cuts a very long action so that the bundle stays short", async () => {
    const long: BundleItem = { ...item("m1", "2025-05-10"), milestone: milestone("m1", "2025-05-10", { action: "Làm việc. ".repeat(100) }) };
    const text = await render([long, item("m2", "2025-05-12")]);
    const line = text.split("\n").find((l) => l.includes("Việc cần làm") && l.includes("Làm việc"))!;
    expect(line.length).toBeLessThan(220);
    expect(line.endsWith("…")).toBe(true);
  });

  it("writes the bundle in English when asked", async () => {
    const text = await render([item("m1", "2025-05-10"), item("m2", "2025-05-12")], "en");
    expect(text).toMatch(/Today's reminders: 2 items/);
    expect(text).toContain("1 = Done, 2 = On track, 3 = At risk, 4 = Blocked");
  });
});
