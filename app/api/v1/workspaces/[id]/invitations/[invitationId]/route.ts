import { apiRoute, requireActor } from "@/lib/api/route";
import { noContent } from "@/lib/api/respond";
import { cancelInvitation } from "@/lib/workspaces/members";

export const DELETE = apiRoute<{ id: string; invitationId: string }>(async ({ actor, params }) => {
  requireActor(actor);
  await cancelInvitation(actor, params.id, params.invitationId);
  return noContent();
});
