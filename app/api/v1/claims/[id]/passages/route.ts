import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { addClaimPassage } from "@/lib/claims/claim-services";
import { claimPassageSchema } from "@/lib/validations/debate";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  return json(await addClaimPassage(actor, params.id, await readJson(request, claimPassageSchema)), 201);
});
