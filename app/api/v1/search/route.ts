import { apiRoute } from "@/lib/api/route";
import { readQuery } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { searchEverywhere } from "@/lib/search/search";
import { searchQuerySchema } from "@/lib/validations/search";

export const GET = apiRoute(async ({ request, actor }) =>
  json(await searchEverywhere(actor, readQuery(request, searchQuerySchema))),
);
