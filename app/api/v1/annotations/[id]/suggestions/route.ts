import { apiRoute } from "@/lib/api/route";
import { readQuery } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { suggestPassages } from "@/lib/suggestions/suggest-passages";
import { suggestionQuerySchema } from "@/lib/validations/suggestion";

export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const { limit } = readQuery(request, suggestionQuerySchema);
  return json({ items: await suggestPassages(actor, params.id, limit) });
});
