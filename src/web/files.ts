/**
 * Signed file links on the web server: `GET /files/<name>?s=…&e=…&sig=…` makes the file named by the
 * link again (the digest CSV or chart "as of" the moment in the link) and sends it. A forged, altered or
 * expired link gets 403. Nothing is stored and nothing can be listed.
 */
import type { Content } from "../core/content/schema.js";
import { digestFromStore } from "../core/digest/build.js";
import { digestCsvBytes } from "../core/digest/render-csv.js";
import type { DigestCharts } from "../core/digest/types.js";
import { renderDeadlinesIcs } from "../core/exports/ics.js";
import { renderDigestXlsx } from "../core/exports/xlsx.js";
import type { Logger, Store } from "../core/ports.js";
import type { Attachment, FileSource } from "../core/reply.js";
import type { Clock } from "../core/time.js";
import type { Route } from "./server.js";
import { FILES_PATH, type LinkSigner } from "./signed-links.js";

/** A file made on request. */
export interface MadeFile {
  data: Uint8Array;
  contentType: string;
}

/** Makes the bytes of a file from its source. */
export type FileMaker = (source: FileSource) => Promise<MadeFile>;

/** The content type of each kind of file. */
export const FILE_TYPES: Record<FileSource["kind"], string> = {
  "digest-csv": "text/csv; charset=utf-8",
  "digest-chart": "image/png",
  "digest-xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "calendar-ics": "text/calendar; charset=utf-8",
};

/**
 * The maker for digest and calendar files: the digest is rebuilt from the store as of the link's moment;
 * a calendar holds the plan's deadlines (of one agency, or all).
 */
export function createDigestFileMaker(deps: { content: Content; store: Store; charts?: DigestCharts }): FileMaker {
  return async (source) => {
    const asOf = new Date(source.asOf);
    if (source.kind === "calendar-ics") {
      return { data: new TextEncoder().encode(renderDeadlinesIcs(deps.content, source.agencyId, asOf)), contentType: FILE_TYPES[source.kind] };
    }
    const digest = await digestFromStore(deps.content, deps.store, asOf);
    if (source.kind === "digest-csv") return { data: digestCsvBytes(digest, "vi"), contentType: FILE_TYPES[source.kind] };
    if (source.kind === "digest-xlsx") {
      const records = (await deps.store.statuses.all()).filter((r) => Date.parse(r.at) <= asOf.getTime());
      return { data: await renderDigestXlsx(deps.content, digest, records), contentType: FILE_TYPES[source.kind] };
    }
    if (!deps.charts) throw new Error("web: no chart renderer is configured");
    return { data: await deps.charts.statusChart(digest), contentType: FILE_TYPES["digest-chart"] };
  };
}

/** The route serving signed file links. */
export function fileRoute(deps: { links: LinkSigner; clock: Clock; make: FileMaker; log: Logger }): Route {
  return {
    method: "GET",
    path: FILES_PATH,
    prefix: true,
    async handle(req, res) {
      const checked = deps.links.verify(req.url ?? "/", deps.clock.now());
      if (!checked.ok) {
        deps.log.info({ reason: checked.reason }, "web: a file link was refused");
        const text = checked.reason === "expired" ? "Liên kết đã hết hạn (24 giờ). Xin vui lòng yêu cầu lại trong trò chuyện. / This link has expired." : "Liên kết không hợp lệ. / This link is not valid.";
        res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).end(`${text}\n`);
        return;
      }
      const { source, filename } = checked.file;
      const file = await deps.make(source);
      res
        .writeHead(200, {
          "Content-Type": file.contentType,
          "Content-Length": String(file.data.byteLength),
          "Content-Disposition": `${file.contentType.startsWith("image/") ? "inline" : "attachment"}; filename="${filename}"`,
          "Cache-Control": "private, no-store",
        })
        .end(req.method === "HEAD" ? undefined : Buffer.from(file.data));
    },
  };
}

/** Builds the absolute signed URL of an attachment that can be regenerated, or undefined. */
export function createAttachmentLinker(publicUrl: string, links: LinkSigner, clock: Clock): (a: Attachment) => string | undefined {
  const base = publicUrl.replace(/\/+$/, "");
  return (a) => (a.source ? `${base}${links.sign(a.source, a.filename, clock.now())}` : undefined);
}
