import { apiRoute } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { claimMatrix } from "@/lib/claims/claim-services";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json(await claimMatrix(actor, params.id)));
