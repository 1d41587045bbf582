import { defineCommand, t } from "../src/core/command.js";
import { digestFromStore } from "../src/core/digest/build.js";
import { digestAttachments, digestReplies } from "../src/core/digest/send.js";
import { UserError } from "../src/core/errors.js";
import { digestXlsxName, renderDigestXlsx } from "../src/core/exports/xlsx.js";
import { reply } from "../src/core/reply.js";

/**
 * /tonghop [csv] (alias /digest): the weekly digest now, for coordinators: the messages, the chart
 * as a photo and the CSV as a document. `/tonghop csv` sends only the CSV file, `/tonghop xlsx` the Excel
 * workbook (overview, per milestone, history, response rate).
 * It stores nothing: the weekly comparison stays with the scheduled digest.
 */
export default defineCommand({
  name: "tonghop",
  alias: "digest",
  access: "coordinator",
  description: { vi: "Bản tổng hợp tiến độ (kèm biểu đồ và tệp CSV)", en: "Progress digest (with chart and CSV file)" },
  usage: { vi: "/tonghop [csv|xlsx]", en: "/digest [csv|xlsx]" },
  parse(args, ctx) {
    const word = args.trim().toLowerCase();
    if (word === "") return { only: undefined };
    if (word === "csv") return { only: "csv" as const };
    if (word === "xlsx" || word === "excel") return { only: "xlsx" as const };
    throw new UserError(
      t(
        ctx.lang,
        "Xin vui lòng gõ /tonghop để nhận bản tổng hợp, /tonghop csv để chỉ nhận tệp CSV, hoặc /tonghop xlsx để nhận tệp Excel.",
        "Please type /digest for the digest, /digest csv for the CSV file only, or /digest xlsx for the Excel workbook.",
      ),
    );
  },
  async run(ctx, { only }) {
    const { content, store, charts, log } = ctx.services;
    const digest = await digestFromStore(content, store, ctx.now);
    if (only === "xlsx") {
      const data = await renderDigestXlsx(content, digest, await store.statuses.all());
      return reply(
        t(
          ctx.lang,
          `📎 Tệp Excel tuần ${digest.week.id}: các trang Tổng quan, Theo mốc, Lịch sử và Phản hồi.`,
          `📎 Excel workbook, week ${digest.week.id}: sheets overview, per milestone, history and responses.`,
        ),
        {
          attachments: [
            {
              kind: "document",
              filename: digestXlsxName(digest),
              data,
              caption: t(ctx.lang, "Tiến độ từng mốc × cơ quan (Excel)", "Progress per milestone × agency (Excel)"),
              source: { kind: "digest-xlsx", asOf: digest.generatedAt },
            },
          ],
        },
      );
    }
    if (only === "csv") {
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
