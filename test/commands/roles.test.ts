import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { grantCast, USERS } from "../core/status/fixtures.js";
import { createTelegramTestBot, privateText, type TgUser } from "../helpers/telegram.js";

type Role = "member" | "lead" | "coordinator" | "admin";
const ROLES: Role[] = ["member", "lead", "coordinator", "admin"];

/** Who may run each command, written out by hand: a change in the registry must change this table too. */
const ALLOWED: Record<string, Role[]> = {
  batdau: ROLES,
  hoi: ROLES,
  lich: ROLES,
  trogiup: ROLES,
  toi: ROLES,
  dangky: ROLES,
  moi: ["coordinator", "admin"],
  thuhoi: ["coordinator", "admin"],
  viec: ["lead", "coordinator", "admin"],
  capnhat: ["lead", "coordinator", "admin"],
  nhac: ["coordinator", "admin"],
  tonghop: ["coordinator", "admin"],
  tinhhinh: ["coordinator", "admin"],
  traloi: ["coordinator", "admin"],
  tt: ROLES,
  xemthem: ROLES,
  cauhoi: ["coordinator", "admin"],
  giaidap: ["coordinator", "admin"],
  bang: ["lead", "coordinator", "admin"],
};

const USER: Record<Role, TgUser> = {
  member: { id: Number(USERS.member), first_name: "Thành viên" },
  lead: { id: Number(USERS.leadBrvt), first_name: "Đầu mối" },
  coordinator: { id: Number(USERS.coordinator), first_name: "Điều phối" },
  admin: { id: 1, first_name: "Quản trị" },
};

const DENIED = /chỉ dành cho/;

describe("role × command, through the Telegram bot", () => {
  it("has a row for every command in the registry", () => {
    expect(commands.map((c) => c.name).sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  for (const cmd of commands) {
    for (const role of ROLES) {
      const allowed = (ALLOWED[cmd.name] ?? []).includes(role);
      it(`/${cmd.name} is ${allowed ? "run" : "refused with the reason"} (${role === "admin" ? "an" : "a"} ${role})`, async () => {
        const t = await createTelegramTestBot({ admins: ["telegram:1"] });
        await grantCast(t.store);
        const user = USER[role];
        await t.send(privateText(user, `/${cmd.name}`));
        const texts = t.textsTo(user.id);
        expect(texts.length, `no reply to /${cmd.name}`).toBeGreaterThan(0);
        if (allowed) expect(texts.join("\n")).not.toMatch(DENIED);
        else expect(texts[0]).toMatch(new RegExp(`Xin lỗi, lệnh /${cmd.name} chỉ dành cho`));
      });
    }
  }
});
