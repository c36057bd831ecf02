import type { Report } from "./collect-report";
import { JSON_BATCH } from "./json-chunks";
import { reportAif } from "./report-aif";
import { reportArgdown } from "./report-argdown";
import { reportCsvChunks } from "./report-csv";
import { reportHtmlChunks } from "./report-html";
import { reportJsonChunks } from "./report-json";
import { reportJsonLdChunks } from "./report-jsonld";
import { reportMarkdownChunks } from "./report-markdown";
import { reportPdfChunks } from "./report-pdf";
import { referencedDocuments, reportSections, summarizeReport } from "./report-summary";
import { formatReferences, type ReferenceFormat } from "@/lib/citations/references";
import type { ExportFormat } from "@/lib/validations/export";

type Chunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

const sections = (report: Report) => reportSections(report).length;
const items = (report: Report) => {
  const summary = summarizeReport(report);
  return summary.passages + summary.replies + summary.links;
};

// The documents as references (BibTeX, CSL-JSON, RIS), written by Citation.js.
const references = (format: ReferenceFormat, type: string, extension: string) => ({
  type,
  extension,
  write: (report: Report) => [formatReferences(referencedDocuments(report), format)],
  pieces: () => 1,
});

// Every export format: its media type, file extension and writer. Writers hand out the
// file a piece at a time (a section, a thread, a batch of items); `pieces` says how many
// to expect, for progress bars.
export const EXPORT_WRITERS: Record<
  ExportFormat,
  {
    type: string;
    extension: string;
    write: (report: Report, baseUrl: string) => Chunks;
    pieces: (report: Report) => number;
  }
> = {
  md: {
    type: "text/markdown; charset=utf-8",
    extension: "md",
    write: reportMarkdownChunks,
    pieces: (report) => sections(report) + 1,
  },
  html: {
    type: "text/html; charset=utf-8",
    extension: "html",
    write: reportHtmlChunks,
    pieces: (report) => sections(report) + 2,
  },
  pdf: { type: "application/pdf", extension: "pdf", write: reportPdfChunks, pieces: (report) => sections(report) + 2 },
  csv: {
    type: "text/csv; charset=utf-8",
    extension: "csv",
    write: reportCsvChunks,
    pieces: (report) => summarizeReport(report).passages + report.links.length + 1,
  },
  jsonld: {
    type: "application/ld+json; charset=utf-8",
    extension: "jsonld",
    write: reportJsonLdChunks,
    pieces: (report) => Math.ceil(items(report) / JSON_BATCH) + 2,
  },
  json: {
    type: "application/json; charset=utf-8",
    extension: "json",
    write: reportJsonChunks,
    pieces: (report) => report.documents.length + Math.ceil(report.links.length / JSON_BATCH) + 3,
  },
  aif: {
    type: "application/json; charset=utf-8",
    extension: "aif.json",
    write: (report) => [JSON.stringify(reportAif(report))],
    pieces: () => 1,
  },
  argdown: {
    type: "text/plain; charset=utf-8",
    extension: "argdown",
    write: (report) => [reportArgdown(report)],
    pieces: () => 1,
  },
  bibtex: references("bibtex", "application/x-bibtex; charset=utf-8", "bib"),
  "csl-json": references("csl-json", "application/vnd.citationstyles.csl+json; charset=utf-8", "csl.json"),
  ris: references("ris", "application/x-research-info-systems; charset=utf-8", "ris"),
};

export const exportFileName = (report: Report, format: ExportFormat) =>
  `${
    report.title
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "export"
  }.${EXPORT_WRITERS[format].extension}`;

// The chunks as bytes, for a response body or a stored file.
export async function* exportBytes(chunks: Chunks): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const chunk of chunks) yield typeof chunk === "string" ? encoder.encode(chunk) : chunk;
}
