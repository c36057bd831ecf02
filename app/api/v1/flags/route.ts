import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { createFlag } from "@/lib/moderation/flag-services";
import { createFlagSchema } from "@/lib/validations/moderation";

export const POST = apiRoute(async ({ request, actor }) => {
  requireActor(actor);
  return json(await createFlag(actor, await readJson(request, createFlagSchema)), 201);
});
