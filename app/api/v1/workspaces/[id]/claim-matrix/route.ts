import { apiRoute } from "@/lib/api/route";
import { readQuery } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { claimMatrix } from "@/lib/claims/claim-services";
import { paginationSchema } from "@/lib/validations/common";

export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await claimMatrix(actor, params.id, readQuery(request, paginationSchema))),
);
