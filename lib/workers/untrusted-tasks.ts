import workerpool from "workerpool";
import type { ImportSource } from "@/lib/documents/import/extract-document";
import { AppError } from "@/lib/errors";
import type { Report } from "@/lib/exports/collect-report";
import type { ExportFormat } from "@/lib/validations/export";
import { signalTaskStarted } from "./task-started";
import {
  htmlNestingDepth,
  markdownMarkerCount,
  markdownNestingDepth,
  MAX_HTML_DEPTH,
  MAX_MARKDOWN_DEPTH,
  MAX_MARKDOWN_MARKERS,
} from "./nesting";

// The modules behind the tasks, loaded on first use: a new process is ready at once, and
// `warmUp()` loads them all in the background.
const importers = () => import("@/lib/documents/import/extract-document");
const markdown = () => import("@/lib/markdown/render-markdown");
const exporters = () => import("@/lib/exports/export-formats");
const embeddings = () => import("@/lib/suggestions/embedder");
// One after the other, cheapest first: a Markdown task waits only for the Markdown modules.
export const warmUp = async () => {
  await markdown();
  await importers();
  await exporters();
};

// What the untrusted-work pool runs (lib/workers/untrusted-worker.ts registers these in
// each child process). Parents call them through lib/workers/untrusted-pool.ts only.
export const UNTRUSTED_TASKS = {
  async extractDocument(source: ImportSource) {
    const { extractDocument, formatOfFile } = await importers();
    signalTaskStarted();
    const nested = nestedTooDeeply(source, formatOfFile);
    if (nested) throw new AppError("unprocessable", `This file is too complex to import: ${nested}`);
    return extractDocument(source);
  },

  // `budgetMs`: for text rendered again on every read, the most its rendering may take here.
  async renderMarkdown(text: string, budgetMs?: number, mentionLinks?: Record<string, string>) {
    const { renderMarkdown } = await markdown();
    signalTaskStarted();
    if (markdownNestingDepth(text) > MAX_MARKDOWN_DEPTH)
      throw new AppError(
        "unprocessable",
        `This text is too complex to format: its quotes or lists nest more than ${MAX_MARKDOWN_DEPTH} levels deep.`,
      );
    if (markdownMarkerCount(text) > MAX_MARKDOWN_MARKERS)
      throw new AppError(
        "unprocessable",
        `This text is too complex to format: it has more than ${MAX_MARKDOWN_MARKERS.toLocaleString("en")} emphasis or link marks (* _ ~ [ ]).`,
      );
    const started = performance.now();
    const html = renderMarkdown(text, mentionLinks);
    if (budgetMs !== undefined && performance.now() - started > budgetMs)
      throw new AppError(
        "unprocessable",
        "This text is too complex to format: it would slow down every page that shows it. Simplify its Markdown.",
      );
    return html;
  },

  // Sentence embeddings for the passage index (lib/suggestions): TF.js blocks the thread it
  // runs on, so it runs here rather than on the server's event loop.
  async embedTexts(texts: string[]) {
    const { universalSentenceEncoder } = await embeddings();
    signalTaskStarted();
    return universalSentenceEncoder.embed(texts);
  },

  // The whole file; progress (0–1, pieces written against pieces announced) is emitted
  // at most five times a second.
  async writeExport(report: Report, format: ExportFormat, baseUrl: string) {
    const { EXPORT_WRITERS, exportBytes } = await exporters();
    signalTaskStarted();
    const writer = EXPORT_WRITERS[format];
    const pieces = Math.max(1, writer.pieces(report));
    const parts: Uint8Array[] = [];
    let reportedAt = Date.now();
    for await (const part of exportBytes(writer.write(report, baseUrl))) {
      parts.push(part);
      if (Date.now() - reportedAt >= 200) {
        reportedAt = Date.now();
        workerpool.workerEmit({ progress: Math.min(1, parts.length / pieces) });
      }
    }
    return new Uint8Array(Buffer.concat(parts));
  },
};

export type UntrustedTasks = typeof UNTRUSTED_TASKS;

type FormatOfFile = Awaited<ReturnType<typeof importers>>["formatOfFile"];

function nestedTooDeeply(source: ImportSource, formatOfFile: FormatOfFile): string | undefined {
  const [format, content] =
    "file" in source
      ? [formatOfFile(source.file), Buffer.from(source.file.bytes).toString("latin1")]
      : [source.format, source.content];
  if (format === "html" && htmlNestingDepth(content) > MAX_HTML_DEPTH)
    return `its elements nest more than ${MAX_HTML_DEPTH} levels deep.`;
  if (format === "markdown" && markdownNestingDepth(content) > MAX_MARKDOWN_DEPTH)
    return `its quotes or lists nest more than ${MAX_MARKDOWN_DEPTH} levels deep.`;
  return undefined;
}
