/**
 * Two updates for the same chat at once (two instances behind a balancer, or one update while another awaits the
 * store): what each writes is computed and stored in one step of the store, so neither loses what the other did.
 */
import { describe, expect, it } from "vitest";
import { numberOptions } from "../../src/core/choices.js";
import { hashCode } from "../../src/core/people/invitations.js";
import type { ChatKey, ClosableStore } from "../../src/core/ports.js";
import { reply, toPlain } from "../../src/core/reply.js";
import { openStore } from "../../src/store/open-store.js";
import { createTestApp, textFrom } from "../helpers/app.js";

const NOW = new Date("2025-05-01T02:00:00.000Z");

function listed(labels: string[]) {
  return reply(`Việc cần làm`, { buttons: [labels.map((label) => ({ label, payload: `tt ${label}` }))] });
}

describe("numbered listings of one family made at once", () => {
  it("give an item the same number in both and never one number to two items, when two are made in one tick", async () => {
    const store = await openStore({ file: ":memory:" });
    const target = { chatKey: "zalo:1" as ChatKey, family: "viec", lang: "vi" as const, now: NOW };
    const [first, second] = await Promise.all([
      numberOptions(store.listings, target, [listed(["email-accounts", "video-call"])]),
      numberOptions(store.listings, target, [listed(["video-call", "seal"])]),
    ]);
    expect(toPlain(first![0]!.text)).toContain("email-accounts");
    expect(toPlain(second![0]!.text)).toContain("seal");
    const [newer, older] = await store.listings.family("zalo:1", "viec", NOW.toISOString());
    const numbers = (l: typeof newer) => Object.fromEntries(l!.options.map((o) => [o.label, o.number]));
    const a = numbers(older);
    const b = numbers(newer);
    expect(Object.keys(a)).toEqual(["email-accounts", "video-call"]);
    expect(b["video-call"]).toBe(a["video-call"]);
    expect(b.seal).not.toBe(a["email-accounts"]);
    const family = await store.listings.family("zalo:1", "viec", NOW.toISOString());
    const byNumber = new Map<number, Set<string>>();
    for (const l of family) for (const o of l.options) byNumber.set(o.number, new Set([...(byNumber.get(o.number) ?? []), o.payload]));
    for (const payloads of byNumber.values()) expect(payloads.size).toBe(1);
  });
});

describe("a group registered with an invitation code while another update changes the chat", () => {
  it("keeps the other update's change: the registration merges into the chat instead of rewriting what it read", async () => {
    const inner = await openStore({ file: ":memory:" });
    const group: ChatKey = "console:g1";
    await inner.chats.add({ chatKey: group, type: "group", active: true });
    // The other update (on another instance) writes the chat once the code is taken, right after any read of it.
    let armed = false;
    const store: ClosableStore = {
      ...inner,
      invitations: {
        ...inner.invitations,
        async markUsed(codeHash, by, at) {
          const used = await inner.invitations.markUsed(codeHash, by, at);
          armed = used;
          return used;
        },
      },
      chats: {
        ...inner.chats,
        async get(chatKey) {
          // A copy, as a database returns it (the file store hands out its live objects, which would hide the gap).
          const found = structuredClone(await inner.chats.get(chatKey));
          if (chatKey === group && armed) {
            armed = false;
            await inner.chats.merge(group, { title: "Tổ công tác chuyển đổi số" });
          }
          return found;
        },
      },
    };
    const app = await createTestApp({ store });
    await inner.people.grant({ userKey: "console:dp", name: "Điều Phối", role: "coordinator", chatKey: "console:dp", grantedBy: "console:admin", grantedAt: NOW.toISOString() });
    await inner.invitations.add({ codeHash: hashCode("ABCDEFGHJKMN"), kind: "lead", agencyId: "sokhcn-hcm", createdBy: "console:dp", createdAt: NOW.toISOString(), expiresAt: "2025-05-05T00:00:00.000Z" });
    const replies = await app.assistant.handle(textFrom("dp", "/dangky ABCDEFGHJKMN", { chat: { id: "g1", type: "group" } }));
    expect(replies.map((r) => toPlain(r.text)).join("\n")).toMatch(/sokhcn|Sở Khoa học|KH&CN/i);
    expect(await inner.chats.get(group)).toMatchObject({ type: "group", agencyId: "sokhcn-hcm", registeredBy: "console:dp", active: true, title: "Tổ công tác chuyển đổi số" });
  });
});
