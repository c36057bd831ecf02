import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json, noContent } from "@/lib/api/respond";
import { removeCollectionItem, updateCollectionItem } from "@/lib/collections/collection-services";
import { updateCollectionItemSchema } from "@/lib/validations/collection";

type Params = { id: string; itemId: string };

export const PATCH = apiRoute<Params>(async ({ request, actor, params }) => {
  requireActor(actor);
  const { note } = await readJson(request, updateCollectionItemSchema);
  return json(await updateCollectionItem(actor, params.id, params.itemId, note));
});

export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  requireActor(actor);
  await removeCollectionItem(actor, params.id, params.itemId);
  return noContent();
});
