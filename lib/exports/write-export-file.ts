import "server-only";
import type { ExportFormat } from "@/lib/validations/export";
import type { Report } from "./collect-report";
import { EXPORT_WRITERS, exportBytes } from "./export-formats";

// The one way a stored export is written: the format's writer, pulled piece by piece into
// one file. `onPiece` hears how many of the announced pieces are written (for progress).
// Background exports call only this, so where the writing runs can change in one place.
export async function writeExportFile(
  report: Report,
  format: ExportFormat,
  baseUrl: string,
  onPiece?: (written: number, pieces: number) => Promise<void> | void,
) {
  const writer = EXPORT_WRITERS[format];
  const pieces = writer.pieces(report);
  const parts: Uint8Array[] = [];
  for await (const part of exportBytes(writer.write(report, baseUrl))) {
    parts.push(part);
    await onPiece?.(parts.length, pieces);
  }
  return Buffer.concat(parts);
}
