import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { createClaim, listClaims } from "@/lib/claims/claim-services";
import { createClaimSchema } from "@/lib/validations/debate";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) =>
  json({ items: await listClaims(actor, params.id), nextCursor: null }),
);

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  return json(await createClaim(actor, params.id, await readJson(request, createClaimSchema)), 201);
});
