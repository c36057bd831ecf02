import { apiRoute, requireActor } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { respondToInvitation } from "@/lib/workspaces/invitations";

export const POST = apiRoute<{ invitationId: string }>(async ({ actor, params }) =>
  json(await respondToInvitation(requireActor(actor), params.invitationId, "accept")),
);
