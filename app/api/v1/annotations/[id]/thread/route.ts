import { apiRoute } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { getAnnotation } from "@/lib/annotations/annotation-services";
import { listThreadReplies } from "@/lib/threads/reply-services";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const annotation = await getAnnotation(actor, params.id);
  return json({ annotation, ...(await listThreadReplies(actor, { kind: "annotation", id: params.id })) });
});
