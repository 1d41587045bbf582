import { defineCommand, t } from "../src/core/command.js";
import { digestFromStore } from "../src/core/digest/build.js";
import { digestAttachments, digestReplies } from "../src/core/digest/send.js";
import { UserError } from "../src/core/errors.js";
import { reply } from "../src/core/reply.js";

/**
 * /tonghop [csv] (alias /digest): the weekly digest now, for coordinators: the messages, the chart
 * as a photo and the CSV as a document. `/tonghop csv` sends only the CSV file.
 * It stores nothing: the weekly comparison stays with the scheduled digest.
 */
export default defineCommand({
  name: "tonghop",
  alias: "digest",
  access: "coordinator",
  description: { vi: "Bản tổng hợp tiến độ (kèm biểu đồ và tệp CSV)", en: "Progress digest (with chart and CSV file)" },
  usage: { vi: "/tonghop [csv]", en: "/digest [csv]" },
  parse(args, ctx) {
    const word = args.trim().toLowerCase();
    if (word === "") return { csvOnly: false };
    if (word === "csv") return { csvOnly: true };
    throw new UserError(
      t(
        ctx.lang,
        "Xin vui lòng gõ /tonghop để nhận bản tổng hợp, hoặc /tonghop csv để chỉ nhận tệp CSV.",
        "Please type /digest for the digest, or /digest csv for the CSV file only.",
      ),
    );
  },
  async run(ctx, { csvOnly }) {
    const { content, store, charts, log } = ctx.services;
    const digest = digestFromStore(content, store, ctx.now);
    if (csvOnly) {
      const attachments = await digestAttachments(digest, { log, lang: ctx.lang, chart: false });
      return reply(
        t(
          ctx.lang,
          `📎 Bảng tiến độ từng mốc × cơ quan, tuần ${digest.week.id} (mở bằng Excel).`,
          `📎 Progress per milestone × agency, week ${digest.week.id} (opens in Excel).`,
        ),
        { attachments },
      );
    }
    return digestReplies(digest, { charts, log, lang: ctx.lang });
  },
});
