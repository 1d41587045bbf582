import { describe, expect, it } from "vitest";
import type { Incoming } from "../../../src/core/command.js";
import { hashCode, INVITATION_TTL_MS, issueFirstAdminCode } from "../../../src/core/people/invitations.js";
import { toPlain } from "../../../src/core/reply.js";
import { createTestApp } from "../../helpers/app.js";

function fromZalo(userId: string, text: string): Incoming {
  return { channel: "zalo", chat: { id: userId, type: "private" }, user: { id: userId, name: `Người dùng ${userId}` }, text, supportsButtons: false };
}

async function say(app: Awaited<ReturnType<typeof createTestApp>>, message: Incoming): Promise<string> {
  return (await app.assistant.handle(message)).map((r) => toPlain(r.text)).join("\n");
}

describe("issueFirstAdminCode", () => {
  it("issues a 12-character code, stored only as its hash, valid for seven days, when no admin exists", async () => {
    const app = await createTestApp({ admins: [] });
    const now = app.clock.now();
    const issued = await issueFirstAdminCode(app.store, [], now);
    expect(issued).not.toBeNull();
    expect(issued!.code).toMatch(/^[A-HJKMNP-Z2-9]{12}$/);
    expect(Date.parse(issued!.expiresAt) - now.getTime()).toBe(INVITATION_TTL_MS);
    const [stored] = await app.store.invitations.list();
    expect(stored).toMatchObject({ kind: "admin", codeHash: hashCode(issued!.code) });
    expect(JSON.stringify(await app.store.invitations.list())).not.toContain(issued!.code);
  });

  it("issues none when ADMIN_IDS names an admin", async () => {
    const app = await createTestApp({ admins: ["zalo:boss"] });
    await expect(issueFirstAdminCode(app.store, ["zalo:boss"], app.clock.now())).resolves.toBeNull();
    expect(await app.store.invitations.list()).toEqual([]);
  });

  it("issues none once someone holds the admin role in the store", async () => {
    const app = await createTestApp({ admins: [] });
    const first = await issueFirstAdminCode(app.store, [], app.clock.now());
    await say(app, fromZalo("u1", `/dangky ${first!.code}`));
    await expect(issueFirstAdminCode(app.store, [], app.clock.now())).resolves.toBeNull();
  });
});

describe("redeeming the first-admin code from Zalo", () => {
  it("makes the Zalo user who sends /dangky <code> an admin", async () => {
    const app = await createTestApp({ admins: [] });
    const { code } = (await issueFirstAdminCode(app.store, [], app.clock.now()))!;
    const before = await app.assistant.actorOf(fromZalo("u1", "x"));
    expect(before.role).toBe("member");
    await say(app, fromZalo("u1", `/dangky ${code}`));
    const actor = await app.assistant.actorOf(fromZalo("u1", "x"));
    expect(actor).toMatchObject({ userKey: "zalo:u1", role: "admin", isAdmin: true });
    expect(await app.store.people.get("zalo:u1")).toMatchObject({ role: "admin", chatKey: "zalo:u1" });
    expect(await app.store.chats.get("zalo:u1")).toMatchObject({ type: "private", active: true });
  });

  it("accepts the code typed in lower case with separators", async () => {
    const app = await createTestApp({ admins: [] });
    const { code } = (await issueFirstAdminCode(app.store, [], app.clock.now()))!;
    const typed = `${code.slice(0, 4)}-${code.slice(4, 8)} ${code.slice(8)}`.toLowerCase();
    await say(app, fromZalo("u1", `/dangky ${typed}`));
    expect((await app.assistant.actorOf(fromZalo("u1", "x"))).role).toBe("admin");
  });

  it("works once: a second person using the same code is told it was used and stays a member", async () => {
    const app = await createTestApp({ admins: [] });
    const { code } = (await issueFirstAdminCode(app.store, [], app.clock.now()))!;
    await say(app, fromZalo("u1", `/dangky ${code}`));
    const second = await say(app, fromZalo("u2", `/dangky ${code}`));
    expect(second).toMatch(/đã được sử dụng/);
    expect((await app.assistant.actorOf(fromZalo("u2", "x"))).role).toBe("member");
  });

  it("lets the new admin invite a coordinator", async () => {
    const app = await createTestApp({ admins: [] });
    const { code } = (await issueFirstAdminCode(app.store, [], app.clock.now()))!;
    await say(app, fromZalo("u1", `/dangky ${code}`));
    expect(await say(app, fromZalo("u1", "/moi dieuphoi"))).toMatch(/Mã mời: [A-Z0-9]{12}/);
  });
});

describe("/toi on Zalo", () => {
  it("shows the person's own user id with the zalo: prefix, for ADMIN_IDS", async () => {
    const app = await createTestApp({ admins: [] });
    const text = await say(app, fromZalo("6ede9afa66b88fe6d6a9", "/toi"));
    expect(text).toContain("Mã người dùng của anh/chị: zalo:6ede9afa66b88fe6d6a9");
  });

  it("shows the admin role after the first-admin code was used", async () => {
    const app = await createTestApp({ admins: [] });
    const { code } = (await issueFirstAdminCode(app.store, [], app.clock.now()))!;
    await say(app, fromZalo("u1", `/dangky ${code}`));
    const text = await say(app, fromZalo("u1", "/toi"));
    expect(text).toMatch(/Vai trò của anh\/chị: .*quản trị viên/i);
    expect(text).toContain("Mã người dùng của anh/chị: zalo:u1");
  });
});
