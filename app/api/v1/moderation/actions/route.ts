import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { applyModerationAction } from "@/lib/moderation/apply-moderation-action";
import { moderationActionSchema } from "@/lib/validations/moderation";

export const POST = apiRoute(async ({ request, actor }) => {
  requireActor(actor);
  return json(await applyModerationAction(actor, await readJson(request, moderationActionSchema)), 201);
});
