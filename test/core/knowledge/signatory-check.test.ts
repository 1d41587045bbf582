import { describe, expect, it } from "vitest";
import { bodyTyped } from "../../../src/core/knowledge/signatory-check.js";
import { askEachAlone } from "../../helpers/knowledge.js";

const NOW = "2026-12-03T09:00:00+07:00";

describe("bodyTyped: a department or ministry named as typed", () => {
  it("reads the name from its kind word to the verb", () => {
    expect(bodyTyped("Sở Tài chính có ký kế hoạch không")).toBe("Sở Tài chính");
    expect(bodyTyped("Did the Ministry of Finance sign the plan?")).toBe("Ministry of Finance");
    expect(bodyTyped("kế hoạch có mấy bên ký")).toBeUndefined();
  });
});

describe("a body that is no signatory", () => {
  it("is said not to have signed, with the four signatories, while a signatory's short name is not", async () => {
    const [no, kind] = await askEachAlone(NOW, "Sở Tài chính có ký kế hoạch liên tịch không", "Sở KH&CN có ký kế hoạch không");
    expect(no).toMatch(/^Không, Sở Tài chính không phải là cơ quan ký kế hoạch liên tịch\. Kế hoạch do 4 cơ quan ký: .*Trung tâm Chuyển đổi số/);
    expect(kind).not.toMatch(/^Không/);
  });
});
