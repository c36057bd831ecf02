import "server-only";
import type { Actor } from "@/lib/policies/authorize-workspace";
import type { ExportFormat } from "@/lib/validations/export";
import { collectReport, type ReportScope } from "./collect-report";
import { EXPORT_WRITERS, exportBytes, exportFileName } from "./export-formats";

// A report as a download, in one of the export formats, as the actor may see it. The
// body streams: each section goes out as soon as it is written.
export async function exportResponse(
  actor: Actor,
  scope: ReportScope,
  format: ExportFormat,
  baseUrl: string,
): Promise<Response> {
  const report = await collectReport(actor, scope);
  const writer = EXPORT_WRITERS[format];
  const bytes = exportBytes(writer.write(report, baseUrl));
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await bytes.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await bytes.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": writer.type,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(exportFileName(report, format))}`,
      "Cache-Control": "no-store",
    },
  });
}
