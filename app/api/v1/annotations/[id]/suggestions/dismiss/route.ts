import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { noContent } from "@/lib/api/respond";
import { dismissSuggestion } from "@/lib/suggestions/suggest-passages";
import { dismissSuggestionSchema } from "@/lib/validations/suggestion";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  await dismissSuggestion(actor, params.id, await readJson(request, dismissSuggestionSchema));
  return noContent();
});
