import { apiRoute, requireActor } from "@/lib/api/route";
import { readQuery } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { createDocument } from "@/lib/documents/create-document";
import { listDocuments } from "@/lib/documents/list-documents";
import { readImportRequest } from "@/lib/documents/read-import-request";
import { listDocumentsSchema } from "@/lib/validations/document";

export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await listDocuments(actor, params.id, readQuery(request, listDocumentsSchema))),
);

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  const { source, metadata, allowDuplicate } = await readImportRequest(request);
  return json(await createDocument(actor, params.id, source, metadata, { allowDuplicate }), 201);
});
