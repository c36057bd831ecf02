import { apiRoute } from "@/lib/api/route";
import { readQuery } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { searchWorkspace } from "@/lib/search/search";
import { searchQuerySchema } from "@/lib/validations/search";

export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await searchWorkspace(actor, params.id, readQuery(request, searchQuerySchema))),
);
