import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json, noContent } from "@/lib/api/respond";
import { deleteCollection, getCollection, updateCollection } from "@/lib/collections/collection-services";
import { updateCollectionSchema } from "@/lib/validations/collection";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json(await getCollection(actor, params.id)));

export const PATCH = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  return json(await updateCollection(actor, params.id, await readJson(request, updateCollectionSchema)));
});

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  requireActor(actor);
  await deleteCollection(actor, params.id);
  return noContent();
});
