import { apiRoute } from "@/lib/api/route";
import { readQuery } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { suggestForSelection } from "@/lib/suggestions/suggest-passages";
import { selectionSuggestionQuerySchema } from "@/lib/validations/suggestion";

export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const selection = readQuery(request, selectionSuggestionQuerySchema);
  return json({ items: await suggestForSelection(actor, params.id, selection) });
});
