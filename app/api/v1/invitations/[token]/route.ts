import { apiRoute, requireActor } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { findInvitationForLink } from "@/lib/workspaces/invitations";

// The invitation behind an accept link (/invitations/<token>), for the person it was sent to.
export const GET = apiRoute<{ token: string }>(async ({ actor, params }) =>
  json(await findInvitationForLink(requireActor(actor), params.token)),
);
