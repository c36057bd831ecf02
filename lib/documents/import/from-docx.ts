import mammoth from "mammoth";
import { AppError } from "@/lib/errors";
import { refuseDocxBomb } from "./docx-limits";
import { readDocxProperties } from "./docx-properties";
import { extractHtml } from "./from-html";
import type { ExtractedSource } from "./types";

// A Word document is converted to HTML by mammoth (keeping headings, lists and
// tables as structure), then read like any HTML page without content guessing.
// Title and authors come from the document's own properties (or its Title-style
// paragraph), never from its first heading: that is often "Introduction".
export async function extractDocx(bytes: Uint8Array): Promise<ExtractedSource> {
  refuseDocxBomb(bytes);
  let html: string;
  let properties;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
    properties = await readDocxProperties(bytes);
  } catch {
    throw new AppError("unprocessable", "This .docx file could not be read; it may be damaged or not a Word document.");
  }
  const { text, structure } = extractHtml(`<html><body>${html}</body></html>`, { isWholeDocument: true });
  return {
    text,
    structure,
    sourceFormat: "docx",
    title: properties.title,
    authors: properties.authors?.length ? properties.authors : undefined,
  };
}
