import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { reorderCollection } from "@/lib/collections/collection-services";
import { reorderCollectionSchema } from "@/lib/validations/collection";

export const PUT = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  const { itemIds } = await readJson(request, reorderCollectionSchema);
  return json(await reorderCollection(actor, params.id, itemIds));
});
