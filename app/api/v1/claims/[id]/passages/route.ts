import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { addClaimPassage, listClaimPassages } from "@/lib/claims/claim-services";
import { claimPassageSchema } from "@/lib/validations/debate";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  return json(await addClaimPassage(actor, params.id, await readJson(request, claimPassageSchema)), 201);
});

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) =>
  json({ items: await listClaimPassages(actor, params.id), nextCursor: null }),
);
