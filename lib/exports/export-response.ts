import "server-only";
import type { Actor } from "@/lib/policies/authorize-workspace";
import { collectReport } from "./collect-report";
import { reportCsv } from "./report-csv";
import { reportHtml } from "./report-html";
import { reportJson } from "./report-json";
import { reportJsonLd } from "./report-jsonld";
import { reportMarkdown } from "./report-markdown";

const TYPES = { md: "text/markdown; charset=utf-8", html: "text/html; charset=utf-8", csv: "text/csv; charset=utf-8", jsonld: "application/ld+json; charset=utf-8", json: "application/json; charset=utf-8" } as const;

// A report as a download, in one of the export formats, as the actor may see it.
export async function exportResponse(actor: Actor, scope: Parameters<typeof collectReport>[1], format: keyof typeof TYPES, baseUrl: string): Promise<Response> {
  const report = await collectReport(actor, scope);
  const body =
    format === "md" ? reportMarkdown(report) : format === "html" ? reportHtml(report) : format === "csv" ? reportCsv(report) : format === "json" ? JSON.stringify(reportJson(report)) : JSON.stringify(reportJsonLd(report, baseUrl), null, 2);
  const name = report.title.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").slice(0, 60) || "export";
  return new Response(body, {
    headers: { "Content-Type": TYPES[format], "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`, "Cache-Control": "no-store" },
  });
}
