import "server-only";
import { isMultipart, readJson, readUpload } from "@/lib/api/read-input";
import { AppError } from "@/lib/errors";
import { createDocumentSchema, uploadFieldsSchema } from "@/lib/validations/document";
import { zodFields } from "@/lib/api/respond";
import { MAX_UPLOAD_BYTES, type ImportSource } from "./import/extract-document";
import type { DocumentMetadata } from "./create-document";

// Room for a maximal file plus the multipart envelope and form fields.
const MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 256 * 1024;

// An import request is JSON ({ title, text | markdown | html, ... }) or a multipart upload with `file`.
export async function readImportRequest(request: Request): Promise<{ source: ImportSource; metadata: DocumentMetadata; fields: Record<string, string> }> {
  if (isMultipart(request)) {
    const { file, fields } = await readUpload(request, MAX_REQUEST_BYTES);
    if (!file) throw new AppError("invalid_input", "Attach the document as the `file` field.", { file: ["Required."] });
    const parsed = uploadFieldsSchema.safeParse(fields);
    if (!parsed.success) throw new AppError("invalid_input", "Some fields are missing or invalid.", zodFields(parsed.error));
    return { source: { file }, metadata: parsed.data, fields };
  }
  const { text, markdown, html, ...metadata } = await readJson(request, createDocumentSchema, MAX_REQUEST_BYTES);
  const source: ImportSource =
    markdown !== undefined ? { format: "markdown", content: markdown } : html !== undefined ? { format: "html", content: html } : { format: "text", content: text! };
  return { source, metadata, fields: {} };
}
