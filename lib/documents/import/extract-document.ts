import { AppError } from "@/lib/errors";
import { extractDocx } from "./from-docx";
import { extractHtml } from "./from-html";
import { extractMarkdown } from "./from-markdown";
import { extractPdf } from "./from-pdf";
import { extractPlainText } from "./from-text";
import { withoutBidiControls } from "@/lib/validations/common";
import { normalizeText, titleFromFileName } from "./normalize-text";
import { locateBlocks, plainTextBlocks } from "../structure/blocks";
import type { ExtractedDocument, ExtractedSource, SourceFormat } from "./types";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_TEXT_LENGTH = 2_000_000;
export const FILE_EXTENSIONS: Record<string, SourceFormat> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  html: "html",
  htm: "html",
  pdf: "pdf",
  docx: "docx",
};
const MIME_TYPES: Record<string, SourceFormat> = {
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/html": "html",
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
};

export type UploadedFile = { name: string; type: string; bytes: Uint8Array };
export type ImportSource = { format: "text" | "markdown" | "html"; content: string } | { file: UploadedFile };

// Turns pasted text or an uploaded file into canonical text, its structure
// (blocks over the final text) and detected metadata.
export async function extractDocument(source: ImportSource): Promise<ExtractedDocument> {
  const { structure, ...extracted } =
    "file" in source ? await extractFile(source.file) : extractString(source.format, source.content);
  const text = normalizeText(extracted.text);
  if (!text) throw new AppError("unprocessable", "No text was found in this document.");
  if (text.length > MAX_TEXT_LENGTH) {
    throw new AppError(
      "too_large",
      `The document's text is ${text.length.toLocaleString("en")} characters; the limit is ${MAX_TEXT_LENGTH.toLocaleString("en")}.`,
    );
  }
  const title =
    withoutBidiControls(extracted.title ?? "")
      .trim()
      .slice(0, 300) || ("file" in source ? titleFromFileName(withoutBidiControls(source.file.name)) : undefined);
  const blocks = structure ? locateBlocks(text, structure, normalizeText) : plainTextBlocks(text);
  return { ...extracted, text, title, blocks };
}

function extractString(format: "text" | "markdown" | "html", content: string): ExtractedSource {
  if (format === "markdown") return extractMarkdown(content);
  if (format === "html") return extractHtml(content);
  return extractPlainText(content);
}

export function formatOfFile(file: Pick<UploadedFile, "name" | "type">): SourceFormat | undefined {
  const extension = file.name.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  return (extension && FILE_EXTENSIONS[extension]) || MIME_TYPES[file.type.split(";")[0]!.trim()];
}

async function extractFile(file: UploadedFile): Promise<ExtractedSource> {
  if (file.bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError("too_large", `${file.name} is larger than the ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB limit.`);
  }
  const format = formatOfFile(file);
  if (!format) {
    throw new AppError(
      "unsupported_media_type",
      `${file.name || "This file"} is not a supported type. Import .txt, .md, .html, .pdf or .docx files.`,
    );
  }
  if (format === "pdf") {
    if (!startsWith(file.bytes, "%PDF")) throw new AppError("unprocessable", `${file.name} is not a PDF file.`);
    return extractPdf(file.bytes);
  }
  if (format === "docx") {
    if (!startsWith(file.bytes, "PK")) throw new AppError("unprocessable", `${file.name} is not a .docx (Word) file.`);
    return extractDocx(file.bytes);
  }
  // Named as text, but it may be something else: a PDF or Word file is imported as what it is;
  // anything else that is not text is refused rather than turned into mojibake.
  if (startsWith(file.bytes, "%PDF")) return extractPdf(file.bytes);
  if (startsWith(file.bytes, "PK\u0003\u0004")) return extractDocx(file.bytes);
  const text = decodeText(file.bytes);
  if (!looksLikeText(text)) {
    throw new AppError(
      "unsupported_media_type",
      `${file.name || "This file"} does not contain text. Import .txt, .md or .html files as UTF-8 text, or a .pdf or .docx.`,
    );
  }
  return extractString(format, text);
}

// Text has almost no control characters; binary data decoded as Windows-1252 is full of them.
function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  if (!sample) return true;
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g)?.length ?? 0;
  return controls / sample.length < 0.01;
}

function startsWith(bytes: Uint8Array, signature: string): boolean {
  return Buffer.from(bytes.subarray(0, signature.length)).toString("latin1") === signature;
}

// UTF-8 as it should be; older files in Windows-1252 are still readable.
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
