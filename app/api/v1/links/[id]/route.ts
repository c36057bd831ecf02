import { apiRoute, requireActor } from "@/lib/api/route";
import { json, noContent } from "@/lib/api/respond";
import { deleteLink, getLink } from "@/lib/links/link-services";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json(await getLink(actor, params.id)));

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  requireActor(actor);
  await deleteLink(actor, params.id);
  return noContent();
});
