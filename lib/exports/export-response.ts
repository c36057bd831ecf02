import "server-only";
import type { CitationStyle } from "@/lib/citations/citation-styles";
import type { Actor } from "@/lib/policies/authorize-workspace";
import type { ExportFormat } from "@/lib/validations/export";
import { collectReport, type ReportScope } from "./collect-report";
import { EXPORT_WRITERS, exportFileName } from "./export-formats";
import { writeExport } from "./write-export";

// A report as a download, in one of the export formats, as the actor may see it. The file
// is written in the untrusted-work pool (writeExport), so a large PDF never stalls the
// server; a report too large to write in time is a 422, not a truncated download.
export async function exportResponse(
  actor: Actor,
  scope: ReportScope,
  format: ExportFormat,
  baseUrl: string,
  citationStyle: CitationStyle = "apa",
): Promise<Response> {
  const report = { ...(await collectReport(actor, scope)), citationStyle };
  const file = await writeExport(report, format, baseUrl);
  return new Response(file as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": EXPORT_WRITERS[format].type,
      "Content-Length": String(file.byteLength),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(exportFileName(report, format))}`,
      "Cache-Control": "no-store",
    },
  });
}
