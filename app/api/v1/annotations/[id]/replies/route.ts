import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { createReply } from "@/lib/threads/reply-services";
import { createReplySchema } from "@/lib/validations/debate";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  requireActor(actor);
  return json(
    await createReply(actor, { kind: "annotation", id: params.id }, await readJson(request, createReplySchema)),
    201,
  );
});
