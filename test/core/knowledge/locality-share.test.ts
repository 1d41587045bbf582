import { describe, expect, it } from "vitest";
import { localityShareLine } from "../../../src/core/knowledge/locality-share.js";
import { followUpAnswer } from "../../helpers/knowledge.js";

const VI = "Sau sắp xếp, TP.HCM mới có 168 đơn vị hành chính cấp xã. Trong đó 102 đơn vị (ĐVHC) từ TP.HCM cũ, 36 từ Bình Dương và 30 từ Bà Rịa - Vũng Tàu (kể cả đặc khu).";
const EN = "Of these, 102 come from the old HCMC, 36 from Binh Duong and 30 from Ba Ria - Vung Tau (including the special zone).";

describe("localityShareLine", () => {
  it("says the one place's number first when a count question names it and the answer breaks the count down", () => {
    expect(localityShareLine(VI, "brvt co bao nhieu don vi cap xa sau sap xep", "vi")).toBe("Riêng Bà Rịa - Vũng Tàu: 30.");
    expect(localityShareLine(VI, "Bình Dương góp mấy phường xã", "vi")).toBe("Riêng Bình Dương: 36.");
    expect(localityShareLine(VI, "tp hcm cũ góp bao nhiêu phường xã vào 168", "vi")).toBe("Riêng TP.HCM cũ: 102.");
    expect(localityShareLine(EN, "How many commune-level units came from Vung Tau?", "en")).toBe("Ba Ria - Vung Tau: 30.");
  });

  it("adds nothing when no count is asked, no single place is named, or the answer gives no breakdown", () => {
    expect(localityShareLine(VI, "brvt sáp nhập khi nào", "vi")).toBeUndefined();
    expect(localityShareLine(VI, "168 đơn vị gồm bao nhiêu phường", "vi")).toBeUndefined();
    expect(localityShareLine(VI, "Bình Dương và BRVT có bao nhiêu phường", "vi")).toBeUndefined();
    expect(localityShareLine("Bà Rịa - Vũng Tàu có 30 đơn vị.", "brvt có bao nhiêu phường", "vi")).toBeUndefined();
  });

  it("leads a place follow-up of a count with that place's number", async () => {
    const answer = await followUpAnswer("tp hcm cũ góp bao nhiêu phường xã vào 168", "brvt?", "2026-12-04T09:00:00+07:00");
    expect(answer.split("\n")[0]).toBe("Riêng Bà Rịa - Vũng Tàu: 30.");
  });
});
