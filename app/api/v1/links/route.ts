import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { createLink } from "@/lib/links/link-services";
import { createLinkSchema } from "@/lib/validations/debate";

export const POST = apiRoute(async ({ request, actor }) => {
  requireActor(actor);
  return json(await createLink(actor, await readJson(request, createLinkSchema)), 201);
});
