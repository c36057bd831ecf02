import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { updateReply } from "@/lib/threads/reply-services";
import { updateReplySchema } from "@/lib/validations/debate";

export const PATCH = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  return json(await updateReply(actor, params.id, await readJson(request, updateReplySchema)));
});
