import { apiRoute } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { getAnnotationThread } from "@/lib/threads/reply-services";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) =>
  json(await getAnnotationThread(actor, params.id)),
);
