import { describe, expect, it } from "vitest";
import type { Incoming } from "../../src/core/command.js";
import { flatButtons, toPlain } from "../../src/core/reply.js";
import { FIXTURE_NAMES, FIXTURE_NOW, fixtureContent, fixtureStore } from "../core/digest/fixture.js";
import { createTestApp, textFrom } from "../helpers/app.js";

const fromCoordinator = (text: string): Incoming =>
  textFrom("100", text, { channel: "telegram", supportsButtons: true, user: { id: "100", name: "Điều phối" } });

async function app() {
  const content = await fixtureContent();
  return createTestApp({ content, store: await fixtureStore(content), now: FIXTURE_NOW.toISOString() });
}

describe("/tinhhinh", () => {
  it("shows one milestone across all its agencies with statuses, notes, times and roles", async () => {
    const { assistant } = await app();
    const [r] = await assistant.handle(fromCoordinator("/tinhhinh document-management-pilot"));
    const text = toPlain(r!.text);
    expect(text).toContain("🔴 Thí điểm hệ thống quản lý văn bản và điều hành dùng chung");
    expect(text).toContain("Hạn: 20/06/2025 (còn 4 ngày)");
    expect(text).toContain("TTCĐS TP.HCM: 🟢 Đúng tiến độ (14:00 11/06/2025, đầu mối)");
    expect(text).toContain("Sở KH&CN Bình Dương: 🟠 Có nguy cơ chậm – “Chờ cấp chứng thư số cho 12 đơn vị”");
    expect(text).toContain("Sở KH&CN Bà Rịa - Vũng Tàu: ⛔ Vướng mắc – “Chưa có đường truyền <VPN> & tài khoản \"quản trị\"”");
    expect(text).toContain("Thay đổi so với bản tổng hợp tuần trước: TTCĐS TP.HCM ❔→🟢");
    for (const name of FIXTURE_NAMES) expect(text).not.toContain(name);
  });

  it("marks overdue agencies and agencies that have not reported", async () => {
    const { assistant } = await app();
    const [r] = await assistant.handle(fromCoordinator("/progress email-accounts"));
    expect(toPlain(r!.text)).toContain("TTCĐS TP.HCM: ❔ Chưa báo cáo ⏰ quá hạn");
  });

  it("offers a button per milestone when the text matches several", async () => {
    const { assistant } = await app();
    const [r] = await assistant.handle(fromCoordinator("/tinhhinh thư điện tử"));
    expect(flatButtons(r!).map((b) => b.payload)).toEqual(["tinhhinh email-lists", "tinhhinh email-accounts"]);
  });

  it("says how to find the id when nothing matches", async () => {
    const { assistant } = await app();
    const [r] = await assistant.handle(fromCoordinator("/tinhhinh khong-co-moc-nay"));
    expect(toPlain(r!.text)).toContain("Không tìm thấy mốc nào khớp");
  });

  it("asks for the milestone when none is given", async () => {
    const { assistant } = await app();
    const [r] = await assistant.handle(fromCoordinator("/tinhhinh"));
    expect(toPlain(r!.text)).toContain("/tinhhinh email-lists");
  });
});
