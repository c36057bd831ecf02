import { apiRoute, requireActor } from "@/lib/api/route";
import { noContent } from "@/lib/api/respond";
import { removeClaimPassage } from "@/lib/claims/claim-services";

export const DELETE = apiRoute<{ id: string; annotationId: string }>(async ({ actor, params }) => {
  requireActor(actor);
  await removeClaimPassage(actor, params.id, params.annotationId);
  return noContent();
});
