/**
 * Pure rendering of core replies for Zalo: plain text (no markup exists), split on line boundaries under
 * the API's 2000-character limit; pictures as https URLs the platform fetches; any other file as a link.
 */
import type { Attachment, Reply } from "../../core/reply.js";
import { plainWithTypedButtons, splitPlain } from "../plain-text.js";

/** Zalo's limit for a text or caption. */
export const ZALO_TEXT_LIMIT = 2000;

/** A reply ready for the Zalo API: texts in order, then photos. */
export interface ZaloRendered {
  texts: string[];
  photos: { url: string; caption?: string }[];
}

/** Makes the absolute, signed URL of an attachment, or undefined when files cannot be linked (no PUBLIC_URL). */
export type AttachmentLinker = (attachment: Attachment) => string | undefined;

/**
 * Renders one reply. Buttons left on the reply (messages from the outbox, which did not pass through the
 * core's numbered options) become commands to type. Attachments: a photo with a link goes by sendPhoto,
 * a document with a link is a line of text; without links, one line says how to enable files.
 */
export function renderZaloReply(reply: Reply, options: { linkFor?: AttachmentLinker; lang?: "vi" | "en" } = {}): ZaloRendered {
  const lang = options.lang ?? "vi";
  const lines: string[] = [plainWithTypedButtons(reply, lang)];
  const photos: ZaloRendered["photos"] = [];
  let unlinked = 0;
  for (const a of reply.attachments ?? []) {
    const url = options.linkFor?.(a);
    if (!url) {
      unlinked += 1;
      continue;
    }
    if (a.kind === "photo") photos.push({ url, ...(a.caption ? { caption: a.caption.slice(0, ZALO_TEXT_LIMIT) } : {}) });
    else lines.push(`📎 ${a.caption ?? a.filename}: ${url}`);
  }
  if (reply.attachments?.some((a) => a.kind === "document" && options.linkFor?.(a))) {
    lines.push(lang === "en" ? "(Links are valid for 24 hours.)" : "(Liên kết có hiệu lực trong 24 giờ.)");
  }
  if (unlinked > 0) {
    lines.push(
      lang === "en"
        ? `(${unlinked} file(s) could not be sent: on Zalo, files go as links, which need the PUBLIC_URL setting. Please ask the admin to set it.)`
        : `(Chưa gửi được ${unlinked} tệp đính kèm: trên Zalo, tệp được gửi dưới dạng liên kết, cần thiết lập PUBLIC_URL. Xin vui lòng đề nghị quản trị viên cấu hình.)`,
    );
  }
  return { texts: splitPlain(lines.join("\n"), ZALO_TEXT_LIMIT), photos };
}
