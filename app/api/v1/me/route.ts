import { apiRoute, requireActor } from "@/lib/api/route";
import { json } from "@/lib/api/respond";

export const GET = apiRoute(async ({ actor }) => {
  const { id, email, name } = requireActor(actor);
  return json({ id, email, name });
});
