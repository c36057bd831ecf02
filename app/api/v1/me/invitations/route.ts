import { apiRoute, requireActor } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { listMyInvitations } from "@/lib/workspaces/invitations";

// Invitations to the caller's email that can still be accepted or declined.
export const GET = apiRoute(async ({ actor }) => json(await listMyInvitations(requireActor(actor))));
