import type { ExportFormat } from "@/lib/validations/export";
import { DEADLINES } from "@/lib/workers/deadlines";
import { runUntrusted } from "@/lib/workers/untrusted-pool";
import type { Report } from "./collect-report";

// Writes a collected report as a file in one of the export formats, in the untrusted-work
// pool (the writers walk people's text and Markdown; a PDF of thousands of passages takes
// seconds of CPU). The one function that writes an export: downloads and background jobs
// both call it. `onProgress` hears 0–1 at most five times a second.
export async function writeExport(
  report: Report,
  format: ExportFormat,
  baseUrl: string,
  {
    onProgress,
    deadlineMs = DEADLINES.export(),
  }: { onProgress?: (fraction: number) => void; deadlineMs?: number } = {},
): Promise<Uint8Array> {
  return runUntrusted("writeExport", [report, format, baseUrl], {
    deadlineMs,
    tooComplex: "This report is too large to write",
    onEvent: (payload) => {
      const progress = (payload as { progress?: unknown }).progress;
      if (onProgress && typeof progress === "number") onProgress(progress);
    },
  });
}
