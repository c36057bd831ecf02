import { apiRoute, requireActor } from "@/lib/api/route";
import { isMultipart, readJson, readUpload } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";
import { MAX_UPLOAD_BYTES } from "@/lib/documents/import/extract-document";
import { replaceDocumentText } from "@/lib/documents/replace-document-text";
import { replaceTextSchema } from "@/lib/validations/document";

// A new revision: JSON { text, version } or a multipart upload with `file` and `version`.
export const PUT = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  if (isMultipart(request)) {
    const { file, fields } = await readUpload(request, MAX_UPLOAD_BYTES + 256 * 1024);
    const version = Number(fields.version);
    if (!file) throw new AppError("invalid_input", "Attach the new version as the `file` field.", { file: ["Required."] });
    if (!Number.isInteger(version) || version < 1) throw new AppError("invalid_input", "Send the version you are replacing.", { version: ["Required."] });
    return json(await replaceDocumentText(actor, params.id, { file }, version));
  }
  const { text, version } = await readJson(request, replaceTextSchema, MAX_UPLOAD_BYTES);
  return json(await replaceDocumentText(actor, params.id, { format: "text", content: text }, version));
});
