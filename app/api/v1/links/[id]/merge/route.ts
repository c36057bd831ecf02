import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { mergeLinks } from "@/lib/moderation/merge-links";
import { mergeLinkSchema } from "@/lib/validations/moderation";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  return json(await mergeLinks(actor, params.id, await readJson(request, mergeLinkSchema)));
});
