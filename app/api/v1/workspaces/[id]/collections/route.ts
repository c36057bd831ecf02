import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { createCollection, listCollections } from "@/lib/collections/collection-services";
import { createCollectionSchema } from "@/lib/validations/collection";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json(await listCollections(actor, params.id)));

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  return json(await createCollection(actor, params.id, await readJson(request, createCollectionSchema)), 201);
});
