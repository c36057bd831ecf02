import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { AppError } from "@/lib/errors";
import { collapseWhitespace } from "./normalize-text";
import type { ExtractedDocument } from "./types";

// The text layer of a PDF (PDF.js through unpdf), one block per page, with the
// title and author of its document information. Its CreationDate is when the file
// was made (often an export years after publication), so it is not a published date.
export async function extractPdf(bytes: Uint8Array): Promise<ExtractedDocument> {
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch {
    throw new AppError("unprocessable", "This PDF could not be read; it may be damaged or encrypted.");
  }
  const { text } = await extractText(pdf, { mergePages: false });
  const { info } = await getMeta(pdf).catch(() => ({ info: {} as Record<string, unknown> }));
  await pdf.loadingTask.destroy();
  const pages = text
    .map((page) =>
      page
        .split(/\n\s*\n/)
        .map(collapseWhitespace)
        .filter(Boolean)
        .join("\n\n"),
    )
    .filter(Boolean);
  if (!pages.length)
    throw new AppError(
      "unprocessable",
      "This PDF has no text layer (is it a scan?). Run OCR on it first, then import it again.",
    );
  const field = (name: string) => (typeof info[name] === "string" && (info[name] as string).trim()) || undefined;
  return {
    text: pages.join("\n\n"),
    sourceFormat: "pdf",
    title: field("Title"),
    authors: field("Author")
      ?.split(/\s*[;,]\s*|\s+and\s+/)
      .filter(Boolean),
  };
}
