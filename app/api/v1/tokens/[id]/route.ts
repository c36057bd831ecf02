import { apiRoute, requireActor } from "@/lib/api/route";
import { noContent } from "@/lib/api/respond";
import { deleteToken } from "@/lib/tokens/tokens";

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteToken(requireActor(actor).id, params.id);
  return noContent();
});
