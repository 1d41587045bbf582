import type { CoreSettings } from "../command.js";
import { t } from "../command.js";
import { formatMoment, type Lang } from "../dates.js";
import type { ChatKey, Store, UserKey } from "../ports.js";
import { reply, type Reply } from "../reply.js";

/** Every admin: ADMIN_IDS from config, then those registered with the first-admin code. */
export async function adminUserKeys(store: Pick<Store, "people">, settings: Pick<CoreSettings, "adminKeys">): Promise<UserKey[]> {
  const granted = await store.people.list({ role: "admin" });
  return [...new Set([...settings.adminKeys, ...granted.map((p) => p.userKey)])];
}

/**
 * The private chats of the admins who can be written to: a person's private chat has the id of the person
 * on both Telegram and Zalo. Chats that blocked the assistant are left out.
 */
export async function adminChats(store: Pick<Store, "people" | "chats">, settings: Pick<CoreSettings, "adminKeys">): Promise<ChatKey[]> {
  const keys = await adminUserKeys(store, settings);
  const chats = await Promise.all(keys.map(async (k): Promise<ChatKey> => (await store.people.get(k))?.chatKey ?? k));
  const active = await Promise.all(chats.map(async (k) => (await store.chats.get(k))?.active !== false));
  return chats.filter((_, i) => active[i]);
}

/** The notice admins get once when Zalo answers 429 "quota exceeded" and sending to Zalo pauses. */
export function quotaPauseNotice(until: Date, lang: Lang = "vi"): Reply {
  return reply(
    t(
      lang,
      `⚠️ Zalo báo đã vượt hạn mức gửi tin (429). Trợ lý tạm dừng gửi tin qua Zalo đến ${formatMoment(until)}; các tin không gửi được đã được ghi lại và sẽ có trong bản tổng hợp tuần. Xin vui lòng kiểm tra gói dịch vụ trong Zalo Bot Creator.`,
      `⚠️ Zalo answered 429 "quota exceeded". The assistant pauses sending on Zalo until ${formatMoment(until)}; messages that could not be sent are recorded and will appear in the weekly digest. Please check the plan in Zalo Bot Creator.`,
    ),
  );
}
