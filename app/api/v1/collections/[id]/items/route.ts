import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { addCollectionItem } from "@/lib/collections/collection-services";
import { addCollectionItemSchema } from "@/lib/validations/collection";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  return json(await addCollectionItem(actor, params.id, await readJson(request, addCollectionItemSchema)), 201);
});
