import { apiRoute, requireActor } from "@/lib/api/route";
import { noContent } from "@/lib/api/respond";
import { revokeUserSessions } from "@/lib/auth/sessions";

// Sign out everywhere: every browser session of the caller, this one included.
export const DELETE = apiRoute(async ({ actor }) => {
  await revokeUserSessions(requireActor(actor).id);
  return noContent();
});
