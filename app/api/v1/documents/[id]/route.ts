import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json, noContent } from "@/lib/api/respond";
import { findDocument } from "@/lib/documents/find-document";
import { presentDocument } from "@/lib/documents/presenters";
import { loadStructure } from "@/lib/documents/structure/load-structure";
import { deleteDocument, updateDocument } from "@/lib/documents/update-document";
import { updateDocumentSchema } from "@/lib/validations/document";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const { document } = await findDocument(actor, params.id, "read");
  return json({ ...presentDocument(document, { includeText: true }), ...(await loadStructure(document)) });
});

export const PATCH = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  return json(await updateDocument(actor, params.id, await readJson(request, updateDocumentSchema)));
});

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  requireActor(actor);
  await deleteDocument(actor, params.id);
  return noContent();
});
