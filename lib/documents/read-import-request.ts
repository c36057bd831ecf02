import "server-only";
import { isMultipart, readJson, readUpload } from "@/lib/api/read-input";
import { AppError } from "@/lib/errors";
import {
  allowDuplicateField,
  createDocumentSchema,
  replaceTextSchema,
  uploadFieldsSchema,
} from "@/lib/validations/document";
import { zodFields } from "@/lib/api/respond";
import { MAX_UPLOAD_BYTES, type ImportSource } from "./import/extract-document";
import { fetchForImport } from "./import/fetch-url";
import type { DocumentMetadata } from "./create-document";

// Room for a maximal file plus the multipart envelope and form fields.
const MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 256 * 1024;

async function readFileUpload(request: Request, missingFileMessage: string) {
  const upload = await readUpload(request, MAX_REQUEST_BYTES);
  if (!upload.file) throw new AppError("invalid_input", missingFileMessage, { file: ["Required."] });
  return { file: upload.file, fields: upload.fields };
}

type ImportRequest = { source: ImportSource; metadata: DocumentMetadata; allowDuplicate: boolean };

// An import request is JSON ({ title, text | markdown | html | url, ... }) or a multipart upload with `file`;
// `allowDuplicate` may also come as a query parameter.
export async function readImportRequest(request: Request): Promise<ImportRequest> {
  const inQuery = allowDuplicateField.safeParse(new URL(request.url).searchParams.get("allowDuplicate") ?? undefined);
  const allowedByQuery = inQuery.success && inQuery.data;
  if (isMultipart(request)) {
    const { file, fields } = await readFileUpload(request, "Attach the document as the `file` field.");
    const parsed = uploadFieldsSchema.safeParse(fields);
    if (!parsed.success)
      throw new AppError("invalid_input", "Some fields are missing or invalid.", zodFields(parsed.error));
    const { allowDuplicate, ...metadata } = parsed.data;
    return { source: { file }, metadata, allowDuplicate: allowDuplicate || allowedByQuery };
  }
  const { text, markdown, html, url, allowDuplicate, ...metadata } = await readJson(
    request,
    createDocumentSchema,
    MAX_REQUEST_BYTES,
  );
  if (url !== undefined) {
    // Fetched here, then imported exactly like an uploaded file; the address is its sourceUrl.
    const { file } = await fetchForImport(url);
    return {
      source: { file },
      metadata: { ...metadata, sourceUrl: metadata.sourceUrl ?? new URL(url).toString() },
      allowDuplicate: Boolean(allowDuplicate) || allowedByQuery,
    };
  }
  const source: ImportSource =
    markdown !== undefined
      ? { format: "markdown", content: markdown }
      : html !== undefined
        ? { format: "html", content: html }
        : { format: "text", content: text! };
  return { source, metadata, allowDuplicate: Boolean(allowDuplicate) || allowedByQuery };
}

// A new revision is JSON { text, version } or a multipart upload with `file` and `version`.
export async function readRevisionRequest(request: Request): Promise<{ source: ImportSource; version: number }> {
  if (isMultipart(request)) {
    const { file, fields } = await readFileUpload(request, "Attach the new version as the `file` field.");
    const version = Number(fields.version);
    if (!Number.isInteger(version) || version < 1)
      throw new AppError("invalid_input", "Send the version you are replacing.", { version: ["Required."] });
    return { source: { file }, version };
  }
  const { text, version } = await readJson(request, replaceTextSchema, MAX_REQUEST_BYTES);
  return { source: { format: "text", content: text }, version };
}
