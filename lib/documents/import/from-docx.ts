import mammoth from "mammoth";
import { AppError } from "@/lib/errors";
import { extractHtml } from "./from-html";
import type { ExtractedDocument } from "./types";

// A Word document is converted to HTML by mammoth (keeping headings, lists and
// tables as structure), then read like any HTML page without content guessing.
export async function extractDocx(bytes: Uint8Array): Promise<ExtractedDocument> {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch {
    throw new AppError("unprocessable", "This .docx file could not be read; it may be damaged or not a Word document.");
  }
  const extracted = extractHtml(`<html><body>${html}</body></html>`, { isWholeDocument: true });
  return { ...extracted, sourceFormat: "docx" };
}
