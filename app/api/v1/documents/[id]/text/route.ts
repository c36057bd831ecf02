import { apiRoute, requireActor } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { readRevisionRequest } from "@/lib/documents/read-import-request";
import { replaceDocumentText } from "@/lib/documents/replace-document-text";

// A new revision: JSON { text, version } or a multipart upload with `file` and `version`.
export const PUT = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  const { source, version } = await readRevisionRequest(request);
  return json(await replaceDocumentText(actor, params.id, source, version));
});
