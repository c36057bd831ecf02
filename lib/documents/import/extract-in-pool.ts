import { DEADLINES } from "@/lib/workers/deadlines";
import { runUntrusted } from "@/lib/workers/untrusted-pool";
import type { ImportSource } from "./extract-document";
import type { ExtractedDocument } from "./types";

export const TOO_COMPLEX_TO_IMPORT = "This file is too complex to import";

// extractDocument, run in the untrusted-work pool: a file that nests too deeply, takes too
// long or needs too much memory is a 422 within seconds, and the server's event loop and
// memory never see it. The result is extractDocument's, whole.
export function extractDocumentInPool(source: ImportSource): Promise<ExtractedDocument> {
  return runUntrusted("extractDocument", [source], {
    deadlineMs:
      "file" in source && /\.(pdf|docx)$/i.test(source.file.name) ? DEADLINES.fileImport() : DEADLINES.import(),
    tooComplex: TOO_COMPLEX_TO_IMPORT,
  });
}
