import { describe, expect, it } from "vitest";
import { generateCode, hashCode, INVITATION_TTL_MS, normalizeCode } from "../../../src/core/people/invitations.js";
import { type Reply, toPlain } from "../../../src/core/reply.js";
import { createTestApp, textFrom } from "../../helpers/app.js";

async function say(app: Awaited<ReturnType<typeof createTestApp>>, user: string, text: string, chat?: { id: string; type: "private" | "group"; title?: string }) {
  const replies = await app.assistant.handle(textFrom(user, text, chat ? { chat } : {}));
  return replies.map((r) => toPlain(r.text)).join("\n");
}

describe("invitation codes", () => {
  it("are 12 characters from an alphabet without look-alikes, and differ each time", () => {
    const codes = new Set(Array.from({ length: 200 }, generateCode));
    expect(codes.size).toBe(200);
    for (const c of codes) expect(c).toMatch(/^[A-HJKMNP-Z2-9]{12}$/);
  });

  it("hash the same whatever case and separators people type", () => {
    expect(hashCode("abcd-efgh jkmn")).toBe(hashCode("ABCDEFGHJKMN"));
    expect(normalizeCode(" ab-cd ")).toBe("ABCD");
    expect(hashCode("ABCDEFGHJKMN")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("expire seven days after they are issued", async () => {
    const app = await createTestApp();
    await say(app, "admin", "/moi sokhcn-hcm");
    const [inv] = await app.store.invitations.list();
    expect(Date.parse(inv!.expiresAt) - Date.parse(inv!.createdAt)).toBe(INVITATION_TTL_MS);
    expect(inv!.createdAt).toBe("2025-05-01T02:00:00.000Z");
  });
});

describe("roles in the core, on any channel", () => {
  it("refuses /moi to a console member and to a lead, and allows it to the admin", async () => {
    const app = await createTestApp();
    expect(await say(app, "someone", "/moi sokhcn-hcm")).toMatch(/chỉ dành cho điều phối viên/);
    expect(await say(app, "admin", "/moi sokhcn-hcm")).toMatch(/Đã tạo mã mời/);
  });

  it("refuses /moi in a group so that the code is not exposed", async () => {
    const app = await createTestApp();
    const out = await say(app, "admin", "/moi sokhcn-hcm", { id: "g1", type: "group", title: "Nhóm" });
    expect(out).toMatch(/trò chuyện riêng/);
    expect(await app.store.invitations.list()).toHaveLength(0);
  });

  it("names the known agencies when the agency is not found", async () => {
    const app = await createTestApp();
    expect(await say(app, "admin", "/moi so tai chinh")).toMatch(/Không tìm thấy cơ quan.*sokhcn-hcm/);
  });

  it("does not let a coordinator use up a lead code on themselves", async () => {
    const app = await createTestApp();
    await say(app, "admin", "/moi dieuphoi");
    const coordinatorCode = /Mã mời: ([A-Z0-9]{12})/.exec(await say(app, "admin", "/moi dieuphoi"))![1]!;
    await say(app, "coord", `/dangky ${coordinatorCode}`);
    const leadCode = /Mã mời: ([A-Z0-9]{12})/.exec(await say(app, "admin", "/moi sokhcn-hcm"))![1]!;
    expect(await say(app, "coord", `/dangky ${leadCode}`)).toMatch(/^Anh\/chị đã là điều phối viên, nên không cần đăng ký đầu mối/);
    expect((await app.store.people.get("console:coord"))?.role).toBe("coordinator");
    expect((await app.store.invitations.list()).find((i) => i.agencyId === "sokhcn-hcm")?.usedAt).toBeUndefined();
  });

  it("names the admin's role in /dangky with the same words as /toi", async () => {
    const app = await createTestApp();
    const code = /Mã mời: ([A-Z0-9]{12})/.exec(await say(app, "admin", "/moi dieuphoi"))![1]!;
    const refused = await say(app, "admin", `/dangky ${code}`);
    expect(refused).toMatch(/^Anh\/chị đã là quản trị viên \(có mọi quyền của điều phối viên\); mã mời này dành cho người khác\.$/);
    expect(await say(app, "admin", "/toi")).toContain("Vai trò của anh/chị: quản trị viên");
  });

  it("speaks of a link only when the invitation has one", async () => {
    const app = await createTestApp({ admins: ["telegram:9", "console:admin"] });
    const text = (replies: Reply[]) => replies.map((r) => toPlain(r.text)).join("\n");
    const onTelegram = text(await app.assistant.handle(textFrom("9", "/moi sokhcn-hcm", { channel: "telegram", supportsButtons: true })));
    expect(onTelegram).toMatch(/Liên kết: https:\/\/t\.me\/tro_ly_hop_nhat_bot\?start=/);
    expect(onTelegram).toMatch(/Người đó bấm liên kết, hoặc gõ \/dangky/);
    const inTerminal = await say(app, "admin", "/moi sokhcn-hcm");
    expect(inTerminal).toMatch(/Xin vui lòng gửi riêng mã này cho người được mời\. Người đó gõ \/dangky [A-Z0-9]{12}/);
    expect(inTerminal).not.toMatch(/liên kết|bấm/i);
  });

  it("lets a coordinator revoke a lead but not another coordinator", async () => {
    const app = await createTestApp();
    const code = (text: string) => /Mã mời: ([A-Z0-9]{12})/.exec(text)![1]!;
    await say(app, "c1", `/dangky ${code(await say(app, "admin", "/moi dieuphoi"))}`);
    await say(app, "c2", `/dangky ${code(await say(app, "admin", "/moi dieuphoi"))}`);
    await say(app, "l1", `/dangky ${code(await say(app, "c1", "/moi sokhcn-brvt"))}`);
    expect(await app.store.people.get("console:l1")).toMatchObject({ role: "lead", agencyId: "sokhcn-brvt", grantedBy: "console:c1" });
    expect(await say(app, "c1", "/thuhoi c2")).toMatch(/chỉ quản trị viên/);
    expect(await say(app, "c1", "/thuhoi l1")).toMatch(/Đã thu hồi/);
    expect(await app.store.people.get("console:l1")).toBeUndefined();
    expect(await say(app, "admin", "/thuhoi c2")).toMatch(/Đã thu hồi/);
  });
});
